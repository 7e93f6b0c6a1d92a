// Fuzz target: the plain-text page reader (single articles and aggregator pages) on arbitrary
// bytes. Input is checked as the CLI checks it; every document's sentence spans must slice
// its text.

#include <dateline/error.h>
#include <dateline/read.h>

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  dateline::ReadOptions options;
  options.dct = dateline::Date(2025, 7, 19);
  options.captured = boost::posix_time::ptime(dateline::Date(2025, 7, 25), boost::posix_time::hours(12));
  try {
    dateline::check_text(bytes, "fuzz");
    for (const dateline::Document& d : dateline::read_text_page(bytes, "fuzz", options)) {
      for (const dateline::Span& s : d.sentences) {
        if (s.begin > s.end || s.end > d.text.size()) std::abort();
      }
    }
  } catch (const dateline::InputError&) {
  } catch (const dateline::ValueError&) {
  }
  return 0;
}
