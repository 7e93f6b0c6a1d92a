// The tagger never throws and never returns a span outside the text, whatever it is given:
// real news with and without a DCT, and random mixtures of time words, digits and punctuation.

#include <dateline/extract.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

using namespace dateline;

namespace {

void check_spans(std::string_view text, const std::vector<Timex>& timexes) {
  std::uint32_t last_end = 0;
  for (const Timex& t : timexes) {
    REQUIRE(t.span.begin < t.span.end);
    REQUIRE(t.span.end <= text.size());
    REQUIRE(t.span.begin >= last_end);  // sorted, not overlapping
    last_end = t.span.end;
  }
}

}  // namespace

TEST_CASE("news text tags without a DCT and with absurd DCTs") {
  const std::filesystem::path docs = DATELINE_SHARED_DIR "/corpora/tempeval3-train/docs";
  REQUIRE(std::filesystem::is_directory(docs));
  const Date dcts[] = {parse_iso_date("1400-01-01"), parse_iso_date("2025-07-19"), parse_iso_date("9999-12-31")};
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(docs)) {
    if (entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string text = buffer.str();
    INFO(entry.path().filename().string());
    std::vector<Timex> found;
    REQUIRE_NOTHROW(found = find_timexes(text, std::nullopt));
    check_spans(text, found);
    for (const Date& dct : dcts) {
      REQUIRE_NOTHROW(found = find_timexes(text, dct));
      check_spans(text, found);
    }
    ++files;
  }
  CHECK(files > 200);
}

TEST_CASE("random mixtures of time words, numbers and punctuation") {
  const std::vector<std::string> pieces = {
      "May",   "March", "the",    "week",  "of",     "and",    "5",      "31",   "2025",     "1999",  "0",
      "99999", "-",     "/",      ".",     ",",      "'",      "s",      "p.m.", "a.m.",     "noon",  "last",
      "next",  "ago",   "Friday", "night", "Q3",     "third",  "quarter", "1990s", "century", "Easter", "Day",
      "New",   "Year",  "\xE2\x80\x99", "fiscal", "every", "half", "an", "hour", "between", "to", "\n", "EST",
      "Sept.", "17",    "9/17",   "T",     "early",  "mid",    "about",  "years", "Thanksgiving", "2:30"};
  std::mt19937 rng(20251129);
  std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
  std::uniform_int_distribution<int> length(1, 40);
  std::uniform_int_distribution<int> glue(0, 3);
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    for (int k = length(rng); k > 0; --k) {
      text += pieces[pick(rng)];
      if (glue(rng) != 0) text += ' ';
    }
    INFO(text);
    std::vector<Timex> found;
    REQUIRE_NOTHROW(found = find_timexes(text, std::nullopt));
    check_spans(text, found);
    REQUIRE_NOTHROW(found = find_timexes(text, parse_iso_date("2024-02-29")));
    check_spans(text, found);
  }
}
