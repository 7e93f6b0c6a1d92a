// The JSON the store writes and reads back itself: value histories (facts.history) and the
// scanner of plain JSON that reads them and entity lists ahead of RapidJSON (engine/plain_json.h).
// Whatever the scanner declines must still be read, by RapidJSON, to the same values.

#include <catch2/catch.hpp>
#include <string>

#include "plain_json.h"
#include "value_history.h"

using namespace dateline;
using namespace dateline::engine;

namespace {

ValueRow value(std::int64_t seq, const char* time, std::string time_text, ClaimStatus status, const char* reported,
               std::int64_t text) {
  ValueRow v;
  v.seq = seq;
  if (time) v.time = parse_time_value(time);
  v.time_text = std::move(time_text);
  v.status = status;
  if (reported) v.first_reported = parse_iso_date(reported);
  v.text_id = text;
  return v;
}

void require_same(const std::vector<ValueRow>& a, const std::vector<ValueRow>& b) {
  REQUIRE(a.size() == b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    CHECK(a[i].seq == b[i].seq);
    CHECK(a[i].time == b[i].time);
    CHECK(a[i].time_text == b[i].time_text);
    CHECK(a[i].status == b[i].status);
    CHECK(a[i].first_reported == b[i].first_reported);
    CHECK(a[i].text_id == b[i].text_id);
  }
}

}  // namespace

TEST_CASE("stored JSON: a history reads back as written, plain or with escapes") {
  const std::vector<ValueRow> plain = {
      value(0, "2025-01-19", "January 19", ClaimStatus::Scheduled, "2024-04-24", 3),
      value(1, "2025-09", "by September", ClaimStatus::Scheduled, nullptr, 12),
      value(2, nullptr, "later this year", ClaimStatus::Planned, "2025-07-19", 40),
  };
  std::vector<ValueRow> back;
  REQUIRE(read_history(history_json(plain), back));
  require_same(back, plain);

  // Words with a quote, a backslash, a newline and non-ASCII letters: escaped in the JSON.
  const std::vector<ValueRow> escaped = {
      value(0, "2025-06-03", "the \"June 3\" deadline", ClaimStatus::Scheduled, "2025-05-01", 7),
      value(4, "2025-W31", "week\\31\nof Año", ClaimStatus::Planned, nullptr, 9),
  };
  REQUIRE(read_history(history_json(escaped), back));
  require_same(back, escaped);
}

TEST_CASE("stored JSON: whitespace, and what is not a history") {
  std::vector<ValueRow> back;
  REQUIRE(
      read_history(" [ [ 0 , \"2025-01-19\" , \"DATE\" , \"day\" , \"2025-01-19\" , \"2025-01-19\" , null , "
                   "\"Jan 19\" , \"scheduled\" , null , 5 ] ] ",
                   back));
  REQUIRE(back.size() == 1);
  CHECK(back[0].time->value == "2025-01-19");
  CHECK(back[0].text_id == 5);
  REQUIRE(read_history("[]", back));
  CHECK(back.empty());

  back = {value(9, "2025", "2025", ClaimStatus::Occurred, nullptr, 1)};
  for (const char* bad : {"", "not json", "[[1,2]]", "[] x", "{\"a\":1}",
                          "[[0,null,null,null,null,null,null,\"t\",\"scheduled\",null,1.5]]",
                          "[[0,null,null,null,null,null,null,7,\"scheduled\",null,1]]",
                          "[[0,\"2025\",null,null,\"2025-13-45\",null,null,\"t\",\"scheduled\",null,1]]"}) {
    INFO(bad);
    CHECK_FALSE(read_history(bad, back));
    CHECK(back.size() == 1);  // left as it was
  }
}

TEST_CASE("stored JSON: the plain scanner declines what it does not read") {
  std::string_view s;
  std::int64_t n = 0;
  CHECK(PlainJson("\"plain text\"").take_string(s));
  CHECK(s == "plain text");
  CHECK_FALSE(PlainJson("\"with \\\" quote\"").take_string(s));
  CHECK_FALSE(PlainJson("\"tab\there\"").take_string(s));  // a raw control character
  CHECK_FALSE(PlainJson("\"unterminated").take_string(s));
  CHECK(PlainJson("-42").take_int(n));
  CHECK(n == -42);
  CHECK(PlainJson("0").take_int(n));
  CHECK(n == 0);
  for (const char* not_int : {"1.5", "1e3", "012", "-", "1234567890123456789", "x"}) {
    INFO(not_int);
    CHECK_FALSE(PlainJson(not_int).take_int(n));
  }
  bool is_null = false;
  PlainJson both("null \"x\"");
  CHECK(both.take_string_or_null(s, is_null));
  CHECK(is_null);
  CHECK(both.take_string_or_null(s, is_null));
  CHECK_FALSE(is_null);
  CHECK(s == "x");
  CHECK(both.at_end());
}
