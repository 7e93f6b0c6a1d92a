#pragma once
// Readers: turn input files into Documents. A reader knows formats, not language.

#include <dateline/document.h>

#include <boost/date_time/posix_time/posix_time_types.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dateline {

struct ReadOptions {
  // The publication date for documents that state none (--dct).
  std::optional<Date> dct;
  // When the page was saved (--captured): the anchor for "20 hours ago" age labels.
  std::optional<boost::posix_time::ptime> captured;
};

// Reads every input: a file, a directory (recursively, in a stable sorted order) or "-" for
// standard input. Throws InputError naming the file (and byte offset) for unreadable input.
std::vector<Document> read_inputs(const std::vector<std::string>& inputs, const ReadOptions& options);

// Reads a plain-text page already in memory: a single article (first non-empty line is the
// title) or an aggregator page holding a main article and related ones. `file` names it in errors.
std::vector<Document> read_text_page(std::string_view content, std::string_view file, const ReadOptions& options);

// The whole content of a file ("-" reads standard input); throws InputError.
std::string read_file(const std::string& path);

// Throws InputError with the byte offset of the first invalid UTF-8 sequence, and rejects
// binary content (NUL bytes); `file` names the input in the message.
void check_text(std::string_view bytes, std::string_view file);

// Parses a user-supplied capture time: "YYYY-MM-DDTHH:MM[:SS]" or "YYYY-MM-DD"; throws ValueError.
boost::posix_time::ptime parse_captured(std::string_view text);

}  // namespace dateline
