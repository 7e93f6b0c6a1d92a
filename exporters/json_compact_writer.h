#pragma once
// The compact JSON writer of the extract JSON: the same calls and the same bytes as RapidJSON's
// Writer<StringBuffer> (tests/json_compact_writer_test.cpp holds it to them), cheaper per call.
// The extract JSON is 3.4 times its input, mostly keys, short strings and integers, and RapidJSON
// pays for each a level stack (Prefix, EndValue), a capacity check per byte of punctuation and,
// for strings, a table, a branch and a push per byte (RapidJSON 1.1.0). Here a key is written
// with its separator and colon in one step (`,"key":`), integers by hand, and strings copy runs
// of plain bytes sixteen (SSE2) or eight at a time, escaping exactly the bytes RapidJSON
// escapes, the same way: '"' and '\' with a backslash, \b \t \n \f \r, every other byte below
// 0x20 as \u00XX with upper-case hex, and nothing else (UTF-8 passes through, as with
// RapidJSON's default flags). Doubles go through RapidJSON's own dtoa, as its Writer does.
//
// What it does not check: that keys and values alternate and brackets balance (RapidJSON
// asserts that in debug builds); the writers of the model (dateline/json.h) are tested for
// the structure they write.

#include <rapidjson/internal/dtoa.h>
#include <rapidjson/internal/ieee754.h>
#include <rapidjson/rapidjson.h>
#include <rapidjson/stringbuffer.h>

#include <cassert>
#include <cstdint>
#include <cstring>
#include <string_view>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace dateline::json {

class CompactWriter {
 public:
  using Ch = char;

  explicit CompactWriter(rapidjson::StringBuffer& os) : os_(&os) {}
  void Reset(rapidjson::StringBuffer& os) {
    os_ = &os;
    comma_ = false;
  }

  bool StartObject() { return open('{'); }
  bool EndObject(rapidjson::SizeType = 0) { return close('}'); }
  bool StartArray() { return open('['); }
  bool EndArray(rapidjson::SizeType = 0) { return close(']'); }
  bool Null() { return literal("null", 4); }
  bool Bool(bool b) { return b ? literal("true", 4) : literal("false", 5); }

  bool Uint(unsigned u) {
    char* const start = os_->Push(1 + 10);
    char* out = separate(start);
    char digits[10];
    int n = 0;
    do {
      digits[n++] = static_cast<char>('0' + u % 10);
      u /= 10;
    } while (u != 0);
    while (n > 0) *out++ = digits[--n];
    return done(start, 11, out);
  }

  // As RapidJSON's Writer: its dtoa with the default 324 decimal places; NaN and infinity are
  // refused (false) after the separator, as RapidJSON does without kWriteNanAndInfFlag.
  bool Double(double d) {
    char* const start = os_->Push(1 + 25);
    char* out = separate(start);
    const bool finite = !rapidjson::internal::Double(d).IsNanOrInf();
    if (finite) out = rapidjson::internal::dtoa(d, out, 324);
    done(start, 26, out);
    return finite;
  }

  bool String(const Ch* s, rapidjson::SizeType n, bool = false) {
    // Every byte as \u00XX at worst, the quotes, and room for the tail's eight-byte store.
    const std::size_t reserved = 1 + 2 + std::size_t{n} * 6 + 8;
    char* const start = os_->Push(reserved);
    return done(start, reserved, quoted(separate(start), s, n));
  }

  // `,"key":` at once; the value that follows takes no separator.
  bool Key(const Ch* s, rapidjson::SizeType n, bool = false) {
    const std::size_t reserved = 1 + 2 + std::size_t{n} * 6 + 8 + 1;
    char* const start = os_->Push(reserved);
    char* out = quoted(separate(start), s, n);
    *out++ = ':';
    os_->Pop(reserved - static_cast<std::size_t>(out - start));
    comma_ = false;
    return true;
  }

  // A key of the model's writers (dateline/json.h): a literal of letters and underscores, which
  // needs no escaping (checked in debug builds); inlined, its size a constant, it is a few stores.
  void PlainKey(std::string_view key) {
    assert(!needs_any_escape(key));
    char* const start = os_->Push(1 + 2 + key.size() + 1);
    char* out = separate(start);
    *out++ = '"';
    std::memcpy(out, key.data(), key.size());
    out += key.size();
    *out++ = '"';
    *out++ = ':';
    os_->Pop(1 + 2 + key.size() + 1 - static_cast<std::size_t>(out - start));
    comma_ = false;
  }

  bool RawValue(const Ch* json, std::size_t n, rapidjson::Type) {
    char* const start = os_->Push(1 + n);
    char* out = separate(start);
    std::memcpy(out, json, n);
    return done(start, 1 + n, out + n);
  }

 private:
  // The comma before a value or key that follows another in the same array or object.
  char* separate(char* out) {
    if (comma_) *out++ = ',';
    return out;
  }
  // Gives back the unused part of `reserved` bytes pushed at `start`; a value was written.
  bool done(char* start, std::size_t reserved, char* out) {
    os_->Pop(reserved - static_cast<std::size_t>(out - start));
    comma_ = true;
    return true;
  }
  bool literal(const char* s, std::size_t n) {
    char* const start = os_->Push(1 + n);
    char* out = separate(start);
    std::memcpy(out, s, n);
    return done(start, 1 + n, out + n);
  }
  bool open(char bracket) {
    char* const start = os_->Push(2);
    char* out = separate(start);
    *out++ = bracket;
    os_->Pop(2 - static_cast<std::size_t>(out - start));
    comma_ = false;
    return true;
  }
  bool close(char bracket) {
    os_->Put(bracket);
    comma_ = true;
    return true;
  }

  static bool needs_any_escape(std::string_view s) {
    for (char c : s) {
      if (static_cast<unsigned char>(c) < 0x20 || c == '"' || c == '\\') return true;
    }
    return false;
  }

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

  // `s` quoted and escaped at `out`, which has room for 2 + 6n + 8 bytes; returns its end.
  static char* quoted(char* out, const char* s, std::size_t n) {
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
    return out;
  }

  rapidjson::StringBuffer* os_;
  bool comma_ = false;  // a value or key written before in the open array or object
};

}  // namespace dateline::json
