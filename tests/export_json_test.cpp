// Timeline JSON: valid against docs/schema/timeline.schema.json, every source's provenance
// carried through byte for byte, and nothing in article text able to break the JSON.

#include <dateline/error.h>
#include <dateline/export.h>
#include <dateline/extract.h>
#include <dateline/read.h>

#include <catch2/catch.hpp>

#include "json_schema_check.h"
#include "timeline_fixtures.h"

using namespace dateline;

namespace {

const rapidjson::SchemaDocument& timeline_schema() {
  static const rapidjson::SchemaDocument schema = testing::load_schema("timeline.schema.json");
  return schema;
}

rapidjson::Document parse(const std::string& json) {
  rapidjson::Document d;
  d.Parse(json.c_str(), json.size());
  REQUIRE_FALSE(d.HasParseError());
  return d;
}

const rapidjson::Value* find_fact(const rapidjson::Document& d, std::string_view id) {
  for (const auto& t : d["timelines"].GetArray()) {
    for (const auto& f : t["facts"].GetArray()) {
      if (f["id"].GetString() == id) return &f;
    }
  }
  return nullptr;
}

}  // namespace

TEST_CASE("timeline JSON is valid against its schema, compact and pretty") {
  const auto timelines = fixtures::all_timelines();
  CHECK(testing::schema_errors(timeline_schema(), timelines_json(timelines)) == "");
  CHECK(testing::schema_errors(timeline_schema(), timelines_json(timelines, true)) == "");
  CHECK(testing::schema_errors(timeline_schema(), timelines_json({})) == "");
  std::vector<Fact> facts = fixtures::video_app_thread().facts;
  CHECK(testing::schema_errors(timeline_schema(), facts_json(facts)) == "");
}

TEST_CASE("the schema rejects what the contract forbids, so the validation can fail") {
  std::string json = timelines_json(fixtures::sample_timelines());
  // A missing required key, a granularity outside the list, a month shown as a day.
  std::string no_quote = json;
  no_quote.replace(no_quote.find("\"quote\""), 7, "\"quot\"");
  CHECK(testing::schema_errors(timeline_schema(), no_quote) != "");
  std::string bad_granularity = json;
  bad_granularity.replace(bad_granularity.find("\"granularity\":\"month\""), 21, "\"granularity\":\"moon\"");
  CHECK(testing::schema_errors(timeline_schema(), bad_granularity) != "");
  std::string bad_date = json;
  bad_date.replace(bad_date.find("\"earliest\":\"2025-09-17\""), 23, "\"earliest\":\"17/09/2025\"");
  CHECK(testing::schema_errors(timeline_schema(), bad_date) != "");
  CHECK(testing::schema_errors(timeline_schema(), "{}") != "");
}

TEST_CASE("a revised deadline keeps both values with their sources, current one repeated on top") {
  const auto d = parse(timelines_json(fixtures::sample_timelines()));
  const rapidjson::Value* f = find_fact(d, "f-deadline");
  REQUIRE(f);
  CHECK(std::string((*f)["status"].GetString()) == "scheduled");
  CHECK(std::string((*f)["time"]["value"].GetString()) == "2025-09-17");
  CHECK(std::string((*f)["time"]["granularity"].GetString()) == "day");
  const auto& history = (*f)["history"];
  REQUIRE(history.Size() == 2);
  CHECK(std::string(history[0]["time"]["value"].GetString()) == "2025-01-19");
  CHECK(std::string(history[0]["status"].GetString()) == "superseded");
  CHECK(history[1]["sources"].Size() == 2);
  const auto& source = history[1]["sources"][1];
  CHECK(std::string(source["outlet"].GetString()) == "Wire Desk");
  CHECK(std::string(source["url"].GetString()) == "https://wire.example.com/a?id=1&lang=en");
  CHECK(std::string(source["quote"].GetString()) == "Officials confirmed the \"final\" cut-off is September 17, 2025.");
  CHECK(source["end"].GetUint() > source["begin"].GetUint());
  CHECK(std::string(source["published"]["value"].GetString()) == "2025-07-26");
}

TEST_CASE("month and year facts keep their granularity and bounds, an undated fact has a null time") {
  const auto d = parse(timelines_json(fixtures::sample_timelines()));
  const rapidjson::Value* court = find_fact(d, "f-court");
  REQUIRE(court);
  CHECK(std::string((*court)["time"]["granularity"].GetString()) == "month");
  CHECK(std::string((*court)["time"]["earliest"].GetString()) == "2025-01-01");
  CHECK(std::string((*court)["time"]["latest"].GetString()) == "2025-01-31");
  const rapidjson::Value* law = find_fact(d, "f-law");
  REQUIRE(law);
  CHECK(std::string((*law)["time"]["value"].GetString()) == "2024");
  const rapidjson::Value* undated = find_fact(d, "f-more-extensions");
  REQUIRE(undated);
  CHECK((*undated)["time"].IsNull());
  const rapidjson::Value* sale = find_fact(d, "f-approval");
  REQUIRE(sale);
  CHECK((*sale)["amount"]["value"].GetDouble() == 4.67e9);
  CHECK(std::string((*sale)["amount"]["text"].GetString()) == "$4.67bn");
}

TEST_CASE("hostile text comes back from the JSON byte for byte") {
  const auto timelines = fixtures::all_timelines();
  const auto d = parse(timelines_json(timelines));
  const Timeline& hostile = timelines[2];
  const rapidjson::Value& t = d["timelines"][2];
  CHECK(std::string(t["title"].GetString()) == hostile.title);
  CHECK(std::string(t["id"].GetString()) == hostile.id);
  for (std::size_t i = 0; i < hostile.facts.size(); ++i) {
    const Fact& f = hostile.facts[i];
    const rapidjson::Value& jf = t["facts"][static_cast<rapidjson::SizeType>(i)];
    CHECK(std::string(jf["id"].GetString()) == f.id);
    CHECK(std::string(jf["headline"].GetString()) == f.headline);
    const auto& source = jf["history"][0]["sources"][0];
    CHECK(std::string(source["quote"].GetString(), source["quote"].GetStringLength()) == f.current().sources[0].quote);
  }
  // Control characters are escaped (JSON allows none raw in a string) and the long line is whole.
  const std::string json = timelines_json(timelines);
  CHECK(json.find('\x01') == std::string::npos);
  CHECK(json.find('\n') == std::string::npos);
  CHECK(json.find("\\u0001") != std::string::npos);
  CHECK(json.find(fixtures::long_text()) != std::string::npos);
}

TEST_CASE("every control character is escaped wherever it falls in a long string (0x1A-0x1F too)") {
  // RapidJSON 1.1.0's SSE2 writer passed 0x1A-0x1F through raw past the first 16 bytes.
  auto timelines = fixtures::sample_timelines();
  std::string quote = "A quote long enough for sixteen-byte blocks:";
  for (char c = 1; c < 0x20; ++c) quote += fmt::format("{} ", c);
  timelines[0].facts[0].history[0].sources[0].quote = quote;
  for (const std::string& json : {timelines_json(timelines), timelinejs_json(timelines)}) {
    for (char c = 1; c < 0x20; ++c) CHECK(json.find(c) == std::string::npos);
  }
  CHECK(timelines_json(timelines).find("\\u001F") != std::string::npos);
}

TEST_CASE("invalid UTF-8 in the model is an error, not broken JSON") {
  auto timelines = fixtures::sample_timelines();
  timelines[0].facts[0].history[0].sources[0].quote = "bad \xC3\x28 byte";
  CHECK_THROWS_AS(timelines_json(timelines), ValueError);
}

TEST_CASE(
    "extract JSON of the example articles and the shared sample page is valid against "
    "docs/schema/extract.schema.json") {
  static const rapidjson::SchemaDocument schema = testing::load_schema("extract.schema.json");
  ReadOptions options;
  options.dct = Date(2025, 7, 25);
  std::vector<Extraction> extractions;
  for (auto& doc : read_inputs({fmt::format("{}/examples", DATELINE_SOURCE_DIR),
                                fmt::format("{}/examples/news-page-2025-07.txt", DATELINE_SHARED_DIR)},
                               options)) {
    extractions.push_back(extract(std::move(doc)));
  }
  REQUIRE_FALSE(extractions.empty());
  const std::string json = extract_json(extractions);
  CHECK(testing::schema_errors(schema, json) == "");
  CHECK(testing::schema_errors(schema, extract_json(extractions, true)) == "");
  std::string broken = json;
  broken.replace(broken.find("\"timexes\""), 9, "\"timexen\"");
  CHECK(testing::schema_errors(schema, broken) != "");
}
