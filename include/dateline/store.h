#pragma once
// The engine's public face: a persistent store (SQLite) that ingests extractions, merges claims
// into facts across sources, tracks revisions and contradictions, threads facts into timelines
// and answers the queries behind `dateline timeline`, `upcoming` and `facts`.

#include <dateline/extraction.h>
#include <dateline/fact.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace dateline {

// A store that cannot be opened, read or written; the message names the file.
class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct StoreCounts {
  std::int64_t documents = 0;  // one per (outlet, text): a syndicated copy counts once more
  std::int64_t texts = 0;      // distinct texts: a syndicated copy is stored once
  std::int64_t claims = 0;
  std::int64_t facts = 0;
  std::int64_t links = 0;
  std::int64_t timelines = 0;
  std::int64_t contradictions = 0;
  friend bool operator==(const StoreCounts&, const StoreCounts&) = default;
};

// What one ingest did.
struct IngestResult {
  bool new_document = false;  // false: already stored, nothing changed
  bool new_text = false;      // false for a syndicated copy of a stored text
  std::size_t claims = 0;     // claims stored
  std::size_t new_facts = 0;
};

struct TimelineQuery {
  std::string topic;   // words (case-insensitive prefixes) of the thread's title or of a topic in it
  std::string entity;  // canonical name (case-insensitive) of an entity the thread is about
  std::optional<Date> from;  // facts whose current time overlaps [from, to]
  std::optional<Date> to;
};

struct UpcomingQuery {
  Date as_of;
  int within_days = 30;
};

struct FactQuery {
  std::string entity;  // case-insensitive canonical name; empty for all
  bool contradictions_only = false;
};

class Store {
 public:
  // Opens or creates the store, migrating its schema; throws StoreError.
  explicit Store(const std::string& path);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // Stores one document and its claims, atomically (a savepoint: the document is stored whole or
  // not at all). The same document again changes nothing; the same text from another outlet is
  // stored once and adds that outlet as a source. Documents become durable in batches: every
  // few hundred documents or a second, at commit(), and when the store is closed.
  IngestResult ingest(const Extraction& extraction);
  void commit();
  // Commits after at most `documents` documents (default 2000; the 2 s bound stays): fewer means
  // less to redo after a crash and a slower ingest. At least 1.
  void set_commit_every(int documents);

  StoreCounts counts() const;
  int schema_version() const;

  // Story threads matching the query, each with its facts in chronological order and the links
  // between them; threads ordered by their first fact.
  std::vector<Timeline> timelines(const TimelineQuery& query) const;
  // Scheduled facts and deadlines whose current time may fall in [as_of, as_of + within_days],
  // soonest first; superseded values are not listed.
  std::vector<Fact> upcoming(const UpcomingQuery& query) const;
  // Facts naming an entity (or all), chronologically; only those with contradictions if asked.
  std::vector<Fact> facts(const FactQuery& query) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// A window length as the CLI takes it: "30d", "6w", "3m" (30-day months), "1y", or a bare number
// of days. Throws ValueError naming the text.
int parse_window_days(std::string_view text);

}  // namespace dateline
