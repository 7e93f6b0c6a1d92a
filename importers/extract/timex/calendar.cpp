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

std::string period_value(Date day, Unit unit) {
  const int y = day.year();
  const int m = day.month();
  switch (unit) {
    case Unit::Day: return iso_string(day);
    case Unit::Week: return fmt::format("{:04}-W{:02}", iso_week_year(day), iso_week(day));
    case Unit::Weekend: return fmt::format("{:04}-W{:02}-WE", iso_week_year(day), iso_week(day));
    case Unit::Month: return fmt::format("{:04}-{:02}", y, m);
    case Unit::Quarter: return fmt::format("{:04}-Q{}", y, (m - 1) / 3 + 1);
    case Unit::Half: return fmt::format("{:04}-H{}", y, (m - 1) / 6 + 1);
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
