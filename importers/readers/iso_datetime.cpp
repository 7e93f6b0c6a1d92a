// Parses ISO date-times without exceptions (the page reader probes lines with it) and
// implements parse_captured() on top, which turns the reason into a ValueError.

#include "readers/iso_datetime.h"

#include <dateline/error.h>
#include <dateline/read.h>
#include <fmt/format.h>

#include <boost/date_time/gregorian/gregorian.hpp>
#include <boost/date_time/posix_time/posix_time.hpp>

namespace dateline::reader {
namespace {

// Boost.Date_Time's calendar range.
constexpr int kMinYear = 1400;
constexpr int kMaxYear = 9999;

// The number in text[at, at+len), all digits, or -1.
int digits_at(std::string_view text, std::size_t at, std::size_t len) {
  int value = 0;
  for (std::size_t i = at; i < at + len; ++i) {
    if (text[i] < '0' || text[i] > '9') return -1;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

}  // namespace

std::optional<boost::posix_time::ptime> parse_iso_datetime(std::string_view text, std::string* why) {
  auto fail = [&](std::string_view reason) -> std::optional<boost::posix_time::ptime> {
    if (why) *why = std::string(reason);
    return std::nullopt;
  };
  // YYYY-MM-DD, YYYY-MM-DDTHH:MM, YYYY-MM-DDTHH:MM:SS
  if (text.size() != 10 && text.size() != 16 && text.size() != 19) return fail("wrong shape");
  if (text[4] != '-' || text[7] != '-') return fail("wrong shape");
  const int year = digits_at(text, 0, 4);
  const int month = digits_at(text, 5, 2);
  const int day = digits_at(text, 8, 2);
  if (year < 0 || month < 0 || day < 0) return fail("the date is not a number");
  if (year < kMinYear || year > kMaxYear) return fail(fmt::format("year out of range {}..{}", kMinYear, kMaxYear));
  if (month < 1 || month > 12) return fail("month out of range");
  const auto y = static_cast<unsigned short>(year);
  const auto m = static_cast<unsigned short>(month);
  if (day < 1 || day > boost::gregorian::gregorian_calendar::end_of_month_day(y, m)) {
    return fail("day out of range for the month");
  }
  int hour = 0, minute = 0, second = 0;
  if (text.size() > 10) {
    if ((text[10] != 'T' && text[10] != ' ') || text[13] != ':') return fail("wrong shape");
    hour = digits_at(text, 11, 2);
    minute = digits_at(text, 14, 2);
    if (text.size() == 19) {
      if (text[16] != ':') return fail("wrong shape");
      second = digits_at(text, 17, 2);
    }
    if (hour < 0 || minute < 0 || second < 0) return fail("the time is not a number");
    if (hour > 23) return fail("hour out of range 00..23");
    if (minute > 59) return fail("minute out of range 00..59");
    if (second > 59) return fail("second out of range 00..59");
  }
  return boost::posix_time::ptime(
      boost::gregorian::date(y, m, static_cast<unsigned short>(day)),
      boost::posix_time::hours(hour) + boost::posix_time::minutes(minute) + boost::posix_time::seconds(second));
}

}  // namespace dateline::reader

namespace dateline {

boost::posix_time::ptime parse_captured(std::string_view text) {
  std::string why;
  if (auto t = reader::parse_iso_datetime(text, &why)) return *t;
  throw ValueError(
      fmt::format("invalid capture time '{}': {} (expected YYYY-MM-DDTHH:MM[:SS] or YYYY-MM-DD)", text, why));
}

}  // namespace dateline
