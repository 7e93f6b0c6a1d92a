#pragma once
// Claim: one dated statement of fact, the unit the engine works on.

#include <dateline/amount.h>
#include <dateline/entity.h>
#include <dateline/span.h>
#include <dateline/timex.h>

#include <optional>
#include <string>
#include <vector>

namespace dateline {

enum class ClaimStatus { Occurred, Scheduled, Planned, Possible, Proposed, Negated, Conditional, Superseded };

struct ClaimEntity {
  std::string name;
  EntityKind kind = EntityKind::Other;
  std::string role;  // "agent", "patient", "recipient" ... or empty when unknown
};

struct Evidence {
  std::string doc;  // document id
  Span span;        // the sentence the claim was read from
  std::string quote;
};

// Where a claim's time came from.
enum class ClaimTimeSource {
  Text,         // a time expression in the claim's sentence (Claim::time->span points at it)
  Publication,  // a reporting event ("ProPublica reported") dated by the document's publication
};

struct Claim {
  std::string id;
  std::string doc;
  std::string predicate;  // from the documented taxonomy: deadline, sale, approval ...
  // Further predicates the same words state ("approved the potential sale": approval + sale).
  std::vector<std::string> also;
  // What the claim is about, short and readable, for merging and for headlines:
  // "TikTok divestment", "NASAMS sale". Empty when nothing better than the predicate is known.
  std::string topic;
  Span trigger;  // the words that name the event ("approved", "deadline", "drills")
  ClaimStatus status = ClaimStatus::Occurred;
  std::vector<ClaimEntity> entities;
  std::optional<Amount> amount;
  std::optional<Timex> time;  // never invented: empty when the text gives no time
  ClaimTimeSource time_source = ClaimTimeSource::Text;
  std::optional<std::string> attribution;
  double confidence = 0;
  Evidence evidence;
};

std::string_view to_string(ClaimStatus status);
std::string_view to_string(ClaimTimeSource source);

}  // namespace dateline
