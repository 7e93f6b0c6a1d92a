#pragma once
// RapidJSON's compact Writer with a faster string escaper. The extract JSON is mostly strings
// (every document's text, every claim's quote), and RapidJSON 1.1.0 writes a string one byte at
// a time through a table, a branch and a stack push per byte (a fifth of `dateline extract`'s
// instructions went there). This writer copies runs of plain bytes eight at a time and escapes
// exactly the bytes RapidJSON escapes, the same way: '"' and '\' with a backslash, \b \t \n \f
// \r, every other byte below 0x20 as \u00XX with upper-case hex, and nothing else (UTF-8 passes
// through, as with RapidJSON's default flags). tests/json_string_writer_test.cpp holds it to
// RapidJSON's output byte for byte. Everything else (structure, numbers) is RapidJSON's own.

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cstdint>
#include <cstring>
#include <string>

namespace dateline::json {

class StringWriter : public rapidjson::Writer<rapidjson::StringBuffer> {
  using Base = rapidjson::Writer<rapidjson::StringBuffer>;

 public:
  using Base::Base;

  bool String(const Ch* s, rapidjson::SizeType n, bool = false) {
    Prefix(rapidjson::kStringType);
    write_string(s, n);
    return EndValue(true);
  }
  bool String(const std::string& s) { return String(s.data(), static_cast<rapidjson::SizeType>(s.size())); }
  bool Key(const Ch* s, rapidjson::SizeType n, bool = false) { return String(s, n); }

 private:
  // Whether any of the 8 bytes of `v` is below 0x20, '"' or '\'. The zero-byte tests are exact
  // for "any" (the borrow that can mark a byte falsely only follows a true mark).
  static bool needs_escape(std::uint64_t v) {
    constexpr std::uint64_t kOnes = 0x0101010101010101ull;
    constexpr std::uint64_t kHigh = 0x8080808080808080ull;
    const std::uint64_t below_space = (v - kOnes * 0x20) & ~v;
    const std::uint64_t q = v ^ (kOnes * '"');
    const std::uint64_t quote = (q - kOnes) & ~q;
    const std::uint64_t b = v ^ (kOnes * '\\');
    const std::uint64_t backslash = (b - kOnes) & ~b;
    return ((below_space | quote | backslash) & kHigh) != 0;
  }

  // The 1 to 7 bytes at `p` as one word, the bytes past them 'a' (which needs no escape), read
  // without a call to memcpy of a variable size: two overlapping fours, or byte by byte.
  static std::uint64_t tail_word(const unsigned char* p, std::size_t rest) {
    constexpr std::uint64_t kOnes = 0x0101010101010101ull;
    std::uint64_t v;
    if (rest >= 4) {
      std::uint32_t a, b;
      std::memcpy(&a, p, 4);
      std::memcpy(&b, p + rest - 4, 4);
      v = a | (std::uint64_t{b} << (8 * (rest - 4)));
    } else {
      v = p[0];
      if (rest > 1) v |= std::uint64_t{p[1]} << 8;
      if (rest > 2) v |= std::uint64_t{p[2]} << 16;
    }
    return v | (kOnes * 'a') << (8 * rest);
  }

  static char* escape(char* out, unsigned char c) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    *out++ = '\\';
    switch (c) {
      case '"': *out++ = '"'; break;
      case '\\': *out++ = '\\'; break;
      case '\b': *out++ = 'b'; break;
      case '\t': *out++ = 't'; break;
      case '\n': *out++ = 'n'; break;
      case '\f': *out++ = 'f'; break;
      case '\r': *out++ = 'r'; break;
      default:
        *out++ = 'u';
        *out++ = '0';
        *out++ = '0';
        *out++ = kHex[c >> 4];
        *out++ = kHex[c & 15];
    }
    return out;
  }

  static char* put(char* out, unsigned char c) {
    if (c < 0x20 || c == '"' || c == '\\') return escape(out, c);
    *out++ = static_cast<char>(c);
    return out;
  }

  void write_string(const char* s, std::size_t n) {
    // Every byte as \u00XX at worst, and room for the tail's eight-byte store below.
    const std::size_t reserved = 2 + n * 6 + 8;
    char* const start = os_->Push(reserved);
    char* out = start;
    *out++ = '"';
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8) {
      std::uint64_t v;
      std::memcpy(&v, s + i, 8);
      if (!needs_escape(v)) {
        std::memcpy(out, s + i, 8);
        out += 8;
        continue;
      }
      for (std::size_t k = i; k < i + 8; ++k) out = put(out, static_cast<unsigned char>(s[k]));
    }
    // The last few bytes (all of a key or a short value): tested as one word too, padded with a
    // letter, and stored eight bytes at once (only `rest` of them count), not byte by byte.
    if (const std::size_t rest = n - i; rest > 0) {
      const std::uint64_t v = tail_word(reinterpret_cast<const unsigned char*>(s + i), rest);
      if (!needs_escape(v)) {
        std::memcpy(out, &v, 8);
        out += rest;
      } else {
        for (; i < n; ++i) out = put(out, static_cast<unsigned char>(s[i]));
      }
    }
    *out++ = '"';
    os_->Pop(reserved - static_cast<std::size_t>(out - start));
  }
};

}  // namespace dateline::json
