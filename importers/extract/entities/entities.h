#pragma once
// find_entities for a caller that already has the text's time expressions (extract() does):
// their words are not names, and the time tagger need not run twice. It also passes the text's
// tokens, which the claim finder reads too: tokenizing once saves a pass over the text.

#include <dateline/entity.h>
#include <dateline/span.h>
#include <dateline/timex.h>

#include <string_view>
#include <vector>

#include "entities/entity_tokens.h"
#include "token_words.h"

namespace dateline {

// `timexes` sorted by position, as find_timexes returns them; `tokens` as entities::tokenize
// gives them for `text`. The tagger marks sentence starts and time words in the tokens
// themselves (the claim finder, which reads them next, uses neither flag): no copy per document.
std::vector<EntityMention> find_entities(std::string_view text, const std::vector<Span>& sentences,
                                         const std::vector<Timex>& timexes, std::vector<entities::Token>& tokens,
                                         const TokenWords& words);

}  // namespace dateline
