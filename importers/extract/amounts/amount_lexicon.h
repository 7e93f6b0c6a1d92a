#pragma once
// The amount finder's tables, built once from amount_words.tsv and currencies.tsv: phrases of
// one or more tokens, each with its class and value, looked up by their first token.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include "word_filter.h"

#include "flat_word_map.h"
#include <vector>

#include "amounts/amount_token.h"

namespace dateline::amounts {

enum class WordClass : std::uint8_t {
  Number,
  Hundred,
  Scale,
  Abbr,
  Article,
  Vague,
  Approx,
  Percent,
  Plural,
  NotPlural,
  NotCount,
  IdCue,
  Stop,
  CurrencyBefore,      // "$", "CHF"
  CurrencyAfter,       // "euros", "cents"
  CurrencyAfterScale,  // "pounds" only in "300 million pounds"
};

struct Phrase {
  std::vector<std::string> tokens;  // lower case, as the tokenizer splits the form
  WordClass cls = WordClass::Stop;
  double value = 0;         // number, scale or factor
  std::string unit;         // ISO 4217 code, "percent" or "percentage_point"
  bool exact_case = false;  // ISO codes: only in capitals
};

// Everything the tables know about one token's text: the phrases that start with it and the
// classes of the one-token phrases it is.
struct LexEntry {
  std::vector<const Phrase*> phrases;  // longest first
  std::uint32_t classes = 0;           // bits of WordClass, any case
  std::uint32_t exact_classes = 0;     // bits of WordClass, only in capitals (ISO codes)
  // Whether an amount can start at this word: a vague round number ("hundreds"), an article
  // before a scale ("a million") or the first word of a number ("twenty", "a dozen"). Most
  // words the tables know ("the", "of", "was") are none, and the finder passes them at once.
  bool starts_amount = false;
};

class AmountLexicon {
 public:
  // The tables compiled into the binary, built on first use.
  static const AmountLexicon& get();

  // Sets each word's `starts_amount`. Only the words an amount can start at are looked up here
  // (a bit filter of their own refuses the rest); the finder asks for the others' entries
  // near a number, where entry() looks them up once.
  void annotate(std::string_view text, std::vector<Token>& tokens) const;

  // The tables' entry for the token's text, or null: looked up on first use, then kept on the token.
  const LexEntry* entry(std::string_view text, const Token& token) const {
    if (!token.looked_up) {
      token.lex = lookup(text, token);
      token.looked_up = true;
    }
    return token.lex;
  }

  // The longest phrase of class `cls` that starts at token `at`; its token count in `length`.
  const Phrase* match(std::string_view text, const std::vector<Token>& tokens, std::size_t at, WordClass cls,
                      std::size_t& length) const;
  // A phrase of class `cls` that ends right before token `end` (the longest); its first token in `start`.
  const Phrase* match_before(std::string_view text, const std::vector<Token>& tokens, std::size_t end, WordClass cls,
                             std::size_t& start) const;
  // Whether the token is a one-token phrase of class `cls`.
  bool is(std::string_view text, const Token& token, WordClass cls) const {
    const LexEntry* e = entry(text, token);
    if (!e) return false;
    std::uint32_t bit = 1u << static_cast<unsigned>(cls);
    return (e->classes & bit) != 0 || ((e->exact_classes & bit) != 0 && token.all_caps);
  }

 private:
  AmountLexicon();
  void add(std::string_view form, WordClass cls, double value, std::string_view unit);
  const LexEntry* lookup(std::string_view text, const Token& token) const;

  std::vector<std::unique_ptr<Phrase>> phrases_;
  FlatWordMap<LexEntry> by_first_;  // keys view phrases_
  WordFilter first_words_;  // the keys of by_first_: most words of a text are none
  WordFilter starters_;     // the keys whose entry starts_amount: fewer still
  std::size_t longest_ = 1;
};

}  // namespace dateline::amounts
