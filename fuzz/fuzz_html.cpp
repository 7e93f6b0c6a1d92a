// Fuzz target: the HTML page reader (libxml2's HTML parser, encodings, metadata, the body by
// content density) on arbitrary bytes, as `dateline` hands it a file it sniffed as HTML. It
// returns one document or raises InputError (no title and no text).

#include <cstdint>
#include <string_view>

#include "reader_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  try {
    fuzz::check_document(dateline::read_html_page(bytes, "fuzz.html", fuzz::fuzz_read_options()));
  } catch (const dateline::InputError&) {
  }
  return 0;
}
