#pragma once
// Which time expression of a sentence belongs to which event: same clause first, then the
// sentence; each time goes to the event nearest to it, a time after "by" to the verb before it,
// a time right before an event noun ("the January deadline") to that noun. A reporting verb's own
// time ("said on Thursday") is never another event's.

#include "claims/claim_events.h"

namespace dateline::claims {

void link_times(const DocumentWords& doc, const SentenceWords& s, SentenceEvents& events);

}  // namespace dateline::claims
