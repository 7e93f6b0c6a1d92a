// Ordering on intervals: what is known about two times, and a total order for output.

#include <dateline/order.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <utility>
#include <vector>

using namespace dateline;

namespace {

Relation rel(const char* a, const char* b) { return relate(parse_time_value(a), parse_time_value(b)); }

Relation inverse(Relation r) {
  switch (r) {
    case Relation::Before:
      return Relation::After;
    case Relation::After:
      return Relation::Before;
    case Relation::Includes:
      return Relation::IncludedIn;
    case Relation::IncludedIn:
      return Relation::Includes;
    default:
      return r;  // Same, Overlaps and Unknown are symmetric
  }
}

std::vector<std::string> values_of(const std::vector<TimeValue>& values) {
  std::vector<std::string> out;
  for (const auto& v : values) out.push_back(v.value);
  return out;
}

}  // namespace

TEST_CASE("a month includes its days and is neither before nor after them") {
  CHECK(rel("2025-01", "2025-01-19") == Relation::Includes);
  CHECK(rel("2025-01-19", "2025-01") == Relation::IncludedIn);
  CHECK(rel("2025", "2025-Q3") == Relation::Includes);
  CHECK(rel("2025-Q1", "2025-02") == Relation::Includes);
  CHECK(rel("2025-W31", "2025-W31-WE") == Relation::Includes);
  // A period includes a sub-period that shares its first or last day.
  CHECK(rel("2025-01", "2025-01-01") == Relation::Includes);
  CHECK(rel("2025-01-31", "2025-01") == Relation::IncludedIn);
}

TEST_CASE("before and after across months, quarters and years") {
  CHECK(rel("2025-01-19", "2025-09-17") == Relation::Before);
  CHECK(rel("2025-09-17", "2025-01") == Relation::After);
  CHECK(rel("2025-01", "2025-02") == Relation::Before);  // adjacent: Jan 31 ends before Feb 1
  CHECK(rel("2025-02", "2025-01-31") == Relation::After);
  CHECK(rel("2024-WI", "2025-SP") == Relation::Before);  // winter ends on Feb 28, spring starts Mar 1
  CHECK(rel("2025-H2", "2025-Q2") == Relation::After);
  CHECK(rel("199", "2025") == Relation::Before);
}

TEST_CASE("same interval, whatever the spelling or granularity") {
  CHECK(rel("2025-W31", "2025-W31") == Relation::Same);
  CHECK(rel("2025-Q3", "2025-Q3") == Relation::Same);
  // The bounds are what ordering knows: an evening, an hour and the day share one day.
  CHECK(rel("2025-07-18", "2025-07-18TEV") == Relation::Same);
  CHECK(rel("2025-07-18T15:30", "2025-07-18") == Relation::Same);
  CHECK(rel("199", "199X") == Relation::Same);
}

TEST_CASE("overlapping intervals: they share days and neither contains the other") {
  CHECK(rel("2025-W05", "2025-02") == Relation::Overlaps);  // Jan 27 .. Feb 2 straddles the month start
  CHECK(rel("2025-02", "2025-W05") == Relation::Overlaps);
  CHECK(rel("2025-07", "2025-W31") == Relation::Overlaps);  // Jul 28 .. Aug 3 straddles the month end
  CHECK(rel("2025-SU", "2025-Q3") == Relation::Overlaps);   // Jun..Aug against Jul..Sep
  CHECK(rel("2024-WI", "2025") == Relation::Overlaps);      // Dec 2024 .. Feb 2025
}

TEST_CASE("values without a calendar position relate as unknown") {
  CHECK(rel("PRESENT_REF", "2025-01") == Relation::Unknown);
  CHECK(rel("2025-01", "PAST_REF") == Relation::Unknown);
  CHECK(rel("2025-01", "P2W") == Relation::Unknown);
  CHECK(rel("XXXX-07", "2025-07") == Relation::Unknown);
  CHECK(rel("PRESENT_REF", "PRESENT_REF") == Relation::Unknown);  // not SAME: neither has a position
  CHECK(relate(parse_time_value("XXXX-WXX-1", TimexType::Set), parse_time_value("2025-07-28")) == Relation::Unknown);
}

TEST_CASE("relations read the same both ways") {
  const char* values[] = {"2025",    "2025-01", "2025-01-19", "2025-02",         "2025-W05", "2025-Q1",
                          "2025-SU", "2025-Q3", "2024-WI",    "2025-07-18",      "199",      "PRESENT_REF",
                          "P2W",     "2025-H1", "2025-W31",   "2025-07-18T15:30"};
  for (const char* a : values) {
    for (const char* b : values) {
      INFO(a << " vs " << b);
      CHECK(rel(b, a) == inverse(rel(a, b)));
    }
  }
}

TEST_CASE("relation names are TimeML's") {
  CHECK(to_string(Relation::Before) == "BEFORE");
  CHECK(to_string(Relation::After) == "AFTER");
  CHECK(to_string(Relation::Same) == "SAME");
  CHECK(to_string(Relation::Includes) == "INCLUDES");
  CHECK(to_string(Relation::IncludedIn) == "IS_INCLUDED");
  CHECK(to_string(Relation::Overlaps) == "OVERLAPS");
  CHECK(to_string(Relation::Unknown) == "UNKNOWN");
}

// DESIGN.md: earliest, then latest, then granularity, then id. Periods that start together: the
// one that ends first comes first. Equal bounds: the coarser granularity first. No bounds: last.
TEST_CASE("chronological order: earliest, then latest, then granularity, unbounded last") {
  const std::vector<std::string> expected = {"199",           "2024",          "2024-WI",          "2025-01-01",
                                             "2025-01",       "2025-Q1",       "2025-H1",          "2025",
                                             "2025-01-19",    "2025-W05",      "2025-02",          "2025-07-18",
                                             "2025-07-18TEV", "2025-07-18T15", "2025-07-18T15:30", "2025-W31",
                                             "2025-08",       "FUTURE_REF",    "PAST_REF",         "PRESENT_REF"};
  std::vector<TimeValue> values;
  for (const auto& v : expected) values.push_back(parse_time_value(v));
  std::mt19937 rng(7);
  for (int round = 0; round < 50; ++round) {
    std::shuffle(values.begin(), values.end(), rng);
    std::sort(values.begin(), values.end(), chronological_less);
    CHECK(values_of(values) == expected);
  }
}

TEST_CASE("chronological_less is a strict weak order, so sorting with it is well defined") {
  std::vector<TimeValue> values;
  for (const char* v : {"2025", "2025-01", "2025-01-01", "2025-01-19", "2025-W05", "2025-02", "2025-Q1", "2025-SU",
                        "2024-WI", "2025-07-18", "2025-07-18TEV", "2025-07-18T15", "199", "199X", "PRESENT_REF",
                        "PAST_REF", "P2W", "PXY", "XXXX-07"}) {
    values.push_back(parse_time_value(v));
  }
  auto less = [](const TimeValue& a, const TimeValue& b) { return chronological_less(a, b); };
  for (const auto& a : values) {
    CHECK_FALSE(less(a, a));  // irreflexive
    for (const auto& b : values) {
      INFO(a.value << " vs " << b.value);
      if (less(a, b)) CHECK_FALSE(less(b, a));  // asymmetric
      for (const auto& c : values) {
        if (less(a, b) && less(b, c)) CHECK(less(a, c));  // transitive
        bool ab = !less(a, b) && !less(b, a);
        bool bc = !less(b, c) && !less(c, b);
        if (ab && bc) CHECK((!less(a, c) && !less(c, a)));  // equivalence is transitive
      }
    }
  }
}

TEST_CASE("equal times keep their input order under a stable sort (the caller's id decides)") {
  // Three claims dated the same day, given in id order; shuffling the rest around them must not
  // reorder them among themselves.
  std::vector<std::pair<std::string, TimeValue>> items = {
      {"c1", parse_time_value("2025-09-17")}, {"c2", parse_time_value("2025-09-17")},
      {"c3", parse_time_value("2025-09-17")}, {"a", parse_time_value("2025-01")},
      {"b", parse_time_value("2025-W31")},    {"z", parse_time_value("PRESENT_REF")}};
  std::mt19937 rng(11);
  for (int round = 0; round < 20; ++round) {
    std::vector<std::pair<std::string, TimeValue>> shuffled = items;
    std::shuffle(shuffled.begin() + 3, shuffled.end(), rng);  // c1..c3 stay in id order
    std::stable_sort(shuffled.begin(), shuffled.end(),
                     [](const auto& x, const auto& y) { return chronological_less(x.second, y.second); });
    std::vector<std::string> ids;
    for (const auto& [id, time] : shuffled) ids.push_back(id);
    CHECK(ids == std::vector<std::string>{"a", "b", "c1", "c2", "c3", "z"});
  }
}
