#include "timex/lexicon.h"
#include "char_classes.h"
#include "timex/token.h"

#include <cstring>

namespace dateline::timex {
namespace {

using chars::is_alpha;
using chars::is_digit;
using chars::is_space;
using chars::is_upper;
using chars::kAlpha;
using chars::kUpper;

using chars::letters_end;
using chars::load8;
constexpr std::uint64_t kEach(std::uint8_t b) { return chars::each_byte(b); }

// The lexicon key of s[i, i + len), a word of ASCII letters and apostrophes: OR-ing 0x20
// lower-cases letters and leaves the apostrophe (0x27) as it is.
Lexicon::Key word_key(const unsigned char* s, std::size_t i, std::size_t len, std::size_t n) {
  Lexicon::Key key;
  if (i + Lexicon::kKeyBytes <= n) {
    auto keep = [](std::size_t bytes) { return bytes >= 8 ? ~0ull : (1ull << (8 * bytes)) - 1; };
    key.lo = (load8(s + i) | kEach(0x20)) & keep(len);
    if (len > 8) key.hi = (load8(s + i + 8) | kEach(0x20)) & keep(len - 8);
    return key;
  }
  for (std::size_t k = 0; k < len && k < Lexicon::kKeyBytes; ++k) {
    const std::uint64_t byte = s[i + k] | 0x20u;
    if (k < 8) {
      key.lo |= byte << (8 * k);
    } else {
      key.hi |= byte << (8 * (k - 8));
    }
  }
  return key;
}

// Number classes from the digits alone; context filters ("$2025") come later.
ClassMask number_classes(int value, int digits) {
  ClassMask c = bit(TokenClass::Num);
  if (digits <= 2 && value >= 1 && value <= 31) c |= bit(TokenClass::DayNum);
  if (digits <= 2 && value >= 1 && value <= 12) c |= bit(TokenClass::MonthNum);
  if (digits <= 2 && value <= 24) c |= bit(TokenClass::Hour);
  if (digits == 2 && value <= 59) c |= bit(TokenClass::Minute);
  if (digits == 2) c |= bit(TokenClass::Year2);
  if (digits == 4 && value >= 1000 && value <= 2199) c |= bit(TokenClass::Year4);
  return c;
}

// A digit run, with its amount and ordinal/decade forms; returns where the token ends.
std::size_t scan_number(std::string_view text, std::size_t i, std::size_t n, Token& t) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  long value = 0;
  std::size_t j = i;
  while (j < n && is_digit(s[j])) {
    if (value < 100000000) value = value * 10 + (s[j] - '0');
    ++j;
  }
  int digits = static_cast<int>(j - i);
  t.kind = TokenKind::Number;
  t.number = static_cast<std::int32_t>(value);
  t.digits = static_cast<std::uint8_t>(digits > 255 ? 255 : digits);
  // A digit run glued to a comma group ("2,020") or a decimal ("3.5") is an amount, not a date part.
  bool amount = false;
  while (j + 1 < n && (s[j] == ',' || s[j] == '.') && is_digit(s[j + 1])) {
    // "9.17" could be a date elsewhere, but news writes dates with slashes or words.
    std::size_t k = j + 1;
    while (k < n && is_digit(s[k])) ++k;
    if (s[j] == ',' && k - (j + 1) != 3) break;
    j = k;
    amount = true;
  }
  // Ordinal and decade suffixes stay on the number: "17th", "1990s".
  std::size_t k = j;
  while (k < n && is_alpha(s[k])) ++k;
  std::string_view suffix(text.data() + j, k - j);
  auto lower_eq = [&](std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t m = 0; m < a.size(); ++m) {
      if ((a[m] | 0x20) != b[m]) return false;
    }
    return true;
  };
  if (amount) {
    t.classes = 0;
  } else if (!suffix.empty() &&
             (lower_eq(suffix, "st") || lower_eq(suffix, "nd") || lower_eq(suffix, "rd") || lower_eq(suffix, "th"))) {
    t.classes = bit(TokenClass::OrdNum);
    j = k;
  } else if (lower_eq(suffix, "s") && (digits == 4 || digits == 2) && value % 10 == 0) {
    t.classes = bit(TokenClass::DecadeNum);
    j = k;
  } else {
    t.classes = number_classes(static_cast<int>(value), digits);
  }
  return j;
}

// The general word scan: UTF-8 letters (kept whole) and inner apostrophes ("o'clock").
// Sets `ascii` and `all_caps`; returns the end (== i for a multi-byte punctuation character).
std::size_t scan_word(const unsigned char* s, std::size_t i, std::size_t n, bool& ascii, bool& all_caps) {
  std::size_t j = i;
  all_caps = true;
  ascii = true;
  while (j < n) {
    unsigned char d = s[j];
    std::uint8_t f = chars::flags(d);
    if (f & kAlpha) {
      all_caps &= (f & kUpper) != 0;
      ++j;
    } else if (d >= 0x80) {
      ascii = false;
      // Stop at typographic punctuation that UTF-8 spells with several bytes: dashes and quotes.
      if (d == 0xE2 && j + 2 < n && s[j + 1] == 0x80 && (s[j + 2] >= 0x90 && s[j + 2] <= 0x9F)) break;
      if (d == 0xC2 && j + 1 < n && (s[j + 1] == 0xA0 || s[j + 1] == 0xAB || s[j + 1] == 0xBB)) break;
      ++j;
    } else if (d == '\'' && j + 1 < n && is_alpha(s[j + 1]) && j > i &&
               !((s[j + 1] | 0x20) == 's' && (j + 2 >= n || !is_alpha(s[j + 2])))) {
      ++j;  // "o'clock", "won't"; a possessive "'s" is a token of its own
    } else {
      break;
    }
  }
  return j;
}

}  // namespace

void tokenize(std::string_view text, std::size_t begin, std::size_t end, const Lexicon& lexicon,
              std::vector<Token>& out, std::vector<std::uint32_t>& starts) {
  out.clear();
  out.reserve((end - begin) / 5 + 16);  // news averages about six bytes a token
  starts.clear();
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = end;
  const std::size_t max_word = lexicon.max_word_size();
  std::size_t i = begin;
  bool space = true;
  bool new_sentence = true;
  while (i < n) {
    unsigned char c = s[i];
    if (is_space(c)) {
      space = true;
      i = chars::spaces_end(s, i, n, new_sentence);
      if (i == n) break;
      c = s[i];
    }
    // Built in place: a token is written once, not assembled on the stack and copied.
    Token& t = out.emplace_back();
    t.begin = static_cast<std::uint32_t>(i);
    t.space_before = space;
    t.sentence_start = new_sentence;
    new_sentence = false;
    space = false;
    if (is_alpha(c)) {
      // Most words are plain ASCII letters: find their end eight bytes at a time, and fall
      // back to the general scan only when an apostrophe or a UTF-8 byte follows.
      std::size_t j = letters_end(s, i + 1, n);
      bool ascii = true;
      bool all_caps = false;
      if (j < n && (s[j] == '\'' || s[j] >= 0x80)) {
        j = scan_word(s, i, n, ascii, all_caps);
      } else if (is_upper(c)) {
        all_caps = true;
        for (std::size_t k = i + 1; k < j && all_caps; ++k) all_caps = is_upper(s[k]);
      }
      t.kind = TokenKind::Word;
      t.capitalized = is_upper(c);
      t.all_caps = all_caps && j - i > 1;
      // The lexicon is ASCII: words with other letters cannot be in it.
      if (ascii && j - i <= max_word && lexicon.may_hold(j - i, c | 0x20u, s[j - 1] | 0x20u)) {
        const std::string_view word(text.data() + i, j - i);
        if (const Lexicon::Slot* slot = lexicon.find_slot(word_key(s, i, j - i, text.size()), word)) {
          t.lex = lexicon.slot_entry(*slot);
          t.classes = slot->classes;
          if (slot->starts_pattern) starts.push_back(static_cast<std::uint32_t>(out.size() - 1));
        }
      }
      t.end = static_cast<std::uint32_t>(j);
      i = j;
    } else if (is_digit(c)) {
      i = scan_number(text, i, n, t);
      t.end = static_cast<std::uint32_t>(i);
      if (t.classes != 0) starts.push_back(static_cast<std::uint32_t>(out.size() - 1));
    } else if (c >= 0x80) {
      bool ascii = true;
      bool all_caps = true;
      std::size_t j = scan_word(s, i, n, ascii, all_caps);
      if (j == i) {  // a multi-byte punctuation character
        j = i + ((c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 1);
        if (j > n) j = n;
        t.kind = TokenKind::Punct;
      } else {
        t.kind = TokenKind::Word;
        t.all_caps = all_caps && j - i > 1;  // a word that starts with a UTF-8 letter is never in the lexicon
      }
      t.end = static_cast<std::uint32_t>(j);
      i = j;
    } else {
      t.kind = TokenKind::Punct;
      t.end = static_cast<std::uint32_t>(i + 1);
      t.lex = lexicon.find_char(c);
      if (t.lex && t.lex->starts_pattern) starts.push_back(static_cast<std::uint32_t>(out.size() - 1));
      if (c == '!' || c == '?' || c == ';') new_sentence = true;
      // A full stop ends a sentence when whitespace and a capital follow (abbreviations like
      // "Sept. 17" have a number after them, "U.S. officials" a lower-case word).
      // "p.m. Friday", "U.S. Army": a stop after a single letter is an abbreviation's.
      if (c == '.' && i + 2 < n && is_space(s[i + 1])) {
        const Token* prev = out.size() >= 2 ? &out[out.size() - 2] : nullptr;
        bool after_initial = prev && prev->kind == TokenKind::Word && prev->end == i && prev->end - prev->begin == 1;
        std::size_t k = i + 1;
        while (k < n && is_space(s[k])) ++k;
        if (!after_initial && k < n && (is_upper(s[k]) || s[k] == '"' || s[k] == '\'')) new_sentence = true;
      }
      ++i;
    }
  }
}

}  // namespace dateline::timex
