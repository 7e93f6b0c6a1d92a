#include "store_rows.h"

#include <dateline/fact.h>

#include <algorithm>
#include <cmath>
#include <tuple>

namespace dateline::engine {

void bind_time(sql::Statement& s, int first, const std::optional<TimeValue>& time) {
  if (!time) {
    for (int i = 0; i < kTimeColumns; ++i) s.bind_null(first + i);
    return;
  }
  s.bind(first, time->value);
  s.bind_static(first + 1, to_string(time->type));  // names in static storage
  s.bind_static(first + 2, to_string(time->granularity));
  bind_date(s, first + 3, time->earliest);
  bind_date(s, first + 4, time->latest);
  if (time->mod == Mod::None) {
    s.bind_null(first + 5);
  } else {
    s.bind_static(first + 5, to_string(time->mod));
  }
}

std::optional<TimeValue> read_time(const sql::Statement& s, int first) {
  if (s.is_null(first)) return std::nullopt;
  TimeValue v;
  v.value = s.str(first);
  v.type = timex_type_from_string(s.text(first + 1)).value_or(TimexType::Date);
  v.granularity = granularity_from_string(s.text(first + 2)).value_or(Granularity::None);
  v.earliest = read_date(s, first + 3);
  v.latest = read_date(s, first + 4);
  if (!s.is_null(first + 5)) v.mod = mod_from_string(s.text(first + 5)).value_or(Mod::None);
  return v;
}

void bind_date(sql::Statement& s, int index, const std::optional<Date>& day) {
  if (!day) {
    s.bind_null(index);
    return;
  }
  // iso_string() without fmt, which cost more than the row: this runs for several columns of
  // every fact and value written. Dates are years 1400 to 9999 (Boost), four digits.
  const auto ymd = day->year_month_day();
  const int y = ymd.year, m = ymd.month, d = ymd.day;
  const char text[10] = {static_cast<char>('0' + y / 1000),     static_cast<char>('0' + y / 100 % 10),
                         static_cast<char>('0' + y / 10 % 10),  static_cast<char>('0' + y % 10),
                         '-',                                   static_cast<char>('0' + m / 10),
                         static_cast<char>('0' + m % 10),       '-',
                         static_cast<char>('0' + d / 10),       static_cast<char>('0' + d % 10)};
  s.bind(index, std::string_view(text, sizeof text));
}

std::optional<Date> read_date(const sql::Statement& s, int column) {
  if (s.is_null(column)) return std::nullopt;
  return parse_iso_date(s.text(column));
}

ClaimStatus read_status(const sql::Statement& s, int column) {
  return claim_status_from_string(s.text(column)).value_or(ClaimStatus::Occurred);
}

std::string join_names(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) {
    if (!out.empty()) out += '\t';
    out += n;
  }
  return out;
}

std::vector<std::string> split_names(std::string_view joined) {
  std::vector<std::string> out;
  while (!joined.empty()) {
    const std::size_t tab = joined.find('\t');
    out.emplace_back(joined.substr(0, tab));
    if (tab == std::string_view::npos) break;
    joined.remove_prefix(tab + 1);
  }
  return out;
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

MultiInsert::MultiInsert(std::string_view head, int columns, std::string_view tail)
    : columns_(columns), sql_(kMaxRows + 1) {
  std::string row = "(";
  for (int c = 0; c < columns; ++c) row += c ? ", ?" : "?";
  row += ")";
  for (std::size_t n = 1; n <= kMaxRows; ++n) {
    sql_[n] = std::string(head);
    for (std::size_t r = 0; r < n; ++r) sql_[n] += r ? ", " + row : row;
    sql_[n] += tail;
  }
}

std::vector<ValueRow> read_values(sql::Database& db, std::int64_t fact_id) {
  auto& q = db.prepared(
      "SELECT seq, value, type, granularity, earliest, latest, mod, time_text, status, first_reported, text_id "
      "FROM fact_values WHERE fact_id = ? ORDER BY seq");
  q.bind(1, fact_id);
  std::vector<ValueRow> values;
  while (q.step()) values.push_back(read_value(q, 0));
  q.reset();
  return values;
}

ValueRow read_value(const sql::Statement& s, int first) {
  ValueRow v;
  v.seq = s.int64(first);
  v.time = read_time(s, first + 1);
  v.time_text = s.str(first + 7);
  v.status = read_status(s, first + 8);
  v.first_reported = read_date(s, first + 9);
  v.text_id = s.int64(first + 10);
  return v;
}

void sort_history(std::vector<ValueRow>& values) {
  std::stable_sort(values.begin(), values.end(), [](const ValueRow& a, const ValueRow& b) {
    if (a.first_reported != b.first_reported) return a.first_reported < b.first_reported;  // nullopt first
    const bool a_old = a.status == ClaimStatus::Superseded, b_old = b.status == ClaimStatus::Superseded;
    if (a_old != b_old) return a_old;
    // Undated values first; then by the first day each may be.
    const bool da = a.time && a.time->earliest, db = b.time && b.time->earliest;
    if (da != db) return db;
    if (da && *a.time->earliest != *b.time->earliest) return *a.time->earliest < *b.time->earliest;
    return a.seq < b.seq;
  });
}

void EntityFrequency::refresh() {
  cache_.clear();
  auto& q = db_.prepared("SELECT max(id) FROM texts");
  texts_ = q.step() && !q.is_null(0) ? q.int64(0) : 0;
  q.reset();
  frequent_.clear();
  auto& f = db_.prepared("SELECT name, df FROM entity_df WHERE df >= 3 AND 4 * df > ?");
  f.bind(1, texts_);
  while (f.step()) frequent_.emplace(f.str(0), f.int64(1));
  f.reset();
  ++generation_;
}

void EntityFrequency::set_count(const std::string& name, std::int64_t df) {
  if (cache_.size() >= kCacheNames) cache_.clear();
  cache_.insert_or_assign(name, df);
  if (is_frequent(df)) {
    if (frequent_.insert_or_assign(name, df).second) ++generation_;
  } else if (frequent_.erase(name)) {
    ++generation_;
  }
}

void EntityFrequency::add_text(std::int64_t text_id, const std::set<std::string>& names) {
  texts_ = std::max(texts_, text_id);
  // The counts before this text (cached, or read), to keep the cached figures and the frequent
  // names exact. Not the upsert's RETURNING clause: SQLite gathers returned rows in a temporary
  // table, which doubled the statement's cost.
  const std::vector<std::string> list(names.begin(), names.end());
  std::vector<std::int64_t> counts;
  counts.reserve(list.size());
  for (const auto& name : list) counts.push_back(df(name) + 1);
  // Names are distinct (a set): each row of the statement counts one more text.
  static const MultiInsert rows("INSERT OR FAIL INTO entity_df(name, df) VALUES ", 2,
                                " ON CONFLICT(name) DO UPDATE SET df = df + 1");
  rows.write(db_, list.size(), [&](sql::Statement& s, int first, std::size_t i) {
    s.bind_static(first, list[i]).bind(first + 1, std::int64_t{1});
  });
  for (std::size_t i = 0; i < list.size(); ++i) set_count(list[i], counts[i]);
  // One more text: a name this one does not name may now be in no more than a quarter of them.
  for (auto it = frequent_.begin(); it != frequent_.end();) {
    if (is_frequent(it->second)) {
      ++it;
    } else {
      it = frequent_.erase(it);
      ++generation_;
    }
  }
}

std::int64_t EntityFrequency::df(const std::string& name) {
  if (auto it = cache_.find(name); it != cache_.end()) return it->second;
  if (cache_.size() >= kCacheNames) cache_.clear();
  auto& q = db_.prepared("SELECT df FROM entity_df WHERE name = ?");
  q.bind(1, name);
  const std::int64_t n = q.step() ? q.int64(0) : 0;
  q.reset();
  cache_.emplace(name, n);
  return n;
}

double EntityFrequency::idf(const std::string& name) {
  const double n = static_cast<double>(std::max<std::int64_t>(1, df(name)));
  return std::log(1.0 + static_cast<double>(std::max<std::int64_t>(1, texts_)) / n);
}

std::vector<std::string> EntityFrequency::specific(const std::vector<std::string>& names) const {
  std::vector<std::string> out;
  for (const auto& n : names) {
    if (!frequent(n)) out.push_back(n);
  }
  return out;
}

std::int64_t next_source_id(sql::Database& db, std::int64_t fact_id) {
  auto& q = db.prepared("SELECT id FROM fact_sources WHERE id BETWEEN ? AND ? ORDER BY id DESC LIMIT 1");
  q.bind(1, SourceIds::first(fact_id)).bind(2, SourceIds::last(fact_id));
  const std::int64_t next = q.step() ? q.int64(0) + 1 : SourceIds::first(fact_id);
  q.reset();
  return next;
}

}  // namespace dateline::engine
