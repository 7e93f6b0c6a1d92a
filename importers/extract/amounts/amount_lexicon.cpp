#include "amounts/amount_lexicon.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <stdexcept>

#include "dateline_importers_data.h"
#include "tsv_rows.h"

namespace dateline::amounts {
namespace {

constexpr std::size_t kMaxToken = 32;

struct ClassName {
  std::string_view name;
  WordClass cls;
};

constexpr ClassName kClassNames[] = {
    {"NUMBER", WordClass::Number},       {"HUNDRED", WordClass::Hundred},   {"SCALE", WordClass::Scale},
    {"ABBR", WordClass::Abbr},           {"ARTICLE", WordClass::Article},   {"VAGUE", WordClass::Vague},
    {"APPROX", WordClass::Approx},       {"PERCENT", WordClass::Percent},   {"PLURAL", WordClass::Plural},
    {"NOTPLURAL", WordClass::NotPlural}, {"NOTCOUNT", WordClass::NotCount}, {"IDCUE", WordClass::IdCue},
    {"STOP", WordClass::Stop},
};

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c | 0x20) : c; }

// The token's text in lower case, in a caller's buffer (no allocation); empty when too long.
std::string_view lowered(std::string_view text, const Token& t, char (&buffer)[kMaxToken]) {
  if (t.size() > kMaxToken) return {};
  for (std::uint32_t k = 0; k < t.size(); ++k) buffer[k] = lower(text[t.begin + k]);
  return std::string_view(buffer, t.size());
}

bool token_is(std::string_view text, const Token& t, std::string_view lower_form, bool exact_case) {
  if (t.size() != lower_form.size()) return false;
  for (std::uint32_t k = 0; k < t.size(); ++k) {
    char c = text[t.begin + k];
    if (exact_case ? (lower(c) != lower_form[k] || (c >= 'a' && c <= 'z')) : lower(c) != lower_form[k]) return false;
  }
  return true;
}

double parse_number(std::string_view field, std::string_view table, const data::TsvRow& row) {
  if (field.empty()) return 0;
  double v = 0;
  auto [end, ec] = std::from_chars(field.data(), field.data() + field.size(), v);
  if (ec != std::errc() || end != field.data() + field.size()) throw data::bad_tsv_row(table, row, "bad number");
  return v;
}

bool is_iso_code(std::string_view form) {
  return form.size() == 3 && std::all_of(form.begin(), form.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

}  // namespace

const AmountLexicon& AmountLexicon::get() {
  static const AmountLexicon lexicon;
  return lexicon;
}

AmountLexicon::AmountLexicon() {
  data::for_each_tsv_row(data::amount_words_tsv, "amount_words.tsv", [&](const data::TsvRow& row) {
    auto it = std::find_if(std::begin(kClassNames), std::end(kClassNames),
                           [&](const ClassName& c) { return c.name == row[1]; });
    if (it == std::end(kClassNames)) throw data::bad_tsv_row("amount_words.tsv", row, "unknown class");
    add(row[0], it->cls, parse_number(row[2], "amount_words.tsv", row), row[3]);
  });
  data::for_each_tsv_row(data::currencies_tsv, "currencies.tsv", [&](const data::TsvRow& row) {
    std::string_view where = row[2];
    double factor = row[3].empty() ? 1.0 : parse_number(row[3], "currencies.tsv", row);
    if (row[1].size() != 3) throw data::bad_tsv_row("currencies.tsv", row, "not an ISO 4217 code");
    if (where == "before" || where == "both") add(row[0], WordClass::CurrencyBefore, factor, row[1]);
    if (where == "after" || where == "both") add(row[0], WordClass::CurrencyAfter, factor, row[1]);
    if (where == "after" || where == "both" || where == "scaled") {
      add(row[0], WordClass::CurrencyAfterScale, factor, row[1]);
    } else if (where != "before") {
      throw data::bad_tsv_row("currencies.tsv", row, "where is before, after, both or scaled");
    }
  });
  // Longest phrases first, so that a match tries "percentage points" before "percentage".
  by_first_.for_each([](std::string_view, LexEntry& entry) {
    std::stable_sort(entry.phrases.begin(), entry.phrases.end(),
                     [](const Phrase* a, const Phrase* b) { return a->tokens.size() > b->tokens.size(); });
    for (const Phrase* p : entry.phrases) {
      if (p->cls == WordClass::Number) entry.starts_amount = true;
      if (p->tokens.size() != 1) continue;
      (p->exact_case ? entry.exact_classes : entry.classes) |= 1u << static_cast<unsigned>(p->cls);
    }
    const std::uint32_t starts =
        1u << static_cast<unsigned>(WordClass::Vague) | 1u << static_cast<unsigned>(WordClass::Article);
    if ((entry.classes | entry.exact_classes) & starts) entry.starts_amount = true;
  });
  by_first_.for_each([&](std::string_view word, LexEntry& entry) {
    if (entry.starts_amount) starters_.add(word);
  });
}

void AmountLexicon::add(std::string_view form, WordClass cls, double value, std::string_view unit) {
  auto phrase = std::make_unique<Phrase>();
  std::vector<Token> tokens;
  tokenize(form, tokens);
  if (tokens.empty()) throw std::logic_error(fmt::format("amount tables: empty form for '{}'", unit));
  for (const Token& t : tokens) {
    std::string word(t.text(form));
    for (char& c : word) c = lower(c);
    phrase->tokens.push_back(std::move(word));
  }
  phrase->cls = cls;
  phrase->value = value;
  phrase->unit = std::string(unit);
  phrase->exact_case = is_iso_code(form);
  longest_ = std::max(longest_, phrase->tokens.size());
  by_first_[phrase->tokens.front()].phrases.push_back(phrase.get());
  first_words_.add(phrase->tokens.front());
  phrases_.push_back(std::move(phrase));
}

const LexEntry* AmountLexicon::lookup(std::string_view text, const Token& t) const {
  if (t.kind == TokenKind::Number) return nullptr;
  // The filter is blind to case: the text's own bytes answer for their lower-case form.
  if (!first_words_.may_hold(text.substr(t.begin, t.size()))) return nullptr;
  char buffer[kMaxToken];
  std::string_view word = lowered(text, t, buffer);
  if (word.empty()) return nullptr;
  return by_first_.find(word);
}

void AmountLexicon::annotate(std::string_view text, std::vector<Token>& tokens) const {
  for (Token& t : tokens) {
    if (t.kind != TokenKind::Word || !starters_.may_hold(text.substr(t.begin, t.size()))) continue;
    const LexEntry* e = entry(text, t);
    t.starts_amount = e && e->starts_amount;
  }
}

const Phrase* AmountLexicon::match(std::string_view text, const std::vector<Token>& tokens, std::size_t at,
                                   WordClass cls, std::size_t& length) const {
  if (at >= tokens.size()) return nullptr;
  const LexEntry* e = entry(text, tokens[at]);
  if (!e) return nullptr;
  for (const Phrase* p : e->phrases) {
    if (p->cls != cls || at + p->tokens.size() > tokens.size()) continue;
    bool ok = true;
    for (std::size_t k = 0; k < p->tokens.size() && ok; ++k) {
      const Token& t = tokens[at + k];
      // A phrase's tokens sit together: no gap inside "U.S.$" or "Rs.", at most a space elsewhere.
      ok = token_is(text, t, p->tokens[k], p->exact_case) && (k == 0 || t.kind == TokenKind::Word || !t.space_before);
    }
    if (ok) {
      length = p->tokens.size();
      return p;
    }
  }
  return nullptr;
}

const Phrase* AmountLexicon::match_before(std::string_view text, const std::vector<Token>& tokens, std::size_t end,
                                          WordClass cls, std::size_t& start) const {
  for (std::size_t back = std::min(longest_, end); back >= 1; --back) {
    std::size_t length = 0;
    const Phrase* p = match(text, tokens, end - back, cls, length);
    if (p && length == back) {
      start = end - back;
      return p;
    }
  }
  return nullptr;
}

}  // namespace dateline::amounts
