#pragma once
// One document into the store, inside the caller's transaction. On an exception the document may
// be partly written: the caller rolls the transaction back (Store::ingest).

#include "fact_cache.h"
#include "sqlite.h"
#include "store_rows.h"

#include <dateline/extraction.h>
#include <dateline/store.h>

namespace dateline::engine {

IngestResult ingest_document(sql::Database& db, EntityFrequency& frequency, FactCache& cache,
                             const Extraction& extraction);

}  // namespace dateline::engine
