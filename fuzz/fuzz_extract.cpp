// Fuzz target: every extractor (time expressions, amounts, entities, claims) on arbitrary
// valid UTF-8 text. Spans must lie inside the text, in order and, per kind, never overlap;
// claims must quote their sentence.

#include <dateline/error.h>
#include <dateline/extract.h>
#include <dateline/read.h>

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace {

template <typename T>
void check_spans(const std::vector<T>& items, std::size_t size) {
  std::size_t previous_end = 0;
  for (const T& item : items) {
    if (item.span.begin >= item.span.end || item.span.end > size) std::abort();
    if (item.span.begin < previous_end) std::abort();
    previous_end = item.span.end;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  try {
    dateline::check_text(text, "fuzz");
  } catch (const dateline::InputError&) {
    return 0;  // the readers refuse it before any extractor sees it
  }
  dateline::Document d;
  d.id = dateline::document_id("fuzz", text);
  d.published = dateline::day_value(dateline::Date(2025, 7, 19));
  d.published_source = dateline::PublishedSource::Assumed;
  d.text = std::move(text);
  const dateline::Extraction x = dateline::extract(std::move(d));
  const std::size_t n = x.document.text.size();
  check_spans(x.timexes, n);
  check_spans(x.amounts, n);
  check_spans(x.entities, n);
  for (const dateline::Claim& c : x.claims) {
    const dateline::Span& s = c.evidence.span;
    if (s.begin > s.end || s.end > n) std::abort();
    if (c.evidence.quote != std::string_view(x.document.text).substr(s.begin, s.end - s.begin)) std::abort();
  }
  return 0;
}
