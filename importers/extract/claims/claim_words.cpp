#include "claims/claim_words.h"

#include <algorithm>
#include <cstring>
#include <utility>

namespace dateline::claims {
namespace {

// Marks the tokens inside each span with the span's index. Both lists are sorted by position.
template <typename Mention>
void mark(std::span<const entities::Token> tokens, const std::vector<Mention>& mentions,
          std::vector<std::int32_t>& out) {
  out.assign(tokens.size(), kNone);
  // A mention's first token by a binary search from the mention before's: a text has far fewer
  // mentions than tokens.
  auto t = tokens.begin();
  for (std::size_t m = 0; m < mentions.size(); ++m) {
    const Span& s = mentions[m].span;
    t = std::partition_point(t, tokens.end(), [&](const entities::Token& token) { return token.begin < s.begin; });
    for (auto k = t; k != tokens.end() && k->end <= s.end; ++k)
      out[static_cast<std::size_t>(k - tokens.begin())] = static_cast<std::int32_t>(m);
  }
}

bool is_quote(std::string_view word) {
  return word == "'" || word == "\"" || word == "\xE2\x80\x98" || word == "\xE2\x80\x99" || word == "\xE2\x80\x9C" ||
         word == "\xE2\x80\x9D";
}

// An opening quote has space (or the sentence start) before it and a word right after it.
bool quote_opens(const DocumentWords& doc, const SentenceWords& s, std::size_t t) {
  return (t == s.first || doc.tokens[t].space_before) && t + 1 < s.last && !doc.tokens[t + 1].space_before;
}

bool is_clause_punct(std::string_view word) { return word == ";" || word == ":" || word == "(" || word == ")"; }

}  // namespace

void DocumentWords::read(std::string_view text_, const std::vector<entities::Token>& tokens_, const TokenWords& words_,
                         const std::vector<Timex>& timexes_, const std::vector<EntityMention>& entities_,
                         const std::vector<Amount>& amounts_) {
  text = text_;
  tokens = tokens_;
  words = words_.words();
  entries = words_.entries();
  timexes = &timexes_;
  entities = &entities_;
  amounts = &amounts_;
  const std::size_t n = tokens.size();
  event_words.resize(n + 1);
  const ClaimLexicon& lex = ClaimLexicon::get();
  std::uint32_t events = 0;
  for (std::size_t k = 0; k < n; ++k) {
    event_words[k] = events;
    if (lex.starts_event(words[k], entries[k])) ++events;
  }
  event_words[n] = events;
  mark(tokens, timexes_, timex);
  mark(tokens, entities_, entity);
  mark(tokens, amounts_, amount);
}

std::size_t DocumentWords::token_at(std::uint32_t offset) const {
  auto it = std::lower_bound(tokens.begin(), tokens.end(), offset,
                             [](const entities::Token& t, std::uint32_t o) { return t.begin < o; });
  return static_cast<std::size_t>(it - tokens.begin());
}

std::size_t DocumentWords::token_at(std::uint32_t offset, std::size_t from) const {
  if (from > tokens.size() || (from > 0 && tokens[from - 1].begin >= offset)) return token_at(offset);
  while (from < tokens.size() && tokens[from].begin < offset) ++from;
  return from;
}

void sentence_bounds(const DocumentWords& doc, Span span, SentenceWords& s) {
  s.span = span;
  s.first = doc.token_at(span.begin, s.last);
  s.last = doc.token_at(span.end, s.first);
}

void skip_quotes(const DocumentWords& doc, const SentenceWords& s, bool& in_quote) {
  for (std::size_t t = s.first; t < s.last; ++t) {
    if (doc.tokens[t].kind == entities::TokenKind::Punct && is_quote(doc.words[t])) in_quote = quote_opens(doc, s, t);
  }
}

void sentence_words(const DocumentWords& doc, bool& in_quote, SentenceWords& s) {
  const std::size_t n = s.size();
  s.clause.assign(n, 0);
  s.quoted.assign(n, 0);
  s.cue.assign(n, nullptr);
  s.cue_length.assign(n, 0);
  std::uint16_t clause = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t t = s.first + i;
    const std::string_view word = doc.words[t];
    // Quotes and clause punctuation are punctuation tokens: words skip the comparisons.
    const bool punct = doc.tokens[t].kind == entities::TokenKind::Punct;
    if (punct && is_quote(word)) {
      bool opens = quote_opens(doc, s, t);
      if (opens != in_quote) ++clause;
      in_quote = opens;
      s.clause[i] = clause;
      s.quoted[i] = true;
      continue;
    }
    std::size_t length = 0;
    // Names and times hold no cues: "May this year" is no modal.
    if (doc.entity[t] == kNone && doc.timex[t] == kNone) {
      if (const Phrase* cue = ClaimLexicon::cue(doc.entries[t], doc.words, t, length); cue && t + length <= s.last) {
        s.cue[i] = cue;
        s.cue_length[i] = static_cast<std::uint8_t>(length);
        if (ClaimLexicon::has(cue, Cue::Clause)) ++clause;
      }
    }
    if (punct && is_clause_punct(word)) ++clause;
    s.clause[i] = clause;
    s.quoted[i] = in_quote;
  }
}

}  // namespace dateline::claims
