// TIMEX3 value parsing, validation and calendar bounds.
//
// Value grammar handled (X stands for an unknown digit, TimeML style):
//   refs      PAST_REF | PRESENT_REF | FUTURE_REF
//   duration  P [n Y|M|W|D|Q|E|C|L]* [T [n H|M|S]*]      n = digits, decimal or X
//   date      YYYY | YYY (decade) | YY (century)
//             YYYY-MM | YYYY-MM-DD | YYYY-Www | YYYY-Www-D | YYYY-Www-WE
//             YYYY-Qn | YYYY-Hn | YYYY-SP|SU|FA|WI
//   time      <day> T (MO|AF|EV|NI|DT | hh[:mm[:ss]])
//   range     <date or time> / <date or time>   (ISO 8601 interval: "April and May 2025" is
//             2025-04/2025-05; dateline's own extension for claims, TIMEX3 has no range value)
// Any digit of a date may be X ("XXXX-WXX-1" is every Monday, "199X" the 1990s).

#include <dateline/error.h>
#include <dateline/time_value.h>

#include <array>
#include <cctype>
#include <fmt/format.h>

namespace dateline {
namespace {

using boost::gregorian::date_duration;
using boost::gregorian::gregorian_calendar;

constexpr int kMinBoundYear = 1400;  // boost::gregorian's range
constexpr int kMaxBoundYear = 9999;

[[noreturn]] void fail(std::string_view value, std::size_t pos, std::string_view why) {
  throw ValueError(fmt::format("invalid TIMEX3 value '{}': {} at position {}", value, why, pos));
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Reads `count` characters that are digits or X; returns the number, or nullopt if any X.
struct Field {
  std::optional<int> number;
};

class Cursor {
 public:
  explicit Cursor(std::string_view text) : text_(text) {}
  bool done() const { return pos_ >= text_.size(); }
  char peek(std::size_t ahead = 0) const { return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0'; }
  std::size_t pos() const { return pos_; }
  bool eat(char c) {
    if (peek() != c) return false;
    ++pos_;
    return true;
  }
  bool eat(std::string_view s) {
    if (text_.substr(pos_, s.size()) != s) return false;
    pos_ += s.size();
    return true;
  }
  // Exactly `count` digits or X's.
  Field digits(std::size_t count, std::string_view what) {
    bool unknown = false;
    int n = 0;
    for (std::size_t i = 0; i < count; ++i) {
      char c = peek();
      if (c == 'X') {
        unknown = true;
      } else if (is_digit(c)) {
        n = n * 10 + (c - '0');
      } else {
        fail(text_, pos_, fmt::format("expected {} ({} digits)", what, count));
      }
      ++pos_;
    }
    return unknown ? Field{} : Field{n};
  }
  [[noreturn]] void fail_here(std::string_view why) const { fail(text_, pos_, why); }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

Date last_day_of_month(int year, int month) {
  return Date(static_cast<unsigned short>(year), static_cast<unsigned short>(month),
              gregorian_calendar::end_of_month_day(static_cast<unsigned short>(year), static_cast<unsigned short>(month)));
}

Date first_day(int year, int month) {
  return Date(static_cast<unsigned short>(year), static_cast<unsigned short>(month), 1);
}

bool year_in_bounds(int year) { return year >= kMinBoundYear && year <= kMaxBoundYear; }

// Monday of ISO week 1: the week holding 4 January.
Date iso_week_one_monday(int year) {
  Date jan4(static_cast<unsigned short>(year), 1, 4);
  int from_monday = (jan4.day_of_week().as_number() + 6) % 7;  // Sunday is 0 in boost
  return jan4 - date_duration(from_monday);
}

int iso_weeks_in_year(int year) {
  Date dec28(static_cast<unsigned short>(year), 12, 28);  // always in the last ISO week
  return dec28.week_number();
}

void parse_duration(Cursor& in, std::string_view value) {
  in.eat('P');
  bool in_time = false;
  bool any = false;
  bool any_time_unit = false;
  while (!in.done()) {
    if (in.eat('T')) {
      if (in_time) in.fail_here("second 'T' in a duration");
      in_time = true;
      continue;
    }
    std::size_t start = in.pos();
    if (in.eat('X')) {
      // unknown amount: "PXY" (some years)
    } else {
      bool seen_digit = false;
      while (is_digit(in.peek())) {
        in.eat(in.peek());
        seen_digit = true;
      }
      if (in.eat('.')) {
        if (!is_digit(in.peek())) in.fail_here("expected a digit after the decimal point");
        while (is_digit(in.peek())) in.eat(in.peek());
      }
      if (!seen_digit) in.fail_here("expected an amount");
    }
    (void)start;
    char unit = in.peek();
    std::string_view units = in_time ? std::string_view("HMS") : std::string_view("YMWDQECL");
    if (unit == '\0' || units.find(unit) == std::string_view::npos) {
      in.fail_here(in_time ? "expected a time unit (H, M, S)" : "expected a date unit (Y, M, W, D, Q, E, C, L)");
    }
    in.eat(unit);
    any = true;
    any_time_unit = in_time;
  }
  if (!any) fail(value, in.pos(), "empty duration");
  // "P1YT": ISO 8601 writes the T only when a time part follows.
  if (in_time && !any_time_unit) fail(value, in.pos(), "expected a time amount after 'T'");
}

struct DateParts {
  Granularity granularity = Granularity::None;
  std::optional<Date> earliest;
  std::optional<Date> latest;
};

void set_bounds(DateParts& parts, Date from, Date to) {
  parts.earliest = from;
  parts.latest = to;
}

// The year part: 4 characters (YYYY), 3 (decade) or 2 (century); X allowed.
DateParts parse_year_part(Cursor& in, std::string_view value, std::optional<int>& year) {
  std::size_t count = 0;
  while (count < 4 && (is_digit(in.peek(count)) || in.peek(count) == 'X')) ++count;
  if (count < 2) in.fail_here("expected a year (YYYY), decade (YYY) or century (YY)");
  std::size_t start = in.pos();
  std::string_view digits = value.substr(start, count);
  in.digits(count, "a year");
  DateParts parts;
  // Leading known digits fix a range even when trailing ones are X: "199X" is the 1990s.
  std::size_t known = 0;
  while (known < count && digits[known] != 'X') ++known;
  for (std::size_t i = known; i < count; ++i) {
    if (digits[i] != 'X') fail(value, start + i, "a known digit after an unknown one");
  }
  int prefix = 0;
  for (std::size_t i = 0; i < known; ++i) prefix = prefix * 10 + (digits[i] - '0');
  std::size_t span_digits = 4 - known;  // how many year digits are open
  static constexpr std::array<Granularity, 5> kByOpenDigits = {Granularity::Year, Granularity::Decade,
                                                               Granularity::Century, Granularity::Millennium,
                                                               Granularity::None};
  parts.granularity = kByOpenDigits[span_digits];
  if (known == 4) year = prefix;
  if (known >= 1 && known <= 4) {
    int scale = 1;
    for (std::size_t i = 0; i < span_digits; ++i) scale *= 10;
    int first = prefix * scale;
    int last = first + scale - 1;
    if (year_in_bounds(first) && year_in_bounds(last)) {
      set_bounds(parts, first_day(first, 1), last_day_of_month(last, 12));
    }
  }
  return parts;
}

void parse_time_of_day(Cursor& in, std::string_view value, DateParts& parts) {
  static constexpr std::array<std::string_view, 5> kPartsOfDay = {"MO", "AF", "EV", "NI", "DT"};
  for (auto part : kPartsOfDay) {
    if (in.eat(part)) {
      parts.granularity = Granularity::PartOfDay;
      return;
    }
  }
  Field hour = in.digits(2, "an hour");
  if (hour.number && *hour.number > 24) fail(value, in.pos() - 2, "hour out of range");
  // ISO 8601 allows 24 only as the end of the day: 24, 24:00, 24:00:00.
  const bool end_of_day = hour.number && *hour.number == 24;
  parts.granularity = Granularity::Hour;
  if (in.eat(':')) {
    Field minute = in.digits(2, "minutes");
    if (minute.number && *minute.number > 59) fail(value, in.pos() - 2, "minutes out of range");
    if (end_of_day && minute.number != 0) fail(value, in.pos() - 2, "only 24:00 may follow hour 24");
    parts.granularity = Granularity::Minute;
    if (in.eat(':')) {
      Field second = in.digits(2, "seconds");
      if (second.number && *second.number > 60) fail(value, in.pos() - 2, "seconds out of range");
      if (end_of_day && second.number != 0) fail(value, in.pos() - 2, "only 24:00:00 may follow hour 24");
      parts.granularity = Granularity::Second;
    }
  }
  // An optional zone: Z or +hh[:mm] / -hh[:mm].
  if (in.eat('Z')) return;
  if (in.peek() == '+' || in.peek() == '-') {
    in.eat(in.peek());
    Field zone_hour = in.digits(2, "a zone hour");
    if (zone_hour.number && *zone_hour.number > 23) fail(value, in.pos() - 2, "zone hour out of range");
    if (in.eat(':')) {
      Field zone_minute = in.digits(2, "zone minutes");
      if (zone_minute.number && *zone_minute.number > 59) fail(value, in.pos() - 2, "zone minutes out of range");
    }
  }
}

DateParts parse_date(Cursor& in, std::string_view value, bool& has_time) {
  std::optional<int> year;
  DateParts parts = parse_year_part(in, value, year);
  bool full_year = parts.granularity == Granularity::Year || (in.pos() == 4 && !year);
  if (in.done()) return parts;
  if (!full_year || in.pos() != 4) in.fail_here("only a four-character year can be followed by more");
  auto keep_if = [&](std::optional<Date> from, std::optional<Date> to) {
    if (from && to) {
      set_bounds(parts, *from, *to);
    } else {
      parts.earliest.reset();
      parts.latest.reset();
    }
  };
  bool bounded_year = year && year_in_bounds(*year);
  if (!in.eat('-')) in.fail_here("expected '-'");
  char c = in.peek();
  if (c == 'W' && (is_digit(in.peek(1)) || in.peek(1) == 'X')) {
    in.eat('W');
    std::size_t week_pos = in.pos();
    // TimeBank writes single-digit weeks ("2000-W7") as often as two.
    std::size_t count = (is_digit(in.peek(1)) || in.peek(1) == 'X') ? 2 : 1;
    Field week = in.digits(count, "a week number");
    parts.granularity = Granularity::Week;
    if (week.number) {
      if (*week.number < 1 || *week.number > 53) fail(value, week_pos, "week out of range");
      if (bounded_year && *week.number > iso_weeks_in_year(*year)) fail(value, week_pos, "week out of range for the year");
    }
    // A week can reach into the year before or after: in the first and last years boost can
    // represent it has no bounds rather than a date boost would refuse.
    std::optional<Date> monday;
    if (bounded_year && *year > kMinBoundYear && *year < kMaxBoundYear && week.number) {
      monday = iso_week_one_monday(*year) + date_duration((*week.number - 1) * 7);
    }
    keep_if(monday, monday ? std::optional<Date>(*monday + date_duration(6)) : std::nullopt);
    if (in.eat('-')) {
      if (in.eat("WE")) {
        parts.granularity = Granularity::Weekend;
        keep_if(monday ? std::optional<Date>(*monday + date_duration(5)) : std::nullopt,
                monday ? std::optional<Date>(*monday + date_duration(6)) : std::nullopt);
      } else {
        std::size_t day_pos = in.pos();
        Field day = in.digits(1, "a weekday (1-7)");
        if (day.number && (*day.number < 1 || *day.number > 7)) fail(value, day_pos, "weekday out of range");
        parts.granularity = Granularity::Day;
        std::optional<Date> d;
        if (monday && day.number) d = *monday + date_duration(*day.number - 1);
        keep_if(d, d);
      }
    }
  } else if (c == 'Q' || c == 'H') {
    in.eat(c);
    std::size_t n_pos = in.pos();
    Field n = in.digits(1, c == 'Q' ? "a quarter (1-4)" : "a half (1-2)");
    int max = c == 'Q' ? 4 : 2;
    if (n.number && (*n.number < 1 || *n.number > max)) fail(value, n_pos, "out of range");
    parts.granularity = c == 'Q' ? Granularity::Quarter : Granularity::Half;
    int months = 12 / max;
    if (bounded_year && n.number) {
      int first_month = (*n.number - 1) * months + 1;
      keep_if(first_day(*year, first_month), last_day_of_month(*year, first_month + months - 1));
    } else {
      keep_if(std::nullopt, std::nullopt);
    }
  } else if (c == 'S' || c == 'F' || (c == 'W' && in.peek(1) == 'I')) {
    // Meteorological seasons, northern hemisphere; winter runs from December into the next year.
    struct Season {
      std::string_view code;
      int first_month;
    };
    static constexpr std::array<Season, 4> kSeasons = {{{"SP", 3}, {"SU", 6}, {"FA", 9}, {"WI", 12}}};
    const Season* found = nullptr;
    for (const auto& s : kSeasons) {
      if (in.eat(s.code)) found = &s;
    }
    if (!found) in.fail_here("expected a season (SP, SU, FA, WI)");
    parts.granularity = Granularity::Season;
    if (bounded_year && *year < kMaxBoundYear) {
      int first = found->first_month;
      int end_year = first == 12 ? *year + 1 : *year;
      int end_month = first == 12 ? 2 : first + 2;
      keep_if(first_day(*year, first), last_day_of_month(end_year, end_month));
    } else {
      keep_if(std::nullopt, std::nullopt);
    }
  } else {
    std::size_t month_pos = in.pos();
    Field month = in.digits(2, "a month");
    if (month.number && (*month.number < 1 || *month.number > 12)) fail(value, month_pos, "month out of range");
    parts.granularity = Granularity::Month;
    if (bounded_year && month.number) {
      keep_if(first_day(*year, *month.number), last_day_of_month(*year, *month.number));
    }  // an unknown month keeps the year's bounds: "1998-XX" is some time in 1998
    if (in.eat('-')) {
      std::size_t day_pos = in.pos();
      Field day = in.digits(2, "a day");
      parts.granularity = Granularity::Day;
      if (day.number) {
        int max_day = 31;
        if (month.number && year) {
          // Boost's calendar covers 1400..9999; the Gregorian leap cycle is 400 years, so a year
          // outside it has the month lengths of the year 2000 + (year mod 400).
          const int calendar_year = year_in_bounds(*year) ? *year : 2000 + *year % 400;
          max_day = gregorian_calendar::end_of_month_day(static_cast<unsigned short>(calendar_year),
                                                         static_cast<unsigned short>(*month.number));
        } else if (month.number) {
          max_day = *month.number == 2 ? 29 : static_cast<int>(last_day_of_month(2001, *month.number).day());
        }
        if (*day.number < 1 || *day.number > max_day) fail(value, day_pos, "day out of range for the month");
        if (bounded_year && month.number) {
          Date d(static_cast<unsigned short>(*year), static_cast<unsigned short>(*month.number),
                 static_cast<unsigned short>(*day.number));
          keep_if(d, d);
        }
      }
    }
  }
  if (in.eat('T')) {
    if (parts.granularity != Granularity::Day) in.fail_here("a time needs a day before it");
    has_time = true;
    parse_time_of_day(in, value, parts);
  }
  if (!in.done()) in.fail_here("unexpected character");
  return parts;
}

bool is_clock_time(Granularity g) {
  return g == Granularity::Hour || g == Granularity::Minute || g == Granularity::Second;
}

}  // namespace

// "2025-04/2025-05": both ends must be calendar positions, in order. The range is as coarse as
// its coarser end, so that no exporter writes fields finer than one end gives.
static TimeValue parse_range(std::string_view value, std::size_t slash) {
  if (value.find('/', slash + 1) != std::string_view::npos) fail(value, slash, "a range has two ends");
  auto end_value = [&](std::string_view part, std::size_t at) {
    if (part.empty()) fail(value, at, "a range needs a value on each side of '/'");
    try {
      TimeValue v = parse_time_value(part);
      if (!v.has_bounds() || v.type == TimexType::Duration) fail(value, at, "a range end must be a date or time");
      return v;
    } catch (const ValueError&) {
      fail(value, at, "bad range end");
    }
  };
  const TimeValue first = end_value(value.substr(0, slash), 0);
  const TimeValue last = end_value(value.substr(slash + 1), slash + 1);
  if (*last.latest < *first.earliest) fail(value, slash + 1, "the range ends before it starts");
  TimeValue range;
  range.type = first.type == TimexType::Time && last.type == TimexType::Time ? TimexType::Time : TimexType::Date;
  range.value = std::string(value);
  range.granularity = std::min(first.granularity, last.granularity);
  range.earliest = first.earliest;
  range.latest = std::max(*first.latest, *last.latest);
  return range;
}

TimeValue range_value(const TimeValue& first, const TimeValue& last) {
  return parse_time_value(fmt::format("{}/{}", first.value, last.value));
}

TimeValue parse_time_value(std::string_view value) {
  TimexType type = TimexType::Date;
  if (!value.empty() && value.front() == 'P' && value != "PAST_REF" && value != "PRESENT_REF") {
    type = TimexType::Duration;
  }
  TimeValue parsed = parse_time_value(value, type);
  if (type == TimexType::Date && is_clock_time(parsed.granularity)) parsed.type = TimexType::Time;
  return parsed;
}

TimeValue parse_time_value(std::string_view value, TimexType type) {
  const std::size_t slash = value.find('/');
  if (slash != std::string_view::npos && (type == TimexType::Date || type == TimexType::Time)) {
    return parse_range(value, slash);
  }
  TimeValue result;
  result.type = type;
  result.value = std::string(value);
  if (value.empty()) fail(value, 0, "empty");
  if (value == "PAST_REF" || value == "PRESENT_REF" || value == "FUTURE_REF") return result;
  Cursor in(value);
  if (value.front() == 'P') {
    parse_duration(in, value);
    return result;  // durations have no calendar position
  }
  bool has_time = false;
  DateParts parts = parse_date(in, value, has_time);
  result.granularity = parts.granularity;
  // A set ("XXXX-WXX-1", every Monday) recurs: it has no single position.
  if (type != TimexType::Set) {
    result.earliest = parts.earliest;
    result.latest = parts.latest;
  }
  return result;
}

void narrow_to_mod(TimeValue& v) {
  if (!v.has_bounds() || (v.mod != Mod::Start && v.mod != Mod::Mid && v.mod != Mod::End)) return;
  const long days = (*v.latest - *v.earliest).days() + 1;
  if (days < 2) return;
  const boost::gregorian::date_duration half((days + 1) / 2 - 1);
  const boost::gregorian::date_duration quarter(days / 4);
  if (v.mod == Mod::Start) {
    v.latest = *v.earliest + half;
  } else if (v.mod == Mod::End) {
    v.earliest = *v.latest - half;
  } else {
    v.earliest = *v.earliest + quarter;
    v.latest = *v.latest - quarter;
  }
}

TimeValue day_value(Date day) {
  TimeValue v;
  v.type = TimexType::Date;
  v.value = iso_string(day);
  v.granularity = Granularity::Day;
  v.earliest = day;
  v.latest = day;
  return v;
}

Date parse_iso_date(std::string_view text) {
  auto bad = [&](std::string_view why) {
    return ValueError(fmt::format("invalid date '{}': {} (expected YYYY-MM-DD)", text, why));
  };
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') throw bad("wrong shape");
  int parts[3] = {0, 0, 0};
  std::size_t starts[3] = {0, 5, 8};
  std::size_t lens[3] = {4, 2, 2};
  for (int i = 0; i < 3; ++i) {
    for (std::size_t j = 0; j < lens[i]; ++j) {
      char c = text[starts[i] + j];
      if (!is_digit(c)) throw bad("not a number");
      parts[i] = parts[i] * 10 + (c - '0');
    }
  }
  if (!year_in_bounds(parts[0])) throw bad(fmt::format("year out of range {}..{}", kMinBoundYear, kMaxBoundYear));
  if (parts[1] < 1 || parts[1] > 12) throw bad("month out of range");
  int max_day = gregorian_calendar::end_of_month_day(static_cast<unsigned short>(parts[0]),
                                                     static_cast<unsigned short>(parts[1]));
  if (parts[2] < 1 || parts[2] > max_day) throw bad("day out of range for the month");
  return Date(static_cast<unsigned short>(parts[0]), static_cast<unsigned short>(parts[1]),
              static_cast<unsigned short>(parts[2]));
}

std::string iso_string(Date day) {
  // Boost's calendar holds the years 1400..9999, always four digits. Written by hand: this runs
  // for every day a tagger resolves, and fmt::format's parsing cost more than the digits.
  std::string out = "0000-00-00";  // short enough to stay in the string itself: no allocation
  auto put = [&](std::size_t end, unsigned value, std::size_t digits) {
    for (std::size_t k = 0; k < digits; ++k, value /= 10) out[end - 1 - k] = static_cast<char>('0' + value % 10);
  };
  put(4, static_cast<unsigned>(day.year()), 4);
  put(7, static_cast<unsigned>(day.month()), 2);
  put(10, static_cast<unsigned>(day.day()), 2);
  return out;
}

}  // namespace dateline
