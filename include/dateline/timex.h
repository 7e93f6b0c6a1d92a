#pragma once
// Timex: a time expression found in a text, with its normalized value.

#include <dateline/span.h>
#include <dateline/time_value.h>

namespace dateline {

// What the value was computed from.
enum class Anchoring {
  Absolute,  // the text gives it all ("17 September 2025")
  Dct,       // relative to the document creation time ("yesterday", "Friday")
  Previous,  // relative to the previous time expression ("the next day")
  None,      // durations, sets and vague references need no anchor
};

struct Timex {
  Span span;
  TimeValue value;
  Anchoring anchoring = Anchoring::Absolute;
};

std::string_view to_string(Anchoring anchoring);

}  // namespace dateline
