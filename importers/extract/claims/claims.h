#pragma once
// find_claims: dated claims from a document's text and the mentions the other extractors found.
// The pipeline, one pass over each sentence's tokens: words and cues (claim_words), reporting
// verbs and triggers (claim_events), then for each trigger its time, status, entities, amount,
// attribution and topic (claim_assembler). docs/claims.md describes the rules.

#include <dateline/claim.h>
#include <dateline/document.h>

#include <vector>

#include "entities/entity_tokens.h"
#include "token_words.h"

namespace dateline {

// `timexes`, `entities` and `amounts` sorted by position, as their finders return them;
// `tokens` as entities::tokenize gives them for the document's text (the entity tagger's), and
// `words` read from them.
std::vector<Claim> find_claims(const Document& document, const std::vector<Timex>& timexes,
                               const std::vector<EntityMention>& entities, const std::vector<Amount>& amounts,
                               const std::vector<entities::Token>& tokens, const TokenWords& words);

}  // namespace dateline
