#include "spool.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <stdexcept>

namespace dateline {
namespace {

// An unlinked file in $TMPDIR (else /tmp): it disappears with the process, however it ends.
int temporary_file() {
  const char* dir = std::getenv("TMPDIR");
  std::string path = fmt::format("{}/dateline-spool-XXXXXX", dir && *dir ? dir : "/tmp");
  const int fd = ::mkostemp(path.data(), O_CLOEXEC);
  if (fd < 0) {
    throw std::runtime_error(fmt::format("cannot create a temporary file {}: {}", path, std::strerror(errno)));
  }
  ::unlink(path.c_str());
  return fd;
}

void write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      throw std::runtime_error(
          fmt::format("cannot write a temporary file (is the disk full?): {}", std::strerror(n < 0 ? errno : ENOSPC)));
    }
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
}

}  // namespace

Spool::~Spool() {
  if (fd_ >= 0) ::close(fd_);
}

void Spool::spill() {
  if (fd_ < 0) fd_ = temporary_file();
  write_all(fd_, memory_);
  in_file_ += memory_.size();
  // From now on the memory is only the file's write buffer (128 KB), so that
  // the five spools of the extract JSON hold about as much as stdio's buffers did at first.
  if (memory_.capacity() > kWriteBuffer) std::string().swap(memory_);
  memory_.clear();
}

void Spool::append(std::string_view bytes) {
  size_ += bytes.size();
  const std::size_t room = fd_ < 0 ? limit_ : kWriteBuffer;
  if (memory_.size() + bytes.size() > room && !memory_.empty()) spill();
  if (bytes.size() > room) {
    write_all(fd_ < 0 ? (fd_ = temporary_file()) : fd_, bytes);  // a record larger than the buffer
    in_file_ += bytes.size();
    return;
  }
  if (fd_ >= 0 && memory_.capacity() < kWriteBuffer) memory_.reserve(kWriteBuffer);
  memory_.append(bytes);
}

void Spool::copy_to(const std::function<void(std::string_view)>& sink) {
  if (in_file_ > 0) {
    const std::size_t chunk = kWriteBuffer;
    const auto buffer = std::make_unique<char[]>(chunk);
    std::size_t at = 0;
    while (at < in_file_) {
      const ssize_t n = ::pread(fd_, buffer.get(), std::min(chunk, in_file_ - at), static_cast<off_t>(at));
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        throw std::runtime_error(
            fmt::format("cannot read back a temporary file: {}", n < 0 ? std::strerror(errno) : "it is shorter"));
      }
      sink({buffer.get(), static_cast<std::size_t>(n)});
      at += static_cast<std::size_t>(n);
    }
  }
  sink(memory_);
}

}  // namespace dateline
