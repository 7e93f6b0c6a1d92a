#pragma once
// A scanner for the plain JSON the store writes itself (value histories, entity lists): arrays,
// objects, strings without escapes, null and integers. A listing parses one history and one
// entity list a fact, and RapidJSON's DOM spent fifty instructions a byte on them (a fifth of a
// month's `upcoming`). Whatever the scanner does not take (an escape, a control character,
// another kind of value, a malformed text) it declines, and the caller parses the text with
// RapidJSON as before: what is read never differs, only how fast.

#include <cstdint>
#include <string_view>

namespace dateline::engine {

class PlainJson {
 public:
  explicit PlainJson(std::string_view text) : p_(text.data()), end_(text.data() + text.size()) {}

  // Each consumes what it names (after any whitespace) and says whether it was there.
  bool take(char c) {
    skip_space();
    if (p_ == end_ || *p_ != c) return false;
    ++p_;
    return true;
  }
  bool take_null() {
    skip_space();
    if (end_ - p_ < 4 || std::string_view(p_, 4) != "null") return false;
    p_ += 4;
    return true;
  }
  // A string without escapes or control characters.
  bool take_string(std::string_view& out) {
    if (!take('"')) return false;
    const char* start = p_;
    while (p_ != end_ && *p_ != '"') {
      if (*p_ == '\\' || static_cast<unsigned char>(*p_) < 0x20) return false;
      ++p_;
    }
    if (p_ == end_) return false;
    out = std::string_view(start, static_cast<std::size_t>(p_ - start));
    ++p_;
    return true;
  }
  // An integer of at most 18 digits, without leading zeros, fraction or exponent.
  bool take_int(std::int64_t& out) {
    skip_space();
    const bool negative = p_ != end_ && *p_ == '-';
    if (negative) ++p_;
    const char* start = p_;
    std::int64_t v = 0;
    while (p_ != end_ && *p_ >= '0' && *p_ <= '9') v = v * 10 + (*p_++ - '0');
    const std::ptrdiff_t digits = p_ - start;
    if (digits == 0 || digits > 18 || (digits > 1 && *start == '0')) return false;
    if (p_ != end_ && (*p_ == '.' || *p_ == 'e' || *p_ == 'E')) return false;
    out = negative ? -v : v;
    return true;
  }
  // A string or null (`out` empty and `is_null` set).
  bool take_string_or_null(std::string_view& out, bool& is_null) {
    is_null = take_null();
    if (is_null) {
      out = {};
      return true;
    }
    return take_string(out);
  }
  // Only whitespace is left.
  bool at_end() {
    skip_space();
    return p_ == end_;
  }

 private:
  void skip_space() {
    while (p_ != end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
  }

  const char* p_;
  const char* end_;
};

}  // namespace dateline::engine
