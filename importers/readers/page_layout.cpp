// Finds the articles of a saved page from its line structure.
//
// A related article opens with a header: an optional source line, an age line that the age
// table reads ("20 hours ago"), and a "- Source" line; its title is the next line and its body
// runs to the next header. Everything before the first header is the main article. Furniture
// lines (page_furniture.tsv) are dropped wherever they are.

#include "readers/page_layout.h"
#include "readers/wire_credit.h"

#include "readers/iso_datetime.h"
#include "readers/page_furniture.h"

namespace dateline::reader {
namespace {

// A "- Source" line names an outlet: a short line.
constexpr std::size_t kMaxSourceLine = 80;
// A date line under a title ("Published: 2025-07-19") is short.
constexpr std::size_t kMaxDateLine = 40;
// How many metadata lines (age, date) may follow a title.
constexpr int kMaxMetadataLines = 2;
// A headline is short (news keeps them under about 120 characters); a longer first line is the
// lead paragraph of a text that has no headline, and belongs to the body, where it is read.
constexpr std::size_t kMaxTitleLine = 250;

bool is_blank_byte(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_blank_byte(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_blank_byte(s.back())) s.remove_suffix(1);
  return s;
}

bool equal_ci(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

// The outlet a "- Source" line names (a hyphen, en dash or em dash, then a space), or "".
std::string_view dash_source(std::string_view line) {
  if (line.size() > kMaxSourceLine) return {};
  for (std::string_view dash : {std::string_view("-"), std::string_view("\u2013"), std::string_view("\u2014")}) {
    if (line.size() > dash.size() + 1 && line.starts_with(dash) && line[dash.size()] == ' ') {
      return trim(line.substr(dash.size() + 1));
    }
  }
  return {};
}

// A date line under a title: "2025-07-19", "2025-07-19T08:30" or "Published: 2025-07-19".
std::optional<boost::posix_time::ptime> date_line(std::string_view line) {
  if (line.size() > kMaxDateLine) return std::nullopt;
  if (std::size_t colon = line.find(": "); colon != std::string_view::npos && colon < 16) {
    line = trim(line.substr(colon + 2));
  }
  return parse_iso_datetime(line);
}

struct Line {
  std::string_view text;  // trimmed
  bool furniture = false;
  std::optional<RelativeAge> age;
};

std::vector<Line> page_lines(std::string_view content) {
  if (content.starts_with("\xEF\xBB\xBF")) content.remove_prefix(3);  // a UTF-8 byte order mark
  std::vector<Line> lines;
  while (true) {
    std::size_t eol = content.find('\n');
    Line line;
    line.text = trim(content.substr(0, eol));
    line.furniture = is_page_furniture(line.text);
    line.age = parse_relative_age(line.text);
    lines.push_back(line);
    if (eol == std::string_view::npos) break;
    content.remove_prefix(eol + 1);
  }
  return lines;
}

struct Header {
  std::size_t start;  // the source line, or the age line when there is none
  std::size_t dash;   // the "- Source" line; the article's lines follow it
  std::string_view source;
  RelativeAge age;
};

std::size_t next_nonblank(const std::vector<Line>& lines, std::size_t i) {
  while (i < lines.size() && lines[i].text.empty()) ++i;
  return i;
}

std::vector<Header> find_headers(const std::vector<Line>& lines) {
  std::vector<Header> headers;
  std::size_t floor = 0;  // a header's source line cannot reach back into the previous header
  for (std::size_t a = 0; a < lines.size(); ++a) {
    if (!lines[a].age) continue;
    std::size_t d = next_nonblank(lines, a + 1);
    if (d == lines.size()) continue;
    std::string_view source = dash_source(lines[d].text);
    if (source.empty()) continue;
    Header h{a, d, source, *lines[a].age};
    std::size_t s = a;
    while (s > floor && lines[s - 1].text.empty()) --s;
    if (s > floor && equal_ci(lines[s - 1].text, source)) h.start = s - 1;
    headers.push_back(h);
    floor = d + 1;
    a = d;
  }
  return headers;
}

// Builds one article from lines [from, to): title, metadata lines, body.
std::optional<PageArticle> article_from(const std::vector<Line>& lines, std::size_t from, std::size_t to) {
  PageArticle article;
  std::size_t i = from;
  for (; i < to; ++i) {
    if (!lines[i].text.empty() && !lines[i].furniture) break;
  }
  if (i == to) return std::nullopt;
  const bool headline = lines[i].text.size() <= kMaxTitleLine;
  if (headline) article.title = lines[i++].text;
  for (int m = 0; headline && m < kMaxMetadataLines; ++m) {
    std::size_t j = next_nonblank(lines, i);
    if (j >= to) break;
    if (!article.age && lines[j].age) {
      article.age = lines[j].age;
    } else if (auto stated = date_line(lines[j].text); stated && !article.stated) {
      article.stated = stated;
    } else {
      break;
    }
    i = j + 1;
  }
  for (; i < to; ++i) {
    const Line& line = lines[i];
    if (line.furniture) continue;
    if (line.text.empty()) {
      if (!article.body.empty() && !article.body.back().empty()) article.body.push_back({});
      continue;
    }
    article.body.push_back(line.text);
  }
  while (!article.body.empty() && article.body.back().empty()) article.body.pop_back();
  if (!article.body.empty()) {
    if (auto credit = wire_credit(article.body.front())) {
      article.credit = credit->credit;
      article.body.front().remove_prefix(credit->length);
    }
  }
  return article;
}

}  // namespace

std::vector<PageArticle> split_page(std::string_view content) {
  const std::vector<Line> lines = page_lines(content);
  const std::vector<Header> headers = find_headers(lines);
  std::vector<PageArticle> articles;
  const std::size_t main_end = headers.empty() ? lines.size() : headers.front().start;
  if (auto main = article_from(lines, 0, main_end)) articles.push_back(std::move(*main));
  for (std::size_t h = 0; h < headers.size(); ++h) {
    const std::size_t end = h + 1 < headers.size() ? headers[h + 1].start : lines.size();
    auto related = article_from(lines, headers[h].dash + 1, end);
    if (!related) continue;
    related->source = headers[h].source;
    // The header's age wins over an age line under the title: it is where the page puts it.
    related->age = headers[h].age;
    articles.push_back(std::move(*related));
  }
  return articles;
}

}  // namespace dateline::reader
