#pragma once
// The article body of an HTML page: its paragraphs without navigation, ads, scripts, styles,
// comments and related-link lists, found by content density rather than per-site rules.

#include <libxml/tree.h>

#include <string>
#include <string_view>
#include <vector>

namespace dateline::reader {

enum class BodyScope {
  Page,      // a whole page: the densest container of prose and the parts beside it
  Fragment,  // a feed item's HTML: all of it is the article, only link lists and furniture go
};

// The body's paragraphs in page order, each with white space collapsed. A heading equal to
// `title` is left out (the title is kept apart from the text, as the text reader does).
std::vector<std::string> article_paragraphs(const xmlDoc* doc, BodyScope scope, std::string_view title);

// Paragraphs joined by blank lines, so the sentence splitter sees every paragraph boundary.
std::string join_paragraphs(const std::vector<std::string>& paragraphs);

}  // namespace dateline::reader
