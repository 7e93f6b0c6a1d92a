#pragma once
// How model values sit in the store's columns, and the rows merging and queries share.

#include "fact_matching.h"
#include "sqlite.h"

#include <dateline/claim.h>
#include <dateline/time_value.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace dateline::engine {

// A TimeValue takes six columns: value, type, granularity, earliest, latest, mod.
constexpr int kTimeColumns = 6;
void bind_time(sql::Statement& s, int first, const std::optional<TimeValue>& time);
std::optional<TimeValue> read_time(const sql::Statement& s, int first);

void bind_date(sql::Statement& s, int index, const std::optional<Date>& day);
std::optional<Date> read_date(const sql::Statement& s, int column);

ClaimStatus read_status(const sql::Statement& s, int column);

// Names joined by tabs, and back.
std::string join_names(const std::vector<std::string>& names);
std::vector<std::string> split_names(std::string_view joined);

// ASCII lower case: entity and topic queries are case-insensitive.
std::string lower(std::string_view text);

// An INSERT of many rows in few statements: a statement costs more than the row it writes (its
// setup, step, halt and reset), and an ingest writes a few dozen index rows per document.
// Instances must be static: their SQL texts key the connection's prepared statements.
// Heads say INSERT OR FAIL or OR IGNORE, not a plain INSERT: a statement of several rows that may
// abort makes SQLite keep a statement journal (a copy of every page it touches, to undo it
// alone); with OR FAIL an error still stops the ingest, and the batch is rolled back whole.
class MultiInsert {
 public:
  static constexpr std::size_t kMaxRows = 16;
  // `head` is "INSERT ... INTO table(columns) VALUES ", `columns` the number of columns, `tail`
  // what follows the rows (an upsert clause).
  MultiInsert(std::string_view head, int columns, std::string_view tail = {});
  // Writes `rows` rows; bind(statement, first parameter, row index) binds one row's columns.
  template <typename Bind>
  void write(sql::Database& db, std::size_t rows, Bind&& bind) const {
    for (std::size_t done = 0; done < rows;) {
      const std::size_t n = std::min(kMaxRows, rows - done);
      auto& s = db.prepared(sql_[n]);
      for (std::size_t r = 0; r < n; ++r) bind(s, static_cast<int>(r) * columns_ + 1, done + r);
      s.run();
      done += n;
    }
  }

 private:
  int columns_;
  std::vector<std::string> sql_;  // by number of rows
};

// fact_sources ids (schema version 4): a fact's sources are the ids fact_id * 2^32 + n, n = 0, 1,
// ..., one range of the table's rowid B-tree, so they are stored together.
struct SourceIds {
  static std::int64_t first(std::int64_t fact_id) { return fact_id << 32; }
  static std::int64_t last(std::int64_t fact_id) { return (fact_id << 32) + 0xFFFFFFFF; }
};
// The next free fact_sources id of a fact (its first when it has no sources yet).
std::int64_t next_source_id(sql::Database& db, std::int64_t fact_id);

// One value a fact has had, as stored.
struct ValueRow {
  std::int64_t seq = 0;
  std::optional<TimeValue> time;
  std::string time_text;
  ClaimStatus status = ClaimStatus::Occurred;
  std::optional<Date> first_reported;
  std::int64_t text_id = 0;
};

std::vector<ValueRow> read_values(sql::Database& db, std::int64_t fact_id);
// A value from the columns seq, value, type, granularity, earliest, latest, mod, time_text, status,
// first_reported, text_id, starting at `first`.
ValueRow read_value(const sql::Statement& s, int first);

// History order: by when first reported (unknown first), a value stated as superseded before
// one that is not, then by time, then by creation. The last is the current value.
void sort_history(std::vector<ValueRow>& values);

// In how many texts each entity is named. An entity named in more than a quarter of them (and
// in at least three) is too frequent to tell stories apart: "US" in a US news store.
//
// The frequent names are few (each is in a quarter of the texts, and a text names a few dozen
// at most) and kept as a set, exactly: read at refresh(), and updated by add_text() from the
// new counts of its names and the grown number of texts. Whether a name is frequent is a
// lookup in that set, and generation() tells when the set last changed: what merging works out
// from it for a candidate fact (its specific entities, its topic's telling names) holds until
// then, not just for one text (a fact was worked out again for every text that compared with
// it, a sixth of an ingest).
class EntityFrequency {
 public:
  explicit EntityFrequency(sql::Database& db) : db_(db) {}
  // Forgets cached figures and reads the number of texts and the frequent names again (another
  // writer may have added some).
  void refresh();
  // Counts a new text (its id) naming each of `names` once, in the store and in the cached figures.
  void add_text(std::int64_t text_id, const std::set<std::string>& names);
  std::int64_t texts() const { return texts_; }
  std::int64_t df(const std::string& name);
  bool frequent(std::string_view name) const { return frequent_.find(name) != frequent_.end(); }
  // Changes whenever the set of frequent names does (never 0).
  std::uint64_t generation() const { return generation_; }
  // ln(1 + texts / df): rarer names weigh more.
  double idf(const std::string& name);
  // The names of a list that are not frequent.
  std::vector<std::string> specific(const std::vector<std::string>& names) const;

 private:
  bool is_frequent(std::int64_t df) const { return df >= 3 && 4 * df > texts_; }
  void set_count(const std::string& name, std::int64_t df);

  sql::Database& db_;
  std::int64_t texts_ = 0;
  // Bounded: cleared when it grows past kCacheNames.
  static constexpr std::size_t kCacheNames = 1 << 16;
  std::unordered_map<std::string, std::int64_t> cache_;
  std::map<std::string, std::int64_t, std::less<>> frequent_;  // name -> df
  std::uint64_t generation_ = 1;
};

// Calls visit(word) for each word of a topic that is a name too rare to be every story's:
// "TikTok" of "TikTok divestment", not "China" of "China sale" where most texts name China. A
// name is a word with a capital letter, a possessive "'s" dropped; words split at spaces and
// hyphens. Stops when visit returns false.
template <typename Visit>
void for_each_rare_name(std::string_view topic, EntityFrequency& frequency, Visit&& visit) {
  std::size_t start = 0;
  while (start < topic.size()) {
    std::size_t end = start;
    while (end < topic.size() && topic[end] != ' ' && topic[end] != '-') ++end;
    std::string_view word = topic.substr(start, end - start);
    start = end + 1;
    if (word.ends_with("'s")) word.remove_suffix(2);
    if (std::none_of(word.begin(), word.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; })) continue;
    if (frequency.frequent(word)) continue;
    if (!visit(word)) return;
  }
}

}  // namespace dateline::engine
