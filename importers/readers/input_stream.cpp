// POSIX reads rather than iostreams: one open, one fstat and, for a regular file, one read
// of the whole file (reading small documents was dominated by system calls).

#include "readers/input_stream.h"

#include <dateline/error.h>
#include <dateline/read.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <memory>

namespace dateline::reader {
namespace fs = std::filesystem;

InputStream::InputStream(const std::string& path) : name_(path == "-" ? "<stdin>" : path) {
  if (path == "-") {
    fd_ = STDIN_FILENO;
    return;
  }
  fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd_ < 0) cannot_open(path, errno);
  owned_ = true;
  struct stat info {};
  if (::fstat(fd_, &info) == 0) {
    if (S_ISDIR(info.st_mode)) {
      ::close(fd_);
      throw InputError(path, "is a directory");
    }
    regular_ = S_ISREG(info.st_mode);
    if (regular_ && info.st_size > 0) size_hint_ = static_cast<std::size_t>(info.st_size);
  }
}

InputStream::InputStream(int dir_fd, const std::string& name, const std::string& path) : name_(path) {
  fd_ = ::openat(dir_fd, name.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd_ < 0) cannot_open(path, errno);
  owned_ = true;
  regular_ = true;
  size_known_ = false;
}

void InputStream::cannot_open(const std::string& path, int error) {
  std::error_code ec;
  if (!fs::exists(path, ec)) throw InputError(path, "no such file");
  if (fs::is_directory(path, ec)) throw InputError(path, "is a directory");
  throw InputError(path, fmt::format("cannot open: {}", std::strerror(error)));
}

// The size of a listed file, once its first read has shown it is not small; from then on it is
// read as any regular file.
void InputStream::learn_size() {
  size_known_ = true;
  struct stat info {};
  if (::fstat(fd_, &info) != 0) return;
  regular_ = S_ISREG(info.st_mode);
  if (regular_ && info.st_size > 0) size_hint_ = static_cast<std::size_t>(info.st_size);
}

// A read of a listed file whose size is not known: into a buffer kept by the thread, then
// appended, since growing `out` by the whole request would zero-fill 64 KB for a 2 KB article.
std::size_t InputStream::read_unsized(std::string& out, std::size_t max) {
  constexpr std::size_t kScratch = std::size_t{1} << 16;
  thread_local const std::unique_ptr<char[]> scratch(new char[kScratch]);
  const std::size_t request = std::min(max, kScratch);
  for (;;) {
    const ssize_t n = ::read(fd_, scratch.get(), request);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      if (errno == EISDIR) throw InputError(name_, "is a directory");  // replaced since the listing
      throw InputError(name_, fmt::format("read error: {}", std::strerror(errno)));
    }
    out.append(scratch.get(), static_cast<std::size_t>(n));
    consumed_ += static_cast<std::size_t>(n);
    // Linux fills a read of a regular file unless it reaches the end.
    if (static_cast<std::size_t>(n) < request) {
      at_end_ = true;  // and its size is what was read: file_size() and the limit's message say so
      size_known_ = true;
      size_hint_ = consumed_;
    } else {
      learn_size();
    }
    return static_cast<std::size_t>(n);
  }
}

InputStream::~InputStream() {
  if (owned_) ::close(fd_);
}

std::size_t InputStream::read_some(std::string& out, std::size_t max) {
  if (at_end_) return 0;
  if (!size_known_) return read_unsized(out, max);
  // resize() zero-fills: asking a 2 KB file for a 64 KB head cleared 62 KB per document, a
  // tenth of `extract`'s time. A regular file's size is known, so ask for no more than what
  // is left of it (and one byte more, to see the end, or to notice that it grew).
  if (regular_ && consumed_ <= size_hint_) max = std::min(max, size_hint_ - consumed_ + 1);
  const std::size_t used = out.size();
  out.resize(used + max);
  for (;;) {
    const ssize_t n = ::read(fd_, out.data() + used, max);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      out.resize(used);
      throw InputError(name_, fmt::format("read error: {}", std::strerror(errno)));
    }
    out.resize(used + static_cast<std::size_t>(n));
    consumed_ += static_cast<std::size_t>(n);
    // Linux fills a read of a regular file unless it reaches the end: a short read is the end,
    // and asking again would only cost two more system calls per document (the reader's head
    // loop, then read_rest), which were a fifth of them on a directory of news articles.
    if (regular_ && static_cast<std::size_t>(n) < max) at_end_ = true;
    return static_cast<std::size_t>(n);
  }
}

void InputStream::too_large(std::uint64_t max_bytes) const {
  std::string size = fmt::format("more than {}", byte_size_text(max_bytes));
  if (regular_) {
    size = size_hint_ < 1024 ? byte_size_text(size_hint_)
                             : fmt::format("{} ({} bytes)", byte_size_text(size_hint_), size_hint_);
  }
  throw InputError(name_, fmt::format("input of {} is larger than the limit of {} per document; raise it with "
                                      "--max-input-bytes",
                                      size, byte_size_text(max_bytes)));
}

void InputStream::read_rest(std::string& out, std::uint64_t max_bytes) {
  if (regular_ && size_hint_ > max_bytes) too_large(max_bytes);
  // A regular file's size is known: ask for all of it (and one byte more, to see the end)
  // at once. Other inputs (pipes, /proc) grow as they are read, never past the limit + 1.
  std::size_t chunk = regular_ && size_hint_ + 1 > out.size() ? size_hint_ + 1 - out.size() : std::size_t{1} << 16;
  // A stream of unknown size: room for all it may hold (up to 1 GiB; untouched pages cost no
  // memory), so that the string is never copied to a larger buffer, which briefly held the
  // content twice over.
  if (!regular_) out.reserve(static_cast<std::size_t>(std::min<std::uint64_t>(max_bytes + 1, std::uint64_t{1} << 30)));
  for (;;) {
    if (out.size() > max_bytes) too_large(max_bytes);
    chunk = static_cast<std::size_t>(std::min<std::uint64_t>(chunk, max_bytes + 1 - out.size()));
    const std::size_t n = read_some(out, chunk);
    if (n == 0) return;
    // Linux fills a read of a regular file unless it reaches the end.
    if (regular_ && n < chunk && out.size() <= max_bytes) return;
    // A pipe gives at most 64 KB a read: asking for more only zero-fills memory it will not
    // use (growing the request with the content made reading a large stream quadratic).
    chunk = std::size_t{1} << 16;
  }
}

}  // namespace dateline::reader
