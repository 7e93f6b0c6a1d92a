// dateline ingest / timeline / upcoming / facts end to end, on a temporary store, with the
// articles in tests/engine_articles/ (written for these tests: the Carran ferry contract, whose
// deadline a later report moves from March 31 to June 30, and a port strike carried word for word
// by two outlets on one aggregator page), and in tests/engine_closing/ a deal whose expected
// closing a later report moves.

#include "cli_run.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <sstream>
#include <vector>
#include <fmt/format.h>

using namespace cli_test;

namespace {

const std::string kArticles = DATELINE_SOURCE_DIR "/tests/engine_articles";
const std::string kFirst = kArticles + "/ferry-contract-2025-02.txt";
const std::string kPage = kArticles + "/ferry-page-2025-05.txt";
const std::string kSample = DATELINE_SHARED_DIR "/examples/news-page-2025-07.txt";

// The times of a text report's fact lines ("  2025-09-17   headline [...]"), in order.
std::vector<std::string> fact_times(const std::string& report) {
  std::vector<std::string> times;
  std::istringstream lines(report);
  std::string line;
  while (std::getline(lines, line)) {
    if (!line.starts_with("  ") || line.size() < 3 || line[2] == ' ' || line.find(" [") == std::string::npos) continue;
    times.push_back(line.substr(2, line.find(' ', 2) - 2));
  }
  return times;
}

bool in_order(const std::vector<std::string>& times, std::initializer_list<std::string> expected) {
  auto it = times.begin();
  for (const auto& e : expected) {
    it = std::find(it, times.end(), e);
    if (it == times.end()) return false;
  }
  return true;
}

std::string ingest_args(const ScratchDir& dir, const std::string& files) {
  return fmt::format("ingest --db {} --captured 2025-05-12T15:00 {}", shell_quote(dir.path("store.db")), files);
}

// The "store ...: N documents, ..." line of ingest's report: the store's counts.
std::string store_line(const std::string& out) {
  const auto at = out.find("\nstore ");
  return at == std::string::npos ? std::string() : out.substr(at + 1);
}

void check_failure(const Run& r, std::initializer_list<std::string> needles) {
  INFO("stderr: " << r.err);
  CHECK(r.exit_code > 0);
  CHECK(r.exit_code < 100);
  CHECK(r.out.empty());
  CHECK(r.err.starts_with("dateline: "));
  for (const auto& needle : needles) CHECK(r.err.find(needle) != std::string::npos);
}

}  // namespace

TEST_CASE("cli: ingest stores each article once, ingesting again changes no count") {
  ScratchDir dir;
  const Run first = run(dir, ingest_args(dir, shell_quote(kFirst) + " " + shell_quote(kPage)));
  INFO(first.err);
  REQUIRE(first.exit_code == 0);
  // Four documents: the first report, the page's main article and the two outlets' copies of
  // the strike story, whose text is stored once.
  CHECK(first.out.starts_with("ingested 4 documents: 3 new, 1 syndicated copies, 0 already stored;"));
  CHECK(store_line(first.out).find(": 4 documents, 3 texts,") != std::string::npos);
  const Run again = run(dir, ingest_args(dir, shell_quote(kArticles)));
  REQUIRE(again.exit_code == 0);
  CHECK(again.out.starts_with("ingested 4 documents: 0 new, 0 syndicated copies, 4 already stored;"));
  CHECK(store_line(again.out) == store_line(first.out));
}

TEST_CASE("cli: an unreadable file is reported by name and the others are still ingested") {
  ScratchDir dir;
  const std::string bad = dir.write("bad.txt", "Headline\n\xFF\xFE\n");
  const Run r = run(dir, ingest_args(dir, shell_quote(bad) + " " + shell_quote(kFirst)));
  CHECK(r.exit_code == 1);
  CHECK(r.err.find(bad) != std::string::npos);
  CHECK(r.out.starts_with("ingested 1 documents: 1 new,"));
}

TEST_CASE("cli: queries need an existing store and say which file is wrong") {
  ScratchDir dir;
  check_failure(run(dir, "upcoming --db " + shell_quote(dir.path("missing.db")) + " --as-of 2025-05-12"),
                {"missing.db", "no such store"});
  const std::string notes = dir.write("notes.txt", std::string(2048, 'x'));
  check_failure(run(dir, "timeline --db " + shell_quote(notes)), {"notes.txt", "not a database"});
}

TEST_CASE("cli: bad dates, windows and formats are refused with the option named") {
  ScratchDir dir;
  REQUIRE(run(dir, ingest_args(dir, shell_quote(kFirst))).exit_code == 0);
  const std::string db = " --db " + shell_quote(dir.path("store.db"));
  check_failure(run(dir, "upcoming" + db + " --as-of 2025-02-30"), {"--as-of", "2025-02-30"});
  check_failure(run(dir, "upcoming" + db + " --as-of 2025-05-12 --within soon"), {"--within", "soon"});
  check_failure(run(dir, "timeline" + db + " --from 2025-06-01 --to 2025-05-01"), {"--to", "--from"});
  check_failure(run(dir, "facts" + db + " --format xml"), {"--format", "xml"});
}

TEST_CASE("cli: queries on a store print their report and write -o files") {
  ScratchDir dir;
  REQUIRE(run(dir, ingest_args(dir, shell_quote(kArticles))).exit_code == 0);
  const std::string db = " --db " + shell_quote(dir.path("store.db"));
  const Run up = run(dir, "upcoming" + db + " --as-of 2025-05-12 --within 60d");
  REQUIRE(up.exit_code == 0);
  CHECK(up.out.starts_with("Upcoming from 2025-05-12 to 2025-07-11 (60 days):"));
  const std::string out = dir.path("timeline.txt");
  const Run tl = run(dir, "timeline" + db + " -o " + shell_quote(out));
  REQUIRE(tl.exit_code == 0);
  CHECK(tl.out.empty());
  CHECK(!slurp(out).empty());
}

TEST_CASE("cli: a deadline moved by a later report is listed at its new date only") {
  ScratchDir dir;
  REQUIRE(run(dir, ingest_args(dir, shell_quote(kArticles))).exit_code == 0);
  const std::string db = " --db " + shell_quote(dir.path("store.db"));
  const Run up = run(dir, "upcoming" + db + " --as-of 2025-05-12 --within 60d");
  REQUIRE(up.exit_code == 0);
  INFO(up.out);
  // The contract deadline: June 30 now, March 31 shown only as what it was.
  CHECK(up.out.find("2025-06-30") != std::string::npos);
  CHECK(up.out.find("was 2025-03-31 (superseded") != std::string::npos);
  CHECK(up.out.find("2025-06-30 EXTENDS 2025-03-31") != std::string::npos);
  // March 31 is in this window, but superseded: never listed (the meeting of February 20 is).
  const Run before = run(dir, "upcoming" + db + " --as-of 2025-02-03 --within 60d");
  INFO(before.out);
  CHECK(before.out.find("2025-02-20") != std::string::npos);
  CHECK(before.out.find("2025-03-31") == std::string::npos);
  // The strike story carried by two outlets: one fact, both sources.
  const Run tl = run(dir, "timeline" + db + " --entity 'Valmora Port Authority'");
  INFO(tl.out);
  CHECK(tl.out.find("- Harbour Daily, 2025-05-12") != std::string::npos);
  CHECK(tl.out.find("- Coast Radio, 2025-05-12") != std::string::npos);
}

TEST_CASE("cli: the shared sample page: the TikTok deadline and its thread") {
  ScratchDir dir;
  const std::string args = fmt::format("ingest --db {} --dct 2025-07-19 --captured 2025-07-25T12:00 {}",
                                       shell_quote(dir.path("store.db")), shell_quote(kSample));
  const Run first = run(dir, args);
  REQUIRE(first.exit_code == 0);
  const Run again = run(dir, args);
  CHECK(store_line(again.out) == store_line(first.out));
  const std::string db = " --db " + shell_quote(dir.path("store.db"));
  const Run up = run(dir, "upcoming" + db + " --as-of 2025-07-25 --within 90d");
  REQUIRE(up.exit_code == 0);
  INFO(up.out);
  CHECK(up.out.find("2025-09-17   ") != std::string::npos);
  CHECK(up.out.find("TikTok divestment deadline") != std::string::npos);
  CHECK(up.out.find("2025-09-17 EXTENDS 2025-01-19") != std::string::npos);
  const Run tl = run(dir, "timeline" + db + " --topic TikTok");
  REQUIRE(tl.exit_code == 0);
  INFO(tl.out);
  CHECK(tl.out.starts_with("== TikTok divestment ("));
  CHECK(in_order(fact_times(tl.out), {"2020", "2024", "2025-01", "2025-09-17"}));
  CHECK(tl.out.find("was 2025-01-19 (superseded") != std::string::npos);
}

TEST_CASE("cli: a deal's expected closing moved by a later report is one upcoming fact at its new date") {
  // tests/engine_closing/: "the deal is expected to close on November 3", then "now expected to
  // close on December 1". The closing is a fact of its own, not a second agreement.
  ScratchDir dir;
  const std::string db = " --db " + shell_quote(dir.path("store.db"));
  REQUIRE(run(dir, "ingest" + db + " " + shell_quote(DATELINE_SOURCE_DIR "/tests/engine_closing")).exit_code == 0);
  const Run up = run(dir, "upcoming" + db + " --as-of 2025-10-21 --within 60d");
  REQUIRE(up.exit_code == 0);
  INFO(up.out);
  CHECK(up.out.find("1 fact\n") != std::string::npos);
  CHECK(up.out.find("2025-12-01") != std::string::npos);
  CHECK(up.out.find("[scheduled; closing]") != std::string::npos);
  CHECK(up.out.find("was 2025-11-03 (superseded") != std::string::npos);
  CHECK(up.out.find("2025-12-01 EXTENDS 2025-11-03") != std::string::npos);
  const Run tl = run(dir, "timeline" + db + " --format text");
  INFO(tl.out);
  CHECK(tl.out.find("[occurred; agreement]") != std::string::npos);
  CHECK(fact_times(tl.out).size() == 2);
}
