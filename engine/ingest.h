#pragma once
// One document into the store, in one transaction.

#include "sqlite.h"
#include "store_rows.h"

#include <dateline/extraction.h>
#include <dateline/store.h>

namespace dateline::engine {

IngestResult ingest_document(sql::Database& db, EntityFrequency& frequency, const Extraction& extraction);

}  // namespace dateline::engine
