// Cleaning, shortening, wrapping and escaping of text for labels and calendar fields.

#include "display_text.h"

#include <cstdint>

namespace dateline::display {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD
constexpr std::string_view kEllipsis = "\xE2\x80\xA6";     // U+2026

// Length of the valid UTF-8 sequence at `pos`, or 0 when the bytes there are not one
// (overlong forms, surrogates and values past U+10FFFF are invalid, as RFC 3629 says).
std::size_t sequence_length(std::string_view s, std::size_t pos) {
  const auto byte = [&](std::size_t i) { return static_cast<std::uint8_t>(s[pos + i]); };
  const std::uint8_t b0 = byte(0);
  if (b0 < 0x80) return 1;
  std::size_t n;
  std::uint32_t cp;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    n = 2;
    cp = b0 & 0x1Fu;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    n = 3;
    cp = b0 & 0x0Fu;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    n = 4;
    cp = b0 & 0x07u;
  } else {
    return 0;
  }
  if (pos + n > s.size()) return 0;
  for (std::size_t i = 1; i < n; ++i) {
    if ((byte(i) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (byte(i) & 0x3Fu);
  }
  if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF))) return 0;
  if (cp >= 0xD800 && cp <= 0xDFFF) return 0;
  return n;
}

// Whitespace and control characters, including U+0085, U+2028 and U+2029 (line breaks
// to some readers) and U+00A0; all become a plain space.
bool is_space_or_control(std::string_view s, std::size_t pos, std::size_t len) {
  if (len == 1) {
    const auto c = static_cast<std::uint8_t>(s[pos]);
    return c <= 0x20 || c == 0x7F;
  }
  const std::string_view seq = s.substr(pos, len);
  return seq == "\xC2\x85" || seq == "\xC2\xA0" || seq == "\xE2\x80\xA8" || seq == "\xE2\x80\xA9" ||
         (len == 2 && static_cast<std::uint8_t>(s[pos]) == 0xC2 && static_cast<std::uint8_t>(s[pos + 1]) < 0xA0);
}

// The characters of a clean line, each as its byte range.
std::vector<std::string_view> characters(std::string_view line) {
  std::vector<std::string_view> out;
  for (std::size_t i = 0; i < line.size();) {
    std::size_t n = sequence_length(line, i);
    if (n == 0) n = 1;  // one_line() has already replaced invalid bytes
    out.push_back(line.substr(i, n));
    i += n;
  }
  return out;
}

}  // namespace

std::string one_line(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t n = sequence_length(text, i);
    if (n == 0) {
      if (pending_space && !out.empty()) out += ' ';
      pending_space = false;
      out += kReplacement;
      ++i;
      continue;
    }
    if (is_space_or_control(text, i, n)) {
      pending_space = true;
    } else {
      if (pending_space && !out.empty()) out += ' ';
      pending_space = false;
      out.append(text.substr(i, n));
    }
    i += n;
  }
  return out;
}

bool valid_utf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t n = sequence_length(text, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

std::size_t char_count(std::string_view text) {
  std::size_t count = 0;
  for (char c : text) {
    if ((static_cast<std::uint8_t>(c) & 0xC0) != 0x80) ++count;
  }
  return count;
}

std::string shorten(std::string_view text, std::size_t max_chars) {
  std::string line = one_line(text);
  const std::vector<std::string_view> chars = characters(line);
  if (chars.size() <= max_chars || max_chars == 0) return max_chars == 0 ? std::string() : line;
  // Keep max_chars - 1 characters and the ellipsis; back up to the last space if there is
  // one in the second half, so a word is not cut in the middle.
  std::size_t keep = max_chars - 1;
  for (std::size_t i = keep; i > keep / 2; --i) {
    if (chars[i] == " ") {
      keep = i;
      break;
    }
  }
  std::string out;
  for (std::size_t i = 0; i < keep; ++i) out.append(chars[i]);
  while (!out.empty() && out.back() == ' ') out.pop_back();
  out += kEllipsis;
  return out;
}

std::vector<std::string> wrap(std::string_view text, std::size_t width) {
  const std::string line = one_line(text);
  std::vector<std::string> lines;
  if (width == 0) return lines;
  std::string current;
  std::size_t current_chars = 0;
  std::size_t start = 0;
  while (start <= line.size()) {
    std::size_t end = line.find(' ', start);
    if (end == std::string::npos) end = line.size();
    std::string_view word = std::string_view(line).substr(start, end - start);
    std::vector<std::string_view> chars = characters(word);
    while (chars.size() > width) {  // a word longer than a line is cut
      if (current_chars > 0) {
        lines.push_back(current);
        current.clear();
        current_chars = 0;
      }
      std::string piece;
      for (std::size_t i = 0; i < width; ++i) piece.append(chars[i]);
      lines.push_back(piece);
      chars.erase(chars.begin(), chars.begin() + static_cast<std::ptrdiff_t>(width));
    }
    if (!chars.empty()) {
      const std::size_t needed = current_chars == 0 ? chars.size() : current_chars + 1 + chars.size();
      if (needed > width) {
        lines.push_back(current);
        current.clear();
        current_chars = 0;
      }
      if (current_chars > 0) {
        current += ' ';
        ++current_chars;
      }
      for (std::string_view c : chars) current.append(c);
      current_chars += chars.size();
    }
    start = end + 1;
  }
  if (current_chars > 0) lines.push_back(current);
  return lines;
}

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

bool is_web_url(std::string_view url) {
  if (!url.starts_with("https://") && !url.starts_with("http://")) return false;
  for (char c : url) {
    const auto b = static_cast<std::uint8_t>(c);
    if (b <= 0x20 || b == 0x7F || c == '"' || c == '<' || c == '>' || c == '\\') return false;
  }
  return url.size() > url.find("//") + 2;
}

}  // namespace dateline::display
