#pragma once
// RapidJSON's compact Writer with a faster string escaper. The extract JSON is mostly strings
// (every document's text, every claim's quote), and RapidJSON 1.1.0 writes a string one byte at
// a time through a table, a branch and a stack push per byte (a fifth of `dateline extract`'s
// instructions went there). This writer copies runs of plain bytes sixteen (SSE2) or eight at a
// time and escapes exactly the bytes RapidJSON escapes, the same way: '"' and '\' with a
// backslash, \b \t \n \f \r, every other byte below 0x20 as \u00XX with upper-case hex, and
// nothing else (UTF-8 passes through, as with RapidJSON's default flags).
// tests/json_string_writer_test.cpp holds it to RapidJSON's output byte for byte. Everything
// else (structure, numbers) is RapidJSON's own.

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cstdint>
#include <cstring>
#include <string>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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

  // The string's sixteen-byte blocks, from `i` (advanced past them): SSE2 where it is there
  // (every x86-64), eight bytes a step elsewhere. A document's text is most of the output and
  // has a line break to escape only every few hundred bytes; each block is stored whole first
  // and, from its first byte to escape on, written again byte by byte. Out of line, so that
  // the keys and short values, which never come here, stay small enough to inline.
  [[gnu::noinline]] static char* escape_blocks(char* out, const char* s, std::size_t n, std::size_t& i) {
#if defined(__SSE2__)
    const __m128i below_space = _mm_set1_epi8(0x1F);
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i backslash = _mm_set1_epi8('\\');
    for (; i + 16 <= n; i += 16) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i));
      const __m128i control = _mm_cmpeq_epi8(_mm_max_epu8(v, below_space), below_space);  // unsigned v <= 0x1F
      const __m128i special = _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash));
      const unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(control, special)));
      _mm_storeu_si128(reinterpret_cast<__m128i*>(out), v);
      if (mask == 0) {
        out += 16;
        continue;
      }
      const std::size_t first = static_cast<std::size_t>(__builtin_ctz(mask));
      out += first;
      for (std::size_t k = i + first; k < i + 16; ++k) out = put(out, static_cast<unsigned char>(s[k]));
    }
#else
    for (; i + 16 <= n; i += 8) out = escape_word(out, s + i);
#endif
    return out;
  }

  // Eight bytes at `s`: copied when none needs escaping, else byte by byte.
  static char* escape_word(char* out, const char* s) {
    std::uint64_t v;
    std::memcpy(&v, s, 8);
    if (!needs_escape(v)) {
      std::memcpy(out, s, 8);
      return out + 8;
    }
    for (std::size_t k = 0; k < 8; ++k) out = put(out, static_cast<unsigned char>(s[k]));
    return out;
  }

  void write_string(const char* s, std::size_t n) {
    // Every byte as \u00XX at worst, and room for the tail's eight-byte store below.
    const std::size_t reserved = 2 + n * 6 + 8;
    char* const start = os_->Push(reserved);
    char* out = start;
    *out++ = '"';
    std::size_t i = 0;
    if (n >= 16) out = escape_blocks(out, s, n, i);
    for (; i + 8 <= n; i += 8) out = escape_word(out, s + i);
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
