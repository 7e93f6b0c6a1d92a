#pragma once
// Age labels on aggregator pages ("20 hours ago", "a day ago", "yesterday") and their
// resolution against the time the page was captured. The words are data (age_units.tsv).

#include <boost/date_time/posix_time/ptime.hpp>
#include <cstdint>
#include <optional>
#include <string_view>

namespace dateline::reader {

enum class AgeUnit { Second, Minute, Hour, Day, Week, Month, Year };

struct RelativeAge {
  std::uint32_t count = 0;
  AgeUnit unit = AgeUnit::Day;

  friend bool operator==(const RelativeAge&, const RelativeAge&) = default;
};

// The age a whole (trimmed) line states, or nullopt when the line is not an age label.
std::optional<RelativeAge> parse_relative_age(std::string_view line);

// The moment `age` before `captured`, or nullopt when that falls outside the calendar's range.
// Months and years follow Boost.Date_Time's month arithmetic (the 31st minus a month snaps to
// the end of the shorter month).
std::optional<boost::posix_time::ptime> resolve_relative_age(const RelativeAge& age, boost::posix_time::ptime captured);

}  // namespace dateline::reader
