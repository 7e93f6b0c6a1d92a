#pragma once
// What merging reads of a candidate fact (its subject, amount, current value and every value it
// has had), kept in memory for the facts the last documents touched: a new claim is compared with
// up to 64 candidates, and reading each back through SQL was most of an ingest's time.
//
// The cache holds copies of rows: every write to a fact's row or values forgets that fact, and a
// rolled-back document or another writer clears it all (Store::Impl). Memory is bounded: two
// generations of at most kGeneration facts each; a fact not read during a whole generation is
// dropped with the older one.

#include "fact_matching.h"
#include "sqlite.h"
#include "store_rows.h"

#include <dateline/amount.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace dateline::engine {

struct CandidateFact {
  std::int64_t id = 0;
  std::string predicate;
  PredicateInfo info;
  // families, topic, all_entities and recipients as stored; `entities` (the specific ones) and
  // `topic_names` (the telling ones) depend on the entity frequencies of the moment and are filled
  // in by the reader.
  Subject subject;
  std::string topic_text;  // the topic as the source wrote it
  std::optional<Amount> amount;
  std::string amount_text;
  std::int64_t cur_seq = 0;
  std::vector<ValueRow> values;  // by seq
};

class FactCache {
 public:
  // How many facts a lookup key gives, most recent first (merge.cpp).
  static constexpr int kFactsPerKey = 32;

  explicit FactCache(sql::Database& db) : db_(db) {}
  // The fact as stored, or null when there is no such fact.
  std::shared_ptr<CandidateFact> get(std::int64_t id);
  // The fact's row or values changed.
  void forget(std::int64_t id);
  void clear();

  // The kFactsPerKey most recent facts filed under a lookup key (fact_keys), newest first.
  const std::vector<std::int64_t>& facts_with_key(const std::string& key);
  // Files a fact under a key, in the store and here; fact ids only grow, so it is the newest.
  void add_key(const std::string& key, std::int64_t fact_id);

 private:
  static constexpr std::size_t kGeneration = 16384;
  // Keys are small and a story's keys are looked up again whenever it is in the news.
  static constexpr std::size_t kKeyGeneration = 65536;
  std::shared_ptr<CandidateFact> load(std::int64_t id);

  sql::Database& db_;
  std::unordered_map<std::int64_t, std::shared_ptr<CandidateFact>> young_, old_;
  std::unordered_map<std::string, std::vector<std::int64_t>> young_keys_, old_keys_;
};

}  // namespace dateline::engine
