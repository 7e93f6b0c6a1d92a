#pragma once
// The store's tables, versioned: each migration takes the schema from version N-1 to N.

#include "sqlite.h"

namespace dateline::store_schema {

// The version this build writes. A store with a newer version is refused, not guessed at.
int current_version();

// Sets the connection up (WAL, foreign keys off, synchronous NORMAL) and migrates the schema to
// current_version(), each migration in its own transaction. Returns the version found before.
int open_and_migrate(sql::Database& db);

}  // namespace dateline::store_schema
