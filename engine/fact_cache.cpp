#include "fact_cache.h"

#include <algorithm>

namespace dateline::engine {

std::shared_ptr<CandidateFact> FactCache::get(std::int64_t id) {
  if (auto it = young_.find(id); it != young_.end()) return it->second;
  std::shared_ptr<CandidateFact> fact;
  if (auto it = old_.find(id); it != old_.end()) {
    fact = std::move(it->second);
    old_.erase(it);
  } else {
    fact = load(id);
    if (!fact) return nullptr;
  }
  if (young_.size() >= kGeneration) {
    old_ = std::move(young_);
    young_.clear();
  }
  young_.emplace(id, fact);
  return fact;
}

void FactCache::put(std::shared_ptr<CandidateFact> fact) {
  old_.erase(fact->id);
  if (young_.size() >= kGeneration) {
    old_ = std::move(young_);
    young_.clear();
  }
  young_.insert_or_assign(fact->id, std::move(fact));
}

CandidateFact* FactCache::cached(std::int64_t id) {
  if (auto it = young_.find(id); it != young_.end()) return it->second.get();
  if (auto it = old_.find(id); it != old_.end()) return it->second.get();
  return nullptr;
}

void FactCache::forget(std::int64_t id) {
  young_.erase(id);
  old_.erase(id);
}

void FactCache::clear() {
  unwritten_keys_.clear();  // a rolled-back document's
  unwritten_by_key_.clear();
  young_.clear();
  old_.clear();
  young_keys_.clear();
  old_keys_.clear();
}

namespace {

// Files `fact_id` in a list of at most kFactsPerKey ids, newest first, unless it is there.
void file_newest_first(std::vector<std::int64_t>& ids, std::int64_t fact_id, std::size_t limit) {
  const auto at = std::find_if(ids.begin(), ids.end(), [&](std::int64_t id) { return id <= fact_id; });
  if (at != ids.end() && *at == fact_id) return;
  ids.insert(at, fact_id);
  if (ids.size() > limit) ids.pop_back();
}

}  // namespace

const std::vector<std::int64_t>& FactCache::facts_with_key(std::int64_t key) {
  if (auto it = young_keys_.find(key); it != young_keys_.end()) return it->second;
  std::vector<std::int64_t> ids;
  if (auto it = old_keys_.find(key); it != old_keys_.end()) {
    ids = std::move(it->second);
    old_keys_.erase(it);
  } else {
    auto& q = db_.prepared("SELECT fact_id FROM fact_lookup WHERE key_hash = ? ORDER BY fact_id DESC LIMIT ?");
    q.bind(1, key).bind(2, kFactsPerKey);
    while (q.step()) ids.push_back(q.int64(0));
    q.reset();
    if (auto it = unwritten_by_key_.find(key); it != unwritten_by_key_.end()) {
      for (std::int64_t id : it->second) file_newest_first(ids, id, kFactsPerKey);
    }
  }
  if (young_keys_.size() >= kKeyGeneration) {
    old_keys_ = std::move(young_keys_);
    young_keys_.clear();
  }
  return young_keys_.emplace(key, std::move(ids)).first->second;
}

void FactCache::add_key(std::int64_t key, std::int64_t fact_id) {
  unwritten_keys_.emplace_back(key, fact_id);
  unwritten_by_key_[key].push_back(fact_id);
  // Newest first, as the store's query gives them: an older fact that gains a key (a new entity
  // named about it) takes its place by id. A list shorter than kFactsPerKey holds all the key's
  // facts, and a full one all those newer than its last: either way one that is filed already
  // is in it.
  for (auto* keys : {&young_keys_, &old_keys_}) {
    if (auto it = keys->find(key); it != keys->end()) file_newest_first(it->second, fact_id, kFactsPerKey);
  }
}

void FactCache::write_keys() {
  if (unwritten_keys_.empty()) return;
  // In key order, each once: neighbouring rows share index pages.
  std::sort(unwritten_keys_.begin(), unwritten_keys_.end());
  unwritten_keys_.erase(std::unique(unwritten_keys_.begin(), unwritten_keys_.end()), unwritten_keys_.end());
  static const MultiInsert rows("INSERT OR IGNORE INTO fact_lookup(key_hash, fact_id) VALUES ", 2);
  rows.write(db_, unwritten_keys_.size(), [&](sql::Statement& s, int first, std::size_t i) {
    s.bind(first, unwritten_keys_[i].first).bind(first + 1, unwritten_keys_[i].second);
  });
  unwritten_keys_.clear();
  unwritten_by_key_.clear();
}

std::shared_ptr<CandidateFact> FactCache::load(std::int64_t id) {
  // The row and its values in one statement (the fact's columns repeat on each value's row).
  auto& q = db_.prepared(
      "SELECT f.predicate, f.families, f.topic_norm, f.entities, f.amount_value, f.amount_unit, f.amount_approximate, "
      "f.amount_text, f.cur_seq, f.topic, f.recipients, v.seq, v.value, v.type, v.granularity, v.earliest, v.latest, "
      "v.mod, v.time_text, v.status, v.first_reported, v.text_id "
      "FROM facts f LEFT JOIN fact_values v ON v.fact_id = f.id WHERE f.id = ? ORDER BY v.seq");
  q.bind(1, id);
  if (!q.step()) {
    q.reset();
    return nullptr;
  }
  auto f = std::make_shared<CandidateFact>();
  f->id = id;
  f->predicate = q.str(0);
  f->info = predicate_info(f->predicate);
  f->subject.families = split_names(q.text(1));
  f->subject.topic = q.str(2);
  f->subject.all_entities = split_names(q.text(3));
  if (!q.is_null(4)) {
    Amount a;
    a.value = q.real(4);
    a.unit = q.str(5);
    a.approximate = q.int64(6) != 0;
    f->amount = a;
    f->amount_text = q.str(7);
  }
  f->cur_seq = q.is_null(8) ? 0 : q.int64(8);
  f->topic_text = q.str(9);
  f->subject.recipients = split_names(q.text(10));
  do {
    if (q.is_null(11)) continue;  // no values (not written by this dateline)
    f->values.push_back(read_value(q, 11));
  } while (q.step());
  q.reset();
  return f;
}

}  // namespace dateline::engine
