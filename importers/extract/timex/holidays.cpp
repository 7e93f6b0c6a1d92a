#include "timex/holidays.h"

#include "dateline_importers_data.h"
#include "tsv_rows.h"

#include <boost/date_time/gregorian/gregorian.hpp>
#include <charconv>
#include <fmt/format.h>
#include <stdexcept>

namespace dateline::timex {
namespace {

using boost::gregorian::date_duration;

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  while (true) {
    std::size_t k = s.find(sep);
    out.push_back(s.substr(0, k));
    if (k == std::string_view::npos) break;
    s.remove_prefix(k + 1);
  }
  return out;
}

int number(std::string_view s, std::size_t line) {
  int v = 0;
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) {
    throw std::logic_error(fmt::format("timex_holidays.tsv line {}: bad number '{}'", line, s));
  }
  return v;
}

}  // namespace

Date easter_sunday(int year) {
  // The anonymous Gregorian computus (Meeus/Jones/Butcher): month and day of Easter.
  int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
  int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
  int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
  int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
  return Date(static_cast<unsigned short>(year), static_cast<unsigned short>(month), static_cast<unsigned short>(day));
}

const Holidays& Holidays::instance() {
  static const Holidays holidays;
  return holidays;
}

Holidays::Holidays() {
  data::for_each_tsv_row(data::timex_holidays_tsv, "timex_holidays.tsv", [&](const data::TsvRow& row) {
    if (row.size != 2) throw data::bad_tsv_row("timex_holidays.tsv", row, "expected name<TAB>rule");
    const std::size_t line_no = row.line;
    Rule r;
    r.key = std::string(row[0]);
    auto parts = split(row[1], ':');
    if (parts[0] == "nth" && (parts.size() == 4 || parts.size() == 5)) {
      r.kind = Rule::Kind::NthWeekday;
      r.month = number(parts[1], line_no);
      r.nth = number(parts[2], line_no);
      r.weekday = number(parts[3], line_no);
      if (parts.size() == 5) r.offset = number(parts[4], line_no);
    } else if (parts[0] == "easter" && parts.size() == 2) {
      r.kind = Rule::Kind::Easter;
      r.offset = number(parts[1], line_no);
    } else if (parts.size() == 1 && row[1].size() == 5 && row[1][2] == '-') {
      r.month = number(row[1].substr(0, 2), line_no);
      r.day = number(row[1].substr(3, 2), line_no);
    } else {
      throw data::bad_tsv_row("timex_holidays.tsv", row, fmt::format("bad rule '{}'", row[1]));
    }
    rules_.push_back(std::move(r));
  });
}

const Holidays::Rule* Holidays::find(std::string_view key) const {
  for (const Rule& r : rules_) {
    if (r.key == key) return &r;
  }
  return nullptr;
}

bool Holidays::known(std::string_view key) const { return find(key) != nullptr; }

std::optional<Date> Holidays::date_in(std::string_view key, int year) const {
  const Rule* r = find(key);
  if (!r || year < 1583 || year > 9998) return std::nullopt;
  const auto y = static_cast<unsigned short>(year);
  switch (r->kind) {
    case Rule::Kind::Fixed: return Date(y, static_cast<unsigned short>(r->month), static_cast<unsigned short>(r->day));
    case Rule::Kind::Easter: return easter_sunday(year) + date_duration(r->offset);
    case Rule::Kind::NthWeekday: {
      // boost counts weekdays from Sunday = 0
      auto wd = boost::date_time::weekdays(r->weekday % 7);
      auto month = static_cast<boost::gregorian::greg_month>(static_cast<unsigned short>(r->month));
      Date d = r->nth < 0 ? boost::gregorian::last_day_of_the_week_in_month(wd, month).get_date(y)
                          : boost::gregorian::nth_day_of_the_week_in_month(
                                static_cast<boost::gregorian::nth_day_of_the_week_in_month::week_num>(r->nth), wd, month)
                                .get_date(y);
      return d + date_duration(r->offset);
    }
  }
  return std::nullopt;
}

}  // namespace dateline::timex
