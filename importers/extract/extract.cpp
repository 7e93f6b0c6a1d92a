// Runs the extractors over a document, in dependency order.

#include <dateline/extract.h>

#include "amounts/amounts.h"
#include "claims/claims.h"
#include "entities/entities.h"
#include "entities/entity_tokens.h"

namespace dateline {

Extraction extract(Document document) {
  Extraction x;
  std::optional<Date> dct;
  if (document.published.earliest) dct = document.published.earliest;
  x.timexes = find_timexes(document.text, dct);
  x.amounts = find_amounts(document.text, x.timexes);
  if (document.sentences.empty()) document.sentences = split_sentences(document.text);
  // The entity tagger and the claim finder read the same tokens: tokenize once, into a vector
  // each thread keeps from document to document.
  thread_local std::vector<entities::Token> tokens;
  entities::tokenize(document.text, tokens);
  // Their words too: one probe a token answers for the claim tables and the name cues.
  thread_local TokenWords words;
  words.read(document.text, tokens);
  x.entities = find_entities(document.text, document.sentences, x.timexes, tokens, words);  // marks them; no copy
  x.claims = find_claims(document, x.timexes, x.entities, x.amounts, tokens, words);
  x.document = std::move(document);
  return x;
}

}  // namespace dateline
