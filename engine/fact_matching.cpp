#include "fact_matching.h"

#include "dateline_engine_data.h"
#include "tsv_rows.h"

#include <dateline/order.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace dateline::engine {
namespace {

const std::unordered_map<std::string, PredicateInfo>& predicate_table() {
  static const auto table = [] {
    std::unordered_map<std::string, PredicateInfo> t;
    data::for_each_tsv_row(data::predicates_tsv, "predicates.tsv", [&](const data::TsvRow& row) {
      if (row.size < 3) throw data::bad_tsv_row("predicates.tsv", row, "expected predicate, family, kind[, revises]");
      PredicateInfo info;
      info.family = std::string(row[1]);
      if (row[2] == "scheduled") {
        info.kind = PredicateKind::Scheduled;
      } else if (row[2] != "event") {
        throw data::bad_tsv_row("predicates.tsv", row, "kind must be 'scheduled' or 'event'");
      }
      info.revises = std::string(row[3]);
      t.emplace(std::string(row[0]), std::move(info));
    });
    return t;
  }();
  return table;
}

const std::unordered_set<std::string>& topic_stopwords() {
  static const auto words = [] {
    std::unordered_set<std::string> w;
    data::for_each_tsv_row(data::topic_stopwords_tsv, "topic_stopwords.tsv",
                           [&](const data::TsvRow& row) { w.emplace(row[0]); });
    return w;
  }();
  return words;
}

bool contains(const std::vector<std::string>& list, std::string_view item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

}  // namespace

std::vector<std::string_view> words_of(std::string_view normalized) {
  std::vector<std::string_view> words;
  any_word(normalized, [&](std::string_view w) {
    words.push_back(w);
    return false;
  });
  return words;
}

PredicateInfo predicate_info(std::string_view predicate) {
  const auto& table = predicate_table();
  if (auto it = table.find(std::string(predicate)); it != table.end()) return it->second;
  return PredicateInfo{std::string(predicate), PredicateKind::Event, ""};
}

std::string normalize_topic(std::string_view topic) {
  std::string out;
  std::string word;
  auto flush = [&] {
    if (!word.empty() && !topic_stopwords().contains(word)) {
      if (!out.empty()) out += ' ';
      out += word;
    }
    word.clear();
  };
  for (std::size_t i = 0; i < topic.size(); ++i) {
    const auto c = static_cast<unsigned char>(topic[i]);
    if (c >= 0x80 || std::isalnum(c)) {
      word += static_cast<char>(c < 0x80 ? std::tolower(c) : c);
    } else if (c == '\'' && i + 1 < topic.size() && (topic[i + 1] == 's' || topic[i + 1] == 'S') &&
               (i + 2 == topic.size() || !std::isalnum(static_cast<unsigned char>(topic[i + 2])))) {
      ++i;  // a possessive: "TikTok's" is "tiktok"
    } else if (c == '-' && !word.empty() && i + 1 < topic.size() &&
               std::isalnum(static_cast<unsigned char>(topic[i + 1]))) {
      word += '-';  // "sale-or-ban" stays one word
    } else {
      flush();
    }
  }
  flush();
  return out;
}

std::vector<std::string> topic_names(std::string_view topic) {
  std::vector<std::string> names;
  std::size_t start = 0;
  while (start < topic.size()) {
    std::size_t end = start;
    while (end < topic.size() && topic[end] != ' ' && topic[end] != '-') ++end;
    const std::string_view word = topic.substr(start, end - start);
    if (std::any_of(word.begin(), word.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
      std::string n = normalize_topic(word);
      if (!n.empty()) names.push_back(std::move(n));
    }
    start = end + 1;
  }
  return names;
}

double topic_similarity(std::string_view a, std::string_view b) {
  if (a.empty() || b.empty()) return 0;
  if (a == b) return 1;
  // Without building the word lists: merging compares each claim with dozens of candidates.
  std::size_t words_a = 0, words_b = 0, shared = 0;
  any_word(a, [&](std::string_view w) {
    ++words_a;
    if (any_word(b, [&](std::string_view x) { return x == w; })) ++shared;
    return false;
  });
  any_word(b, [&](std::string_view) {
    ++words_b;
    return false;
  });
  return 2.0 * static_cast<double>(shared) / static_cast<double>(words_a + words_b);
}

bool amounts_agree(const Amount& a, const Amount& b) {
  if (a.unit != b.unit) return false;
  const double scale = std::max(std::fabs(a.value), std::fabs(b.value));
  if (scale == 0) return true;
  const double tolerance = (a.approximate || b.approximate) ? 0.10 : 0.015;
  return std::fabs(a.value - b.value) <= tolerance * scale;
}

bool same_subject(const Subject& a, const Subject& b) {
  if (a.families.empty() || b.families.empty()) return false;
  if (!contains(b.families, a.families.front()) && !contains(a.families, b.families.front())) return false;
  if (!a.recipients.empty() && !b.recipients.empty() &&
      std::none_of(a.recipients.begin(), a.recipients.end(), [&](const auto& r) { return contains(b.recipients, r); })) {
    return false;
  }
  const bool specific = !a.entities.empty() && !b.entities.empty();
  std::size_t shared = 0;
  if (specific) {
    for (const auto& e : a.entities) shared += contains(b.entities, e) ? 1 : 0;
  }
  if (!a.topic.empty() && !b.topic.empty()) {
    // A named topic says what the fact is about, whichever names each sentence adds ("TikTok
    // divestment" with ByteDance in one sentence, Donald Trump in another); a topic of common
    // words needs a specific entity in common: a "treaty" is not every treaty.
    if (topic_similarity(a.topic, b.topic) < 0.5) return false;
    if (!a.topic_names.empty() && !b.topic_names.empty()) {
      // "NASAMS sale" and "F-16 sale" share a word but name different things.
      return std::any_of(a.topic_names.begin(), a.topic_names.end(), [&](const auto& n) { return contains(b.topic_names, n); });
    }
    return !specific || shared >= 1;
  }
  // No topic on one side: the entities decide, the specific ones where there are any.
  if (specific) return shared >= 1 && 2 * shared >= std::min(a.entities.size(), b.entities.size());
  const auto& ea = a.all_entities;
  const auto& eb = b.all_entities;
  if (ea.empty() || eb.empty()) return false;
  for (const auto& e : ea) shared += contains(eb, e) ? 1 : 0;
  return shared == ea.size() && shared == eb.size();  // only frequent names: all of them
}

TimeFit time_fit(const std::optional<TimeValue>& a, const std::optional<TimeValue>& b) {
  if (!a || !b || !a->has_bounds() || !b->has_bounds()) return TimeFit::Undated;
  switch (relate(*a, *b)) {
    case Relation::Same:
    case Relation::Includes:
    case Relation::IncludedIn:
      return TimeFit::Same;
    default:
      return TimeFit::Different;
  }
}

const TimeValue& finer_time(const TimeValue& kept, const TimeValue& incoming) {
  if (!incoming.has_bounds()) return kept;
  if (!kept.has_bounds()) return incoming;
  const auto span = [](const TimeValue& v) { return (*v.latest - *v.earliest).days(); };
  return span(incoming) < span(kept) ? incoming : kept;
}

TimeChange classify_time_change(PredicateKind kind, const TimedReport& known, const TimedReport& incoming) {
  const bool same_day = !known.reported || !incoming.reported || *known.reported == *incoming.reported;
  const bool same_text = known.text == incoming.text;
  // A scheduled fact moves; so does any event both reports place ahead ("must sign the contract
  // by March 31", later "by June 30").
  auto ahead = [](ClaimStatus s) {
    return s == ClaimStatus::Scheduled || s == ClaimStatus::Planned || s == ClaimStatus::Superseded;
  };
  const bool movable = kind == PredicateKind::Scheduled || (ahead(known.status) && ahead(incoming.status));
  if (movable && incoming.status != ClaimStatus::Negated) {
    if (!same_day) {
      // Two reports that it happened, on other days, are two occurrences (a weekly meeting).
      const bool both_occurred = known.status == ClaimStatus::Occurred && incoming.status == ClaimStatus::Occurred;
      return both_occurred ? TimeChange::OtherFact : TimeChange::Revision;
    }
    if (known.status == ClaimStatus::Superseded || incoming.status == ClaimStatus::Superseded) return TimeChange::Revision;
    // In one report: a value already past when it was written, beside one still ahead, is the
    // old and the new value ("the original deadline was January 19 ... by September 17").
    const std::optional<Date> day = incoming.reported ? incoming.reported : known.reported;
    if (day && known.time && incoming.time && known.time->has_bounds() && incoming.time->has_bounds()) {
      const bool known_past = *known.time->latest < *day, incoming_past = *incoming.time->latest < *day;
      if (known_past != incoming_past) return TimeChange::Revision;
    }
    return same_text ? TimeChange::OtherFact : TimeChange::Contradiction;
  }
  // Events: other times are other occurrences, unless two reports of the same day give different
  // exact days for what they both say happened.
  if (same_day && !same_text && known.time && incoming.time && known.time->granularity >= Granularity::Day &&
      incoming.time->granularity >= Granularity::Day && known.status == incoming.status) {
    return TimeChange::Contradiction;
  }
  return TimeChange::OtherFact;
}

}  // namespace dateline::engine
