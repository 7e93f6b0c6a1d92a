#include "amounts/amount_token.h"
#include "char_classes.h"

namespace dateline::amounts {
namespace {

using chars::is_alpha;
using chars::is_digit;
using chars::is_space;
using chars::is_upper;

std::size_t utf8_length(unsigned char c) {
  return (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 1;
}

// Non-ASCII characters that are not letters: the Latin-1 signs (£, ¥, «, ») and the general
// punctuation and currency blocks (dashes, quotes, €, ₹). No-break and thin spaces are spaces.
enum class Wide { Letter, Punct, Space };
Wide classify_wide(const unsigned char* s, std::size_t i, std::size_t n) {
  unsigned char c = s[i];
  if (c == 0xC2 && i + 1 < n) return s[i + 1] == 0xA0 ? Wide::Space : Wide::Punct;
  if (c == 0xE2 && i + 2 < n && s[i + 1] >= 0x80 && s[i + 1] <= 0x83) {
    if (s[i + 1] == 0x80 && (s[i + 2] == 0xAF || (s[i + 2] >= 0x80 && s[i + 2] <= 0x8A))) return Wide::Space;
    return Wide::Punct;
  }
  return Wide::Letter;
}

// The general word scan: letters, digits, UTF-8 letters and inner apostrophes ("o'clock");
// returns the end and whether every letter was an ASCII capital.
std::size_t scan_word(const unsigned char* s, std::size_t i, std::size_t n, bool& all_caps) {
  std::size_t j = i;
  all_caps = true;
  while (j < n) {
    unsigned char d = s[j];
    if (is_alpha(d)) {
      all_caps &= is_upper(d);
      ++j;
    } else if (is_digit(d)) {
      ++j;
    } else if (d >= 0x80 && classify_wide(s, j, n) == Wide::Letter) {
      all_caps = false;
      j += utf8_length(d);
    } else if (d == '\'' && j + 1 < n && is_alpha(s[j + 1]) && j > i &&
               !((s[j + 1] | 0x20) == 's' && (j + 2 >= n || !is_alpha(s[j + 2])))) {
      ++j;  // "o'clock"; a possessive "'s" is a token of its own
    } else {
      break;
    }
  }
  return j;
}

}  // namespace

void tokenize(std::string_view text, std::vector<Token>& out) {
  out.clear();
  out.reserve(text.size() / 5 + 16);
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  bool space = true;
  while (i < n) {
    unsigned char c = s[i];
    if (is_space(c)) {
      // A whitespace run, mostly one space: a tight loop, not a trip through the dispatch per byte.
      space = true;
      do {
        ++i;
      } while (i < n && is_space(s[i]));
      continue;
    }
    Wide wide = c >= 0x80 ? classify_wide(s, i, n) : Wide::Letter;
    if (wide == Wide::Space) {
      space = true;
      i += utf8_length(c);
      continue;
    }
    // Built in place: a token is written once, not assembled on the stack and copied.
    Token& t = out.emplace_back();
    t.begin = static_cast<std::uint32_t>(i);
    t.space_before = space;
    space = false;
    if (is_digit(c)) {
      // Digits, thousands groups of exactly three ("2,000") and one decimal part ("4.67"),
      // read as an integer mantissa and a count of decimals.
      std::uint64_t mantissa = 0;
      int decimals = 0;
      std::size_t j = i;
      auto take = [&](bool fraction) {
        while (j < n && is_digit(s[j])) {
          if (mantissa < 100000000000000000ull) {
            mantissa = mantissa * 10 + static_cast<std::uint64_t>(s[j] - '0');
            if (fraction) ++decimals;
          } else if (!fraction) {
            --decimals;  // too many digits to hold: scale instead
          }
          ++j;
        }
      };
      take(false);
      t.digits = static_cast<std::uint8_t>(j - i > 255 ? 255 : j - i);
      while (j + 3 < n && s[j] == ',' && is_digit(s[j + 1]) && is_digit(s[j + 2]) && is_digit(s[j + 3]) &&
             (j + 4 >= n || !is_digit(s[j + 4]))) {
        ++j;
        take(false);
        t.grouped = true;
      }
      if (j + 1 < n && s[j] == '.' && is_digit(s[j + 1])) {
        ++j;
        take(true);
        t.decimal = true;
      }
      t.mantissa = static_cast<double>(mantissa);
      t.decimals = decimals;
      t.kind = TokenKind::Number;
      t.end = static_cast<std::uint32_t>(j);
      i = j;
    } else if (is_alpha(c) || (c >= 0x80 && wide == Wide::Letter)) {
      // Most words are ASCII letters and digits alone: their end eight bytes at a time, and the
      // general scan below only when an apostrophe or a UTF-8 byte follows them.
      std::size_t j = 0;
      bool all_caps = false;
      if (is_alpha(c)) j = chars::letters_digits_end(s, i + 1, n);
      if (!is_alpha(c) || (j < n && (s[j] == '\'' || s[j] >= 0x80))) {
        j = scan_word(s, i, n, all_caps);
      } else if (is_upper(c)) {
        // Capitals and digits: "MPQ", "A320" (a word that starts lower case is never all capitals).
        all_caps = true;
        for (std::size_t k = i + 1; k < j && all_caps; ++k) all_caps = is_upper(s[k]) || is_digit(s[k]);
      }
      if (j > n) j = n;
      t.kind = TokenKind::Word;
      t.capitalized = is_upper(c);
      t.all_caps = all_caps && j - i > 1;
      // "US$", "HK$", "C$": the dollar sign belongs to the capitals before it.
      if (j < n && s[j] == '$' && j - i <= 3 && (all_caps || j - i == 1) && is_upper(c)) ++j;
      t.end = static_cast<std::uint32_t>(j);
      i = j;
    } else {
      std::size_t j = i + (c >= 0x80 ? utf8_length(c) : 1);
      if (j > n) j = n;
      t.kind = TokenKind::Punct;
      t.end = static_cast<std::uint32_t>(j);
      i = j;
    }
  }
}

}  // namespace dateline::amounts
