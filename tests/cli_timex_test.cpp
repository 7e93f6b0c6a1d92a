// `dateline timex DIR`: the documents of a directory read in name order, each anchored on its
// own DCT file, texts of any size read whole, and bad input reported by path.

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "cli_run.h"

using namespace cli_test;

namespace {

// A directory of documents inside the scratch directory (which also holds the run's output).
std::string make_docs(const ScratchDir& dir) {
  const std::string docs = dir.path("docs");
  std::filesystem::create_directories(docs);
  return docs;
}

std::string write_doc(const ScratchDir& dir, const std::string& name, const std::string& bytes) {
  return dir.write("docs/" + name, bytes);
}

void check_failure(const Run& r, std::initializer_list<std::string> needles) {
  INFO("stderr: " << r.err);
  CHECK(r.exit_code > 0);
  CHECK(r.exit_code < 100);
  CHECK(r.err.starts_with("dateline: "));
  for (const auto& needle : needles) CHECK(r.err.find(needle) != std::string::npos);
}

}  // namespace

TEST_CASE("cli timex: one line per document in name order, each anchored on its own DCT") {
  ScratchDir dir;
  const std::string docs = make_docs(dir);
  write_doc(dir, "b.txt", "The minister resigned on Friday.\n");
  write_doc(dir, "b.dct", "2025-07-19\n");
  write_doc(dir, "a.txt", "The minister resigned on Friday.\n");
  write_doc(dir, "a.dct", "2024-03-06");
  write_doc(dir, "c.txt", "The minister resigned on Friday.\n");  // no DCT: no anchor
  write_doc(dir, "notes.md", "not a document");
  const Run r = run(dir, "timex -j 1 " + shell_quote(docs));
  INFO("stderr: " << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out ==
        "{\"doc\":\"a\",\"timexes\":[{\"begin\":25,\"end\":31,\"text\":\"Friday\",\"type\":\"DATE\",\"value\":"
        "\"2024-03-01\"}]}\n"
        "{\"doc\":\"b\",\"timexes\":[{\"begin\":25,\"end\":31,\"text\":\"Friday\",\"type\":\"DATE\",\"value\":"
        "\"2025-07-18\"}]}\n"
        "{\"doc\":\"c\",\"timexes\":[{\"begin\":25,\"end\":31,\"text\":\"Friday\",\"type\":\"DATE\",\"value\":"
        "\"XXXX-WXX-5\"}]}\n");
}

TEST_CASE("cli timex: a text larger than the first read is read whole, a linked one too") {
  ScratchDir dir;
  const std::string docs = make_docs(dir);
  std::string text;
  while (text.size() < 300000) text += "The committee discussed the budget again. ";
  const std::size_t at = text.size();
  text += "It will vote on March 3.\n";
  write_doc(dir, "long.txt", text);
  write_doc(dir, "long.dct", "2025-01-10\n");
  std::filesystem::create_symlink(dir.path("docs/long.txt"), dir.path("docs/linked.txt"));
  const Run r = run(dir, "timex -j 2 " + shell_quote(docs));
  INFO("stderr: " << r.err);
  REQUIRE(r.exit_code == 0);
  const std::string march = "{\"begin\":" + std::to_string(at + 16) + ",\"end\":" + std::to_string(at + 23) +
                            ",\"text\":\"March 3\",\"type\":\"DATE\",\"value\":";
  CHECK(r.out.find("{\"doc\":\"linked\"") == 0);
  CHECK(r.out.find(march + "\"XXXX-03-03\"") != std::string::npos);  // the link has no DCT of its own
  CHECK(r.out.find("{\"doc\":\"long\"") != std::string::npos);
  CHECK(r.out.find(march + "\"2025-03-03\"") != std::string::npos);
}

TEST_CASE("cli timex: bad input is reported by path") {
  ScratchDir dir;
  const std::string docs = make_docs(dir);
  SECTION("a text over --max-input-bytes") {
    const std::string file = write_doc(dir, "big.txt", std::string(5000, 'a'));
    check_failure(run(dir, "timex --max-input-bytes 1K " + shell_quote(docs)), {file, "larger than the limit"});
  }
  SECTION("invalid UTF-8") {
    const std::string file = write_doc(dir, "latin1.txt", "The caf\xE9 reopened on Monday.\n");
    check_failure(run(dir, "timex " + shell_quote(docs)), {file, "UTF-8"});
  }
  SECTION("a DCT that is not a date") {
    write_doc(dir, "x.txt", "The caf reopened on Monday.\n");
    const std::string dct = write_doc(dir, "x.dct", "yesterday\n");
    check_failure(run(dir, "timex " + shell_quote(docs)), {dct, "invalid date"});
  }
  SECTION("a DCT that is a directory") {
    write_doc(dir, "x.txt", "The caf reopened on Monday.\n");
    std::filesystem::create_directories(dir.path("docs/x.dct"));
    check_failure(run(dir, "timex " + shell_quote(docs)), {dir.path("docs/x.dct"), "directory"});
  }
  SECTION("no directory") {
    check_failure(run(dir, "timex " + shell_quote(dir.path("missing"))), {dir.path("missing"), "not a directory"});
  }
}
