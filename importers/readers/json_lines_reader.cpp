// Each line is checked as UTF-8 (so a bad byte is reported where it is), parsed with RapidJSON
// and turned into a Document. The buffer holds the unfinished tail of the last read plus one
// read's worth of bytes, so memory does not grow with the file.

#include "readers/json_lines_reader.h"

#include <dateline/error.h>
#include <fmt/format.h>
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <algorithm>
#include <array>
#include <optional>

#include "readers/article_fields.h"
#include "readers/web_dates.h"

namespace dateline::reader {
namespace {

constexpr std::size_t kReadSize = std::size_t{1} << 16;

// The string fields a line may carry besides "text"; others are ignored (a line may come from a
// tool with more fields).
constexpr std::array<std::string_view, 5> kStringFields = {"title", "source", "url", "byline", "published"};

class LineReader {
 public:
  LineReader(const ReadOptions& options, std::string_view file, const std::function<void(Document&&)>& sink)
      : options_(options), file_(file), sink_(sink) {}

  void line(std::string_view text, std::uint64_t number, std::uint64_t offset) {
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    if (text.find_first_not_of(" \t") == std::string_view::npos) return;
    try {
      read_line(text, number, offset);
    } catch (const InputError& e) {
      ++bad_;
      if (options_.warn) options_.warn(e);
    }
  }

  // A line longer than the limit is a bad line: reported, skipped without being held in memory.
  void too_long(std::uint64_t number, std::uint64_t offset) {
    ++bad_;
    if (options_.warn) {
      options_.warn(InputError(std::string(file_),
                               fmt::format("line longer than the limit of {} per document; skipped (raise it with "
                                           "--max-input-bytes)",
                                           byte_size_text(options_.max_input_bytes)),
                               offset, number));
    }
  }

  std::size_t documents() const { return documents_; }
  std::size_t bad_lines() const { return bad_; }

 private:
  [[noreturn]] void fail(std::string message, std::uint64_t number, std::uint64_t offset) const {
    throw InputError(std::string(file_), std::move(message), offset, number);
  }

  void read_line(std::string_view text, std::uint64_t number, std::uint64_t offset) {
    try {
      check_text(text, file_);
    } catch (const InputError& e) {
      fail(e.reason(), number, offset + e.offset().value_or(0));
    }
    rapidjson::Document json;
    json.Parse(text.data(), text.size());
    if (json.HasParseError()) {
      fail(fmt::format("invalid JSON: {} (column {})", rapidjson::GetParseError_En(json.GetParseError()),
                       json.GetErrorOffset() + 1),
           number, offset + json.GetErrorOffset());
    }
    if (!json.IsObject()) fail("a line must be a JSON object with a \"text\" field", number, offset);
    // Const iterators on both sides: comparing a mutable member iterator with MemberEnd() is
    // ambiguous in C++20 for Clang (RapidJSON's operator== takes a const iterator).
    const rapidjson::Document& object = json;
    auto text_field = object.FindMember("text");
    if (text_field == object.MemberEnd() || !text_field->value.IsString()) {
      fail("no \"text\" string field", number, offset);
    }
    std::array<std::string, kStringFields.size()> fields;
    for (std::size_t i = 0; i < kStringFields.size(); ++i) {
      auto it = object.FindMember(rapidjson::StringRef(kStringFields[i].data(), kStringFields[i].size()));
      if (it == object.MemberEnd() || it->value.IsNull()) continue;
      if (!it->value.IsString()) fail(fmt::format("\"{}\" must be a string", kStringFields[i]), number, offset);
      fields[i].assign(it->value.GetString(), it->value.GetStringLength());
    }
    std::optional<Date> published;
    if (!fields[4].empty()) {
      published = parse_web_date(fields[4]);
      if (!published) {
        fail(fmt::format("\"published\" '{}' is not an ISO 8601 or RFC 822 date", fields[4]), number, offset);
      }
    }
    Document d;
    d.title = std::move(fields[0]);
    d.source = std::move(fields[1]);
    d.url = std::move(fields[2]);
    d.byline = std::move(fields[3]);
    d.text.assign(text_field->value.GetString(), text_field->value.GetStringLength());
    d.file = std::string(file_);
    set_published(d, published, std::nullopt, options_);
    finish_document(d);
    ++documents_;
    sink_(std::move(d));
  }

  const ReadOptions& options_;
  std::string_view file_;
  const std::function<void(Document&&)>& sink_;
  std::size_t documents_ = 0;
  std::size_t bad_ = 0;
};

}  // namespace

void read_json_lines(InputStream& in, std::string head, const ReadOptions& options,
                     const std::function<void(Document&&)>& sink) {
  LineReader reader(options, in.name(), sink);
  std::string buffer = std::move(head);
  std::size_t start = 0;          // where the unfinished line begins in `buffer`
  std::uint64_t line_offset = 0;  // its offset in the file
  std::uint64_t number = 1;
  std::size_t scanned = 0;  // no newline in buffer[start, scanned): a long line is searched once
  bool at_end = false;
  bool skipping = false;  // in a line over the size limit, reported once and passed over unread
  while (true) {
    std::size_t eol = buffer.find('\n', std::max(start, scanned));
    if (eol == std::string::npos) {
      if (at_end) break;
      if (!skipping && buffer.size() - start > options.max_input_bytes) {
        reader.too_long(number, line_offset);
        skipping = true;
      }
      if (skipping) {
        line_offset += buffer.size() - start;
        start = buffer.size();
      }
      buffer.erase(0, start);
      scanned = buffer.size();
      start = 0;
      at_end = in.read_some(buffer, kReadSize) == 0;
      continue;
    }
    if (skipping || eol - start > options.max_input_bytes) {
      if (!skipping) reader.too_long(number, line_offset);
      skipping = false;
      line_offset += eol + 1 - start;
      ++number;
      start = eol + 1;
      continue;
    }
    reader.line(std::string_view(buffer).substr(start, eol - start), number, line_offset);
    line_offset += eol + 1 - start;
    ++number;
    start = eol + 1;
  }
  if (start < buffer.size() && !skipping) reader.line(std::string_view(buffer).substr(start), number, line_offset);
  if (reader.documents() == 0) {
    throw InputError(in.name(), fmt::format("no readable JSON Lines article ({} bad lines)", reader.bad_lines()));
  }
}

}  // namespace dateline::reader
