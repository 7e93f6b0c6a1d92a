#pragma once
// Errors at the edges: bad input files and bad values carry where they went wrong.

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>

namespace dateline {

// A value (a TIMEX3 string, a --dct argument, ...) that cannot be understood.
class ValueError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

// An input that cannot be read: names the file and, where known, the byte offset.
class InputError : public std::runtime_error {
 public:
  InputError(std::string file, std::string message, std::optional<std::uint64_t> offset = std::nullopt);

  const std::string& file() const { return file_; }
  const std::optional<std::uint64_t>& offset() const { return offset_; }
  const std::string& reason() const { return reason_; }

 private:
  std::string file_;
  std::string reason_;
  std::optional<std::uint64_t> offset_;
};

}  // namespace dateline
