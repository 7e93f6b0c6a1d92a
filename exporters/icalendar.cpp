// iCalendar (RFC 5545) through libical: libical builds the components and serializes them,
// so CRLF line ends, folding at 75 octets and the escaping of \ ; , and newlines in text are
// its job, not ours.
//
// Which facts become events, and how (docs/exporters.md, "iCalendar"):
//   day                      all-day: DTSTART;VALUE=DATE and DTEND the next day
//   week, weekend, month     all-day, spanning the period (DTEND the day after it ends)
//   hour, minute, second     DTSTART at the local ("floating") time, no end: the text gives none
//   part of day              all-day on its day; "evening" in the summary
//   coarser than a month     left out: a quarter or a year is no calendar entry
//   undated                  left out

#include <dateline/export.h>
#include <fmt/format.h>
#include <libical/ical.h>

#include <memory>
#include <set>

#include "display_text.h"
#include "fact_text.h"
#include "time_text.h"

namespace dateline {
namespace {

constexpr std::size_t kSummaryChars = 120;
constexpr std::size_t kQuoteChars = 500;

struct ComponentDeleter {
  void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};
using Component = std::unique_ptr<icalcomponent, ComponentDeleter>;

enum class EventShape { AllDay, Span, Clock, None };

// libical writes no date after the year 3000 (it serializes one as 00000000T000000, which no
// calendar reads): a fact dated later ("year 9999") is left out of calendars. Found by
// fuzz/fuzz_export; the day after 9999-12-31 also made Boost throw.
constexpr int kLastCalendarYear = 3000;

EventShape shape_of(const TimeValue& t) {
  if (!t.has_bounds() || t.latest->year() > kLastCalendarYear) return EventShape::None;
  switch (t.granularity) {
    case Granularity::Day:
    case Granularity::PartOfDay:
      return t.is_range() ? EventShape::Span : EventShape::AllDay;  // "between March 3 and 5"
    case Granularity::Week:
    case Granularity::Weekend:
    case Granularity::Month:
      return EventShape::Span;
    case Granularity::Hour:
    case Granularity::Minute:
    case Granularity::Second:
      return display::clock_time(t) ? EventShape::Clock : EventShape::AllDay;
    default:
      return EventShape::None;
  }
}

icaltimetype ical_date(const Date& d) {
  icaltimetype t = icaltime_null_date();
  t.year = d.year();
  t.month = d.month();
  t.day = d.day();
  return t;
}

// A floating local time: the article gives no time zone, and none is invented.
icaltimetype ical_clock(const Date& d, const display::ClockTime& c) {
  icaltimetype t = icaltime_null_time();
  t.year = d.year();
  t.month = d.month();
  t.day = d.day();
  t.hour = c.hour;
  t.minute = c.minute;
  t.second = c.second;
  return t;
}

void add(icalcomponent* c, icalproperty* p) { icalcomponent_add_property(c, p); }

std::string summary(const Fact& f) {
  std::string s = display::headline(f);
  const TimeValue& t = *f.time();
  if (t.granularity != Granularity::Day || t.mod != Mod::None) s = fmt::format("{} ({})", s, display::time_text(t));
  return display::shorten(s, kSummaryChars);
}

std::string description(const Fact& f) {
  std::string text = display::headline(f);
  text += fmt::format("\n{} \u00b7 {}", display::status_text(f.status()), display::one_line(f.predicate));
  if (!f.amount_text.empty()) text += fmt::format(" \u00b7 {}", display::one_line(f.amount_text));
  text += fmt::format("\nWhen: {}", display::time_text(*f.time()));
  const std::vector<std::string> earlier = display::earlier_values(f);
  if (!earlier.empty()) {
    text += display::extended(f) ? "\nExtended from: " : "\nEarlier: ";
    for (std::size_t i = 0; i < earlier.size(); ++i) text += fmt::format("{}{}", i ? "; " : "", earlier[i]);
  }
  for (const auto& note : f.revision_notes) text += fmt::format("\nRevision: {}", display::one_line(note));
  for (const auto& c : f.contradictions) {
    text += fmt::format("\nSources differ on {}: {} says {}; {} says {}.", display::one_line(c.about),
                        display::source_line(c.first), display::one_line(c.first_value), display::source_line(c.second),
                        display::one_line(c.second_value));
  }
  if (!f.current().sources.empty()) text += "\nSources:";
  for (const auto& s : f.current().sources) {
    text += fmt::format("\n- {}", display::source_line(s));
    if (s.attribution && !display::one_line(*s.attribution).empty()) {
      text += fmt::format(" (according to {})", display::one_line(*s.attribution));
    }
    const std::string quote = display::shorten(s.quote, kQuoteChars);
    if (!quote.empty()) text += fmt::format(": \u201c{}\u201d", quote);
    if (display::is_web_url(s.url)) text += fmt::format(" {}", s.url);
  }
  return text;
}

bool tentative(ClaimStatus s) {
  return s == ClaimStatus::Planned || s == ClaimStatus::Possible || s == ClaimStatus::Proposed ||
         s == ClaimStatus::Conditional;
}

icalcomponent* reminder(int days, const Fact& f) {
  icalcomponent* alarm = icalcomponent_new_valarm();
  add(alarm, icalproperty_new_action(ICAL_ACTION_DISPLAY));
  icaltriggertype trigger{};
  trigger.time = icaltime_null_time();
  trigger.duration = icaldurationtype_null_duration();
  trigger.duration.is_neg = 1;
  trigger.duration.days = static_cast<unsigned int>(days);
  add(alarm, icalproperty_new_trigger(trigger));
  const std::string text = display::shorten(
      fmt::format("{} in {} day{}: {}", days == 0 ? "Today" : "Due", days, days == 1 ? "" : "s", display::headline(f)),
      kSummaryChars);
  add(alarm, icalproperty_new_description(text.c_str()));
  return alarm;
}

icalcomponent* event(const Fact& f, const CalendarOptions& options) {
  const TimeValue& t = *f.time();
  icalcomponent* e = icalcomponent_new_vevent();
  // The fact id is stable across re-ingests, so a calendar that imports the file again
  // updates the event; SEQUENCE counts the revisions (a moved deadline).
  const std::string uid = fmt::format("{}@dateline", display::one_line(f.id));
  add(e, icalproperty_new_uid(uid.c_str()));
  add(e, icalproperty_new_dtstamp(icaltime_from_timet_with_zone(
             static_cast<time_t>(options.stamp.time_since_epoch().count()), 0, icaltimezone_get_utc_timezone())));
  add(e, icalproperty_new_sequence(static_cast<int>(f.history.size()) - 1));
  switch (shape_of(t)) {
    case EventShape::AllDay:
      add(e, icalproperty_new_dtstart(ical_date(*t.earliest)));
      add(e, icalproperty_new_dtend(ical_date(*t.earliest + boost::gregorian::days(1))));
      break;
    case EventShape::Span:
      add(e, icalproperty_new_dtstart(ical_date(*t.earliest)));
      add(e, icalproperty_new_dtend(ical_date(*t.latest + boost::gregorian::days(1))));
      break;
    case EventShape::Clock:
      add(e, icalproperty_new_dtstart(ical_clock(*t.earliest, *display::clock_time(t))));
      break;
    case EventShape::None:
      break;
  }
  const std::string sum = summary(f);
  add(e, icalproperty_new_summary(sum.c_str()));
  const std::string desc = description(f);
  add(e, icalproperty_new_description(desc.c_str()));
  for (const auto& s : f.current().sources) {
    if (display::is_web_url(s.url)) {
      add(e, icalproperty_new_url(s.url.c_str()));
      break;
    }
  }
  add(e, icalproperty_new_status(tentative(f.status()) ? ICAL_STATUS_TENTATIVE : ICAL_STATUS_CONFIRMED));
  // A deadline is a marker, not a busy day.
  add(e, icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT));
  if (f.predicate == "deadline") {
    for (int days : options.reminder_days) {
      if (days >= 0) icalcomponent_add_component(e, reminder(days, f));
    }
  }
  return e;
}

bool exported(const Fact& f, const CalendarOptions& options) {
  if (f.history.empty() || !f.time() || shape_of(*f.time()) == EventShape::None) return false;
  if (f.status() == ClaimStatus::Negated || f.status() == ClaimStatus::Superseded) return false;
  return options.all_facts || display::forward_looking(f);
}

}  // namespace

std::string icalendar(const std::vector<Fact>& facts, const CalendarOptions& options) {
  Component calendar(icalcomponent_new_vcalendar());
  add(calendar.get(), icalproperty_new_version("2.0"));
  add(calendar.get(), icalproperty_new_prodid("-//dateline//dateline timelines//EN"));
  add(calendar.get(), icalproperty_new_calscale("GREGORIAN"));
  add(calendar.get(), icalproperty_new_method(ICAL_METHOD_PUBLISH));
  const std::string name = display::one_line(options.name);
  icalproperty* calname = icalproperty_new_x(name.c_str());
  icalproperty_set_x_name(calname, "X-WR-CALNAME");
  add(calendar.get(), calname);
  std::set<std::string> seen;
  for (const auto& f : facts) {
    if (exported(f, options) && seen.insert(f.id).second) {
      icalcomponent_add_component(calendar.get(), event(f, options));
    }
  }
  std::unique_ptr<char, decltype(&std::free)> text(icalcomponent_as_ical_string_r(calendar.get()), &std::free);
  return text ? std::string(text.get()) : std::string();
}

std::string icalendar(const std::vector<Timeline>& timelines, const CalendarOptions& options) {
  std::vector<Fact> facts;
  for (const auto& t : timelines) facts.insert(facts.end(), t.facts.begin(), t.facts.end());
  return icalendar(facts, options);
}

}  // namespace dateline
