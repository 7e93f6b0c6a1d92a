// Huge input through the CLI: a 2 GiB sparse file, 2 GiB streams of zeros and of text on
// standard input, a JSON Lines line of tens of megabytes. Each gets a clear error (file, size,
// the limit, how to raise it) or is read, in bounded time and memory: peak RSS is measured
// with /usr/bin/time, and the 2 GiB are never held.

#include "cli_run.h"

#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <fmt/format.h>

using namespace cli_test;

namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif

// Peak RSS of dateline doing nothing much is a few MB (tens under ASan); what matters is that
// it stays far below the input's size.
constexpr long kBaselineKb = kSanitized ? 160 * 1024 : 48 * 1024;

struct Measured {
  Run run;
  long peak_kb = -1;  // dateline's maximum resident set size
  double seconds = 0;
};

// Runs `[producer |] dateline ARGS` under /usr/bin/time, which reports dateline's peak RSS.
Measured measure(const ScratchDir& dir, const std::string& args, const std::string& producer = "") {
  const std::string rss = dir.path("rss.txt");
  // The status of a pipeline is that of its last command: the producer may die of SIGPIPE
  // when dateline stops reading.
  const std::string command =
      fmt::format("{}/usr/bin/time -o {} -f %M {} {} {}> {} 2> {}", producer.empty() ? "" : producer + " | ",
                  shell_quote(rss), shell_quote(DATELINE_BINARY), args, producer.empty() ? "< /dev/null " : "",
                  shell_quote(dir.path("out.txt")), shell_quote(dir.path("err.txt")));
  const auto start = std::chrono::steady_clock::now();
  const int status = std::system(command.c_str());
  Measured m;
  m.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (status != -1 && WIFEXITED(status)) m.run.exit_code = WEXITSTATUS(status);
  m.run.out = slurp(dir.path("out.txt"));
  m.run.err = slurp(dir.path("err.txt"));
  const std::string peak = slurp(rss);
  // /usr/bin/time writes "Command exited with non-zero status N" before the figure.
  const auto last_line = peak.find_last_of('\n', peak.size() > 1 ? peak.size() - 2 : 0);
  m.peak_kb = std::stol(peak.substr(last_line == std::string::npos ? 0 : last_line + 1));
  return m;
}

std::string sparse_file(const ScratchDir& dir, const std::string& name, const std::string& head) {
  const std::string path = dir.write(name, head);
  REQUIRE(std::system(fmt::format("truncate -s 2G {}", shell_quote(path)).c_str()) == 0);
  return path;
}

}  // namespace

TEST_CASE("huge input: a 2 GiB file is refused before it is read, naming it, its size and the limit") {
  ScratchDir dir;
  const std::string path = sparse_file(dir, "huge.txt", "Talks resume\n\nThe talks resume on Monday.\n");
  for (const std::string& command : {std::string("extract"), "ingest --db " + shell_quote(dir.path("s.db"))}) {
    const Measured m = measure(dir, fmt::format("{} {}", command, shell_quote(path)));
    INFO(command << ": " << m.run.err);
    CHECK(m.run.exit_code == 1);
    CHECK(m.run.err.find(path) != std::string::npos);
    CHECK(m.run.err.find("2 GiB (2147483648 bytes)") != std::string::npos);
    CHECK(m.run.err.find("limit of 256 MiB") != std::string::npos);
    CHECK(m.run.err.find("--max-input-bytes") != std::string::npos);
    CHECK(m.peak_kb < kBaselineKb);
    CHECK(m.seconds < 10);
  }
}

TEST_CASE("huge input: with the limit raised, the sparse file's zeros are found at once as binary content") {
  ScratchDir dir;
  const std::string head = "Talks resume\n\nThe talks resume on Monday.\n";
  const std::string path = sparse_file(dir, "huge.txt", head);
  const Measured m = measure(dir, fmt::format("extract --max-input-bytes 3G {}", shell_quote(path)));
  INFO(m.run.err);
  CHECK(m.run.exit_code == 1);
  CHECK(m.run.err.find(fmt::format("{}: byte {}: binary content", path, head.size())) != std::string::npos);
  CHECK(m.peak_kb < kBaselineKb);
  CHECK(m.seconds < 10);
}

TEST_CASE("huge input: 2 GiB of zeros on standard input is binary, refused after the first read") {
  ScratchDir dir;
  const Measured m = measure(dir, "extract -", "head -c 2G /dev/zero");
  INFO(m.run.err);
  CHECK(m.run.exit_code == 1);
  CHECK(m.run.err.find("<stdin>: byte 0: binary content") != std::string::npos);
  CHECK(m.peak_kb < kBaselineKb);
  CHECK(m.seconds < 10);
}

TEST_CASE("huge input: a 2 GiB text stream stops at the limit with a clear message, holding no more than it") {
  ScratchDir dir;
  const std::string text = "yes 'The talks resume on Monday, the ministry said.' | head -c 2G";
  const Measured m = measure(dir, "extract --max-input-bytes 32M -", text);
  INFO(m.run.err);
  CHECK(m.run.exit_code == 1);
  CHECK(m.run.err.find("<stdin>: input of more than 32 MiB is larger than the limit of 32 MiB per document; "
                       "raise it with --max-input-bytes") != std::string::npos);
  CHECK(m.peak_kb < kBaselineKb + 40 * 1024);
  CHECK(m.seconds < 20);
  if (!kSanitized) {
    // The default limit: 256 MiB read, then the same message; memory the limit and little more.
    const Measured d = measure(dir, "extract -", text);
    INFO(d.run.err);
    CHECK(d.run.err.find("limit of 256 MiB") != std::string::npos);
    CHECK(d.peak_kb < kBaselineKb + 300 * 1024);
    CHECK(d.seconds < 20);
  }
}

TEST_CASE("huge input: a JSON Lines line over the limit is skipped with a warning, unread, and the rest extracted") {
  ScratchDir dir;
  const std::string path = dir.path("long.jsonl");
  REQUIRE(std::system(fmt::format("(printf '{{\"text\": \"'; head -c 40M /dev/zero | tr '\\0' a; "
                                  "printf '\"}}\\n{{\"text\": \"The talks resume on Monday.\"}}\\n') > {}",
                                  shell_quote(path))
                          .c_str()) == 0);
  const Measured m = measure(dir, fmt::format("extract --max-input-bytes 8M {}", shell_quote(path)));
  INFO(m.run.err);
  CHECK(m.run.exit_code == 0);
  CHECK(m.run.err.find(fmt::format("dateline: warning: {}: line 1 (byte 0): line longer than the limit of 8 MiB", path)) !=
        std::string::npos);
  CHECK(m.run.out.find("\"text\":\"The talks resume on Monday.\"") != std::string::npos);
  CHECK(m.peak_kb < kBaselineKb + 16 * 1024);
}

TEST_CASE("huge input: a bad --max-input-bytes is rejected, naming the option") {
  ScratchDir dir;
  const std::string path = dir.write("a.txt", "Talks\n\nThe talks resume on Monday.\n");
  for (const char* bad : {"10X", "0", "-5", "M"}) {
    const Run r = run(dir, fmt::format("extract --max-input-bytes={} {}", bad, shell_quote(path)));
    INFO(bad << ": " << r.err);
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("--max-input-bytes") != std::string::npos);
  }
  const Run ok = run(dir, fmt::format("extract --max-input-bytes 1K {}", shell_quote(path)));
  CHECK(ok.exit_code == 0);
  const Run small = run(dir, fmt::format("extract --max-input-bytes 16 {}", shell_quote(path)));
  CHECK(small.exit_code == 1);
  CHECK(small.err.find("input of 35 bytes is larger than the limit of 16 bytes") != std::string::npos);
}
