#pragma once
// Nouns for people or society at large (timex_generic_nouns.tsv): "today's" before one is
// generic ("today's youth"), no date.

#include <string_view>

namespace dateline::timex {

// True when `word` (any case) is in the table.
bool is_generic_noun(std::string_view word);

}  // namespace dateline::timex
