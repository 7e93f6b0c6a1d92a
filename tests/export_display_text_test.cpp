// The text helpers every exporter shares: one clean line of valid UTF-8, shortened and wrapped
// by characters, escaped for HTML; dates in words at the precision of the value.

#include <dateline/time_value.h>

#include <catch2/catch.hpp>

#include "display_text.h"
#include "time_text.h"

using namespace dateline;
using namespace dateline::display;

TEST_CASE("one_line: whitespace and control characters collapse to single spaces, bad bytes to U+FFFD") {
  CHECK(one_line("  a\r\nb\t\tc\x01\x1f d  ") == "a b c d");
  CHECK(one_line("line\xE2\x80\xA8sep\xC2\x85next\xC2\xA0nbsp") == "line sep next nbsp");
  CHECK(one_line("bad \xC3\x28 and \xFF end") == "bad \xEF\xBF\xBD( and \xEF\xBF\xBD end");
  CHECK(one_line("overlong \xC0\xAF and surrogate \xED\xA0\x80") ==
        "overlong \xEF\xBF\xBD\xEF\xBF\xBD and surrogate \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
  CHECK(one_line("Z\xC3\xBCrich \xE6\x9D\xB1\xE4\xBA\xAC \xF0\x9F\x98\x80") ==
        "Z\xC3\xBCrich \xE6\x9D\xB1\xE4\xBA\xAC \xF0\x9F\x98\x80");
  CHECK(valid_utf8(one_line(std::string("\xF4\x90\x80\x80 \xE0\x80\x80 \xC2", 10))));
}

TEST_CASE("shorten: cuts by characters at a word boundary, never inside a UTF-8 character") {
  CHECK(shorten("Deadline to divest TikTok", 100) == "Deadline to divest TikTok");
  CHECK(shorten("Deadline to divest TikTok", 20) == "Deadline to divest\xE2\x80\xA6");
  const std::string cjk = "\xE6\x9D\xB1\xE4\xBA\xAC\xE6\x9D\xB1\xE4\xBA\xAC\xE6\x9D\xB1\xE4\xBA\xAC";  // six characters
  CHECK(shorten(cjk, 4) == "\xE6\x9D\xB1\xE4\xBA\xAC\xE6\x9D\xB1\xE2\x80\xA6");
  CHECK(char_count(shorten(cjk, 4)) == 4);
  CHECK(shorten("abc", 0).empty());
  for (std::size_t n = 1; n < 30; ++n) {
    const std::string s = shorten("Z\xC3\xBCrich\xE2\x80\x93\xE6\x9D\xB1\xE4\xBA\xAC lorem ipsum dolor", n);
    CHECK(valid_utf8(s));
    CHECK(char_count(s) <= n);
  }
}

TEST_CASE("wrap: lines of at most the width, a word longer than a line is cut") {
  CHECK(wrap("Commerce chief: no deal means the app goes dark", 22) ==
        std::vector<std::string>{"Commerce chief: no", "deal means the app", "goes dark"});
  CHECK(wrap("<script>alert('x')</script>", 10) == std::vector<std::string>{"<script>al", "ert('x')</", "script>"});
  CHECK(wrap("", 10).empty());
  CHECK(wrap("  \n ", 10).empty());
  for (const auto& line :
       wrap("Z\xC3\xBCrich\xE2\x80\x93\xE6\x9D\xB1\xE4\xBA\xAC lorem Z\xC3\xBCrich\xE2\x80\x93\xE6\x9D\xB1\xE4\xBA\xAC",
            4)) {
    CHECK(valid_utf8(line));
    CHECK(char_count(line) <= 4);
  }
}

TEST_CASE("html_escape and is_web_url") {
  CHECK(html_escape("<a href=\"x\">Tom & Jerry's</a>") ==
        "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
  CHECK(is_web_url("https://example.org/a?b=1&c=2"));
  CHECK(is_web_url("http://example.org"));
  CHECK_FALSE(is_web_url("javascript:alert(1)"));
  CHECK_FALSE(is_web_url("https://"));
  CHECK_FALSE(is_web_url("https://example.org/a b"));
  CHECK_FALSE(is_web_url("https://example.org/\"onmouseover=x"));
  CHECK_FALSE(is_web_url("//example.org"));
  CHECK_FALSE(is_web_url("data:text/html,<script>"));
}

TEST_CASE("time_text: words at the value's own precision, with its modifier") {
  auto text = [](const char* value, DateStyle style = DateStyle::Long) {
    return time_text(parse_time_value(value), style);
  };
  CHECK(text("2025-09-17") == "17 September 2025");
  CHECK(text("2025-09-17", DateStyle::Short) == "17 Sep 2025");
  CHECK(text("2025-09") == "September 2025");
  CHECK(text("2025") == "2025");
  CHECK(text("2025-Q3") == "Q3 2025");
  CHECK(text("2025-H1") == "H1 2025");
  CHECK(text("2025-SU") == "summer 2025");
  CHECK(text("2024-WI") == "winter 2024");
  CHECK(text("2025-W31") == "week of 28 July 2025");
  CHECK(text("2025-W31-WE") == "weekend of 2 August 2025");
  CHECK(text("201") == "the 2010s");
  CHECK(text("19") ==
        "1900\xE2\x80\x93"
        "1999");
  CHECK(text("2025-07-18TEV") == "18 July 2025, evening");
  CHECK(text("2025-07-18T14:30") == "18 July 2025, 14:30");
  CHECK(text("2025-07-18T09") == "18 July 2025, 09:00");
  CHECK(text("P2W") == "P2W");
  CHECK(text("2025-04/2025-05") == "April\u2013May 2025");
  CHECK(text("2019/2021") == "2019\u20132021");
  CHECK(text("2025-03-03/2025-03-05") == "3 March 2025 \u2013 5 March 2025");
  TimeValue mid = parse_time_value("2025");
  mid.mod = Mod::Mid;
  CHECK(time_text(mid) == "mid-2025");
  TimeValue about = parse_time_value("2025-09-17");
  about.mod = Mod::Approx;
  CHECK(time_text(about) == "about 17 September 2025");
}
