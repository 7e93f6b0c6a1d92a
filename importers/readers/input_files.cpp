// Input files: reading bytes from files, directories and stdin, checking they are text, and
// handing each file to the reader its first bytes call for.

#include <dateline/error.h>
#include <dateline/read.h>
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <filesystem>

#include "readers/input_format.h"
#include "readers/input_stream.h"
#include "readers/json_lines_reader.h"

namespace dateline {
namespace fs = std::filesystem;

std::string read_file(const std::string& path, std::uint64_t max_bytes) {
  reader::InputStream in(path);
  std::string content;
  in.read_rest(content, max_bytes);
  return content;
}

std::string byte_size_text(std::uint64_t bytes) {
  constexpr std::array<std::string_view, 4> kUnits = {"KiB", "MiB", "GiB", "TiB"};
  if (bytes < 1024) return fmt::format("{} bytes", bytes);
  double size = static_cast<double>(bytes);
  std::size_t unit = 0;
  for (size /= 1024; size >= 1024 && unit + 1 < kUnits.size(); size /= 1024) ++unit;
  // Whole numbers without a fraction: "256 MiB", not "256.0 MiB".
  if (size == static_cast<double>(static_cast<std::uint64_t>(size))) return fmt::format("{} {}", size, kUnits[unit]);
  return fmt::format("{:.1f} {}", size, kUnits[unit]);
}

std::uint64_t parse_byte_size(std::string_view text) {
  std::size_t i = 0;
  std::uint64_t n = 0;
  const auto bad = [&] {
    return ValueError(fmt::format("'{}' is not a size (bytes, or a number with K, M or G: 512M, 4G)", text));
  };
  while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
    if (n > (std::uint64_t{1} << 50)) throw bad();
    n = n * 10 + static_cast<std::uint64_t>(text[i] - '0');
    ++i;
  }
  if (i == 0) throw bad();
  std::string_view unit = text.substr(i);
  if (unit.size() > 1 && (unit.back() == 'B' || unit.back() == 'b')) unit.remove_suffix(1);  // "512MB" too
  int shift = 0;
  if (unit.empty()) {
    shift = 0;
  } else if (unit == "K" || unit == "k") {
    shift = 10;
  } else if (unit == "M" || unit == "m") {
    shift = 20;
  } else if (unit == "G" || unit == "g") {
    shift = 30;
  } else {
    throw bad();
  }
  if (n == 0) throw ValueError(fmt::format("'{}': the size must be more than 0", text));
  return n << shift;
}

void check_text(std::string_view bytes, std::string_view file) {
  std::size_t i = 0;
  const std::size_t n = bytes.size();
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(bytes[k]); };
  while (i < n) {
    // Fast path: ASCII bytes with no NUL (almost all news text), 32 at a time, then 8.
    auto plain = [&](std::size_t at) {
      std::uint64_t w;
      std::memcpy(&w, bytes.data() + at, 8);
      return ((w | ((w - 0x0101010101010101ull) & ~w)) & 0x8080808080808080ull) == 0;  // no high bit, no zero byte
    };
    while (i + 32 <= n && plain(i) && plain(i + 8) && plain(i + 16) && plain(i + 24)) i += 32;
    while (i + 8 <= n && plain(i)) i += 8;
    if (i >= n) break;
    unsigned char c = byte(i);
    if (c < 0x80) {
      if (c == 0) throw InputError(std::string(file), "binary content (NUL byte); expected UTF-8 text", i);
      ++i;
      continue;
    }
    std::size_t len;
    unsigned min;
    unsigned cp;
    if ((c & 0xE0) == 0xC0) {
      len = 2, min = 0x80, cp = c & 0x1Fu;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3, min = 0x800, cp = c & 0x0Fu;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4, min = 0x10000, cp = c & 0x07u;
    } else {
      throw InputError(std::string(file), fmt::format("invalid UTF-8 (byte 0x{:02X})", c), i);
    }
    if (i + len > n) throw InputError(std::string(file), "invalid UTF-8 (truncated sequence at end of input)", i);
    for (std::size_t k = 1; k < len; ++k) {
      unsigned char cc = byte(i + k);
      if ((cc & 0xC0) != 0x80) {
        throw InputError(std::string(file), fmt::format("invalid UTF-8 (byte 0x{:02X})", c), i);
      }
      cp = (cp << 6) | (cc & 0x3Fu);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      throw InputError(std::string(file), "invalid UTF-8 (overlong or out-of-range sequence)", i);
    }
    i += len;
  }
}

namespace {

// Files under a directory, recursively, in a stable (sorted) order; hidden files skipped.
std::vector<std::string> files_under(const fs::path& dir) {
  std::vector<std::string> files;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, fs::directory_options::skip_permission_denied, ec);
       it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) break;
    const auto name = it->path().filename().string();
    if (!name.empty() && name.front() == '.') {
      if (it->is_directory()) it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file()) files.push_back(it->path().string());
  }
  if (ec) throw InputError(dir.string(), fmt::format("cannot list directory: {}", ec.message()));
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

namespace {

// Enough of a file to recognise its format (an HTML page's doctype, a feed's root element after
// its XML declaration and comments) and, for JSON Lines, the first read of the stream.
constexpr std::size_t kHeadBytes = std::size_t{1} << 16;

void read_one(reader::InputStream& in, const std::string& path, const ReadOptions& options,
              const std::function<void(Document&&)>& sink) {
  std::string content;
  while (content.size() < kHeadBytes && in.read_some(content, kHeadBytes - content.size()) > 0) {
  }
  const std::string& name = in.name();
  if (content.empty()) throw InputError(name, "empty input");
  const reader::InputFormat format = reader::sniff_format(content, path);
  if (format == reader::InputFormat::JsonLines) {
    reader::read_json_lines(in, std::move(content), options, sink);
    return;
  }
  // Refused before reading the rest: a file over the size limit, and a binary stream (a NUL
  // in the first bytes of what would be plain text), which could otherwise be read to the limit.
  if (in.file_size() > options.max_input_bytes) in.read_rest(content, options.max_input_bytes);
  if (format == reader::InputFormat::Text) {
    if (const auto nul = content.find('\0'); nul != std::string::npos) {
      throw InputError(name, "binary content (NUL byte); expected UTF-8 text", nul);
    }
  }
  in.read_rest(content, options.max_input_bytes);
  switch (format) {
    case reader::InputFormat::Html:
      sink(read_html_page(content, name, options));
      break;
    case reader::InputFormat::Feed:
      for (auto& d : read_feed(content, name, options)) sink(std::move(d));
      break;
    case reader::InputFormat::Text:
    case reader::InputFormat::JsonLines:
      check_text(content, name);
      for (auto& d : read_text_page(content, name, options)) sink(std::move(d));
      break;
  }
}

void read_one(const std::string& path, const ReadOptions& options, const std::function<void(Document&&)>& sink) {
  reader::InputStream in(path);
  read_one(in, path, options, sink);
}

}  // namespace

void for_each_document(const std::vector<std::string>& inputs, const ReadOptions& options,
                       const std::function<void(Document&&)>& sink) {
  for (const auto& input : inputs) {
    std::error_code ec;
    if (input != "-" && fs::is_directory(input, ec)) {
      for (const auto& file : files_under(input)) read_one(file, options, sink);
    } else {
      read_one(input, options, sink);
    }
  }
}

void for_each_document_in_file(const std::string& file, const ReadOptions& options,
                               const std::function<void(Document&&)>& sink) {
  read_one(file, options, sink);
}

void for_each_document_in_listed_file(int dir_fd, const std::string& name, const std::string& path,
                                      const ReadOptions& options, const std::function<void(Document&&)>& sink) {
  reader::InputStream in(dir_fd, name, path);
  read_one(in, path, options, sink);
}

std::vector<Document> read_inputs(const std::vector<std::string>& inputs, const ReadOptions& options) {
  std::vector<Document> documents;
  for_each_document(inputs, options, [&](Document&& d) { documents.push_back(std::move(d)); });
  return documents;
}

}  // namespace dateline
