#include "threads.h"

#include "thread_merge.h"

#include <dateline/document.h>

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace dateline::engine {
namespace {

// A document continues a thread when the entities and topics they share weigh at least this
// much, where the document's most telling entity weighs 1 and a shared topic 1: one entity
// alone ("Egypt") is not enough, two or a topic are.
constexpr double kJoinThreshold = 1.2;
constexpr std::size_t kProfileEntities = 6;
constexpr double kLeadWeight = 1.5;
constexpr double kAheadWeight = 1.0;
// A title's topic of common words this long or shorter takes its owner's name ("bids deadline").
constexpr std::size_t kMaxOwnerlessTopicWords = 2;

bool ahead(const IngestClaim& ic) {
  const ClaimStatus status = ic.claim->status;
  return status == ClaimStatus::Scheduled || status == ClaimStatus::Planned;
}

struct NewFact {
  std::int64_t id = 0;
  std::string topic;
  std::string topic_norm;
  std::vector<std::string> entities;
  const IngestClaim* founder = nullptr;
};

NewFact new_fact(DocumentContext& c, std::int64_t id) {
  NewFact f;
  f.id = id;
  if (auto it = c.founders.find(id); it != c.founders.end()) {
    // A new fact is its founding claim's subject (claims of the same document that joined it
    // later add no thread evidence worth a read).
    f.founder = it->second;
    f.topic = f.founder->claim->topic;
    f.topic_norm = f.founder->subject.topic;
    f.entities = f.founder->subject.all_entities;
  }
  return f;
}

bool shares_specific_entity(DocumentContext& c, const NewFact& f, std::int64_t thread) {
  auto& q = c.db.prepared("SELECT 1 FROM timeline_entities WHERE name_lc = ? AND timeline_id = ?");
  bool any_specific = false;
  for (const auto& name : f.entities) {
    if (c.frequency.frequent(name)) continue;
    any_specific = true;
    q.bind(1, lower(name)).bind(2, thread);
    const bool found = q.step();
    q.reset();
    if (found) return true;
  }
  // Naming nothing specific, only a telling topic ("TikTok divestment") places it; "law" or
  // "deadline" is every story's, and the fact stays with its own article's thread.
  return !any_specific && f.founder && !f.founder->subject.topic_names.empty();
}

// The thread each topic belongs to, read once per document (its facts share few topics).
class TopicThreads {
 public:
  explicit TopicThreads(sql::Database& db) : db_(db) {}
  std::int64_t operator()(const std::string& topic_norm) {
    if (topic_norm.empty()) return 0;
    if (auto it = known_.find(topic_norm); it != known_.end()) return it->second;
    auto& q = db_.prepared("SELECT timeline_id FROM timeline_topics WHERE topic_norm = ?");
    q.bind(1, topic_norm);
    const std::int64_t id = q.step() ? q.int64(0) : 0;
    q.reset();
    known_.emplace(topic_norm, id);
    return id;
  }
  void forget() { known_.clear(); }

 private:
  sql::Database& db_;
  std::map<std::string, std::int64_t> known_;
};

// The document's most telling entities: named often in it, rarely elsewhere; weights scaled so
// the first is 1.
std::vector<std::pair<std::string, double>> profile_of(DocumentContext& c, const Extraction& x,
                                                       const std::vector<NewFact>& facts) {
  std::map<std::string, double> mentions;
  for (const auto& m : x.entities) mentions[m.name] += 1;
  for (const auto& f : facts) {
    for (const auto& e : f.entities) mentions[e] += 1;
  }
  std::vector<std::pair<std::string, double>> weighted;
  for (const auto& [name, n] : mentions) {
    if (name.empty() || c.frequency.frequent(name)) continue;
    weighted.emplace_back(name, n * c.frequency.idf(name));
  }
  std::stable_sort(weighted.begin(), weighted.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  if (weighted.size() > kProfileEntities) weighted.resize(kProfileEntities);
  if (!weighted.empty()) {
    const double top = weighted.front().second;
    for (auto& [name, w] : weighted) w /= top;
  }
  return weighted;
}

// The thread the document continues, and the other threads it ties to that one.
struct ThreadChoice {
  std::int64_t main = 0;
  std::vector<std::int64_t> linked;
};

ThreadChoice choose_threads(DocumentContext& c, TopicThreads& thread_of_topic,
                            const std::vector<std::pair<std::string, double>>& profile, const std::vector<NewFact>& facts) {
  struct Evidence {
    double entities = 0;  // weight of the document's telling entities the thread names
    double score = 0;
    bool anchored = false;  // shares the document's most telling entity, or one of its topics
    int topics = 0;
  };
  std::unordered_map<std::int64_t, Evidence> found;
  auto& q = c.db.prepared(
      "SELECT timeline_id FROM timeline_entities WHERE name_lc = ? ORDER BY facts DESC, timeline_id DESC LIMIT 16");
  for (std::size_t i = 0; i < profile.size(); ++i) {
    q.bind(1, lower(profile[i].first));
    while (q.step()) {
      Evidence& e = found[q.int64(0)];
      e.entities += profile[i].second;
      e.anchored = e.anchored || i == 0;
    }
    q.reset();
  }
  std::unordered_set<std::string_view> seen_topics;  // a set: a document may hold thousands of facts
  for (const auto& f : facts) {
    if (f.topic_norm.empty() || seen_topics.contains(f.topic_norm)) continue;
    // Only a topic with a telling name anchors: "trade talks" or "China sale" (China being in most
    // texts) is every story's, and let one thread take every story naming a few common countries.
    if (!f.founder || f.founder->subject.topic_names.empty()) continue;
    seen_topics.insert(f.topic_norm);
    if (const std::int64_t t = thread_of_topic(f.topic_norm)) found[t].topics += 1;
  }
  for (auto& [id, e] : found) {
    e.score = e.entities;
    // A topic counts where the thread also shares some of the document's entities: "trade
    // talks" alone is every story's.
    if (e.topics > 0 && e.entities > 0) {
      e.score += 1.0;
      e.anchored = true;
    }
  }
  // Names shared in passing (two countries every story mentions while the store is still small)
  // are not enough: the thread must share what the document is most about.
  ThreadChoice choice;
  double best_score = 0;
  for (const auto& [id, e] : found) {
    if (!e.anchored) continue;
    if (e.score > best_score || (e.score == best_score && id > choice.main)) {
      choice.main = id;
      best_score = e.score;
    }
  }
  if (best_score < kJoinThreshold) return {};
  // A document ties two threads together when it shares with each, on their own, what joining
  // needs from entities alone and a telling topic besides: then they were one story told twice.
  // Anything less (one shared company, a topic every story has) leaves them apart.
  auto ties = [](const Evidence& e) { return e.entities >= kJoinThreshold && e.topics > 0; };
  if (ties(found[choice.main])) {
    for (const auto& [id, e] : found) {
      if (id != choice.main && ties(e)) choice.linked.push_back(id);
    }
    std::sort(choice.linked.begin(), choice.linked.end());
  }
  return choice;
}

constexpr std::size_t kTellingWordLength = 4;  // bytes; "rail" tells, "and" does not

bool mentions(std::string_view haystack, std::string_view name) { return lower(haystack).find(lower(name)) != std::string::npos; }

// Who a sale is to: the entity in the recipient role, else (for a claim of the sale family) the
// first country that is not the seller.
std::string recipient_of(const IngestClaim& ic) {
  for (const auto& e : ic.claim->entities) {
    if (e.role == "recipient") return e.name;
  }
  if (std::find(ic.subject.families.begin(), ic.subject.families.end(), "sale") == ic.subject.families.end()) return {};
  for (const auto& e : ic.claim->entities) {
    if (e.kind == EntityKind::Gpe && e.role != "agent") return e.name;
  }
  return {};
}

// A short readable title: the topic the document is most about — the lead's, the one most of its
// claims state, and that names its most telling entities — and a sale gets its buyer ("NASAMS sale to
// Egypt"). Without topics, the most telling entity.
// Whether the fact's own sentence speaks of `name`: names it, or uses one of its words ("the
// two rail unions" for the Rail and Freight Workers' Union). Short words ("and", "of") say nothing.
bool names_in_its_sentence(const NewFact& f, std::string_view name) {
  if (std::find(f.entities.begin(), f.entities.end(), name) != f.entities.end()) return true;
  if (!f.founder) return false;
  const std::string quote = lower(f.founder->claim->evidence.quote);
  return any_word(lower(name), [&](std::string_view word) {
    return word.size() >= kTellingWordLength && quote.find(word) != std::string::npos;
  });
}

std::string title_for(DocumentContext& c, const std::vector<NewFact>& facts,
                      const std::vector<std::pair<std::string, double>>& profile) {
  // News puts the story first: the lead's topic weighs more than background further down.
  const IngestClaim* lead = nullptr;
  for (const auto& ic : *c.claims) {
    if (!ic.subject.topic.empty() && (!lead || ic.claim->evidence.span.begin < lead->claim->evidence.span.begin)) lead = &ic;
  }
  // Counted once for all the facts (a document may hold thousands of claims).
  std::unordered_map<std::string_view, int> claims_of_topic;
  std::unordered_set<std::int64_t> facts_ahead;
  for (const auto& ic : *c.claims) {
    ++claims_of_topic[ic.subject.topic];
    if (ahead(ic)) facts_ahead.insert(ic.fact);
  }
  const NewFact* chosen = nullptr;
  double chosen_score = -1;
  for (const auto& f : facts) {
    if (f.topic.empty()) continue;
    double score = lead && lead->subject.topic == f.topic_norm ? kLeadWeight : 0.0;
    // What is still ahead (a deadline, a vote) is the story's peg more than what led to it: "the
    // two sides agreed to extend the deadline" is the deadline's story.
    if (facts_ahead.contains(f.id)) score += kAheadWeight;
    if (auto it = claims_of_topic.find(f.topic_norm); it != claims_of_topic.end()) score += it->second;
    for (const auto& [name, w] : profile) score += mentions(f.topic, name) ? w : 0.0;
    if (score > chosen_score) {
      chosen = &f;
      chosen_score = score;
    }
  }
  if (!chosen) {
    if (!profile.empty()) return profile.front().first;
    if (!facts.empty() && facts.front().founder) return facts.front().founder->claim->predicate;
    return "Untitled";
  }
  std::string title = chosen->topic;
  // A topic of common words ("contract") says whose it is with the document's main name, when
  // the fact's own sentence names it: a bidder named further down is not the deadline's owner.
  // A longer one names its parties already ("freight operators meeting").
  if (topic_names(title).empty() && words_of(title).size() <= kMaxOwnerlessTopicWords && !profile.empty() &&
      !mentions(title, profile.front().first) && names_in_its_sentence(*chosen, profile.front().first)) {
    title = fmt::format("{} {}", profile.front().first, title);
  }
  if (chosen->founder) {
    if (const std::string buyer = recipient_of(*chosen->founder); !buyer.empty() && !mentions(title, buyer)) {
      title = fmt::format("{} to {}", title, buyer);
    }
  }
  if (!title.empty() && title[0] >= 'a' && title[0] <= 'z') title[0] = static_cast<char>(title[0] - 32);
  return title;
}

std::int64_t create_thread(DocumentContext& c, const std::vector<NewFact>& facts,
                           const std::vector<std::pair<std::string, double>>& profile) {
  std::string fact_key;
  if (const PendingFact* row = c.pending.find(facts.front().id)) {
    fact_key = row->key;
  } else {
    auto& key = c.db.prepared("SELECT key FROM facts WHERE id = ?");
    key.bind(1, facts.front().id);
    fact_key = key.step() ? key.str(0) : std::to_string(facts.front().id);
    key.reset();
  }
  const std::string title = title_for(c, facts, profile);
  c.db.prepared("INSERT INTO timelines(key, title) VALUES (?, ?)")
      .bind(1, fmt::format("t{}", document_id("timeline", fact_key)))
      .bind(2, title)
      .run();
  const std::int64_t id = c.db.last_insert_rowid();
  index_thread_words(c.db, normalize_topic(title), id);
  return id;
}

// What the document's new facts add to their threads, written once per thread and entity.
struct ThreadGrowth {
  std::map<std::int64_t, std::int64_t> facts;                       // thread -> new facts
  std::map<std::pair<std::int64_t, std::string>, std::int64_t> named;  // (thread, entity) -> facts naming it
  std::map<std::string, std::int64_t> topics;                       // topic -> first thread given it
};

void join(DocumentContext& c, const NewFact& f, std::int64_t thread, ThreadGrowth& growth) {
  if (PendingFact* row = c.pending.find(f.id)) {
    row->timeline_id = thread;  // written with the row
  } else {
    c.db.prepared("UPDATE OR FAIL facts SET timeline_id = ? WHERE id = ?").bind(1, thread).bind(2, f.id).run();
  }
  growth.facts[thread] += 1;
  for (const auto& name : f.entities) growth.named[{thread, name}] += 1;
  if (!f.topic_norm.empty()) growth.topics.emplace(f.topic_norm, thread);
}

// Written a few rows a statement (MultiInsert): the document's new facts name a handful of
// entities and topics each. `thread_of_topic` knows which topics a thread already has: those
// rows exist (timeline_topics keeps the first thread given a topic) and are not written again.
void write_growth(DocumentContext& c, const ThreadGrowth& growth, TopicThreads& thread_of_topic) {
  auto& count = c.db.prepared("UPDATE OR FAIL timelines SET fact_count = fact_count + ? WHERE id = ?");
  for (const auto& [thread, n] : growth.facts) count.bind(1, n).bind(2, thread).run();
  struct Named {
    std::string name_lc;
    std::int64_t thread;
    const std::string* name;
    std::int64_t facts;
  };
  std::vector<Named> named;
  for (const auto& [key, n] : growth.named) named.push_back({lower(key.second), key.first, &key.second, n});
  // Rows naming the same entity in two cases ("NASAMS", "Nasams") meet in one statement as they
  // met in two: the second adds its count to the first's row.
  static const MultiInsert entities(
      "INSERT OR FAIL INTO timeline_entities(name_lc, timeline_id, name, facts) VALUES ", 4,
      " ON CONFLICT(name_lc, timeline_id) DO UPDATE SET facts = facts + excluded.facts");
  entities.write(c.db, named.size(), [&](sql::Statement& s, int first, std::size_t i) {
    s.bind_static(first, named[i].name_lc).bind(first + 1, named[i].thread).bind_static(first + 2, *named[i].name);
    s.bind(first + 3, named[i].facts);
  });
  std::vector<std::pair<std::string_view, std::int64_t>> topics, words;
  for (const auto& [topic, thread] : growth.topics) {
    if (thread_of_topic(topic)) continue;  // a thread has it
    topics.emplace_back(topic, thread);
    for (auto word : words_of(topic)) words.emplace_back(word, thread);
  }
  static const MultiInsert topic_rows("INSERT OR IGNORE INTO timeline_topics(topic_norm, timeline_id) VALUES ", 2);
  topic_rows.write(c.db, topics.size(), [&](sql::Statement& s, int first, std::size_t i) {
    s.bind_static(first, topics[i].first).bind(first + 1, topics[i].second);
  });
  static const MultiInsert word_rows("INSERT OR IGNORE INTO timeline_words(word, timeline_id) VALUES ", 2);
  word_rows.write(c.db, words.size(), [&](sql::Statement& s, int first, std::size_t i) {
    s.bind_static(first, words[i].first).bind(first + 1, words[i].second);
  });
}

}  // namespace

void assign_threads(DocumentContext& c, const Extraction& x) {
  if (c.new_facts.empty()) return;
  std::vector<NewFact> facts;
  for (std::int64_t id : c.new_facts) facts.push_back(new_fact(c, id));
  const auto profile = profile_of(c, x, facts);
  TopicThreads thread_of_topic(c.db);
  ThreadChoice choice = choose_threads(c, thread_of_topic, profile, facts);
  if (!choice.linked.empty()) {
    // The oldest thread keeps its id and key; the others are folded into it.
    choice.linked.push_back(choice.main);
    std::sort(choice.linked.begin(), choice.linked.end());
    choice.main = choice.linked.front();
    for (std::size_t i = 1; i < choice.linked.size(); ++i) merge_threads(c.db, choice.main, choice.linked[i]);
    thread_of_topic.forget();  // the folded threads' topics now belong to the one kept
  }
  std::int64_t main_thread = choice.main;
  ThreadGrowth growth;
  std::vector<const NewFact*> rest;
  for (const auto& f : facts) {
    // A fact whose topic a thread has joins it when they also share a specific entity (or, naming
    // none, its topic has a telling name): the topic alone may be every story's ("trade talks").
    const std::int64_t t = thread_of_topic(f.topic_norm);
    if (t && t != main_thread && shares_specific_entity(c, f, t)) {
      join(c, f, t, growth);
    } else {
      rest.push_back(&f);
    }
  }
  if (!rest.empty()) {
    if (!main_thread) {
      std::vector<NewFact> unthreaded;
      for (const auto* f : rest) unthreaded.push_back(*f);
      main_thread = create_thread(c, unthreaded, profile);
    }
    for (const auto* f : rest) join(c, *f, main_thread, growth);
  }
  c.pending.write(c.db);  // the new facts' rows, with their threads
  write_growth(c, growth, thread_of_topic);
  if (!choice.linked.empty()) retitle_thread(c.db, c.frequency, main_thread);
}

}  // namespace dateline::engine
