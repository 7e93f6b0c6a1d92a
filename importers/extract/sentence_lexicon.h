#pragma once
// The sentence splitter's language data: abbreviations (abbreviations.tsv) and the words that
// usually open a sentence (sentence_starters.tsv). Built once, immutable, shared by all threads.

#include <optional>
#include <string_view>
#include "extract/flat_word_map.h"

namespace dateline::sentence {

// How an abbreviation's full stop behaves (abbreviations.tsv explains each).
enum class AbbreviationKind { Prefix, Final, Number };

class SentenceLexicon {
 public:
  static const SentenceLexicon& instance();

  // `word` is the word with its final stop, as written: "U.S.", "Mr.", "No.".
  std::optional<AbbreviationKind> abbreviation(std::string_view word) const;
  // `word` as written, capitalized: "The", "He".
  bool is_sentence_starter(std::string_view word) const { return starters_.find(word) != nullptr; }

 private:
  SentenceLexicon();

  FlatWordMap<AbbreviationKind> abbreviations_;
  FlatWordMap<bool> starters_;
};

}  // namespace dateline::sentence
