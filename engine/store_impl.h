#pragma once

#include "fact_cache.h"
#include "sqlite.h"
#include "store_rows.h"

#include <dateline/store.h>

#include <chrono>
#include <optional>

namespace dateline {

struct Store::Impl {
  explicit Impl(const std::string& path);
  ~Impl();
  void commit();
  // Starts a batch transaction; forgets what is cached of the store when another connection has
  // written to it since, or a document was rolled back.
  void begin_batch();
  void reset_caches();
  // Rolls the batch back after a document failed half-way; returns how many documents it held
  // before that one.
  int abandon_batch();

  sql::Database db;
  engine::EntityFrequency frequency;
  engine::FactCache cache;
  std::optional<std::int64_t> data_version;  // PRAGMA data_version when the caches were last valid
  bool caches_stale = true;
  bool ingesting = false;  // the page cache has been raised for ingest
  // Updates are written UPDATE OR FAIL: an UPDATE that may abort makes SQLite keep a statement
  // journal (a copy of every page it touches) to undo it alone; with OR FAIL an error still stops
  // the ingest, and the batch is rolled back whole anyway (a third off each update).
  // Documents are ingested in a batch transaction, committed every kBatchDocuments documents or
  // kBatchTime: committing each one would rewrite every index page it touched (a few hundred
  // pages per document). A document that fails half-way rolls the whole batch back, so no
  // document is ever stored in part (docs/engine.md: a savepoint per document cost a third of
  // the ingest time, copying every page it touched).
  std::optional<sql::Transaction> batch;
  int batched = 0;
  int batch_documents;
  std::chrono::steady_clock::time_point batch_start;
};

}  // namespace dateline
