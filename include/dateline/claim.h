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

struct Claim {
  std::string id;
  std::string doc;
  std::string predicate;  // from the documented taxonomy: deadline, sale, approval ...
  ClaimStatus status = ClaimStatus::Occurred;
  std::vector<ClaimEntity> entities;
  std::optional<Amount> amount;
  std::optional<Timex> time;
  std::optional<std::string> attribution;
  double confidence = 0;
  Evidence evidence;
};

std::string_view to_string(ClaimStatus status);

}  // namespace dateline
