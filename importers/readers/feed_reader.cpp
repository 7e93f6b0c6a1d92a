// The feed reader: RSS 2.0, RSS 1.0 (RDF) and Atom, parsed as XML with libxml2 (no network, no
// external entities). Each item is an article: its HTML (content:encoded or description; Atom
// content or summary) goes through the HTML body reader in fragment mode. A bad item is reported
// through ReadOptions::warn and skipped; XML that is not well-formed is an error with its line.

#include <dateline/error.h>
#include <dateline/read.h>
#include <fmt/format.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include <climits>
#include <memory>

#include "readers/article_fields.h"
#include "readers/html_body.h"
#include "readers/html_tree.h"
#include "readers/text_encoding.h"
#include "readers/web_dates.h"

namespace dateline {
namespace {

using reader::XmlDocPtr;

constexpr std::string_view kAtomNs = "http://www.w3.org/2005/Atom";
constexpr std::string_view kContentNs = "http://purl.org/rss/1.0/modules/content/";
constexpr std::string_view kDublinCoreNs = "http://purl.org/dc/elements/1.1/";

std::string_view local_name(const xmlNode* node) {
  return node && node->type == XML_ELEMENT_NODE ? reinterpret_cast<const char*>(node->name) : std::string_view{};
}

std::string_view namespace_of(const xmlNode* node) {
  return node && node->ns && node->ns->href ? reinterpret_cast<const char*>(node->ns->href) : std::string_view{};
}

// The first child element with this local name; `ns` "" means no namespace, nullopt any.
const xmlNode* child(const xmlNode* parent, std::string_view name, std::optional<std::string_view> ns = {}) {
  for (const xmlNode* c = parent ? parent->children : nullptr; c; c = c->next) {
    if (local_name(c) == name && (!ns || namespace_of(c) == *ns)) return c;
  }
  return nullptr;
}

std::string text_of(const xmlNode* node) {
  if (!node) return {};
  xmlChar* content = xmlNodeGetContent(node);
  if (!content) return {};
  std::string out(reinterpret_cast<const char*>(content));
  xmlFree(content);
  return out;
}

std::string collapsed(std::string_view s) {
  std::string out;
  bool pending = false;
  reader::append_collapsed(out, s, pending);
  return out;
}

// Text that is already plain (Atom type="text"): paragraphs at blank lines, white space
// collapsed inside them.
std::string plain_text_body(std::string_view text) {
  std::vector<std::string> paragraphs;
  std::string current;
  bool pending = false;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t eol = text.find('\n', start);
    std::string_view line = text.substr(start, eol == std::string_view::npos ? std::string_view::npos : eol - start);
    if (collapsed(line).empty()) {
      if (!current.empty()) paragraphs.push_back(std::move(current));
      current.clear();
      pending = false;
    } else {
      reader::append_collapsed(current, line, pending);
      pending = true;
    }
    if (eol == std::string_view::npos) break;
    start = eol + 1;
  }
  if (!current.empty()) paragraphs.push_back(std::move(current));
  return reader::join_paragraphs(paragraphs);
}

std::string html_body(std::string_view html, std::string_view title) {
  reader::XmlDocPtr doc = reader::parse_html(html);
  return reader::join_paragraphs(reader::article_paragraphs(doc.get(), reader::BodyScope::Fragment, title));
}

// Atom's <content>/<summary>: type text (default), html (escaped markup) or xhtml (a <div>).
std::string atom_text(const xmlNode* node, std::string_view title) {
  const std::string type = reader::attribute(node, "type");
  if (type == "xhtml") {
    std::unique_ptr<xmlBuffer, decltype(&xmlBufferFree)> buffer(xmlBufferCreate(), &xmlBufferFree);
    for (const xmlNode* c = node->children; c; c = c->next) {
      xmlNodeDump(buffer.get(), c->doc, const_cast<xmlNode*>(c), 0, 0);
    }
    return html_body(reinterpret_cast<const char*>(xmlBufferContent(buffer.get())), title);
  }
  if (type == "html" || type == "text/html") return html_body(text_of(node), title);
  return plain_text_body(text_of(node));
}

// RSS's <author> is "jane@example.com (Jane Doe)": the name in brackets when there is one.
std::string rss_author(std::string author) {
  const std::size_t open = author.find('(');
  const std::size_t close = author.rfind(')');
  if (open != std::string::npos && close != std::string::npos && close > open + 1) {
    author = author.substr(open + 1, close - open - 1);
  }
  return collapsed(author);
}

struct FeedContext {
  std::string file;
  std::string source;        // the feed's title
  std::optional<Date> date;  // the feed's own date, for items without one
  const ReadOptions& options;
};

void warn(const FeedContext& feed, const xmlNode* item, std::string message) {
  if (!feed.options.warn) return;
  feed.options.warn(
      InputError(feed.file, std::move(message), std::nullopt, static_cast<std::uint64_t>(xmlGetLineNo(item))));
}

// An item's date: the first of `candidates` present; a present but unreadable one is reported.
std::optional<Date> item_date(const FeedContext& feed, const xmlNode* item,
                              std::initializer_list<const xmlNode*> candidates) {
  for (const xmlNode* node : candidates) {
    if (!node) continue;
    const std::string text = collapsed(text_of(node));
    if (text.empty()) continue;
    if (auto date = reader::parse_web_date(text)) return date;
    warn(feed, item,
         fmt::format("unreadable date '{}' in <{}>; the item gets the feed's date or --dct", text, local_name(node)));
  }
  return std::nullopt;
}

void add_item(const FeedContext& feed, const xmlNode* item, Document d, std::optional<Date> date,
              std::vector<Document>& out) {
  if (d.title.empty() && d.text.empty()) {
    warn(feed, item, "feed item with neither title nor text; skipped");
    return;
  }
  d.file = feed.file;
  if (d.source.empty()) d.source = feed.source;
  reader::set_published(d, date, feed.date, feed.options);
  reader::finish_document(d);
  out.push_back(std::move(d));
}

// RSS 2.0 <item> (no namespace) and RSS 1.0 <item> (RSS 1.0 namespace): the same fields.
void read_rss_item(const FeedContext& feed, const xmlNode* item, std::vector<Document>& out) {
  Document d;
  d.title = collapsed(text_of(child(item, "title")));
  d.url = collapsed(text_of(child(item, "link")));
  if (d.url.empty()) {
    const xmlNode* guid = child(item, "guid");
    if (guid && reader::attribute(guid, "isPermaLink") != "false") d.url = collapsed(text_of(guid));
  }
  if (const xmlNode* source = child(item, "source")) d.source = collapsed(text_of(source));
  if (const xmlNode* author = child(item, "author")) {
    d.byline = rss_author(text_of(author));
  } else {
    d.byline = collapsed(text_of(child(item, "creator", kDublinCoreNs)));
  }
  std::string html = text_of(child(item, "encoded", kContentNs));
  if (collapsed(html).empty()) html = text_of(child(item, "description"));
  d.text = html_body(html, d.title);
  const auto date = item_date(feed, item, {child(item, "pubDate"), child(item, "date", kDublinCoreNs)});
  add_item(feed, item, std::move(d), date, out);
}

void read_atom_entry(const FeedContext& feed, const xmlNode* entry, std::vector<Document>& out) {
  Document d;
  d.title = collapsed(text_of(child(entry, "title", kAtomNs)));
  for (const xmlNode* c = entry->children; c; c = c->next) {
    if (local_name(c) != "link" || namespace_of(c) != kAtomNs) continue;
    const std::string rel = reader::attribute(c, "rel");
    if (rel.empty() || rel == "alternate") {
      d.url = reader::attribute(c, "href");
      break;
    }
  }
  if (const xmlNode* author = child(entry, "author", kAtomNs))
    d.byline = collapsed(text_of(child(author, "name", kAtomNs)));
  if (const xmlNode* source = child(entry, "source", kAtomNs))
    d.source = collapsed(text_of(child(source, "title", kAtomNs)));
  const xmlNode* content = child(entry, "content", kAtomNs);
  if (content) d.text = atom_text(content, d.title);
  if (d.text.empty()) {
    if (const xmlNode* summary = child(entry, "summary", kAtomNs)) d.text = atom_text(summary, d.title);
  }
  const auto date = item_date(feed, entry, {child(entry, "published", kAtomNs), child(entry, "updated", kAtomNs)});
  add_item(feed, entry, std::move(d), date, out);
}

std::optional<Date> feed_date(std::initializer_list<const xmlNode*> candidates) {
  for (const xmlNode* node : candidates) {
    if (auto date = reader::parse_web_date(collapsed(text_of(node)))) return date;
  }
  return std::nullopt;
}

XmlDocPtr parse_xml(const std::string& utf8, std::string_view file) {
  if (utf8.size() > static_cast<std::size_t>(INT_MAX)) throw InputError(std::string(file), "feed larger than 2 GiB");
  std::unique_ptr<xmlParserCtxt, decltype(&xmlFreeParserCtxt)> context(xmlNewParserCtxt(), &xmlFreeParserCtxt);
  if (!context) throw std::bad_alloc();
  // No network, no entity expansion from outside, no messages on stderr; the text was converted
  // to UTF-8 already, so the declaration's encoding must not convert it again.
  constexpr int kOptions = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA |
                           XML_PARSE_IGNORE_ENC | XML_PARSE_HUGE;
  xmlDoc* doc =
      xmlCtxtReadMemory(context.get(), utf8.data(), static_cast<int>(utf8.size()), nullptr, "UTF-8", kOptions);
  if (!doc) {
    const xmlError* error = xmlCtxtGetLastError(context.get());
    std::string message = error && error->message ? collapsed(error->message) : std::string("unknown error");
    if (error && error->line > 0) {
      // libxml2 counts columns in bytes from 1 on the line it names.
      std::uint64_t offset = 0;
      for (int line = 1; line < error->line && offset < utf8.size(); ++offset) {
        if (utf8[offset] == '\n') ++line;
      }
      if (error->int2 > 0) offset += static_cast<std::uint64_t>(error->int2 - 1);
      throw InputError(std::string(file), fmt::format("malformed XML: {}", message), offset,
                       static_cast<std::uint64_t>(error->line));
    }
    throw InputError(std::string(file), fmt::format("malformed XML: {}", message));
  }
  return XmlDocPtr(doc);
}

}  // namespace

std::vector<Document> read_feed(std::string_view content, std::string_view file, const ReadOptions& options) {
  const std::string utf8 = reader::markup_to_utf8(std::string(content), file);
  XmlDocPtr doc = parse_xml(utf8, file);
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  FeedContext feed{std::string(file), {}, {}, options};
  std::vector<Document> documents;
  const std::string_view root_name = local_name(root);
  if (root_name == "rss") {
    const xmlNode* channel = child(root, "channel");
    feed.source = collapsed(text_of(child(channel, "title")));
    feed.date =
        feed_date({child(channel, "pubDate"), child(channel, "lastBuildDate"), child(channel, "date", kDublinCoreNs)});
    for (const xmlNode* c = channel ? channel->children : nullptr; c; c = c->next) {
      if (local_name(c) == "item") read_rss_item(feed, c, documents);
    }
  } else if (root_name == "RDF") {
    const xmlNode* channel = child(root, "channel");
    feed.source = collapsed(text_of(child(channel, "title")));
    feed.date = feed_date({child(channel, "date", kDublinCoreNs)});
    for (const xmlNode* c = root->children; c; c = c->next) {
      if (local_name(c) == "item") read_rss_item(feed, c, documents);
    }
  } else if (root_name == "feed" && namespace_of(root) == kAtomNs) {
    feed.source = collapsed(text_of(child(root, "title", kAtomNs)));
    feed.date = feed_date({child(root, "updated", kAtomNs)});
    for (const xmlNode* c = root->children; c; c = c->next) {
      if (local_name(c) == "entry" && namespace_of(c) == kAtomNs) read_atom_entry(feed, c, documents);
    }
  } else {
    throw InputError(std::string(file),
                     fmt::format("XML whose root element <{}> is not an RSS or Atom feed", root_name));
  }
  if (documents.empty() && options.warn) options.warn(InputError(std::string(file), "feed with no readable items"));
  return documents;
}

}  // namespace dateline
