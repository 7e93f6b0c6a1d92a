#pragma once
// find_amounts for a caller that already has the text's time expressions (extract() does):
// numbers inside them are not counts, and the tagger need not run twice.

#include <dateline/amount.h>
#include <dateline/timex.h>

#include <string_view>
#include <vector>

namespace dateline {

// `timexes` sorted by position, as find_timexes returns them.
std::vector<Amount> find_amounts(std::string_view text, const std::vector<Timex>& timexes);

}  // namespace dateline
