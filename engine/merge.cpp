#include "merge.h"

#include "value_history.h"

#include <dateline/document.h>
#include <dateline/fact.h>
#include <dateline/order.h>

#include <fmt/format.h>

#include <algorithm>

namespace dateline::engine {
namespace {

// Candidate facts: FactCache::kFactsPerKey per lookup key, most recent first, at most
// kMaxCandidates: enough to find the fact a report continues without reading every fact that
// names "US".
constexpr std::size_t kMaxCandidates = 64;

using FactPtr = std::shared_ptr<CandidateFact>;

// The names of a topic that tell facts apart: not an entity named in a large share of all texts.
// "China sale" in a store where most articles name China says no more than "sale": every
// company told to sell to a buyer outside China would otherwise be one fact.
std::vector<std::string> telling_names(std::string_view topic, EntityFrequency& frequency) {
  std::vector<std::string> names;
  for_each_rare_name(topic, frequency, [&](std::string_view word) {
    std::string n = normalize_topic(word);
    if (!n.empty()) names.push_back(std::move(n));
    return true;
  });
  return names;
}

// A candidate fact with its specific entities and telling names as of now (they change with the
// set of frequent names).
FactPtr read_fact(DocumentContext& c, std::int64_t id) {
  if (!c.cache.cached(id)) c.pending.write_values(c.db);  // read from the store: with this document's values
  FactPtr f = c.cache.get(id);
  if (!f && c.pending.find(id)) {
    // A new fact of this document dropped from the cache (a document of thousands of facts):
    // its row is written now, to be read back.
    c.pending.write(c.db);
    f = c.cache.get(id);
  }
  if (f && f->derived_for != c.frequency.generation()) {
    f->subject.entities = c.frequency.specific(f->subject.all_entities);
    f->subject.topic_names = telling_names(f->topic_text, c.frequency);
    f->derived_for = c.frequency.generation();
  }
  return f;
}

// Whether a statement can be about a fact reported in another text: they share a telling name of
// their topics, or both name entities (same_subject() has compared them). "The original deadline
// was June 3", naming nothing, is about the deadline of its own article, not of every article.
bool anchored(const Subject& a, const Subject& b) {
  for (const auto& n : a.topic_names) {
    if (std::find(b.topic_names.begin(), b.topic_names.end(), n) != b.topic_names.end()) return true;
  }
  return !a.all_entities.empty() && !b.all_entities.empty();
}

bool reported_in(const CandidateFact& fact, std::int64_t text_id) {
  return std::any_of(fact.values.begin(), fact.values.end(), [&](const ValueRow& v) { return v.text_id == text_id; });
}

std::vector<std::string_view> topic_words(std::string_view topic) {
  std::vector<std::string_view> words;
  while (!topic.empty()) {
    const std::size_t space = topic.find(' ');
    words.push_back(topic.substr(0, space));
    if (space == std::string_view::npos) break;
    topic.remove_prefix(space + 1);
  }
  return words;
}

// Lookup keys, hashed (FactCache): "e" or "w", the family and the entity (lower case) or word,
// separated by 0x1f, as the text keys of schema version 2 were.
std::int64_t entity_key(std::string_view family, std::string_view name) {
  return KeyHash().add("e\x1f").add(family).add("\x1f").add_lower(name).value();
}
std::int64_t word_key(std::string_view family, std::string_view word) {
  return KeyHash().add("w\x1f").add(family).add("\x1f").add(word).value();
}

// Keys to look candidates up by: the names of a named topic; specific entities (a fact about
// them matches only facts that share one or its named topic); without either, the topic's words,
// and without a topic the frequent entities.
std::vector<std::int64_t> lookup_keys(const Subject& s) {
  std::vector<std::int64_t> keys;
  for (const auto& family : s.families) {
    // The names of a named topic find the facts it matches whatever their entities.
    for (const auto& n : s.topic_names) keys.push_back(word_key(family, n));
    if (!s.entities.empty()) {
      for (const auto& e : s.entities) keys.push_back(entity_key(family, e));
    } else if (!s.topic.empty() && s.topic_names.empty()) {
      for (auto w : topic_words(s.topic)) keys.push_back(word_key(family, w));
    } else {
      for (const auto& e : s.all_entities) keys.push_back(entity_key(family, e));
    }
  }
  return keys;
}

std::vector<std::int64_t> candidates(DocumentContext& c, const Subject& s) {
  std::vector<std::int64_t> ids;
  for (const std::int64_t key : lookup_keys(s)) {
    for (std::int64_t id : c.cache.facts_with_key(key)) {
      if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
    }
    if (ids.size() >= kMaxCandidates) break;
  }
  // Most recent first: a new report most likely continues the latest story.
  std::sort(ids.rbegin(), ids.rend());
  return ids;
}

// Every entity is indexed for queries; for merging, frequent entities only when the fact names
// nothing more specific (lookup_keys never asks for them otherwise).
void index_entities(DocumentContext& c, std::int64_t fact_id, const std::vector<std::string>& families,
                    const std::vector<std::string>& names, bool frequent_keys) {
  for (const auto& name : names) {
    c.entity_rows.emplace_back(lower(name), fact_id);
    if (!frequent_keys && c.frequency.frequent(name)) continue;
    for (const auto& family : families) c.cache.add_key(entity_key(family, name), fact_id);
  }
}

std::int64_t first_claim_of(DocumentContext& c, std::int64_t fact_id, std::int64_t seq) {
  auto& q = c.db.prepared("SELECT min(claim_id) FROM fact_sources WHERE id BETWEEN ? AND ? AND value_seq = ?");
  q.bind(1, SourceIds::first(fact_id)).bind(2, SourceIds::last(fact_id)).bind(3, seq);
  const std::int64_t id = q.step() ? q.int64(0) : 0;
  q.reset();
  if (id) return id;
  for (const auto& other : *c.claims) {  // reported first by this document, not yet written
    if (other.fact == fact_id && other.seq == seq) return other.row;
  }
  return 0;
}

void set_claim_fact(IngestClaim& ic, std::int64_t fact_id, std::optional<std::int64_t> seq) {
  ic.fact = fact_id;
  ic.seq = seq;
}

std::string time_label(const std::optional<TimeValue>& time) { return time ? time->value : std::string("undated"); }

void record_contradiction(DocumentContext& c, std::int64_t fact_id, std::string_view about, std::int64_t first_claim,
                          IngestClaim& ic, std::string_view first_value, std::string_view second_value) {
  c.db.prepared(
          "INSERT INTO contradictions(fact_id, about, first_claim, second_claim, first_value, second_value) "
          "VALUES (?, ?, ?, ?, ?, ?)")
      .bind(1, fact_id)
      .bind(2, about)
      .bind(3, first_claim)
      .bind(4, ic.row)
      .bind(5, first_value)
      .bind(6, second_value)
      .run();
  // The claim belongs to the fact but to none of its values: it disagrees with them.
  set_claim_fact(ic, fact_id, std::nullopt);
}

void insert_value(DocumentContext& c, std::int64_t fact_id, std::int64_t seq, IngestClaim& ic) {
  const std::optional<TimeValue> time = ic.claim->time ? std::optional(ic.claim->time->value) : std::nullopt;
  c.pending.add_value(PendingValue{fact_id, seq, time, ic.time_text, ic.claim->status, c.reported, c.text_id});
  if (CandidateFact* cached = c.cache.cached(fact_id)) {
    // Values are kept by seq; a new one has the next.
    cached->values.push_back(ValueRow{seq, time, ic.time_text, ic.claim->status, c.reported, c.text_id});
  }
  set_claim_fact(ic, fact_id, seq);
}

// Adds the claim as a source of an existing value, sharpening what the value knows.
void attach(DocumentContext& c, const CandidateFact& fact, const ValueRow& value, IngestClaim& ic) {
  const Claim& claim = *ic.claim;
  const std::int64_t seq = value.seq;
  set_claim_fact(ic, fact.id, seq);
  // What changes, applied to the cached copy (which `fact` and `value` may be) once written.
  bool sharper_time = false, earlier_report = false;
  c.pending.write_values(c.db);  // the value may be one this document added
  if (claim.time && claim.time->value.has_bounds()) {
    const bool sharper = !value.time || !value.time->has_bounds() ||
                         &finer_time(*value.time, claim.time->value) == &claim.time->value;
    if (sharper && (!value.time || claim.time->value != *value.time)) {
      auto& s = c.db.prepared(
          "UPDATE OR FAIL fact_values SET value = ?, type = ?, granularity = ?, earliest = ?, latest = ?, mod = ?, "
          "time_text = ? WHERE fact_id = ? AND seq = ?");
      bind_time(s, 1, claim.time->value);
      s.bind(7, ic.time_text).bind(8, fact.id).bind(9, seq).run();
      sharper_time = true;
    }
  }
  if (c.reported && (!value.first_reported || *c.reported < *value.first_reported)) {
    auto& u = c.db.prepared("UPDATE OR FAIL fact_values SET first_reported = ? WHERE fact_id = ? AND seq = ?");
    bind_date(u, 1, c.reported);
    u.bind(2, fact.id).bind(3, seq).run();
    earlier_report = true;
  }
  const bool new_amount = claim.amount && !fact.amount;
  PendingFact* pending = c.pending.find(fact.id);
  if (new_amount && pending) {
    pending->amount = Amount{{}, claim.amount->value, claim.amount->unit, claim.amount->approximate};
    pending->amount_text = ic.amount_text;
  } else if (new_amount) {
    c.db.prepared("UPDATE OR FAIL facts SET amount_value = ?, amount_unit = ?, amount_approximate = ?, amount_text = ? WHERE id = ?")
        .bind(1, claim.amount->value)
        .bind(2, claim.amount->unit)
        .bind(3, claim.amount->approximate ? 1 : 0)
        .bind(4, ic.amount_text)
        .bind(5, fact.id)
        .run();
  }
  std::vector<std::string> added;
  for (const auto& name : ic.subject.all_entities) {
    if (std::find(fact.subject.all_entities.begin(), fact.subject.all_entities.end(), name) ==
        fact.subject.all_entities.end()) {
      added.push_back(name);
    }
  }
  std::vector<std::string> all;
  if (!added.empty()) {
    all = fact.subject.all_entities;
    all.insert(all.end(), added.begin(), added.end());
    if (pending) {
      pending->entities = join_names(all);
    } else {
      c.db.prepared("UPDATE OR FAIL facts SET entities = ? WHERE id = ?").bind(1, join_names(all)).bind(2, fact.id).run();
    }
    index_entities(c, fact.id, fact.subject.families, added, fact.subject.entities.empty());
  }
  const std::int64_t fact_id = fact.id;
  if (CandidateFact* cached = c.cache.cached(fact_id)) {
    for (auto& v : cached->values) {
      if (v.seq != seq) continue;
      if (sharper_time) {
        v.time = claim.time->value;
        v.time_text = ic.time_text;
      }
      if (earlier_report) v.first_reported = c.reported;
    }
    if (new_amount) {
      cached->amount = Amount{{}, claim.amount->value, claim.amount->unit, claim.amount->approximate};
      cached->amount_text = ic.amount_text;
    }
    if (!added.empty()) {
      cached->subject.all_entities = split_names(join_names(all));
      cached->derived_for = 0;
    }
  }
  if (sharper_time || earlier_report) refresh_fact(c.db, c.cache, fact_id, &c.pending);
}

std::string headline_of(const IngestClaim& ic) {
  const Claim& claim = *ic.claim;
  std::string subject = claim.topic;
  if (subject.empty()) {
    for (const auto& e : claim.entities) {
      if (subject.size() > 40) break;
      if (!subject.empty()) subject += ", ";
      subject += e.name;
    }
  }
  std::string headline = subject;
  if (lower(subject).find(lower(claim.predicate)) == std::string::npos) {
    headline = subject.empty() ? claim.predicate : fmt::format("{} {}", subject, claim.predicate);
  }
  for (const auto& e : claim.entities) {
    if (e.role == "agent" && headline.find(e.name) == std::string::npos) {
      headline = fmt::format("{}: {}", e.name, headline);
      break;
    }
  }
  if (!ic.amount_text.empty()) headline = fmt::format("{} ({})", headline, ic.amount_text);
  if (!headline.empty() && headline[0] >= 'a' && headline[0] <= 'z') headline[0] = static_cast<char>(headline[0] - 32);
  return headline;
}

bool is_upcoming(PredicateKind kind, ClaimStatus status);

std::int64_t create_fact(DocumentContext& c, IngestClaim& ic) {
  const Claim& claim = *ic.claim;
  const std::optional<TimeValue> time = claim.time ? std::optional(claim.time->value) : std::nullopt;
  const bool dated = time && time->has_bounds();
  // One value: it is the current one (refresh_fact would say the same, at three more statements).
  // The row is written at the end of the document, with its thread (PendingFacts).
  PendingFact row;
  const std::int64_t id = c.pending.next_id(c.db);
  row.id = id;
  row.key = fmt::format("f{}", document_id("fact", ic.key));
  row.predicate = claim.predicate;
  row.family = ic.info.family;
  row.families = join_names(ic.subject.families);
  row.topic = claim.topic;
  row.topic_norm = ic.subject.topic;
  row.headline = headline_of(ic);
  row.entities = join_names(ic.subject.all_entities);
  if (claim.amount) {
    row.amount = Amount{{}, claim.amount->value, claim.amount->unit, claim.amount->approximate};
    row.amount_text = ic.amount_text;
  }
  row.upcoming = is_upcoming(ic.info.kind, claim.status) && dated;
  row.cur_status = to_string(claim.status);
  if (dated) {
    row.cur_earliest = time->earliest;
    row.cur_latest = time->latest;
  }
  if (time) row.cur_granularity = time->granularity;
  if (row.upcoming) row.history = history_json({ValueRow{0, time, ic.time_text, claim.status, c.reported, c.text_id}});
  row.recipients = join_names(ic.subject.recipients);
  c.pending.add(std::move(row));
  // Cached as a read would give it back (names through their tab-joined columns).
  auto fact = std::make_shared<CandidateFact>();
  fact->id = id;
  fact->predicate = claim.predicate;
  fact->info = predicate_info(claim.predicate);
  fact->subject.families = split_names(join_names(ic.subject.families));
  fact->subject.topic = ic.subject.topic;
  fact->subject.all_entities = split_names(join_names(ic.subject.all_entities));
  fact->subject.recipients = split_names(join_names(ic.subject.recipients));
  fact->topic_text = claim.topic;
  if (claim.amount) {
    fact->amount = Amount{{}, claim.amount->value, claim.amount->unit, claim.amount->approximate};
    fact->amount_text = ic.amount_text;
  }
  c.cache.put(std::move(fact));
  insert_value(c, id, 0, ic);
  for (const auto& family : ic.subject.families) {
    for (auto w : topic_words(ic.subject.topic)) c.cache.add_key(word_key(family, w), id);
  }
  index_entities(c, id, ic.subject.families, ic.subject.all_entities, ic.subject.entities.empty());
  c.new_facts.push_back(id);
  c.founders.emplace(id, &ic);
  return id;
}

bool is_upcoming(PredicateKind kind, ClaimStatus status) {
  if (status == ClaimStatus::Scheduled || status == ClaimStatus::Planned) return true;
  return kind == PredicateKind::Scheduled && status != ClaimStatus::Negated && status != ClaimStatus::Superseded &&
         status != ClaimStatus::Occurred;
}

// The fact a revising claim ("extended the deadline") moves: one of the revised family about the
// same subject, else the nearest such fact its own text reported before it (what "it" refers to).
std::int64_t find_revised_fact(DocumentContext& c, const IngestClaim& ic) {
  Subject s = ic.subject;
  s.families = {ic.info.revises};
  for (std::int64_t id : candidates(c, s)) {
    auto fact = read_fact(c, id);
    if (fact && fact->info.family == ic.info.revises && same_subject(s, fact->subject) &&
        (anchored(s, fact->subject) || reported_in(*fact, c.text_id))) {
      return id;
    }
  }
  // Claims of this document are written after merging: look among them in memory.
  std::int64_t before = 0, after = 0;
  std::uint32_t before_at = 0, after_at = 0;
  const std::uint32_t at = ic.claim->evidence.span.begin;
  for (const auto& other : *c.claims) {
    if (!other.fact || other.info.family != ic.info.revises) continue;
    const std::uint32_t pos = other.claim->evidence.span.begin;
    if (pos <= at && (!before || pos >= before_at)) {
      before = other.fact;
      before_at = pos;
    } else if (pos > at && (!after || pos < after_at)) {
      after = other.fact;
      after_at = pos;
    }
  }
  return before ? before : after;
}

// A revising claim whose time is the revised fact's new time rather than the day of the action:
// placed ahead ("has extended the deadline to November 14", scheduled), or stating the revised
// family itself (the extractor's `also`: an extension that is also a deadline). "On January 20
// the president extended the deadline" is an event of its own.
bool states_new_time(const IngestClaim& ic) {
  const ClaimStatus status = ic.claim->status;
  if (status == ClaimStatus::Scheduled || status == ClaimStatus::Planned) return true;
  if (status == ClaimStatus::Negated) return false;
  return std::find(ic.subject.families.begin() + 1, ic.subject.families.end(), ic.info.revises) !=
         ic.subject.families.end();
}

// The claim gives `fact_id` a time: a source of the value it matches, else a new value, which is
// the current one when reported later or, from the same report, when later in time (an extension
// moves a deadline on, whatever the other sentences of the report call it).
void move_fact(DocumentContext& c, std::int64_t fact_id, IngestClaim& ic) {
  const FactPtr fact = read_fact(c, fact_id);
  if (!fact) {
    merge_claim(c, ic);
    return;
  }
  const std::optional<TimeValue> time = ic.claim->time ? std::optional(ic.claim->time->value) : std::nullopt;
  for (const auto& v : fact->values) {
    if (time_fit(time, v.time) == TimeFit::Same) {
      attach(c, *fact, v, ic);
      return;
    }
  }
  std::int64_t next = 0;
  for (const auto& v : fact->values) next = std::max(next, v.seq + 1);
  insert_value(c, fact_id, next, ic);
  refresh_fact(c.db, c.cache, fact_id, &c.pending);
}

}  // namespace

Subject subject_of(const Claim& claim, const PredicateInfo& info, EntityFrequency& frequency) {
  Subject s;
  s.families.push_back(info.family);
  for (const auto& p : claim.also) {
    std::string family = predicate_info(p).family;
    if (std::find(s.families.begin(), s.families.end(), family) == s.families.end()) s.families.push_back(family);
  }
  s.topic = normalize_topic(claim.topic);
  s.topic_names = telling_names(claim.topic, frequency);
  for (const auto& e : claim.entities) {
    if (e.role == "recipient" && !e.name.empty()) s.recipients.push_back(e.name);
  }
  for (const auto& e : claim.entities) {
    if (!e.name.empty() && std::find(s.all_entities.begin(), s.all_entities.end(), e.name) == s.all_entities.end()) {
      s.all_entities.push_back(e.name);
    }
  }
  s.entities = frequency.specific(s.all_entities);
  return s;
}

std::int64_t merge_claim(DocumentContext& c, IngestClaim& ic) {
  const Claim& claim = *ic.claim;
  const std::optional<TimeValue> time = claim.time ? std::optional(claim.time->value) : std::nullopt;
  const bool dated = time && time->has_bounds();
  for (std::int64_t id : candidates(c, ic.subject)) {
    auto fact = read_fact(c, id);
    if (!fact || !same_subject(ic.subject, fact->subject)) continue;
    if (!anchored(ic.subject, fact->subject) && !reported_in(*fact, c.text_id)) continue;
    if (claim.amount && fact->amount && claim.amount->unit != fact->amount->unit) continue;
    const std::vector<ValueRow>& values = fact->values;
    if (values.empty()) continue;
    const ValueRow* current = &values.front();
    for (const auto& v : values) {
      if (v.seq == fact->cur_seq) current = &v;
    }
    const ValueRow* fit = nullptr;
    for (const auto& v : values) {
      if (dated && time_fit(time, v.time) == TimeFit::Same) {
        fit = &v;
        break;
      }
    }
    if (!fit && !dated) fit = current;  // an undated report supports what is known now
    if (!fit) {
      for (const auto& v : values) {
        if (!v.time || !v.time->has_bounds()) fit = &v;  // an undated value learns its time
      }
    }
    if (fit) {
      if (claim.amount && fact->amount && !amounts_agree(*claim.amount, *fact->amount)) {
        record_contradiction(c, id, "amount", first_claim_of(c, id, fit->seq), ic, fact->amount_text, ic.amount_text);
      } else {
        attach(c, *fact, *fit, ic);
      }
      return id;
    }
    const TimedReport known{current->time, current->status, current->first_reported, current->text_id};
    const TimedReport incoming{time, claim.status, c.reported, c.text_id};
    switch (classify_time_change(fact->info.kind, known, incoming)) {
      case TimeChange::Revision: {
        std::int64_t next = 0;
        for (const auto& v : values) next = std::max(next, v.seq + 1);
        insert_value(c, id, next, ic);
        refresh_fact(c.db, c.cache, id, &c.pending);
        return id;
      }
      case TimeChange::Contradiction:
        record_contradiction(c, id, "time", first_claim_of(c, id, current->seq), ic, time_label(current->time),
                             time_label(time));
        return id;
      case TimeChange::OtherFact:
        break;
    }
  }
  return create_fact(c, ic);
}

void merge_revision_claim(DocumentContext& c, IngestClaim& ic) {
  const std::int64_t target = find_revised_fact(c, ic);
  if (!target) {
    merge_claim(c, ic);
    return;
  }
  const bool dated = ic.claim->time && ic.claim->time->value.has_bounds();
  if (!dated) {
    c.db.prepared("INSERT INTO revision_notes(fact_id, claim_id, note) VALUES (?, ?, ?)")
        .bind(1, target)
        .bind(2, ic.row)
        .bind(3, ic.claim->evidence.quote)
        .run();
    return;
  }
  if (states_new_time(ic)) {
    // "extended the deadline by two weeks, to November 14": the deadline's new value.
    move_fact(c, target, ic);
    return;
  }
  const std::int64_t own = merge_claim(c, ic);
  // "The extension would not delay the award": a revision said not to happen links nothing.
  if (own == target || ic.claim->status == ClaimStatus::Negated) return;
  auto& exists = c.db.prepared("SELECT 1 FROM links WHERE from_fact = ? AND to_fact = ? AND kind = 'EXTENDS'");
  exists.bind(1, own).bind(2, target);
  const bool linked = exists.step();
  exists.reset();
  if (!linked) {
    c.db.prepared("INSERT INTO links(from_fact, to_fact, kind) VALUES (?, ?, 'EXTENDS')").bind(1, own).bind(2, target).run();
  }
}

void write_index_rows(DocumentContext& c) {
  auto& rows = c.entity_rows;
  std::sort(rows.begin(), rows.end());
  rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
  static const MultiInsert entities("INSERT OR IGNORE INTO fact_entities(name_lc, fact_id) VALUES ", 2);
  entities.write(c.db, rows.size(), [&](sql::Statement& s, int first, std::size_t i) {
    s.bind(first, rows[i].first).bind(first + 1, rows[i].second);
  });
  rows.clear();
  c.cache.write_keys();
}

namespace {

// The facts row's current value, for a fact whose row is written.
void write_current_value(sql::Database& db, std::int64_t fact_id, const ValueRow& current, bool upcoming,
                         const std::string& history) {
  // Written only when it changed: a value reported earlier than known often changes nothing the
  // row shows, and a write rewrites the row and its three indexes' entries.
  auto& s = db.prepared(
      "UPDATE OR FAIL facts SET cur_seq = ?1, cur_status = ?2, cur_earliest = ?3, cur_latest = ?4, "
      "cur_granularity = ?5, upcoming = ?6, history = ?7 WHERE id = ?8 AND (cur_seq IS NOT ?1 OR cur_status IS NOT ?2 "
      "OR cur_earliest IS NOT ?3 OR cur_latest IS NOT ?4 OR cur_granularity IS NOT ?5 OR upcoming IS NOT ?6 "
      "OR history IS NOT ?7)");
  s.bind(1, current.seq).bind(2, to_string(current.status));
  bind_date(s, 3, current.time ? current.time->earliest : std::nullopt);
  bind_date(s, 4, current.time ? current.time->latest : std::nullopt);
  if (current.time) {
    s.bind(5, to_string(current.time->granularity));
  } else {
    s.bind_null(5);
  }
  s.bind(6, upcoming ? 1 : 0);
  if (upcoming) {
    s.bind_static(7, history);
  } else {
    s.bind_null(7);
  }
  s.bind(8, fact_id).run();
}

struct RevisionLink {
  std::string_view kind;
  std::int64_t from = 0, to = 0;
};

// Each dated value revises the dated value before it: EXTENDS when it is later, else SUPERSEDES.
// Only what changed is written: usually nothing, or one link after those stored (a new latest
// value); otherwise the fact's links are written again. A deadline moved a dozen times was
// a dozen rows deleted and inserted again for every report that restated it.
void write_revision_links(sql::Database& db, std::int64_t fact_id, const std::vector<ValueRow>& values) {
  if (values.size() < 2) return;
  std::vector<RevisionLink> wanted;
  const ValueRow* previous = nullptr;
  for (const auto& v : values) {
    if (!v.time || !v.time->has_bounds()) continue;
    if (previous) {
      const LinkKind kind = relate(*v.time, *previous->time) == Relation::After ? LinkKind::Extends : LinkKind::Supersedes;
      wanted.push_back({to_string(kind), v.seq, previous->seq});
    }
    previous = &v;
  }
  auto& q = db.prepared(
      "SELECT kind, from_value, to_value FROM links WHERE from_fact = ?1 AND to_fact = ?1 AND from_value IS NOT NULL "
      "ORDER BY rowid");
  q.bind(1, fact_id);
  std::size_t kept = 0;  // how many of the wanted links are stored, in order, before any other
  bool others = false;    // stored links beyond those
  while (q.step()) {
    if (kept < wanted.size() && q.text(0) == wanted[kept].kind && q.int64(1) == wanted[kept].from &&
        q.int64(2) == wanted[kept].to) {
      ++kept;
    } else {
      others = true;
    }
  }
  q.reset();
  if (others) {
    db.prepared("DELETE FROM links WHERE from_fact = ? AND to_fact = ? AND from_value IS NOT NULL")
        .bind(1, fact_id)
        .bind(2, fact_id)
        .run();
    kept = 0;
  }
  auto& link = db.prepared("INSERT INTO links(from_fact, to_fact, kind, from_value, to_value) VALUES (?, ?, ?, ?, ?)");
  for (std::size_t i = kept; i < wanted.size(); ++i) {
    link.bind(1, fact_id).bind(2, fact_id).bind_static(3, wanted[i].kind);
    link.bind(4, wanted[i].from).bind(5, wanted[i].to).run();
  }
}

}  // namespace

void refresh_fact(sql::Database& db, FactCache& cache, std::int64_t fact_id, PendingFacts* pending) {
  // The cached copy's values are the stored ones (written through); otherwise read them.
  const CandidateFact* cached = cache.cached(fact_id);
  if (pending && !cached) pending->write_values(db);
  std::vector<ValueRow> values = cached ? cached->values : read_values(db, fact_id);
  if (values.empty()) return;
  std::vector<ValueRow> by_seq = values;  // as read_values() gives them, for the history
  sort_history(values);
  const ValueRow& current = values.back();
  if (CandidateFact* copy = cache.cached(fact_id)) copy->cur_seq = current.seq;
  PendingFact* row = pending ? pending->find(fact_id) : nullptr;
  PredicateInfo info;
  if (row) {
    info = predicate_info(row->predicate);
  } else if (cached) {
    info = cached->info;
  } else {
    auto& p = db.prepared("SELECT predicate FROM facts WHERE id = ?");
    p.bind(1, fact_id);
    info = predicate_info(p.step() ? p.text(0) : std::string_view{});
    p.reset();
  }
  const bool upcoming = is_upcoming(info.kind, current.status) && current.time && current.time->has_bounds();
  const std::string history = upcoming ? history_json(by_seq) : std::string();
  if (row) {
    row->cur_seq = current.seq;
    row->cur_status = to_string(current.status);
    row->cur_earliest = current.time ? current.time->earliest : std::nullopt;
    row->cur_latest = current.time ? current.time->latest : std::nullopt;
    row->cur_granularity = current.time ? std::optional(current.time->granularity) : std::nullopt;
    row->upcoming = upcoming;
    row->history = history;
  } else {
    write_current_value(db, fact_id, current, upcoming, history);
  }
  write_revision_links(db, fact_id, values);
}

std::int64_t PendingFacts::next_id(sql::Database& db) {
  if (!next_) {
    auto& q = db.prepared("SELECT coalesce(max(id), 0) FROM facts");
    q.step();
    next_ = q.int64(0) + 1;
    q.reset();
  }
  return (*next_)++;
}

PendingFact* PendingFacts::find(std::int64_t id) {
  // Rows are added in the order next_id() numbered them: a binary search, not a scan per lookup
  // (a document of thousands of new facts looks each one up several times).
  auto it = std::lower_bound(facts_.begin(), facts_.end(), id, [](const PendingFact& f, std::int64_t v) { return f.id < v; });
  return it != facts_.end() && it->id == id ? &*it : nullptr;
}

void PendingFacts::write_values(sql::Database& db) {
  static const MultiInsert rows(
      "INSERT OR FAIL INTO fact_values(fact_id, seq, value, type, granularity, earliest, latest, mod, time_text, "
      "status, first_reported, text_id) VALUES ",
      12);
  rows.write(db, values_.size(), [&](sql::Statement& s, int first, std::size_t i) {
    const PendingValue& v = values_[i];
    s.bind(first, v.fact_id).bind(first + 1, v.seq);
    bind_time(s, first + 2, v.time);
    s.bind_static(first + 8, v.time_text).bind_static(first + 9, to_string(v.status));
    bind_date(s, first + 10, v.first_reported);
    s.bind(first + 11, v.text_id);
  });
  values_.clear();
}

void PendingFacts::write(sql::Database& db) {
  write_values(db);
  static const MultiInsert rows(
      "INSERT OR FAIL INTO facts(id, key, predicate, family, families, topic, topic_norm, headline, entities, "
      "amount_value, amount_unit, amount_approximate, amount_text, timeline_id, upcoming, cur_seq, cur_status, "
      "cur_earliest, cur_latest, cur_granularity, recipients, history) VALUES ",
      22);
  rows.write(db, facts_.size(), [&](sql::Statement& s, int first, std::size_t i) {
    const PendingFact& f = facts_[i];
    const int o = first - 1;
    s.bind(o + 1, f.id).bind_static(o + 2, f.key).bind_static(o + 3, f.predicate).bind_static(o + 4, f.family);
    s.bind_static(o + 5, f.families).bind_static(o + 6, f.topic).bind_static(o + 7, f.topic_norm);
    s.bind_static(o + 8, f.headline).bind_static(o + 9, f.entities);
    if (f.amount) {
      s.bind(o + 10, f.amount->value).bind_static(o + 11, f.amount->unit).bind(o + 12, f.amount->approximate ? 1 : 0);
      s.bind_static(o + 13, f.amount_text);
    }
    if (f.timeline_id) s.bind(o + 14, f.timeline_id);
    s.bind(o + 15, f.upcoming ? 1 : 0).bind(o + 16, f.cur_seq).bind_static(o + 17, f.cur_status);
    bind_date(s, o + 18, f.cur_earliest);
    bind_date(s, o + 19, f.cur_latest);
    if (f.cur_granularity) s.bind_static(o + 20, to_string(*f.cur_granularity));
    s.bind_static(o + 21, f.recipients);
    if (!f.history.empty()) s.bind_static(o + 22, f.history);
  });
  facts_.clear();
}

void note_earlier_report(sql::Database& db, FactCache& cache, std::int64_t text_id, const std::optional<Date>& day) {
  if (!day) return;
  std::vector<std::pair<std::int64_t, std::int64_t>> supported;
  auto& q = db.prepared(
      "SELECT DISTINCT fact_id, value_seq FROM claims WHERE text_id = ? AND fact_id IS NOT NULL AND value_seq IS NOT NULL");
  q.bind(1, text_id);
  while (q.step()) supported.emplace_back(q.int64(0), q.int64(1));
  q.reset();
  for (const auto& [fact, seq] : supported) {
    auto& u = db.prepared(
        "UPDATE OR FAIL fact_values SET first_reported = ?1 WHERE fact_id = ?2 AND seq = ?3 "
        "AND (first_reported IS NULL OR first_reported > ?1)");
    u.bind(1, iso_string(*day)).bind(2, fact).bind(3, seq).run();
    if (db.changes() > 0) {
      cache.forget(fact);  // rare: read again when next needed
      refresh_fact(db, cache, fact);
    }
  }
}

}  // namespace dateline::engine
