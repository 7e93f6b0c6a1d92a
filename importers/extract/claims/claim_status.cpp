#include "claims/claim_status.h"

namespace dateline::claims {
namespace {

constexpr std::size_t kCueWindow = 8;       // words before a trigger its auxiliaries and modals may take
constexpr std::size_t kNegationWindow = 4;  // "did not", "would not approve", "refused to sign"

}  // namespace

ClaimStatus status_of(const SentenceWords& s, const Event& e, const Predicate& predicate, const Timex* time,
                      std::optional<Date> dct, bool reported_speech) {
  bool condition = false, negation = false, proposed = false, possible = false, planned = false, scheduled = false,
       future = false;
  const bool noun = e.pos == TriggerPos::Noun;
  const std::size_t stop = e.at > kCueWindow ? e.at - kCueWindow : 0;
  for (std::size_t j = e.at; j-- > 0;) {
    if (s.clause[j] != s.clause[e.at]) break;
    const Phrase* cue = s.cue[j];
    if (!cue || j + s.cue_length[j] > e.at) continue;
    // "if" governs its whole clause.
    if (ClaimLexicon::has(cue, Cue::Condition)) condition = true;
    // A noun's status is its own modifiers' and its verb's, not a verb's that it is a complement
    // of: "may come up in trade talks" says nothing about the talks.
    if (noun && ClaimLexicon::has(cue, Cue::Preposition)) break;
    // Tense and plans hold for the clause ("will ... initiate a review"); modals and negation
    // for the words near the trigger.
    if (ClaimLexicon::has(cue, Cue::Planned)) planned = true;
    if (ClaimLexicon::has(cue, Cue::Scheduled)) scheduled = true;
    if (ClaimLexicon::has(cue, Cue::Future)) future = true;
    if (j < stop) continue;
    if (ClaimLexicon::has(cue, Cue::Negation) && e.at - j <= kNegationWindow) negation = true;
    if (reported_speech && ClaimLexicon::has(cue, Cue::Backshift)) {
      future = true;  // "said ... would": the future of reported speech
    } else if (ClaimLexicon::has(cue, Cue::Proposed)) {
      proposed = true;
    }
    if (ClaimLexicon::has(cue, Cue::Possible)) possible = true;
  }
  // A noun's own verb mostly follows it: "the merger is expected to close", "the summit will be
  // held".
  if (noun) {
    for (std::size_t j = e.at + e.length; j < s.size() && j < e.at + e.length + kCueWindow; ++j) {
      if (s.clause[j] != s.clause[e.at]) break;
      const Phrase* cue = s.cue[j];
      if (!cue) continue;
      if (ClaimLexicon::has(cue, Cue::Planned)) planned = true;
      if (ClaimLexicon::has(cue, Cue::Scheduled)) scheduled = true;
      if (ClaimLexicon::has(cue, Cue::Future)) future = true;
      if (ClaimLexicon::has(cue, Cue::Possible)) possible = true;
      if (planned || scheduled || future || possible) break;
    }
  }
  if (condition) return ClaimStatus::Conditional;
  if (negation) return ClaimStatus::Negated;
  if (proposed) return ClaimStatus::Proposed;
  if (possible) return ClaimStatus::Possible;
  if (planned) return ClaimStatus::Planned;
  const bool has_bounds = time && time->value.has_bounds();
  if (scheduled || future) return has_bounds ? ClaimStatus::Scheduled : ClaimStatus::Planned;
  if (!has_bounds || !dct) return ClaimStatus::Occurred;
  if (*time->value.latest < *dct) return ClaimStatus::Occurred;
  if (*time->value.earliest > *dct) return ClaimStatus::Scheduled;
  // A period that holds the DCT: a deadline in it is still ahead, an event has begun.
  return predicate.name == "deadline" ? ClaimStatus::Scheduled : ClaimStatus::Occurred;
}

}  // namespace dateline::claims
