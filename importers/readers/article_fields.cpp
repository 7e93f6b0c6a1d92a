#include "readers/article_fields.h"

#include <dateline/extract.h>

namespace dateline::reader {

void set_published(Document& d, std::optional<Date> stated, std::optional<Date> context, const ReadOptions& options) {
  if (stated) {
    d.published = day_value(*stated);
    d.published_source = PublishedSource::Stated;
  } else if (context || options.dct) {
    d.published = day_value(context ? *context : *options.dct);
    d.published_source = PublishedSource::Assumed;
  } else {
    d.published = TimeValue{};
    d.published_source = PublishedSource::Unknown;
  }
}

void finish_document(Document& d) {
  d.id = document_id(d.source, d.text);
  d.sentences = split_sentences(d.text);
}

}  // namespace dateline::reader
