// The store's queries: timelines, upcoming scheduled facts, facts by entity. Each selects ids
// through an index, then reads the facts whole (fact_reader.cpp).

#include "fact_matching.h"
#include "fact_reader.h"
#include "store_impl.h"
#include "value_history.h"

#include <dateline/order.h>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>

namespace dateline {
namespace {

using engine::lower;

std::vector<std::int64_t> ids_of(sql::Statement& q) {
  std::vector<std::int64_t> ids;
  while (q.step()) ids.push_back(q.int64(0));
  q.reset();
  return ids;
}

// Chronological on the current time (undated last), then by id: total and stable.
bool fact_less(const Fact& a, const Fact& b) {
  const auto& ta = a.time();
  const auto& tb = b.time();
  const bool da = ta && ta->has_bounds(), db = tb && tb->has_bounds();
  if (da != db) return da;
  if (da) {
    if (chronological_less(*ta, *tb)) return true;
    if (chronological_less(*tb, *ta)) return false;
  }
  return a.id < b.id;
}

LinkKind order_link(Relation r) {
  switch (r) {
    case Relation::Before: return LinkKind::Before;
    case Relation::After: return LinkKind::After;
    case Relation::Same: return LinkKind::SameAs;
    case Relation::Includes: return LinkKind::Includes;
    default: return LinkKind::Overlaps;
  }
}

// Revision links inside a fact: each dated value EXTENDS (when later) or SUPERSEDES the dated
// value before it, as stored by the merger.
void revision_links(const Fact& f, std::vector<Link>& links) {
  std::optional<std::size_t> previous;
  for (std::size_t i = 0; i < f.history.size(); ++i) {
    const auto& t = f.history[i].time;
    if (!t || !t->has_bounds()) continue;
    if (previous) {
      const bool later = relate(*t, *f.history[*previous].time) == Relation::After;
      links.push_back(Link{f.id, f.id, later ? LinkKind::Extends : LinkKind::Supersedes, i, *previous});
    }
    previous = i;
  }
}

// Links of a chronologically sorted run of facts: what the intervals say of each fact and the
// next (BEFORE, SAME_AS, INCLUDES, OVERLAPS; a coarse period that contains the next is kept as
// INCLUDES rather than forced before or after it), revisions, and stored links between them.
std::vector<Link> links_of(sql::Database& db, const std::vector<Fact>& facts, const std::map<std::string, std::int64_t>& rows) {
  std::vector<Link> links;
  for (const auto& f : facts) revision_links(f, links);
  for (std::size_t i = 0; i + 1 < facts.size(); ++i) {
    const auto& a = facts[i].time();
    const auto& b = facts[i + 1].time();
    if (!a || !b || !a->has_bounds() || !b->has_bounds()) continue;
    const Relation r = relate(*a, *b);
    if (r == Relation::IncludedIn) {
      links.push_back(Link{facts[i + 1].id, facts[i].id, LinkKind::Includes, {}, {}});
    } else {
      links.push_back(Link{facts[i].id, facts[i + 1].id, order_link(r), {}, {}});
    }
  }
  // Stored links between the run's facts, in one statement: by the source fact's id, then as stored.
  std::unordered_map<std::int64_t, std::string> keys;
  std::vector<std::int64_t> ids;
  for (const auto& [key, row] : rows) {
    keys[row] = key;
    ids.push_back(row);
  }
  std::map<std::string, std::vector<Link>> stored;
  auto& q = db.prepared(
      "SELECT from_fact, to_fact, kind FROM links WHERE from_fact IN (SELECT value FROM json_each(?1)) "
      "AND from_value IS NULL ORDER BY rowid");
  q.bind(1, engine::id_list(ids));
  while (q.step()) {
    auto from = keys.find(q.int64(0));
    auto to = keys.find(q.int64(1));
    const auto kind = link_kind_from_string(q.text(2));
    if (from != keys.end() && to != keys.end() && kind) stored[from->second].push_back(Link{from->second, to->second, *kind, {}, {}});
  }
  q.reset();
  for (auto& [key, found] : stored) links.insert(links.end(), found.begin(), found.end());
  return links;
}

std::vector<Fact> read_facts(sql::Database& db, const std::vector<std::int64_t>& ids,
                             std::map<std::string, std::int64_t>* rows = nullptr) {
  std::vector<std::int64_t> found;
  std::vector<Fact> facts = engine::read_facts(db, ids, rows ? &found : nullptr);
  if (rows) {
    for (std::size_t i = 0; i < facts.size(); ++i) (*rows)[facts[i].id] = found[i];
  }
  std::sort(facts.begin(), facts.end(), fact_less);
  return facts;
}

// Threads whose title or topics have a word starting with each word of the query ("tiktok"
// finds "TikTok divestment"; "nasams sale" needs both words): index range scans, no table scan.
std::set<std::int64_t> timelines_by_topic(sql::Database& db, const std::string& topic) {
  const std::string words = engine::normalize_topic(topic);
  std::optional<std::set<std::int64_t>> found;
  auto& q = db.prepared("SELECT DISTINCT timeline_id FROM timeline_words WHERE word >= ?1 AND word < ?1 || x'FF'");
  std::size_t start = 0;
  while (start < words.size()) {
    std::size_t end = words.find(' ', start);
    if (end == std::string::npos) end = words.size();
    q.bind(1, std::string_view(words).substr(start, end - start));
    std::set<std::int64_t> these;
    for (auto id : ids_of(q)) {
      if (!found || found->count(id)) these.insert(id);
    }
    found = std::move(these);
    start = end + 1;
  }
  return found.value_or(std::set<std::int64_t>{});
}

std::set<std::int64_t> timelines_by_entity(sql::Database& db, const std::string& entity) {
  auto& q = db.prepared("SELECT timeline_id FROM timeline_entities WHERE name_lc = ?");
  q.bind(1, lower(entity));
  const auto ids = ids_of(q);
  return {ids.begin(), ids.end()};
}

}  // namespace

std::vector<Timeline> Store::timelines(const TimelineQuery& query) const {
  sql::Database& db = impl_->db;
  const sql::ReadSnapshot snapshot(db);
  std::set<std::int64_t> ids;
  if (!query.topic.empty()) {
    ids = timelines_by_topic(db, query.topic);
    if (!query.entity.empty()) {
      std::set<std::int64_t> both;
      for (auto id : timelines_by_entity(db, query.entity)) {
        if (ids.count(id)) both.insert(id);
      }
      ids = both;
    }
  } else if (!query.entity.empty()) {
    ids = timelines_by_entity(db, query.entity);
  } else {
    auto& all = db.prepared("SELECT id FROM timelines");
    for (auto id : ids_of(all)) ids.insert(id);
  }
  const std::string from = query.from ? iso_string(*query.from) : std::string("0000-01-01");
  const std::string to = query.to ? iso_string(*query.to) : std::string("9999-12-31");
  const bool ranged = query.from || query.to;
  std::vector<Timeline> out;
  for (std::int64_t id : ids) {
    Timeline t;
    auto& head = db.prepared("SELECT key, title FROM timelines WHERE id = ?");
    head.bind(1, id);
    if (!head.step()) {
      head.reset();
      continue;
    }
    t.id = head.str(0);
    t.title = head.str(1);
    head.reset();
    auto& names = db.prepared(
        "SELECT name FROM timeline_entities WHERE timeline_id = ? ORDER BY facts DESC, name LIMIT 5");
    names.bind(1, id);
    while (names.step()) t.entities.push_back(names.str(0));
    names.reset();
    std::vector<std::int64_t> fact_ids;
    if (ranged) {
      auto& q = db.prepared(
          "SELECT id FROM facts WHERE timeline_id = ? AND cur_earliest IS NOT NULL AND cur_earliest <= ? "
          "AND cur_latest >= ?");
      q.bind(1, id).bind(2, to).bind(3, from);
      fact_ids = ids_of(q);
    } else {
      auto& q = db.prepared("SELECT id FROM facts WHERE timeline_id = ?");
      q.bind(1, id);
      fact_ids = ids_of(q);
    }
    if (fact_ids.empty()) continue;
    std::map<std::string, std::int64_t> rows;
    t.facts = read_facts(db, fact_ids, &rows);
    t.links = links_of(db, t.facts, rows);
    out.push_back(std::move(t));
  }
  std::sort(out.begin(), out.end(), [](const Timeline& a, const Timeline& b) {
    if (fact_less(a.facts.front(), b.facts.front())) return true;
    if (fact_less(b.facts.front(), a.facts.front())) return false;
    return a.id < b.id;
  });
  return out;
}

std::vector<Fact> Store::upcoming(const UpcomingQuery& query) const {
  // Any fact whose current interval reaches into the window: "September" is listed on
  // 2025-09-20 as long as part of it is still ahead; nothing is pinned to a day it does not have.
  const Date end = query.as_of + boost::gregorian::days(query.within_days);
  const sql::ReadSnapshot snapshot(impl_->db);
  // The longest upcoming interval bounds the index range from above (schema.cpp, version 2).
  auto& span = impl_->db.prepared("SELECT max(julianday(cur_latest) - julianday(cur_earliest)) FROM facts WHERE upcoming = 1");
  const long longest = span.step() && !span.is_null(0) ? static_cast<long>(std::ceil(span.real(0))) : 0;
  span.reset();
  // facts_ahead covers the columns of the facts' rows a listing shows (schema version 4): the
  // rows themselves, one page each, are not read.
  auto& q = impl_->db.prepared(
      "SELECT id, key, predicate, topic, headline, amount_value, amount_unit, amount_approximate, amount_text, history "
      "FROM facts INDEXED BY facts_ahead WHERE upcoming = 1 AND cur_latest >= ?1 AND cur_latest <= ?3 "
      "AND cur_earliest <= ?2");
  q.bind(1, iso_string(query.as_of)).bind(2, iso_string(end)).bind(3, iso_string(end + boost::gregorian::days(longest)));
  std::vector<engine::FactHead> heads;
  while (q.step()) {
    engine::FactHead& head = heads.emplace_back(engine::FactHead{q.int64(0), engine::read_fact_head(q, 1), {}});
    // The values from the index too (schema version 5); without a history, from fact_values.
    if (!q.is_null(9) && !engine::read_history(q.text(9), head.values)) head.values.clear();
  }
  q.reset();
  std::vector<Fact> facts = engine::read_facts(impl_->db, std::move(heads));
  std::sort(facts.begin(), facts.end(), fact_less);
  return facts;
}

std::vector<Fact> Store::facts(const FactQuery& query) const {
  sql::Database& db = impl_->db;
  const sql::ReadSnapshot snapshot(db);
  std::vector<std::int64_t> ids;
  if (!query.entity.empty() && query.contradictions_only) {
    // From the contradictions (few) to the entity, not through every fact naming it: "China"
    // names most facts of a large store (4 s on a million claims the other way round).
    auto& q = db.prepared(
        "SELECT DISTINCT c.fact_id FROM contradictions c CROSS JOIN fact_entities e "
        "WHERE e.name_lc = ? AND e.fact_id = c.fact_id ORDER BY c.fact_id");
    q.bind(1, lower(query.entity));
    ids = ids_of(q);
  } else if (!query.entity.empty()) {
    auto& q = db.prepared("SELECT fact_id FROM fact_entities WHERE name_lc = ?");
    q.bind(1, lower(query.entity));
    ids = ids_of(q);
  } else if (query.contradictions_only) {
    auto& q = db.prepared("SELECT DISTINCT fact_id FROM contradictions");
    ids = ids_of(q);
  } else {
    auto& q = db.prepared("SELECT id FROM facts");
    ids = ids_of(q);
  }
  return read_facts(db, ids);
}

}  // namespace dateline
