#pragma once
// What every reader promises of the documents it returns, whatever the input: text that is
// valid UTF-8 without NUL bytes (the extractors and every export rely on it), and sentence
// spans that slice that text in order. A broken promise aborts, which the fuzzer reports.

#include <dateline/document.h>
#include <dateline/error.h>
#include <dateline/read.h>

#include <cstdlib>

namespace fuzz {

inline void check_document(const dateline::Document& d) {
  for (const std::string* field : {&d.text, &d.title, &d.source, &d.url}) {
    try {
      dateline::check_text(*field, "fuzz");
    } catch (const dateline::InputError&) {
      std::abort();
    }
  }
  std::size_t previous_end = 0;
  for (const dateline::Span& s : d.sentences) {
    if (s.begin > s.end || s.end > d.text.size() || s.begin < previous_end) std::abort();
    previous_end = s.end;
  }
}

inline dateline::ReadOptions fuzz_read_options() {
  dateline::ReadOptions options;
  options.dct = dateline::Date(2025, 7, 19);
  options.captured = boost::posix_time::ptime(dateline::Date(2025, 7, 25), boost::posix_time::hours(12));
  return options;
}

}  // namespace fuzz
