// Queries: timelines in interval order with honest links, the upcoming window, facts by entity.

#include "engine_fixtures.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace engine_test;

namespace {

Extraction lumio_story() {
  return Article("Metro Post", "2025-07-18")
      .sentence("Bytewise must divest Lumio by September 17.")
      .claim("deadline", "Lumio divestment", ClaimStatus::Scheduled)
      .time("September 17", "2025-09-17")
      .entity("Lumio", EntityKind::Org)
      .sentence("The supreme court upheld the Lumio divestment law in January.")
      .claim("ruling", "Lumio divestment law")
      .time("January", "2025-01")
      .entity("Lumio", EntityKind::Org)
      .sentence("The original Lumio deadline was January 19.")
      .claim("deadline", "Lumio divestment", ClaimStatus::Scheduled)
      .time("January 19", "2025-01-19")
      .entity("Lumio", EntityKind::Org)
      .sentence("Varn restricted exports of Lumio's algorithm in 2020.")
      .claim("restriction", "Lumio export restriction")
      .time("2020", "2020")
      .entity("Lumio", EntityKind::Org)
      .sentence("Last year the president signed the Lumio divestment law.")
      .claim("signing", "Lumio divestment law")
      .time("Last year", "2024")
      .entity("Lumio", EntityKind::Org)
      .sentence("A review of Lumio's data flows is planned for the third quarter.")
      .claim("review", "Lumio data review", ClaimStatus::Planned)
      .time("the third quarter", "2025-Q3")
      .entity("Lumio", EntityKind::Org)
      .sentence("A Lumio hearing is scheduled for November 3.")
      .claim("hearing", "Lumio hearing", ClaimStatus::Scheduled)
      .time("November 3", "2025-11-03")
      .entity("Lumio", EntityKind::Org)
      .build();
}

std::vector<std::string> times_of(const Timeline& t) {
  std::vector<std::string> out;
  for (const auto& f : t.facts) out.push_back(f.time() ? f.time()->value : "undated");
  return out;
}

}  // namespace

TEST_CASE("a timeline orders intervals by their bounds and says what is known between them") {
  TempStore store;
  store->ingest(lumio_story());
  const auto timelines = store->timelines({"Lumio", "", {}, {}});
  REQUIRE(timelines.size() == 1);
  const Timeline& t = timelines[0];
  // 2020 < 2024 < January 2025 < Q3 2025 (starts July 1) < 2025-09-17 < 2025-11-03.
  CHECK(times_of(t) == std::vector<std::string>{"2020", "2024", "2025-01", "2025-Q3", "2025-09-17", "2025-11-03"});
  // Q3 contains September 17: INCLUDES, not BEFORE.
  const auto includes = std::find_if(t.links.begin(), t.links.end(), [](const Link& l) { return l.kind == LinkKind::Includes; });
  REQUIRE(includes != t.links.end());
  CHECK(includes->from == t.facts[3].id);
  CHECK(includes->to == t.facts[4].id);
  // The deadline's revision 2025-01-19 -> 2025-09-17 is linked inside the fact.
  const auto extends = std::find_if(t.links.begin(), t.links.end(), [](const Link& l) { return l.kind == LinkKind::Extends; });
  REQUIRE(extends != t.links.end());
  CHECK(extends->from == t.facts[4].id);
  CHECK(t.facts[4].history.front().time->value == "2025-01-19");
}

TEST_CASE("the date range keeps facts whose interval reaches into it") {
  TempStore store;
  store->ingest(lumio_story());
  TimelineQuery q;
  q.from = parse_iso_date("2025-01-15");
  q.to = parse_iso_date("2025-08-31");
  const auto timelines = store->timelines(q);
  REQUIRE(timelines.size() == 1);
  CHECK(times_of(timelines[0]) == std::vector<std::string>{"2025-01", "2025-Q3"});
}

TEST_CASE("upcoming: scheduled facts and deadlines in the window, soonest first") {
  TempStore store;
  store->ingest(lumio_story());
  auto upcoming = [&](const char* as_of, int days) {
    std::vector<std::string> out;
    for (const auto& f : store->upcoming({parse_iso_date(as_of), days})) out.push_back(f.time()->value);
    return out;
  };
  // The quarter is still partly ahead on July 25, so it is listed; the ruling and the restriction
  // occurred and never are; the January deadline is superseded.
  CHECK(upcoming("2025-07-25", 90) == std::vector<std::string>{"2025-Q3", "2025-09-17"});
  CHECK(upcoming("2025-07-25", 30) == std::vector<std::string>{"2025-Q3"});
  CHECK(upcoming("2025-09-17", 0) == std::vector<std::string>{"2025-Q3", "2025-09-17"});
  CHECK(upcoming("2025-09-18", 60) == std::vector<std::string>{"2025-Q3", "2025-11-03"});
  CHECK(upcoming("2025-10-01", 30) == std::vector<std::string>{});
  CHECK(upcoming("2025-01-01", 30) == std::vector<std::string>{});
}

TEST_CASE("facts by entity, case-insensitively") {
  TempStore store;
  store->ingest(lumio_story());
  CHECK(store->facts({"lumio", false}).size() == 6);
  CHECK(store->facts({"Nobody", false}).empty());
  CHECK(store->facts({"", true}).empty());
}

TEST_CASE("window lengths as the CLI takes them") {
  CHECK(parse_window_days("30d") == 30);
  CHECK(parse_window_days("6w") == 42);
  CHECK(parse_window_days("3m") == 90);
  CHECK(parse_window_days("1y") == 365);
  CHECK(parse_window_days("14") == 14);
  CHECK_THROWS_AS(parse_window_days("soon"), ValueError);
  CHECK_THROWS_AS(parse_window_days("30x"), ValueError);
  CHECK_THROWS_AS(parse_window_days(""), ValueError);
}
