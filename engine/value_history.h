#pragma once
// A fact's values as one column of its row (facts.history, schema version 5), kept for the facts
// flagged upcoming only. `upcoming` finds them through the index facts_ahead, which covers this
// column: a listed fact's values are read with its index entry, not from fact_values, where each
// listed fact's values were a page of their own (a 30-day window on a million claims: 669
// facts, 669 pages). fact_values stays the store of record; this is a copy that the merger
// rewrites whenever it recomputes the fact's current value (merge.cpp: refresh_fact), which
// it does after every change to the values.

#include "store_rows.h"

#include <string>
#include <string_view>
#include <vector>

namespace dateline::engine {

// The values (in seq order) as a JSON array, one array a value: seq, value, type, granularity,
// earliest, latest, mod, time_text, status, first_reported, text_id (the columns of
// fact_values, null where they are).
std::string history_json(const std::vector<ValueRow>& values);

// The values back, as read_values() reads them from fact_values; false when the text is not a
// history this version wrote (the caller reads fact_values instead).
bool read_history(std::string_view json, std::vector<ValueRow>& values);

}  // namespace dateline::engine
