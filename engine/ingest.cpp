#include "ingest.h"

#include "merge.h"
#include "threads.h"

#include <dateline/json.h>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <unordered_map>

namespace dateline::engine {
namespace {

std::optional<std::int64_t> find_text(sql::Database& db, const std::string& hash) {
  auto& q = db.prepared("SELECT id FROM texts WHERE hash = ?");
  q.bind(1, hash);
  std::optional<std::int64_t> id;
  if (q.step()) id = q.int64(0);
  q.reset();
  return id;
}

bool document_exists(sql::Database& db, const std::string& id) {
  auto& q = db.prepared("SELECT 1 FROM documents WHERE id = ?");
  q.bind(1, id);
  const bool found = q.step();
  q.reset();
  return found;
}

// Binds the document's publication (value, earliest day) from parameter `at`: NULLs when unknown.
void bind_published(sql::Statement& s, int at, const Document& d) {
  if (d.published.value.empty()) {
    s.bind_null(at).bind_null(at + 1);
  } else {
    s.bind_static(at, d.published.value);
    bind_date(s, at + 1, d.published.earliest);
  }
}

// Returns the document's row id.
std::int64_t insert_document(sql::Database& db, const Document& d, std::int64_t text_id) {
  auto& s = db.prepared(
      "INSERT INTO documents(id, text_id, source, url, title, file, published, published_day, published_source) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  s.bind(1, d.id).bind(2, text_id).bind(3, d.source).bind(4, d.url).bind(5, d.title).bind(6, d.file);
  bind_published(s, 7, d);
  s.bind(9, to_string(d.published_source)).run();
  return db.last_insert_rowid();
}

// A syndicated copy: the claims of its text that support facts become sources of those facts
// under this document too (fact_sources), each after the fact's last source (SQLite reads the
// SELECT whole before it inserts, so row_number() numbers a fact's claims from that last one).
void add_copy_sources(sql::Database& db, const Document& d, std::int64_t text_id, std::int64_t document_row) {
  auto& s = db.prepared(
      "INSERT OR FAIL INTO fact_sources(id, fact_id, claim_id, document_row, value_seq, claim_key, doc, source, url, "
      "title, published, published_day, span_begin, span_end, quote, attribution, entities) "
      "SELECT coalesce((SELECT max(s.id) FROM fact_sources s WHERE s.id BETWEEN c.fact_id << 32 "
      "AND (c.fact_id << 32) + 4294967295), (c.fact_id << 32) - 1) + row_number() OVER (PARTITION BY c.fact_id "
      "ORDER BY c.id), c.fact_id, c.id, ?1, c.value_seq, c.claim_key, ?2, ?3, ?4, ?5, ?6, ?7, c.span_begin, "
      "c.span_end, c.quote, c.attribution, c.entities FROM claims c WHERE c.text_id = ?8 AND c.fact_id IS NOT NULL");
  s.bind(1, document_row).bind_static(2, d.id).bind_static(3, d.source).bind_static(4, d.url).bind_static(5, d.title);
  bind_published(s, 6, d);
  s.bind(8, text_id).run();
}

std::string slice(const std::string& text, const Span& span) {
  if (span.end > text.size() || span.begin > span.end) return {};
  return std::string(span.slice(text));
}

std::string claim_key(const Document& d, const Claim& c, std::size_t index) {
  if (c.id.empty()) return fmt::format("{}/{}", d.id, index);
  if (c.id.starts_with(d.id)) return c.id;
  return fmt::format("{}/{}", d.id, c.id);
}

// A claim's entities as a JSON array ([{"name","kind","role"}]): one column, still queryable
// with SQLite's json_each().
std::string entities_json(const Claim& c) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  w.StartArray();
  for (const auto& e : c.entities) {
    w.StartObject();
    json::key(w, "name");
    json::string(w, e.name);
    json::key(w, "kind");
    json::string(w, to_string(e.kind));
    json::key(w, "role");
    json::string(w, e.role);
    w.EndObject();
  }
  w.EndArray();
  return std::string(buffer.GetString(), buffer.GetSize());
}

// What the claims row and the fact_sources rows of a claim share, made once.
struct ClaimText {
  std::string quote;
  std::string entities;  // JSON
};

// Binds one claims row, its 32 columns from parameter `at` (claim_rows() below).
void bind_claim(sql::Statement& s, int at, std::int64_t text_id, const Document& d, const IngestClaim& ic,
                const ClaimText& text) {
  const Claim& c = *ic.claim;
  const int o = at - 1;  // the column numbers below are 1-based
  std::string also;
  for (const auto& p : c.also) {
    if (!also.empty()) also += ',';
    also += p;
  }
  // Text of the extraction and the claims (alive until the rows are written) is bound without a
  // copy; text made here is copied.
  s.bind(o + 1, ic.row).bind_static(o + 2, ic.key).bind(o + 3, text_id).bind_static(o + 4, d.id);
  s.bind_static(o + 5, c.predicate).bind(o + 6, also).bind_static(o + 7, c.topic);
  s.bind_static(o + 8, to_string(c.status));
  bind_time(s, o + 9, c.time ? std::optional(c.time->value) : std::nullopt);
  if (c.time) {
    s.bind_static(o + 15, ic.time_text).bind(o + 16, static_cast<std::int64_t>(c.time->span.begin));
    s.bind(o + 17, static_cast<std::int64_t>(c.time->span.end));
  }
  s.bind_static(o + 18, to_string(c.time_source));
  if (c.amount) {
    s.bind(o + 19, c.amount->value).bind(o + 20, c.amount->unit).bind(o + 21, c.amount->approximate ? 1 : 0);
    s.bind(o + 22, ic.amount_text).bind(o + 23, static_cast<std::int64_t>(c.amount->span.begin));
    s.bind(o + 24, static_cast<std::int64_t>(c.amount->span.end));
  }
  s.bind(o + 25, c.attribution).bind(o + 26, c.confidence);
  s.bind(o + 27, static_cast<std::int64_t>(c.evidence.span.begin));
  s.bind(o + 28, static_cast<std::int64_t>(c.evidence.span.end));
  s.bind_static(o + 29, text.quote).bind_static(o + 30, text.entities);
  if (ic.fact) s.bind(o + 31, ic.fact);
  s.bind(o + 32, ic.seq);
}

// The document's claims rows, and a fact_sources row for each claim that supports a fact (with
// this document: a new text has no other yet), up to MultiInsert::kMaxRows a statement.
// `new_facts`: the facts this document created, which have no sources yet.
void insert_claims(sql::Database& db, std::int64_t text_id, const Document& d, std::int64_t document_row,
                   const std::vector<IngestClaim>& claims, const std::vector<std::int64_t>& new_facts) {
  std::vector<ClaimText> texts(claims.size());
  std::vector<std::pair<std::size_t, std::int64_t>> sources;  // claims with a fact, and their fact_sources id
  std::unordered_map<std::int64_t, std::int64_t> next_id;       // by fact
  for (std::size_t i = 0; i < claims.size(); ++i) {
    const Claim& c = *claims[i].claim;
    texts[i].quote = c.evidence.quote.empty() ? slice(d.text, c.evidence.span) : c.evidence.quote;
    texts[i].entities = entities_json(c);
    const std::int64_t fact = claims[i].fact;
    if (!fact) continue;
    auto it = next_id.find(fact);
    if (it == next_id.end()) {
      const bool created = std::find(new_facts.begin(), new_facts.end(), fact) != new_facts.end();
      it = next_id.emplace(fact, created ? SourceIds::first(fact) : next_source_id(db, fact)).first;
    }
    sources.emplace_back(i, it->second++);
  }
  static const MultiInsert rows(
      "INSERT OR FAIL INTO claims(id, claim_key, text_id, doc, predicate, also, topic, status, time_value, time_type, "
      "time_granularity, time_earliest, time_latest, time_mod, time_text, time_begin, time_end, time_source, "
      "amount_value, amount_unit, amount_approximate, amount_text, amount_begin, amount_end, attribution, "
      "confidence, span_begin, span_end, quote, entities, fact_id, value_seq) VALUES ",
      32);
  rows.write(db, claims.size(),
             [&](sql::Statement& s, int first, std::size_t i) { bind_claim(s, first, text_id, d, claims[i], texts[i]); });
  static const MultiInsert source_rows(
      "INSERT OR FAIL INTO fact_sources(id, fact_id, claim_id, document_row, value_seq, claim_key, doc, source, url, "
      "title, published, published_day, span_begin, span_end, quote, attribution, entities) VALUES ",
      17);
  source_rows.write(db, sources.size(), [&](sql::Statement& s, int first, std::size_t n) {
    const auto [i, id] = sources[n];
    const IngestClaim& ic = claims[i];
    const Claim& c = *ic.claim;
    const int o = first - 1;
    s.bind(o + 1, id).bind(o + 2, ic.fact).bind(o + 3, ic.row).bind(o + 4, document_row).bind(o + 5, ic.seq);
    s.bind_static(o + 6, ic.key).bind_static(o + 7, d.id).bind_static(o + 8, d.source).bind_static(o + 9, d.url);
    s.bind_static(o + 10, d.title);
    bind_published(s, o + 11, d);
    s.bind(o + 13, static_cast<std::int64_t>(c.evidence.span.begin));
    s.bind(o + 14, static_cast<std::int64_t>(c.evidence.span.end));
    s.bind_static(o + 15, texts[i].quote).bind(o + 16, c.attribution).bind_static(o + 17, texts[i].entities);
  });
}

// Every entity the text names, once, for the frequency that tells "US" from "NASAMS".
std::set<std::string> entity_names(const Extraction& x) {
  std::set<std::string> names;
  for (const auto& m : x.entities) names.insert(m.name);
  for (const auto& c : x.claims) {
    for (const auto& e : c.entities) names.insert(e.name);
  }
  names.erase(std::string());
  return names;
}

}  // namespace

IngestResult ingest_document(sql::Database& db, EntityFrequency& frequency, FactCache& cache, const Extraction& x) {
  const Document& d = x.document;
  IngestResult result;
  if (document_exists(db, d.id)) return result;
  result.new_document = true;
  const std::string hash = document_id("", d.text);
  const std::optional<Date> reported = d.published.value.empty() ? std::nullopt : d.published.earliest;
  if (const auto text_id = find_text(db, hash)) {
    // A syndicated copy: the text and its claims are stored; this outlet becomes one more source.
    add_copy_sources(db, d, *text_id, insert_document(db, d, *text_id));
    note_earlier_report(db, cache, *text_id, reported);
    return result;
  }
  result.new_text = true;
  db.prepared("INSERT INTO texts(hash, text) VALUES (?, ?)").bind(1, hash).bind(2, d.text).run();
  const std::int64_t text_id = db.last_insert_rowid();
  const std::int64_t document_row = insert_document(db, d, text_id);
  frequency.add_text(text_id, entity_names(x));

  // Claim rows are written after merging, with the facts they joined; their ids are reserved
  // now so that contradictions and notes can name them.
  auto& last = db.prepared("SELECT coalesce(max(id), 0) FROM claims");
  last.step();
  const std::int64_t first_row = last.int64(0) + 1;
  last.reset();
  std::vector<IngestClaim> claims(x.claims.size());
  DocumentContext context{db, frequency, cache, d, text_id, reported, {}, {}, &claims, {}, {}};
  for (std::size_t i = 0; i < x.claims.size(); ++i) {
    const Claim& c = x.claims[i];
    IngestClaim& ic = claims[i];
    ic.row = first_row + static_cast<std::int64_t>(i);
    ic.claim = &c;
    ic.key = claim_key(d, c, i);
    ic.info = predicate_info(c.predicate);
    ic.subject = subject_of(c, ic.info, frequency);
    if (c.time) ic.time_text = slice(d.text, c.time->span);
    if (c.amount) ic.amount_text = slice(d.text, c.amount->span);
  }
  // Facts first, then the claims that move them ("extended it twice more"), which refer back.
  for (auto& ic : claims) {
    if (ic.info.revises.empty()) merge_claim(context, ic);
  }
  for (auto& ic : claims) {
    if (!ic.info.revises.empty()) merge_revision_claim(context, ic);
  }
  insert_claims(db, text_id, d, document_row, claims, context.new_facts);
  write_index_rows(context);
  assign_threads(context, x);
  context.pending.write(db);  // written by assign_threads unless it had none to place
  result.claims = claims.size();
  result.new_facts = context.new_facts.size();
  return result;
}

}  // namespace dateline::engine
