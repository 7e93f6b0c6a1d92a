// Fuzz target: every extractor (time expressions, amounts, entities, claims) on arbitrary
// valid UTF-8 text. Spans must lie inside the text, in order and, per kind, never overlap;
// claims must quote their sentence. The extract JSON of the result must parse back (UTF-8
// validated) with as many timexes, entities, amounts and claims, and the text unchanged.

#include <dateline/error.h>
#include <dateline/export.h>
#include <dateline/extract.h>
#include <dateline/read.h>
#include <rapidjson/document.h>

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

// Text from the input must stay inside its JSON strings: the counts read back are the counts
// written, and the document's text reads back byte for byte.
void check_extract_json(const dateline::Extraction& x) {
  const std::vector<dateline::Extraction> one = {x};
  const std::string text = dateline::extract_json(one);
  rapidjson::Document json;
  json.Parse<rapidjson::kParseValidateEncodingFlag>(text.c_str(), text.size());
  if (json.HasParseError() || !json.IsObject()) std::abort();
  auto size_of = [&](const char* key) { return json.HasMember(key) && json[key].IsArray() ? json[key].Size() : ~0u; };
  if (size_of("documents") != 1 || size_of("claims") != x.claims.size() || size_of("timexes") != x.timexes.size() ||
      size_of("entities") != x.entities.size() || size_of("amounts") != x.amounts.size()) {
    std::abort();
  }
  const rapidjson::Value& d = json["documents"][0];
  if (!d.HasMember("text") || !d["text"].IsString() ||
      std::string_view(d["text"].GetString(), d["text"].GetStringLength()) != x.document.text) {
    std::abort();
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
  check_extract_json(x);
  return 0;
}
