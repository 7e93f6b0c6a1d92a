// The bounds a time expression's mod leaves: "early 2025" lies in the first half of 2025, and
// "earlier this year" ends at the document's date. Ordering and `upcoming` read these bounds, so
// a deal reported "earlier this year" is not listed as ahead.

#include <dateline/extract.h>
#include <dateline/time_value.h>

#include <catch2/catch.hpp>
#include <string>

using namespace dateline;

namespace {

// "<value> <earliest> <latest>" of the one time expression in `text`.
std::string bounds_of(const std::string& text, const char* dct) {
  const auto found = find_timexes(text, parse_iso_date(dct));
  REQUIRE(found.size() == 1);
  const TimeValue& v = found[0].value;
  REQUIRE(v.has_bounds());
  return v.value + " " + iso_string(*v.earliest) + " " + iso_string(*v.latest);
}

}  // namespace

TEST_CASE("earlier and later in the document's own period end or start at its date") {
  CHECK(bounds_of("The deal was in the works earlier this year.", "2025-07-19") == "2025 2025-01-01 2025-07-19");
  CHECK(bounds_of("The plant will reopen later this month.", "2025-07-19") == "2025-07 2025-07-19 2025-07-31");
  // A period that does not hold the document's date keeps the half the mod names.
  CHECK(bounds_of("Sales fell later last year.", "2025-07-19") == "2024 2024-07-02 2024-12-31");
}

TEST_CASE("early, mid and late keep half of the interval") {
  CHECK(bounds_of("The line opens in early 2026.", "2025-07-19") == "2026 2026-01-01 2026-07-02");
  CHECK(bounds_of("Talks resume in mid-September.", "2025-07-19") == "2025-09 2025-09-08 2025-09-23");
  CHECK(bounds_of("The mill closed in the late 1990s.", "2025-07-19") == "199 1995-01-01 1999-12-31");
  // Without a mod the whole interval.
  CHECK(bounds_of("The line opens in 2026.", "2025-07-19") == "2026 2026-01-01 2026-12-31");
}
