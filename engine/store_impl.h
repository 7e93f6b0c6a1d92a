#pragma once

#include "sqlite.h"
#include "store_rows.h"

#include <dateline/store.h>

namespace dateline {

struct Store::Impl {
  explicit Impl(const std::string& path);
  sql::Database db;
  engine::EntityFrequency frequency;
};

}  // namespace dateline
