#pragma once
// The words of a document as the claim rules see them: tokens with their lower-case forms, the
// mention (time, entity, amount) each lies in, and per sentence the clause, quotation and cue of
// each word. Built once per document, one pass over the tokens.

#include <dateline/amount.h>
#include <dateline/entity.h>
#include <dateline/span.h>
#include <dateline/timex.h>

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "claims/claim_lexicon.h"
#include "entities/entity_tokens.h"
#include "token_words.h"

namespace dateline::claims {

constexpr std::int32_t kNone = -1;

// Built for one document at a time by `read`; a thread keeps one from document to document, so
// that its per-token vectors are not allocated, zeroed and freed again for every document.
struct DocumentWords {
  std::string_view text;
  std::span<const entities::Token> tokens;
  std::span<const std::string_view> words;          // per token: lower case (TokenWords')
  std::span<const WordEntry* const> entries;        // per token: the phrases that start with its word, or null
  std::vector<std::int32_t> timex, entity, amount;  // per token: the index of the mention it is in, or kNone
  // Per token t (and one past the last): how many tokens before t start a trigger or a
  // reporting phrase, so that a sentence without one is known at a subtraction.
  std::vector<std::uint32_t> event_words;
  const std::vector<Timex>* timexes = nullptr;
  const std::vector<EntityMention>* entities = nullptr;
  const std::vector<Amount>* amounts = nullptr;

  // Reads a document, replacing the one before: `tokens` as entities::tokenize gives them for
  // `text`, `words` read from them, and the mentions, all viewed, not copied (they must outlive
  // this document's use).
  void read(std::string_view text, const std::vector<entities::Token>& tokens, const TokenWords& words,
            const std::vector<Timex>& timexes, const std::vector<EntityMention>& entities,
            const std::vector<Amount>& amounts);

  // The first token at or after byte `offset`.
  std::size_t token_at(std::uint32_t offset) const;
  // The same, searched forward from token `from` when it is not past the answer (the sentences
  // of a document come in order: a step or two each, not a binary search's mispredicted branches).
  std::size_t token_at(std::uint32_t offset, std::size_t from) const;
};

// One sentence: tokens [first, last) of the document, with what the rules need per word.
struct SentenceWords {
  Span span;
  std::size_t first = 0;
  std::size_t last = 0;
  std::vector<std::uint16_t> clause;  // per word (index - first): the clause it is in
  std::vector<std::uint8_t> quoted;   // inside quotation marks (bytes: a bit vector cost more to fill)
  std::vector<const Phrase*> cue;     // the cue phrase that starts at the word, or null
  std::vector<std::uint8_t> cue_length;

  std::size_t size() const { return last - first; }
};

// The span and token range of a sentence into `s`, its per-word vectors left as they were;
// `s` holds the sentence before it, or is new.
void sentence_bounds(const DocumentWords& doc, Span span, SentenceWords& s);

// Clauses, quotes and cues of the sentence whose bounds `s` holds (sentence_bounds), into `s`
// (its vectors are reused from sentence to sentence). `in_quote` carries an open quotation
// across sentences.
void sentence_words(const DocumentWords& doc, bool& in_quote, SentenceWords& s);

// Whether any word of the sentence starts a trigger or a reporting phrase. Most sentences of
// news start none: they yield no event and no report, and need no clauses, quotes or cues, only
// what they do to `in_quote` (skip_quotes).
inline bool may_hold_events(const DocumentWords& doc, const SentenceWords& s) {
  return doc.event_words[s.last] != doc.event_words[s.first];
}
// `in_quote` after the sentence, as sentence_words leaves it.
void skip_quotes(const DocumentWords& doc, const SentenceWords& s, bool& in_quote);

}  // namespace dateline::claims
