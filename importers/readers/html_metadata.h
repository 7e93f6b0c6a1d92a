#pragma once
// An HTML page's metadata: title, publication date, outlet, byline and canonical URL, from meta
// tags, JSON-LD and a few elements, each field from the most trusted place that has it
// (html_metadata.tsv).

#include <dateline/time_value.h>
#include <libxml/tree.h>

#include <optional>
#include <string>

namespace dateline::reader {

struct PageMetadata {
  std::string title;
  std::string source;
  std::string byline;
  std::string url;
  std::optional<Date> published;
};

PageMetadata read_page_metadata(const xmlDoc* doc);

}  // namespace dateline::reader
