#include "thread_merge.h"

#include "fact_matching.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <vector>

namespace dateline::engine {
namespace {

// Whether a topic names something that tells stories apart ("TikTok divestment"), not only common
// words ("deadline") or names most texts carry ("China sale" where most articles name China).
bool names_something(std::string_view topic, EntityFrequency& frequency) {
  bool found = false;
  for_each_rare_name(topic, frequency, [&](std::string_view) {
    found = true;
    return false;  // one is enough
  });
  return found;
}

bool mentions(std::string_view haystack, std::string_view name) { return lower(haystack).find(lower(name)) != std::string::npos; }

// A title starts with a capital: "Deadline", not "deadline".
std::string capitalized(std::string_view title) {
  std::string out(title);
  if (!out.empty() && out.front() >= 'a' && out.front() <= 'z') out.front() = static_cast<char>(out.front() - 32);
  return out;
}

// What the thread's facts say, topic by topic, in the order each topic first appeared.
struct TopicTally {
  std::string text;       // as the first fact gave it
  double weight = 0;      // facts stating it; a scheduled one counts double
  std::string recipient;  // the first recipient a fact of it names
  std::size_t first = 0;
};

}  // namespace

void index_thread_words(sql::Database& db, std::string_view normalized, std::int64_t thread) {
  auto& w = db.prepared("INSERT OR IGNORE INTO timeline_words(word, timeline_id) VALUES (?, ?)");
  for (auto word : words_of(normalized)) w.bind(1, word).bind(2, thread).run();
}

void merge_threads(sql::Database& db, std::int64_t kept, std::int64_t folded) {
  auto& title = db.prepared("SELECT title FROM timelines WHERE id = ?");
  title.bind(1, folded);
  const std::string folded_title = title.step() ? title.str(0) : std::string();
  title.reset();
  // The topics first given to the folded thread (timeline_topics keeps the first thread given a
  // topic), found through its facts: timeline_topics has no index by thread.
  std::vector<std::string> topics;
  auto& t = db.prepared(
      "SELECT topic_norm FROM timeline_topics WHERE timeline_id = ?1 AND topic_norm IN "
      "(SELECT topic_norm FROM facts WHERE timeline_id = ?1 AND topic_norm <> '')");
  t.bind(1, folded);
  while (t.step()) topics.push_back(t.str(0));
  t.reset();

  auto& move_topic = db.prepared("UPDATE timeline_topics SET timeline_id = ?1 WHERE topic_norm = ?2 AND timeline_id = ?3");
  auto& drop_word = db.prepared("DELETE FROM timeline_words WHERE word = ? AND timeline_id = ?");
  auto move_words = [&](std::string_view normalized) {
    for (auto word : words_of(normalized)) drop_word.bind(1, word).bind(2, folded).run();
    index_thread_words(db, normalized, kept);
  };
  for (const auto& topic : topics) {
    move_topic.bind(1, kept).bind(2, topic).bind(3, folded).run();
    move_words(topic);
  }
  move_words(normalize_topic(folded_title));

  db.prepared(
        "INSERT INTO timeline_entities(name_lc, timeline_id, name, facts) "
        "SELECT name_lc, ?1, name, facts FROM timeline_entities WHERE timeline_id = ?2 "
        "ON CONFLICT(name_lc, timeline_id) DO UPDATE SET facts = facts + excluded.facts")
      .bind(1, kept)
      .bind(2, folded)
      .run();
  db.prepared("DELETE FROM timeline_entities WHERE timeline_id = ?").bind(1, folded).run();
  db.prepared("UPDATE facts SET timeline_id = ?1 WHERE timeline_id = ?2").bind(1, kept).bind(2, folded).run();
  db.prepared(
        "UPDATE timelines SET fact_count = fact_count + (SELECT fact_count FROM timelines WHERE id = ?2) WHERE id = ?1")
      .bind(1, kept)
      .bind(2, folded)
      .run();
  db.prepared("DELETE FROM timelines WHERE id = ?").bind(1, folded).run();
}

std::string thread_title(sql::Database& db, EntityFrequency& frequency, std::int64_t thread) {
  std::map<std::string, TopicTally> tallies;  // by normalized topic
  std::map<std::string, double> predicates;
  auto& q = db.prepared(
      "SELECT topic, topic_norm, predicate, upcoming, recipients FROM facts WHERE timeline_id = ? ORDER BY id LIMIT 10000");
  q.bind(1, thread);
  std::size_t seen = 0;
  while (q.step()) {
    const double weight = q.int64(3) != 0 ? 2.0 : 1.0;
    predicates[q.str(2)] += weight;
    if (q.text(1).empty()) continue;
    auto [it, fresh] = tallies.try_emplace(q.str(1));
    TopicTally& tally = it->second;
    if (fresh) {
      tally.text = q.str(0);
      tally.first = seen++;
    }
    tally.weight += weight;
    if (tally.recipient.empty()) {
      const auto recipients = split_names(q.text(4));
      if (!recipients.empty()) tally.recipient = recipients.front();
    }
  }
  q.reset();

  // The named topic most facts state (ties: the one the thread told first).
  const TopicTally* best = nullptr;
  const TopicTally* common = nullptr;  // the same among topics of common words
  for (const auto& [norm, tally] : tallies) {
    const TopicTally*& slot = names_something(tally.text, frequency) ? best : common;
    if (!slot || tally.weight > slot->weight || (tally.weight == slot->weight && tally.first < slot->first)) slot = &tally;
  }
  if (best) {
    std::string title = best->text;
    if (!best->recipient.empty() && !mentions(title, best->recipient)) title = fmt::format("{} to {}", title, best->recipient);
    return capitalized(title);
  }
  // No named topic: the dominant subject and the event.
  std::string subject;
  auto& e = db.prepared("SELECT name FROM timeline_entities WHERE timeline_id = ? ORDER BY facts DESC, name LIMIT 16");
  e.bind(1, thread);
  while (subject.empty() && e.step()) {
    if (!frequency.frequent(e.str(0))) subject = e.str(0);
  }
  e.reset();
  std::string event = common ? common->text : std::string();
  if (event.empty()) {
    double most = 0;
    for (const auto& [predicate, weight] : predicates) {
      if (weight > most) {
        event = predicate;
        most = weight;
      }
    }
  }
  if (subject.empty() || mentions(event, subject)) return capitalized(event.empty() ? subject : event);
  return capitalized(event.empty() ? subject : fmt::format("{} {}", subject, event));
}

void retitle_thread(sql::Database& db, EntityFrequency& frequency, std::int64_t thread) {
  const std::string title = thread_title(db, frequency, thread);
  if (title.empty()) return;
  db.prepared("UPDATE timelines SET title = ? WHERE id = ?").bind(1, title).bind(2, thread).run();
  index_thread_words(db, normalize_topic(title), thread);
}

}  // namespace dateline::engine
