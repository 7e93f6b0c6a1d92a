// find_entities: known names from the gazetteers, then capitalised sequences classified by the
// words around them (titles, organisation suffixes, verbs of saying), then short forms of the
// document's people linked to their full names ("Hegseth" is "Pete Hegseth").

#include <dateline/extract.h>

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "dateline_importers_data.h"
#include "entities/entities.h"
#include "entities/entity_tokens.h"
#include "entities/gazetteer.h"
#include "entities/name_cues.h"
#include "token_words.h"

namespace dateline {
namespace {

using entities::Token;

const entities::Gazetteer& gazetteer() {
  static const entities::Gazetteer g = [] {
    entities::Gazetteer built;
    built.load(data::entities_countries_tsv, "entities_countries.tsv");
    built.load(data::entities_organisations_tsv, "entities_organisations.tsv");
    built.load(data::entities_companies_tsv, "entities_companies.tsv");
    built.load(data::entities_people_tsv, "entities_people.tsv");
    built.load(data::entities_laws_products_tsv, "entities_laws_products.tsv");
    return built;
  }();
  return g;
}

enum class Source : std::uint8_t { Gazetteer, Cued, Org, SaidBy, Unknown, Single };

constexpr std::size_t kMaxJoinedWords = 4;  // words after the "and" of "Competition and Markets Board"

// A stretch of tokens [first, last) that may be a name.
struct Candidate {
  std::size_t first = 0;
  std::size_t last = 0;
  Source source = Source::Unknown;
  EntityKind kind = EntityKind::Other;
  std::string name;
};

// What the tagger needs per token and per candidate, kept by each thread from document to
// document: allocating, zeroing and freeing them for every document was a visible share of it.
struct TaggerScratch {
  // Per token: inside a gazetteer match (bytes: a bit vector cost more to fill and test).
  std::vector<std::uint8_t> known;
  std::vector<Candidate> candidates;
};

class Tagger {
 public:
  Tagger(std::string_view text, const std::vector<Span>& sentences, const std::vector<Timex>& timexes,
         std::vector<Token>& tokens, const TokenWords& words, TaggerScratch& scratch)
      : text_(text),
        cues_(entities::NameCues::instance()),
        tokens_(tokens),
        cue_of_(words.cues()),
        known_(scratch.known),
        candidates_(scratch.candidates) {
    known_.assign(tokens_.size(), 0);
    candidates_.clear();
    mark_sentence_starts(sentences);
    mark_time_words(timexes);
  }

  std::vector<EntityMention> run() {
    std::vector<std::uint8_t>& known = known_;
    const entities::Gazetteer& known_names = gazetteer();
    for (std::size_t i = 0; i < tokens_.size();) {
      if (!tokens_[i].is_word() || !known_names.may_start_with(word(i))) {
        ++i;
        continue;
      }
      auto match = known_names.longest_match(text_, tokens_, i);
      if (!match || part_of_person_name(i, *match)) {
        ++i;
        continue;
      }
      candidates_.push_back(
          Candidate{i, i + match->tokens, Source::Gazetteer, match->entity->kind, std::string(match->entity->canonical)});
      std::fill(known.begin() + static_cast<std::ptrdiff_t>(i),
                known.begin() + static_cast<std::ptrdiff_t>(i + match->tokens), true);
      i += match->tokens;
    }
    const std::size_t from_gazetteer = candidates_.size();
    for (std::size_t i = 0; i < tokens_.size();) {
      if (known[i] || !starts_name(i, known)) {
        ++i;
        continue;
      }
      const std::size_t end = extend_name(i, known);
      classify(i, end);
      i = std::max(end, i + 1);
    }
    // Each pass found its candidates in text order: merging them gives the order a sort would,
    // unless two start at one token (a name stretched over a known one, "of" in a table), whose
    // order only the sort it always had decides.
    const auto by_first = [](const Candidate& a, const Candidate& b) { return a.first < b.first; };
    const auto second_pass = candidates_.begin() + static_cast<std::ptrdiff_t>(from_gazetteer);
    if (std::any_of(second_pass, candidates_.end(), [&](const Candidate& c) { return known[c.first] != 0; })) {
      std::sort(candidates_.begin(), candidates_.end(), by_first);
    } else {
      std::inplace_merge(candidates_.begin(), second_pass, candidates_.end(), by_first);
    }
    link_people();
    link_organisations();
    std::vector<EntityMention> out;
    out.reserve(candidates_.size());
    for (Candidate& c : candidates_) {
      if (c.source == Source::Single) continue;  // a lone capitalised word no name explains
      out.push_back(EntityMention{Span{tokens_[c.first].begin, tokens_[c.last - 1].end}, std::move(c.name), c.kind});
    }
    return out;
  }

 private:
  std::string_view word(std::size_t i) const { return tokens_[i].text(text_); }
  // A word's cues, looked up with its claim phrases (TokenWords): one probe a token for both.
  std::uint16_t cue(std::size_t i) const { return cue_of_[i]; }
  bool particle(std::size_t i) const { return cues_.may_be_particle(word(i)) && (cue(i) & entities::kParticle); }
  bool glued(std::size_t i) const { return i < tokens_.size() && !tokens_[i].space_before; }
  bool is_punct(std::size_t i, char c) const {
    return i < tokens_.size() && tokens_[i].kind == entities::TokenKind::Punct && word(i).size() == 1 && word(i)[0] == c;
  }

  // "Paul Jordan", "the late George Washington": a one-word place right after a capitalised
  // word that could be a given name is a surname, not the place. A sentence's first word is
  // too often an ordinary word ("Two American soldiers") to count.
  bool part_of_person_name(std::size_t i, const entities::GazetteerMatch& match) const {
    if (match.tokens != 1 || match.entity->kind != EntityKind::Gpe || i == 0) return false;
    const std::size_t prev = i - 1;
    return tokens_[i].space_before && !tokens_[i].newline_before && name_word(prev) && !tokens_[prev].all_caps && !tokens_[prev].sentence_start &&
           !(cue(prev) & entities::kTitle) && !gazetteer().longest_match(text_, tokens_, prev);
  }

  // A capitalised word that may be part of a name: not a time word, not a "However".
  bool name_word(std::size_t i) const {
    const Token& t = tokens_[i];
    return t.is_word() && t.capitalized && !t.time && (cue(i) & entities::kNotName) == 0;
  }

  // Particles, with hyphens ("al-"), up to a capitalised word: the index of that word, if any.
  std::optional<std::size_t> particle_chain_end(std::size_t i, const std::vector<std::uint8_t>& known) const {
    std::size_t j = i;
    while (j < tokens_.size() && !known[j] && !tokens_[j].capitalized && particle(j)) {
      ++j;
      if (is_punct(j, '-') && glued(j) && glued(j + 1)) ++j;
    }
    if (j == i || j >= tokens_.size() || known[j] || tokens_[j].newline_before || !name_word(j)) return std::nullopt;
    return j;
  }

  bool starts_name(std::size_t i, const std::vector<std::uint8_t>& known) const {
    if (name_word(i)) return true;
    return tokens_[i].is_word() && !tokens_[i].capitalized && particle(i) &&
           particle_chain_end(i, known).has_value();
  }

  // The end of the name that starts at `i`: capitalised words, particles before a capitalised
  // word ("von der Leyen"), hyphenated compounds ("Surface-to-Air"), "of" after an organisation
  // word or a title ("Ministry of Defence", "Secretary of State"), a title's abbreviation stop.
  std::size_t extend_name(std::size_t i, const std::vector<std::uint8_t>& known) const {
    std::size_t end = i;
    if (!tokens_[i].capitalized) {
      auto j = particle_chain_end(i, known);
      if (!j) return i + 1;
      end = *j + 1;
    } else {
      end = i + 1;
    }
    while (end < tokens_.size()) {
      const std::size_t j = end;
      if (known[j] || tokens_[j].newline_before) break;
      if (name_word(j)) {
        ++end;
        continue;
      }
      if (tokens_[j].is_word() && !tokens_[j].capitalized && particle(j)) {
        if (auto k = particle_chain_end(j, known)) {
          end = *k + 1;
          continue;
        }
        break;
      }
      if (is_punct(j, '-') && glued(j) && glued(j + 1)) {
        // A compound: lower-case inner words are part of it only when a capitalised one ends it.
        std::size_t k = j + 1;
        while (k + 1 < tokens_.size() && tokens_[k].is_word() && !tokens_[k].capitalized && !known[k] &&
               is_punct(k + 1, '-') && glued(k + 1) && glued(k + 2)) {
          k += 2;
        }
        if (k < tokens_.size() && !known[k] && name_word(k)) {
          end = k + 1;
          continue;
        }
        break;
      }
      if (tokens_[j].is_word() && (cue(j) & entities::kConnector) &&
          (cue(j - 1) & (entities::kOrgSuffix | entities::kTitle)) && j + 1 < tokens_.size() && !known[j + 1] &&
          name_word(j + 1)) {
        end = j + 1;
        continue;
      }
      if (is_punct(j, '.') && glued(j) &&
          ((cue(j - 1) & entities::kTitle) ||
           (initial(j - 1) && j + 1 < tokens_.size() && !tokens_[j + 1].sentence_start)) &&
          j + 1 < tokens_.size() && !known[j + 1] && name_word(j + 1)) {
        end = j + 1;  // "Gov. Helen Marsh", "Paul V. Okafor"
        continue;
      }
      if (plural_possessive(j) && j + 1 < tokens_.size() && !known[j + 1] && name_word(j + 1) &&
          (cue(j + 1) & entities::kOrgSuffix)) {
        end = j + 1;  // "the Freight Workers' Union"
        continue;
      }
      if (const std::size_t joined = joined_organisation(i, j, known); joined > end) {
        end = joined;
        continue;
      }
      break;
    }
    return end;
  }

  // A capital letter standing alone before its stop: a middle initial.
  bool initial(std::size_t i) const { return tokens_[i].is_word() && tokens_[i].capitalized && word(i).size() == 1; }

  // The apostrophe of "Workers' Union": glued to a plural word, a space after it.
  bool plural_possessive(std::size_t j) const {
    if (j == 0 || !glued(j) || !tokens_[j - 1].is_word() || word(j - 1).back() != 's' || glued(j + 1)) return false;
    return apostrophe(j);
  }

  // "Competition and Markets Board", "Procter & Gamble": the end of an organisation whose name
  // joins words with "and" or "&", when the words after it end in an organisation word and the
  // words before are not a name of their own ending in one (that would be two organisations:
  // "Calder Group and Northwind Rail", where "Rail and Freight Workers' Union" is one), and
  // not when that word is a legal form.
  // Returns `j` when the name does not go on past the conjunction at `j`.
  std::size_t joined_organisation(std::size_t first, std::size_t j, const std::vector<std::uint8_t>& known) const {
    const bool ampersand = is_punct(j, '&');
    if (!ampersand && !(tokens_[j].is_word() && word(j) == "and")) return j;
    if (j - first >= 2 && (cue(j - 1) & entities::kOrgSuffix)) return j;
    std::size_t k = j + 1;
    std::size_t last_org_word = j;
    for (std::size_t words = 0; k < tokens_.size() && words < kMaxJoinedWords; ++words) {
      if (known[k] || tokens_[k].newline_before || !name_word(k)) break;
      if (cue(k) & entities::kOrgSuffix) last_org_word = k;
      ++k;
      if (plural_possessive(k) && k + 1 < tokens_.size() && name_word(k + 1) && (cue(k + 1) & entities::kOrgSuffix)) {
        ++k;
      }
    }
    // "Innopac and Mobil Corp" is two companies: a legal form ends one company's name.
    if (last_org_word > j && !(cue(last_org_word) & entities::kLegalForm)) return last_org_word + 1;
    // "Procter & Gamble": an ampersand between two names joins them whatever follows.
    return ampersand && j + 1 < k ? k : j;
  }

  std::size_t count_words(std::size_t first, std::size_t last) const {
    std::size_t n = 0;
    for (std::size_t k = first; k < last; ++k) n += tokens_[k].is_word() && tokens_[k].capitalized;
    return n;
  }

  // A title just before the name: "Pentagon chief Pete Hegseth", "officer, Frank Shaw", "Mr. Li".
  bool title_before(std::size_t first) const {
    if (first == 0) return false;
    std::size_t k = first - 1;
    if ((is_punct(k, ',') || is_punct(k, '.')) && k > 0) --k;
    return tokens_[k].is_word() && (cue(k) & entities::kTitle) && !tokens_[k + 1].newline_before;
  }

  bool said_after(std::size_t last) const {
    std::size_t k = last;
    if (is_punct(k, ',')) ++k;
    return k < tokens_.size() && tokens_[k].is_word() && (cue(k) & entities::kPersonVerb);
  }

  // "..., said Rhea Lindqvist, general secretary of the union": a verb of saying before the
  // name, and the name ends its clause.
  bool said_before(std::size_t first, std::size_t last) const {
    if (first == 0 || !tokens_[first - 1].is_word() || !(cue(first - 1) & entities::kPersonVerb)) return false;
    return last >= tokens_.size() || tokens_[last].newline_before || is_punct(last, ',') || is_punct(last, '.') ||
           is_punct(last, ';');
  }

  std::string name_text(std::size_t first, std::size_t last) const {
    std::string s;
    for (std::size_t k = first; k < last; ++k) {
      if (k > first && tokens_[k].space_before) s += ' ';
      s += word(k);
    }
    return s;
  }

  void add(std::size_t first, std::size_t last, Source source, EntityKind kind) {
    if (first >= last) return;
    candidates_.push_back(Candidate{first, last, source, kind, name_text(first, last)});
  }

  // "Calder Group Inc." is known as Calder Group: the legal form (and its stop) is part of the
  // mention, not of the name, so the mentions with and without it are one company.
  void add_organisation(std::size_t first, std::size_t last) {
    std::size_t name_end = last;
    if (name_end - first >= 2 && (cue(name_end - 1) & entities::kLegalForm)) --name_end;
    candidates_.push_back(Candidate{first, last, Source::Org, EntityKind::Org, name_text(first, name_end)});
  }

  void classify(std::size_t first, std::size_t last) {
    // Titles at the front: "President Donald Trump", "Commerce Secretary Howard Lutnick",
    // "Secretary of State Marco Rubio".
    std::optional<std::size_t> title_end;
    for (std::size_t k = first; k + 1 < last; ++k) {
      if (!(cue(k) & entities::kTitle)) continue;
      std::size_t after = k + 1;
      if (is_punct(after, '.')) ++after;
      if (after + 1 < last && (cue(after) & entities::kConnector)) after += 2;
      if (after < last && count_words(after, last) > 0) title_end = after;
    }
    // "Lakeside University", "Ministry of Water Resources": an organisation word ends the name
    // or comes before its "of".
    bool org = (cue(last - 1) & entities::kOrgSuffix) != 0;
    for (std::size_t k = first; k + 1 < last && !org; ++k) {
      org = (cue(k) & entities::kOrgSuffix) && (cue(k + 1) & entities::kConnector);
    }
    if (title_end && !org) {
      add(*title_end, last, Source::Cued, EntityKind::Person);
      return;
    }
    if (org && count_words(first, last) >= 2) {
      add_organisation(first, last);
      return;
    }
    if (title_before(first) && !org && count_words(first, last) <= 5) {
      add(first, last, Source::Cued, EntityKind::Person);
      return;
    }
    const bool said = said_after(last) || said_before(first, last);
    // A capitalised word that opens a sentence is not evidence of a name on its own; alone, it
    // is kept only if it links to a name the document gives in full ("Hegseth then posted").
    if (tokens_[first].sentence_start && !said && tokens_[first].capitalized) {
      if (count_words(first, last) == 1) {
        add(first, last, Source::Single, EntityKind::Other);
        return;
      }
      ++first;
    }
    while (first < last && !name_word(first) && !particle(first)) ++first;
    const std::size_t words = count_words(first, last);
    if (words == 0) return;
    if (said && words >= 2 && words <= 4 && !tokens_[first].all_caps) {
      add(first, last, Source::SaidBy, EntityKind::Person);
    } else if (words >= 2) {
      add(first, last, Source::Unknown, EntityKind::Other);
    } else {
      add(first, last, Source::Single, EntityKind::Other);
    }
  }

  // Short forms of the document's people: the last word or last words of a full name ("Hegseth",
  // "von der Leyen"). The nearest full name before the mention wins, else the first after it
  // (a headline names a person before the story introduces them).
  void link_people() {
    // Full names by their last word, in document order: a short form can only be a suffix of
    // a name ending in the same word, so each mention looks at those few names, not at all of
    // them (a long document names thousands of people).
    std::unordered_map<std::string_view, std::vector<const Candidate*>> people_by_last_word;
    for (const Candidate& c : candidates_) {
      if (c.kind == EntityKind::Person && count_words(c.first, c.last) >= 2) {
        people_by_last_word[word(c.last - 1)].push_back(&c);
      }
    }
    if (people_by_last_word.empty()) return;
    for (Candidate& c : candidates_) {
      if (c.source == Source::Gazetteer || c.source == Source::Org) continue;
      const std::size_t size = c.last - c.first;
      const auto same_last_word = people_by_last_word.find(word(c.last - 1));
      if (same_last_word == people_by_last_word.end()) continue;
      const Candidate* before = nullptr;
      const Candidate* after = nullptr;
      for (const Candidate* p : same_last_word->second) {
        const std::size_t psize = p->last - p->first;
        if (p == &c || psize < size || (psize == size && c.kind == EntityKind::Person)) continue;
        bool suffix = true;
        for (std::size_t k = 0; k < size && suffix; ++k) suffix = word(c.first + k) == word(p->last - size + k);
        if (!suffix) continue;
        if (p->first < c.first) {
          before = p;
        } else if (!after) {
          after = p;
        }
      }
      const Candidate* full = before ? before : after;
      if (!full) continue;
      c.name = full->name;
      c.kind = EntityKind::Person;
      c.source = Source::Cued;
    }
  }

  // Short forms of the document's organisations: the first word of an organisation's name
  // ("Calder" for Calder Group, "Northwind's shares" for Northwind Rail), the nearest full name
  // before the mention winning, else the first after it. A sentence's first word is a short form
  // only before a possessive or a verb ("Calder had agreed"), since "Federal officials" opening a
  // sentence is no mention of the Federal Mediation Service; words such as "National" or "Royal"
  // open too many names to stand for one.
  void link_organisations() {
    std::unordered_map<std::string_view, std::vector<const Candidate*>> by_first_word;
    for (const Candidate& c : candidates_) {
      if (c.source == Source::Org && count_words(c.first, c.last) >= 2 && tokens_[c.first].capitalized &&
          !(cue(c.first) & (entities::kGenericWord | entities::kTitle))) {
        by_first_word[word(c.first)].push_back(&c);
      }
    }
    if (by_first_word.empty()) return;
    for (Candidate& c : candidates_) {
      if (c.source != Source::Single && !(c.source == Source::Unknown && c.last - c.first == 1)) continue;
      if (c.last - c.first != 1) continue;
      const auto names = by_first_word.find(word(c.first));
      if (names == by_first_word.end()) continue;
      if (tokens_[c.first].sentence_start && !possessive_or_verb_after(c.first)) continue;
      const Candidate* before = nullptr;
      const Candidate* after = nullptr;
      for (const Candidate* p : names->second) {
        if (p->first < c.first) {
          before = p;
        } else if (!after) {
          after = p;
        }
      }
      const Candidate* full = before ? before : after;
      c.name = full->name;
      c.kind = full->kind;
      c.source = Source::Cued;
    }
  }

  bool possessive_or_verb_after(std::size_t i) const {
    const std::size_t k = i + 1;
    if (k >= tokens_.size()) return false;
    if (apostrophe(k) && glued(k) && k + 1 < tokens_.size() && glued(k + 1) && word(k + 1) == "s") return true;
    return tokens_[k].is_word() && (cue(k) & entities::kAuxiliary);
  }

  bool apostrophe(std::size_t k) const {
    return is_punct(k, '\'') || (tokens_[k].kind == entities::TokenKind::Punct && word(k) == "\u2019");
  }

  void mark_sentence_starts(const std::vector<Span>& sentences) {
    for (Token& t : tokens_) t.sentence_start = t.newline_before;
    auto it = tokens_.begin();
    for (const Span& s : sentences) {
      it = std::lower_bound(it, tokens_.end(), s.begin, [](const Token& t, std::uint32_t b) { return t.begin < b; });
      auto w = std::find_if(it, tokens_.end(), [&](const Token& t) { return t.is_word() || t.begin >= s.end; });
      if (w != tokens_.end() && w->is_word() && w->begin < s.end) w->sentence_start = true;
    }
  }

  // The tokens that overlap a time expression. A text has a few dozen of those and thousands of
  // tokens: each expression finds its first token by a binary search from the one before.
  void mark_time_words(const std::vector<Timex>& timexes) {
    auto it = tokens_.begin();
    for (const Timex& x : timexes) {
      it = std::partition_point(it, tokens_.end(), [&](const Token& t) { return t.end <= x.span.begin; });
      for (auto t = it; t != tokens_.end() && t->begin < x.span.end; ++t) t->time = true;
    }
  }

  std::string_view text_;
  const entities::NameCues& cues_;
  std::vector<Token>& tokens_;
  const std::vector<std::uint16_t>& cue_of_;  // per token (TokenWords::cues)
  std::vector<std::uint8_t>& known_;
  std::vector<Candidate>& candidates_;
};

}  // namespace

std::vector<EntityMention> find_entities(std::string_view text, const std::vector<Span>& sentences,
                                         const std::vector<Timex>& timexes, std::vector<entities::Token>& tokens,
                                         const TokenWords& words) {
  thread_local TaggerScratch scratch;
  return Tagger(text, sentences, timexes, tokens, words, scratch).run();
}

std::vector<EntityMention> find_entities(std::string_view text, const std::vector<Span>& sentences) {
  std::vector<entities::Token> tokens;
  entities::tokenize(text, tokens);
  TokenWords words;
  words.read(text, tokens);
  return find_entities(text, sentences, find_timexes(text, std::nullopt), tokens, words);
}

}  // namespace dateline
