#pragma once
// ASCII character classes by table, shared by the extractors' tokenizers: a scan looks at every
// byte, so one table load beats a chain of range tests.

#include <cstdint>

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

}  // namespace dateline::chars
