#pragma once
// Rows of an embedded TSV data table: tab-separated fields, '#' comments, blank lines skipped.
// The fields are views into the table itself, which is static data, so lookups built from them
// never copy a string.

#include <array>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

namespace dateline::data {

struct TsvRow {
  static constexpr std::size_t kMaxFields = 8;
  std::array<std::string_view, kMaxFields> fields{};
  std::size_t size = 0;
  std::size_t line = 0;  // 1-based, for messages about a broken table

  std::string_view operator[](std::size_t i) const { return i < size ? fields[i] : std::string_view{}; }
};

// Calls f(row) for each data row. A broken table is a bug in the program, not bad input, so it
// throws std::logic_error naming the table and line.
template <typename F>
void for_each_tsv_row(std::string_view table, std::string_view table_name, F&& f) {
  std::size_t line = 0;
  while (!table.empty()) {
    ++line;
    std::size_t eol = table.find('\n');
    std::string_view text = table.substr(0, eol);
    table = eol == std::string_view::npos ? std::string_view{} : table.substr(eol + 1);
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    if (text.empty() || text.front() == '#') continue;
    TsvRow row;
    row.line = line;
    while (true) {
      if (row.size == TsvRow::kMaxFields) {
        throw std::logic_error(std::string(table_name) + ":" + std::to_string(line) + ": too many fields");
      }
      std::size_t tab = text.find('\t');
      row.fields[row.size++] = text.substr(0, tab);
      if (tab == std::string_view::npos) break;
      text.remove_prefix(tab + 1);
    }
    f(static_cast<const TsvRow&>(row));
  }
}

// The error for a row the table's reader does not understand.
inline std::logic_error bad_tsv_row(std::string_view table_name, const TsvRow& row, std::string_view why) {
  return std::logic_error(std::string(table_name) + ":" + std::to_string(row.line) + ": " + std::string(why));
}

}  // namespace dateline::data
