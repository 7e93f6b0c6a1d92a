#pragma once
// Ordering on intervals, not points: "January 2025" [2025-01-01, 2025-01-31] is neither
// before nor after 2025-01-19; it includes it.

#include <dateline/time_value.h>

#include <string_view>

namespace dateline {

enum class Relation {
  Before,      // a ends before b starts
  After,       // a starts after b ends
  Same,        // the same interval
  Includes,    // a contains b (and is larger)
  IncludedIn,  // b contains a (and is larger)
  Overlaps,    // they share days, neither contains the other
  Unknown,     // one of them has no calendar position
};

// What is known about the order of two times, from their bounds.
Relation relate(const TimeValue& a, const TimeValue& b);

// A total, stable order for output (DESIGN.md): earliest, then latest (so of two periods that
// start together the shorter comes first), then granularity; values without bounds sort last.
// Ties are left to the caller's id.
bool chronological_less(const TimeValue& a, const TimeValue& b);

std::string_view to_string(Relation relation);

}  // namespace dateline
