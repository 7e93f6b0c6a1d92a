// find_amounts: money, percentages and counts. One tokenizing pass, then left to right at each
// number (digits or number words) or vague round number: the number and its scales, then what
// it measures, tried in order: a currency before it or after it (money), a percent word, a
// plural noun after it (a count). The words, currencies and scales are the tables of
// amount_words.tsv and currencies.tsv; this file holds only the order of the steps.

#include <dateline/extract.h>

#include <algorithm>
#include <cmath>
#include <optional>

#include "amounts/amount_lexicon.h"
#include "amounts/amounts.h"

namespace dateline {
namespace {

using amounts::AmountLexicon;
using amounts::Phrase;
using amounts::Token;
using amounts::TokenKind;
using amounts::WordClass;

// How many tokens may stand between a count's number and its noun ("four AN/MPQ-64 Sentinel
// radar systems" has seven).
constexpr std::size_t kMaxNounDistance = 9;

bool is_punct(std::string_view text, const Token& t, char c) {
  return t.kind == TokenKind::Punct && t.size() == 1 && text[t.begin] == c;
}

bool glued(const std::vector<Token>& tokens, std::size_t k) { return k < tokens.size() && !tokens[k].space_before; }

// A lower-case word that looks like a regular plural: "systems", "contractors", not "gas".
bool plural_shaped(std::string_view word) {
  if (word.size() < 3 || word.back() != 's') return false;
  std::string_view end2 = word.substr(word.size() - 2);
  return end2 != "ss" && end2 != "us" && end2 != "is";
}

struct Number {
  std::size_t first = 0;  // token range [first, end)
  std::size_t end = 0;
  bool words = false;   // spelled out ("twenty-six", "a dozen")
  bool scaled = false;  // with a scale ("million", "bn")
  // Digits keep their mantissa and decimals apart until the scale is applied, so that "$1.12"
  // is 1.12 and "132.8 million" 132800000 exactly.
  double mantissa = 0;
  int decimals = 0;
  double scale = 1;

  double value_times(double factor) const {
    double power = 1;
    for (int d = 0; d < (decimals < 0 ? -decimals : decimals); ++d) power *= 10;
    double v = decimals < 0 ? mantissa * scale * power : mantissa * scale / power;
    // Minor units divide ("83 cents" is 83 / 100, exactly 0.83, where 83 * 0.01 is not).
    return factor > 0 && factor < 1 ? v / std::round(1 / factor) : v * factor;
  }
};

class Finder {
 public:
  Finder(std::string_view text, const std::vector<Token>& tokens, const std::vector<Timex>& timexes)
      : text_(text), tokens_(tokens), timexes_(timexes), lex_(AmountLexicon::get()) {}

  std::vector<Amount> run() {
    std::size_t i = 0;
    while (i < tokens_.size()) {
      std::size_t next = try_at(i);
      i = next > i ? next : i + 1;
    }
    return std::move(out_);
  }

 private:
  // Finds an amount starting at token i; returns the token after it, or i when there is none.
  std::size_t try_at(std::size_t i) {
    const Token& t = tokens_[i];
    if (t.kind == TokenKind::Word && !t.starts_amount) return i;  // most words
    if (t.kind == TokenKind::Word && lex_.is(text_, t, WordClass::Vague)) return vague_at(i);
    std::optional<Number> number = number_at(i);
    if (!number) return i;
    if (std::size_t end = money_or_percent(*number); end > i) return end;
    return count_at(*number);
  }

  // Digits, or number words: "four", "twenty-six", "two hundred and fifty", "a dozen".
  std::optional<Number> number_at(std::size_t i) const {
    const Token& t = tokens_[i];
    Number n;
    n.first = i;
    if (t.kind == TokenKind::Number) {
      // A digit run glued to the word, number or sign before it is part of a name or code:
      // "F-35", "AN/MPQ-64", "#722", "+44", "A320" (the tokenizer keeps that one whole).
      if (i > 0 && !t.space_before) {
        const Token& p = tokens_[i - 1];
        // ("US$3m", "HK$8.2bn": the tokenizer keeps the dollar sign on the capitals)
        if (p.kind == TokenKind::Word && text_[p.end - 1] != '$') return std::nullopt;
        if (p.kind == TokenKind::Number) return std::nullopt;
        char c = text_[p.begin];
        if (p.size() == 1 && (c == '-' || c == '/' || c == '.' || c == ':' || c == '#' || c == '+' || c == '_' ||
                              c == '@' || c == '&' || c == ','))
          return std::nullopt;
      }
      n.mantissa = t.mantissa;
      n.decimals = t.decimals;
      n.end = i + 1;
    } else if (t.kind == TokenKind::Word) {
      std::size_t k = i;
      double current = 0;
      bool any = false;
      if (lex_.is(text_, t, WordClass::Article)) {
        if (i + 1 >= tokens_.size()) return std::nullopt;
        const Token& after = tokens_[i + 1];
        if (!lex_.is(text_, after, WordClass::Hundred) && !lex_.is(text_, after, WordClass::Scale)) return std::nullopt;
        current = 1;
        any = true;
        k = i + 1;
      }
      while (k < tokens_.size()) {
        std::size_t length = 0;
        if (const Phrase* p = lex_.match(text_, tokens_, k, WordClass::Number, length)) {
          current += p->value;
          k += length;
          any = true;
          // "twenty-six"
          std::size_t units_len = 0;
          if (k + 1 < tokens_.size() && is_punct(text_, tokens_[k], '-') && glued(tokens_, k) &&
              glued(tokens_, k + 1)) {
            if (const Phrase* u = lex_.match(text_, tokens_, k + 1, WordClass::Number, units_len); u && u->value < 10) {
              current += u->value;
              k += 1 + units_len;
            }
          }
        } else if (any && lex_.is(text_, tokens_[k], WordClass::Hundred)) {
          current = std::max(current, 1.0) * 100;
          ++k;
          // "two hundred and fifty"
          if (k + 1 < tokens_.size() && text_is(tokens_[k], "and") &&
              lex_.match(text_, tokens_, k + 1, WordClass::Number, length)) {
            ++k;
          }
        } else {
          break;
        }
      }
      if (!any) return std::nullopt;
      n.words = true;
      n.mantissa = current;
      n.end = k;
    } else {
      return std::nullopt;
    }
    return n;
  }

  // Scales after a number: "4.7 billion", "4.67bn", "500 crore", "1 lakh crore". A scale
  // abbreviation counts glued to the digits, or spaced when a currency came first ("$4.7 bn").
  void add_scales(Number& n, bool money) const {
    std::size_t k = n.end;
    while (k < tokens_.size() && tokens_[k].kind == TokenKind::Word) {
      const Token& t = tokens_[k];
      if (lex_.is(text_, t, WordClass::Scale)) {
        n.scale *= scale_value(t, WordClass::Scale);
      } else if (lex_.is(text_, t, WordClass::Abbr) && (!t.space_before || money) && !n.words &&
                 !(k + 1 < tokens_.size() && is_punct(text_, tokens_[k + 1], '.') && glued(tokens_, k + 1) &&
                   k + 2 < tokens_.size() && glued(tokens_, k + 2))) {
        // ("3 m.p.h." is no scale)
        n.scale *= scale_value(t, WordClass::Abbr);
      } else {
        break;
      }
      n.scaled = true;
      ++k;
    }
    n.end = k;
  }

  double scale_value(const Token& t, WordClass cls) const {
    std::size_t length = 0;
    std::size_t at = static_cast<std::size_t>(&t - tokens_.data());
    const Phrase* p = lex_.match(text_, tokens_, at, cls, length);
    return p ? p->value : 1;
  }

  bool text_is(const Token& t, std::string_view lower_word) const {
    if (t.size() != lower_word.size()) return false;
    for (std::uint32_t k = 0; k < t.size(); ++k) {
      char c = text_[t.begin + k];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c | 0x20);
      if (c != lower_word[k]) return false;
    }
    return true;
  }

  // Money ("$4.67bn", "CHF 40m", "12 million euros", "99 cents") or a percentage ("20 per
  // cent", "60%", "2 percentage points"); returns the token after it, or the number's first
  // token when it is neither.
  std::size_t money_or_percent(Number n) {
    std::size_t start = n.first;
    const Phrase* before = nullptr;
    if (start >= floor_) {
      std::size_t cstart = 0;
      before = lex_.match_before(text_, tokens_, n.first, WordClass::CurrencyBefore, cstart);
      if (before && cstart >= floor_) {
        start = cstart;
      } else {
        before = nullptr;
      }
    }
    add_scales(n, before != nullptr);
    // A bare number glued to letters that are no scale is an ordinal, a time or a code: "17th", "3pm", "5G".
    bool glued_letters =
        n.end < tokens_.size() && !n.words && tokens_[n.end].kind == TokenKind::Word && !tokens_[n.end].space_before;
    std::size_t length = 0;
    if (before) {
      return add(start, n.end, n.value_times(before->value), before->unit);
    }
    if (const Phrase* after = lex_.match(text_, tokens_, n.end,
                                         n.scaled ? WordClass::CurrencyAfterScale : WordClass::CurrencyAfter, length)) {
      return add(start, n.end + length, n.value_times(after->value), after->unit);
    }
    if (!n.scaled) {
      if (const Phrase* pc = lex_.match(text_, tokens_, n.end, WordClass::Percent, length)) {
        return add(start, n.end + length, n.value_times(pc->value), pc->unit);
      }
    }
    if (glued_letters) return n.end;  // consumed: not a count either
    return n.first;
  }

  // A count: a number and the plural noun it counts, "26 US government employees", "four
  // AN/MPQ-64 Sentinel radar systems"; not years, dates, times, durations, ages, codes or names.
  std::size_t count_at(Number n) {
    const std::size_t i = n.first;
    const Token& t = tokens_[i];
    add_scales(n, false);
    if (t.kind == TokenKind::Number) {
      if (t.decimal && !n.scaled) return n.end;
      if (t.digits == 4 && !t.grouped && !t.decimal && !n.scaled && t.mantissa >= 1800 && t.mantissa <= 2199)
        return n.end;
      if (in_timex(t)) return n.end;
    } else if (in_timex(t)) {
      return n.end;
    }
    // "27-country bloc", "90-day", "6-year-old", "555-0134", "9/17", "3:30", "2.3.1": a number
    // glued to what follows is a compound or a code.
    if (n.end < tokens_.size() && glued(tokens_, n.end) && tokens_[n.end].kind != TokenKind::Word) {
      const Token& f = tokens_[n.end];
      char c = text_[f.begin];
      if (f.size() == 1 && (c == '-' || c == '/' || c == ':' || c == '.' || c == '+' || c == '%' || c == '&')) {
        if (c != '.' || (n.end + 1 < tokens_.size() && glued(tokens_, n.end + 1))) return n.end;
      }
      if (c == '-' || static_cast<unsigned char>(c) == 0xE2) return n.end;  // a dash, "10–12"
    }
    if (i > 0 && identifier_context(i)) return n.end;
    std::optional<std::size_t> noun = noun_after(n.end);
    if (!noun) return n.end;
    if (lex_.is(text_, tokens_[*noun], WordClass::NotCount)) return n.end;
    return add(i, *noun + 1, n.value_times(1), "count");
  }

  // "No. 1", "Flight 370", "version 2", "Boeing 747", "Windows 11".
  bool identifier_context(std::size_t i) const {
    std::size_t start = 0;
    if (lex_.match_before(text_, tokens_, i, WordClass::IdCue, start)) return true;
    const Token& p = tokens_[i - 1];
    if (p.kind != TokenKind::Word || !p.capitalized) return false;
    std::size_t length = 0;
    if (lex_.match_before(text_, tokens_, i, WordClass::Approx, start) || lex_.is(text_, p, WordClass::Article) ||
        lex_.match(text_, tokens_, i - 1, WordClass::Number, length) ||
        lex_.match_before(text_, tokens_, i, WordClass::Stop, start)) {
      return false;
    }
    // A capitalized word opening a sentence ("Some", "All") is no name.
    if (i < 2) return false;
    const Token& pp = tokens_[i - 2];
    if (pp.kind == TokenKind::Punct) {
      char c = text_[pp.begin];
      if (c == '.' || c == '!' || c == '?' || c == '"' || c == '\'' || c == ':' || c == '(' ||
          static_cast<unsigned char>(c) == 0xE2)
        return false;
    }
    return true;
  }

  // The plural noun a count's number counts, within a few words: capitals, acronyms, model
  // names and lower-case modifiers may stand between; a function word or punctuation ends the
  // search. A lower-case plural wins; a capitalized one ("four Americans") is the fallback.
  std::optional<std::size_t> noun_after(std::size_t from) const {
    std::optional<std::size_t> capitalized;
    std::size_t last = std::min(tokens_.size(), from + kMaxNounDistance);
    for (std::size_t k = from; k < last; ++k) {
      const Token& t = tokens_[k];
      if (t.kind == TokenKind::Punct) {
        // Inside a model name: "AN/MPQ-64", "surface-to-air"
        bool inside = t.size() == 1 && (text_[t.begin] == '-' || text_[t.begin] == '/') && !t.space_before &&
                      k > from && glued(tokens_, k + 1);
        if (!inside) break;
        continue;
      }
      if (t.kind == TokenKind::Number) {
        if (t.space_before) break;
        continue;
      }
      if (!t.all_caps && lex_.is(text_, t, WordClass::Stop)) break;
      if (t.all_caps) continue;
      if (!t.capitalized && lower_plural(t)) return noun_end(k);
      if (t.capitalized && plural_shaped(t.text(text_)) && !lex_.is(text_, t, WordClass::NotPlural) && !capitalized) {
        capitalized = k;
      }
    }
    return capitalized;
  }

  bool lower_plural(const Token& t) const {
    if (t.kind != TokenKind::Word || t.capitalized || lex_.is(text_, t, WordClass::Stop)) return false;
    if (lex_.is(text_, t, WordClass::Plural)) return true;
    return plural_shaped(t.text(text_)) && !lex_.is(text_, t, WordClass::NotPlural);
  }

  // A plural that also modifies the next plural is not the noun: "two aircraft carriers", "34
  // staff members". Only the irregular ones: after "democracies" a verb may end in -s.
  std::size_t noun_end(std::size_t k) const {
    if (!lex_.is(text_, tokens_[k], WordClass::Plural)) return k;
    if (k + 1 < tokens_.size() && tokens_[k + 1].space_before && lower_plural(tokens_[k + 1])) return k + 1;
    return k;
  }

  // "hundreds of missiles", "dozens of guidance units", "tens of thousands of people",
  // "billions of dollars": approximate.
  std::size_t vague_at(std::size_t i) {
    std::size_t length = 0;
    const Phrase* v = lex_.match(text_, tokens_, i, WordClass::Vague, length);
    if (!v) return i;
    double value = v->value;
    std::size_t k = i + 1;
    while (k + 1 < tokens_.size() && text_is(tokens_[k], "of")) {
      if (const Phrase* w = lex_.match(text_, tokens_, k + 1, WordClass::Vague, length)) {
        value *= w->value;
        k += 2;
        continue;
      }
      break;
    }
    if (k + 1 >= tokens_.size() || !text_is(tokens_[k], "of")) return i;
    ++k;
    if (const Phrase* c = lex_.match(text_, tokens_, k, WordClass::CurrencyAfterScale, length)) {
      return add(i, k + length, value * c->value, c->unit, true);
    }
    std::optional<std::size_t> noun = noun_after(k);
    if (!noun || lex_.is(text_, tokens_[*noun], WordClass::NotCount)) return i;
    return add(i, *noun + 1, value, "count", true);
  }

  bool in_timex(const Token& t) {
    while (timex_at_ < timexes_.size() && timexes_[timex_at_].span.end <= t.begin) ++timex_at_;
    return timex_at_ < timexes_.size() && timexes_[timex_at_].span.begin < t.end;
  }

  // Records the amount on tokens [first, end), with the modifier before it ("about 26",
  // "more than $2bn"), which makes it approximate.
  std::size_t add(std::size_t first, std::size_t end, double value, std::string_view unit, bool approximate = false) {
    std::size_t start = 0;
    if (lex_.match_before(text_, tokens_, first, WordClass::Approx, start) && start >= floor_) {
      first = start;
      approximate = true;
    }
    Amount a;
    a.span = Span{tokens_[first].begin, tokens_[end - 1].end};
    a.value = value;
    a.unit = std::string(unit);
    a.approximate = approximate;
    out_.push_back(std::move(a));
    floor_ = end;
    return end;
  }

  std::string_view text_;
  const std::vector<Token>& tokens_;
  const std::vector<Timex>& timexes_;
  const AmountLexicon& lex_;
  std::size_t floor_ = 0;  // tokens before this belong to an amount already found
  std::size_t timex_at_ = 0;
  std::vector<Amount> out_;
};

}  // namespace

std::vector<Amount> find_amounts(std::string_view text, const std::vector<Timex>& timexes) {
  thread_local std::vector<Token> tokens;
  amounts::tokenize(text, tokens);
  AmountLexicon::get().annotate(text, tokens);
  return Finder(text, tokens, timexes).run();
}

std::vector<Amount> find_amounts(std::string_view text) {
  std::vector<Timex> timexes;
  try {
    timexes = find_timexes(text, std::nullopt);
  } catch (const std::exception&) {
    // Without a DCT the tagger has thrown on some dates ("the week of March 6", "April 24 and
    // 25"); only the spans matter here, and an anchor date gives the same spans.
    timexes = find_timexes(text, Date(2000, 1, 1));
  }
  return find_amounts(text, timexes);
}

}  // namespace dateline
