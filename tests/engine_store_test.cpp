// The store: idempotent ingest, syndicated copies stored once and counted per outlet, the schema
// version, and clear errors for files that are not stores.

#include "engine_fixtures.h"

#include <dateline/export.h>

#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <algorithm>
#include <cctype>
#include <fstream>

using namespace engine_test;

namespace {

Article summit_article(const char* outlet, const char* url) {
  Article a(outlet, "2025-03-02", url);
  a.sentence("Leaders of Norland and Estmark will meet in Halvik on March 14 to settle the fishing dispute.")
      .claim("summit", "Norland-Estmark fishing dispute", ClaimStatus::Scheduled)
      .time("March 14", "2025-03-14")
      .entity("Norland", EntityKind::Gpe, "agent")
      .entity("Estmark", EntityKind::Gpe, "agent")
      .sentence("The two countries signed a fishing treaty in 1998.")
      .claim("signing", "Norland-Estmark fishing treaty")
      .time("1998", "1998")
      .entity("Norland", EntityKind::Gpe)
      .entity("Estmark", EntityKind::Gpe);
  return a;
}

// Another outlet's own words about the same summit: one more source of its fact.
Article summit_in_other_words(const char* outlet, const char* date, const char* url) {
  Article a(outlet, date, url);
  a.sentence("Norland and Estmark will hold their summit in Halvik on March 14, officials said.")
      .claim("summit", "Norland-Estmark fishing dispute", ClaimStatus::Scheduled)
      .time("March 14", "2025-03-14")
      .entity("Norland", EntityKind::Gpe, "agent")
      .entity("Estmark", EntityKind::Gpe, "agent");
  return a;
}

}  // namespace

TEST_CASE("ingesting the same article twice changes nothing") {
  TempStore store;
  const Extraction x = summit_article("Nordic Times", "https://nordic.example/summit").build();
  const IngestResult first = store->ingest(x);
  CHECK(first.new_document);
  CHECK(first.claims == 2);
  const StoreCounts before = store->counts();
  CHECK(before.documents == 1);
  CHECK(before.claims == 2);
  CHECK(before.facts == 2);
  CHECK(before.timelines >= 1);
  const IngestResult again = store->ingest(x);
  CHECK_FALSE(again.new_document);
  CHECK(store->counts() == before);
  // And across processes: the store persists.
  store.reopen();
  store->ingest(x);
  CHECK(store->counts() == before);
}

TEST_CASE("the same text from two outlets is stored once and counted as two sources") {
  TempStore store;
  store->ingest(summit_article("Nordic Times", "https://nordic.example/summit").build());
  const IngestResult copy = store->ingest(summit_article("Baltic Wire", "https://baltic.example/a1").build());
  CHECK(copy.new_document);
  CHECK_FALSE(copy.new_text);
  const StoreCounts c = store->counts();
  CHECK(c.documents == 2);
  CHECK(c.texts == 1);
  CHECK(c.claims == 2);
  CHECK(c.facts == 2);
  const auto ahead = store->upcoming({parse_iso_date("2025-03-02"), 30});
  REQUIRE(ahead.size() == 1);
  CHECK(outlets_of(ahead[0].current()) == std::vector<std::string>{"Nordic Times", "Baltic Wire"});
  // The same outlet under another URL is the same document: nothing changes.
  store->ingest(summit_article("Baltic Wire", "https://baltic.example/amp/a1").build());
  CHECK(store->counts() == c);
}

TEST_CASE("a fresh store has the current schema version and its tables can be queried") {
  TempStore store;
  CHECK(store->schema_version() == 5);
  store->ingest(summit_article("Nordic Times", "").build());
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(store.path().c_str(), &db) == SQLITE_OK);
  for (const char* table : {"documents", "claims", "facts", "fact_values", "links", "timelines"}) {
    sqlite3_stmt* s = nullptr;
    const std::string sql = fmt::format("SELECT count(*) FROM {}", table);
    REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr) == SQLITE_OK);
    CHECK(sqlite3_step(s) == SQLITE_ROW);
    sqlite3_finalize(s);
  }
  char* error = nullptr;
  sqlite3_exec(db, "PRAGMA journal_mode", nullptr, nullptr, &error);
  sqlite3_close(db);
}

TEST_CASE("a store from a newer dateline is refused, naming the file") {
  TempStore store;
  const std::string path = store.path();
  {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    REQUIRE(sqlite3_exec(db, "INSERT INTO schema_version VALUES (99, 'later')", nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
  }
  try {
    store.reopen();
    FAIL("a newer schema was opened");
  } catch (const StoreError& e) {
    CHECK_THAT(e.what(), Catch::Contains(path) && Catch::Contains("newer"));
  }
}

TEST_CASE("a file that is not a store is reported with its path") {
  const std::string path = (std::filesystem::temp_directory_path() / "dateline-not-a-store.txt").string();
  std::ofstream(path) << "These are notes, not a database. They go on long enough to fill a header page.\n";
  try {
    Store store(path);
    FAIL("a text file was opened as a store");
  } catch (const StoreError& e) {
    CHECK_THAT(e.what(), Catch::Contains(path));
  }
  std::filesystem::remove(path);
}

namespace {

std::vector<std::string> split_on(const std::string& text, char sep) {
  std::vector<std::string> parts;
  std::string part;
  for (char ch : text + sep) {
    if (ch != sep) {
      part += ch;
    } else if (!part.empty()) {
      parts.push_back(part);
      part.clear();
    }
  }
  return parts;
}

std::string lower_ascii(std::string s) {
  for (char& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return s;
}

void exec(sqlite3* db, const char* sql) { REQUIRE(sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK); }

// Runs `sql` on the store file at `path`, outside the Store.
void exec_on(const std::string& path, const char* sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  exec(db, sql);
  sqlite3_close(db);
}

// Turns a store back into a version 4 one: no history in the facts rows, facts_ahead without it,
// thread entities not indexed by name and count.
void downgrade_to_version_4(const std::string& path) {
  exec_on(path,
          "BEGIN; DROP INDEX facts_ahead; DROP INDEX timeline_entities_by_name; ALTER TABLE facts DROP COLUMN history; "
          "CREATE INDEX facts_ahead ON facts(cur_latest, cur_earliest, key, predicate, topic, headline, amount_value, "
          "amount_unit, amount_approximate, amount_text) WHERE upcoming = 1; "
          "DELETE FROM schema_version WHERE version = 5; COMMIT;");
}

// Turns a store back into a version 3 one: no fact_sources, claims indexed by fact, facts_ahead
// on the facts' times alone.
void downgrade_to_version_3(const std::string& path) {
  downgrade_to_version_4(path);
  exec_on(path,
          "BEGIN; DROP TABLE fact_sources; CREATE INDEX claims_by_fact ON claims(fact_id, value_seq); DROP INDEX facts_ahead; "
          "CREATE INDEX facts_ahead ON facts(cur_latest, cur_earliest) WHERE upcoming = 1; "
          "DELETE FROM schema_version WHERE version = 4; COMMIT;");
}

// Turns a store back into a version 2 one: merging's lookup keys as text in fact_keys, as version
// 2 wrote them (entity and topic-word keys of every family of every fact), no fact_lookup.
void downgrade_to_version_2(const std::string& path) {
  downgrade_to_version_3(path);
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  REQUIRE(sqlite3_exec(db,
                       "BEGIN; CREATE TABLE fact_keys(key TEXT NOT NULL, fact_id INTEGER NOT NULL, "
                       "PRIMARY KEY(key, fact_id)) WITHOUT ROWID;",
                       nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_stmt* facts = nullptr;
  sqlite3_stmt* insert = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, "SELECT id, families, entities, topic_norm FROM facts", -1, &facts, nullptr) == SQLITE_OK);
  REQUIRE(sqlite3_prepare_v2(db, "INSERT OR IGNORE INTO fact_keys VALUES (?, ?)", -1, &insert, nullptr) == SQLITE_OK);
  while (sqlite3_step(facts) == SQLITE_ROW) {
    auto column = [&](int i) { return std::string(reinterpret_cast<const char*>(sqlite3_column_text(facts, i))); };
    std::vector<std::string> keys;
    for (const auto& family : split_on(column(1), '\t')) {
      for (const auto& name : split_on(column(2), '\t')) keys.push_back(fmt::format("e\x1f{}\x1f{}", family, lower_ascii(name)));
      for (const auto& word : split_on(column(3), ' ')) keys.push_back(fmt::format("w\x1f{}\x1f{}", family, word));
    }
    for (const auto& key : keys) {
      sqlite3_bind_text(insert, 1, key.c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64(insert, 2, sqlite3_column_int64(facts, 0));
      REQUIRE(sqlite3_step(insert) == SQLITE_DONE);
      sqlite3_reset(insert);
    }
  }
  sqlite3_finalize(facts);
  sqlite3_finalize(insert);
  REQUIRE(sqlite3_exec(db, "DROP TABLE fact_lookup; DELETE FROM schema_version WHERE version = 3; COMMIT;", nullptr,
                       nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);
}

std::int64_t count_rows(const std::string& path, const char* sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  sqlite3_stmt* s = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, sql, -1, &s, nullptr) == SQLITE_OK);
  REQUIRE(sqlite3_step(s) == SQLITE_ROW);
  const std::int64_t n = sqlite3_column_int64(s, 0);
  sqlite3_finalize(s);
  sqlite3_close(db);
  return n;
}

}  // namespace

TEST_CASE("a version 2 store is migrated: its text lookup keys become hashes and later reports still merge") {
  TempStore store;
  store->ingest(summit_article("Nordic Times", "https://nordic.example/summit").build());
  store->commit();
  const StoreCounts before = store->counts();
  downgrade_to_version_2(store.path());
  store.reopen();
  CHECK(store->schema_version() == 5);
  CHECK(count_rows(store.path(), "SELECT count(*) FROM sqlite_master WHERE name = 'fact_keys'") == 0);
  CHECK(count_rows(store.path(), "SELECT count(*) FROM fact_lookup") > 0);
  // Another outlet's own words about the same summit: found through the migrated keys (the
  // cache is empty after reopening), so it is one more source of the stored fact.
  store->ingest(summit_in_other_words("Baltic Wire", "2025-03-03", "https://baltic.example/halvik").build());
  const StoreCounts after = store->counts();
  CHECK(after.documents == before.documents + 1);
  CHECK(after.claims == before.claims + 1);
  CHECK(after.facts == before.facts);
}

TEST_CASE("a version 3 store is migrated: each fact's sources are gathered in fact_sources, syndicated copies included") {
  TempStore store;
  store->ingest(summit_article("Nordic Times", "https://nordic.example/summit").build());
  store->ingest(summit_article("Baltic Wire", "https://baltic.example/a1").build());  // the same text
  store->ingest(summit_in_other_words("Halvik Post", "2025-03-04", "https://halvik.example/summit").build());
  store->commit();
  const TimelineQuery everything{"", "Norland", {}, {}};
  const std::string timelines = timelines_json(store->timelines(everything));
  const std::string ahead = facts_json(store->upcoming({parse_iso_date("2025-03-01"), 30}));
  const std::int64_t sources = count_rows(store.path(), "SELECT count(*) FROM fact_sources");
  CHECK(sources == 5);  // the summit: three sources; the treaty: two outlets of one text

  downgrade_to_version_3(store.path());
  CHECK(count_rows(store.path(), "SELECT count(*) FROM sqlite_master WHERE name = 'fact_sources'") == 0);
  store.reopen();
  CHECK(store->schema_version() == 5);
  CHECK(count_rows(store.path(), "SELECT count(*) FROM fact_sources") == sources);
  CHECK(count_rows(store.path(), "SELECT count(*) FROM sqlite_master WHERE name = 'claims_by_fact'") == 0);
  // What the queries show is what they showed before the migration.
  CHECK(timelines_json(store->timelines(everything)) == timelines);
  const auto migrated = store->upcoming({parse_iso_date("2025-03-01"), 30});
  CHECK(facts_json(migrated) == ahead);
  REQUIRE(migrated.size() == 1);
  CHECK(outlets_of(migrated[0].current()) == std::vector<std::string>{"Nordic Times", "Baltic Wire", "Halvik Post"});

  // A copy syndicated after the migration is one more source of the migrated facts.
  store->ingest(summit_article("Estmark Daily", "https://estmark.example/s").build());
  const auto later = store->upcoming({parse_iso_date("2025-03-01"), 30});
  REQUIRE(later.size() == 1);
  CHECK(outlets_of(later[0].current()) ==
        std::vector<std::string>{"Nordic Times", "Baltic Wire", "Estmark Daily", "Halvik Post"});
  // fact_sources holds each claim of a fact with each document carrying its text, no more, no
  // less, each fact's rows in its own range of ids.
  store->commit();
  const char* joined =
      "SELECT c.fact_id, c.id, d.rowid, c.value_seq, c.claim_key, d.id, d.source, d.url, d.title, d.published, "
      "d.published_day, c.span_begin, c.span_end, c.quote, c.attribution, c.entities "
      "FROM claims c JOIN documents d ON d.text_id = c.text_id WHERE c.fact_id IS NOT NULL";
  const char* stored =
      "SELECT fact_id, claim_id, document_row, value_seq, claim_key, doc, source, url, title, published, published_day, "
      "span_begin, span_end, quote, attribution, entities FROM fact_sources";
  CHECK(count_rows(store.path(), fmt::format("SELECT count(*) FROM ({} EXCEPT {})", joined, stored).c_str()) == 0);
  CHECK(count_rows(store.path(), fmt::format("SELECT count(*) FROM ({} EXCEPT {})", stored, joined).c_str()) == 0);
  CHECK(count_rows(store.path(), "SELECT count(*) FROM fact_sources") == 7);
  CHECK(count_rows(store.path(), "SELECT count(*) FROM fact_sources WHERE id >> 32 <> fact_id") == 0);
}

TEST_CASE("an upcoming fact carries its values in its row, and a version 4 store is migrated to that") {
  TempStore store;
  // A deadline moved by a later report and sharpened by a third (two values, one sharpened), a
  // summit, and a treaty signed long ago, which is not upcoming.
  store->ingest(deadline_report("Metro Post", "2025-01-05", "January 19", "2025-01-19"));
  store->ingest(deadline_report("Tech Ledger", "2025-01-21", "April", "2025-04"));
  store->ingest(deadline_report("Metro Post", "2025-02-03", "April 5", "2025-04-05"));
  store->ingest(summit_article("Nordic Times", "https://nordic.example/summit").build());
  store->commit();
  // The copy in the rows is what fact_values holds, for the upcoming facts only.
  CHECK(count_rows(store.path(), "SELECT count(*) FROM facts WHERE upcoming = 1 AND history IS NULL") == 0);
  CHECK(count_rows(store.path(), "SELECT count(*) FROM facts WHERE upcoming = 0 AND history IS NOT NULL") == 0);
  const char* from_values =
      "SELECT f.id, json_group_array(json_array(v.seq, v.value, v.type, v.granularity, v.earliest, v.latest, v.mod, "
      "v.time_text, v.status, v.first_reported, v.text_id)) FROM facts f JOIN (SELECT * FROM fact_values ORDER BY "
      "fact_id, seq) v ON v.fact_id = f.id WHERE f.upcoming = 1 GROUP BY f.id";
  const char* from_rows = "SELECT id, history FROM facts WHERE upcoming = 1";
  CHECK(count_rows(store.path(), "SELECT count(*) FROM facts WHERE upcoming = 1") == 2);
  const std::string values_not_in_rows = fmt::format("SELECT count(*) FROM ({} EXCEPT {})", from_values, from_rows);
  const std::string rows_not_in_values = fmt::format("SELECT count(*) FROM ({} EXCEPT {})", from_rows, from_values);
  CHECK(count_rows(store.path(), values_not_in_rows.c_str()) == 0);
  CHECK(count_rows(store.path(), rows_not_in_values.c_str()) == 0);
  const UpcomingQuery window{parse_iso_date("2025-01-01"), 120};
  const auto ahead = store->upcoming(window);
  REQUIRE(ahead.size() == 2);
  const auto deadline =
      std::find_if(ahead.begin(), ahead.end(), [](const Fact& f) { return f.predicate == "deadline"; });
  REQUIRE(deadline != ahead.end());
  CHECK(history_values(*deadline) == std::vector<std::string>{"2025-01-19", "2025-04-05"});
  const std::string listed = facts_json(ahead);
  // With the values read from fact_values (no history in the rows), the listing is the same.
  downgrade_to_version_4(store.path());
  CHECK(count_rows(store.path(), "SELECT count(*) FROM pragma_table_info('facts') WHERE name = 'history'") == 0);
  store.reopen();
  CHECK(store->schema_version() == 5);
  CHECK(count_rows(store.path(), values_not_in_rows.c_str()) == 0);
  CHECK(count_rows(store.path(), rows_not_in_values.c_str()) == 0);
  CHECK(facts_json(store->upcoming(window)) == listed);
  // A history that cannot be read is not trusted: the values come from fact_values.
  {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(store.path().c_str(), &db) == SQLITE_OK);
    exec(db, "UPDATE facts SET history = '[[0, \"2025-01\"]]' WHERE upcoming = 1");
    sqlite3_close(db);
  }
  store.reopen();
  CHECK(facts_json(store->upcoming(window)) == listed);
}

TEST_CASE("a document of more new facts than the fact cache holds is stored whole, and its last claim still merges into its first fact") {
  // The fact cache keeps two generations of 16,384 facts; a new fact's row waits in memory until
  // the end of its document. Past 32,768 new facts the first ones drop out of the cache while
  // still unwritten: merging the last claim into the first fact must write them and read them back.
  constexpr int kFacts = 33000;
  Article big("Ledger Wire", "2025-02-01", "https://ledger.example/calendar");
  for (int i = 0; i < kFacts; ++i) {
    const std::string firm = fmt::format("Firm{}", i);
    big.sentence(fmt::format("{} will hold its review on March 3.", firm))
        .claim("review", fmt::format("{} review", firm), ClaimStatus::Scheduled)
        .time("March 3", "2025-03-03")
        .entity(firm, EntityKind::Org, "agent");
  }
  big.sentence("Firm0 will hold its review on March 3, the wire repeated.")
      .claim("review", "Firm0 review", ClaimStatus::Scheduled)
      .time("March 3", "2025-03-03")
      .entity("Firm0", EntityKind::Org, "agent");
  const Extraction x = big.build();

  TempStore store;
  store->ingest(x);
  store->commit();
  const StoreCounts counts = store->counts();
  CHECK(counts.claims == kFacts + 1);
  CHECK(counts.facts == kFacts);
  CHECK(count_rows(store.path(), "SELECT count(*) FROM facts WHERE timeline_id IS NULL") == 0);
  CHECK(count_rows(store.path(), "SELECT count(*) FROM fact_values") == kFacts);
  CHECK(count_rows(store.path(), "SELECT count(*) FROM fact_sources") == kFacts + 1);
  // Both claims about Firm0 are sources of one fact, the first one created.
  CHECK(count_rows(store.path(),
                   "SELECT count(*) FROM fact_sources WHERE fact_id = (SELECT min(id) FROM facts)") == 2);

  store->ingest(x);  // the same article again changes nothing
  store->commit();
  CHECK(store->counts() == counts);
}
