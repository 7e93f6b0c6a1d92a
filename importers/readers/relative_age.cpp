// Reads age labels with the age_units.tsv table: [lead ...] (count unit | count+unit) tail, or a
// whole phrase. Lines are short, so a label is lower-cased into a small stack buffer first.

#include "readers/relative_age.h"

#include <array>
#include <boost/date_time/gregorian/gregorian.hpp>
#include <boost/date_time/posix_time/posix_time.hpp>
#include <charconv>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

#include "dateline_importers_data.h"
#include "extract/tsv_rows.h"

namespace dateline::reader {
namespace {

constexpr std::string_view kTable = "age_units.tsv";
// Longer lines are never age labels; the bound also sizes the lower-casing buffer.
constexpr std::size_t kMaxLabel = 48;
// A label with a seven-digit count is not an age a page would print.
constexpr std::size_t kMaxCountDigits = 6;

std::optional<AgeUnit> unit_from_name(std::string_view name) {
  if (name == "second") return AgeUnit::Second;
  if (name == "minute") return AgeUnit::Minute;
  if (name == "hour") return AgeUnit::Hour;
  if (name == "day") return AgeUnit::Day;
  if (name == "week") return AgeUnit::Week;
  if (name == "month") return AgeUnit::Month;
  if (name == "year") return AgeUnit::Year;
  return std::nullopt;
}

std::optional<std::uint32_t> digits_value(std::string_view text) {
  if (text.empty() || text.size() > kMaxCountDigits) return std::nullopt;
  std::uint32_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

class AgeTable {
 public:
  static const AgeTable& instance() {
    static const AgeTable table;
    return table;
  }

  // `label` is lower-case with single spaces between words.
  std::optional<RelativeAge> parse(const std::string_view label) const {
    std::array<std::string_view, 8> words{};
    std::string_view rest = label;
    std::size_t count = 0;
    while (!rest.empty()) {
      std::size_t space = rest.find(' ');
      if (count == words.size()) return std::nullopt;
      words[count++] = rest.substr(0, space);
      rest = space == std::string_view::npos ? std::string_view{} : rest.substr(space + 1);
    }
    std::size_t first = 0;
    while (first < count && leads_.contains(words[first])) ++first;
    if (first == count) return std::nullopt;
    std::string_view after_leads = label.substr(static_cast<std::size_t>(words[first].data() - label.data()));
    if (auto phrase = phrases_.find(after_leads); phrase != phrases_.end()) return phrase->second;
    // count unit tail, or the compact count+unit tail ("20h ago")
    if (count - first == 3 && tails_.contains(words[first + 2])) {
      auto n = count_value(words[first]);
      auto unit = units_.find(words[first + 1]);
      if (n && unit != units_.end()) return RelativeAge{*n, unit->second};
    }
    if (count - first == 2 && tails_.contains(words[first + 1])) {
      std::string_view compact = words[first];
      std::size_t d = 0;
      while (d < compact.size() && compact[d] >= '0' && compact[d] <= '9') ++d;
      auto n = digits_value(compact.substr(0, d));
      auto unit = units_.find(compact.substr(d));
      if (n && unit != units_.end()) return RelativeAge{*n, unit->second};
    }
    return std::nullopt;
  }

 private:
  AgeTable() {
    data::for_each_tsv_row(data::age_units_tsv, kTable, [&](const data::TsvRow& row) {
      std::string_view kind = row[0];
      std::string_view text = row[1];
      if (text.empty()) throw data::bad_tsv_row(kTable, row, "missing text");
      if (kind == "count") {
        auto n = digits_value(row[2]);
        if (!n) throw data::bad_tsv_row(kTable, row, "count needs a number");
        counts_.emplace(text, *n);
      } else if (kind == "unit") {
        auto unit = unit_from_name(row[2]);
        if (!unit) throw data::bad_tsv_row(kTable, row, "unknown unit");
        units_.emplace(text, *unit);
      } else if (kind == "tail") {
        tails_.insert(text);
      } else if (kind == "lead") {
        leads_.insert(text);
      } else if (kind == "phrase") {
        std::string_view value = row[2];
        std::size_t space = value.find(' ');
        auto n = digits_value(value.substr(0, space));
        auto unit = space == std::string_view::npos ? std::nullopt : unit_from_name(value.substr(space + 1));
        if (!n || !unit) throw data::bad_tsv_row(kTable, row, "phrase needs '<count> <unit>'");
        phrases_.emplace(text, RelativeAge{*n, *unit});
      } else {
        throw data::bad_tsv_row(kTable, row, "kind must be count, unit, tail, lead or phrase");
      }
    });
  }

  std::optional<std::uint32_t> count_value(std::string_view word) const {
    if (auto it = counts_.find(word); it != counts_.end()) return it->second;
    return digits_value(word);
  }

  std::unordered_map<std::string_view, std::uint32_t> counts_;
  std::unordered_map<std::string_view, AgeUnit> units_;
  std::unordered_set<std::string_view> tails_;
  std::unordered_set<std::string_view> leads_;
  std::unordered_map<std::string_view, RelativeAge> phrases_;
};

}  // namespace

std::optional<RelativeAge> parse_relative_age(std::string_view line) {
  if (line.empty() || line.size() > kMaxLabel) return std::nullopt;
  // Lower-case and collapse runs of spaces, so the table's words match "20  Hours ago".
  std::array<char, kMaxLabel> buffer{};
  std::size_t n = 0;
  for (char c : line) {
    if (c == ' ' || c == '\t') {
      if (n > 0 && buffer[n - 1] != ' ') buffer[n++] = ' ';
      continue;
    }
    buffer[n++] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  while (n > 0 && buffer[n - 1] == ' ') --n;
  return AgeTable::instance().parse(std::string_view(buffer.data(), n));
}

std::optional<boost::posix_time::ptime> resolve_relative_age(const RelativeAge& age,
                                                             boost::posix_time::ptime captured) {
  namespace pt = boost::posix_time;
  namespace greg = boost::gregorian;
  if (captured.is_special()) return std::nullopt;
  const long n = static_cast<long>(age.count);
  try {
    pt::ptime t;
    switch (age.unit) {
      case AgeUnit::Second:
        t = captured - pt::seconds(n);
        break;
      case AgeUnit::Minute:
        t = captured - pt::minutes(n);
        break;
      case AgeUnit::Hour:
        t = captured - pt::hours(n);
        break;
      case AgeUnit::Day:
        t = captured - greg::days(n);
        break;
      case AgeUnit::Week:
        t = captured - greg::weeks(n);
        break;
      case AgeUnit::Month:
        t = captured - greg::months(static_cast<int>(age.count));
        break;
      case AgeUnit::Year:
        t = captured - greg::years(static_cast<int>(age.count));
        break;
    }
    if (t.is_special()) return std::nullopt;
    (void)t.date().year();  // throws when the arithmetic left Boost's calendar range
    return t;
  } catch (const std::out_of_range&) {
    return std::nullopt;
  }
}

}  // namespace dateline::reader
