#pragma once
// The events of one sentence: reporting verbs (who said it, and a dated report of their own) and
// triggers (what happened), with the words right after a verb that name its object. Word indices
// are relative to the sentence.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "claims/claim_lexicon.h"
#include "claims/claim_words.h"

namespace dateline::claims {

struct Report {
  std::size_t at = 0;
  std::size_t length = 0;
  const Phrase* phrase = nullptr;
  std::int32_t source = kNone;  // the entity mention of who said it
  std::int32_t timex = kNone;   // its own time: "reported Tuesday", "said on Thursday"
  bool now = false;             // present perfect: "the Pentagon has announced"
};

struct Event {
  std::size_t at = 0;
  std::size_t length = 0;
  const Phrase* phrase = nullptr;
  TriggerPos pos = TriggerPos::Verb;     // the phrase's, or a verb for a noun after a modal ("will ban")
  const Predicate* predicate = nullptr;  // null for a byverb until its time makes it a deadline
  std::vector<const Predicate*> also;
  std::string noun;                             // the topic's noun
  const Predicate* object_predicate = nullptr;  // an event noun in its object: "extended that deadline"
  bool object_definite = false;                 // ... after "the", "that": it points back
  std::int32_t object_entity = kNone;           // the first name in its object
  bool consumed = false;                        // merged into another event of the sentence
  std::int32_t timex = kNone;
  std::int32_t timex_last = kNone;  // the end of a span the time starts: "in April and May"
  int time_cost = 0;
  bool deadline_time = false;  // its time follows "by", "before", "no later than"
  bool duration = false;       // a duration names its length: "a two-week review"
  // "extended the deadline from March 31 to April 30": the time it replaced (`timex` is the new one).
  std::int32_t revised_from = kNone;
  // "must review the compact within 90 days", "has 30 days to respond": the length (a duration
  // time expression) from the publication date to the event's deadline.
  std::int32_t within = kNone;
};

struct SentenceEvents {
  std::vector<Report> reports;
  std::vector<Event> events;
};

// Reporting verbs and triggers of a sentence; an event noun in a verb's object is merged into
// the verb ("approved the potential sale": approval + sale).
SentenceEvents find_events(const DocumentWords& doc, const SentenceWords& s);

}  // namespace dateline::claims
