#pragma once
// A bit filter over a table's words: one bit per (length, first byte, last byte), the bytes
// folded to their low five bits, which makes it blind to ASCII case. "Not set" means no word of
// the table has that shape, so a lookup of most words of a text ends with one bit test instead
// of hashing; "set" means look it up as before. Shared by the extractors' lexicons.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace dateline {

class WordFilter {
 public:
  void add(std::string_view word) {
    if (word.empty()) return;
    const std::size_t i = index(word);
    bits_[i >> 6] |= std::uint64_t{1} << (i & 63);
  }
  bool may_hold(std::string_view word) const {
    if (word.empty()) return false;
    const std::size_t i = index(word);
    return (bits_[i >> 6] >> (i & 63)) & 1;
  }

 private:
  static std::size_t index(std::string_view w) {
    const std::size_t size = w.size() < 31 ? w.size() : 31;  // longer words share the last row
    return size << 10 | (static_cast<unsigned char>(w.front()) & 31u) << 5 |
           (static_cast<unsigned char>(w.back()) & 31u);
  }
  std::array<std::uint64_t, 512> bits_{};  // 32 lengths x 32 x 32
};

}  // namespace dateline
