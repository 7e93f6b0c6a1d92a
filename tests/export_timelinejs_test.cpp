// TimelineJS3 JSON: dates only as precise as the fact, display dates for named periods,
// threads as groups, and every piece of article text escaped for the HTML TimelineJS renders.
// (tests/timelinejs_browser_test.sh loads the same output in the real TimelineJS.)

#include <dateline/export.h>
#include <rapidjson/document.h>

#include <catch2/catch.hpp>
#include <set>

#include "timeline_fixtures.h"

using namespace dateline;

namespace {

rapidjson::Document parse(const std::string& json) {
  rapidjson::Document d;
  d.Parse(json.c_str(), json.size());
  REQUIRE_FALSE(d.HasParseError());
  return d;
}

const rapidjson::Value& event(const rapidjson::Document& d, std::string_view fact_id) {
  const std::string want = "fact-" + std::string(fact_id);
  for (const auto& e : d["events"].GetArray()) {
    if (e["unique_id"].GetString() == want) return e;
  }
  FAIL("no event for " << fact_id);
  return d;
}

std::set<std::string> keys(const rapidjson::Value& object) {
  std::set<std::string> out;
  for (const auto& m : object.GetObject()) out.insert(m.name.GetString());
  return out;
}

// Every string in the document, recursively.
void strings(const rapidjson::Value& v, std::vector<std::string>& out) {
  if (v.IsString()) out.emplace_back(v.GetString(), v.GetStringLength());
  if (v.IsArray()) {
    for (const auto& x : v.GetArray()) strings(x, out);
  }
  if (v.IsObject()) {
    for (const auto& m : v.GetObject()) strings(m.value, out);
  }
}

}  // namespace

TEST_CASE("TimelineJS: a day has year, month and day, a month has no day, a year only a year") {
  const auto d = parse(timelinejs_json(fixtures::sample_timelines()));
  const auto& deadline = event(d, "f-deadline");
  CHECK(keys(deadline["start_date"]) == std::set<std::string>{"year", "month", "day"});
  CHECK(deadline["start_date"]["year"].GetInt() == 2025);
  CHECK(deadline["start_date"]["month"].GetInt() == 9);
  CHECK(deadline["start_date"]["day"].GetInt() == 17);
  CHECK_FALSE(deadline.HasMember("end_date"));
  CHECK_FALSE(deadline.HasMember("display_date"));
  const auto& court = event(d, "f-court");
  CHECK(keys(court["start_date"]) == std::set<std::string>{"year", "month"});
  CHECK(court["start_date"]["month"].GetInt() == 1);
  const auto& law = event(d, "f-law");
  CHECK(keys(law["start_date"]) == std::set<std::string>{"year"});
  CHECK(law["start_date"]["year"].GetInt() == 2024);
}

TEST_CASE("TimelineJS: weeks, quarters and seasons span start to end with words in display_date") {
  const auto d = parse(timelinejs_json(fixtures::all_timelines()));
  const auto& talks = event(d, "f-talks");  // 2025-W31: Monday 28 July to Sunday 3 August
  CHECK(talks["start_date"]["day"].GetInt() == 28);
  CHECK(talks["end_date"]["month"].GetInt() == 8);
  CHECK(talks["end_date"]["day"].GetInt() == 3);
  CHECK(std::string(talks["display_date"].GetString()) == "week of 28 July 2025");
  const auto& quarter = event(d, "f-delivery");
  CHECK(keys(quarter["start_date"]) == std::set<std::string>{"year", "month"});
  CHECK(quarter["start_date"]["month"].GetInt() == 10);
  CHECK(quarter["end_date"]["month"].GetInt() == 12);
  CHECK(std::string(quarter["display_date"].GetString()) == "Q4 2025");
  CHECK(std::string(event(d, "f-long")["display_date"].GetString()) == "summer 2025");
  CHECK(std::string(event(d, "f-half")["display_date"].GetString()) == "H2 2025");
  CHECK(std::string(event(d, "f-decade")["display_date"].GetString()) == "the 2010s");
  CHECK(keys(event(d, "f-decade")["end_date"]) == std::set<std::string>{"year"});
  CHECK(std::string(event(d, "f-before")["display_date"].GetString()) == "before 30 September 2025");
  CHECK(std::string(event(d, "f-evening")["display_date"].GetString()) == "18 July 2025, evening");
  // A range ("in April and May") spans its ends at the ends' precision.
  const auto& drills = event(d, "f-spring-drills");
  CHECK(keys(drills["start_date"]) == std::set<std::string>{"year", "month"});
  CHECK(drills["start_date"]["month"].GetInt() == 4);
  CHECK(drills["end_date"]["month"].GetInt() == 5);
  CHECK(std::string(drills["display_date"].GetString()) == "April\u2013May 2025");
  const auto& clock = event(d, "f-clock");
  CHECK(clock["start_date"]["hour"].GetInt() == 14);
  CHECK(clock["start_date"]["minute"].GetInt() == 30);
}

TEST_CASE("TimelineJS: threads are groups, undated facts are listed on the title slide, ids unique") {
  const auto d = parse(timelinejs_json(fixtures::sample_timelines()));
  CHECK(std::string(event(d, "f-deadline")["group"].GetString()) == "TikTok divestment");
  CHECK(std::string(event(d, "f-approval")["group"].GetString()) == "NASAMS sale to Egypt");
  std::size_t dated = 0;
  for (const auto& t : fixtures::sample_timelines()) {
    for (const auto& f : t.facts) dated += f.time() ? 1 : 0;
  }
  CHECK(d["events"].Size() == dated);
  const std::string title_text = d["title"]["text"]["text"].GetString();
  CHECK(title_text.find("Deadline extended twice more") != std::string::npos);
  CHECK(std::string(d["title"]["text"]["headline"].GetString()) == "2 story threads");
  std::set<std::string> ids;
  for (const auto& e : d["events"].GetArray()) CHECK(ids.insert(e["unique_id"].GetString()).second);
  // The same fact in two threads still gets two distinct ids.
  auto twice = fixtures::sample_timelines();
  twice.push_back(twice[0]);
  const auto d2 = parse(timelinejs_json(twice, "Two copies"));
  std::set<std::string> ids2;
  for (const auto& e : d2["events"].GetArray()) CHECK(ids2.insert(e["unique_id"].GetString()).second);
  CHECK(std::string(d2["title"]["text"]["headline"].GetString()) == "Two copies");
}

TEST_CASE("TimelineJS: the slide text shows the earlier deadline, sources, quotes and links") {
  const auto d = parse(timelinejs_json(fixtures::sample_timelines()));
  const std::string text = event(d, "f-deadline")["text"]["text"].GetString();
  CHECK(text.find("Extended from: 19 January 2025 (superseded)") != std::string::npos);
  CHECK(
      text.find("<blockquote>Officials confirmed the &quot;final&quot; cut-off is September 17, 2025.</blockquote>") !=
      std::string::npos);
  CHECK(text.find("<a href=\"https://wire.example.com/a?id=1&amp;lang=en\">") != std::string::npos);
  CHECK(text.find("Gulf Ledger, 25 July 2025") != std::string::npos);
  CHECK(event(d, "f-deadline")["autolink"].IsFalse());
}

TEST_CASE("TimelineJS: hostile text is escaped everywhere and never linked or injected") {
  const auto d = parse(timelinejs_json(fixtures::all_timelines()));
  std::vector<std::string> all;
  strings(d, all);
  for (const std::string& s : all) {
    INFO(s.substr(0, 200));
    CHECK(s.find("<script") == std::string::npos);
    CHECK(s.find("<img") == std::string::npos);
    CHECK(s.find("<b>") == std::string::npos);
    CHECK(s.find("javascript:") == std::string::npos);
    CHECK(s.find('\n') == std::string::npos);
    CHECK(s.find('\x01') == std::string::npos);
  }
  const auto& script = event(d, "f-script");
  CHECK(std::string(script["text"]["headline"].GetString()) ==
        "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(2)&gt;");
  // group goes through TimelineJS's markup stripping (which decodes references) before
  // innerHTML, so it is escaped twice.
  CHECK(std::string(script["group"].GetString()).starts_with("&amp;lt;b&amp;gt;AT&amp;amp;T"));
  // A link only for http(s) URLs, with its query escaped.
  const std::string dot_text = event(d, "f-dot___a-_b_")["text"]["text"].GetString();
  CHECK(dot_text.find("href") == std::string::npos);
  const std::string script_text = script["text"]["text"].GetString();
  CHECK(script_text.find("href=\"https://example.org/path?a=&lt;b&gt;&amp;c=&quot;d&quot;\"") == std::string::npos);
  // The long quote is cut for the slide (the JSON export keeps it whole).
  CHECK(script_text.size() < 4000);
  CHECK(script_text.find("Z\xC3\xBCrich") != std::string::npos);
}
