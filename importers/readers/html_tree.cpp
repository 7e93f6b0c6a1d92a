// libxml2 plumbing for the HTML readers.

#include "readers/html_tree.h"

#include <climits>
#include <stdexcept>

namespace dateline::reader {

XmlDocPtr parse_html(std::string_view utf8) {
  // The input was converted to UTF-8 before (text_encoding.h), so the page's own charset
  // declaration must not make libxml2 convert it again.
  constexpr int kOptions = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                           HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT;
  if (utf8.size() > static_cast<std::size_t>(INT_MAX)) throw std::length_error("HTML page larger than 2 GiB");
  // libxml2 gives no tree for an input without a single byte of markup; an empty <html> does.
  std::string_view bytes = utf8.empty() ? std::string_view("<html></html>") : utf8;
  xmlDoc* doc = htmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), nullptr, "UTF-8", kOptions);
  if (!doc) doc = htmlReadMemory("<html></html>", 13, nullptr, "UTF-8", kOptions);
  if (!doc) throw std::bad_alloc();
  return XmlDocPtr(doc);
}

std::string_view element_name(const xmlNode* node) {
  if (!node || node->type != XML_ELEMENT_NODE || !node->name) return {};
  // libxml2's HTML parser lower-cases element names.
  return reinterpret_cast<const char*>(node->name);
}

std::string attribute(const xmlNode* node, const char* name) {
  if (!node || node->type != XML_ELEMENT_NODE) return {};
  xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  if (!value) return {};
  std::string out(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return out;
}

const xmlNode* find_element(const xmlNode* from, std::string_view name) {
  for (const xmlNode* child = from ? from->children : nullptr; child; child = child->next) {
    if (child->type != XML_ELEMENT_NODE) continue;
    if (element_name(child) == name) return child;
    if (const xmlNode* found = find_element(child, name)) return found;
  }
  return nullptr;
}

void append_collapsed(std::string& out, std::string_view text, bool& pending_space) {
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    const bool nbsp = c == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0';
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || nbsp) {
      pending_space = true;
      i += nbsp ? 2 : 1;
      continue;
    }
    if (pending_space && !out.empty()) out += ' ';
    pending_space = false;
    out += c;
    ++i;
  }
}

namespace {

void collect_text(const xmlNode* node, std::string& out, bool& pending_space) {
  for (const xmlNode* child = node->children; child; child = child->next) {
    if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
      if (child->content) append_collapsed(out, reinterpret_cast<const char*>(child->content), pending_space);
    } else if (child->type == XML_ELEMENT_NODE) {
      const std::string_view name = element_name(child);
      if (name == "script" || name == "style" || name == "noscript" || name == "template") continue;
      if (name == "br") pending_space = true;
      collect_text(child, out, pending_space);
    }
  }
}

}  // namespace

std::string collapsed_text(const xmlNode* node) {
  std::string out;
  bool pending_space = false;
  if (node) collect_text(node, out, pending_space);
  return out;
}

}  // namespace dateline::reader
