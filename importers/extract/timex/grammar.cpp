#include "timex/grammar.h"

#include "dateline_importers_data.h"
#include "tsv_rows.h"
#include "timex/normalizers.h"

#include <algorithm>
#include <fmt/format.h>
#include <stdexcept>

namespace dateline::timex {

const Token* Match::by_class(TokenClass c, int nth) const {
  for (std::size_t e = 0; e < elements; ++e) {
    if (token_of[e] < 0) continue;
    const Alternative& alt = pattern->elements[e].alternatives[static_cast<std::size_t>(alt_of[e])];
    if (alt.is_class && alt.cls == c && nth-- == 0) return &(*tokens)[static_cast<std::size_t>(token_of[e])];
  }
  return nullptr;
}

const Token* Match::element(std::size_t e) const {
  if (e >= elements || token_of[e] < 0) return nullptr;
  return &(*tokens)[static_cast<std::size_t>(token_of[e])];
}

bool Match::has_literal(std::string_view word) const {
  for (std::size_t e = 0; e < elements; ++e) {
    if (token_of[e] < 0) continue;
    const Token& t = (*tokens)[static_cast<std::size_t>(token_of[e])];
    if (t.lex && t.lex->word == word) return true;
  }
  return false;
}

const Grammar& Grammar::instance() {
  static const Grammar grammar;
  return grammar;
}

Grammar::Grammar() {
  lexicon_.load(data::timex_lexicon_tsv);
  load_patterns(data::timex_patterns_tsv);
  load_modifiers(data::timex_modifiers_tsv);
  index_entries();
}

void Grammar::FollowSet::add(const Element& e) {
  for (const Alternative& a : e.alternatives) {
    if (a.is_class) {
      classes |= bit(a.cls);
    } else {
      literals |= std::uint64_t{1} << (a.literal & 63);
    }
  }
}

void Grammar::Candidates::add(const Candidate& c) {
  list.push_back(c);
  any_single |= c.single;
  follow.classes |= c.follow.classes;
  follow.literals |= c.follow.literals;
}

Grammar::Candidate Grammar::candidate(std::uint32_t id, const LexEntry* entry) const {
  const std::vector<Element>& elements = patterns_[id].elements;
  auto takes = [&](const Element& e) {
    if (entry == nullptr) return true;
    for (const Alternative& a : e.alternatives) {
      if (a.is_class ? (entry->classes & bit(a.cls)) != 0 : entry->id == a.literal) return true;
    }
    return false;
  };
  Candidate c;
  c.pattern = id;
  // The first token takes some element k that only optional elements precede; the second
  // token then takes an element after k that only optional elements separate from it.
  for (std::size_t k = 0; k < elements.size(); ++k) {
    if (takes(elements[k])) {
      bool rest_optional = true;
      for (std::size_t j = k + 1; j < elements.size(); ++j) {
        c.follow.add(elements[j]);
        if (!elements[j].optional) {
          rest_optional = false;
          break;
        }
      }
      c.single |= rest_optional;
    }
    if (!elements[k].optional) break;
  }
  return c;
}

void Grammar::index_entries() {
  any_start_.clear();
  for (std::uint32_t id = 0; id < patterns_.size(); ++id) any_start_.push_back(candidate(id, nullptr));
  // The combinations of number classes a number has (the tokenizer gives Num with any of the
  // value classes, or OrdNum or DecadeNum alone), in the order a per-token merge would give.
  const std::size_t masks = std::size_t{1} << kNumberClasses;
  number_offsets_.assign(masks + 1, 0);
  number_starts_.clear();
  std::vector<std::uint32_t> seen(patterns_.size(), 0);
  const std::size_t num_bit = 1;
  const std::size_t alone[] = {std::size_t{1} << (static_cast<unsigned>(TokenClass::OrdNum) - kFirstNumberClass),
                               std::size_t{1} << (static_cast<unsigned>(TokenClass::DecadeNum) - kFirstNumberClass)};
  for (std::size_t mask = 0; mask < masks; ++mask) {
    number_offsets_[mask] = static_cast<std::uint32_t>(number_starts_.size());
    if (!(mask & num_bit) && mask != alone[0] && mask != alone[1]) continue;
    for (std::size_t bits = mask; bits != 0; bits &= bits - 1) {
      for (std::uint32_t id : by_class_[kFirstNumberClass + static_cast<unsigned>(__builtin_ctzll(bits))]) {
        if (seen[id] != mask + 1) {
          seen[id] = static_cast<std::uint32_t>(mask + 1);
          number_starts_.push_back(id);
        }
      }
    }
  }
  number_offsets_[masks] = static_cast<std::uint32_t>(number_starts_.size());
  by_entry_.assign(lexicon_.size(), {});
  for (std::size_t id = 0; id < lexicon_.size(); ++id) {
    const LexEntry* e = lexicon_.entry(id);
    std::vector<std::uint32_t> list;
    if (id < by_literal_.size()) list = by_literal_[id];
    for (ClassMask bits = e->classes; bits != 0; bits &= bits - 1) {
      for (std::uint32_t p : by_class_[static_cast<std::size_t>(__builtin_ctz(bits))]) list.push_back(p);
    }
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
    for (std::uint32_t p : list) by_entry_[id].add(candidate(p, e));
    lexicon_.entry(id)->starts_pattern = !list.empty();
  }
  modifiers_by_last_.assign(lexicon_.size(), {});
  modifiers_without_words_.clear();
  for (std::uint32_t m = 0; m < modifiers_.size(); ++m) {
    const auto& words = modifiers_[m].words;
    (words.empty() ? modifiers_without_words_ : modifiers_by_last_[words.back()]).push_back(m);
  }
  lexicon_.sync_slots();
}

void Grammar::load_modifiers(std::string_view tsv) {
  data::for_each_tsv_row(tsv, "timex_modifiers.tsv", [&](const data::TsvRow& row) {
    if (row.size != 3 && row.size != 4) {
      throw data::bad_tsv_row("timex_modifiers.tsv", row, "expected phrase<TAB>mod<TAB>applies[<TAB>side]");
    }
    Modifier m;
    std::string_view phrase = row[0];
    auto mod = mod_from_string(row[1]);
    if (!mod) throw data::bad_tsv_row("timex_modifiers.tsv", row, "unknown mod");
    m.mod = *mod;
    std::string_view applies = row[2];
    m.applies_to = applies == "point"      ? Modifier::AppliesTo::Point
                   : applies == "duration" ? Modifier::AppliesTo::Duration
                                           : Modifier::AppliesTo::Any;
    if (row.size == 4) {
      if (row[3] != "before_dct" && row[3] != "after_dct") {
        throw data::bad_tsv_row("timex_modifiers.tsv", row, "side is before_dct or after_dct");
      }
      m.dct_side = row[3] == "before_dct" ? Modifier::DctSide::Before : Modifier::DctSide::After;
    }
    while (!phrase.empty()) {
      std::size_t sp = phrase.find(' ');
      m.words.push_back(lexicon_.intern(phrase.substr(0, sp)).id);
      phrase = sp == std::string_view::npos ? std::string_view() : phrase.substr(sp + 1);
    }
    modifiers_.push_back(std::move(m));
  });
  // Longest phrases first, so "no more than" wins over "more than".
  std::stable_sort(modifiers_.begin(), modifiers_.end(),
                   [](const Modifier& a, const Modifier& b) { return a.words.size() > b.words.size(); });
}

const Modifier* Grammar::modifier_before(const std::vector<Token>& tokens, std::size_t before, std::size_t floor,
                                         TimexType type, std::size_t& start) const {
  std::size_t end = before;
  // "mid-September": a hyphen glued between the modifier and the expression.
  if (end > floor && tokens[end - 1].kind == TokenKind::Punct && tokens[end - 1].lex &&
      tokens[end - 1].lex->word == "-" && end < tokens.size() && !tokens[end].space_before) {
    --end;
  }
  const bool point = type == TimexType::Date || type == TimexType::Time;
  auto try_modifier = [&](std::uint32_t index) {
    const Modifier& m = modifiers_[index];
    if (m.applies_to == Modifier::AppliesTo::Point && !point) return false;
    if (m.applies_to == Modifier::AppliesTo::Duration && type != TimexType::Duration) return false;
    if (m.words.size() > end - floor) return false;
    std::size_t s = end - m.words.size();
    for (std::size_t k = 0; k < m.words.size(); ++k) {
      const Token& t = tokens[s + k];
      if (t.lex == nullptr || t.lex->id != m.words[k]) return false;
    }
    start = s;
    return true;
  };
  // Only a modifier whose last word is the token before can match there; phrases without
  // words sort after all others, so trying them last keeps the table's order.
  if (end > floor && tokens[end - 1].lex != nullptr) {
    for (std::uint32_t index : modifiers_by_last_[tokens[end - 1].lex->id]) {
      if (try_modifier(index)) return &modifiers_[index];
    }
  }
  for (std::uint32_t index : modifiers_without_words_) {
    if (try_modifier(index)) return &modifiers_[index];
  }
  return nullptr;
}

Element Grammar::parse_element(std::string_view text, std::size_t line) {
  Element e;
  if (!text.empty() && text.front() == '~' && text.size() > 1) {
    e.glued = true;
    text.remove_prefix(1);
  }
  if (text.size() > 1 && text.back() == '?') {
    e.optional = true;
    text.remove_suffix(1);
  }
  while (!text.empty()) {
    std::size_t bar = text.find('|', 1);  // a lone '|' would be a literal
    std::string_view alt = text.substr(0, bar);
    text = bar == std::string_view::npos ? std::string_view() : text.substr(bar + 1);
    Alternative a;
    bool upper = !alt.empty() && std::all_of(alt.begin(), alt.end(), [](char c) {
      return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }) && alt.front() >= 'A';
    if (upper && alt.size() > 1) {
      a.is_class = true;
      a.cls = class_from_name(alt);
      if (a.cls == TokenClass::Count) {
        throw std::logic_error(fmt::format("timex_patterns.tsv line {}: unknown class '{}'", line, alt));
      }
    } else {
      a.literal = lexicon_.intern(alt).id;
    }
    e.alternatives.push_back(a);
  }
  return e;
}

void Grammar::load_patterns(std::string_view tsv) {
  data::for_each_tsv_row(tsv, "timex_patterns.tsv", [&](const data::TsvRow& row) {
    if (row.size != 3) throw data::bad_tsv_row("timex_patterns.tsv", row, "expected name<TAB>pattern<TAB>normalizer");
    const std::size_t line_no = row.line;
    Pattern p;
    p.name = std::string(row[0]);
    std::string_view body = row[1];
    std::string_view normalizer = row[2];
    p.normalize = find_normalizer(normalizer);
    if (!p.normalize) {
      throw std::logic_error(fmt::format("timex_patterns.tsv line {}: unknown normalizer '{}'", line_no, normalizer));
    }
    while (!body.empty()) {
      std::size_t sp = body.find(' ');
      std::string_view item = body.substr(0, sp);
      body = sp == std::string_view::npos ? std::string_view() : body.substr(sp + 1);
      if (!item.empty()) p.elements.push_back(parse_element(item, line_no));
    }
    if (p.elements.empty()) throw std::logic_error(fmt::format("timex_patterns.tsv line {}: empty pattern", line_no));
    if (p.elements.size() > kMaxElements) {
      throw std::logic_error(fmt::format("timex_patterns.tsv line {}: more than {} elements", line_no, kMaxElements));
    }
    p.order = patterns_.size();
    for (const Element& e : p.elements) p.required += e.optional ? 0 : 1;
    patterns_.push_back(std::move(p));
  });
  // Index each pattern under every alternative that can start it.
  by_literal_.assign(lexicon_.size(), {});
  by_class_.assign(static_cast<std::size_t>(TokenClass::Count), {});
  for (std::uint32_t id = 0; id < patterns_.size(); ++id) {
    for (const Element& e : patterns_[id].elements) {
      for (const Alternative& a : e.alternatives) {
        auto& list = a.is_class ? by_class_[static_cast<std::size_t>(a.cls)] : by_literal_[a.literal];
        if (list.empty() || list.back() != id) list.push_back(id);
      }
      if (!e.optional) break;
    }
  }
}

bool Grammar::match_from(const Pattern& p, const std::vector<Token>& tokens, std::size_t elem, std::size_t tok,
                         Match& current, Match& best) const {
  if (elem == p.elements.size()) {
    if (tok > current.first && (best.pattern == nullptr || tok > best.last)) {
      // Only the elements this pattern has are copied, not the whole fixed-size arrays.
      best.pattern = current.pattern;
      best.tokens = current.tokens;
      best.first = current.first;
      best.last = tok;
      best.elements = current.elements;
      std::copy_n(current.token_of.begin(), current.elements, best.token_of.begin());
      std::copy_n(current.alt_of.begin(), current.elements, best.alt_of.begin());
    }
    return true;
  }
  const Element& e = p.elements[elem];
  bool any = false;
  if (tok < tokens.size() && !(e.glued && tokens[tok].space_before && tok > current.first)) {
    const Token& t = tokens[tok];
    for (std::size_t a = 0; a < e.alternatives.size(); ++a) {
      const Alternative& alt = e.alternatives[a];
      bool ok = alt.is_class ? t.is(alt.cls) : (t.lex != nullptr && t.lex->id == alt.literal);
      if (!ok) continue;
      current.token_of[elem] = static_cast<std::int32_t>(tok);
      current.alt_of[elem] = static_cast<std::int8_t>(a);
      any |= match_from(p, tokens, elem + 1, tok + 1, current, best);
      break;  // the first alternative that fits decides
    }
  }
  if (e.optional) {
    current.token_of[elem] = -1;
    current.alt_of[elem] = -1;
    any |= match_from(p, tokens, elem + 1, tok, current, best);
  }
  return any;
}

void Grammar::matches_at(const std::vector<Token>& tokens, std::size_t at, std::vector<Match>& out) const {
  out.clear();
  const Token& t = tokens[at];
  // The token after decides most candidates: a pattern that needs a second token is out when
  // that token cannot fit it (most "the" and "a" end here, before any matching).
  static const Token kNone{};
  const Token& next = at + 1 < tokens.size() ? tokens[at + 1] : kNone;
  Match current;
  current.tokens = &tokens;
  current.first = at;
  Match best;
  auto try_candidate = [&](const Candidate& c) {
    if (!c.single && !c.follow.accepts(next)) return;
    const Pattern& p = patterns_[c.pattern];
    current.pattern = &p;
    current.elements = p.elements.size();
    best.pattern = nullptr;
    match_from(p, tokens, 0, at, current, best);
    if (best.pattern) out.push_back(best);
  };
  if (t.lex) {
    // A word's candidates are precomputed, with the union of what may follow them.
    const Candidates& candidates = by_entry_[t.lex->id];
    if (!candidates.any_single && !candidates.follow.accepts(next)) return;
    for (const Candidate& c : candidates.list) try_candidate(c);
  } else if (const std::size_t mask = t.classes >> kFirstNumberClass;
             (t.classes & ((ClassMask{1} << kFirstNumberClass) - 1)) == 0 &&
             number_offsets_[mask] != number_offsets_[mask + 1]) {
    // A number's come from its shape classes, merged in advance.
    for (std::uint32_t k = number_offsets_[mask]; k < number_offsets_[mask + 1]; ++k) {
      try_candidate(any_start_[number_starts_[k]]);
    }
  } else {
    // A token of word classes without a lexicon entry (none today): merge here.
    std::uint32_t merged[256];
    std::size_t count = 0;
    for (ClassMask bits = t.classes; bits != 0; bits &= bits - 1) {
      for (std::uint32_t id : by_class_[static_cast<std::size_t>(__builtin_ctz(bits))]) {
        if (count < 256 && std::find(merged, merged + count, id) == merged + count) merged[count++] = id;
      }
    }
    for (std::size_t k = 0; k < count; ++k) try_candidate(any_start_[merged[k]]);
  }
  if (out.size() > 1) {
    std::sort(out.begin(), out.end(), [](const Match& a, const Match& b) {
      if (a.last != b.last) return a.last > b.last;
      return a.pattern->order < b.pattern->order;
    });
  }
}

}  // namespace dateline::timex
