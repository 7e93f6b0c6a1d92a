// The HTML page reader: one article per page. Metadata comes from html_metadata, the body from
// html_body; the text kept in the Document is the extracted body, so claim offsets point into
// it, not into the markup.

#include <dateline/error.h>
#include <dateline/read.h>

#include <climits>

#include "readers/article_fields.h"
#include "readers/html_body.h"
#include "readers/html_metadata.h"
#include "readers/html_tree.h"
#include "readers/text_encoding.h"

namespace dateline {

Document read_html_page(std::string_view content, std::string_view file, const ReadOptions& options) {
  const std::string utf8 = reader::markup_to_utf8(std::string(content), file);
  // libxml2 takes the size as an int.
  if (utf8.size() > static_cast<std::size_t>(INT_MAX)) throw InputError(std::string(file), "HTML page larger than 2 GiB");
  reader::XmlDocPtr doc = reader::parse_html(utf8);
  reader::PageMetadata meta = reader::read_page_metadata(doc.get());
  Document d;
  d.title = std::move(meta.title);
  d.source = std::move(meta.source);
  d.byline = std::move(meta.byline);
  d.url = std::move(meta.url);
  d.file = std::string(file);
  d.text = reader::join_paragraphs(reader::article_paragraphs(doc.get(), reader::BodyScope::Page, d.title));
  if (d.title.empty() && d.text.empty()) throw InputError(std::string(file), "no article text in the HTML page");
  reader::set_published(d, meta.published, std::nullopt, options);
  reader::finish_document(d);
  return d;
}

}  // namespace dateline
