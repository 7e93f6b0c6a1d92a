#include "spool.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <unistd.h>

namespace dateline {
namespace {

// An unlinked file in $TMPDIR (else /tmp): it disappears with the process, however it ends.
std::FILE* temporary_file() {
  const char* dir = std::getenv("TMPDIR");
  std::string path = fmt::format("{}/dateline-spool-XXXXXX", dir && *dir ? dir : "/tmp");
  const int fd = ::mkstemp(path.data());
  if (fd < 0) {
    throw std::runtime_error(fmt::format("cannot create a temporary file {}: {}", path, std::strerror(errno)));
  }
  ::unlink(path.c_str());
  std::FILE* f = ::fdopen(fd, "w+b");
  if (!f) {
    ::close(fd);
    throw std::runtime_error(fmt::format("cannot open a temporary file in {}: {}", path, std::strerror(errno)));
  }
  return f;
}

void write_all(std::FILE* f, std::string_view bytes, const char* what) {
  if (!bytes.empty() && std::fwrite(bytes.data(), 1, bytes.size(), f) != bytes.size()) {
    throw std::runtime_error(fmt::format("cannot write {}: {}", what, std::strerror(errno)));
  }
}

}  // namespace

Spool::~Spool() {
  if (file_) std::fclose(file_);
}

void Spool::spill() {
  file_ = temporary_file();
  write_all(file_, memory_, "a temporary file (is the disk full?)");
  std::string().swap(memory_);
}

void Spool::append(std::string_view bytes) {
  size_ += bytes.size();
  if (!file_ && memory_.size() + bytes.size() > limit_) spill();
  if (file_) {
    write_all(file_, bytes, "a temporary file (is the disk full?)");
  } else {
    memory_.append(bytes);
  }
}

void Spool::copy_to(const std::function<void(std::string_view)>& sink) {
  if (!file_) {
    sink(memory_);
    return;
  }
  if (std::fflush(file_) != 0 || std::fseek(file_, 0, SEEK_SET) != 0) {
    throw std::runtime_error(fmt::format("cannot read back a temporary file: {}", std::strerror(errno)));
  }
  char buffer[1 << 16];
  std::size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, file_)) > 0) sink({buffer, n});
  if (std::ferror(file_)) throw std::runtime_error("cannot read back a temporary file");
  std::fseek(file_, 0, SEEK_END);  // further appends go after what is there
}

}  // namespace dateline
