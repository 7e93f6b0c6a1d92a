#pragma once
// Tokens of the entity tagger: words, numbers and punctuation from one pass over the text.
// Gazetteer aliases are tokenized by the same function, so "U.S." in a table and in a text
// give the same token sequence.

#include <cstdint>
#include <string_view>
#include <vector>

namespace dateline::entities {

enum class TokenKind : std::uint8_t { Word, Number, Punct };

struct Token {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  TokenKind kind = TokenKind::Word;
  bool space_before = false;    // whitespace between this token and the previous one
  bool newline_before = false;  // a line break in that whitespace: names never cross it
  bool capitalized = false;     // first letter upper case (ASCII, Latin-1, Latin Extended-A, Greek, Cyrillic)
  bool all_caps = false;
  bool sentence_start = false;  // first word of a sentence
  bool time = false;            // inside a time expression

  std::string_view text(std::string_view all) const { return all.substr(begin, end - begin); }
  bool is_word() const { return kind == TokenKind::Word; }
};

// Tokenizes `text` into `out` (cleared first). Words keep UTF-8 letters and inner apostrophes
// ("O'Brien"); a possessive "'s", hyphens, dots and typographic dashes and quotes are tokens of
// their own.
void tokenize(std::string_view text, std::vector<Token>& out);

}  // namespace dateline::entities
