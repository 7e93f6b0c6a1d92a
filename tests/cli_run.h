#pragma once
// Running the dateline binary from a test: a scratch directory, and a run with stdout and stderr
// captured.

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace cli_test {

namespace fs = std::filesystem;

// A scratch directory for one test case, removed afterwards.
class ScratchDir {
 public:
  ScratchDir() {
    static int counter = 0;
    path_ = fs::temp_directory_path() /
            ("dateline-cli-run-" + std::to_string(::getpid()) + "-" + std::to_string(++counter));
    fs::create_directories(path_);
  }
  ~ScratchDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  std::string write(const std::string& name, const std::string& bytes) const {
    fs::path p = path_ / name;
    std::ofstream(p, std::ios::binary) << bytes;
    return p.string();
  }
  std::string path(const std::string& name) const { return (path_ / name).string(); }

 private:
  fs::path path_;
};

inline std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline std::string shell_quote(const std::string& arg) {
  std::string q = "'";
  for (char c : arg) {
    if (c == '\'') {
      q += "'\\''";
    } else {
      q += c;
    }
  }
  return q + "'";
}

struct Run {
  int exit_code = -1;  // the program's exit status; -1 when it did not exit normally
  std::string out;
  std::string err;
};

// Runs `dateline <args>` through the shell (arguments already quoted), stdin from
// `stdin_redirect` (/dev/null unless given).
inline Run run(const ScratchDir& dir, const std::string& args, const std::string& stdin_redirect = "< /dev/null") {
  const std::string out = dir.path("stdout.txt");
  const std::string err = dir.path("stderr.txt");
  const std::string command = shell_quote(DATELINE_BINARY) + " " + args + " " + stdin_redirect + " >" +
                              shell_quote(out) + " 2>" + shell_quote(err);
  const int status = std::system(command.c_str());
  Run r;
  if (status != -1 && WIFEXITED(status) && WEXITSTATUS(status) < 128) r.exit_code = WEXITSTATUS(status);
  r.out = slurp(out);
  r.err = slurp(err);
  return r;
}

}  // namespace cli_test
