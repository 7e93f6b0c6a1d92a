#pragma once
// Calendar arithmetic for normalization, all through Boost.Date_Time, and the TIMEX3 spelling
// of a date at a granularity ("2025-W29", "2025-Q3", "199").

#include "timex/lexicon.h"

#include <dateline/time_value.h>

#include <optional>
#include <string>

namespace dateline::timex {

// `day` moved by `n` units (months and years keep the day where the month allows).
Date shift(Date day, Unit unit, int n);

// The TIMEX3 value of the period of `unit` holding `day`: Day "2025-07-19", Week "2025-W29",
// Weekend "2025-W29-WE", Month "2025-07", Quarter "2025-Q3", Half "2025-H2", Year "2025",
// Decade "202", Century "20". Empty for units with no calendar period (hours ...).
std::string period_value(Date day, Unit unit);

// ISO 8601 week-numbering year and week of a day.
int iso_week_year(Date day);
int iso_week(Date day);

// The weekday (1 Monday .. 7 Sunday) nearest `anchor` in `direction`: -1 the last one on or
// before the anchor, +1 the next on or after, 0 the one in the anchor's week.
Date resolve_weekday(Date anchor, int weekday, int direction);

int iso_weekday(Date day);  // 1 Monday .. 7 Sunday

}  // namespace dateline::timex
