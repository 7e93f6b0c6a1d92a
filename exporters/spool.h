#pragma once
// A spool: bytes appended in order and written out once at the end. The first few megabytes
// stay in memory; past that the bytes go to an unlinked temporary file, so a writer that must
// hold its output back (the extract JSON keeps each kind of record in its own array) does not
// grow with the input.

#include <cstddef>
#include <cstdio>
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
  void spill();

  std::size_t limit_;
  std::size_t size_ = 0;
  std::string memory_;
  std::FILE* file_ = nullptr;  // the temporary file, once the memory limit is passed
};

}  // namespace dateline
