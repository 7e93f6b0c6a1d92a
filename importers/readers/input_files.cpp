// Input files: reading bytes from files, directories and stdin, and checking they are text.

#include <dateline/error.h>
#include <dateline/read.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <filesystem>
#include <fmt/format.h>
#include <iostream>
#include <iterator>

namespace dateline {
namespace fs = std::filesystem;

namespace {

// Closes a descriptor on every way out of read_file.
struct FileDescriptor {
  int fd;
  ~FileDescriptor() { ::close(fd); }
};

}  // namespace

std::string read_file(const std::string& path) {
  if (path == "-") {
    std::string content{std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
    if (std::cin.bad()) throw InputError("<stdin>", "cannot read standard input");
    return content;
  }
  // Open first and ask the descriptor what it is: one open and one fstat instead of separate
  // exists / is_directory probes and a stdio buffer (this runs once per document, and a
  // corpus of small documents spent more time in system calls than in tagging).
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    const int error = errno;
    std::error_code ec;
    if (!fs::exists(path, ec)) throw InputError(path, "no such file");
    if (fs::is_directory(path, ec)) throw InputError(path, "is a directory");
    throw InputError(path, fmt::format("cannot open: {}", std::strerror(error)));
  }
  FileDescriptor file{fd};
  struct stat info {};
  if (::fstat(fd, &info) == 0 && S_ISDIR(info.st_mode)) throw InputError(path, "is a directory");
  // A regular file's size is known: read it into a string of that size in one call. Other
  // files (pipes, /proc) report no useful size and grow as they are read.
  const bool regular = S_ISREG(info.st_mode);
  std::string content;
  content.resize(regular && info.st_size > 0 ? static_cast<std::size_t>(info.st_size) + 1 : 1 << 16);
  std::size_t used = 0;
  for (;;) {
    if (used == content.size()) content.resize(content.size() * 2);
    const ssize_t n = ::read(fd, content.data() + used, content.size() - used);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw InputError(path, "read error");
    if (n == 0) break;
    used += static_cast<std::size_t>(n);
    // Linux fills a read of a regular file unless it reaches the end, so a short read (the
    // byte asked for beyond the stat size) is the end: no further call to find it.
    if (regular && used < content.size()) break;
  }
  content.resize(used);
  return content;
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

std::vector<Document> read_inputs(const std::vector<std::string>& inputs, const ReadOptions& options) {
  std::vector<Document> documents;
  auto read_one = [&](const std::string& path) {
    std::string content = read_file(path);
    std::string name = path == "-" ? "<stdin>" : path;
    if (content.empty()) throw InputError(name, "empty input");
    check_text(content, name);
    for (auto& d : read_text_page(content, name, options)) documents.push_back(std::move(d));
  };
  for (const auto& input : inputs) {
    std::error_code ec;
    if (input != "-" && fs::is_directory(input, ec)) {
      for (const auto& file : files_under(input)) read_one(file);
    } else {
      read_one(input);
    }
  }
  return documents;
}

}  // namespace dateline
