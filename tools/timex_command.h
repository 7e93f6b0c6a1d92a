#pragma once
// `dateline timex DIR`: the scorer interchange format (DESIGN.md) for every <id>.txt in DIR,
// anchored on <id>.dct when there is one.

#include <cstdint>
#include <string>

namespace dateline {

// Prints one JSON line per document, in name order, whatever `jobs` is; a text larger than
// `max_input_bytes` is refused. Throws InputError (naming the file) or ValueError.
int run_timex(const std::string& dir, unsigned jobs, std::uint64_t max_input_bytes);

}  // namespace dateline
