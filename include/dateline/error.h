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

// An input that cannot be read: names the file and, where known, the byte offset and the line
// (1-based; line-oriented inputs such as JSON Lines and XML feeds give it).
class InputError : public std::runtime_error {
 public:
  InputError(std::string file, std::string message, std::optional<std::uint64_t> offset = std::nullopt,
             std::optional<std::uint64_t> line = std::nullopt);

  const std::string& file() const { return file_; }
  const std::optional<std::uint64_t>& offset() const { return offset_; }
  const std::optional<std::uint64_t>& line() const { return line_; }
  const std::string& reason() const { return reason_; }

 private:
  std::string file_;
  std::string reason_;
  std::optional<std::uint64_t> offset_;
  std::optional<std::uint64_t> line_;
};

}  // namespace dateline
