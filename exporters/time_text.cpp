// Dates in words for labels, calendar summaries and TimelineJS display dates.

#include "time_text.h"

#include <fmt/format.h>

#include <array>
#include <utility>

namespace dateline::display {
namespace {

// How a modifier reads before a date. "mid-" and "early"/"late" follow TimeML's START,
// MID and END; the comparison mods mostly qualify durations and read the same way.
constexpr std::array<std::pair<Mod, std::string_view>, 12> kModWords = {{
    {Mod::Before, "before "},
    {Mod::After, "after "},
    {Mod::OnOrBefore, "on or before "},
    {Mod::OnOrAfter, "on or after "},
    {Mod::LessThan, "less than "},
    {Mod::MoreThan, "more than "},
    {Mod::EqualOrLess, "at most "},
    {Mod::EqualOrMore, "at least "},
    {Mod::Start, "early "},
    {Mod::Mid, "mid-"},
    {Mod::End, "late "},
    {Mod::Approx, "about "},
}};

// TIMEX3 season and part-of-day codes.
constexpr std::array<std::pair<std::string_view, std::string_view>, 4> kSeasons = {{
    {"SP", "spring"},
    {"SU", "summer"},
    {"FA", "autumn"},
    {"WI", "winter"},
}};
constexpr std::array<std::pair<std::string_view, std::string_view>, 6> kPartsOfDay = {{
    {"MO", "morning"},
    {"MI", "midday"},
    {"AF", "afternoon"},
    {"EV", "evening"},
    {"NI", "night"},
    {"DT", "daytime"},
}};

template <std::size_t N>
std::string_view lookup(const std::array<std::pair<std::string_view, std::string_view>, N>& table,
                        std::string_view code) {
  for (const auto& [c, word] : table) {
    if (c == code) return word;
  }
  return {};
}

std::string month_name(const Date& d, DateStyle style) {
  return style == DateStyle::Long ? std::string(d.month().as_long_string()) : std::string(d.month().as_short_string());
}

std::string day_text(const Date& d, DateStyle style) {
  return fmt::format("{} {} {}", static_cast<int>(d.day()), month_name(d, style), static_cast<int>(d.year()));
}

// The value without its modifier.
std::string bare_text(const TimeValue& v, DateStyle style) {
  if (!v.has_bounds()) return v.value;
  const Date first = *v.earliest;
  const Date last = *v.latest;
  const int year = first.year();
  switch (v.granularity) {
    case Granularity::Millennium:
    case Granularity::Century:
      return fmt::format("{}\u2013{}", year, static_cast<int>(last.year()));
    case Granularity::Decade:
      return fmt::format("the {}s", year);
    case Granularity::Year:
      return fmt::format("{}", year);
    case Granularity::Half:
      return fmt::format("H{} {}", first.month() <= 6 ? 1 : 2, year);
    case Granularity::Season: {
      const std::size_t dash = v.value.rfind('-');
      const std::string_view season =
          dash == std::string::npos ? std::string_view() : lookup(kSeasons, std::string_view(v.value).substr(dash + 1));
      if (season.empty()) break;
      return fmt::format("{} {}", season, year);
    }
    case Granularity::Quarter:
      return fmt::format("Q{} {}", (first.month() - 1) / 3 + 1, year);
    case Granularity::Month:
      return fmt::format("{} {}", month_name(first, style), year);
    case Granularity::Week:
      return fmt::format("week of {}", day_text(first, style));
    case Granularity::Weekend:
      return fmt::format("weekend of {}", day_text(first, style));
    case Granularity::Day:
      return day_text(first, style);
    case Granularity::PartOfDay:
      return fmt::format("{}, {}", day_text(first, style), part_of_day(v));
    case Granularity::Hour:
    case Granularity::Minute:
    case Granularity::Second:
      if (auto clock = clock_time(v)) {
        return fmt::format("{}, {:02}:{:02}", day_text(first, style), clock->hour, clock->minute);
      }
      return day_text(first, style);
    case Granularity::None:
      break;
  }
  // A span with no name of its own: its bounds.
  return first == last ? day_text(first, style)
                       : fmt::format("{} \u2013 {}", day_text(first, style), day_text(last, style));
}

// "April–May 2025", "2019–2021", "3 March 2025 – 5 March 2025": each end in words; a shared
// year is said once for months.
std::string range_text(const TimeValue& v, DateStyle style) {
  const std::size_t slash = v.value.find('/');
  const TimeValue first = parse_time_value(std::string_view(v.value).substr(0, slash));
  const TimeValue last = parse_time_value(std::string_view(v.value).substr(slash + 1));
  if (first.granularity == Granularity::Month && last.granularity == Granularity::Month &&
      first.earliest->year() == last.earliest->year()) {
    return fmt::format("{}\u2013{} {}", month_name(*first.earliest, style), month_name(*last.earliest, style),
                       static_cast<int>(first.earliest->year()));
  }
  if (first.granularity == Granularity::Year && last.granularity == Granularity::Year) {
    return fmt::format("{}\u2013{}", static_cast<int>(first.earliest->year()), static_cast<int>(last.earliest->year()));
  }
  return fmt::format("{} \u2013 {}", bare_text(first, style), bare_text(last, style));
}

}  // namespace

std::string time_text(const TimeValue& value, DateStyle style) {
  std::string bare = value.is_range() ? range_text(value, style) : bare_text(value, style);
  for (const auto& [mod, words] : kModWords) {
    if (mod == value.mod) return fmt::format("{}{}", words, bare);
  }
  return bare;
}

std::optional<ClockTime> clock_time(const TimeValue& value) {
  const std::size_t t = value.value.find('T');
  if (value.type != TimexType::Time || t == std::string::npos) return std::nullopt;
  const std::string_view clock = std::string_view(value.value).substr(t + 1);
  const auto two_digits = [&](std::size_t at) -> std::optional<int> {
    if (clock.size() < at + 2) return std::nullopt;
    const char a = clock[at];
    const char b = clock[at + 1];
    if (a < '0' || a > '9' || b < '0' || b > '9') return std::nullopt;
    return (a - '0') * 10 + (b - '0');
  };
  const std::optional<int> hour = two_digits(0);
  if (!hour) return std::nullopt;
  ClockTime out;
  out.hour = *hour;
  if (clock.size() >= 5 && clock[2] == ':') out.minute = two_digits(3).value_or(0);
  if (clock.size() >= 8 && clock[5] == ':') out.second = two_digits(6).value_or(0);
  return out;
}

std::string part_of_day(const TimeValue& value) {
  const std::size_t t = value.value.find('T');
  if (t == std::string::npos) return {};
  return std::string(lookup(kPartsOfDay, std::string_view(value.value).substr(t + 1, 2)));
}

}  // namespace dateline::display
