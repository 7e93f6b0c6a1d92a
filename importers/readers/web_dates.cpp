// Web date formats, parsed by hand because they are fixed formats of the file, not language:
// RFC 822 month names are part of the format's grammar (RFC 822 section 5.1), like the 'T' in
// ISO 8601, so they live here rather than in a language table.

#include "readers/web_dates.h"

#include <array>
#include <boost/date_time/gregorian/gregorian.hpp>
#include <cctype>

namespace dateline::reader {
namespace {

// Boost.Date_Time's calendar range.
constexpr int kMinYear = 1400;
constexpr int kMaxYear = 9999;

constexpr std::array<std::string_view, 12> kRfc822Months = {"jan", "feb", "mar", "apr", "may", "jun",
                                                            "jul", "aug", "sep", "oct", "nov", "dec"};

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// Saturates rather than overflowing: a run of digits too long for any date field ("2025-07-
// 299999999999", found by fuzz/fuzz_json_lines) reads as a number every range check refuses.
int number(std::string_view digits) {
  int value = 0;
  for (char c : digits) {
    if (value > 100000000) return value;
    value = value * 10 + (c - '0');
  }
  return value;
}

std::optional<Date> make_date(int year, int month, int day) {
  if (year < kMinYear || year > kMaxYear || month < 1 || month > 12 || day < 1) return std::nullopt;
  const auto y = static_cast<unsigned short>(year);
  const auto m = static_cast<unsigned short>(month);
  if (day > boost::gregorian::gregorian_calendar::end_of_month_day(y, m)) return std::nullopt;
  return Date(y, m, static_cast<unsigned short>(day));
}

// "HH:MM", "HH:MM:SS", "HH:MM:SS.fff" with hours 00..24 (24:00 is allowed by ISO 8601).
bool valid_clock(std::string_view t) {
  if (t.size() < 5 || t[2] != ':' || !all_digits(t.substr(0, 2)) || !all_digits(t.substr(3, 2))) return false;
  if (number(t.substr(0, 2)) > 24 || number(t.substr(3, 2)) > 59) return false;
  t.remove_prefix(5);
  if (t.empty()) return true;
  if (t[0] != ':' || t.size() < 3 || !all_digits(t.substr(1, 2)) || number(t.substr(1, 2)) > 60) return false;
  t.remove_prefix(3);
  if (t.empty()) return true;
  return (t[0] == '.' || t[0] == ',') && all_digits(t.substr(1));
}

// "Z", "+01:00", "+0100", "-05" (ISO); "GMT", "UT", "EST" ... (RFC 822 letters) are accepted by
// the RFC 822 parser separately.
bool valid_iso_zone(std::string_view z) {
  if (z == "Z" || z == "z") return true;
  if (z.empty() || (z[0] != '+' && z[0] != '-')) return false;
  z.remove_prefix(1);
  if (z.size() == 2) return all_digits(z);
  if (z.size() == 4) return all_digits(z);
  return z.size() == 5 && z[2] == ':' && all_digits(z.substr(0, 2)) && all_digits(z.substr(3));
}

}  // namespace

std::optional<Date> parse_web_iso_date(std::string_view text) {
  text = trim(text);
  if (text.size() < 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  if (!all_digits(text.substr(0, 4)) || !all_digits(text.substr(5, 2)) || !all_digits(text.substr(8, 2))) {
    return std::nullopt;
  }
  auto date = make_date(number(text.substr(0, 4)), number(text.substr(5, 2)), number(text.substr(8, 2)));
  std::string_view rest = text.substr(10);
  if (rest.empty()) return date;
  if (rest[0] != 'T' && rest[0] != 't' && rest[0] != ' ') return std::nullopt;
  rest.remove_prefix(1);
  // The clock runs up to the zone, if any.
  std::size_t zone = rest.find_first_of("Zz+-");
  std::string_view clock = rest.substr(0, zone);
  if (!valid_clock(clock)) return std::nullopt;
  if (zone != std::string_view::npos && !valid_iso_zone(rest.substr(zone))) return std::nullopt;
  return date;
}

std::optional<Date> parse_rfc822_date(std::string_view text) {
  text = trim(text);
  // Optional "Fri," — the weekday is redundant, and sometimes wrong in real feeds, so it is
  // skipped rather than checked.
  if (std::size_t comma = text.find(','); comma != std::string_view::npos && comma <= 9) {
    text = trim(text.substr(comma + 1));
  }
  std::array<std::string_view, 5> parts{};
  std::size_t count = 0;
  while (!text.empty() && count < parts.size()) {
    std::size_t space = text.find_first_of(" \t");
    parts[count++] = text.substr(0, space);
    text = space == std::string_view::npos ? std::string_view{} : trim(text.substr(space));
  }
  if (!text.empty() || count < 3) return std::nullopt;
  // day month year [time [zone]]
  if (!all_digits(parts[0]) || parts[0].size() > 2 || !all_digits(parts[2])) return std::nullopt;
  if (parts[1].size() < 3) return std::nullopt;
  int month = 0;
  for (std::size_t m = 0; m < kRfc822Months.size(); ++m) {
    bool same = true;
    for (std::size_t i = 0; i < 3; ++i) {
      same = same && std::tolower(static_cast<unsigned char>(parts[1][i])) == kRfc822Months[m][i];
    }
    if (same) month = static_cast<int>(m) + 1;
  }
  if (month == 0) return std::nullopt;
  int year = number(parts[2]);
  if (parts[2].size() == 2) {
    year += year < 50 ? 2000 : 1900;  // RFC 2822 section 4.3
  } else if (parts[2].size() != 4) {
    return std::nullopt;
  }
  if (count >= 4 && !valid_clock(parts[3])) return std::nullopt;
  if (count == 5) {
    std::string_view zone = parts[4];
    bool letters = !zone.empty();
    for (char c : zone) letters = letters && std::isalpha(static_cast<unsigned char>(c));
    if (!letters && !valid_iso_zone(zone)) return std::nullopt;
  }
  return make_date(year, month, number(parts[0]));
}

std::optional<Date> parse_web_date(std::string_view text) {
  if (auto d = parse_web_iso_date(text)) return d;
  return parse_rfc822_date(text);
}

}  // namespace dateline::reader
