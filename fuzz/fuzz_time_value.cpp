// Fuzz target: TIMEX3 value parsing. Any string either parses to a value whose bounds are
// ordered and whose canonical form parses to the same value, or raises ValueError.

#include <dateline/error.h>
#include <dateline/time_value.h>

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  dateline::TimeValue v;
  try {
    v = dateline::parse_time_value(text);
  } catch (const dateline::ValueError&) {
    return 0;
  }
  if (v.earliest.has_value() != v.latest.has_value()) std::abort();
  if (v.earliest && *v.latest < *v.earliest) std::abort();
  dateline::TimeValue again = dateline::parse_time_value(v.value, v.type);
  if (again.value != v.value || again.earliest != v.earliest || again.latest != v.latest) std::abort();
  return 0;
}
