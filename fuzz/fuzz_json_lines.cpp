// Fuzz target: the JSON Lines reader on arbitrary bytes, read as a stream the way `dateline`
// reads a file it sniffed as JSON Lines: the first bytes already in memory (the sniffed head),
// the rest from the file. The input is split at a point its first byte chooses, so lines that
// straddle the head and the stream are covered. Bad lines are skipped with a warning; a file
// with no good line raises InputError.

#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <string>

#include "reader_checks.h"
#include "readers/input_stream.h"
#include "readers/json_lines_reader.h"

namespace {

// The rest of the input lives in an anonymous memory file, opened by path as any input is.
int memory_file() {
  static const int fd = memfd_create("fuzz_json_lines", 0);
  if (fd < 0) std::abort();
  return fd;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::size_t split = std::min<std::size_t>(data[0] * 16u, size - 1);
  const char* bytes = reinterpret_cast<const char*>(data) + 1;
  const std::size_t length = size - 1;
  const int fd = memory_file();
  if (ftruncate(fd, 0) != 0) std::abort();
  const std::size_t rest = length - std::min(split, length);
  if (rest > 0 && pwrite(fd, bytes + split, rest, 0) != static_cast<ssize_t>(rest)) std::abort();
  dateline::ReadOptions options = fuzz::fuzz_read_options();
  options.warn = [](const dateline::InputError&) {};
  try {
    dateline::reader::InputStream in("/proc/self/fd/" + std::to_string(fd));
    dateline::reader::read_json_lines(in, std::string(bytes, std::min(split, length)), options,
                                      [](dateline::Document&& d) { fuzz::check_document(d); });
  } catch (const dateline::InputError&) {
  }
  return 0;
}
