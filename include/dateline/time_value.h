#pragma once
// TimeValue: a normalized time, TIMEX3-compatible, with the granularity the text gave
// and the inclusive calendar bounds that ordering uses. "January 2025" is a month
// [2025-01-01, 2025-01-31], never the point 2025-01-01.

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace dateline {

using Date = boost::gregorian::date;

enum class TimexType { Date, Time, Duration, Set };

// Ordered from coarsest to finest; None for values with no calendar position
// (durations, sets, PAST_REF ...).
enum class Granularity {
  None,
  Millennium,
  Century,
  Decade,
  Year,
  Half,
  Season,
  Quarter,
  Month,
  Week,
  Weekend,
  Day,
  PartOfDay,
  Hour,
  Minute,
  Second,
};

// TIMEX3 mod attribute.
enum class Mod {
  None,
  Before,
  After,
  OnOrBefore,
  OnOrAfter,
  LessThan,
  MoreThan,
  EqualOrLess,
  EqualOrMore,
  Start,
  Mid,
  End,
  Approx,
};

struct TimeValue {
  TimexType type = TimexType::Date;
  std::string value;  // the TIMEX3 value string, canonical form
  Granularity granularity = Granularity::None;
  std::optional<Date> earliest;  // inclusive; absent when the value has no calendar position
  std::optional<Date> latest;    // inclusive
  Mod mod = Mod::None;

  bool has_bounds() const { return earliest.has_value() && latest.has_value(); }
  // An ISO 8601 interval of two calendar values, "2025-04/2025-05" ("April and May 2025").
  bool is_range() const { return value.find('/') != std::string::npos; }
  friend bool operator==(const TimeValue&, const TimeValue&) = default;
};

// Parses a TIMEX3 value ("2025-09-17", "2025-W31", "199", "P1Y6M", "2025-07-18TEV",
// "PAST_REF", "XXXX-WXX-1", the range "2025-04/2025-05" ...), validates it and computes granularity and bounds.
// The type is deduced (P... is a DURATION, a clock time is a TIME, else DATE) unless given.
// Throws ValueError naming the value and the position of the first bad character.
TimeValue parse_time_value(std::string_view value);
TimeValue parse_time_value(std::string_view value, TimexType type);

// The range from `first` to `last` ("2025-04/2025-05"); throws ValueError unless both are calendar
// positions and `last` does not end before `first` starts.
TimeValue range_value(const TimeValue& first, const TimeValue& last);

// Narrows the bounds of a value with a START, MID or END mod to the half of its interval the mod
// names: "early 2025" (2025, START) to January 1 - July 2, "mid-September" to its middle half.
// Halves, not thirds: no more precision than any reader of "early" would grant. Other values are
// left as they are.
void narrow_to_mod(TimeValue& v);

// A day-granular DATE for a calendar date (e.g. a document's publication date).
TimeValue day_value(Date day);

// Parses a user-supplied calendar date "YYYY-MM-DD" (as for --dct); throws ValueError.
Date parse_iso_date(std::string_view text);

std::string_view to_string(TimexType type);
std::string_view to_string(Granularity granularity);
std::string_view to_string(Mod mod);  // "" for Mod::None
std::optional<TimexType> timex_type_from_string(std::string_view text);
std::optional<Mod> mod_from_string(std::string_view text);
std::string iso_string(Date day);  // YYYY-MM-DD

}  // namespace dateline
