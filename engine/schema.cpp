#include "schema.h"

#include "fact_cache.h"
#include "store_rows.h"
#include "value_history.h"

#include <dateline/store.h>

#include <fmt/format.h>

#include <array>
#include <chrono>
#include <string_view>
#include <thread>
#include <vector>

namespace dateline::store_schema {
namespace {

// Dates are stored as ISO text ("2025-09-17"), which sorts as the dates do; intervals as their
// inclusive bounds. Every table the queries read has the index the query needs (bench/ checks
// the latency on a store of a million claims), and no other: each index is a B-tree insert per
// row at ingest, so ids that nothing looks up (claim and fact keys) are not indexed.
constexpr std::string_view kVersion1 = R"sql(
CREATE TABLE texts(
  id INTEGER PRIMARY KEY,
  hash TEXT NOT NULL UNIQUE,          -- of the text alone: syndicated copies share it
  text TEXT NOT NULL
);
CREATE TABLE documents(
  id TEXT PRIMARY KEY,                -- Document::id, a hash of source + text
  text_id INTEGER NOT NULL REFERENCES texts(id),
  source TEXT NOT NULL,
  url TEXT NOT NULL,
  title TEXT NOT NULL,
  file TEXT NOT NULL,
  published TEXT,                     -- TIMEX3 value, NULL when unknown
  published_day TEXT,                 -- its earliest day, for ordering reports
  published_source TEXT NOT NULL,
  ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX documents_by_text ON documents(text_id);
CREATE TABLE claims(
  id INTEGER PRIMARY KEY,
  claim_key TEXT NOT NULL,            -- document id / extractor's claim id (unique: documents are)
  text_id INTEGER NOT NULL REFERENCES texts(id),
  doc TEXT NOT NULL REFERENCES documents(id),  -- the first document with this text
  predicate TEXT NOT NULL,
  also TEXT NOT NULL,                 -- further predicates, comma-separated
  topic TEXT NOT NULL,
  status TEXT NOT NULL,
  time_value TEXT, time_type TEXT, time_granularity TEXT, time_earliest TEXT, time_latest TEXT,
  time_mod TEXT, time_text TEXT, time_begin INTEGER, time_end INTEGER, time_source TEXT,
  amount_value REAL, amount_unit TEXT, amount_approximate INTEGER, amount_text TEXT,
  amount_begin INTEGER, amount_end INTEGER,
  attribution TEXT,
  confidence REAL NOT NULL,
  span_begin INTEGER NOT NULL, span_end INTEGER NOT NULL,
  quote TEXT NOT NULL,
  entities TEXT NOT NULL,             -- JSON: [{"name","kind","role"}] (json_each() reads it)
  fact_id INTEGER,                    -- the fact it supports; NULL for a revision note
  value_seq INTEGER                   -- which of the fact's values
);
CREATE INDEX claims_by_fact ON claims(fact_id, value_seq);
CREATE INDEX claims_by_text ON claims(text_id);
CREATE TABLE timelines(
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,           -- stable id
  title TEXT NOT NULL,
  fact_count INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE facts(
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL,                   -- stable id: a hash of the first claim's key
  predicate TEXT NOT NULL,
  family TEXT NOT NULL,
  families TEXT NOT NULL,             -- the family and those of the founding claim's `also`, tab-separated
  topic TEXT NOT NULL,
  topic_norm TEXT NOT NULL,
  headline TEXT NOT NULL,
  entities TEXT NOT NULL,             -- canonical names, tab-separated, for matching
  recipients TEXT NOT NULL DEFAULT '', -- names in the recipient role, tab-separated
  amount_value REAL, amount_unit TEXT, amount_approximate INTEGER, amount_text TEXT,
  timeline_id INTEGER REFERENCES timelines(id),
  upcoming INTEGER NOT NULL DEFAULT 0, -- a scheduled fact or deadline (current value)
  cur_seq INTEGER,                    -- the current value (fact_values.seq)
  cur_status TEXT,
  cur_earliest TEXT, cur_latest TEXT, cur_granularity TEXT
);
CREATE INDEX facts_upcoming ON facts(upcoming, cur_latest);
CREATE INDEX facts_by_timeline ON facts(timeline_id, cur_earliest);
CREATE TABLE fact_values(
  fact_id INTEGER NOT NULL REFERENCES facts(id),
  seq INTEGER NOT NULL,               -- in order of creation; history order is by first_reported
  value TEXT, type TEXT, granularity TEXT, earliest TEXT, latest TEXT, mod TEXT,
  time_text TEXT NOT NULL,
  status TEXT NOT NULL,               -- as the sources stated it
  first_reported TEXT,                -- earliest publication day of a source
  text_id INTEGER NOT NULL,           -- the text that first reported it
  PRIMARY KEY(fact_id, seq)
) WITHOUT ROWID;
CREATE TABLE fact_keys(               -- candidate lookup for merging: predicate family + topic or entity
  key TEXT NOT NULL,
  fact_id INTEGER NOT NULL,
  PRIMARY KEY(key, fact_id)
) WITHOUT ROWID;
CREATE TABLE fact_entities(
  name_lc TEXT NOT NULL,              -- lower case, for case-insensitive queries
  fact_id INTEGER NOT NULL,
  PRIMARY KEY(name_lc, fact_id)
) WITHOUT ROWID;
CREATE TABLE revision_notes(
  fact_id INTEGER NOT NULL REFERENCES facts(id),
  claim_id INTEGER NOT NULL REFERENCES claims(id),
  note TEXT NOT NULL
);
CREATE INDEX revision_notes_by_fact ON revision_notes(fact_id);
CREATE TABLE contradictions(
  fact_id INTEGER NOT NULL REFERENCES facts(id),
  about TEXT NOT NULL,                -- time, amount
  first_claim INTEGER NOT NULL REFERENCES claims(id),
  second_claim INTEGER NOT NULL REFERENCES claims(id),
  first_value TEXT NOT NULL,
  second_value TEXT NOT NULL
);
CREATE INDEX contradictions_by_fact ON contradictions(fact_id);
CREATE TABLE links(
  from_fact INTEGER NOT NULL REFERENCES facts(id),
  to_fact INTEGER NOT NULL REFERENCES facts(id),
  kind TEXT NOT NULL,                 -- EXTENDS, SUPERSEDES (stored); order links are computed per timeline
  from_value INTEGER, to_value INTEGER -- fact_values.seq for a revision inside one fact
);
CREATE INDEX links_by_from ON links(from_fact);
CREATE INDEX links_by_to ON links(to_fact);
CREATE TABLE timeline_entities(
  name_lc TEXT NOT NULL,
  timeline_id INTEGER NOT NULL,
  name TEXT NOT NULL,
  facts INTEGER NOT NULL,             -- how many of the thread's facts name it
  PRIMARY KEY(name_lc, timeline_id)
) WITHOUT ROWID;
CREATE INDEX timeline_entities_by_timeline ON timeline_entities(timeline_id, facts);
CREATE TABLE timeline_topics(
  topic_norm TEXT PRIMARY KEY,
  timeline_id INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE timeline_words(         -- words of each thread's title and topics, for --topic
  word TEXT NOT NULL,
  timeline_id INTEGER NOT NULL,
  PRIMARY KEY(word, timeline_id)
) WITHOUT ROWID;
CREATE TABLE entity_df(               -- in how many texts an entity is named: frequent ones link nothing
  name TEXT PRIMARY KEY,
  df INTEGER NOT NULL
) WITHOUT ROWID;
)sql";

// Version 2: `upcoming` reads an index over the facts flagged upcoming only (version 1 indexed every
// fact by (upcoming, cur_latest) and the query scanned every later fact, then read its row to test
// cur_earliest: 100 ms on a million claims). The longest interval among them bounds the scan from
// above: a fact reaching into [as_of, end] has cur_latest <= end + that length.
constexpr std::string_view kVersion2 = R"sql(
DROP INDEX facts_upcoming;
CREATE INDEX facts_ahead ON facts(cur_latest, cur_earliest) WHERE upcoming = 1;
CREATE INDEX facts_ahead_span ON facts(julianday(cur_latest) - julianday(cur_earliest)) WHERE upcoming = 1;
)sql";

// Version 3: merging's lookup keys as 64-bit hashes (fact_cache.h: KeyHash) in an integer index:
// the text keys ("e\x1fdeadline\x1fbytedance") made fact_keys the largest index of the store and
// the one most written at ingest (four rows a new fact, each a search by string compares).
// The old keys are hashed in migrate_keys_to_hashes().
constexpr std::string_view kVersion3 = R"sql(
CREATE TABLE fact_lookup(             -- candidate lookup for merging: hash of (family, topic word or entity)
  key_hash INTEGER NOT NULL,
  fact_id INTEGER NOT NULL,
  PRIMARY KEY(key_hash, fact_id)
) WITHOUT ROWID;
)sql";

// Version 4: the sources of each fact stored together, with what a listing shows of them. A
// fact's sources are claims of several articles stored far apart, each read through
// claims_by_fact, the claim's row and its document's row (three pages of their own per source):
// `upcoming --within 30d` on a million claims read 3,360 of each for 669 facts, 50 ms in process
// and 100 ms as a CLI process. Here a row is a claim of a fact with one document carrying its
// text (a syndicated copy adds a row per claim), and a fact's rows are one range of ids
// (fact_id * 2^32 + n, store_rows.h: source_ids), so they sit together in the rowid B-tree,
// usually on one page. A table clustered by (fact_id, claim_id) WITHOUT ROWID kept them together
// too, but with rows this wide (a quote, entities, a title) its interior pages held few keys and
// each lookup descended six levels: twice the time. claims_by_fact goes: a fact's claims are
// found here. facts_ahead, the index `upcoming` selects facts through, covers the columns of the
// facts' rows a listing shows (each row was another page to read); it holds the upcoming facts
// only, a few percent of all.
constexpr std::string_view kVersion4 = R"sql(
CREATE TABLE fact_sources(            -- each claim of a fact with each document carrying its text
  id INTEGER PRIMARY KEY,             -- fact_id * 2^32 + n: a fact's sources are one range
  fact_id INTEGER NOT NULL,
  claim_id INTEGER NOT NULL,          -- claims.id
  document_row INTEGER NOT NULL,      -- documents.rowid: with published_day, the order of sources
  value_seq INTEGER,                  -- the fact's value it supports; NULL when it disputes them
  claim_key TEXT NOT NULL,
  doc TEXT NOT NULL, source TEXT NOT NULL, url TEXT NOT NULL, title TEXT NOT NULL,  -- the document's
  published TEXT, published_day TEXT,
  span_begin INTEGER NOT NULL, span_end INTEGER NOT NULL, quote TEXT NOT NULL, attribution TEXT,
  entities TEXT NOT NULL              -- the claim's, JSON
);
DROP INDEX facts_ahead;
CREATE INDEX facts_ahead ON facts(cur_latest, cur_earliest, key, predicate, topic, headline, amount_value, amount_unit,
                                  amount_approximate, amount_text) WHERE upcoming = 1;
)sql";

// Version 5: the values of each upcoming fact in its row (facts.history, value_history.h), and
// facts_ahead covers them too: `upcoming` read each listed fact's values from fact_values, a page
// of their own per fact (669 pages for a 30-day window on a million claims). The index is made
// again once the column is filled (migrate_histories).
//
// It also indexes the threads naming an entity by how many of their facts name it: the ingest
// asks for the 16 threads naming each of an article's telling entities most (threads.cpp:
// choose_threads), and through the primary key SQLite read every thread naming the entity and
// sorted them in a temporary B-tree (a country named by a hundred threads of a generated corpus:
// a fifth of the ingest's instructions).
constexpr std::string_view kVersion5 = R"sql(
ALTER TABLE facts ADD COLUMN history TEXT;  -- the values as JSON, for upcoming facts only
DROP INDEX facts_ahead;
CREATE INDEX timeline_entities_by_name ON timeline_entities(name_lc, facts, timeline_id);
)sql";

constexpr std::string_view kFactsAheadIndex5 =
    "CREATE INDEX facts_ahead ON facts(cur_latest, cur_earliest, key, predicate, topic, headline, amount_value, "
    "amount_unit, amount_approximate, amount_text, history) WHERE upcoming = 1";

// Fills the history of each upcoming fact (a few percent of all) from its values, then indexes them.
void migrate_histories(sql::Database& db) {
  std::vector<std::int64_t> ids;
  auto& upcoming = db.prepared("SELECT id FROM facts WHERE upcoming = 1");
  while (upcoming.step()) ids.push_back(upcoming.int64(0));
  upcoming.reset();
  auto& write = db.prepared("UPDATE facts SET history = ? WHERE id = ?");
  for (const std::int64_t id : ids) write.bind(1, engine::history_json(engine::read_values(db, id))).bind(2, id).run();
  db.exec(kFactsAheadIndex5);
}

// Fills fact_sources from the claims and documents, a fact at a time through claims_by_fact (no
// sort of a million wide rows in memory), then drops that index.
void migrate_sources(sql::Database& db) {
  auto& read = db.prepared(
      "SELECT c.fact_id, c.id, d.rowid, c.value_seq, c.claim_key, d.id, d.source, d.url, d.title, d.published, "
      "d.published_day, c.span_begin, c.span_end, c.quote, c.attribution, c.entities "
      "FROM claims c INDEXED BY claims_by_fact JOIN documents d ON d.text_id = c.text_id "
      "WHERE c.fact_id IS NOT NULL ORDER BY c.fact_id");
  auto& write = db.prepared(
      "INSERT INTO fact_sources(id, fact_id, claim_id, document_row, value_seq, claim_key, doc, source, url, title, "
      "published, published_day, span_begin, span_end, quote, attribution, entities) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  std::int64_t fact = 0, next = 0;
  while (read.step()) {
    if (read.int64(0) != fact) {
      fact = read.int64(0);
      next = engine::SourceIds::first(fact);
    }
    write.bind(1, next++);
    for (int column = 0; column < 16; ++column) {
      if (read.is_null(column)) {
        write.bind_null(column + 2);
      } else if (column == 0 || column == 1 || column == 2 || column == 3 || column == 11 || column == 12) {
        write.bind(column + 2, read.int64(column));
      } else {
        write.bind_static(column + 2, read.text(column));
      }
    }
    write.run();
  }
  read.reset();
  db.exec("DROP INDEX claims_by_fact");
}

void migrate_keys_to_hashes(sql::Database& db) {
  auto& read = db.prepared("SELECT key, fact_id FROM fact_keys");
  auto& write = db.prepared("INSERT OR IGNORE INTO fact_lookup(key_hash, fact_id) VALUES (?, ?)");
  while (read.step()) write.bind(1, engine::KeyHash().add(read.text(0)).value()).bind(2, read.int64(1)).run();
  read.reset();
  db.exec("DROP TABLE fact_keys");
}

struct Migration {
  std::string_view sql;
  void (*then)(sql::Database&) = nullptr;  // what SQL alone cannot do
};

constexpr std::array<Migration, 5> kMigrations = {Migration{kVersion1}, Migration{kVersion2},
                                                 Migration{kVersion3, migrate_keys_to_hashes},
                                                 Migration{kVersion4, migrate_sources},
                                                 Migration{kVersion5, migrate_histories}};

int read_version(sql::Database& db) {
  auto& has = db.prepared("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'");
  has.step();
  const bool exists = has.int64(0) > 0;
  has.reset();
  if (!exists) return 0;
  auto& q = db.prepared("SELECT max(version) FROM schema_version");
  int version = 0;
  if (q.step() && !q.is_null(0)) version = static_cast<int>(q.int64(0));
  q.reset();
  return version;
}

// Takes the write lock to migrate from version `from` (true), or finds that another process
// has migrated the store meanwhile (false). Another process is typically an ingest creating the
// store as a query opens it: the ingest then holds the write lock batch after batch, so a busy
// wait for the lock could last the whole ingest (or time out as "database is locked"). Instead
// the lock is tried without waiting and, while it is taken, the version is read again (WAL
// readers are never blocked), for up to the connection's 5 s.
bool lock_for_migration(sql::Database& db, int from) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  for (;;) {
    sqlite3_busy_timeout(db.handle(), 0);
    const int rc = sqlite3_exec(db.handle(), "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
    sqlite3_busy_timeout(db.handle(), 5000);
    if (rc == SQLITE_OK) {
      if (read_version(db) == from) return true;
      db.exec("ROLLBACK");
      return false;
    }
    if ((rc & 0xFF) != SQLITE_BUSY || std::chrono::steady_clock::now() > deadline) {
      db.fail("cannot lock the store to create or migrate its schema");
    }
    if (read_version(db) > from) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

// The migration's transaction, begun by lock_for_migration: rolled back unless committed.
class MigrationTransaction {
 public:
  explicit MigrationTransaction(sql::Database& db) : db_(db) {}
  ~MigrationTransaction() {
    if (open_) sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
  }
  MigrationTransaction(const MigrationTransaction&) = delete;
  MigrationTransaction& operator=(const MigrationTransaction&) = delete;
  void commit() {
    db_.exec("COMMIT");
    open_ = false;
  }

 private:
  sql::Database& db_;
  bool open_ = true;
};

}  // namespace

int current_version() { return static_cast<int>(kMigrations.size()); }

int open_and_migrate(sql::Database& db) {
  // Not a database at all (a text file given as --db) fails here with SQLite's "file is not a
  // database", which the caller reports with the path.
  db.exec("PRAGMA journal_mode = WAL");
  db.exec("PRAGMA synchronous = NORMAL");
  db.exec("PRAGMA temp_store = MEMORY");
  // A small page cache for queries: one reads each page of a listing once (a 30-day `upcoming`
  // on a million claims reads about 2,000), and with room for all of them every page was a new
  // allocation, new memory to fault in and a free at close (a fifth of such a CLI's time). With
  // 2 MB the pages of the B-trees' upper levels, read again and again, stay; the leaves come and
  // go in recycled buffers. An ingest raises it (Store::Impl::begin_batch).
  db.exec("PRAGMA cache_size = -2048");
  // Checkpoint the WAL every 32 MB rather than every 4 MB: fewer passes over the same pages
  // during a long ingest.
  db.exec("PRAGMA wal_autocheckpoint = 8192");
  const int found = read_version(db);
  if (found > current_version()) {
    throw StoreError(fmt::format("{}: store schema version {} is newer than this dateline ({}); use a newer dateline",
                                 db.path(), found, current_version()));
  }
  for (int v = found; v < current_version(); ++v) {
    if (!lock_for_migration(db, v)) continue;
    MigrationTransaction tx(db);
    if (v == 0) db.exec("CREATE TABLE IF NOT EXISTS schema_version(version INTEGER NOT NULL, applied_at TEXT NOT NULL)");
    const Migration& m = kMigrations[static_cast<std::size_t>(v)];
    db.exec(m.sql);
    if (m.then) m.then(db);
    db.prepared("INSERT INTO schema_version(version, applied_at) VALUES (?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))")
        .bind(1, v + 1)
        .run();
    tx.commit();
  }
  return found;
}

}  // namespace dateline::store_schema
