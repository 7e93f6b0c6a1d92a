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

// Every document carrying the claim's text is a source: syndicated copies count once per outlet.
std::vector<FactSource> sources_of_value(sql::Database& db, std::int64_t fact_id, std::int64_t seq) {
  static const std::string sql = fmt::format(
      "SELECT {} FROM claims c JOIN documents d ON d.text_id = c.text_id "
      "WHERE c.fact_id = ? AND c.value_seq = ? ORDER BY d.published_day, d.rowid, c.id",
      kSourceColumns);
  auto& q = db.prepared(sql);
  q.bind(1, fact_id).bind(2, seq);
  std::vector<FactSource> sources;
  while (q.step()) sources.push_back(source_from(q));
  q.reset();
  return sources;
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

  auto& e = db.prepared("SELECT entities FROM claims WHERE fact_id = ? ORDER BY id");
  e.bind(1, fact_id);
  while (e.step()) {
    rapidjson::Document list;
    const std::string_view text = e.text(0);
    list.Parse(text.data(), text.size());
    if (list.HasParseError() || !list.IsArray()) continue;
    for (const auto& item : list.GetArray()) {
      if (!item.IsObject() || !item.HasMember("name") || !item["name"].IsString()) continue;
      auto field = [&](const char* name) {
        return item.HasMember(name) && item[name].IsString() ? std::string(item[name].GetString()) : std::string();
      };
      ClaimEntity entity{field("name"), entity_kind_from_string(field("kind")).value_or(EntityKind::Other), field("role")};
      auto it = std::find_if(f.entities.begin(), f.entities.end(), [&](const auto& x) { return x.name == entity.name; });
      if (it == f.entities.end()) {
        f.entities.push_back(std::move(entity));
      } else if (it->role.empty()) {
        it->role = entity.role;
      }
    }
  }
  e.reset();

  std::vector<ValueRow> values = read_values(db, fact_id);
  sort_history(values);
  for (std::size_t i = 0; i < values.size(); ++i) {
    FactValue v;
    v.time = values[i].time;
    v.time_text = values[i].time_text;
    // Every value but the last has been replaced by a later report.
    v.status = i + 1 < values.size() ? ClaimStatus::Superseded : values[i].status;
    v.sources = sources_of_value(db, fact_id, values[i].seq);
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
