// Fuzz target: the RSS 2.0 / RSS 1.0 / Atom reader (libxml2) on arbitrary bytes, as `dateline`
// hands it a file it sniffed as a feed. Bad items are skipped with a warning; a document that
// is not a well-formed feed raises InputError.

#include <cstdint>
#include <string_view>

#include "reader_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  dateline::ReadOptions options = fuzz::fuzz_read_options();
  options.warn = [](const dateline::InputError&) {};
  try {
    for (const dateline::Document& d : dateline::read_feed(bytes, "fuzz.xml", options)) fuzz::check_document(d);
  } catch (const dateline::InputError&) {
  }
  return 0;
}
