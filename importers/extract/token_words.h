#pragma once
// The words of a text as the entity tagger and the claim finder both read them: the tokens of
// entities::tokenize, each with its lower-case form, the claim phrases it starts and its name
// cues. One table merges the claim tables' first words (claims_*.tsv) and the name cues
// (entities_cues.tsv), so one probe a token answers for both: the claim finder probed its table
// for every token and the tagger the cue table for most capitalised words, and in a profile
// those probes were cache misses more than work.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "claims/claim_lexicon.h"
#include "entities/entity_tokens.h"

namespace dateline {

class TokenWords {
 public:
  // Reads the words of `text`, whose tokens (as entities::tokenize gives them) are `tokens`,
  // replacing the text before: a thread keeps one from document to document, so that its
  // vectors are not allocated and freed for each.
  void read(std::string_view text, std::span<const entities::Token> tokens);

  // Per token: its text in ASCII lower case (views into a copy of the text this object holds).
  const std::vector<std::string_view>& words() const { return words_; }
  // Per token: the claim phrases that start with its word, or null.
  const std::vector<const claims::WordEntry*>& entries() const { return entries_; }
  // Per token: its entities::Cue bits; 0 for punctuation and numbers.
  const std::vector<std::uint16_t>& cues() const { return cues_; }

 private:
  std::string lower_;
  std::vector<std::string_view> words_;
  std::vector<const claims::WordEntry*> entries_;
  std::vector<std::uint16_t> cues_;
};

}  // namespace dateline
