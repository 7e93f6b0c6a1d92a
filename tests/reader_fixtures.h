#pragma once
// Helpers for the reader tests: fixture paths, a scratch directory, and collected warnings.

#include <dateline/error.h>
#include <dateline/read.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace dateline::test {

inline std::string fixture(const std::string& name) { return DATELINE_SOURCE_DIR "/tests/fixtures/readers/" + name; }

// A scratch directory for one test case, removed afterwards.
class ScratchDir {
 public:
  ScratchDir() {
    static int counter = 0;
    path_ = std::filesystem::temp_directory_path() /
            ("dateline-reader-test-" + std::to_string(::getpid()) + "-" + std::to_string(++counter));
    std::filesystem::create_directories(path_);
  }
  ~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  std::string write(const std::string& name, const std::string& bytes) const {
    std::filesystem::path p = path_ / name;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
    return p.string();
  }
  std::string path(const std::string& name = "") const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

// Read options that keep every warning a reader gives.
struct WarningLog {
  std::vector<InputError> warnings;
  ReadOptions options(const char* dct = nullptr) {
    ReadOptions o;
    if (dct) o.dct = parse_iso_date(dct);
    o.warn = [this](const InputError& e) { warnings.push_back(e); };
    return o;
  }
};

}  // namespace dateline::test
