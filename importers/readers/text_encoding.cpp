// Finds a markup file's declared encoding with a light prescan (a full parse comes later, on
// UTF-8), and converts with glibc's iconv.

#include "readers/text_encoding.h"

#include <dateline/error.h>
#include <dateline/read.h>
#include <fmt/format.h>
#include <iconv.h>

#include <algorithm>
#include <cctype>
#include <cerrno>

namespace dateline::reader {
namespace {

// How far the prescan looks: the HTML standard says 1024 bytes; pages with long comments or
// scripts before <meta charset> are common enough to look further.
constexpr std::size_t kPrescanBytes = 8192;

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// The value after `name` and '=' at `at` in the lower-cased `head`, unquoted.
std::optional<std::string> attribute_value(const std::string& head, std::size_t at, std::string_view name) {
  at += name.size();
  while (at < head.size() && is_space(head[at])) ++at;
  if (at >= head.size() || head[at] != '=') return std::nullopt;
  ++at;
  while (at < head.size() && is_space(head[at])) ++at;
  if (at >= head.size()) return std::nullopt;
  std::size_t end;
  if (head[at] == '"' || head[at] == '\'') {
    end = head.find(head[at], at + 1);
    ++at;
  } else {
    end = at;
    while (end < head.size() && !is_space(head[end]) && head[end] != '>' && head[end] != ';' && head[end] != '/') {
      ++end;
    }
  }
  if (end == std::string::npos) return std::nullopt;
  std::string value = head.substr(at, end - at);
  while (!value.empty() && is_space(value.back())) value.pop_back();
  while (!value.empty() && is_space(value.front())) value.erase(value.begin());
  if (value.empty()) return std::nullopt;
  return value;
}

std::optional<std::string> xml_declaration_encoding(const std::string& head) {
  if (!head.starts_with("<?xml")) return std::nullopt;
  const std::size_t end = head.find("?>");
  const std::string declaration = head.substr(0, end);
  const std::size_t at = declaration.find("encoding");
  if (at == std::string::npos) return std::nullopt;
  return attribute_value(declaration, at, "encoding");
}

// <meta charset="x"> or <meta http-equiv="Content-Type" content="text/html; charset=x">.
std::optional<std::string> meta_encoding(const std::string& head) {
  for (std::size_t at = head.find("<meta"); at != std::string::npos; at = head.find("<meta", at + 5)) {
    const std::size_t end = head.find('>', at);
    const std::string tag = head.substr(at, end == std::string::npos ? std::string::npos : end - at);
    std::size_t charset = tag.find("charset");
    while (charset != std::string::npos) {
      if (auto value = attribute_value(tag, charset, "charset")) return value;
      charset = tag.find("charset", charset + 7);
    }
  }
  return std::nullopt;
}

bool is_utf8_name(std::string_view name) { return name == "utf-8" || name == "utf8" || name == "unicode-1-1-utf-8"; }

// Names browsers treat as Windows-1252 (WHATWG Encoding Standard, "windows-1252" labels).
bool is_windows_1252_label(std::string_view name) {
  return name == "iso-8859-1" || name == "iso8859-1" || name == "iso_8859-1" || name == "latin1" || name == "l1" ||
         name == "us-ascii" || name == "ascii" || name == "cp1252" || name == "windows-1252" || name == "x-cp1252" ||
         name == "cp819" || name == "ibm819" || name == "iso-ir-100";
}

struct IconvHandle {
  iconv_t handle;
  ~IconvHandle() { iconv_close(handle); }
};

std::string convert(const std::string& content, const std::string& from, std::string_view file) {
  const iconv_t handle = iconv_open("UTF-8", from.c_str());
  if (handle == reinterpret_cast<iconv_t>(-1)) {
    throw InputError(std::string(file), fmt::format("declares the encoding '{}', which iconv does not know", from));
  }
  IconvHandle guard{handle};
  std::string out;
  out.resize(content.size() * 2 + 16);
  char* in_ptr = const_cast<char*>(content.data());
  std::size_t in_left = content.size();
  char* out_ptr = out.data();
  std::size_t out_left = out.size();
  while (in_left > 0) {
    if (iconv(handle, &in_ptr, &in_left, &out_ptr, &out_left) != static_cast<std::size_t>(-1)) break;
    if (errno == E2BIG) {
      const std::size_t used = out.size() - out_left;
      out.resize(out.size() * 2);
      out_ptr = out.data() + used;
      out_left = out.size() - used;
      continue;
    }
    const auto offset = static_cast<std::uint64_t>(in_ptr - content.data());
    const char* why = errno == EINVAL ? "truncated" : "invalid";
    throw InputError(std::string(file), fmt::format("{} byte sequence for the declared encoding '{}'", why, from),
                     offset);
  }
  out.resize(out.size() - out_left);
  return out;
}

}  // namespace

std::optional<std::string> declared_encoding(std::string_view content) {
  if (content.starts_with("\xEF\xBB\xBF")) return "utf-8";
  const std::string head = lower(content.substr(0, kPrescanBytes));
  if (auto xml = xml_declaration_encoding(head)) return xml;
  return meta_encoding(head);
}

std::string markup_to_utf8(std::string content, std::string_view file) {
  const std::optional<std::string> declared = declared_encoding(content);
  if (!declared || is_utf8_name(*declared)) {
    std::size_t bom = std::string_view(content).starts_with("\xEF\xBB\xBF") ? 3 : 0;
    // Offsets in the message count from the start of the file, BOM included.
    try {
      check_text(std::string_view(content).substr(bom), file);
    } catch (const InputError& e) {
      throw InputError(e.file(), e.reason(),
                       e.offset() ? std::optional<std::uint64_t>(*e.offset() + bom) : std::nullopt);
    }
    if (bom) content.erase(0, bom);
    return content;
  }
  std::string from = is_windows_1252_label(*declared) ? std::string("WINDOWS-1252") : *declared;
  std::string utf8 = convert(content, from, file);
  // Windows-1252 maps every byte but five; a NUL still means this is not text.
  check_text(utf8, file);
  return utf8;
}

}  // namespace dateline::reader
