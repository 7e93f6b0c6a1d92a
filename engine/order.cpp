#include <dateline/order.h>

#include <tuple>

namespace dateline {

Relation relate(const TimeValue& a, const TimeValue& b) {
  if (!a.has_bounds() || !b.has_bounds()) return Relation::Unknown;
  const Date a0 = *a.earliest, a1 = *a.latest, b0 = *b.earliest, b1 = *b.latest;
  if (a1 < b0) return Relation::Before;
  if (a0 > b1) return Relation::After;
  if (a0 == b0 && a1 == b1) return Relation::Same;
  if (a0 <= b0 && b1 <= a1) return Relation::Includes;
  if (b0 <= a0 && a1 <= b1) return Relation::IncludedIn;
  return Relation::Overlaps;
}

bool chronological_less(const TimeValue& a, const TimeValue& b) {
  if (a.has_bounds() != b.has_bounds()) return a.has_bounds();
  if (a.has_bounds()) {
    if (*a.earliest != *b.earliest) return *a.earliest < *b.earliest;
    if (*a.latest != *b.latest) return *a.latest < *b.latest;
  }
  return std::tie(a.granularity, a.value) < std::tie(b.granularity, b.value);
}

std::string_view to_string(Relation relation) {
  switch (relation) {
    case Relation::Before: return "BEFORE";
    case Relation::After: return "AFTER";
    case Relation::Same: return "SAME";
    case Relation::Includes: return "INCLUDES";
    case Relation::IncludedIn: return "IS_INCLUDED";
    case Relation::Overlaps: return "OVERLAPS";
    case Relation::Unknown: return "UNKNOWN";
  }
  return "UNKNOWN";
}

}  // namespace dateline
