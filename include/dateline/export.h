#pragma once
// Exporters: each writes one output format from the model.

#include <dateline/extraction.h>

#include <cstdio>
#include <string>
#include <vector>

namespace dateline {

// The `dateline extract` JSON object (DESIGN.md): documents, claims, timexes, entities, amounts.
std::string extract_json(const std::vector<Extraction>& extractions, bool pretty = false);

// One line of the timex scorer interchange format:
// {"doc":"<id>","timexes":[{"begin","end","text","type","value"}]} (no trailing newline).
std::string timex_scorer_line(std::string_view doc, std::string_view text, const std::vector<Timex>& timexes);

}  // namespace dateline
