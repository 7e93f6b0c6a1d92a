#pragma once
// Plain-text reports for a terminal: what `dateline timeline`, `upcoming` and `facts` print with
// --format text. Times are shown as the TIMEX3 value the sources gave ("2025-01" is January
// 2025, never a day), each fact with its sources, revisions and contradictions.

#include <dateline/fact.h>

#include <string>
#include <vector>

namespace dateline {

std::string timelines_text(const std::vector<Timeline>& timelines);
std::string upcoming_text(const std::vector<Fact>& facts, Date as_of, int within_days);
std::string facts_text(const std::vector<Fact>& facts);

}  // namespace dateline
