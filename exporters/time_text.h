#pragma once
// A TimeValue in words, at the precision it has: "17 September 2025", "September 2025",
// "Q3 2025", "week of 28 July 2025", "before 17 September 2025". Never more precise than
// the value: a month is never shown as its first day.

#include <dateline/time_value.h>

#include <optional>
#include <string>

namespace dateline::display {

enum class DateStyle {
  Long,   // "17 September 2025", for text and calendar fields
  Short,  // "17 Sep 2025", for a time axis
};

// The value in words, with its modifier ("before", "mid-", "about"). Values with no
// calendar position (durations, PAST_REF) are given as their TIMEX3 string.
std::string time_text(const TimeValue& value, DateStyle style = DateStyle::Long);

// The clock time of a TIME value ("14:30"; "14:00" for an hour), or nothing.
struct ClockTime {
  int hour = 0;
  int minute = 0;
  int second = 0;
};
std::optional<ClockTime> clock_time(const TimeValue& value);

// The part of day of a TIME value ("evening" for 2025-07-18TEV), or empty.
std::string part_of_day(const TimeValue& value);

}  // namespace dateline::display
