#pragma once
// Story threads: each new fact joins a timeline. A fact whose topic a thread already has joins
// that thread; the others join the thread the document continues (the one sharing its most
// telling entities and topics), or a new one titled from the document's main topic. Entities
// named in a large share of all texts ("US") carry no weight, so no thread swallows the store.

#include "merge.h"

#include <dateline/extraction.h>

namespace dateline::engine {

void assign_threads(DocumentContext& context, const Extraction& extraction);

}  // namespace dateline::engine
