#pragma once
// An input file (or standard input) read in pieces: the readers look at the first bytes to
// choose a format, then either read the rest at once or stream it (JSON Lines).

#include <cstddef>
#include <cstdint>
#include <string>

namespace dateline::reader {

class InputStream {
 public:
  // Opens `path` ("-" is standard input); throws InputError saying why it cannot be read.
  explicit InputStream(const std::string& path);
  // A file that a listing of the directory `dir_fd` showed as a regular file, opened by its
  // `name` there: the kernel resolves one name, not the whole path again, and no fstat asks its
  // size first (a read that does not fill the request is the end; one that does asks then).
  // `path` names it in errors. News articles are small files, and these two system calls were
  // a tenth of the kernel's share of `dateline extract` on a directory of them.
  InputStream(int dir_fd, const std::string& name, const std::string& path);
  ~InputStream();
  InputStream(const InputStream&) = delete;
  InputStream& operator=(const InputStream&) = delete;

  // The name errors use: the path, or "<stdin>".
  const std::string& name() const { return name_; }

  // Appends up to `max` bytes to `out`; returns how many (0 at the end of the input).
  std::size_t read_some(std::string& out, std::size_t max);

  // Appends everything left to `out`. Throws InputError when `out` would grow past
  // `max_bytes`: at once when the input is a file whose size says so, otherwise as soon as
  // one byte more than the limit has been read, so memory stays bounded by the limit.
  void read_rest(std::string& out, std::uint64_t max_bytes);

  // The size of a regular file (0 for a stream or an empty file).
  std::uint64_t file_size() const { return size_hint_; }

 private:
  [[noreturn]] void too_large(std::uint64_t max_bytes) const;
  [[noreturn]] static void cannot_open(const std::string& path, int error);
  void learn_size();
  std::size_t read_unsized(std::string& out, std::size_t max);

  int fd_ = -1;
  bool owned_ = false;
  bool regular_ = false;
  bool size_known_ = true;     // false for a listed file until a read fills its request
  bool at_end_ = false;        // a regular file's read came back short: nothing more to read
  std::size_t size_hint_ = 0;  // a regular file's size, for reading it in one call
  std::size_t consumed_ = 0;   // bytes read so far
  std::string name_;
};

}  // namespace dateline::reader
