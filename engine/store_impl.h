#pragma once

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

  sql::Database db;
  engine::EntityFrequency frequency;
  // Documents are ingested in savepoints inside a batch transaction, committed every
  // kBatchDocuments documents or kBatchTime: committing each one would rewrite every index page
  // it touched (a few hundred pages per document).
  std::optional<sql::Transaction> batch;
  int batched = 0;
  std::chrono::steady_clock::time_point batch_start;
};

}  // namespace dateline
