#include "timex/calendar.h"

#include <boost/date_time/gregorian/gregorian.hpp>
#include <fmt/format.h>

namespace dateline::timex {

using boost::gregorian::date_duration;
using boost::gregorian::months;
using boost::gregorian::years;

int iso_weekday(Date day) {
  int dow = day.day_of_week().as_number();  // Sunday 0
  return dow == 0 ? 7 : dow;
}

int iso_week(Date day) { return day.week_number(); }

int iso_week_year(Date day) {
  // The ISO year is the year of the week's Thursday.
  Date thursday = day + date_duration(4 - iso_weekday(day));
  return thursday.year();
}

Date shift(Date day, Unit unit, int n) {
  switch (unit) {
    case Unit::Day: return day + date_duration(n);
    case Unit::Week:
    case Unit::Weekend: return day + date_duration(7 * n);
    case Unit::Fortnight: return day + date_duration(14 * n);
    case Unit::Month: return day + months(n);
    case Unit::Quarter: return day + months(3 * n);
    case Unit::Half: return day + months(6 * n);
    case Unit::Season: return day + months(3 * n);
    case Unit::Year: return day + years(n);
    case Unit::Decade: return day + years(10 * n);
    case Unit::Century: return day + years(100 * n);
    case Unit::Millennium: return day + years(1000 * n);
    default: return day;
  }
}

namespace {

// `value` in `digits` digits, zero-padded, after `out` (the year, month and week numbers of a
// value: written by hand, as fmt::format's parsing of a format string cost more than them).
void append_digits(std::string& out, int value, int digits) {
  char buffer[8];
  for (int k = digits - 1; k >= 0; --k, value /= 10) buffer[k] = static_cast<char>('0' + value % 10);
  out.append(buffer, static_cast<std::size_t>(digits));
}

std::string year_and(int year, char tag, int number, int digits) {
  std::string out;
  append_digits(out, year, 4);  // Boost's calendar holds the years 1400..9999
  out += '-';
  if (tag) out += tag;
  append_digits(out, number, digits);
  return out;
}

}  // namespace

std::string period_value(Date day, Unit unit) {
  const int y = day.year();
  const int m = day.month();
  switch (unit) {
    case Unit::Day: return iso_string(day);
    case Unit::Week: return year_and(iso_week_year(day), 'W', iso_week(day), 2);
    case Unit::Weekend: return year_and(iso_week_year(day), 'W', iso_week(day), 2) + "-WE";
    case Unit::Month: return year_and(y, 0, m, 2);
    case Unit::Quarter: return year_and(y, 'Q', (m - 1) / 3 + 1, 1);
    case Unit::Half: return year_and(y, 'H', (m - 1) / 6 + 1, 1);
    case Unit::Year: return fmt::format("{:04}", y);
    case Unit::Decade: return fmt::format("{:03}", y / 10);
    case Unit::Century: return fmt::format("{:02}", y / 100);
    case Unit::Millennium: return fmt::format("{}", y / 1000);
    default: return {};
  }
}

Date resolve_weekday(Date anchor, int weekday, int direction) {
  int today = iso_weekday(anchor);
  if (direction < 0) {
    int back = (today - weekday + 7) % 7;
    return anchor - date_duration(back);
  }
  if (direction > 0) {
    int ahead = (weekday - today + 7) % 7;
    return anchor + date_duration(ahead);
  }
  return anchor + date_duration(weekday - today);
}

}  // namespace dateline::timex
