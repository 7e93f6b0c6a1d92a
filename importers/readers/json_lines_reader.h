#pragma once
// JSON Lines: one article a line, read as a stream so a file of any size is read in memory
// bounded by its longest line (docs/readers.md documents the fields).

#include <dateline/document.h>
#include <dateline/read.h>

#include <functional>
#include <string>

#include "readers/input_stream.h"

namespace dateline::reader {

// Reads `in` to its end, `head` being what was already read from it. Bad lines are reported
// through options.warn with their line and byte offset and skipped; a file with no good line is
// an InputError.
void read_json_lines(InputStream& in, std::string head, const ReadOptions& options,
                     const std::function<void(Document&&)>& sink);

}  // namespace dateline::reader
