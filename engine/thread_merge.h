#pragma once
// Story threads after the fact: folding a thread into another when a later article shows they are
// one story, and titling a thread from what its facts are about.

#include "sqlite.h"
#include "store_rows.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace dateline::engine {

// Moves every fact, entity count, topic and word of thread `folded` to thread `kept`, and drops
// `folded`. Reads and writes only through the indexes on thread ids (facts, timeline_entities)
// and on topics and words, never a table scan.
void merge_threads(sql::Database& db, std::int64_t kept, std::int64_t folded);

// A short title for a thread, as a desk editor would slug it, from all its facts: the named
// topic most of them share (a scheduled fact, the story's peg, counting double), with a sale's
// recipient ("NASAMS sale to Egypt"); without a named topic, the thread's dominant subject (the
// telling entity most facts name) and its event (the topic or predicate most facts share).
std::string thread_title(sql::Database& db, EntityFrequency& frequency, std::int64_t thread);

// Gives the thread the title thread_title() finds, indexing the new title's words for `--topic`
// (the old title's words stay indexed: a query by the old title still finds the thread).
void retitle_thread(sql::Database& db, EntityFrequency& frequency, std::int64_t thread);

// Indexes the words of a normalized title or topic for `timeline --topic` (word prefixes).
void index_thread_words(sql::Database& db, std::string_view normalized, std::int64_t thread);

}  // namespace dateline::engine
