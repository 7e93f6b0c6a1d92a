#include "entities/entity_tokens.h"

#include "char_classes.h"

namespace dateline::entities {
namespace {

using chars::is_digit;
using chars::is_space;
bool is_ascii_alpha(unsigned char c) { return chars::is_alpha(c); }
bool is_ascii_upper(unsigned char c) { return chars::is_upper(c); }

// Bytes in a UTF-8 sequence that starts with `lead`.
std::size_t sequence_length(unsigned char lead) {
  if ((lead & 0xE0) == 0xC0) return 2;
  if ((lead & 0xF0) == 0xE0) return 3;
  if ((lead & 0xF8) == 0xF0) return 4;
  return 1;
}

// Multi-byte punctuation: general punctuation (dashes, quotes, ellipsis), no-break space, guillemets.
bool is_punctuation_sequence(const unsigned char* s, std::size_t i, std::size_t n) {
  if (s[i] == 0xE2 && i + 2 < n && s[i + 1] == 0x80) return true;
  if (s[i] == 0xC2 && i + 1 < n && (s[i + 1] == 0xA0 || s[i + 1] == 0xAB || s[i + 1] == 0xBB)) return true;
  return false;
}

// Upper-case letters outside ASCII that names in news use: À-Þ, Latin Extended-A capitals
// (Ł, Š, Ž ...), Greek and Cyrillic capitals.
bool is_upper_code_point(char32_t c) {
  if (c >= 0xC0 && c <= 0xDE) return c != 0xD7;
  if (c >= 0x100 && c <= 0x137) return c % 2 == 0;
  if (c >= 0x139 && c <= 0x148) return c % 2 == 1;
  if (c >= 0x14A && c <= 0x177) return c % 2 == 0;
  if (c >= 0x178 && c <= 0x17E) return c == 0x178 || c % 2 == 1;
  if (c >= 0x391 && c <= 0x3A9) return true;
  if (c >= 0x400 && c <= 0x42F) return true;
  return false;
}

char32_t decode_two_byte(const unsigned char* s) {
  return static_cast<char32_t>(((s[0] & 0x1Fu) << 6) | (s[1] & 0x3Fu));
}

// The general word scan: UTF-8 letters and inner apostrophes ("O'Brien"); returns the end and
// whether every letter was a capital.
std::size_t scan_word(const unsigned char* s, std::size_t i, std::size_t n, bool& all_caps) {
  std::size_t j = i;
  all_caps = true;
  while (j < n) {
    const unsigned char d = s[j];
    const std::uint8_t f = chars::flags(d);
    if (f & chars::kAlpha) {
      all_caps &= (f & chars::kUpper) != 0;
      ++j;
    } else if (d >= 0x80) {
      if (is_punctuation_sequence(s, j, n)) break;
      const std::size_t len = sequence_length(d);
      if (len == 2 && j + 1 < n) all_caps &= is_upper_code_point(decode_two_byte(s + j));
      j += len;
    } else if (d == '\'' && j > i && j + 1 < n && is_ascii_alpha(s[j + 1]) &&
               !((s[j + 1] | 0x20) == 's' && (j + 2 >= n || !is_ascii_alpha(s[j + 2])))) {
      ++j;  // "O'Brien"; a possessive "'s" is tokens of its own
    } else {
      break;
    }
  }
  return j > n ? n : j;
}

}  // namespace

void tokenize(std::string_view text, std::vector<Token>& out) {
  out.clear();
  out.reserve(text.size() / 5 + 8);
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  bool space = true;
  bool newline = true;
  while (i < n) {
    unsigned char c = s[i];
    if (is_space(c)) {
      space = true;
      i = chars::spaces_end(s, i, n, newline);
      if (i == n) break;
      c = s[i];
    }
    // Built in place: a token is written once, not assembled on the stack and copied.
    Token& t = out.emplace_back();
    t.begin = static_cast<std::uint32_t>(i);
    t.space_before = space;
    t.newline_before = newline;
    space = newline = false;
    if (is_digit(c)) {
      std::size_t j = i + 1;
      while (j < n && is_digit(s[j])) ++j;
      t.kind = TokenKind::Number;
      i = j;
    } else if (is_ascii_alpha(c)) {
      // Most words are ASCII letters alone: their end eight bytes at a time, and the general
      // scan only when an apostrophe or a UTF-8 byte follows them.
      std::size_t j = chars::letters_end(s, i + 1, n);
      bool all_caps = false;
      if (j < n && (s[j] == '\'' || s[j] >= 0x80)) {
        j = scan_word(s, i, n, all_caps);
      } else if (is_ascii_upper(c)) {
        all_caps = true;
        for (std::size_t k = i + 1; k < j && all_caps; ++k) all_caps = is_ascii_upper(s[k]);
      }
      t.kind = TokenKind::Word;
      t.capitalized = is_ascii_upper(c);
      t.all_caps = t.capitalized && all_caps && j - i > 1;
      i = j;
    } else if (c >= 0x80 && !is_punctuation_sequence(s, i, n)) {
      bool all_caps = true;
      const std::size_t j = scan_word(s, i, n, all_caps);
      t.kind = TokenKind::Word;
      if (sequence_length(c) == 2 && i + 1 < n) t.capitalized = is_upper_code_point(decode_two_byte(s + i));
      t.all_caps = t.capitalized && all_caps && j - i > 1;
      i = j;
    } else {
      t.kind = TokenKind::Punct;
      i += c >= 0x80 ? sequence_length(c) : 1;
      if (i > n) i = n;
    }
    t.end = static_cast<std::uint32_t>(i);
  }
}

}  // namespace dateline::entities
