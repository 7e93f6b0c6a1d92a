#pragma once
// Extractors: language, not formats. Each reads a Document's text and adds to its Extraction.

#include <dateline/extraction.h>

#include <optional>
#include <string_view>
#include <vector>

namespace dateline {

// Runs every extractor over a document.
Extraction extract(Document document);

// The time expressions of a text, normalized to TIMEX3 and anchored on the document creation
// time `dct` (relative expressions stay unresolved, with X placeholders, when it is absent).
// Sorted by position; spans never overlap.
std::vector<Timex> find_timexes(std::string_view text, std::optional<Date> dct);

// Sentence boundaries as byte spans; robust to abbreviations (U.S., Mr., Sept.), decimals and
// amounts ("$4.67bn"), quotes and a missing space after a full stop ("so.Hegseth").
std::vector<Span> split_sentences(std::string_view text);

}  // namespace dateline
