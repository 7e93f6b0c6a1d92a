// Ordering on intervals: what is known about two times, and a total order for output.

#include <dateline/order.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

using namespace dateline;

namespace {
Relation rel(const char* a, const char* b) { return relate(parse_time_value(a), parse_time_value(b)); }
}  // namespace

TEST_CASE("a month includes its days and is neither before nor after them") {
  CHECK(rel("2025-01", "2025-01-19") == Relation::Includes);
  CHECK(rel("2025-01-19", "2025-01") == Relation::IncludedIn);
  CHECK(rel("2025", "2025-Q3") == Relation::Includes);
}

TEST_CASE("before, after, same and overlaps") {
  CHECK(rel("2025-01-19", "2025-09-17") == Relation::Before);
  CHECK(rel("2025-09-17", "2025-01") == Relation::After);
  CHECK(rel("2025-01", "2025-02") == Relation::Before);
  CHECK(rel("2025-W31", "2025-W31") == Relation::Same);
  CHECK(rel("2025-07", "2025-W31") == Relation::Overlaps);  // Jul 28 .. Aug 3 straddles the month end
  CHECK(rel("2025-SU", "2025-Q3") == Relation::Overlaps);
}

TEST_CASE("values without a calendar position relate as unknown") {
  CHECK(rel("PRESENT_REF", "2025-01") == Relation::Unknown);
  CHECK(rel("2025-01", "P2W") == Relation::Unknown);
  CHECK(to_string(Relation::Includes) == "INCLUDES");
}

// DESIGN.md: earliest, then latest, then granularity, then id. Same start: the shorter first.
TEST_CASE("chronological order is total and stable: earliest, then latest") {
  std::vector<std::string> expected = {"2024",       "2025-01-01", "2025-01", "2025-Q1", "2025",
                                       "2025-01-19", "2025-W31",   "2025-08", "PAST_REF", "PRESENT_REF"};
  std::vector<TimeValue> values;
  for (const auto& v : expected) values.push_back(parse_time_value(v));
  std::mt19937 rng(7);
  for (int round = 0; round < 20; ++round) {
    std::shuffle(values.begin(), values.end(), rng);
    std::stable_sort(values.begin(), values.end(), chronological_less);
    std::vector<std::string> got;
    for (const auto& v : values) got.push_back(v.value);
    CHECK(got == expected);
  }
}
