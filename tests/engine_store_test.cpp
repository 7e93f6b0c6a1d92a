// The store: idempotent ingest, syndicated copies stored once and counted per outlet, the schema
// version, and clear errors for files that are not stores.

#include "engine_fixtures.h"

#include <sqlite3.h>

#include <catch2/catch.hpp>
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
  CHECK(store->schema_version() == 2);
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
