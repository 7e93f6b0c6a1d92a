#pragma once
// Facts as the model has them (dateline/fact.h), read back from the store for queries.

#include "sqlite.h"
#include "store_rows.h"

#include <dateline/fact.h>

#include <cstdint>
#include <string>
#include <vector>

namespace dateline::engine {

// The facts with these row ids, in the same order (ids without a fact or without values are left
// out; `rows_read`, when given, receives the row id of each fact returned), each with its history
// (oldest value first, earlier values superseded), every source of each value, its revision notes
// and contradictions. A handful of statements for the whole set, not a handful per fact:
// `upcoming` lists hundreds of facts whose claims lie all over a large store.
std::vector<Fact> read_facts(sql::Database& db, const std::vector<std::int64_t>& fact_ids,
                             std::vector<std::int64_t>* rows_read = nullptr);

// A fact's row id with the columns of its row (Fact's id, predicate, topic, headline, amount), as a
// query that found it through a covering index read them.
struct FactHead {
  std::int64_t row = 0;
  Fact fact;
  // Its values (by seq) when the query read them with the head (facts.history); empty: read
  // from fact_values.
  std::vector<ValueRow> values;
};
// The same from heads already read: `upcoming` reads them from its index.
std::vector<Fact> read_facts(sql::Database& db, std::vector<FactHead> heads, std::vector<std::int64_t>* rows_read = nullptr);
// The head of a fact from the columns key, predicate, topic, headline, amount_value, amount_unit,
// amount_approximate, amount_text, starting at `first`.
Fact read_fact_head(const sql::Statement& q, int first);

// A set of row ids as one statement parameter: a JSON array that `json_each(?)` reads, so that one
// statement takes any number of ids (`WHERE x IN (SELECT value FROM json_each(?))`).
std::string id_list(const std::vector<std::int64_t>& ids);

}  // namespace dateline::engine
