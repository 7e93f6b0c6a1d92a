#pragma once
// When two statements are about the same fact: the pure rules of merging, with no store behind
// them, so they are tested on their own. The store (merge.cpp) finds candidates and applies them.

#include <dateline/amount.h>
#include <dateline/claim.h>
#include <dateline/time_value.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dateline::engine {

enum class PredicateKind { Event, Scheduled };

struct PredicateInfo {
  std::string family;
  PredicateKind kind = PredicateKind::Event;
  std::string revises;  // a family, or empty
};

// From engine/data/predicates.tsv; a predicate the table does not know is its own family, an event.
PredicateInfo predicate_info(std::string_view predicate);

// Lower case, punctuation dropped, stop words dropped, single spaces: the form topics are compared in.
std::string normalize_topic(std::string_view topic);

// The words of a normalized topic (split at spaces), as views into it.
std::vector<std::string_view> words_of(std::string_view normalized);

// Calls visit(word) for each word of `text` split at spaces, as words_of() splits it, without
// building the list; stops and returns true when visit returns true.
template <typename Visit>
bool any_word(std::string_view text, Visit&& visit) {
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string_view::npos) end = text.size();
    if (end > start && visit(text.substr(start, end - start))) return true;
    start = end + 1;
  }
  return false;
}

// Dice coefficient over the words of two normalized topics: 1 for the same words, 0 for none shared.
double topic_similarity(std::string_view a, std::string_view b);

// The same quantity as news rounds it: the same unit and values within 1.5% ("$4.7bn" and
// "$4.67bn"), or within 10% when either is approximate ("about 26").
bool amounts_agree(const Amount& a, const Amount& b);

// What matching needs to know of a claim or a fact.
struct Subject {
  std::vector<std::string> families;  // the primary family first, then those of `also`
  std::string topic;                  // normalized
  // Normalized words of the topic that were names in the text ("tiktok" of "TikTok divestment"):
  // a named topic says what the fact is about; "trade talks" does not.
  std::vector<std::string> topic_names;
  std::vector<std::string> entities;  // canonical names that are not too frequent to tell facts apart
  std::vector<std::string> all_entities;
  std::vector<std::string> recipients;  // entities in the recipient role ("sale ... to Egypt")
};

// The names in a topic, normalized as normalize_topic does: words with a capital letter.
std::vector<std::string> topic_names(std::string_view topic);

// Same predicate family (either side's primary family among the other's), and the same topic
// (similarity >= 0.5 when both have one; a topic without names, "trade talks", also needs a
// specific entity in common when both name some) or, when a topic is missing, the same specific
// entities (at least one shared and half of the smaller set). Different recipients on both sides
// are different facts (the sale to Brazil is not the sale to Egypt). Statements with nothing to
// go on never match.
bool same_subject(const Subject& a, const Subject& b);

// How a statement's time fits one value a fact has had.
enum class TimeFit {
  Same,       // the same interval, or one contains the other ("January" and "January 19")
  Undated,    // one of them has no time: nothing to disagree about
  Different,  // disjoint or partly overlapping intervals
};
TimeFit time_fit(const std::optional<TimeValue>& a, const std::optional<TimeValue>& b);

// Of two compatible times, the one to keep: the finer (a source stated it), else the first.
const TimeValue& finer_time(const TimeValue& kept, const TimeValue& incoming);

// What a new statement with a different time means for a fact it shares a subject with.
enum class TimeChange {
  Revision,       // a new value: the fact moved
  Contradiction,  // sources disagree about the same fact at the same time
  OtherFact,      // a different occurrence (another meeting, another sale)
};

struct TimedReport {
  std::optional<TimeValue> time;
  ClaimStatus status = ClaimStatus::Occurred;
  std::optional<Date> reported;  // publication day of the report
  std::int64_t text = 0;          // the stored text it was read from
};

// `known` is the fact's current value as first reported, `incoming` the new statement; both have
// different times (time_fit() == Different). Scheduled facts (and events both reports place
// ahead: scheduled or planned) are revised by a later report, and within one report when one value is marked superseded or
// lies before the report while the other does not. Reports of the same day from other texts
// that disagree contradict each other; so do day-exact dates of an occurred event.
TimeChange classify_time_change(PredicateKind kind, const TimedReport& known, const TimedReport& incoming);

}  // namespace dateline::engine
