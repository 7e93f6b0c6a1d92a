#pragma once
// Tokens of the amount finder: one pass over the text splits it into numbers, words and
// punctuation; the finder matches the amount tables (amount_words.tsv, currencies.tsv) over them.

#include <cstdint>
#include <string_view>
#include <vector>

namespace dateline::amounts {

struct LexEntry;

enum class TokenKind : std::uint8_t { Number, Word, Punct };

// The tokenizer writes one of these for every five bytes of text or so and the finder reads
// few of them: wide fields first, the flags packed at the end (40 bytes).
struct Token {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  double mantissa = 0;  // a number's digits as an integer ("4.67" is 467) ...
  // The tables' entry for this token's text, if any: looked up when first asked for
  // (AmountLexicon::entry), as most tokens never are.
  mutable const LexEntry* lex = nullptr;
  int decimals = 0;  // ... and where the decimal point goes (2), so scales stay exact
  TokenKind kind = TokenKind::Word;
  std::uint8_t digits = 0;        // digits before any separator
  bool space_before = false;      // whitespace between this token and the previous one
  bool capitalized = false;       // a word whose first letter is upper case
  bool all_caps = false;          // a word of two or more letters, all upper case
  bool grouped = false;           // a number with thousands separators ("2,000")
  bool decimal = false;           // a number with a decimal part ("4.67")
  bool starts_amount = false;     // a word the tables say an amount may start at (AmountLexicon::annotate)
  mutable bool looked_up = false;

  std::string_view text(std::string_view all) const { return all.substr(begin, end - begin); }
  std::uint32_t size() const { return end - begin; }
};
static_assert(sizeof(Token) <= 40, "Token grew: the tokenizer's stores and the finder's scans pay for every byte");

// Splits text into tokens. A number is a digit run with its thousands groups and decimal part
// ("1,200.5"); letters glued to it are a word of their own ("4.67bn" is 4.67, bn). A word
// starts with a letter and takes letters and digits ("A320", "MPQ"); short capitals glued to a
// dollar sign keep it ("US$", "HK$", "C$"). Currency signs, dashes and quotes written with
// several UTF-8 bytes are punctuation; a no-break space is a space. `out` is reused.
void tokenize(std::string_view text, std::vector<Token>& out);

}  // namespace dateline::amounts
