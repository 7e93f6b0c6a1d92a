#pragma once
// What merging reads of a candidate fact (its subject, amount, current value and every value it
// has had), kept in memory for the facts the last documents touched: a new claim is compared with
// up to 64 candidates, and reading each back through SQL was most of an ingest's time.
//
// The cache holds copies of rows, written through: merging updates a cached fact as it writes its
// row or values (a new fact is cached as it is created), so the next claim about it reads nothing
// back; a rarely taken write path may forget the fact instead. A rolled-back document or another
// writer clears it all (Store::Impl). Memory is bounded: two generations of at most kGeneration
// facts each; a fact not read during a whole generation is dropped with the older one.
//
// Lookup keys ("the deadline facts naming ByteDance") are stored as 64-bit hashes (fact_lookup):
// an integer index is a third the size of the text one and cheaper to search; two keys sharing
// a hash would only add candidates, which merging checks like any other.

#include "fact_matching.h"
#include "sqlite.h"
#include "store_rows.h"

#include <dateline/amount.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
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
  // The generation of the frequent names (EntityFrequency::generation) when `entities` and
  // `topic_names` were worked out: they hold until the set of frequent names changes, so the
  // claims of many texts (each comparing dozens of candidates) work them out once. 0: not yet, or
  // the fact's names changed.
  std::uint64_t derived_for = 0;
};

// FNV-1a over the bytes of a lookup key, built from its parts without an intermediate string.
// The value is stored: it must not change (schema migration 3 hashes the old text keys with it).
class KeyHash {
 public:
  KeyHash& add(std::string_view part) {
    for (char ch : part) mix(static_cast<unsigned char>(ch));
    return *this;
  }
  // ASCII lower case, as lower() in store_rows.h.
  KeyHash& add_lower(std::string_view part) {
    for (char ch : part) mix(static_cast<unsigned char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch));
    return *this;
  }
  std::int64_t value() const { return static_cast<std::int64_t>(h_); }

 private:
  void mix(unsigned char byte) {
    h_ ^= byte;
    h_ *= 0x100000001b3ULL;
  }
  std::uint64_t h_ = 0xcbf29ce484222325ULL;
};

class FactCache {
 public:
  // How many facts a lookup key gives, most recent first (merge.cpp).
  static constexpr int kFactsPerKey = 32;

  explicit FactCache(sql::Database& db) : db_(db) {}
  // The fact as stored, or null when there is no such fact.
  std::shared_ptr<CandidateFact> get(std::int64_t id);
  // A fact just written to the store, as it was written.
  void put(std::shared_ptr<CandidateFact> fact);
  // The cached copy to update along with the store's rows, or null when the fact is not cached
  // (the next get() reads what was written).
  CandidateFact* cached(std::int64_t id);
  // The fact's row or values changed and the copy was not updated.
  void forget(std::int64_t id);
  void clear();

  // The kFactsPerKey most recent facts filed under a lookup key (fact_lookup), newest first.
  const std::vector<std::int64_t>& facts_with_key(std::int64_t key);
  // Files a fact under a key: here at once, in the store at the next write_keys().
  void add_key(std::int64_t key, std::int64_t fact_id);
  // Writes the keys filed since the last call (at the end of each document), a few statements
  // for all of them.
  void write_keys();

 private:
  static constexpr std::size_t kGeneration = 16384;
  // Keys are small and a story's keys are looked up again whenever it is in the news.
  static constexpr std::size_t kKeyGeneration = 65536;
  std::shared_ptr<CandidateFact> load(std::int64_t id);

  sql::Database& db_;
  std::unordered_map<std::int64_t, std::shared_ptr<CandidateFact>> young_, old_;
  std::unordered_map<std::int64_t, std::vector<std::int64_t>> young_keys_, old_keys_;
  std::vector<std::pair<std::int64_t, std::int64_t>> unwritten_keys_;  // (key, fact) not yet in the store
  // The same by key, for lookups: a document of thousands of new facts must not scan them all
  // for each key it looks up.
  std::unordered_map<std::int64_t, std::vector<std::int64_t>> unwritten_by_key_;
};

}  // namespace dateline::engine
