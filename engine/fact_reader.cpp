#include "fact_reader.h"

#include "plain_json.h"
#include "small_json.h"
#include "store_rows.h"

#include <dateline/error.h>

#include <fmt/format.h>
#include <rapidjson/document.h>

#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_map>

namespace dateline::engine {
namespace {

// Publication values parsed once per query: the documents of a listing share few dates, and a
// parse per source was a tenth of the time `upcoming` took.
class PublishedValues {
 public:
  const TimeValue& operator()(const sql::Statement& q, int column) {
    static const TimeValue unknown{};
    if (q.is_null(column)) return unknown;
    const std::string_view text = q.text(column);
    auto it = parsed_.find(text);
    if (it != parsed_.end()) return it->second;
    TimeValue value;
    try {
      value = parse_time_value(text);
    } catch (const ValueError&) {
      // stored by another version with a value this one cannot read: unknown
    }
    return parsed_.emplace(std::string(text), std::move(value)).first->second;
  }

 private:
  std::map<std::string, TimeValue, std::less<>> parsed_;
};

// Columns of a source (fact_sources has them under these names, without the table prefixes): claim
// key, document id, outlet, url, title, published, span begin, span end, quote, attribution.
constexpr const char* kSourceColumns =
    "c.claim_key, d.id, d.source, d.url, d.title, d.published, c.span_begin, c.span_end, c.quote, c.attribution";
constexpr int kSourceColumnCount = 10;

FactSource source_from(const sql::Statement& q, PublishedValues& published) {
  FactSource s;
  s.claim = q.str(0);
  s.doc = q.str(1);
  s.outlet = q.str(2);
  s.url = q.str(3);
  s.title = q.str(4);
  s.published = published(q, 5);
  s.span = Span{static_cast<std::uint32_t>(q.int64(6)), static_cast<std::uint32_t>(q.int64(7))};
  s.quote = q.str(8);
  s.attribution = q.optional_str(9);
  return s;
}

// A claim of a fact with one document carrying its text (syndicated copies count once per outlet).
struct ClaimSource {
  std::optional<std::int64_t> seq;  // none: a claim disputing the fact's values
  std::int64_t claim_id = 0;
  std::uint32_t entities = 0;  // index into FactRows::entity_lists
  std::string published_day;  // with the document's row: the order of sources
  std::int64_t document_row = 0;
  FactSource source;
};

// What the set-based statements gather for one fact before it is assembled.
struct FactRows {
  std::vector<ClaimSource> claims;  // by publication, document, claim
  // The claims' entity lists (JSON), each once: the claims of a fact mostly name the same
  // entities, and a copy per source was an allocation per source.
  std::vector<std::string> entity_lists;
  std::vector<ValueRow> values;     // by seq
  std::vector<std::string> notes;
  struct Disagreement {
    std::string about, first_value, second_value;
    std::int64_t first = 0, second = 0;
  };
  std::vector<Disagreement> contradictions;
};

std::uint32_t entity_list_index(FactRows& rows, std::string_view json) {
  for (std::size_t i = 0; i < rows.entity_lists.size(); ++i) {
    if (rows.entity_lists[i] == json) return static_cast<std::uint32_t>(i);
  }
  rows.entity_lists.emplace_back(json);
  return static_cast<std::uint32_t>(rows.entity_lists.size() - 1);
}

bool source_before(const ClaimSource& a, const ClaimSource& b) {
  // SQLite's order: NULL days first.
  return std::tie(a.published_day, a.document_row, a.claim_id) < std::tie(b.published_day, b.document_row, b.claim_id);
}

// Every claim of every fact of the set with every document carrying its text: the sources of each
// value and the entities, in one statement over fact_sources, where a fact's sources are one
// range of ids stored together (schema version 4; joining claims to documents read two rows on
// pages of their own per source). Each fact's sources are put in order here (by publication,
// document, claim), not by the statement: SQLite's sorter copied every wide row (quote,
// entities, title) once more. They are mostly stored in that order already (a fact's sources
// are appended as reports come in), so a fact's are sorted only when they are not.
void read_claims(sql::Database& db, const std::string& ids, std::unordered_map<std::int64_t, FactRows>& facts,
                 PublishedValues& published) {
  auto& q = db.prepared(
      "SELECT s.claim_key, s.doc, s.source, s.url, s.title, s.published, s.span_begin, s.span_end, s.quote, "
      "s.attribution, s.value_seq, s.claim_id, s.entities, s.fact_id, s.published_day, s.document_row "
      "FROM json_each(?1) j JOIN fact_sources s ON s.id BETWEEN j.value << 32 AND (j.value << 32) + 4294967295");
  q.bind(1, ids);
  // The rows come a fact at a time: its entry is looked up when the fact changes.
  std::int64_t fact_id = 0;
  FactRows* rows = nullptr;
  while (q.step()) {
    if (!rows || q.int64(kSourceColumnCount + 3) != fact_id) {
      fact_id = q.int64(kSourceColumnCount + 3);
      rows = &facts[fact_id];
      if (rows->claims.empty()) rows->claims.reserve(8);  // a handful of sources a fact, typically
    }
    ClaimSource& r = rows->claims.emplace_back();
    r.source = source_from(q, published);
    if (!q.is_null(kSourceColumnCount)) r.seq = q.int64(kSourceColumnCount);
    r.claim_id = q.int64(kSourceColumnCount + 1);
    r.entities = entity_list_index(*rows, q.text(kSourceColumnCount + 2));
    if (!q.is_null(kSourceColumnCount + 4)) r.published_day = q.text(kSourceColumnCount + 4);
    r.document_row = q.int64(kSourceColumnCount + 5);
  }
  q.reset();
  for (auto& [id, rows] : facts) {
    if (!std::is_sorted(rows.claims.begin(), rows.claims.end(), source_before)) {
      std::stable_sort(rows.claims.begin(), rows.claims.end(), source_before);
    }
  }
}

void read_values(sql::Database& db, const std::string& ids, std::unordered_map<std::int64_t, FactRows>& facts) {
  if (ids == "[]") return;
  auto& q = db.prepared(
      "SELECT seq, value, type, granularity, earliest, latest, mod, time_text, status, first_reported, text_id, fact_id "
      "FROM fact_values WHERE fact_id IN (SELECT value FROM json_each(?1)) ORDER BY fact_id, seq");
  q.bind(1, ids);
  while (q.step()) {
    ValueRow v;
    v.seq = q.int64(0);
    v.time = read_time(q, 1);
    v.time_text = q.str(7);
    v.status = read_status(q, 8);
    v.first_reported = read_date(q, 9);
    v.text_id = q.int64(10);
    facts[q.int64(11)].values.push_back(std::move(v));
  }
  q.reset();
}

void read_notes_and_contradictions(sql::Database& db, const std::string& ids,
                                   std::unordered_map<std::int64_t, FactRows>& facts) {
  auto& n = db.prepared(
      "SELECT fact_id, note FROM revision_notes WHERE fact_id IN (SELECT value FROM json_each(?1)) ORDER BY rowid");
  n.bind(1, ids);
  while (n.step()) facts[n.int64(0)].notes.push_back(n.str(1));
  n.reset();
  auto& k = db.prepared(
      "SELECT fact_id, about, first_claim, second_claim, first_value, second_value FROM contradictions "
      "WHERE fact_id IN (SELECT value FROM json_each(?1)) ORDER BY rowid");
  k.bind(1, ids);
  while (k.step()) {
    facts[k.int64(0)].contradictions.push_back({k.str(1), k.str(4), k.str(5), k.int64(2), k.int64(3)});
  }
  k.reset();
}

// The source of each claim a contradiction names (its first document).
std::unordered_map<std::int64_t, FactSource> sources_of_claims(sql::Database& db, const std::vector<std::int64_t>& claims) {
  std::unordered_map<std::int64_t, FactSource> sources;
  if (claims.empty()) return sources;
  static const std::string sql = fmt::format(
      "SELECT {}, c.id FROM claims c JOIN documents d ON d.id = c.doc WHERE c.id IN (SELECT value FROM json_each(?1))",
      kSourceColumns);
  auto& q = db.prepared(sql);
  q.bind(1, id_list(claims));
  PublishedValues published;
  while (q.step()) sources[q.int64(kSourceColumnCount)] = source_from(q, published);
  q.reset();
  return sources;
}

// A claim's entity as stored (name, kind, role), before it is added to the fact's.
struct StoredEntity {
  std::string_view fields[3];  // name, kind, role ("" when absent or not a string)
};

// An entity list as the store writes it, read by PlainJson: objects whose members are strings or
// null; false when it is not that plain (RapidJSON then decides).
bool read_plain_entities(std::string_view json, std::vector<StoredEntity>& out) {
  PlainJson in(json);
  if (!in.take('[')) return false;
  if (in.take(']')) return in.at_end();
  do {
    if (!in.take('{')) return false;
    StoredEntity e;
    bool seen[3] = {false, false, false}, name_is_string = false;
    if (!in.take('}')) {
      do {
        std::string_view key, value;
        bool is_null = false;
        if (!in.take_string(key) || !in.take(':') || !in.take_string_or_null(value, is_null)) return false;
        const int i = key == "name" ? 0 : key == "kind" ? 1 : key == "role" ? 2 : -1;
        if (i < 0 || seen[i]) continue;  // the first member of a name counts, as FindMember gives it
        seen[i] = true;
        e.fields[i] = value;
        if (i == 0) name_is_string = !is_null;
      } while (in.take(','));
      if (!in.take('}')) return false;
    }
    if (name_is_string) out.push_back(e);
  } while (in.take(','));
  return in.take(']') && in.at_end();
}

// The same through RapidJSON.
void read_entities(std::string_view json, std::vector<StoredEntity>& out) {
  SmallJson parsed;
  const rapidjson::Value* list = parsed.parse(json);
  if (!list || !list->IsArray()) return;
  for (const auto& item : list->GetArray()) {
    if (!item.IsObject()) continue;
    // The first member of each name, as FindMember gives it, in one pass over the members.
    const rapidjson::Value* fields[3] = {};  // name, kind, role
    for (auto m = item.MemberBegin(); m != item.MemberEnd(); ++m) {
      const std::string_view key(m->name.GetString(), m->name.GetStringLength());
      const int i = key == "name" ? 0 : key == "kind" ? 1 : key == "role" ? 2 : -1;
      if (i >= 0 && !fields[i]) fields[i] = &m->value;
    }
    if (!fields[0] || !fields[0]->IsString()) continue;
    StoredEntity e;
    for (int i = 0; i < 3; ++i) {
      // Up to a NUL, as the std::string of a C string always took it.
      if (fields[i] && fields[i]->IsString()) e.fields[i] = std::string_view(fields[i]->GetString());
    }
    out.push_back(e);
  }
}

// The entities of the fact's claims, in claim order, each name once (the first role given wins).
std::vector<ClaimEntity> entities_of(const FactRows& rows) {
  const std::vector<ClaimSource>& claims = rows.claims;
  std::vector<const ClaimSource*> ordered;
  ordered.reserve(claims.size());
  for (const auto& c : claims) ordered.push_back(&c);
  std::sort(ordered.begin(), ordered.end(), [](const auto* a, const auto* b) { return a->claim_id < b->claim_id; });
  std::vector<ClaimEntity> entities;
  std::vector<bool> parsed(rows.entity_lists.size(), false);  // each list is parsed once
  std::vector<StoredEntity> stored;
  for (const auto* c : ordered) {
    if (parsed[c->entities]) continue;
    parsed[c->entities] = true;
    const std::string& json = rows.entity_lists[c->entities];
    stored.clear();
    if (!read_plain_entities(json, stored)) {
      stored.clear();
      read_entities(json, stored);
    }
    for (const auto& e : stored) {
      auto it = std::find_if(entities.begin(), entities.end(), [&](const auto& x) { return x.name == e.fields[0]; });
      if (it == entities.end()) {
        entities.push_back(ClaimEntity{std::string(e.fields[0]),
                                       entity_kind_from_string(e.fields[1]).value_or(EntityKind::Other),
                                       std::string(e.fields[2])});
      } else if (it->role.empty()) {
        it->role = e.fields[2];
      }
    }
  }
  return entities;
}

// Moves the sources out of `rows`.
void assemble(Fact& f, FactRows& rows, const std::unordered_map<std::int64_t, FactSource>& claim_sources) {
  f.entities = entities_of(rows);
  sort_history(rows.values);
  for (std::size_t i = 0; i < rows.values.size(); ++i) {
    const ValueRow& row = rows.values[i];
    FactValue v;
    v.time = row.time;
    v.time_text = row.time_text;
    // Every value but the last has been replaced by a later report.
    v.status = i + 1 < rows.values.size() ? ClaimStatus::Superseded : row.status;
    for (auto& c : rows.claims) {
      if (c.seq == row.seq) v.sources.push_back(std::move(c.source));  // a claim supports one value
    }
    f.history.push_back(std::move(v));
  }
  f.revision_notes = std::move(rows.notes);
  for (const auto& d : rows.contradictions) {
    Contradiction c;
    c.about = d.about;
    if (auto it = claim_sources.find(d.first); it != claim_sources.end()) c.first = it->second;
    if (auto it = claim_sources.find(d.second); it != claim_sources.end()) c.second = it->second;
    c.first_value = d.first_value;
    c.second_value = d.second_value;
    f.contradictions.push_back(std::move(c));
  }
}

}  // namespace

std::string id_list(const std::vector<std::int64_t>& ids) { return fmt::format("[{}]", fmt::join(ids, ",")); }

Fact read_fact_head(const sql::Statement& q, int first) {
  Fact f;
  f.id = q.str(first);
  f.predicate = q.str(first + 1);
  f.topic = q.str(first + 2);
  f.headline = q.str(first + 3);
  if (!q.is_null(first + 4)) {
    Amount a;
    a.value = q.real(first + 4);
    a.unit = q.str(first + 5);
    a.approximate = q.int64(first + 6) != 0;
    f.amount = a;
    f.amount_text = q.str(first + 7);
  }
  return f;
}

std::vector<Fact> read_facts(sql::Database& db, const std::vector<std::int64_t>& fact_ids, std::vector<std::int64_t>* rows_read) {
  if (fact_ids.empty()) return {};
  std::vector<FactHead> heads;
  auto& q = db.prepared(
      "SELECT id, key, predicate, topic, headline, amount_value, amount_unit, amount_approximate, amount_text "
      "FROM facts WHERE id IN (SELECT value FROM json_each(?1))");
  q.bind(1, id_list(fact_ids));
  std::unordered_map<std::int64_t, Fact> by_id;
  while (q.step()) by_id.emplace(q.int64(0), read_fact_head(q, 1));
  q.reset();
  for (std::int64_t id : fact_ids) {
    auto head = by_id.find(id);
    if (head == by_id.end()) continue;
    heads.push_back({id, std::move(head->second), {}});
    by_id.erase(head);  // an id listed twice is read once
  }
  return read_facts(db, std::move(heads), rows_read);
}

std::vector<Fact> read_facts(sql::Database& db, std::vector<FactHead> heads, std::vector<std::int64_t>* rows_read) {
  std::vector<Fact> out;
  if (heads.empty()) return out;
  // In order, each once: the rows are read in the order they are stored.
  std::vector<std::int64_t> sorted;
  for (const auto& h : heads) sorted.push_back(h.row);
  std::sort(sorted.begin(), sorted.end());
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
  const std::string ids = id_list(sorted);
  std::unordered_map<std::int64_t, FactRows> rows;
  rows.reserve(sorted.size());
  PublishedValues published;
  read_claims(db, ids, rows, published);
  // Values the heads carry (an upcoming fact's history) are not read again.
  for (auto& h : heads) {
    if (h.values.empty()) continue;
    FactRows& r = rows[h.row];
    if (r.values.empty()) r.values = std::move(h.values);
  }
  std::vector<std::int64_t> without_values;
  for (const auto& h : heads) {
    auto r = rows.find(h.row);
    if (r == rows.end() || r->second.values.empty()) without_values.push_back(h.row);
  }
  std::sort(without_values.begin(), without_values.end());
  without_values.erase(std::unique(without_values.begin(), without_values.end()), without_values.end());
  read_values(db, without_values.size() == sorted.size() ? ids : id_list(without_values), rows);
  read_notes_and_contradictions(db, ids, rows);
  std::vector<std::int64_t> disputed;
  for (const auto& [id, r] : rows) {
    for (const auto& d : r.contradictions) {
      disputed.push_back(d.first);
      disputed.push_back(d.second);
    }
  }
  std::sort(disputed.begin(), disputed.end());
  disputed.erase(std::unique(disputed.begin(), disputed.end()), disputed.end());
  const auto claim_sources = sources_of_claims(db, disputed);

  out.reserve(heads.size());
  for (auto& head : heads) {
    auto r = rows.find(head.row);
    if (r == rows.end()) continue;  // a fact row without values: nothing to show
    Fact f = std::move(head.fact);
    assemble(f, r->second, claim_sources);
    rows.erase(r);  // a row listed twice is returned once
    if (f.history.empty()) continue;
    if (rows_read) rows_read->push_back(head.row);
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace dateline::engine
