#pragma once
// ASCII character classes by table, shared by the extractors' tokenizers: a scan looks at every
// byte, so one table load beats a chain of range tests.

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace dateline::chars {

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
inline constexpr CharTable kTable;

inline std::uint8_t flags(unsigned char c) { return kTable.flags[c]; }
inline bool is_alpha(unsigned char c) { return kTable.flags[c] & kAlpha; }
inline bool is_digit(unsigned char c) { return kTable.flags[c] & kDigit; }
inline bool is_space(unsigned char c) { return kTable.flags[c] & kSpace; }
inline bool is_upper(unsigned char c) { return kTable.flags[c] & kUpper; }

// Eight bytes at a time, for the runs of letters that most of a text is: a word's end is
// found with a few word operations instead of a table load and a branch per byte.
constexpr std::uint64_t each_byte(std::uint8_t b) { return 0x0101010101010101ull * b; }

inline std::uint64_t load8(const unsigned char* p) {
  std::uint64_t w;
  std::memcpy(&w, p, 8);  // one unaligned load; the tokenizers assume a little-endian host
  return w;
}

// The high bit of each byte of `w` that is an ASCII letter. Folding 0x20 in maps A-Z onto
// a-z, and on seven-bit bytes adding 0x1F (0x05) sets the high bit exactly from 'a' ('{') up,
// with no carry between bytes.
inline std::uint64_t letter_bytes(std::uint64_t w) {
  const std::uint64_t x = (w | each_byte(0x20)) & each_byte(0x7F);
  return (x + each_byte(0x1F)) & ~(x + each_byte(0x05)) & ~w & each_byte(0x80);
}

// The high bit of each byte of `w` that is an ASCII digit (from '0' up and not from ':' up).
inline std::uint64_t digit_bytes(std::uint64_t w) {
  const std::uint64_t x = w & each_byte(0x7F);
  return (x + each_byte(0x80 - '0')) & ~(x + each_byte(0x80 - ':')) & ~w & each_byte(0x80);
}

// End of the whitespace run starting at s[i] (a space byte); sets `line_break` when the run holds
// a '\n'. Words are mostly one space apart: tokenizers skip a run in this tight loop rather than
// a trip through their dispatch per byte.
inline std::size_t spaces_end(const unsigned char* s, std::size_t i, std::size_t n, bool& line_break) {
  do {
    line_break |= s[i] == '\n';
  } while (++i < n && is_space(s[i]));
  return i;
}

// End of the run of ASCII letters starting at i.
inline std::size_t letters_end(const unsigned char* s, std::size_t i, std::size_t n) {
  while (i + 8 <= n) {
    const std::uint64_t stop = ~letter_bytes(load8(s + i)) & each_byte(0x80);
    if (stop != 0) return i + static_cast<std::size_t>(__builtin_ctzll(stop) >> 3);
    i += 8;
  }
  while (i < n && is_alpha(s[i])) ++i;
  return i;
}

// End of the run of ASCII letters and digits starting at i.
inline std::size_t letters_digits_end(const unsigned char* s, std::size_t i, std::size_t n) {
  while (i + 8 <= n) {
    const std::uint64_t w = load8(s + i);
    const std::uint64_t stop = ~(letter_bytes(w) | digit_bytes(w)) & each_byte(0x80);
    if (stop != 0) return i + static_cast<std::size_t>(__builtin_ctzll(stop) >> 3);
    i += 8;
  }
  while (i < n && (kTable.flags[s[i]] & (kAlpha | kDigit))) ++i;
  return i;
}

}  // namespace dateline::chars
