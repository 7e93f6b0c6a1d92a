// The exports through the CLI, from a store built from the project's examples and the shared
// sample page: `dateline timeline --format json|timelinejs|ical|dot|svg` and `upcoming --format
// json|ical`, each file accepted by its consumer (the schema validator, libical, the dot
// program, libxml2; TimelineJS in a browser is tests/timelinejs_browser_test.sh).

#include <fmt/format.h>
#include <libical/ical.h>
#include <libxml/parser.h>
#include <rapidjson/document.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "json_schema_check.h"

namespace fs = std::filesystem;

namespace {

std::string read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// A store built once for every test case of this file.
const fs::path& workdir() {
  static const fs::path dir = [] {
    fs::path d = fs::temp_directory_path() / fmt::format("dateline-cli-export-{}", ::getpid());
    fs::remove_all(d);
    fs::create_directories(d);
    const std::string cmd = fmt::format(
        "'{}' ingest --db '{}' --dct 2025-07-25 '{}/examples' '{}/examples/news-page-2025-07.txt' > '{}' 2>&1",
        DATELINE_BINARY, (d / "store.db").string(), DATELINE_SOURCE_DIR, DATELINE_SHARED_DIR,
        (d / "ingest.log").string());
    if (std::system(cmd.c_str()) != 0) throw std::runtime_error("ingest failed: " + read_all(d / "ingest.log"));
    return d;
  }();
  // Removed when the test process ends.
  static const struct Cleanup {
    ~Cleanup() {
      std::error_code ec;
      fs::remove_all(dir, ec);
    }
  } cleanup;
  return dir;
}

// Runs `dateline ARGS --db store -o FILE`; returns the file's content (exit status must be 0).
std::string run(const std::string& args, const std::string& file) {
  const fs::path out = workdir() / file;
  const std::string cmd = fmt::format("'{}' {} --db '{}' -o '{}' 2> '{}.err'", DATELINE_BINARY, args,
                                      (workdir() / "store.db").string(), out.string(), out.string());
  const int status = std::system(cmd.c_str());
  INFO(cmd << "\n" << read_all(out.string() + ".err"));
  REQUIRE(status == 0);
  return read_all(out);
}

struct Free {
  void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};

}  // namespace

TEST_CASE("timeline --format json: valid against the schema, with the store's threads and sources") {
  static const rapidjson::SchemaDocument schema = dateline::testing::load_schema("timeline.schema.json");
  const std::string json = run("timeline --format json", "timeline.json");
  CHECK(dateline::testing::schema_errors(schema, json) == "");
  rapidjson::Document d;
  d.Parse(json.c_str());
  REQUIRE(d.IsObject());
  REQUIRE(d["timelines"].Size() > 0);
  std::size_t sources = 0;
  for (const auto& t : d["timelines"].GetArray()) {
    for (const auto& f : t["facts"].GetArray()) {
      for (const auto& v : f["history"].GetArray()) sources += v["sources"].Size();
    }
  }
  CHECK(sources > 0);
  const std::string upcoming = run("upcoming --as-of 2025-07-25 --within 1y --format json", "upcoming.json");
  CHECK(dateline::testing::schema_errors(schema, upcoming) == "");
  CHECK(dateline::testing::schema_errors(schema, run("facts --format json", "facts.json")) == "");
}

TEST_CASE("timeline --format timelinejs: one event per dated fact of the JSON export") {
  rapidjson::Document timelines;
  const std::string json = run("timeline --format json", "timeline.json");
  timelines.Parse(json.c_str());
  std::size_t dated = 0;
  for (const auto& t : timelines["timelines"].GetArray()) {
    for (const auto& f : t["facts"].GetArray()) dated += f["time"].IsObject() && f["time"]["earliest"].IsString();
  }
  rapidjson::Document tl;
  const std::string text = run("timeline --format timelinejs", "timeline.timelinejs.json");
  tl.Parse(text.c_str());
  REQUIRE_FALSE(tl.HasParseError());
  CHECK(tl["events"].Size() == dated);
}

TEST_CASE(
    "timeline and upcoming --format ical: libical reads every event, the TikTok deadline is all-day with reminders") {
  for (const auto& [args, file] : {std::pair<std::string, std::string>{"timeline --format ical", "timeline.ics"},
                                   {"upcoming --as-of 2025-07-25 --within 1y --format ical", "upcoming.ics"}}) {
    const std::string ics = run(args, file);
    std::unique_ptr<icalcomponent, Free> cal(icalparser_parse_string(ics.c_str()));
    REQUIRE(cal);
    CHECK(icalcomponent_count_errors(cal.get()) == 0);
    std::size_t events = 0;
    bool deadline = false;
    for (icalcomponent* e = icalcomponent_get_first_component(cal.get(), ICAL_VEVENT_COMPONENT); e;
         e = icalcomponent_get_next_component(cal.get(), ICAL_VEVENT_COMPONENT)) {
      ++events;
      const icaltimetype start = icalcomponent_get_dtstart(e);
      const std::string summary = icalcomponent_get_summary(e);
      if (start.is_date && start.year == 2025 && start.month == 9 && start.day == 17 &&
          icalcomponent_get_first_component(e, ICAL_VALARM_COMPONENT)) {
        deadline = true;
      }
    }
    INFO(file);
    CHECK(events > 0);
    CHECK(deadline);
  }
}

TEST_CASE("timeline --format dot parses with the dot program, --format svg is well-formed XML") {
  run("timeline --format dot", "timeline.dot");
  const std::string cmd = fmt::format("dot -Tcanon -o /dev/null '{}'", (workdir() / "timeline.dot").string());
  CHECK(std::system(cmd.c_str()) == 0);
  const std::string svg = run("timeline --format svg", "timeline.svg");
  xmlDoc* doc = xmlReadMemory(svg.data(), static_cast<int>(svg.size()), "timeline.svg", nullptr,
                              XML_PARSE_NONET | XML_PARSE_NOERROR);
  CHECK(doc != nullptr);
  xmlFreeDoc(doc);
}

TEST_CASE("an unknown --format is an error that names the formats") {
  const std::string cmd = fmt::format("'{}' timeline --db '{}' --format pdf > /dev/null 2> '{}'", DATELINE_BINARY,
                                      (workdir() / "store.db").string(), (workdir() / "pdf.err").string());
  CHECK(std::system(cmd.c_str()) != 0);
  CHECK(read_all(workdir() / "pdf.err").find("json, timelinejs, ical, dot, svg") != std::string::npos);
}
