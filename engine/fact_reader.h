#pragma once
// Facts as the model has them (dateline/fact.h), read back from the store for queries.

#include "sqlite.h"

#include <dateline/fact.h>

#include <cstdint>

namespace dateline::engine {

// The fact with its history (oldest value first, earlier values superseded), every source of
// each value, its revision notes and contradictions.
Fact read_fact(sql::Database& db, std::int64_t fact_id);

}  // namespace dateline::engine
