#pragma once
// Readers: turn input files into Documents. A reader knows formats, not language.

#include <dateline/document.h>
#include <dateline/error.h>

#include <boost/date_time/posix_time/posix_time_types.hpp>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dateline {

// The most bytes one document may take in memory unless the user raises it (--max-input-bytes):
// a whole file for plain text, HTML and feeds; one line for JSON Lines, which is streamed.
// Larger input is refused with an InputError naming the file and its size, before it is read.
constexpr std::uint64_t kDefaultMaxInputBytes = std::uint64_t{256} << 20;

struct ReadOptions {
  // See kDefaultMaxInputBytes.
  std::uint64_t max_input_bytes = kDefaultMaxInputBytes;
  // The publication date for documents that state none (--dct).
  std::optional<Date> dct;
  // When the page was saved (--captured): the anchor for "20 hours ago" age labels.
  std::optional<boost::posix_time::ptime> captured;
  // Told about each bad item a reader skips before going on (a JSON Lines line that does not
  // parse, a feed item with neither title nor text, a date that cannot be read), with the file
  // and line. Unset, such items are skipped silently.
  std::function<void(const InputError&)> warn;
};

// Reads every input: a file, a directory (recursively, in a stable sorted order) or "-" for
// standard input. Each file's format is found from its first bytes: an HTML page, an RSS or
// Atom feed, JSON Lines, or plain text (docs/readers.md). Throws InputError naming the file
// (and line or byte offset) for unreadable input.
std::vector<Document> read_inputs(const std::vector<std::string>& inputs, const ReadOptions& options);

// As read_inputs, handing each document to `sink` as soon as it is read, so memory stays
// bounded by one file (by one line for JSON Lines, which is read as a stream).
void for_each_document(const std::vector<std::string>& inputs, const ReadOptions& options,
                       const std::function<void(Document&&)>& sink);

// The same for one input known not to be a directory (a file, or "-" for standard input), as
// a caller that has listed the directories itself has: no system call to ask again.
void for_each_document_in_file(const std::string& file, const ReadOptions& options,
                               const std::function<void(Document&&)>& sink);

// The same for a file that a listing of the open directory `dir_fd` showed as a regular file:
// opened by its `name` there, with no stat (`path` names it in errors and gives its extension).
// The directory must stay open while this runs.
void for_each_document_in_listed_file(int dir_fd, const std::string& name, const std::string& path,
                                      const ReadOptions& options, const std::function<void(Document&&)>& sink);

// Reads an HTML page already in memory (any declared encoding): one article, its title,
// publication date, outlet and byline from the page's metadata and its body by content density.
// Throws InputError when the page has neither a title nor any text.
Document read_html_page(std::string_view content, std::string_view file, const ReadOptions& options);

// Reads an RSS 2.0, RSS 1.0 or Atom feed already in memory: one Document per item. Throws
// InputError (with the line) for XML that is not well-formed or not a feed.
std::vector<Document> read_feed(std::string_view content, std::string_view file, const ReadOptions& options);

// Reads a plain-text page already in memory: a single article (first non-empty line is the
// title) or an aggregator page holding a main article and related ones. `file` names it in errors.
std::vector<Document> read_text_page(std::string_view content, std::string_view file, const ReadOptions& options);

// The whole content of a file ("-" reads standard input); throws InputError, also when it is
// larger than `max_bytes` (found before reading it when the file's size is known).
std::string read_file(const std::string& path, std::uint64_t max_bytes = kDefaultMaxInputBytes);

// "256 MiB", "1.5 GiB", "900 bytes": a size for error messages.
std::string byte_size_text(std::uint64_t bytes);

// A size as the CLI takes it: bytes, or with a K, M or G suffix (powers of 1024: "512M",
// "4G"); throws ValueError naming the text.
std::uint64_t parse_byte_size(std::string_view text);

// Throws InputError with the byte offset of the first invalid UTF-8 sequence, and rejects
// binary content (NUL bytes); `file` names the input in the message.
void check_text(std::string_view bytes, std::string_view file);

// Parses a user-supplied capture time: "YYYY-MM-DDTHH:MM[:SS]" or "YYYY-MM-DD"; throws ValueError.
boost::posix_time::ptime parse_captured(std::string_view text);

}  // namespace dateline
