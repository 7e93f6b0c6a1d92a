// iCalendar: parsed back with libical, every event round-trips (dates, summary, description);
// RFC 5545 line rules hold (CRLF, 75-octet folds that never split a UTF-8 character); text
// from articles never adds properties or components.

#include <dateline/export.h>
#include <libical/ical.h>

#include <catch2/catch.hpp>
#include <map>
#include <memory>

#include "timeline_fixtures.h"

using namespace dateline;

namespace {

CalendarOptions options(bool all = false) {
  CalendarOptions o;
  o.stamp = std::chrono::sys_days{std::chrono::year{2025} / 7 / 27} + std::chrono::hours{9};
  o.name = "Test calendar, with; odd \\ chars";
  o.all_facts = all;
  return o;
}

struct Event {
  std::string uid;
  icaltimetype start{};
  std::optional<icaltimetype> end;
  std::string summary;
  std::string description;
  icalproperty_status status = ICAL_STATUS_NONE;
  int alarms = 0;
  std::vector<int> alarm_days;
};

struct Calendar {
  std::vector<Event> events;
  std::map<std::string, Event> by_uid;
  std::string name;
};

struct Free {
  void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};

Calendar parse(const std::string& ics) {
  std::unique_ptr<icalcomponent, Free> root(icalparser_parse_string(ics.c_str()));
  REQUIRE(root);
  REQUIRE(icalcomponent_isa(root.get()) == ICAL_VCALENDAR_COMPONENT);
  // libical reports what it could not parse as X-LIC-ERROR properties.
  REQUIRE(icalcomponent_count_errors(root.get()) == 0);
  Calendar cal;
  for (icalproperty* p = icalcomponent_get_first_property(root.get(), ICAL_X_PROPERTY); p;
       p = icalcomponent_get_next_property(root.get(), ICAL_X_PROPERTY)) {
    if (std::string(icalproperty_get_x_name(p)) == "X-WR-CALNAME") cal.name = icalproperty_get_x(p);
  }
  for (icalcomponent* e = icalcomponent_get_first_component(root.get(), ICAL_VEVENT_COMPONENT); e;
       e = icalcomponent_get_next_component(root.get(), ICAL_VEVENT_COMPONENT)) {
    Event ev;
    ev.uid = icalcomponent_get_uid(e);
    ev.start = icalcomponent_get_dtstart(e);
    if (icalcomponent_get_first_property(e, ICAL_DTEND_PROPERTY)) ev.end = icalcomponent_get_dtend(e);
    ev.summary = icalcomponent_get_summary(e);
    ev.description = icalcomponent_get_description(e);
    ev.status = icalcomponent_get_status(e);
    for (icalcomponent* a = icalcomponent_get_first_component(e, ICAL_VALARM_COMPONENT); a;
         a = icalcomponent_get_next_component(e, ICAL_VALARM_COMPONENT)) {
      ++ev.alarms;
      icaltriggertype trigger = icalproperty_get_trigger(icalcomponent_get_first_property(a, ICAL_TRIGGER_PROPERTY));
      ev.alarm_days.push_back(-icaldurationtype_as_int(trigger.duration) / 86400);
    }
    cal.by_uid[ev.uid] = ev;
    cal.events.push_back(ev);
  }
  return cal;
}

bool is_date(const icaltimetype& t, int y, int m, int d) {
  return t.is_date && t.year == y && t.month == m && t.day == d;
}

std::vector<std::string> physical_lines(const std::string& ics) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < ics.size()) {
    std::size_t end = ics.find("\r\n", start);
    REQUIRE(end != std::string::npos);  // every line ends in CRLF, the last one too
    lines.push_back(ics.substr(start, end - start));
    start = end + 2;
  }
  return lines;
}

bool valid_utf8(const std::string& s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    std::size_t n = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (std::size_t k = 1; k < n; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    i += n;
  }
  return true;
}

}  // namespace

TEST_CASE("iCal: the TikTok deadline is an all-day 2025-09-17 event with reminders") {
  const std::string ics = icalendar(fixtures::sample_timelines(), options());
  const Calendar cal = parse(ics);
  REQUIRE(cal.by_uid.count("f-deadline@dateline"));
  const Event& e = cal.by_uid.at("f-deadline@dateline");
  CHECK(is_date(e.start, 2025, 9, 17));
  REQUIRE(e.end);
  CHECK(is_date(*e.end, 2025, 9, 18));
  CHECK(e.summary == "Deadline to divest TikTok");
  CHECK(e.status == ICAL_STATUS_CONFIRMED);
  CHECK(e.alarms == 2);
  CHECK(e.alarm_days == std::vector<int>{7, 1});
  CHECK(e.description.find("Extended from: 19 January 2025 (superseded)") != std::string::npos);
  CHECK(e.description.find("Wire Desk, 26 July 2025") != std::string::npos);
  CHECK(e.description.find("\u201cOfficials confirmed the \"final\" cut-off is September 17, 2025.\u201d") !=
        std::string::npos);
  CHECK(ics.find("DTSTART;VALUE=DATE:20250917\r\n") != std::string::npos);
  CHECK(ics.find("DTEND;VALUE=DATE:20250918\r\n") != std::string::npos);
  CHECK(ics.find("DTSTAMP:20250727T090000Z\r\n") != std::string::npos);
  CHECK(ics.find("SEQUENCE:1\r\n") != std::string::npos);
  CHECK(ics.find("TRIGGER:-P7D\r\n") != std::string::npos);
  CHECK(cal.name == "Test calendar, with; odd \\ chars");
}

TEST_CASE("iCal: forward-looking facts only by default, planned is tentative, a week spans its days") {
  const Calendar cal = parse(icalendar(fixtures::sample_timelines(), options()));
  // The deadline, the planned talks (a week) and the possible delivery (a quarter: too
  // coarse for a calendar, so left out). Past events and the undated fact are not exported.
  CHECK(cal.events.size() == 2);
  REQUIRE(cal.by_uid.count("f-talks@dateline"));
  const Event& talks = cal.by_uid.at("f-talks@dateline");
  CHECK(talks.status == ICAL_STATUS_TENTATIVE);
  CHECK(is_date(talks.start, 2025, 7, 28));
  CHECK(is_date(*talks.end, 2025, 8, 4));
  CHECK(talks.summary == "Trade talks with China (week of 28 July 2025)");
  CHECK(talks.alarms == 0);  // reminders are for deadlines
  CHECK_FALSE(cal.by_uid.count("f-delivery@dateline"));
}

TEST_CASE("iCal: with all facts, a month spans the month, a year is left out, a clock time is floating") {
  const Calendar cal = parse(icalendar(fixtures::all_timelines(), options(true)));
  const Event& court = cal.by_uid.at("f-court@dateline");
  CHECK(is_date(court.start, 2025, 1, 1));
  CHECK(is_date(*court.end, 2025, 2, 1));
  CHECK(court.summary == "Supreme Court upholds the law (January 2025)");
  CHECK_FALSE(cal.by_uid.count("f-law@dateline"));
  CHECK_FALSE(cal.by_uid.count("f-more-extensions@dateline"));
  CHECK_FALSE(cal.by_uid.count("f-decade@dateline"));
  CHECK(cal.by_uid.count("f-weekend@dateline"));
  // Ranges span their days: "between October 6 and 9" ends after the 9th, April-May after May.
  const Event& fair = cal.by_uid.at("f-fair@dateline");
  CHECK(is_date(fair.start, 2025, 10, 6));
  CHECK(is_date(*fair.end, 2025, 10, 10));
  const Event& drills = cal.by_uid.at("f-spring-drills@dateline");
  CHECK(is_date(drills.start, 2025, 4, 1));
  CHECK(is_date(*drills.end, 2025, 6, 1));
  const Event& clock = cal.by_uid.at("f-clock@dateline");
  CHECK_FALSE(clock.start.is_date);
  CHECK(clock.start.hour == 14);
  CHECK(clock.start.minute == 30);
  CHECK(icaltime_is_utc(clock.start) == 0);
  CHECK_FALSE(clock.end);
  const Event& evening = cal.by_uid.at("f-evening@dateline");
  CHECK(is_date(evening.start, 2025, 7, 18));
  CHECK(evening.summary.find("18 July 2025, evening") != std::string::npos);
  CHECK(cal.by_uid.at("f-before@dateline").summary ==
        "Filing due before the end of September (before 30 September 2025)");
}

TEST_CASE("iCal: every event round-trips through libical") {
  const auto timelines = fixtures::all_timelines();
  const Calendar cal = parse(icalendar(timelines, options(true)));
  std::size_t checked = 0;
  for (const auto& t : timelines) {
    for (const auto& f : t.facts) {
      auto it = cal.by_uid.find(f.id + "@dateline");
      if (it == cal.by_uid.end()) continue;
      ++checked;
      const Event& e = it->second;
      INFO(f.id);
      CHECK(e.start.year == f.time()->earliest->year());
      CHECK(e.start.month == f.time()->earliest->month());
      CHECK(e.start.day == f.time()->earliest->day());
      // Headlines are cleaned to one line and cut to 120 characters, never otherwise changed.
      const std::string head = f.headline.substr(0, 40);
      if (head.find_first_of("\r\n\t\\") == std::string::npos) CHECK(e.summary.starts_with(head));
      CHECK(e.description.find("Sources:") != std::string::npos);
    }
  }
  CHECK(checked == cal.events.size());
  CHECK(checked >= 14);
}

TEST_CASE("iCal: CRLF lines of at most 75 octets, folded without splitting UTF-8") {
  const std::string ics = icalendar(fixtures::all_timelines(), options(true));
  const auto lines = physical_lines(ics);
  std::size_t folded = 0;
  for (const std::string& line : lines) {
    INFO(line);
    CHECK(line.size() <= 75);
    CHECK(line.find('\n') == std::string::npos);
    CHECK(line.find('\r') == std::string::npos);
    // A continuation line starts with one space; what follows it must still be whole
    // characters, as must the line it continues.
    CHECK(valid_utf8(line));
    if (!line.empty() && line[0] == ' ') ++folded;
  }
  CHECK(folded > 40);  // the long descriptions were folded, many times
  CHECK(lines.front() == "BEGIN:VCALENDAR");
  CHECK(lines.back() == "END:VCALENDAR");
}

TEST_CASE("iCal: article text cannot add events or properties") {
  const auto timelines = fixtures::all_timelines();
  const std::string ics = icalendar(timelines, options(true));
  const Calendar cal = parse(ics);
  std::size_t begins = 0;
  for (const std::string& line : physical_lines(ics)) {
    if (line == "BEGIN:VEVENT") ++begins;
    CHECK_FALSE(line.starts_with("SUMMARY:injected"));
    CHECK_FALSE(line.starts_with("DESCRIPTION;X=1"));
  }
  CHECK(begins == cal.events.size());
  const Event& dot = cal.by_uid.at("f-dot\"];a->b[@dateline");
  CHECK(dot.summary == "\"]; a -> b [label=\"pwned\"]; x [label=<b>");
  // The quote's line breaks became spaces; its ; , and \ came back as they were.
  CHECK(dot.description.find("Line one BEGIN:VEVENT SUMMARY:injected END:VEVENT DESCRIPTION;X=1:a,b;c\\d") !=
        std::string::npos);
  CHECK(dot.description.find("javascript:") == std::string::npos);
  const Event& script = cal.by_uid.at("f-script@dateline");
  CHECK(script.summary.starts_with("<script>alert('x')</script> & <img"));
  CHECK(script.description.find("Control chars tab \"q\" \\u0000 sep Z\xC3\xBCrich") != std::string::npos);
}

TEST_CASE("iCal: a fact dated past the year 3000 is left out, the rest still written (libical writes no such date)") {
  auto timelines = fixtures::sample_timelines();
  timelines[0].facts[0].history.back().time = parse_time_value("9999-12-31");
  const std::string ics = icalendar(timelines, options(true));
  const Calendar cal = parse(ics);
  CHECK(ics.find("00000000") == std::string::npos);
  CHECK(cal.by_uid.count("f-deadline@dateline") == 0);
  CHECK(cal.by_uid.count("f-court@dateline") == 1);
}
