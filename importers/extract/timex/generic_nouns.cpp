#include "timex/generic_nouns.h"

#include "dateline_importers_data.h"
#include "tsv_rows.h"

#include <string_view>
#include <vector>

namespace dateline::timex {
namespace {

// A plain list: the table is a few words and is read only after "today's", which is rare,
// so it stays out of the lexicon the tokenizer probes for every word. The views point into
// the embedded table.
std::vector<std::string_view> load() {
  std::vector<std::string_view> words;
  data::for_each_tsv_row(data::timex_generic_nouns_tsv, "timex_generic_nouns.tsv", [&](const data::TsvRow& row) {
    if (row.size != 1) throw data::bad_tsv_row("timex_generic_nouns.tsv", row, "expected one word");
    words.push_back(row[0]);
  });
  return words;
}

}  // namespace

bool is_generic_noun(std::string_view word) {
  static const std::vector<std::string_view> words = load();
  auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c | 0x20) : c; };
  for (std::string_view w : words) {
    if (w.size() != word.size()) continue;
    std::size_t k = 0;
    while (k < w.size() && lower(word[k]) == w[k]) ++k;
    if (k == w.size()) return true;
  }
  return false;
}

}  // namespace dateline::timex
