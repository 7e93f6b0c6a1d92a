#include "claims/claim_time.h"

#include <algorithm>
#include <limits>

namespace dateline::claims {
namespace {

constexpr int kClauseCost = 8;     // a time in another clause is as far as 8 more words
constexpr int kBeforeCost = 2;     // times mostly follow their event
constexpr int kDeadlineBonus = 5;  // "divest ... by September 17"
constexpr int kMaxCost = 20;
constexpr std::size_t kObligationWindow = 8;  // words before a verb its "must" may be: "must now review"
constexpr std::size_t kGrantWindow = 4;       // words from "gave" to the length: "gave the airline 30 days"

// A time the claim can be placed by: a calendar date or time, not a duration or a set.
bool placeable(const Timex& t) {
  return (t.value.type == TimexType::Date || t.value.type == TimexType::Time) && t.value.has_bounds();
}

// A sentence's time expression as a word range; `last` is the second time of a span the first
// starts ("in April and May").
struct Range {
  std::int32_t timex;
  std::int32_t last;
  std::size_t begin, end;
};

// "in April and May", "between March 3 and 5", "2019–2021": two times one word apart that the
// word joins are one span. "and" joins only times that meet (April, May) unless "between" opened
// the span: "in 2019 and 2024" are two times, not the years between them.
void join_spans(const DocumentWords& doc, const SentenceWords& s, std::vector<Range>& ranges) {
  std::size_t kept = 0;
  for (std::size_t k = 0; k < ranges.size(); ++k) {
    if (kept > 0) {
      Range& prev = ranges[kept - 1];
      const Range& cur = ranges[k];
      const Phrase* link = cur.begin == prev.end + 1 ? s.cue[prev.end] : nullptr;
      const Timex& ta = (*doc.timexes)[static_cast<std::size_t>(prev.timex)];
      const Timex& tb = (*doc.timexes)[static_cast<std::size_t>(cur.timex)];
      const TimeValue& a = ta.value;
      const TimeValue& b = tb.value;
      bool join = false;
      if (link && prev.last == kNone && placeable(ta) && placeable(tb) && a.type == b.type && *a.latest < *b.earliest) {
        const bool opened = prev.begin > 0 && s.cue[prev.begin - 1] && ClaimLexicon::has(s.cue[prev.begin - 1], Cue::Between);
        const bool meet = a.granularity == b.granularity && *a.latest + boost::gregorian::days(1) == *b.earliest;
        join = ClaimLexicon::has(link, Cue::Range) || (ClaimLexicon::has(link, Cue::Coordination) && (opened || meet));
      }
      if (join) {
        prev.last = cur.timex;
        prev.end = cur.end;
        continue;
      }
    }
    ranges[kept++] = ranges[k];
  }
  ranges.resize(kept);
}

// "extended the deadline from March 31 to April 30", "the vote was postponed from May 3 to May
// 10": a verb that moves a date (a predicate that revises another) takes the time after "to" as
// its new value and the time after "from" as the value replaced; no other event of the sentence
// takes either ("contract ... from March 31" is no contract dated March 31). Without such a verb
// in the clause, "from X to Y" stays what it was: two times for the nearest events.
void read_revisions(const DocumentWords& doc, const SentenceWords& s, const std::vector<Range>& ranges,
                    SentenceEvents& se) {
  for (std::size_t k = 1; k < ranges.size(); ++k) {
    const Range& from = ranges[k - 1];
    const Range& to = ranges[k];
    if (to.begin != from.end + 1 || from.begin == 0 || from.last != kNone || to.last != kNone) continue;
    if (!ClaimLexicon::has(s.cue[from.begin - 1], Cue::RevisionFrom) || !ClaimLexicon::has(s.cue[from.end], Cue::RevisionTo)) {
      continue;
    }
    if (!placeable((*doc.timexes)[static_cast<std::size_t>(from.timex)]) ||
        !placeable((*doc.timexes)[static_cast<std::size_t>(to.timex)])) {
      continue;
    }
    Event* reviser = nullptr;
    std::size_t nearest = 0;
    for (Event& e : se.events) {
      if (e.consumed || !e.predicate || !e.predicate->revises || s.clause[e.at] != s.clause[from.begin]) continue;
      const std::size_t distance = e.at < from.begin ? from.begin - e.at : e.at - from.begin;
      if (!reviser || distance < nearest) {
        reviser = &e;
        nearest = distance;
      }
    }
    if (!reviser) continue;
    for (Event& e : se.events) {
      if (&e != reviser && (e.timex == from.timex || e.timex == to.timex)) {
        e.timex = kNone;
        e.timex_last = kNone;
        e.deadline_time = false;
      }
    }
    reviser->timex = to.timex;
    reviser->timex_last = kNone;
    reviser->time_cost = 0;
    reviser->deadline_time = false;
    reviser->revised_from = from.timex;
  }
}

bool cue_at(const SentenceWords& s, std::size_t i, Cue c) { return ClaimLexicon::has(s.cue[i], c); }

// The event a length runs to as its deadline, or null: "must review the compact within 90 days"
// (a verb before "within" that must happen: an obligation or the future in its clause), "has 30
// days to respond", "gave the airline 60 days to comply" (the verb after the length's "to").
Event* event_with_length(const DocumentWords& doc, const SentenceWords& s, SentenceEvents& se, std::size_t begin,
                         std::size_t end) {
  auto verb_event = [](const Event& e) {
    return !e.consumed && e.pos != TriggerPos::Noun && e.pos != TriggerPos::Object;
  };
  if (begin > 0 && cue_at(s, begin - 1, Cue::Within)) {
    Event* verb = nullptr;  // the last verb before the length, in its clause
    for (Event& e : se.events) {
      if (verb_event(e) && e.at < begin && s.clause[e.at] == s.clause[begin]) verb = &e;
    }
    if (!verb) return nullptr;
    for (std::size_t j = verb->at; j-- > 0 && verb->at - j <= kObligationWindow && s.clause[j] == s.clause[verb->at];) {
      if (cue_at(s, j, Cue::Obligation) || cue_at(s, j, Cue::Future)) return verb;
    }
    return nullptr;
  }
  if (end + 1 >= s.size() || doc.words[s.first + end] != "to") return nullptr;
  for (std::size_t j = begin; j-- > 0 && begin - j <= kGrantWindow && s.clause[j] == s.clause[begin];) {
    if (!cue_at(s, j, Cue::Grant)) continue;
    for (Event& e : se.events) {
      if (verb_event(e) && e.at == end + 1) return &e;
    }
    return nullptr;
  }
  return nullptr;
}

bool comma_between(const DocumentWords& doc, const SentenceWords& s, std::size_t from, std::size_t to) {
  for (std::size_t i = from; i < to; ++i) {
    if (doc.words[s.first + i] == ",") return true;
  }
  return false;
}

}  // namespace

void link_times(const DocumentWords& doc, const SentenceWords& s, SentenceEvents& se) {
  // The sentence's time expressions, as word ranges.
  std::vector<Range> ranges;
  for (std::size_t i = 0; i < s.size(); ++i) {
    std::int32_t t = doc.timex[s.first + i];
    if (t == kNone) continue;
    if (!ranges.empty() && ranges.back().timex == t) {
      ranges.back().end = i + 1;
    } else {
      ranges.push_back({t, kNone, i, i + 1});
    }
  }
  join_spans(doc, s, ranges);
  for (const Range& r : ranges) {
    const Timex& timex = (*doc.timexes)[static_cast<std::size_t>(r.timex)];
    bool reserved =
        std::any_of(se.reports.begin(), se.reports.end(), [&](const Report& rep) { return rep.timex == r.timex; });
    if (timex.value.type == TimexType::Duration) {
      // "a two-week review", "a 90-day extension": the length of the noun right after.
      for (Event& e : se.events) {
        if (!e.consumed && e.pos == TriggerPos::Noun && e.at >= r.end && e.at <= r.end + 1) e.duration = true;
      }
      if (Event* e = event_with_length(doc, s, se, r.begin, r.end); e && e->within == kNone) e->within = r.timex;
      continue;
    }
    if (reserved || !placeable(timex)) continue;
    bool deadline = r.begin > 0 && s.cue[r.begin - 1] && ClaimLexicon::has(s.cue[r.begin - 1], Cue::Deadline);
    if (!deadline && r.begin > 2 && s.cue[r.begin - 3] && s.cue_length[r.begin - 3] == 3) {
      deadline = ClaimLexicon::has(s.cue[r.begin - 3], Cue::Deadline);  // "no later than"
    }
    Event* best = nullptr;
    int best_cost = std::numeric_limits<int>::max();
    bool best_follows = false;  // the event is the verb after "until <date> to"
    for (Event& e : se.events) {
      // A byverb with no event of its own ("paid", "completed") names a time only as a deadline.
      if (e.consumed || (e.pos == TriggerPos::ByVerb && !e.predicate && !deadline)) continue;
      const std::size_t e_end = e.at + e.length;
      int cost = 0;
      bool follows = false;
      if (r.begin >= e_end) {
        cost = static_cast<int>(r.begin - e_end);
        if (deadline && e.pos != TriggerPos::Noun) cost -= kDeadlineBonus;
      } else if (r.end <= e.at) {
        cost = static_cast<int>(e.at - r.end) + kBeforeCost;
        // "gave the airline until May 2 to respond": the verb after "to" has that deadline.
        follows = deadline && e.pos == TriggerPos::ByVerb && e.at == r.end + 1 && doc.words[s.first + r.end] == "to";
        if (follows) cost = -kDeadlineBonus;
        if (e.pos == TriggerPos::Noun && r.end + 1 >= e.at) cost = -kDeadlineBonus;  // "the January deadline"
        // "signed the compact on Tuesday, replacing an agreement": a comma after the time closes
        // the phrase it ends; what comes after it is as far as another clause.
        if (comma_between(doc, s, r.end, e.at)) cost += kClauseCost;
      }
      if (s.clause[r.begin] != s.clause[e.at]) cost += kClauseCost;
      if (cost < best_cost) {
        best_cost = cost;
        best = &e;
        best_follows = follows;
      }
    }
    if (!best || best_cost > kMaxCost) continue;
    if (best->timex == kNone || best_cost < best->time_cost) {
      best->timex = r.timex;
      best->timex_last = r.last;
      best->time_cost = best_cost;
      best->deadline_time = deadline && (r.begin >= best->at + best->length || best_follows);
    }
  }
  read_revisions(doc, s, ranges, se);
  // "visited China in April and signed deals": verbs joined by "and" share the first one's time.
  for (std::size_t k = 1; k < se.events.size(); ++k) {
    Event& e = se.events[k];
    if (e.consumed || e.timex != kNone || e.pos == TriggerPos::Noun || e.at == 0) continue;
    if (!s.cue[e.at - 1] || !ClaimLexicon::has(s.cue[e.at - 1], Cue::Coordination)) continue;
    for (std::size_t j = k; j-- > 0;) {
      const Event& before = se.events[j];
      if (before.consumed || before.pos == TriggerPos::Noun) continue;
      if (before.timex != kNone && s.clause[before.at] == s.clause[e.at]) {
        e.timex = before.timex;
        e.timex_last = before.timex_last;
        e.time_cost = before.time_cost;
      }
      break;
    }
  }
  // A sentence with one time and no event near it ("EU leaders on Thursday threatened ..., as
  // they met Xi for a summit"): the time is the whole sentence's, so the nearest event takes it.
  std::int32_t only = kNone;
  std::int32_t only_last = kNone;
  std::size_t only_at = 0;
  int placeable_count = 0;
  for (const Range& r : ranges) {
    const Timex& timex = (*doc.timexes)[static_cast<std::size_t>(r.timex)];
    bool reserved =
        std::any_of(se.reports.begin(), se.reports.end(), [&](const Report& rep) { return rep.timex == r.timex; });
    if (!placeable(timex) || reserved) continue;
    ++placeable_count;
    only = r.timex;
    only_last = r.last;
    only_at = r.begin;
  }
  if (placeable_count != 1) return;
  if (std::any_of(se.events.begin(), se.events.end(), [&](const Event& e) { return !e.consumed && e.timex == only; }))
    return;
  Event* nearest = nullptr;
  std::size_t nearest_distance = 0;
  for (Event& e : se.events) {
    // Only a verb of the time's clause: a noun far from the sentence's time is mostly a thing
    // talked about, and another clause ("after his team was blocked") another time.
    if (e.consumed || e.timex != kNone || e.pos == TriggerPos::Noun || s.clause[e.at] != s.clause[only_at]) continue;
    std::size_t distance = e.at > only_at ? e.at - only_at : only_at - e.at;
    if (!nearest || distance < nearest_distance) {
      nearest = &e;
      nearest_distance = distance;
    }
  }
  if (nearest) {
    nearest->timex = only;
    nearest->timex_last = only_last;
    nearest->time_cost = kMaxCost;
  }
}

}  // namespace dateline::claims
