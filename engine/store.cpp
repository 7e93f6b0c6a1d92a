// Store: opening and migrating the database, ingest, counts. Queries are in queries.cpp.

#include "store_impl.h"

#include "ingest.h"
#include "schema.h"

#include <dateline/error.h>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace dateline {

namespace {
constexpr int kBatchDocuments = 2000;
constexpr auto kBatchTime = std::chrono::seconds(2);
}  // namespace

Store::Impl::Impl(const std::string& path) : db(path), frequency(db), cache(db), batch_documents(kBatchDocuments) {
  try {
    store_schema::open_and_migrate(db);
  } catch (const StoreError& e) {
    throw StoreError(fmt::format("{} (is it a dateline store?)", e.what()));
  }
}

Store::Impl::~Impl() {
  try {
    commit();
  } catch (const StoreError&) {
    // The batch is rolled back; its documents are not stored and a re-ingest adds them.
  }
}

void Store::Impl::commit() {
  if (!batch) return;
  try {
    batch->commit();
  } catch (...) {
    abandon_batch();
    throw;
  }
  batch.reset();
  batched = 0;
}

void Store::Impl::begin_batch() {
  if (!ingesting) {
    // 64 MB for an ingest, which reads the same candidate facts and index pages again and again:
    // bounded, whatever the store's size (queries keep the small cache set at open, schema.cpp).
    db.exec("PRAGMA cache_size = -65536");
    ingesting = true;
  }
  batch.emplace(db);
  batch_start = std::chrono::steady_clock::now();
  auto& q = db.prepared("PRAGMA data_version");
  const std::int64_t version = q.step() ? q.int64(0) : 0;
  q.reset();
  if (caches_stale || data_version != version) reset_caches();
  data_version = version;
}

int Store::Impl::abandon_batch() {
  const int lost = batched;
  batch.reset();  // rolls back
  batched = 0;
  caches_stale = true;
  return lost;
}

void Store::Impl::reset_caches() {
  frequency.refresh();
  cache.clear();
  caches_stale = false;
}

Store::Store(const std::string& path) : impl_(std::make_unique<Impl>(path)) {}
Store::~Store() = default;

IngestResult Store::ingest(const Extraction& extraction) {
  Impl& s = *impl_;
  if (!s.batch) {
    s.begin_batch();
  } else if (s.caches_stale) {
    s.reset_caches();
  }
  IngestResult r;
  try {
    r = engine::ingest_document(s.db, s.frequency, s.cache, extraction);
  } catch (const StoreError& e) {
    const int lost = s.abandon_batch();
    throw StoreError(fmt::format("{} (rolled back: this document and the {} ingested since the last commit; "
                                 "ingest them again)",
                                 e.what(), lost));
  } catch (...) {
    s.abandon_batch();
    throw;
  }
  if (++s.batched >= s.batch_documents || std::chrono::steady_clock::now() - s.batch_start > kBatchTime) s.commit();
  return r;
}

void Store::commit() { impl_->commit(); }

void Store::set_commit_every(int documents) { impl_->batch_documents = std::max(documents, 1); }

StoreCounts Store::counts() const {
  const sql::ReadSnapshot snapshot(impl_->db);
  auto count = [&](const char* sql) {
    auto& q = impl_->db.prepared(sql);
    const std::int64_t n = q.step() ? q.int64(0) : 0;
    q.reset();
    return n;
  };
  StoreCounts c;
  c.documents = count("SELECT count(*) FROM documents");
  c.texts = count("SELECT count(*) FROM texts");
  c.claims = count("SELECT count(*) FROM claims");
  c.facts = count("SELECT count(*) FROM facts");
  c.links = count("SELECT count(*) FROM links");
  c.timelines = count("SELECT count(*) FROM timelines");
  c.contradictions = count("SELECT count(*) FROM contradictions");
  return c;
}

int Store::schema_version() const {
  auto& q = impl_->db.prepared("SELECT max(version) FROM schema_version");
  const int v = q.step() ? static_cast<int>(q.int64(0)) : 0;
  q.reset();
  return v;
}

int parse_window_days(std::string_view text) {
  std::size_t i = 0;
  long long n = 0;
  while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
    n = n * 10 + (text[i] - '0');
    if (n > 100000) throw ValueError(fmt::format("window '{}' is too long", text));
    ++i;
  }
  if (i == 0) throw ValueError(fmt::format("window '{}': expected a number of days such as 30d, 6w, 3m or 1y", text));
  const std::string_view unit = text.substr(i);
  long long factor = 0;
  if (unit.empty() || unit == "d") {
    factor = 1;
  } else if (unit == "w") {
    factor = 7;
  } else if (unit == "m") {
    factor = 30;
  } else if (unit == "y") {
    factor = 365;
  } else {
    throw ValueError(fmt::format("window '{}': unknown unit '{}' (use d, w, m or y)", text, unit));
  }
  return static_cast<int>(n * factor);
}

}  // namespace dateline
