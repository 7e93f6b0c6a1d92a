// Content sniffing in the spirit of the WHATWG MIME Sniffing Standard: skip a byte-order mark
// and leading white space, then look at what the markup opens with.

#include "readers/input_format.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <string>

namespace dateline::reader {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

// A tag named `name` opens at `at`: "<name" followed by a space, '>' or '/'.
bool tag_at(std::string_view s, std::size_t at, std::string_view name) {
  if (s.substr(at, 1) != "<" || s.substr(at + 1, name.size()) != name) return false;
  const std::size_t after = at + 1 + name.size();
  return after < s.size() && (is_space(s[after]) || s[after] == '>' || s[after] == '/');
}

// Skips the XML prolog: declaration, comments, processing instructions and a doctype.
std::size_t skip_prolog(std::string_view s, std::size_t at) {
  for (;;) {
    while (at < s.size() && is_space(s[at])) ++at;
    std::string_view rest = s.substr(at);
    std::size_t end = std::string_view::npos;
    if (rest.starts_with("<?")) {
      end = rest.find("?>");
      if (end != std::string_view::npos) end += 2;
    } else if (rest.starts_with("<!--")) {
      end = rest.find("-->");
      if (end != std::string_view::npos) end += 3;
    } else if (rest.starts_with("<!doctype") && !rest.starts_with("<!doctype html")) {
      end = rest.find('>');
      if (end != std::string_view::npos) end += 1;
    } else {
      return at;
    }
    if (end == std::string_view::npos) return s.size();
    at += end;
  }
}

bool has_extension(std::string_view path, std::initializer_list<std::string_view> extensions) {
  const std::string extension = lower(std::filesystem::path(path).extension().string());
  return std::find(extensions.begin(), extensions.end(), extension) != extensions.end();
}

}  // namespace

InputFormat sniff_format(std::string_view head, std::string_view path) {
  if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
  std::size_t at = 0;
  while (at < head.size() && is_space(head[at])) ++at;
  if (at == head.size()) return InputFormat::Text;
  if (head[at] == '{') return InputFormat::JsonLines;
  if (head[at] != '<') return InputFormat::Text;

  const std::string s = lower(head);
  const std::size_t root = skip_prolog(s, at);
  if (tag_at(s, root, "rss") || tag_at(s, root, "feed") || tag_at(s, root, "rdf:rdf")) return InputFormat::Feed;
  if (s.compare(root, 14, "<!doctype html") == 0 || tag_at(s, root, "html")) return InputFormat::Html;
  // A fragment or a page without <html>: the usual opening elements of a document.
  for (std::string_view name : {"head", "body", "meta", "title", "link", "article", "div", "p"}) {
    if (tag_at(s, root, name)) return InputFormat::Html;
  }
  if (has_extension(path, {".rss", ".atom", ".xml"})) return InputFormat::Feed;
  if (has_extension(path, {".html", ".htm", ".xhtml"})) return InputFormat::Html;
  // Other markup: XML that is no feed is reported by the feed reader, which names the root.
  if (s.compare(at, 5, "<?xml") == 0) return InputFormat::Feed;
  return InputFormat::Text;
}

std::string_view to_string(InputFormat format) {
  switch (format) {
    case InputFormat::Text:
      return "text";
    case InputFormat::Html:
      return "html";
    case InputFormat::Feed:
      return "feed";
    case InputFormat::JsonLines:
      return "jsonl";
  }
  return "text";
}

}  // namespace dateline::reader
