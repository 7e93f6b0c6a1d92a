// Matches lines against the page_furniture.tsv patterns.

#include "readers/page_furniture.h"

#include <array>
#include <vector>

#include "dateline_importers_data.h"
#include "extract/tsv_rows.h"

namespace dateline::reader {
namespace {

// Furniture is a short label or link text. A longer line is article text even when it opens
// like furniture ("Advertisement spending rose ..."), so it is never matched.
constexpr std::size_t kMaxFurnitureLine = 120;

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// The patterns by their first character, lower case: a line is tried only against those that
// start with its own first letter (most lines of a text match none, and tried all) and those
// that start with '*'.
struct FurniturePatterns {
  std::array<std::vector<std::string_view>, 256> by_first;
  std::vector<std::string_view> starred;
};

const FurniturePatterns& furniture_patterns() {
  static const FurniturePatterns patterns = [] {
    FurniturePatterns p;
    data::for_each_tsv_row(data::page_furniture_tsv, "page_furniture.tsv", [&](const data::TsvRow& row) {
      if (row[0].empty()) throw data::bad_tsv_row("page_furniture.tsv", row, "empty pattern");
      if (row[0].front() == '*') {
        p.starred.push_back(row[0]);
      } else {
        p.by_first[static_cast<unsigned char>(lower(row[0].front()))].push_back(row[0]);
      }
    });
    return p;
  }();
  return patterns;
}

}  // namespace

bool glob_match_ci(std::string_view pattern, std::string_view text) {
  // Greedy matching with one backtrack point (the last '*'): linear for the patterns we use,
  // never exponential.
  std::size_t p = 0, t = 0;
  std::size_t star = std::string_view::npos, star_t = 0;
  while (t < text.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      star_t = t;
    } else if (p < pattern.size() && lower(pattern[p]) == lower(text[t])) {
      ++p;
      ++t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++star_t;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

bool is_page_furniture(std::string_view line) {
  if (line.empty() || line.size() > kMaxFurnitureLine) return false;
  const FurniturePatterns& patterns = furniture_patterns();
  for (std::string_view pattern : patterns.by_first[static_cast<unsigned char>(lower(line.front()))]) {
    if (glob_match_ci(pattern, line)) return true;
  }
  for (std::string_view pattern : patterns.starred) {
    if (glob_match_ci(pattern, line)) return true;
  }
  return false;
}

}  // namespace dateline::reader
