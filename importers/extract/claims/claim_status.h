#pragma once
// A claim's status from the cue words before its trigger (modals, negation, conditions, plans),
// then from its time against the document creation time: "will", "is expected to", "could",
// "if", "did not", "by <date>", and a date after the DCT make different claims of one event.

#include <dateline/claim.h>

#include <optional>

#include "claims/claim_events.h"

namespace dateline::claims {

// `reported_speech`: a verb of saying comes before the trigger ("said the council would vote").
ClaimStatus status_of(const SentenceWords& s, const Event& e, const Predicate& predicate, const Timex* time,
                      std::optional<Date> dct, bool reported_speech);

}  // namespace dateline::claims
