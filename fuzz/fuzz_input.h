#pragma once
// The fuzz input as a source of choices and strings, for the targets that build model values
// (timelines, facts) rather than parse bytes. Like libFuzzer's FuzzedDataProvider, which the
// GCC builds that replay the corpora do not have. Past the end of the input every choice is 0
// and every string empty, so any input builds something.

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

namespace fuzz {

class Input {
 public:
  Input(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}

  std::uint8_t byte() { return at_ < size_ ? data_[at_++] : 0; }
  bool flag() { return byte() & 1; }
  // A number in [0, bound); bound at most 65536.
  std::size_t below(std::size_t bound) {
    if (bound <= 1) return 0;
    const std::size_t raw = bound <= 256 ? byte() : static_cast<std::size_t>(byte()) << 8 | byte();
    return raw % bound;
  }
  template <typename T>
  const T& pick(std::initializer_list<T> choices) {
    return choices.begin()[below(choices.size())];
  }

  // Up to `max_pieces` pieces, each either a run of raw input bytes or one of `tokens` (the
  // syntax of the formats under test, so that the fuzzer need not discover it byte by byte).
  // Raw bytes are made valid UTF-8: the model's strings come from checked text.
  std::string text(std::initializer_list<std::string_view> tokens, std::size_t max_pieces = 6) {
    std::string out;
    const std::size_t pieces = below(max_pieces + 1);
    for (std::size_t i = 0; i < pieces; ++i) {
      if (flag()) {
        out += tokens.begin()[below(tokens.size())];
      } else {
        const std::size_t length = below(17);
        for (std::size_t k = 0; k < length && at_ < size_; ++k) out += static_cast<char>(data_[at_++]);
      }
    }
    return valid_utf8(out);
  }

  bool exhausted() const { return at_ >= size_; }

 private:
  // Every invalid byte becomes U+FFFD.
  static std::string valid_utf8(const std::string& s) {
    std::string out;
    std::size_t i = 0;
    auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    while (i < s.size()) {
      const unsigned char c = b(i);
      std::size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
      bool ok = len > 0 && i + len <= s.size();
      std::uint32_t cp = len == 1 ? c : len == 2 ? (c & 0x1Fu) : len == 3 ? (c & 0x0Fu) : (c & 0x07u);
      for (std::size_t k = 1; ok && k < len; ++k) {
        ok = (b(i + k) & 0xC0) == 0x80;
        cp = (cp << 6) | (b(i + k) & 0x3Fu);
      }
      static constexpr std::uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
      if (ok && (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) || cp == 0)) ok = false;
      if (ok) {
        out.append(s, i, len);
        i += len;
      } else {
        out += "\xEF\xBF\xBD";
        ++i;
      }
    }
    return out;
  }

  const std::uint8_t* data_;
  std::size_t size_;
  std::size_t at_ = 0;
};

}  // namespace fuzz
