#pragma once
// A parsed HTML page (libxml2's HTML parser) and the few questions the HTML readers ask of its
// elements. libxml2 rather than gumbo: one library parses both HTML pages and XML feeds, it is
// in Debian (libxml2-dev) and maintained, and its HTML parser recovers from the broken markup
// real pages have (unclosed tags, truncated files) without giving up.

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <memory>
#include <string>
#include <string_view>

namespace dateline::reader {

struct XmlDocFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using XmlDocPtr = std::unique_ptr<xmlDoc, XmlDocFree>;

// Parses UTF-8 HTML, recovering from errors (libxml2 reports none: a page is read best-effort).
// Never null: an input with no markup at all still gives a document with an empty body.
XmlDocPtr parse_html(std::string_view utf8);

// The element's name, lower-case ASCII ("div"); empty for anything but an element.
std::string_view element_name(const xmlNode* node);

// An attribute's value, or "" when absent.
std::string attribute(const xmlNode* node, const char* name);

// The element with this name, first in document order under `from`; null when none.
const xmlNode* find_element(const xmlNode* from, std::string_view name);

// Calls f(element) for every element under `from` in document order (not `from` itself).
template <typename F>
void for_each_element(const xmlNode* from, F&& f) {
  for (const xmlNode* child = from ? from->children : nullptr; child; child = child->next) {
    if (child->type != XML_ELEMENT_NODE) continue;
    f(child);
    for_each_element(child, f);
  }
}

// The element's text with white space (including no-break spaces) collapsed to single spaces
// and trimmed, scripts and styles left out.
std::string collapsed_text(const xmlNode* node);

// Appends `text` to `out` collapsing white space runs (including U+00A0) to one space;
// `pending_space` carries a space across calls, so "a </b> b" joins as "a b".
void append_collapsed(std::string& out, std::string_view text, bool& pending_space);

}  // namespace dateline::reader
