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

// Amounts of money, percentages and counts: "$4.67bn" is 4670000000 USD, "20 per cent" is
// 20 percent, "26 US government employees" is a count of 26, "hundreds of missiles" an
// approximate count. Sorted by position; spans never overlap.
std::vector<Amount> find_amounts(std::string_view text);

// Named entities: people, organisations, countries and places, products, laws, with canonical
// names from the gazetteers ("Pentagon" is "US Department of Defense", "Chinese" is "China")
// and names linked within the document ("Hegseth" is "Pete Hegseth"). `sentences` are the
// document's sentence spans (titles and sentence starts matter to capitalisation).
std::vector<EntityMention> find_entities(std::string_view text, const std::vector<Span>& sentences);

// Sentence boundaries as byte spans; robust to abbreviations (U.S., Mr., Sept.), decimals and
// amounts ("$4.67bn"), quotes and a missing space after a full stop ("so.Hegseth").
std::vector<Span> split_sentences(std::string_view text);

}  // namespace dateline
