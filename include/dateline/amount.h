#pragma once

#include <dateline/span.h>

#include <string>

namespace dateline {

// A quantity in the text: money ("$4.67bn" is 4670000000 USD), a percentage, a count.
struct Amount {
  Span span;
  double value = 0;
  std::string unit;  // ISO 4217 code, "percent" or "count"
  bool approximate = false;  // "hundreds of missiles", "about 26"
};

}  // namespace dateline
