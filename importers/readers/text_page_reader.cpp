// TEMPORARY placeholder, replaced by the real text page reader.
#include <dateline/read.h>
#include <dateline/extract.h>
namespace dateline {
std::vector<Document> read_text_page(std::string_view content, std::string_view file, const ReadOptions& options) {
  Document d;
  d.text = std::string(content);
  d.file = std::string(file);
  if (options.dct) { d.published = day_value(*options.dct); d.published_source = PublishedSource::Assumed; }
  d.id = document_id(d.source, d.text);
  d.sentences = split_sentences(d.text);
  return {d};
}
boost::posix_time::ptime parse_captured(std::string_view) { return {}; }
}
