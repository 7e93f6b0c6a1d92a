#pragma once
// The layout of a plain-text news page: which lines are the main article, which are related
// articles (each introduced by an age line and a "- Source" line), and which are site furniture.

#include <boost/date_time/posix_time/ptime.hpp>
#include <optional>
#include <string_view>
#include <vector>

#include "readers/relative_age.h"

namespace dateline::reader {

struct PageArticle {
  std::string_view source;  // the outlet from the "- Source" line; empty for the main article
  std::string_view title;
  std::optional<RelativeAge> age;                  // "20 hours ago" under the source or title
  std::optional<boost::posix_time::ptime> stated;  // a date line under the title
  std::vector<std::string_view> body;              // trimmed lines without furniture; "" marks a paragraph break
  std::string_view credit;  // the wire credit the body opened with ("DPA Beijing ..."), taken off the body
};

// Splits a page into its articles, main article first. Views point into `content`.
// A page without the aggregator structure is one article: its first non-empty line is the title,
// unless it is longer than a headline (a lead paragraph: the article then has no title, and the
// line opens the body).
// A wire credit opening a body (wire_credit.h) moves from the body to `credit`.
std::vector<PageArticle> split_page(std::string_view content);

}  // namespace dateline::reader
