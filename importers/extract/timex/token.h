#pragma once
// Tokens of the time-expression tagger: one pass over the text makes them, and patterns
// match over their classes, never over raw characters.

#include <cstdint>
#include <string_view>
#include <vector>

namespace dateline::timex {

struct LexEntry;

// Token classes. Word classes come from the lexicon (timex_lexicon.tsv); number classes from
// the shape of a digit run. A token can be in several classes ("may" is a MONTH and a modal).
enum class TokenClass : std::uint8_t {
  // lexicon classes
  Month,
  Weekday,
  NumWord,    // "two", "twenty"
  OrdWord,    // "third"
  Unit,       // "day", "weeks", "fortnight"
  Season,
  PartOfDay,  // "morning"
  Direction,  // last/next/this/past/coming
  Position,   // early/mid/late/end/beginning
  DayRel,     // yesterday/today/tomorrow
  Ref,        // now, recently, currently
  Vague,      // several, few, some, many, recent
  Approx,     // about, nearly, more than ... (a mod)
  SetWord,    // daily, weekly, annually
  Every,      // every, each, per
  MonthCue,   // words that make a bare ambiguous month name a month: in, since, until ...
  FutureCue,  // will, shall, next, expected, scheduled ...
  PastCue,    // said, was, ago, last ...
  Zone,       // EST, GMT, UTC ...
  Fraction,   // half, quarter (as an amount)
  Masthead,   // Times, Telegraph ...: "Sunday Times" is a newspaper, not a day
  NoTense,    // succeed, hundred ...: words ending in -ed that are no past form
  Determiner, // a, the, its (=1), his, their (=2, possessive): an -ed word after one is an adjective
  // number classes, from the digits
  Num,        // any plain integer
  DayNum,     // 1..31, one or two digits
  MonthNum,   // 1..12, one or two digits
  Year4,      // four digits 1000..2199
  Year2,      // two digits (for '98 and 9/17/25)
  Hour,       // 0..24, one or two digits
  Minute,     // two digits 00..59
  OrdNum,     // 17th, 1st
  DecadeNum,  // 1990s, 90s
  Count,
};

// A set of token classes, one bit each. 32 bits keep a Token at 32 bytes (two to a cache
// line); the assert says when a new class needs the mask widened.
using ClassMask = std::uint32_t;
static_assert(static_cast<unsigned>(TokenClass::Count) <= 32, "TokenClass no longer fits ClassMask");

constexpr ClassMask bit(TokenClass c) { return ClassMask{1} << static_cast<unsigned>(c); }

enum class TokenKind : std::uint8_t { Word, Number, Punct };

// The tokenizer writes one of these for every 5 bytes of news or so, so the layout is kept
// to 32 bytes: wide fields first, the byte-sized flags packed at the end.
struct Token {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  ClassMask classes = 0;       // TokenClass bits
  std::int32_t number = -1;    // value of a digit run (or the ordinal/decade number)
  const LexEntry* lex = nullptr;  // lexicon entry for words (and punctuation literals)
  TokenKind kind = TokenKind::Word;
  bool space_before = false;   // whitespace between this token and the previous one
  bool capitalized = false;    // first letter upper case
  bool all_caps = false;
  bool sentence_start = false;  // first token of a sentence (after . ! ? or a line break)
  std::uint8_t digits = 0;     // how many digits a Number token has

  bool is(TokenClass c) const { return (classes & bit(c)) != 0; }
};
static_assert(sizeof(Token) <= 32, "Token grew: the tokenizer's stores and the tagger's scans pay for every byte");

// Splits text into word, number and punctuation tokens in one pass. Letters and digits are
// split apart ("3pm" → 3, pm) except ordinals and decades ("17th", "1990s"); hyphens, slashes,
// colons and dots are tokens of their own. `out` is reused across calls.
class Lexicon;
// Tokenizes text[begin, end); token offsets are into the whole text. `starts` gets the index
// of every token where a pattern may start (a word the grammar marked, or a number): the
// tagger tries only those, and most tokens are neither.
void tokenize(std::string_view text, std::size_t begin, std::size_t end, const Lexicon& lexicon,
              std::vector<Token>& out, std::vector<std::uint32_t>& starts);

}  // namespace dateline::timex
