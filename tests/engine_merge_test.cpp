// Merging across sources: the same fact from several outlets is one fact listing every source;
// different facts stay apart; sources that disagree are flagged with both sides.

#include "engine_fixtures.h"

#include <catch2/catch.hpp>

using namespace engine_test;

namespace {

Extraction nasams_first() {
  return Article("Gulf Wire", "2025-07-25")
      .sentence("The State Department approved the possible sale of NASAMS to Egypt worth $4.67bn on Thursday.")
      .claim("approval", "NASAMS sale")
      .also("sale")
      .time("Thursday", "2025-07-24")
      .entity("US State Department", EntityKind::Org, "agent")
      .entity("Egypt", EntityKind::Gpe, "recipient")
      .entity("NASAMS", EntityKind::Product, "patient")
      .amount("$4.67bn", 4.67e9, "USD")
      .build();
}

Extraction nasams_second(double value = 4.7e9, const char* words = "$4.7 billion") {
  return Article("Cairo Ledger", "2025-07-25")
      .sentence(fmt::format("Washington cleared a {} NASAMS air defence sale to Egypt on July 24.", words))
      .claim("sale", "NASAMS sale", ClaimStatus::Possible)
      .time("July 24", "2025-07-24")
      .entity("Egypt", EntityKind::Gpe, "recipient")
      .entity("NASAMS", EntityKind::Product)
      .amount(words, value, "USD")
      .build();
}

}  // namespace

TEST_CASE("the same sale from two outlets is one fact with both sources") {
  TempStore store;
  store->ingest(nasams_first());
  const IngestResult second = store->ingest(nasams_second());
  CHECK(second.new_facts == 0);
  const auto facts = store->facts({});
  REQUIRE(facts.size() == 1);
  const Fact& f = facts.front();
  CHECK(f.predicate == "approval");
  CHECK(f.topic == "NASAMS sale");
  REQUIRE(f.history.size() == 1);
  CHECK(f.current().time->value == "2025-07-24");
  CHECK(outlets_of(f.current()) == std::vector<std::string>{"Gulf Wire", "Cairo Ledger"});
  CHECK(f.amount_text == "$4.67bn");
  CHECK(f.contradictions.empty());
  // Every source carries its quote and byte span into its own document.
  for (const auto& s : f.current().sources) {
    CHECK(!s.quote.empty());
    CHECK(s.span.end > s.span.begin);
  }
}

TEST_CASE("a coarser time from another source supports the finer one without replacing it") {
  TempStore store;
  store->ingest(nasams_first());
  store->ingest(Article("Weekly Defence", "2025-08-01")
                    .sentence("In July the US agreed to sell NASAMS to Egypt.")
                    .claim("sale", "NASAMS sale")
                    .time("July", "2025-07")
                    .entity("Egypt", EntityKind::Gpe, "recipient")
                    .entity("NASAMS", EntityKind::Product)
                    .build());
  const auto facts = store->facts({});
  REQUIRE(facts.size() == 1);
  CHECK(facts[0].current().time->value == "2025-07-24");
  CHECK(facts[0].current().sources.size() == 2);
}

TEST_CASE("different amounts for the same sale at the same time are a contradiction with both sources") {
  TempStore store;
  store->ingest(nasams_first());
  store->ingest(nasams_second(5.9e9, "$5.9 billion"));
  const auto facts = store->facts({"", true});
  REQUIRE(facts.size() == 1);
  REQUIRE(facts[0].contradictions.size() == 1);
  const Contradiction& c = facts[0].contradictions[0];
  CHECK(c.about == "amount");
  CHECK(c.first.outlet == "Gulf Wire");
  CHECK(c.second.outlet == "Cairo Ledger");
  CHECK(c.first_value == "$4.67bn");
  CHECK(c.second_value == "$5.9 billion");
  CHECK(store->counts().contradictions == 1);
  // By entity too (case-insensitive); an entity the disputed fact does not name has none.
  CHECK(store->facts({"egypt", true}).size() == 1);
  CHECK(store->facts({"Brazil", true}).empty());
}

TEST_CASE("same-day reports giving different days for an event that occurred contradict") {
  TempStore store;
  auto report = [](const char* outlet, const char* words, const char* day) {
    return Article(outlet, "2025-06-12")
        .sentence(fmt::format("Port workers in Valmora ended their strike on {}.", words))
        .claim("strike", "Valmora port strike")
        .time(words, day)
        .entity("Valmora", EntityKind::Gpe)
        .build();
  };
  store->ingest(report("Harbour Daily", "Tuesday", "2025-06-10"));
  store->ingest(report("Coast Radio", "Wednesday", "2025-06-11"));
  const auto facts = store->facts({"", true});
  REQUIRE(facts.size() == 1);
  REQUIRE(facts[0].contradictions.size() == 1);
  CHECK(facts[0].contradictions[0].about == "time");
  CHECK(facts[0].contradictions[0].first_value == "2025-06-10");
  CHECK(facts[0].contradictions[0].second_value == "2025-06-11");
  // The disputed report is not counted as a source of the value it disputes.
  CHECK(facts[0].current().sources.size() == 1);
}

TEST_CASE("the same predicate about other things stays apart") {
  TempStore store;
  store->ingest(nasams_first());
  store->ingest(Article("Gulf Wire", "2025-07-26")
                    .sentence("Egypt also signed a deal for 12 F-16 jets on Friday.")
                    .claim("sale", "F-16 sale")
                    .time("Friday", "2025-07-25")
                    .entity("Egypt", EntityKind::Gpe, "recipient")
                    .entity("F-16", EntityKind::Product)
                    .build());
  store->ingest(Article("Gulf Wire", "2025-07-26")
                    .sentence("A court in Egypt ruled on the NASAMS contract on Friday.")
                    .claim("ruling", "NASAMS sale")
                    .time("Friday", "2025-07-25")
                    .entity("Egypt", EntityKind::Gpe)
                    .build());
  CHECK(store->facts({}).size() == 3);
}

TEST_CASE("an undated report of the same fact adds a source to its current value") {
  TempStore store;
  store->ingest(nasams_first());
  store->ingest(Article("Desk Notes", "2025-07-28")
                    .sentence("The NASAMS sale to Egypt was approved, officials said.")
                    .claim("approval", "NASAMS sale")
                    .entity("Egypt", EntityKind::Gpe, "recipient")
                    .attribution("officials")
                    .build());
  const auto facts = store->facts({});
  REQUIRE(facts.size() == 1);
  REQUIRE(facts[0].current().sources.size() == 2);
  CHECK(facts[0].current().sources[1].attribution == std::optional<std::string>("officials"));
}

TEST_CASE("a topic named after a country most texts name does not make two companies' deadlines one fact") {
  TempStore store;
  // Three texts naming Valdoria: it is now in most of the store, like "US" in US news.
  for (const char* outlet : {"Metro Post", "Tech Ledger", "Evening Star"}) {
    store->ingest(Article(outlet, "2025-03-01")
                      .sentence(fmt::format("{} reports that Valdoria held trade talks on Monday.", outlet))
                      .claim("talks", "trade talks")
                      .time("Monday", "2025-02-24")
                      .entity("Valdoria", EntityKind::Gpe)
                      .build());
  }
  auto deadline = [](const char* company, const char* words, const char* value) {
    return Article("Metro Post", "2025-03-10")
        .sentence(fmt::format("{} must sell its app to a buyer outside Valdoria by {}.", company, words))
        .claim("deadline", "Valdoria sale", ClaimStatus::Scheduled)
        .time(words, value)
        .entity(company, EntityKind::Org, "agent")
        .entity("Valdoria", EntityKind::Gpe)
        .build();
  };
  store->ingest(deadline("Kestrel Apps", "June 3", "2025-06-03"));
  store->ingest(deadline("Orbit Media", "July 9", "2025-07-09"));
  std::vector<Fact> deadlines;
  for (auto& f : store->facts({})) {
    if (f.predicate == "deadline") deadlines.push_back(f);
  }
  REQUIRE(deadlines.size() == 2);
  CHECK(deadlines[0].history.size() == 1);
  CHECK(deadlines[1].history.size() == 1);
}

TEST_CASE("statements naming nothing are not merged with another article's fact") {
  TempStore store;
  store->ingest(Article("Metro Post", "2025-05-01")
                    .sentence("The original deadline was June 3.")
                    .claim("deadline", "deadline", ClaimStatus::Scheduled)
                    .time("June 3", "2025-06-03")
                    .build());
  store->ingest(Article("Tech Ledger", "2025-05-20")
                    .sentence("The original deadline was July 9.")
                    .claim("deadline", "deadline", ClaimStatus::Scheduled)
                    .time("July 9", "2025-07-09")
                    .build());
  const auto facts = store->facts({});
  REQUIRE(facts.size() == 2);
  CHECK(facts[0].history.size() == 1);
  CHECK(facts[1].history.size() == 1);
}
