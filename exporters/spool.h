#pragma once
// A spool: bytes appended in order and written out once at the end. The first megabyte stays
// in memory; past that the bytes go to an unlinked temporary file, so a writer that must hold
// its output back (the extract JSON keeps each kind of record in its own array) does not grow
// with the input. The file is written and read back 128 KB a system call,
// through a buffer of the spool's own (through stdio's 4 KB buffer, spooling the extract JSON
// of 50 MB of news cost 42,000 writes).

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace dateline {

class Spool {
 public:
  explicit Spool(std::size_t memory_limit = std::size_t{1} << 20) : limit_(memory_limit) {}
  Spool(const Spool&) = delete;
  Spool& operator=(const Spool&) = delete;
  ~Spool();

  void append(std::string_view bytes);
  bool empty() const { return size_ == 0; }
  // Hands everything appended so far to `sink`, in pieces; throws std::runtime_error when the
  // temporary file cannot be read back.
  void copy_to(const std::function<void(std::string_view)>& sink);

 private:
  // Moves the bytes held in memory to the end of the temporary file (made on first use).
  void spill();

  static constexpr std::size_t kWriteBuffer = std::size_t{1} << 17;

  std::size_t limit_;
  std::size_t size_ = 0;
  std::string memory_;  // the bytes not yet in the file (the write buffer, once there is one)
  int fd_ = -1;         // the temporary file, once the memory limit is passed
  std::size_t in_file_ = 0;
};

}  // namespace dateline
