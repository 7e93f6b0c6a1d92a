// The dateline binary on bad input: a non-zero exit, a message on stderr that says what was
// wrong and where, and never a crash. And once on good input, the extract JSON's documents.

#include "cli_run.h"

#include <rapidjson/document.h>

#include <catch2/catch.hpp>
#include <string>

using namespace cli_test;

namespace {

// A failed run that did not crash and said something on stderr mentioning each of `needles`.
void check_failure(const Run& r, std::initializer_list<std::string> needles) {
  INFO("stderr: " << r.err);
  CHECK(r.exit_code > 0);
  CHECK(r.exit_code < 100);  // an error we report, not a signal or an abort
  CHECK(r.out.empty());
  CHECK(r.err.starts_with("dateline: "));
  for (const auto& needle : needles) CHECK(r.err.find(needle) != std::string::npos);
}

}  // namespace

TEST_CASE("cli: an empty file is rejected, naming the file") {
  ScratchDir dir;
  std::string file = dir.write("empty.txt", "");
  check_failure(run(dir, "extract " + shell_quote(file)), {file, "empty"});
}

TEST_CASE("cli: a whitespace-only file is rejected, naming the file") {
  ScratchDir dir;
  std::string file = dir.write("blank.txt", "\n  \n\t\n");
  check_failure(run(dir, "extract " + shell_quote(file)), {file, "no article text"});
}

TEST_CASE("cli: binary content (NUL bytes) is rejected with the file and offset") {
  ScratchDir dir;
  std::string file = dir.write("binary.txt", std::string("Title\nBody\0\x01\x02 more", 18));
  check_failure(run(dir, "extract " + shell_quote(file)), {file, "byte 10", "NUL"});
}

TEST_CASE("cli: invalid UTF-8 in the middle is rejected with the file and byte offset") {
  ScratchDir dir;
  std::string file = dir.write("latin1.txt", "Headline\nThe caf\xE9 reopened on Monday.\n");
  check_failure(run(dir, "extract " + shell_quote(file)), {file, "byte 16", "UTF-8"});
}

TEST_CASE("cli: a missing file is reported by name") {
  ScratchDir dir;
  std::string file = dir.path("does-not-exist.txt");
  check_failure(run(dir, "extract " + shell_quote(file)), {file, "no such file"});
}

TEST_CASE("cli: a bad file among good ones still fails, naming the bad one") {
  ScratchDir dir;
  std::string good = dir.write("good.txt", "Headline\nBody.\n");
  std::string bad = dir.write("bad.txt", "Headline\n\xFF\xFE\n");
  check_failure(run(dir, "extract " + shell_quote(good) + " " + shell_quote(bad)), {bad, "byte 9"});
}

TEST_CASE("cli: empty standard input is reported as <stdin>") {
  ScratchDir dir;
  check_failure(run(dir, "extract -"), {"<stdin>", "empty"});
}

TEST_CASE("cli: a bad --dct is rejected, naming the option and the value") {
  ScratchDir dir;
  std::string file = dir.write("article.txt", "Headline\nBody.\n");
  for (const char* dct : {"2025-02-30", "yesterday", "2025-13-01", "25-07-19"}) {
    INFO(dct);
    check_failure(run(dir, "extract --dct " + shell_quote(dct) + " " + shell_quote(file)), {"--dct", dct});
  }
}

TEST_CASE("cli: a bad --captured is rejected, naming the option and the value") {
  ScratchDir dir;
  std::string file = dir.write("article.txt", "Headline\nBody.\n");
  for (const char* captured : {"2025-07-25T25:00", "noon", "2025-02-29T10:00", "2025-07-25 12"}) {
    INFO(captured);
    check_failure(run(dir, "extract --captured " + shell_quote(captured) + " " + shell_quote(file)),
                  {"--captured", captured});
  }
}

TEST_CASE("cli: extract on the shared sample prints JSON with four documents") {
  ScratchDir dir;
  const std::string sample = DATELINE_SHARED_DIR "/examples/news-page-2025-07.txt";
  Run r = run(dir, "extract --dct 2025-07-19 --captured 2025-07-25T12:00 " + shell_quote(sample));
  INFO("stderr: " << r.err);
  REQUIRE(r.exit_code == 0);
  rapidjson::Document json;
  json.Parse(r.out.c_str());
  REQUIRE(!json.HasParseError());
  REQUIRE(json.IsObject());
  REQUIRE(json.HasMember("documents"));
  const auto& documents = json["documents"];
  REQUIRE(documents.IsArray());
  REQUIRE(documents.Size() == 4);
  const char* sources[] = {"", "Al Jazeera", "Qatar Tribune", "Qatar Tribune"};
  const char* dates[] = {"2025-07-19", "2025-07-24", "2025-07-24", "2025-07-24"};
  for (rapidjson::SizeType i = 0; i < 4; ++i) {
    const auto& d = documents[i];
    CHECK(std::string(d["source"].GetString()) == sources[i]);
    REQUIRE(d["published"].IsObject());
    CHECK(std::string(d["published"]["value"].GetString()) == dates[i]);
    const std::string text = d["text"].GetString();
    CHECK(text.find("Related Articles") == std::string::npos);
    CHECK(text.find("No comments yet") == std::string::npos);
    REQUIRE(d["sentences"].IsArray());
    CHECK(d["sentences"].Size() > 0);
    for (const auto& s : d["sentences"].GetArray()) {
      CHECK(s[0].GetUint() < s[1].GetUint());
      CHECK(s[1].GetUint() <= text.size());
    }
  }
  CHECK(std::string(documents[0]["title"].GetString()) == "Microsoft halts China tech support for Pentagon systems");
}

TEST_CASE("cli: malformed XML is rejected with the file, line and byte offset") {
  ScratchDir dir;
  const std::string feed = DATELINE_SOURCE_DIR "/tests/fixtures/readers/malformed.xml";
  check_failure(run(dir, "extract " + shell_quote(feed)), {feed, "line 4", "byte ", "malformed XML"});
}

TEST_CASE("cli: bad JSON Lines lines are warned about with their line, and the good ones extracted") {
  ScratchDir dir;
  const std::string jsonl = DATELINE_SOURCE_DIR "/tests/fixtures/readers/bad-lines.jsonl";
  Run r = run(dir, "extract " + shell_quote(jsonl));
  INFO("stderr: " << r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.err.find("dateline: warning: " + jsonl + ": line 2 (byte ") != std::string::npos);
  CHECK(r.err.find(": line 5 (byte ") != std::string::npos);
  rapidjson::Document json;
  json.Parse(r.out.c_str());
  REQUIRE(!json.HasParseError());
  CHECK(json["documents"].Size() == 2);
}

TEST_CASE("cli: HTML on standard input, and a directory of every format, are extracted") {
  ScratchDir dir;
  const std::string fixtures = DATELINE_SOURCE_DIR "/tests/fixtures/readers";
  Run page = run(dir, "extract -", "< " + shell_quote(fixtures + "/ferry-contract.html"));
  INFO("stderr: " << page.err);
  REQUIRE(page.exit_code == 0);
  rapidjson::Document json;
  json.Parse(page.out.c_str());
  REQUIRE(!json.HasParseError());
  REQUIRE(json["documents"].Size() == 1);
  CHECK(std::string(json["documents"][0]["file"].GetString()) == "<stdin>");
  CHECK(std::string(json["documents"][0]["byline"].GetString()) == "Ines Okafor");
  CHECK(json["timexes"].Size() > 0);

  // The fixture directory holds broken files too: the run stops at the first fatal one (in
  // sorted order, bad-lines.jsonl only warns; malformed.xml fails), naming it.
  Run all = run(dir, "extract " + shell_quote(fixtures));
  INFO("stderr: " << all.err);
  CHECK(all.exit_code == 1);
  CHECK(all.err.find("malformed.xml: line 4") != std::string::npos);
}

TEST_CASE("cli: an upcoming window past the end of the calendar is rejected, naming the option") {
  ScratchDir dir;
  const Run r = run(dir, "upcoming --db " + shell_quote(dir.path("none.db")) + " --as-of 9999-12-01 --within 1y");
  INFO(r.err);
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("--within: 1y after 9999-12-01 is past 9999-12-31") != std::string::npos);
}
