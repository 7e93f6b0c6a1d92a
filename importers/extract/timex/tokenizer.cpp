#include "timex/lexicon.h"
#include "timex/token.h"

namespace dateline::timex {
namespace {

// Character classes by table: the scan looks at every byte, so one load beats range tests.
enum : std::uint8_t { kAlpha = 1, kUpper = 2, kDigit = 4, kSpace = 8 };

struct CharTable {
  std::uint8_t flags[256] = {};
  constexpr CharTable() {
    for (int c = 'a'; c <= 'z'; ++c) flags[c] = kAlpha;
    for (int c = 'A'; c <= 'Z'; ++c) flags[c] = kAlpha | kUpper;
    for (int c = '0'; c <= '9'; ++c) flags[c] = kDigit;
    for (int c : {' ', '\t', '\n', '\r', '\f', '\v'}) flags[c] = kSpace;
  }
};
constexpr CharTable kChars;

bool is_alpha(unsigned char c) { return kChars.flags[c] & kAlpha; }
bool is_digit(unsigned char c) { return kChars.flags[c] & kDigit; }
bool is_space(unsigned char c) { return kChars.flags[c] & kSpace; }
bool is_upper(unsigned char c) { return kChars.flags[c] & kUpper; }

// Number classes from the digits alone; context filters ("$2025") come later.
std::uint64_t number_classes(int value, int digits) {
  std::uint64_t c = bit(TokenClass::Num);
  if (digits <= 2 && value >= 1 && value <= 31) c |= bit(TokenClass::DayNum);
  if (digits <= 2 && value >= 1 && value <= 12) c |= bit(TokenClass::MonthNum);
  if (digits <= 2 && value <= 24) c |= bit(TokenClass::Hour);
  if (digits == 2 && value <= 59) c |= bit(TokenClass::Minute);
  if (digits == 2) c |= bit(TokenClass::Year2);
  if (digits == 4 && value >= 1000 && value <= 2199) c |= bit(TokenClass::Year4);
  return c;
}

}  // namespace

void tokenize(std::string_view text, std::size_t begin, std::size_t end, const Lexicon& lexicon,
              std::vector<Token>& out) {
  out.clear();
  out.reserve((end - begin) / 5 + 16);  // news averages about six bytes a token
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = end;
  std::size_t i = begin;
  bool space = true;
  bool new_sentence = true;
  while (i < n) {
    unsigned char c = s[i];
    if (is_space(c)) {
      if (c == '\n') new_sentence = true;
      space = true;
      ++i;
      continue;
    }
    Token t;
    t.begin = static_cast<std::uint32_t>(i);
    t.space_before = space;
    t.sentence_start = new_sentence;
    new_sentence = false;
    space = false;
    if (is_digit(c)) {
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
      } else if (!suffix.empty() && (lower_eq(suffix, "st") || lower_eq(suffix, "nd") || lower_eq(suffix, "rd") ||
                                     lower_eq(suffix, "th"))) {
        t.classes = bit(TokenClass::OrdNum);
        j = k;
      } else if (lower_eq(suffix, "s") && (digits == 4 || digits == 2) && value % 10 == 0) {
        t.classes = bit(TokenClass::DecadeNum);
        j = k;
      } else {
        t.classes = number_classes(static_cast<int>(value), digits);
      }
      t.end = static_cast<std::uint32_t>(j);
      i = j;
    } else if (is_alpha(c) || c >= 0x80) {
      std::size_t j = i;
      bool all_caps = true;
      bool ascii = true;
      std::uint64_t hash = Lexicon::kHashSeed;
      // Words: ASCII letters, UTF-8 letters (kept whole), and inner apostrophes ("o'clock").
      while (j < n) {
        unsigned char d = s[j];
        std::uint8_t f = kChars.flags[d];
        if (f & kAlpha) {
          all_caps &= (f & kUpper) != 0;
          hash = Lexicon::hash_step(hash, static_cast<unsigned char>(d | 0x20));
          ++j;
        } else if (d >= 0x80) {
          ascii = false;
          // Stop at typographic punctuation that UTF-8 spells with several bytes: dashes and quotes.
          if (d == 0xE2 && j + 2 < n && s[j + 1] == 0x80 && (s[j + 2] >= 0x90 && s[j + 2] <= 0x9F)) break;
          if (d == 0xC2 && j + 1 < n && (s[j + 1] == 0xA0 || s[j + 1] == 0xAB || s[j + 1] == 0xBB)) break;
          ++j;
        } else if (d == '\'' && j + 1 < n && is_alpha(s[j + 1]) && j > i &&
                   !((s[j + 1] | 0x20) == 's' && (j + 2 >= n || !is_alpha(s[j + 2])))) {
          hash = Lexicon::hash_step(hash, '\'');
          ++j;  // "o'clock", "won't"; a possessive "'s" is a token of its own
        } else {
          break;
        }
      }
      if (j == i) {  // a multi-byte punctuation character
        j = i + ((c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 1);
        if (j > n) j = n;
        t.kind = TokenKind::Punct;
      } else {
        t.kind = TokenKind::Word;
        t.capitalized = is_upper(c);
        t.all_caps = all_caps && j - i > 1;
        // The lexicon is ASCII: words with other letters cannot be in it.
        t.lex = ascii ? lexicon.find_hashed(std::string_view(text.data() + i, j - i), hash) : nullptr;
        if (t.lex) t.classes = t.lex->classes;
      }
      t.end = static_cast<std::uint32_t>(j);
      i = j;
    } else {
      t.kind = TokenKind::Punct;
      t.end = static_cast<std::uint32_t>(i + 1);
      t.lex = lexicon.find_char(c);
      if (c == '!' || c == '?' || c == ';') new_sentence = true;
      // A full stop ends a sentence when whitespace and a capital follow (abbreviations like
      // "Sept. 17" have a number after them, "U.S. officials" a lower-case word).
      // "p.m. Friday", "U.S. Army": a stop after a single letter is an abbreviation's.
      bool after_initial = !out.empty() && out.back().kind == TokenKind::Word && out.back().end == i &&
                           out.back().end - out.back().begin == 1;
      if (c == '.' && !after_initial && i + 2 < n && is_space(s[i + 1])) {
        std::size_t k = i + 1;
        while (k < n && is_space(s[k])) ++k;
        if (k < n && (is_upper(s[k]) || s[k] == '"' || s[k] == '\'')) new_sentence = true;
      }
      ++i;
    }
    out.push_back(t);
  }
}

}  // namespace dateline::timex
