#pragma once
// What every reader does once it has an article's fields: choose where the publication date
// comes from, and compute the id and sentence spans.

#include <dateline/document.h>
#include <dateline/read.h>

#include <optional>

namespace dateline::reader {

// published, in order of preference: `stated` (read from the article: Stated), `context` (a
// date of the file around it, such as a feed's own date: Assumed), --dct (Assumed), none.
void set_published(Document& d, std::optional<Date> stated, std::optional<Date> context, const ReadOptions& options);

// Fills the id (hash of source + text) and the sentence spans.
void finish_document(Document& d);

}  // namespace dateline::reader
