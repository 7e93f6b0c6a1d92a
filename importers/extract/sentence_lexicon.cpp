// Loads the splitter's tables from the data files compiled into the binary.

#include "extract/sentence_lexicon.h"

#include "dateline_importers_data.h"
#include "extract/tsv_rows.h"

namespace dateline::sentence {

const SentenceLexicon& SentenceLexicon::instance() {
  static const SentenceLexicon lexicon;
  return lexicon;
}

SentenceLexicon::SentenceLexicon() {
  // Keys are views into the embedded tables, which live as long as the program.
  data::for_each_tsv_row(data::abbreviations_tsv, "abbreviations.tsv", [&](const data::TsvRow& row) {
    std::string_view word = row[0];
    std::string_view kind = row[1];
    if (word.empty() || word.back() != '.') throw data::bad_tsv_row("abbreviations.tsv", row, "must end in '.'");
    AbbreviationKind k;
    if (kind == "prefix") {
      k = AbbreviationKind::Prefix;
    } else if (kind == "final") {
      k = AbbreviationKind::Final;
    } else if (kind == "number") {
      k = AbbreviationKind::Number;
    } else {
      throw data::bad_tsv_row("abbreviations.tsv", row, "kind must be prefix, final or number");
    }
    abbreviations_.try_emplace(word, k);
  });
  data::for_each_tsv_row(data::sentence_starters_tsv, "sentence_starters.tsv",
                         [&](const data::TsvRow& row) { starters_[row[0]] = true; });
}

std::optional<AbbreviationKind> SentenceLexicon::abbreviation(std::string_view word) const {
  const AbbreviationKind* kind = abbreviations_.find(word);
  if (!kind) return std::nullopt;
  return *kind;
}

}  // namespace dateline::sentence
