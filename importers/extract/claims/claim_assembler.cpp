// Claim assembly: for each event of a sentence, its time, status, entities with roles, amount,
// attribution and topic, and whether it says enough to be a claim at all.

#include <dateline/error.h>
#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>
#include <unordered_map>

#include "claims/claim_events.h"
#include "claims/claim_status.h"
#include "claims/claim_time.h"
#include "claims/claims.h"

namespace dateline {
namespace claims {
namespace {

constexpr std::size_t kAmountWindow = 20;  // words between an event and its amount, at most
constexpr std::size_t kPronounWindow = 4;  // "it signed", "he would not approve"
constexpr std::size_t kMaxEntities = 6;
constexpr std::size_t kMaxTopicWords = 4;  // "the deadline for public comments on ...": "public comments"
constexpr std::size_t kMaxComplementTokens = 8;  // "for bids on the new dredging contract"
// Tokens from a verb to its object's "for": "signed a revised water-sharing compact for".
constexpr std::size_t kComplementReach = 8;
// Words from a subject to its event: "will stage a walkout", "will hold its first meeting".
constexpr std::size_t kMaxVerbGroupWords = 4;

// What the sentences so far tell about the ones to come.
struct DocumentState {
  std::int32_t recent_person = kNone;  // the first person named in the latest sentence that named one
  std::int32_t recent_thing = kNone;   // the same for organisations and places
  std::string main_product;            // the product named most often (twice at least)
  std::unordered_map<const Predicate*, std::string> last_topic;  // for "the deadline", "that deal"
};

struct Mention {
  std::int32_t index;
  std::size_t at;  // its first word in the sentence
};

struct Roles {
  std::vector<ClaimEntity> entities;
  std::int32_t agent = kNone;
  std::int32_t patient = kNone;
};

class SentenceAssembler {
 public:
  // `mentions` is the caller's, reused from sentence to sentence (most sentences name someone,
  // and a vector of their own was allocated and grown for each).
  SentenceAssembler(const Document& document, const DocumentWords& doc, const SentenceWords& s, DocumentState& state,
                    std::vector<Mention>& mentions)
      : document_(document), doc_(doc), s_(s), state_(state), mentions_(mentions) {
    mentions_.clear();
    for (std::size_t i = 0; i < s.size(); ++i) {
      std::int32_t m = doc.entity[s.first + i];
      if (m != kNone && (mentions_.empty() || mentions_.back().index != m)) mentions_.push_back({m, i});
    }
    if (document.published.has_bounds()) dct_ = document.published.earliest;
  }

  void run(std::vector<Claim>& out) {
    SentenceEvents se = find_events(doc_, s_);
    absorb_complements(se);
    link_times(doc_, s_, se);
    merge_gatherings(se);
    const Report* said = nullptr;
    for (const Report& r : se.reports) {
      if (r.source != kNone || resolve_report_pronoun(r) != kNone) {
        said = &r;
        break;
      }
    }
    for (const Report& r : se.reports) {
      if (r.phrase->report && r.timex != kNone && r.source != kNone) out.push_back(report_claim(r));
    }
    bool reported_now = std::any_of(se.reports.begin(), se.reports.end(), [](const Report& r) { return r.now; });
    for (Event& e : se.events) {
      if (e.consumed) continue;
      if (auto c = event_claim(e, said, reported_now)) {
        if (e.revised_from != kNone) out.push_back(replaced_value(e, *c));
        out.push_back(std::move(*c));
      }
    }
    remember_names();
  }

  // The first person and the first organisation or place the sentence names, for the pronouns
  // of the sentences after it.
  void remember_names() {
    bool person = false, thing = false;
    for (const Mention& m : mentions_) {
      auto kind = mention(m.index).kind;
      if (!person && kind == EntityKind::Person) {
        state_.recent_person = m.index;
        person = true;
      }
      if (!thing && (kind == EntityKind::Org || kind == EntityKind::Gpe)) {
        state_.recent_thing = m.index;
        thing = true;
      }
    }
  }

 private:
  const EntityMention& mention(std::int32_t m) const { return (*doc_.entities)[static_cast<std::size_t>(m)]; }
  std::string_view word(std::size_t i) const { return doc_.words[s_.first + i]; }
  std::size_t mention_words(const Mention& m) const {
    std::size_t n = 1;
    while (m.at + n < s_.size() && doc_.entity[s_.first + m.at + n] == m.index) ++n;
    return n;
  }
  bool cue(std::size_t i, Cue c) const { return ClaimLexicon::has(s_.cue[i], c); }
  Span word_span(std::size_t at, std::size_t length) const {
    return Span{doc_.tokens[s_.first + at].begin, doc_.tokens[s_.first + at + length - 1].end};
  }

  // Whether time expression `timex` lies in the clause of event `e`.
  bool in_clause_of(const Event& e, std::int32_t timex) const {
    const std::size_t at = doc_.token_at((*doc_.timexes)[static_cast<std::size_t>(timex)].span.begin);
    return at >= s_.first && at - s_.first < s_.size() && s_.clause[at - s_.first] == s_.clause[e.at];
  }

  // "the deadline for bids on the dredging contract", "a vote on the trade deal": an event noun
  // inside another event noun's complement says what that event is about; it is no event of its
  // own, to take the time the sentence gives the first.
  void absorb_complements(SentenceEvents& se) const {
    for (const Event& head : se.events) {
      if (head.consumed || head.pos != TriggerPos::Noun) continue;
      const std::size_t open = head.at + head.length;
      if (open >= s_.size() || !cue(open, Cue::Complement)) continue;
      // The complement runs to a word that ends a noun phrase (other than another "on", "of"),
      // a time or the clause's end.
      std::size_t end = open + 1;
      while (end < s_.size() && end <= open + kMaxComplementTokens && s_.clause[end] == s_.clause[head.at] &&
             doc_.timex[s_.first + end] == kNone && (!cue(end, Cue::PhraseEnd) || cue(end, Cue::Complement))) {
        ++end;
      }
      for (Event& inner : se.events) {
        if (!inner.consumed && inner.pos == TriggerPos::Noun && inner.at > open && inner.at + inner.length <= end) {
          inner.consumed = true;
        }
      }
    }
  }

  // "met ... for a summit": one gathering, named by its noun.
  static void merge_gatherings(SentenceEvents& se) {
    for (Event& verb : se.events) {
      if (verb.consumed || verb.pos != TriggerPos::Verb || !verb.predicate ||
          verb.predicate->topic != TopicRule::Participants) {
        continue;
      }
      for (Event& noun : se.events) {
        if (noun.consumed || noun.pos != TriggerPos::Noun || !noun.predicate ||
            noun.predicate->topic != TopicRule::Participants) {
          continue;
        }
        verb.consumed = true;
        if (noun.predicate != verb.predicate) noun.also.push_back(verb.predicate);
        if (noun.timex == kNone) {
          noun.timex = verb.timex;
          noun.timex_last = verb.timex_last;
          noun.time_cost = verb.time_cost;
        }
        break;
      }
    }
  }

  // "he said", "she told": the person the pronoun stands for.
  std::int32_t resolve_report_pronoun(const Report& r) const {
    if (r.phrase->reporting != ReportingKind::Say || r.at == 0) return kNone;
    std::size_t j = r.at - 1;
    if (cue(j, Cue::Perfect) && j > 0) --j;
    return cue(j, Cue::PronounPerson) ? person_before(j) : kNone;
  }

  // The first person named in the sentence before word `at`, else in the sentences before.
  std::int32_t person_before(std::size_t at) const {
    for (const Mention& m : mentions_) {
      if (m.at < at && mention(m.index).kind == EntityKind::Person) return m.index;
    }
    return state_.recent_person;
  }

  std::int32_t thing_before(std::size_t at) const {
    for (const Mention& m : mentions_) {
      auto kind = mention(m.index).kind;
      if (m.at < at && (kind == EntityKind::Org || kind == EntityKind::Gpe)) return m.index;
    }
    return state_.recent_thing;
  }

  std::int32_t source_of(const Report* r) const {
    if (!r) return kNone;
    return r->source != kNone ? r->source : resolve_report_pronoun(*r);
  }

  Claim base_claim(Span trigger) const {
    Claim c;
    c.id = fmt::format("{}-{}", document_.id, trigger.begin);
    c.doc = document_.id;
    c.trigger = trigger;
    c.evidence.doc = document_.id;
    c.evidence.span = s_.span;
    c.evidence.quote = std::string(s_.span.slice(doc_.text));
    return c;
  }

  // "ProPublica reported Tuesday": the report is news of its own.
  Claim report_claim(const Report& r) const {
    Claim c = base_claim(word_span(r.at, r.length));
    const EntityMention& source = mention(r.source);
    c.predicate = r.phrase->report->name;
    c.topic = fmt::format("{} {}", source.name, r.phrase->report->noun);
    c.entities.push_back(ClaimEntity{source.name, source.kind, "agent"});
    c.time = (*doc_.timexes)[static_cast<std::size_t>(r.timex)];
    c.status = c.time->value.has_bounds() && dct_ && *c.time->value.earliest > *dct_ ? ClaimStatus::Scheduled
                                                                                     : ClaimStatus::Occurred;
    c.confidence = 0.8;
    return c;
  }

  Roles roles_of(const Event& e, std::int32_t exclude) const {
    const ClaimLexicon& lex = ClaimLexicon::get();
    Roles roles;
    const std::size_t end = e.at + e.length;
    const bool participants = e.predicate->topic == TopicRule::Participants;
    bool passive = false;
    for (std::size_t j = e.at; j-- > 0 && e.at - j <= 2;) passive |= cue(j, Cue::Passive);
    std::int32_t before = kNone;
    bool first_after = true;
    auto add = [&](std::int32_t m, std::string role) {
      const EntityMention& em = mention(m);
      for (auto& ce : roles.entities) {
        if (ce.name == em.name) {
          if (ce.role.empty()) ce.role = role;
          return;
        }
      }
      if (roles.entities.size() < kMaxEntities)
        roles.entities.push_back(ClaimEntity{em.name, em.kind, std::move(role)});
    };
    std::vector<std::pair<std::int32_t, std::string>> found;
    for (const Mention& m : mentions_) {
      if (s_.clause[m.at] != s_.clause[e.at]) continue;
      const bool modifies = e.pos == TriggerPos::Noun && m.at < e.at && m.at + mention_words(m) + 2 >= e.at;
      if (m.index == exclude && !modifies) continue;
      // The word before the name, past determiners and title words ("the government of Egypt",
      // "Chinese President Xi Jinping").
      std::size_t p = m.at;
      while (p > 0 && doc_.entity[s_.first + p - 1] == kNone &&
             (cue(p - 1, Cue::Definite) || word(p - 1) == "a" || word(p - 1) == "an" ||
              doc_.tokens[s_.first + p - 1].capitalized)) {
        --p;
      }
      std::string_view prep = p > 0 ? word(p - 1) : std::string_view{};
      std::string_view role = lex.role_after(prep);
      const bool is_place = mention(m.index).kind == EntityKind::Gpe;
      std::string r;
      if (m.at >= end) {
        if (role == "agent" && !passive && e.pos != TriggerPos::Noun) role = {};
        if (role == "location" && !is_place) role = {};
        if (!role.empty()) {
          r = std::string(role);
        } else if (first_after && e.pos != TriggerPos::Noun && prep != "," &&
                   (p == 0 || !cue(p - 1, Cue::Preposition))) {
          r = "patient";
        }
        first_after = false;
        if (r == "agent") roles.agent = m.index;
        if (r == "patient" && roles.patient == kNone) roles.patient = m.index;
      } else if (m.at < e.at) {
        if (modifies) {
          before = m.index;  // "a Reuters report", "Microsoft's statement"
        } else if (!role.empty() && role != "agent") {
          if (role == "location" && is_place) r = "location";
        } else if (e.pos != TriggerPos::Noun || before == kNone ||
                   (mention(before).kind == EntityKind::Gpe && mention(m.index).kind != EntityKind::Gpe)) {
          // A verb's agent is the name nearest before it, a noun's the clause's subject.
          before = m.index;
        }
      }
      if (participants && r != "location") r = "participant";
      found.emplace_back(m.index, std::move(r));
    }
    if (before != kNone && !participants) {
      if (passive) {
        if (roles.patient == kNone) roles.patient = before;
        for (auto& [m, r] : found)
          if (m == before) r = "patient";
      } else if (roles.agent == kNone) {
        roles.agent = before;
        for (auto& [m, r] : found)
          if (m == before) r = "agent";
      }
    }
    // "it signed a treaty", "he extended": the pronoun's name is the agent.
    if (roles.agent == kNone && !participants && !passive) {
      for (std::size_t j = e.at; j-- > 0 && e.at - j <= kPronounWindow && s_.clause[j] == s_.clause[e.at];) {
        std::int32_t m = cue(j, Cue::PronounPerson)  ? person_before(j)
                         : cue(j, Cue::PronounThing) ? thing_before(j)
                                                     : kNone;
        if (m != kNone) {
          roles.agent = m;
          found.insert(found.begin(), {m, "agent"});
          break;
        }
      }
    }
    for (auto& [m, r] : found) add(m, r);
    return roles;
  }

  std::optional<Amount> amount_of(const Event& e, const Predicate& p) const {
    if (p.amount == AmountKind::None) return std::nullopt;
    std::optional<Amount> best;
    std::size_t best_distance = kAmountWindow + 1;
    std::int32_t last = kNone;
    for (std::size_t i = 0; i < s_.size(); ++i) {
      std::int32_t a = doc_.amount[s_.first + i];
      if (a == kNone || a == last) continue;
      last = a;
      const Amount& amount = (*doc_.amounts)[static_cast<std::size_t>(a)];
      bool money = amount.unit.size() == 3 && amount.unit[0] >= 'A' && amount.unit[0] <= 'Z';
      bool fits = p.amount == AmountKind::Any || (p.amount == AmountKind::Money && money) ||
                  (p.amount == AmountKind::Percent && amount.unit == "percent");
      if (!fits) continue;
      std::size_t distance = i >= e.at ? i - e.at : e.at - i;
      if (s_.clause[i] != s_.clause[e.at]) distance += 8;
      if (distance < best_distance) {
        best_distance = distance;
        best = amount;
      }
    }
    return best;
  }

  // A deadline's date stated without a year ("extended the deadline to July 31", "must repay by
  // June 30") is the next such date: the time tagger reads the past tense of "extended" as a
  // past date, but a deadline set in the past for an earlier date would be no news.
  Timex ahead_of(const Timex& t) const {
    const TimeValue& v = t.value;
    const bool plain = v.mod == Mod::None || v.mod == Mod::Start || v.mod == Mod::Mid || v.mod == Mod::End;
    if (t.anchoring != Anchoring::Dct || !dct_ || !v.has_bounds() || !plain ||
        (v.granularity != Granularity::Day && v.granularity != Granularity::Month) || v.value.size() < 7) {
      return t;
    }
    // Only a date set as a target ("to July 31", "by June 30", "until October"), and not a
    // weekday of the last week ("by Monday"), which a year would not fix.
    if (*v.latest + boost::gregorian::days(7) >= *dct_) return t;
    const std::size_t at = doc_.token_at(t.span.begin);
    if (at == 0 || (doc_.words[at - 1] != "to" && !target_cue(at - 1))) return t;
    return year_stated(t) ? t : next_year(t);
  }

  bool year_stated(const Timex& t) const {
    std::string_view text = t.span.slice(doc_.text);
    for (std::size_t k = 0; k + 4 <= text.size(); ++k) {
      if (std::all_of(text.begin() + static_cast<std::ptrdiff_t>(k), text.begin() + static_cast<std::ptrdiff_t>(k + 4),
                      [](char ch) { return ch >= '0' && ch <= '9'; })) {
        return true;
      }
    }
    return false;
  }

  static Timex next_year(const Timex& t) {
    const TimeValue& v = t.value;
    Timex moved = t;
    try {
      int year = std::stoi(v.value.substr(0, 4));
      moved.value = parse_time_value(fmt::format("{:04}{}", year + 1, v.value.substr(4)), v.type);
    } catch (const std::exception&) {
      return t;  // "2024-02-29" has no next year's twin: keep what the text gave
    }
    return moved;
  }

  // One time from the first time's start to the last's end: "in April and May" is 2025-04/2025-05.
  Timex span_of(std::int32_t first, std::int32_t last) const {
    const Timex& a = (*doc_.timexes)[static_cast<std::size_t>(first)];
    const Timex& b = (*doc_.timexes)[static_cast<std::size_t>(last)];
    Timex joined = a;
    joined.span = Span{a.span.begin, b.span.end};
    try {
      joined.value = range_value(a.value, b.value);
    } catch (const ValueError&) {
      return a;  // ends no range can hold ("2025-05/2025-XX"): the first time, as the text gave it
    }
    return joined;
  }

  bool target_cue(std::size_t token) const {
    std::size_t length = 0;
    return ClaimLexicon::has(ClaimLexicon::cue(doc_.entries[token], doc_.words, token, length), Cue::Deadline);
  }

  // Places the sentence names only right before another name, as its modifier: "the U.S.
  // Federal Mediation Service" is no party of its own to a meeting.
  std::vector<std::string> place_modifiers() const {
    std::vector<std::string> modifiers, standalone;
    for (std::size_t k = 0; k < mentions_.size(); ++k) {
      const EntityMention& m = mention(mentions_[k].index);
      if (m.kind != EntityKind::Gpe) continue;
      const bool modifies =
          k + 1 < mentions_.size() && mentions_[k + 1].at == mentions_[k].at + mention_words(mentions_[k]);
      (modifies ? modifiers : standalone).push_back(m.name);
    }
    std::erase_if(modifiers, [&](const std::string& n) {
      return std::find(standalone.begin(), standalone.end(), n) != standalone.end();
    });
    return modifiers;
  }

  std::string name_of(std::int32_t m) const { return m == kNone ? std::string() : mention(m).name; }

  std::string topic_of(const Event& e, const Predicate& p, const Roles& roles, std::int32_t source) const {
    // "extended that deadline", "the original deadline": the deadline named before.
    if (e.object_predicate && e.object_definite) {
      if (auto it = state_.last_topic.find(e.object_predicate); it != state_.last_topic.end()) return it->second;
    }
    const bool definite = (e.at >= 1 && cue(e.at - 1, Cue::Definite)) || (e.at >= 2 && cue(e.at - 2, Cue::Definite));
    const std::string& noun = e.noun.empty() ? p.noun : e.noun;
    std::string name;
    auto product_in_sentence = [&]() -> std::int32_t {
      for (const Mention& m : mentions_) {
        auto kind = mention(m.index).kind;
        if (kind == EntityKind::Product || kind == EntityKind::Law) return m.index;
      }
      return kNone;
    };
    // "signed a treaty": a signing's topic is the treaty's.
    TopicRule rule = p.topic == TopicRule::Object && e.object_predicate ? e.object_predicate->topic : p.topic;
    switch (rule) {
      case TopicRule::Agent:
        name = name_of(roles.agent != kNone ? roles.agent : source);
        break;
      case TopicRule::Participants: {
        // The parties of the event's clause first, then of the sentence.
        std::vector<std::string> names;
        const std::vector<std::string> modifiers = place_modifiers();
        auto take = [&](const std::string& n, EntityKind kind) {
          if ((kind == EntityKind::Gpe || kind == EntityKind::Org) && n != name_of(source) &&
              std::find(modifiers.begin(), modifiers.end(), n) == modifiers.end() &&
              std::find(names.begin(), names.end(), n) == names.end() && names.size() < 2) {
            names.push_back(n);
          }
        };
        for (const auto& ce : roles.entities) take(ce.name, ce.kind);
        for (const Mention& m : mentions_) {
          if (m.at < e.at) take(mention(m.index).name, mention(m.index).kind);
        }
        if (names.size() == 2) name = fmt::format("{} and {}", names[0], names[1]);
        if (names.size() == 1) name = names[0];
        if (!names.empty()) break;
        [[fallthrough]];
      }
      case TopicRule::Object: {
        std::int32_t object = e.object_entity != kNone ? e.object_entity : roles.patient;
        if (object != kNone &&
            (mention(object).kind == EntityKind::Product || mention(object).kind == EntityKind::Law)) {
          name = name_of(object);
        } else if (std::int32_t product = product_in_sentence(); product != kNone) {
          name = name_of(product);
        } else if ((definite || e.pos == TriggerPos::Noun) && state_.last_topic.contains(e.predicate)) {
          return state_.last_topic.at(e.predicate);  // "the original deadline": the deadline before
        } else if (!state_.main_product.empty()) {
          name = state_.main_product;
        } else {
          name = name_of(object != kNone ? object : roles.agent);
        }
        break;
      }
    }
    if (name.empty() && definite && state_.last_topic.contains(e.predicate)) return state_.last_topic.at(e.predicate);
    if (name.empty()) name = complement_of(e);
    if (name.empty() && (rule == TopicRule::Participants || rule == TopicRule::Agent)) name = subject_of(e);
    if (name.empty() && rule == TopicRule::Participants && e.pos == TriggerPos::Verb) {
      name = phrase_at(e.at + e.length, e);  // "will meet freight operators next Tuesday"
    }
    if (name.empty()) {
      // Last, the organisation the sentence names: "... across the DoD" for a review.
      for (const Mention& m : mentions_) {
        if (mention(m.index).kind == EntityKind::Org && m.index != source) {
          name = mention(m.index).name;
          break;
        }
      }
    }
    return name.empty() ? noun : fmt::format("{} {}", name, noun);
  }

  // What an event noun's complement says it is about, when no name does: "the deadline for bids
  // to operate the corridor" is about bids, "a vote on the new budget" about the new budget,
  // "extended the deadline for public comments" about public comments. The words after "for",
  // "of", "on" ... (COMPLEMENT) up to a word that ends a noun phrase, a time or an amount; for a
  // verb, the complement of the event noun in its object, else its object when a determiner
  // opens it ("sell its rail unit": an adverb never follows "its"). Empty when there is none.
  std::string complement_of(const Event& e) const {
    std::size_t i = e.at + e.length;
    // A verb's own "for" is no topic ("paid for the repairs"), but a phrase ending in its noun
    // ("hold a vote on the budget") and an event noun in its object are nouns with complements.
    const bool noun_last = e.pos == TriggerPos::Noun || e.length > 1;
    if (!noun_last && !e.object_predicate) {
      const bool determined = i < s_.size() && (cue(i, Cue::Determiner) || cue(i, Cue::Definite));
      return determined ? phrase_at(i, e) : std::string();
    }
    const std::size_t reach = noun_last && !e.object_predicate ? 1 : kComplementReach;
    while (i < s_.size() && i < e.at + e.length + reach && !cue(i, Cue::Complement)) {
      if (s_.clause[i] != s_.clause[e.at] || doc_.timex[s_.first + i] != kNone || cue(i, Cue::PhraseEnd)) return {};
      ++i;
    }
    if (i >= s_.size() || !cue(i, Cue::Complement)) return {};
    return phrase_at(i + 1, e);
  }

  // Who holds an event that no name is given for: the plain noun phrase that opens its clause,
  // "Tram drivers will stage a walkout" (tram drivers), or that a relative clause follows, "a
  // joint board, which will meet on May 2" (joint board). Only a phrase that ends at the event
  // or where its verb group opens (a status cue: "will", "have", "could"; or an adverb), a few
  // words before the event; a pronoun, a name, a time or a phrase that runs into a preposition
  // ("negotiators from both sides met") gives none.
  std::string subject_of(const Event& e) const {
    std::size_t start = e.at;
    while (start > 0 && s_.clause[start - 1] == s_.clause[e.at]) --start;
    std::size_t first = start, last = start;  // the phrase's words [first, last)
    std::size_t verb_group = start;           // where the words between it and the event start
    if (cue(start, Cue::Relative)) {
      if (start < 2 || word(start - 1) != ",") return {};
      last = start - 1;
      first = last;
      while (first > 0 && last - first < kMaxTopicWords && plain_word(first - 1)) --first;
      if (first == last || first == 0 || !(cue(first - 1, Cue::Determiner) || cue(first - 1, Cue::Definite))) return {};
      verb_group = start + 1;
    } else {
      while (first < e.at && (cue(first, Cue::Determiner) || cue(first, Cue::Definite))) ++first;
      last = first;
      while (last < e.at && last - first < kMaxTopicWords && plain_word(last)) ++last;
      if (last == first || (last < e.at && !opens_verb_group(last))) return {};
      verb_group = last;
    }
    std::size_t words = 0;  // "one-day" is one word
    for (std::size_t i = verb_group; i < e.at; ++i) {
      const entities::Token& t = doc_.tokens[s_.first + i];
      if (t.is_word() && (i == verb_group || t.space_before || word(i - 1) != "-")) ++words;
    }
    if (words > kMaxVerbGroupWords) return {};
    std::string phrase;
    for (std::size_t i = first; i < last; ++i) {
      if (!phrase.empty() && doc_.tokens[s_.first + i].space_before) phrase += ' ';
      phrase += doc_.tokens[s_.first + i].text(doc_.text);
    }
    // The capital a sentence opens with is no part of the phrase ("Tram drivers"), unless the
    // phrase is a name the tagger did not know ("Rosco Mining") or an acronym ("EU").
    bool lower_rest = true;
    for (std::size_t i = first + 1; i < last; ++i) lower_rest &= !doc_.tokens[s_.first + i].capitalized;
    if (first == 0 && lower_rest && phrase.size() > 1 && phrase[0] >= 'A' && phrase[0] <= 'Z' && phrase[1] >= 'a' &&
        phrase[1] <= 'z') {
      phrase[0] = static_cast<char>(phrase[0] - 'A' + 'a');
    }
    return phrase;
  }

  // A word of a plain noun phrase: no cue, no name, time or amount, no event's first word.
  bool plain_word(std::size_t i) const {
    const std::size_t t = s_.first + i;
    std::size_t length = 0;
    return doc_.tokens[t].is_word() && !s_.cue[i] && doc_.entity[t] == kNone && doc_.timex[t] == kNone &&
           doc_.amount[t] == kNone && !ClaimLexicon::trigger(doc_.entries[t], doc_.words, t, length);
  }

  bool opens_verb_group(std::size_t i) const {
    constexpr Cue kVerbGroup[] = {Cue::Future,   Cue::Perfect,    Cue::Modal,     Cue::Possible,
                                  Cue::Proposed, Cue::Planned,    Cue::Scheduled, Cue::Passive,
                                  Cue::Negation, Cue::Obligation, Cue::Adverb};
    return std::any_of(std::begin(kVerbGroup), std::end(kVerbGroup), [&](Cue c) { return cue(i, c); });
  }

  // The noun phrase from word `i` without its determiners, to a word that ends a noun phrase, a
  // time, an amount or the clause of `e`; at most kMaxTopicWords words.
  std::string phrase_at(std::size_t i, const Event& e) const {
    while (i < s_.size() && (cue(i, Cue::Determiner) || cue(i, Cue::Definite))) ++i;
    std::string phrase;
    std::size_t words = 0;
    for (; i < s_.size() && words < kMaxTopicWords; ++i) {
      const entities::Token& t = doc_.tokens[s_.first + i];
      if (s_.clause[i] != s_.clause[e.at] || doc_.timex[s_.first + i] != kNone || doc_.amount[s_.first + i] != kNone) {
        break;
      }
      const std::string_view text = t.text(doc_.text);
      if (t.kind == entities::TokenKind::Punct && text == "-" && !phrase.empty() && i + 1 < s_.size() &&
          !t.space_before && !doc_.tokens[s_.first + i + 1].space_before) {
        phrase += '-';  // "water-sharing"
        continue;
      }
      // A cue of several words ("is expected to", "has to") opens a verb group: no noun phrase holds one.
      if (!t.is_word() || cue(i, Cue::PhraseEnd) || cue(i, Cue::Definite) || cue(i, Cue::Determiner) ||
          cue(i, Cue::Adverb) || cue(i, Cue::Pronoun) || s_.cue_length[i] > 1) {
        break;
      }
      if (!phrase.empty() && phrase.back() != '-') phrase += ' ';
      phrase += text;
      ++words;
    }
    if (!phrase.empty() && phrase.back() == '-') phrase.pop_back();
    return phrase;
  }

  // "must review the compact within 90 days", "has 30 days to respond": the day the length
  // ends, counted from the publication date, since the text gives no other start. Whole days,
  // weeks, months or years only ("P90D", "P6M"); a vaguer length ("PXM") sets no deadline.
  std::optional<Timex> deadline_after_length(std::int32_t within) const {
    const Timex& length = (*doc_.timexes)[static_cast<std::size_t>(within)];
    const std::string_view v = length.value.value;
    if (!dct_ || v.size() < 3 || v.size() > 6 || v[0] != 'P') return std::nullopt;
    int n = 0;
    for (char ch : v.substr(1, v.size() - 2)) {
      if (ch < '0' || ch > '9') return std::nullopt;
      n = n * 10 + (ch - '0');
    }
    if (n == 0) return std::nullopt;
    Date end;
    try {
      switch (v.back()) {
        case 'D': end = *dct_ + boost::gregorian::days(n); break;
        case 'W': end = *dct_ + boost::gregorian::weeks(n); break;
        case 'M': end = *dct_ + boost::gregorian::months(n); break;
        case 'Y': end = *dct_ + boost::gregorian::years(n); break;
        default: return std::nullopt;
      }
    } catch (const std::out_of_range&) {
      return std::nullopt;  // "within 9999 years": past the calendar's end, no deadline
    }
    if (end.is_special()) return std::nullopt;
    Timex t;
    t.span = length.span;
    t.value = day_value(end);
    t.anchoring = Anchoring::Dct;
    return t;
  }

  std::optional<Claim> event_claim(Event& e, const Report* said, bool reported_now) {
    const Predicate* predicate = e.predicate;
    // A length that runs to the event's deadline makes the claim that deadline: "must review
    // the compact within 90 days" is the review's deadline, named by the review.
    std::optional<Timex> length_deadline;
    if (e.timex == kNone && e.within != kNone) length_deadline = deadline_after_length(e.within);
    if (length_deadline && predicate && predicate->name != "deadline") {
      // The deadline is the verb's own event ("review"), not its object's ("the compact").
      e.noun = predicate->noun;
      e.object_predicate = nullptr;
      if (std::find(e.also.begin(), e.also.end(), predicate) == e.also.end()) e.also.push_back(predicate);
    }
    if ((e.pos == TriggerPos::ByVerb && e.deadline_time) || length_deadline) {
      predicate = ClaimLexicon::get().predicate("deadline");
    } else if (e.pos == TriggerPos::ByVerb && !e.deadline_time && predicate == nullptr) {
      return std::nullopt;
    }
    if (!predicate) return std::nullopt;
    e.predicate = predicate;
    Claim c = base_claim(word_span(e.at, e.length));
    c.predicate = predicate->name;
    for (const Predicate* a : e.also) {
      if (a != predicate) c.also.push_back(a->name);
    }
    std::optional<Timex> linked;
    if (e.timex != kNone && e.timex_last != kNone) {
      linked = span_of(e.timex, e.timex_last);
    } else if (e.timex != kNone) {
      const Timex& t = (*doc_.timexes)[static_cast<std::size_t>(e.timex)];
      linked = predicate->ahead ? ahead_of(t) : t;
    } else if (length_deadline) {
      linked = length_deadline;
    }
    const Timex* time = linked ? &*linked : nullptr;
    const bool reported_speech = said && said->at < e.at;
    c.status = status_of(s_, e, *predicate, time, dct_, reported_speech);
    if (c.status == ClaimStatus::Negated && time && !in_clause_of(e, e.timex)) {
      // "would not delay the award, which is still planned for 2026": what does not happen has
      // no date, least of all another clause's.
      time = nullptr;
    }
    const std::int32_t source = source_of(said);
    Roles roles = roles_of(e, source);
    if (predicate->topic == TopicRule::Agent && roles.agent == kNone && source != kNone) {
      // "In a statement on Thursday, the agency said": the statement is the source's.
      roles.agent = source;
      roles.entities.insert(roles.entities.begin(), ClaimEntity{mention(source).name, mention(source).kind, "agent"});
    }
    c.entities = roles.entities;
    c.amount = amount_of(e, *predicate);
    if (source != kNone) c.attribution = mention(source).name;
    c.topic = topic_of(e, *predicate, roles, source);
    state_.last_topic[predicate] = c.topic;
    if (e.object_predicate) state_.last_topic[e.object_predicate] = c.topic;
    for (const Predicate* a : e.also) state_.last_topic[a] = c.topic;

    const bool quoted = s_.quoted[e.at];
    const bool weak_status =
        c.status == ClaimStatus::Conditional || c.status == ClaimStatus::Possible || c.status == ClaimStatus::Proposed;
    double confidence = 0.35;
    if (time) {
      c.time = *time;
      c.time_source = ClaimTimeSource::Text;
      confidence += e.time_cost <= 3 ? 0.35 : 0.2;
    } else if (reported_now && source != kNone && e.pos != TriggerPos::Noun && c.status == ClaimStatus::Occurred &&
               dct_ && !quoted) {
      // "X has approved Y, the Pentagon has announced": a fresh report dates its news.
      c.time = Timex{Span{}, document_.published, Anchoring::Dct};
      c.time_source = ClaimTimeSource::Publication;
      confidence += 0.15;
    }
    if (c.amount) confidence += 0.1;
    if (roles.agent != kNone) confidence += 0.1;
    if (quoted) confidence -= 0.1;
    if (weak_status) confidence -= 0.1;
    c.confidence = std::clamp(confidence, 0.05, 0.95);

    // Precision: a claim says when, how much, or who did what to whom; an opinion in quotes or a
    // mere possibility needs a time.
    const bool planned = c.status == ClaimStatus::Planned || c.status == ClaimStatus::Scheduled;
    // An amount alone makes a claim of a verb ("agreed to buy X for $2bn"), not of a noun, which
    // in business copy is mostly a figure's label ("investment securities worth $4bn").
    const bool verb = e.pos != TriggerPos::Noun;
    bool keep = c.time.has_value() || (!quoted && !weak_status && verb && c.amount) || (planned && e.duration);
    if (!keep && !quoted && !weak_status && e.pos != TriggerPos::Noun && roles.agent != kNone) {
      keep = std::any_of(roles.entities.begin(), roles.entities.end(), [&](const ClaimEntity& ce) {
        return ce.role == "patient" || ce.role == "recipient" || ce.role == "participant" || ce.role == "target";
      });
    }
    if (!keep) return std::nullopt;
    return c;
  }

  // "extended the deadline from March 31 to April 30": besides the extension (dated April 30,
  // stating the deadline too), the deadline of March 31 it replaced, marked superseded, so the
  // engine keeps one deadline with its history rather than a deadline on March 31.
  Claim replaced_value(const Event& e, Claim& revision) const {
    const Predicate* revised = e.object_predicate ? e.object_predicate : e.predicate->revises;
    if (std::find(revision.also.begin(), revision.also.end(), revised->name) == revision.also.end()) {
      revision.also.push_back(revised->name);
    }
    Timex old = (*doc_.timexes)[static_cast<std::size_t>(e.revised_from)];
    // "pushed back the deadline from June 30 to September 30": when the new date was read as next
    // year's (ahead_of), the old one of the same year without a stated year moves with it.
    const TimeValue& raw = (*doc_.timexes)[static_cast<std::size_t>(e.timex)].value;
    if (revision.time && revision.time->value.value != raw.value && old.anchoring == Anchoring::Dct && !year_stated(old) &&
        old.value.value.substr(0, 4) == raw.value.substr(0, 4)) {
      old = next_year(old);
    }
    Claim c = revision;
    c.id = fmt::format("{}-{}", document_.id, old.span.begin);
    c.predicate = revised->name;
    c.also.clear();
    c.time = old;
    c.time_source = ClaimTimeSource::Text;
    c.status = ClaimStatus::Superseded;
    return c;
  }

  const Document& document_;
  const DocumentWords& doc_;
  const SentenceWords& s_;
  DocumentState& state_;
  std::vector<Mention>& mentions_;  // the sentence's names: the entity mentions it holds, in order
  std::optional<Date> dct_;
};

std::string main_product(const std::vector<EntityMention>& entities) {
  std::unordered_map<std::string_view, int> counts;
  std::string_view best;
  int best_count = 1;
  for (const auto& m : entities) {
    if (m.kind != EntityKind::Product) continue;
    int n = ++counts[m.name];
    if (n > best_count) {
      best_count = n;
      best = m.name;
    }
  }
  return std::string(best);
}

// A "sentence" longer than this is no sentence (a page with no full stops, a list run
// together): it is read in pieces of at most this many bytes, cut at spaces. Every claim quotes
// its piece, so quotes stay readable and the work and memory stay linear in the text.
constexpr std::uint32_t kMaxSentenceBytes = 1500;

void bounded_pieces(std::string_view text, Span sentence, std::vector<Span>& pieces) {
  pieces.clear();
  Span rest = sentence;
  while (rest.end - rest.begin > kMaxSentenceBytes) {
    std::uint32_t cut = rest.begin + kMaxSentenceBytes;
    // The last space in the second half of the piece, else the first one after it.
    std::uint32_t at = cut;
    while (at > rest.begin + kMaxSentenceBytes / 2 && text[at] != ' ' && text[at] != '\n') --at;
    if (text[at] != ' ' && text[at] != '\n') {
      at = cut;
      while (at < rest.end && text[at] != ' ' && text[at] != '\n') ++at;
    }
    if (at >= rest.end) break;
    pieces.push_back(Span{rest.begin, at});
    rest.begin = at + 1;
  }
  if (rest.begin < rest.end) pieces.push_back(rest);
}

}  // namespace
}  // namespace claims

std::vector<Claim> find_claims(const Document& document, const std::vector<Timex>& timexes,
                               const std::vector<EntityMention>& entities, const std::vector<Amount>& amounts,
                               const std::vector<entities::Token>& tokens, const TokenWords& words) {
  using namespace claims;
  std::vector<Claim> out;
  // Reused, like the sentence's words below, from document to document.
  thread_local DocumentWords doc;
  doc.read(document.text, tokens, words, timexes, entities, amounts);
  DocumentState state;
  state.main_product = main_product(entities);
  bool in_quote = false;
  // Reused, with the pieces, from sentence to sentence and from document to document.
  thread_local SentenceWords s;
  thread_local std::vector<Span> pieces;
  thread_local std::vector<Mention> mentions;
  s.last = 0;  // sentence_bounds steps forward from the sentence before
  for (const Span& sentence : document.sentences) {
    bounded_pieces(document.text, sentence, pieces);
    for (const Span& span : pieces) {
      sentence_bounds(doc, span, s);
      if (may_hold_events(doc, s)) {
        sentence_words(doc, in_quote, s);
        SentenceAssembler(document, doc, s, state, mentions).run(out);
      } else {
        // No event and no report: what the sentence leaves for the next ones is its names
        // (for pronouns) and an open quotation.
        skip_quotes(doc, s, in_quote);
        SentenceAssembler(document, doc, s, state, mentions).remember_names();
      }
    }
  }
  return out;
}

}  // namespace dateline
