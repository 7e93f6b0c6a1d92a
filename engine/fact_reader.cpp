#include "fact_reader.h"

#include "store_rows.h"

#include <dateline/error.h>

#include <fmt/format.h>
#include <rapidjson/document.h>

#include <algorithm>

namespace dateline::engine {
namespace {

TimeValue published_of(const sql::Statement& q, int column) {
  if (q.is_null(column)) return TimeValue{};
  try {
    return parse_time_value(q.text(column));
  } catch (const ValueError&) {
    return TimeValue{};  // stored by another version with a value this one cannot read
  }
}

// Columns: claim key, document id, outlet, url, title, published, span begin, span end, quote, attribution.
constexpr const char* kSourceColumns =
    "c.claim_key, d.id, d.source, d.url, d.title, d.published, c.span_begin, c.span_end, c.quote, c.attribution";

FactSource source_from(const sql::Statement& q) {
  FactSource s;
  s.claim = q.str(0);
  s.doc = q.str(1);
  s.outlet = q.str(2);
  s.url = q.str(3);
  s.title = q.str(4);
  s.published = published_of(q, 5);
  s.span = Span{static_cast<std::uint32_t>(q.int64(6)), static_cast<std::uint32_t>(q.int64(7))};
  s.quote = q.str(8);
  s.attribution = q.optional_str(9);
  return s;
}

// Every claim of the fact with every document carrying its text (syndicated copies count once per
// outlet): the sources of each value and the entities, in one pass over the fact's claims rather
// than one per value and another for the entities (each claim row is a random read in a large store).
struct ClaimSource {
  std::optional<std::int64_t> seq;  // none: a claim disputing the fact's values
  std::int64_t claim_id = 0;
  std::string entities;  // JSON
  FactSource source;
};

std::vector<ClaimSource> claim_sources(sql::Database& db, std::int64_t fact_id) {
  static const std::string sql = fmt::format(
      "SELECT {}, c.value_seq, c.id, c.entities FROM claims c JOIN documents d ON d.text_id = c.text_id "
      "WHERE c.fact_id = ? ORDER BY d.published_day, d.rowid, c.id",
      kSourceColumns);
  auto& q = db.prepared(sql);
  q.bind(1, fact_id);
  std::vector<ClaimSource> rows;
  while (q.step()) {
    ClaimSource r;
    r.source = source_from(q);
    if (!q.is_null(10)) r.seq = q.int64(10);
    r.claim_id = q.int64(11);
    r.entities = q.str(12);
    rows.push_back(std::move(r));
  }
  q.reset();
  return rows;
}

// The entities of the fact's claims, in claim order, each name once (the first role given wins).
std::vector<ClaimEntity> entities_of(std::vector<const ClaimSource*> claims) {
  std::sort(claims.begin(), claims.end(), [](const auto* a, const auto* b) { return a->claim_id < b->claim_id; });
  std::vector<ClaimEntity> entities;
  std::int64_t previous = 0;
  for (const auto* c : claims) {
    if (c->claim_id == previous) continue;  // the same claim under another outlet
    previous = c->claim_id;
    rapidjson::Document list;
    list.Parse(c->entities.data(), c->entities.size());
    if (list.HasParseError() || !list.IsArray()) continue;
    for (const auto& item : list.GetArray()) {
      if (!item.IsObject() || !item.HasMember("name") || !item["name"].IsString()) continue;
      auto field = [&](const char* name) {
        return item.HasMember(name) && item[name].IsString() ? std::string(item[name].GetString()) : std::string();
      };
      ClaimEntity entity{field("name"), entity_kind_from_string(field("kind")).value_or(EntityKind::Other), field("role")};
      auto it = std::find_if(entities.begin(), entities.end(), [&](const auto& x) { return x.name == entity.name; });
      if (it == entities.end()) {
        entities.push_back(std::move(entity));
      } else if (it->role.empty()) {
        it->role = entity.role;
      }
    }
  }
  return entities;
}

FactSource source_of_claim(sql::Database& db, std::int64_t claim_id) {
  static const std::string sql =
      fmt::format("SELECT {} FROM claims c JOIN documents d ON d.id = c.doc WHERE c.id = ?", kSourceColumns);
  auto& q = db.prepared(sql);
  q.bind(1, claim_id);
  FactSource s;
  if (q.step()) s = source_from(q);
  q.reset();
  return s;
}

}  // namespace

Fact read_fact(sql::Database& db, std::int64_t fact_id) {
  Fact f;
  auto& q = db.prepared(
      "SELECT key, predicate, topic, headline, amount_value, amount_unit, amount_approximate, amount_text "
      "FROM facts WHERE id = ?");
  q.bind(1, fact_id);
  if (!q.step()) {
    q.reset();
    return f;
  }
  f.id = q.str(0);
  f.predicate = q.str(1);
  f.topic = q.str(2);
  f.headline = q.str(3);
  if (!q.is_null(4)) {
    Amount a;
    a.value = q.real(4);
    a.unit = q.str(5);
    a.approximate = q.int64(6) != 0;
    f.amount = a;
    f.amount_text = q.str(7);
  }
  q.reset();

  const std::vector<ClaimSource> claims = claim_sources(db, fact_id);
  std::vector<const ClaimSource*> all;
  for (const auto& c : claims) all.push_back(&c);
  f.entities = entities_of(std::move(all));

  std::vector<ValueRow> values = read_values(db, fact_id);
  sort_history(values);
  for (std::size_t i = 0; i < values.size(); ++i) {
    FactValue v;
    v.time = values[i].time;
    v.time_text = values[i].time_text;
    // Every value but the last has been replaced by a later report.
    v.status = i + 1 < values.size() ? ClaimStatus::Superseded : values[i].status;
    for (const auto& c : claims) {
      if (c.seq == values[i].seq) v.sources.push_back(c.source);
    }
    f.history.push_back(std::move(v));
  }

  auto& n = db.prepared("SELECT note FROM revision_notes WHERE fact_id = ? ORDER BY rowid");
  n.bind(1, fact_id);
  while (n.step()) f.revision_notes.push_back(n.str(0));
  n.reset();

  std::vector<std::tuple<std::string, std::int64_t, std::int64_t, std::string, std::string>> rows;
  auto& k = db.prepared(
      "SELECT about, first_claim, second_claim, first_value, second_value FROM contradictions "
      "WHERE fact_id = ? ORDER BY rowid");
  k.bind(1, fact_id);
  while (k.step()) rows.emplace_back(k.str(0), k.int64(1), k.int64(2), k.str(3), k.str(4));
  k.reset();
  for (auto& [about, first, second, first_value, second_value] : rows) {
    Contradiction c;
    c.about = about;
    c.first = source_of_claim(db, first);
    c.second = source_of_claim(db, second);
    c.first_value = first_value;
    c.second_value = second_value;
    f.contradictions.push_back(std::move(c));
  }
  return f;
}

}  // namespace dateline::engine
