// TIMEX3 values: every form parses, keeps its spelling, and has the right granularity and
// calendar bounds; malformed values are rejected with the value and position in the message.

#include <dateline/error.h>
#include <dateline/json.h>
#include <dateline/time_value.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <catch2/catch.hpp>
#include <string>

using namespace dateline;

namespace {

struct Form {
  const char* value;
  TimexType type;
  Granularity granularity;
  const char* earliest;  // nullptr: no calendar position
  const char* latest;
};

std::string bound(const std::optional<Date>& d) { return d ? iso_string(*d) : std::string("-"); }

}  // namespace

TEST_CASE("every TIMEX3 value form: type, granularity and bounds") {
  const Form forms[] = {
      {"2025-09-17", TimexType::Date, Granularity::Day, "2025-09-17", "2025-09-17"},
      {"2025-09", TimexType::Date, Granularity::Month, "2025-09-01", "2025-09-30"},
      {"2024-02", TimexType::Date, Granularity::Month, "2024-02-01", "2024-02-29"},
      {"2100-02", TimexType::Date, Granularity::Month, "2100-02-01", "2100-02-28"},
      {"2025", TimexType::Date, Granularity::Year, "2025-01-01", "2025-12-31"},
      {"199", TimexType::Date, Granularity::Decade, "1990-01-01", "1999-12-31"},
      {"199X", TimexType::Date, Granularity::Decade, "1990-01-01", "1999-12-31"},
      {"19", TimexType::Date, Granularity::Century, "1900-01-01", "1999-12-31"},
      {"19XX", TimexType::Date, Granularity::Century, "1900-01-01", "1999-12-31"},
      {"2025-W31", TimexType::Date, Granularity::Week, "2025-07-28", "2025-08-03"},
      {"2020-W53", TimexType::Date, Granularity::Week, "2020-12-28", "2021-01-03"},
      {"2026-W01", TimexType::Date, Granularity::Week, "2025-12-29", "2026-01-04"},
      {"2000-W7", TimexType::Date, Granularity::Week, "2000-02-14", "2000-02-20"},
      {"2025-W31-2", TimexType::Date, Granularity::Day, "2025-07-29", "2025-07-29"},
      {"2025-W31-WE", TimexType::Date, Granularity::Weekend, "2025-08-02", "2025-08-03"},
      {"2025-Q3", TimexType::Date, Granularity::Quarter, "2025-07-01", "2025-09-30"},
      {"2025-Q1", TimexType::Date, Granularity::Quarter, "2025-01-01", "2025-03-31"},
      {"2025-H1", TimexType::Date, Granularity::Half, "2025-01-01", "2025-06-30"},
      {"2025-H2", TimexType::Date, Granularity::Half, "2025-07-01", "2025-12-31"},
      {"2025-SP", TimexType::Date, Granularity::Season, "2025-03-01", "2025-05-31"},
      {"2025-SU", TimexType::Date, Granularity::Season, "2025-06-01", "2025-08-31"},
      {"2025-FA", TimexType::Date, Granularity::Season, "2025-09-01", "2025-11-30"},
      {"2025-WI", TimexType::Date, Granularity::Season, "2025-12-01", "2026-02-28"},  // into the next year
      {"2023-WI", TimexType::Date, Granularity::Season, "2023-12-01", "2024-02-29"},
      {"2025-07-18TEV", TimexType::Date, Granularity::PartOfDay, "2025-07-18", "2025-07-18"},
      {"2025-07-18TMO", TimexType::Date, Granularity::PartOfDay, "2025-07-18", "2025-07-18"},
      {"2025-07-18T15", TimexType::Time, Granularity::Hour, "2025-07-18", "2025-07-18"},
      {"2025-07-18T15:30", TimexType::Time, Granularity::Minute, "2025-07-18", "2025-07-18"},
      {"2025-07-18T15:30:10", TimexType::Time, Granularity::Second, "2025-07-18", "2025-07-18"},
      {"2025-07-18T15:30Z", TimexType::Time, Granularity::Minute, "2025-07-18", "2025-07-18"},
      {"2025-07-18T15:30+01:00", TimexType::Time, Granularity::Minute, "2025-07-18", "2025-07-18"},
      {"2025-07-18T15:30-05", TimexType::Time, Granularity::Minute, "2025-07-18", "2025-07-18"},
      {"2025-07-18T24:00", TimexType::Time, Granularity::Minute, "2025-07-18", "2025-07-18"},  // end of day
      // TimeML lets any digit be unknown: some hour of that day.
      {"2025-07-18TXX", TimexType::Time, Granularity::Hour, "2025-07-18", "2025-07-18"},
      {"2025-W31-2T09", TimexType::Time, Granularity::Hour, "2025-07-29", "2025-07-29"},
      {"1998-XX", TimexType::Date, Granularity::Month, "1998-01-01", "1998-12-31"},
      {"1998-12-XX", TimexType::Date, Granularity::Day, "1998-12-01", "1998-12-31"},
      {"XXXX-07", TimexType::Date, Granularity::Month, nullptr, nullptr},
      {"XXXX-WXX-1", TimexType::Date, Granularity::Day, nullptr, nullptr},
      {"2XXX", TimexType::Date, Granularity::Millennium, "2000-01-01", "2999-12-31"},
      // Years boost::gregorian cannot hold (before 1400) keep their form but have no bounds.
      {"1399", TimexType::Date, Granularity::Year, nullptr, nullptr},
      {"0999-05", TimexType::Date, Granularity::Month, nullptr, nullptr},
      // A week that reaches past the representable range has no bounds rather than throwing.
      {"1400-W01", TimexType::Date, Granularity::Week, nullptr, nullptr},
      {"9999-W52-7", TimexType::Date, Granularity::Day, nullptr, nullptr},
      {"1401-W01", TimexType::Date, Granularity::Week, "1400-12-29", "1401-01-04"},
      {"9999-12-31", TimexType::Date, Granularity::Day, "9999-12-31", "9999-12-31"},
      {"P2W", TimexType::Duration, Granularity::None, nullptr, nullptr},
      {"P90D", TimexType::Duration, Granularity::None, nullptr, nullptr},
      {"PT5H", TimexType::Duration, Granularity::None, nullptr, nullptr},
      {"P1Y6M", TimexType::Duration, Granularity::None, nullptr, nullptr},
      {"PXY", TimexType::Duration, Granularity::None, nullptr, nullptr},
      {"PT1M30S", TimexType::Duration, Granularity::None, nullptr, nullptr},
      {"P1.5Y", TimexType::Duration, Granularity::None, nullptr, nullptr},
      {"P2L", TimexType::Duration, Granularity::None, nullptr, nullptr},
      {"PXE", TimexType::Duration, Granularity::None, nullptr, nullptr},
      {"P2DT12H", TimexType::Duration, Granularity::None, nullptr, nullptr},
      {"PAST_REF", TimexType::Date, Granularity::None, nullptr, nullptr},
      {"PRESENT_REF", TimexType::Date, Granularity::None, nullptr, nullptr},
      {"FUTURE_REF", TimexType::Date, Granularity::None, nullptr, nullptr},
      // ranges (ISO 8601 intervals): as coarse as the coarser end
      {"2025-04/2025-05", TimexType::Date, Granularity::Month, "2025-04-01", "2025-05-31"},
      {"2025-03-03/2025-03-05", TimexType::Date, Granularity::Day, "2025-03-03", "2025-03-05"},
      {"2019/2021-06", TimexType::Date, Granularity::Year, "2019-01-01", "2021-06-30"},
      {"2025-07-18T10:00/2025-07-18T12:00", TimexType::Time, Granularity::Minute, "2025-07-18", "2025-07-18"},
  };
  for (const Form& f : forms) {
    INFO(f.value);
    TimeValue v = parse_time_value(f.value);
    CHECK(v.value == f.value);  // printed back exactly as read
    CHECK(v.type == f.type);
    CHECK(v.granularity == f.granularity);
    CHECK(bound(v.earliest) == (f.earliest ? f.earliest : "-"));
    CHECK(bound(v.latest) == (f.latest ? f.latest : "-"));
    // round trip: parsing the printed value gives the same TimeValue
    CHECK(parse_time_value(v.value, v.type) == v);
  }
}

TEST_CASE("a set recurs and has no single position") {
  TimeValue every_monday = parse_time_value("XXXX-WXX-1", TimexType::Set);
  CHECK(every_monday.type == TimexType::Set);
  CHECK(every_monday.granularity == Granularity::Day);
  CHECK_FALSE(every_monday.has_bounds());
  TimeValue each_july = parse_time_value("XXXX-07", TimexType::Set);
  CHECK_FALSE(each_july.has_bounds());
  TimeValue daily = parse_time_value("P1D", TimexType::Set);
  CHECK(daily.type == TimexType::Set);
}

TEST_CASE("years outside the calendar's 1400..9999 parse without bounds, months checked all the same") {
  TimeValue early = parse_time_value("0211-02-28");
  CHECK(early.granularity == Granularity::Day);
  CHECK_FALSE(early.has_bounds());
  CHECK_THROWS_AS(parse_time_value("0211-02-29"), ValueError);  // 211 is not a leap year
  CHECK_NOTHROW(parse_time_value("1200-02-29"));                 // 1200 is (divisible by 400)
  CHECK_THROWS_AS(parse_time_value("1300-02-29"), ValueError);  // 1300 is not
}

namespace {
// The message of the ValueError that parsing `value` throws; "accepted" if none.
std::string rejection(const char* value) {
  try {
    parse_time_value(value);
  } catch (const ValueError& e) {
    return e.what();
  }
  return "accepted";
}
}  // namespace

TEST_CASE("malformed TIMEX3 values are rejected, naming the value and position") {
  const char* bad[] = {"",
                       "2025-13",
                       "2025-00",
                       "2025-02-30",
                       "2025-W54",
                       "2025-W00",
                       "2023-W53",  // 2023 has 52 ISO weeks
                       "2025-Q5",
                       "2025-H3",
                       "2025-XY",
                       "2025-SX",
                       "P",
                       "P5",
                       "PT",
                       "P1YT",  // a T needs a time part after it
                       "PT5Y",
                       "P5H",
                       "P.5Y",
                       "2025-07-18T25:00",
                       "2025-07-18T24:30",  // 24 only as 24:00
                       "2025-07-18T10:61",
                       "2025-07-18T15:30+25:00",
                       "2025-07-18T15:30+01:60",
                       "2025-07-18TLATE",
                       "20250917",
                       "abc",
                       "2025-09-17 ",
                       " 2025",
                       "99999",
                       "2025-07T10",
                       "2025-W31-8",
                       "2025-W31-WET10",
                       "2025-09-1",
                       "1X99",
                       "2025--09",
                       "199-07",
                       "2025-05/2025-04",  // ends before it starts
                       "2025-04/",
                       "/2025-04",
                       "2025/2026/2027",
                       "2025/P1Y",
                       "2025-04/PAST_REF"};
  for (const char* value : bad) {
    INFO(value);
    std::string message = rejection(value);
    CHECK(message.find("invalid TIMEX3 value") != std::string::npos);
    CHECK(message.find(std::string("'") + value + "'") != std::string::npos);
    CHECK(message.find("at position ") != std::string::npos);
  }
  // The position is the first character that cannot be right.
  CHECK(rejection("").ends_with("at position 0"));
  CHECK(rejection("abc").ends_with("at position 0"));
  CHECK(rejection("2025-13").ends_with("at position 5"));
  CHECK(rejection("2025-02-30").ends_with("at position 8"));
  CHECK(rejection("2023-W53").ends_with("at position 6"));
  CHECK(rejection("2025-Q5").ends_with("at position 6"));
  CHECK(rejection("P5").ends_with("at position 2"));
  CHECK(rejection("2025-07-18T25:00").ends_with("at position 11"));
  CHECK(rejection("2025-09-17 ").ends_with("at position 10"));
  CHECK(rejection("99999").ends_with("at position 4"));
  CHECK(rejection("2025-05/2025-04").ends_with("at position 8"));
}

TEST_CASE("range_value joins two calendar values in order") {
  TimeValue april_may = range_value(parse_time_value("2025-04"), parse_time_value("2025-05"));
  CHECK(april_may.value == "2025-04/2025-05");
  CHECK(april_may.is_range());
  CHECK_FALSE(parse_time_value("2025-04").is_range());
  CHECK(april_may.latest == Date(2025, 5, 31));
  CHECK_THROWS_AS(range_value(parse_time_value("2025-05"), parse_time_value("2025-04")), ValueError);
  CHECK_THROWS_AS(range_value(parse_time_value("2025"), parse_time_value("P2W")), ValueError);
}

TEST_CASE("a value's spelling is kept: no silent normalization") {
  // Single-digit weeks are TimeBank's spelling; they are read, not rewritten to W07.
  CHECK(parse_time_value("2000-W7").value == "2000-W7");
  CHECK(parse_time_value("P1.5Y").value == "P1.5Y");
  // Parsing with an explicit type keeps that type.
  CHECK(parse_time_value("XXXX-07", TimexType::Set).type == TimexType::Set);
  CHECK(parse_time_value("2025-07-18T15:30", TimexType::Time).type == TimexType::Time);
}

TEST_CASE("enum names read back as the same value") {
  for (TimexType t : {TimexType::Date, TimexType::Time, TimexType::Duration, TimexType::Set}) {
    CHECK(timex_type_from_string(to_string(t)) == t);
  }
  for (Mod m : {Mod::Before, Mod::After, Mod::OnOrBefore, Mod::OnOrAfter, Mod::LessThan, Mod::MoreThan,
                Mod::EqualOrLess, Mod::EqualOrMore, Mod::Start, Mod::Mid, Mod::End, Mod::Approx}) {
    CHECK(mod_from_string(to_string(m)) == m);
  }
  CHECK(to_string(Mod::None).empty());
  CHECK_FALSE(timex_type_from_string("date").has_value());  // TIMEX3 spells types in capitals
  CHECK_FALSE(mod_from_string("ABOUT").has_value());
  CHECK(to_string(Granularity::PartOfDay) == "part_of_day");
}

TEST_CASE("user dates (--dct) are checked against the calendar") {
  CHECK(iso_string(parse_iso_date("2025-07-19")) == "2025-07-19");
  CHECK(iso_string(parse_iso_date("2024-02-29")) == "2024-02-29");
  CHECK(iso_string(parse_iso_date("1400-01-01")) == "1400-01-01");
  CHECK(iso_string(parse_iso_date("9999-12-31")) == "9999-12-31");
  for (const char* bad :
       {"2025-02-29", "2100-02-29", "2025-9-1", "2025-09-1", "99999-01-01", "2025-07-19T10:00", "yesterday", "",
        "1399-01-01", "2025-13-01", "2025-00-10", "2025-04-31", "2025/07/19", "+025-07-19", "2025-07-19 "}) {
    INFO(bad);
    CHECK_THROWS_AS(parse_iso_date(bad), ValueError);
  }
  // The message names the text, so a bad --dct is easy to find.
  CHECK_THROWS_WITH(parse_iso_date("2025-02-29"), Catch::Contains("'2025-02-29'"));
}

TEST_CASE("day_value is a day-granular date") {
  TimeValue v = day_value(parse_iso_date("2025-09-17"));
  CHECK(v.value == "2025-09-17");
  CHECK(v.granularity == Granularity::Day);
  CHECK(bound(v.earliest) == "2025-09-17");
  CHECK(bound(v.latest) == "2025-09-17");
  CHECK(v.type == TimexType::Date);
  CHECK(v.mod == Mod::None);
  CHECK(v == parse_time_value("2025-09-17"));  // the same as the parsed value
  CHECK(day_value(parse_iso_date("2024-02-29")).value == "2024-02-29");
}

TEST_CASE("a TimeValue in JSON carries value, granularity and bounds") {
  TimeValue v = parse_time_value("2024-02");
  v.mod = Mod::End;
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  json::write(w, v);
  CHECK(
      std::string(buffer.GetString()) ==
      R"({"type":"DATE","value":"2024-02","granularity":"month","earliest":"2024-02-01","latest":"2024-02-29","mod":"END"})");
  rapidjson::StringBuffer buffer2;
  rapidjson::Writer<rapidjson::StringBuffer> w2(buffer2);
  json::write(w2, parse_time_value("P2W"));
  CHECK(std::string(buffer2.GetString()) ==
        R"({"type":"DURATION","value":"P2W","granularity":"none","earliest":null,"latest":null,"mod":null})");
  rapidjson::StringBuffer buffer3;
  rapidjson::Writer<rapidjson::StringBuffer> w3(buffer3);
  json::write(w3, parse_time_value("2025-07-18T15:30+01:00"));
  CHECK(std::string(buffer3.GetString()) ==
        R"({"type":"TIME","value":"2025-07-18T15:30+01:00","granularity":"minute","earliest":"2025-07-18",)"
        R"("latest":"2025-07-18","mod":null})");
  rapidjson::StringBuffer buffer4;
  rapidjson::Writer<rapidjson::StringBuffer> w4(buffer4);
  json::write(w4, parse_time_value("XXXX-WXX-1", TimexType::Set));
  CHECK(std::string(buffer4.GetString()) ==
        R"({"type":"SET","value":"XXXX-WXX-1","granularity":"day","earliest":null,"latest":null,"mod":null})");
}

TEST_CASE("a START, MID or END mod keeps the half of the interval it names") {
  auto narrowed = [](const char* value, Mod mod) {
    TimeValue v = parse_time_value(value);
    v.mod = mod;
    narrow_to_mod(v);
    return bound(v.earliest) + " " + bound(v.latest);
  };
  CHECK(narrowed("2025", Mod::Start) == "2025-01-01 2025-07-02");
  CHECK(narrowed("2025", Mod::End) == "2025-07-02 2025-12-31");
  CHECK(narrowed("2025-09", Mod::Mid) == "2025-09-08 2025-09-23");
  CHECK(narrowed("199", Mod::Start) == "1990-01-01 1994-12-31");
  // The other mods, a single day and a value without bounds are left as they are.
  CHECK(narrowed("2025", Mod::Approx) == "2025-01-01 2025-12-31");
  CHECK(narrowed("2025-09-17", Mod::End) == "2025-09-17 2025-09-17");
  CHECK(narrowed("PAST_REF", Mod::Start) == "- -");
}
