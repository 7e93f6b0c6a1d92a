// The plain-text page reader: turns the articles split_page() finds into Documents, and
// decides where each one's publication date comes from.
//
// published, in order of preference:
//   Stated    a date line under the title ("2025-07-19", "Published: 2025-07-19T08:30");
//   Relative  an age label ("20 hours ago") resolved against --captured, kept to the day;
//   Assumed   --dct, also for an age label when no --captured was given (the label is then
//             ignored: the page's save time is unknown, so its ages cannot be anchored);
//   Unknown   none of these: published is left empty.

#include <dateline/error.h>
#include <dateline/extract.h>
#include <dateline/read.h>

#include <cstdint>
#include <limits>

#include "readers/page_layout.h"

namespace dateline {
namespace {

void set_published(Document& d, const reader::PageArticle& article, const ReadOptions& options) {
  if (article.stated) {
    d.published = day_value(article.stated->date());
    d.published_source = PublishedSource::Stated;
    return;
  }
  if (article.age && options.captured) {
    if (auto when = reader::resolve_relative_age(*article.age, *options.captured)) {
      d.published = day_value(when->date());
      d.published_source = PublishedSource::Relative;
      return;
    }
  }
  if (options.dct) {
    d.published = day_value(*options.dct);
    d.published_source = PublishedSource::Assumed;
    return;
  }
  d.published = TimeValue{};
  d.published_source = PublishedSource::Unknown;
}

// The body lines as text: one paragraph a line, a blank line where the page had one.
std::string body_text(const std::vector<std::string_view>& body) {
  std::size_t size = 0;
  for (auto line : body) size += line.size() + 1;
  std::string text;
  text.reserve(size);
  for (std::size_t i = 0; i < body.size(); ++i) {
    if (i > 0) text += '\n';
    text += body[i];
  }
  return text;
}

}  // namespace

std::vector<Document> read_text_page(std::string_view content, std::string_view file, const ReadOptions& options) {
  if (content.size() > std::numeric_limits<std::uint32_t>::max()) {
    throw InputError(std::string(file), "input larger than 4 GiB; split it into articles");
  }
  std::vector<Document> documents;
  for (const reader::PageArticle& article : reader::split_page(content)) {
    Document d;
    d.source = std::string(article.source);
    d.title = std::string(article.title);
    d.byline = std::string(article.credit);
    d.file = std::string(file);
    d.text = body_text(article.body);
    set_published(d, article, options);
    d.id = document_id(d.source, d.text);
    d.sentences = split_sentences(d.text);
    documents.push_back(std::move(d));
  }
  if (documents.empty()) throw InputError(std::string(file), "no article text (only blank lines or site furniture)");
  return documents;
}

}  // namespace dateline
