#pragma once
// Merging one document's claims into the store's facts: the same fact from another source joins
// it, a scheduled fact moved by a later report gains a value, disagreeing sources are recorded.

#include "fact_cache.h"
#include "fact_matching.h"
#include "sqlite.h"
#include "store_rows.h"

#include <dateline/claim.h>
#include <dateline/amount.h>
#include <dateline/document.h>

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace dateline::engine {

// A claim of the document being ingested. Its claims row is written after merging, with the
// fact it joined, under the id `row` reserved for it beforehand.
struct IngestClaim {
  std::int64_t row = 0;
  std::int64_t fact = 0;            // 0: none (a revision note)
  std::optional<std::int64_t> seq;  // the fact's value it supports; none when it disputes them
  const Claim* claim = nullptr;
  std::string key;  // claims.claim_key
  PredicateInfo info;
  Subject subject;
  std::string time_text;
  std::string amount_text;
};

// A fact created by the document being ingested, as its facts row will be written. New facts are
// written at the end of the document, with the thread threads.cpp chose for them (which needs
// all of them known): inserting each as it was created and setting its thread by an UPDATE
// rewrote its row and index entries once more, a tenth of an ingest's time. Until written,
// merging updates the row here.
struct PendingFact {
  std::int64_t id = 0;
  std::string key, predicate, family, families, topic, topic_norm, headline, entities, recipients;
  std::optional<Amount> amount;
  std::string amount_text;
  std::int64_t timeline_id = 0;  // 0: none yet
  bool upcoming = false;
  std::int64_t cur_seq = 0;
  std::string cur_status;
  std::optional<Date> cur_earliest, cur_latest;
  std::optional<Granularity> cur_granularity;
  std::string history;  // the values as JSON when upcoming (value_history.h), else empty (NULL)
};

// A value of a fact as its fact_values row will be written (by PendingFacts, a few statements
// for all of a document's values; reads and updates of values write them first).
struct PendingValue {
  std::int64_t fact_id = 0, seq = 0;
  std::optional<TimeValue> time;
  std::string time_text;
  ClaimStatus status = ClaimStatus::Occurred;
  std::optional<Date> first_reported;
  std::int64_t text_id = 0;
};

class PendingFacts {
 public:
  void add_value(PendingValue value) { values_.push_back(std::move(value)); }
  // Writes the values added so far (before a statement reads or updates fact_values).
  void write_values(sql::Database& db);
  // The id the next new fact's row will have.
  std::int64_t next_id(sql::Database& db);
  void add(PendingFact fact) { facts_.push_back(std::move(fact)); }
  // The unwritten row of a new fact, or null (not new, or already written).
  PendingFact* find(std::int64_t id);
  // Inserts the rows and values (a few statements for all); later changes go to the store.
  void write(sql::Database& db);

 private:
  std::optional<std::int64_t> next_;
  std::vector<PendingFact> facts_;
  std::vector<PendingValue> values_;
};

struct DocumentContext {
  sql::Database& db;
  EntityFrequency& frequency;
  FactCache& cache;
  const Document& doc;
  std::int64_t text_id = 0;
  std::optional<Date> reported;                 // the document's publication day
  std::vector<std::int64_t> new_facts;          // in creation order
  std::unordered_map<std::int64_t, const IngestClaim*> founders;  // new fact -> its first claim
  std::vector<IngestClaim>* claims = nullptr;   // all of this document's claims
  // fact_entities rows (lower-case name, fact) for queries, written at the end of the document
  // (write_index_rows), with the lookup keys.
  std::vector<std::pair<std::string, std::int64_t>> entity_rows;
  PendingFacts pending;  // new facts' rows, written by assign_threads (threads.h)
};

// Writes the index rows merging gathered for the document: fact_entities and lookup keys.
void write_index_rows(DocumentContext& context);

// The subject of a claim as matching sees it (families, normalized topic, entities).
Subject subject_of(const Claim& claim, const PredicateInfo& info, EntityFrequency& frequency);

// Joins the claim to the fact it states (adding a source, a value, or a contradiction), or
// creates a new fact. Returns the fact's id.
std::int64_t merge_claim(DocumentContext& context, IngestClaim& claim);

// A claim that moves another fact ("extended the deadline"): undated, it becomes a revision note
// on that fact; dated, it is a fact of its own linked EXTENDS to the fact it moves. Without a
// fact to attach to, it is merged as any claim.
void merge_revision_claim(DocumentContext& context, IngestClaim& claim);

// Recomputes a fact's current value, its `upcoming` flag and its revision links after its
// values changed (`pending`: the document's unwritten new facts, where the fact may be).
void refresh_fact(sql::Database& db, FactCache& cache, std::int64_t fact_id, PendingFacts* pending = nullptr);

// A syndicated copy published on `day`: the values its text's claims support may have been
// reported earlier than known.
void note_earlier_report(sql::Database& db, FactCache& cache, std::int64_t text_id, const std::optional<Date>& day);

}  // namespace dateline::engine
