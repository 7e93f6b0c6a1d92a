#pragma once
// What the importers produce for one document.

#include <dateline/amount.h>
#include <dateline/claim.h>
#include <dateline/document.h>
#include <dateline/entity.h>
#include <dateline/timex.h>

#include <vector>

namespace dateline {

struct Extraction {
  Document document;
  std::vector<Timex> timexes;
  std::vector<EntityMention> entities;
  std::vector<Amount> amounts;
  std::vector<Claim> claims;
};

}  // namespace dateline
