#include <dateline/error.h>
#include <dateline/time_value.h>

#include <catch2/catch.hpp>

using namespace dateline;

TEST_CASE("week bounds follow ISO 8601") {
  TimeValue v = parse_time_value("2025-W31");
  CHECK(v.granularity == Granularity::Week);
  CHECK(iso_string(*v.earliest) == "2025-07-28");
  CHECK(iso_string(*v.latest) == "2025-08-03");
}
