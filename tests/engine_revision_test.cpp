// Revisions: a scheduled fact given a new time by a later report is one fact with its history,
// linked EXTENDS (later) or SUPERSEDES, the old values superseded; undated revisions are notes.

#include "engine_fixtures.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace engine_test;

namespace {

const Link* find_link(const std::vector<Link>& links, LinkKind kind) {
  auto it = std::find_if(links.begin(), links.end(), [&](const Link& l) { return l.kind == kind; });
  return it == links.end() ? nullptr : &*it;
}

}  // namespace

TEST_CASE("a deadline moved twice by later reports is one fact with three values") {
  TempStore store;
  store->ingest(deadline_report("Metro Post", "2025-01-05", "January 19", "2025-01-19"));
  store->ingest(deadline_report("Tech Ledger", "2025-01-21", "April 5", "2025-04-05"));
  store->ingest(deadline_report("Metro Post", "2025-04-03", "June 19", "2025-06-19"));
  const auto facts = store->facts({});
  REQUIRE(facts.size() == 1);
  const Fact& f = facts[0];
  CHECK(history_values(f) == std::vector<std::string>{"2025-01-19", "2025-04-05", "2025-06-19"});
  CHECK(f.history[0].status == ClaimStatus::Superseded);
  CHECK(f.history[1].status == ClaimStatus::Superseded);
  CHECK(f.status() == ClaimStatus::Scheduled);
  // Who reported each value, and when.
  CHECK(outlets_of(f.history[0]) == std::vector<std::string>{"Metro Post"});
  CHECK(f.history[1].sources.at(0).published.value == "2025-01-21");
  CHECK(store->counts().links == 2);  // 04-05 EXTENDS 01-19, 06-19 EXTENDS 04-05
}

TEST_CASE("the history is ordered by when values were reported, whatever the ingest order") {
  TempStore store;
  store->ingest(deadline_report("Metro Post", "2025-04-03", "June 19", "2025-06-19"));
  store->ingest(deadline_report("Metro Post", "2025-01-05", "January 19", "2025-01-19"));
  store->ingest(deadline_report("Tech Ledger", "2025-01-21", "April 5", "2025-04-05"));
  const auto facts = store->facts({});
  REQUIRE(facts.size() == 1);
  CHECK(history_values(facts[0]) == std::vector<std::string>{"2025-01-19", "2025-04-05", "2025-06-19"});
}

TEST_CASE("a deadline brought forward is linked SUPERSEDES, not EXTENDS") {
  TempStore store;
  store->ingest(deadline_report("Metro Post", "2025-03-01", "June 30", "2025-06-30"));
  store->ingest(deadline_report("Metro Post", "2025-03-20", "May 15", "2025-05-15"));
  const auto timelines = store->timelines({});
  REQUIRE(timelines.size() == 1);
  const Link* link = find_link(timelines[0].links, LinkKind::Supersedes);
  REQUIRE(link);
  CHECK(link->from == link->to);
  CHECK(link->from_value == std::optional<std::size_t>(1));
  CHECK(link->to_value == std::optional<std::size_t>(0));
  CHECK_FALSE(find_link(timelines[0].links, LinkKind::Extends));
}

TEST_CASE("one report with the original deadline and the new one, an undated extension is a note") {
  TempStore store;
  store->ingest(Article("Metro Post", "2025-07-18")
                    .sentence("Lumio's owner is under pressure to divest the app by September 17.")
                    .claim("deadline", "Lumio divestment", ClaimStatus::Scheduled)
                    .time("September 17", "2025-09-17")
                    .entity("Lumio", EntityKind::Org)
                    .sentence("The original deadline set in law was January 19.")
                    .claim("deadline", "Lumio divestment", ClaimStatus::Scheduled)
                    .time("January 19", "2025-01-19")
                    .entity("Lumio", EntityKind::Org)
                    .sentence("The president has since extended it twice more.")
                    .claim("extension", "", ClaimStatus::Occurred)
                    .entity("Ana Ruiz", EntityKind::Person, "agent")
                    .build());
  const auto facts = store->facts({});
  REQUIRE(facts.size() == 1);
  const Fact& f = facts[0];
  CHECK(history_values(f) == std::vector<std::string>{"2025-01-19", "2025-09-17"});
  CHECK(f.history[0].status == ClaimStatus::Superseded);
  REQUIRE(f.revision_notes.size() == 1);
  CHECK(f.revision_notes[0] == "The president has since extended it twice more.");

  SECTION("upcoming lists the current value only") {
    const auto ahead = store->upcoming({parse_iso_date("2025-07-25"), 90});
    REQUIRE(ahead.size() == 1);
    CHECK(ahead[0].time()->value == "2025-09-17");
    CHECK(store->upcoming({parse_iso_date("2025-01-10"), 30}).empty());
  }
}

TEST_CASE("a dated extension is its own fact, linked EXTENDS to the deadline it moved") {
  TempStore store;
  store->ingest(deadline_report("Metro Post", "2025-01-05", "January 19", "2025-01-19"));
  store->ingest(Article("Tech Ledger", "2025-01-21")
                    .sentence("On January 20 the president extended the Lumio deadline by executive order.")
                    .claim("extension", "Lumio divestment")
                    .time("January 20", "2025-01-20")
                    .entity("Lumio", EntityKind::Org)
                    .build());
  const auto timelines = store->timelines({});
  REQUIRE(timelines.size() == 1);
  const Timeline& t = timelines[0];
  REQUIRE(t.facts.size() == 2);
  const Fact* extension = fact_with_predicate(t.facts, "extension");
  const Fact* deadline = fact_with_predicate(t.facts, "deadline");
  REQUIRE(extension);
  REQUIRE(deadline);
  const Link* link = find_link(t.links, LinkKind::Extends);
  REQUIRE(link);
  CHECK(link->from == extension->id);
  CHECK(link->to == deadline->id);
}

TEST_CASE("an extension to a new date is the deadline's new value: the original one is not upcoming") {
  // The sentence order of a typical brief: the extension first, the original deadline after it,
  // which the extractor sees as scheduled like any other deadline.
  TempStore store;
  store->ingest(Article("Harbour Gazette", "2025-05-12")
                    .sentence("The port authority has extended the deadline for ferry bids by three weeks, to June 20.")
                    .claim("extension", "deadline", ClaimStatus::Scheduled)
                    .also("deadline")
                    .time("June 20", "2025-06-20")
                    .sentence("The original deadline was May 30.")
                    .claim("deadline", "deadline", ClaimStatus::Scheduled)
                    .time("May 30", "2025-05-30")
                    .build());
  const auto facts = store->facts({});
  REQUIRE(facts.size() == 1);
  CHECK(facts[0].predicate == "deadline");
  CHECK(history_values(facts[0]) == std::vector<std::string>{"2025-05-30", "2025-06-20"});
  CHECK(facts[0].history[0].status == ClaimStatus::Superseded);
  const auto ahead = store->upcoming({parse_iso_date("2025-05-12"), 60});
  REQUIRE(ahead.size() == 1);
  CHECK(ahead[0].time()->value == "2025-06-20");
  const auto timelines = store->timelines({});
  REQUIRE(timelines.size() == 1);
  const Link* link = find_link(timelines[0].links, LinkKind::Extends);
  REQUIRE(link);
  CHECK(link->from_value == std::optional<std::size_t>(1));
  CHECK(link->to_value == std::optional<std::size_t>(0));
}

TEST_CASE("a later report that the deadline was extended to a date moves the deadline") {
  TempStore store;
  store->ingest(deadline_report("Metro Post", "2025-01-05", "January 19", "2025-01-19"));
  store->ingest(Article("Tech Ledger", "2025-01-16")
                    .sentence("The president will extend the Lumio deadline to April 5, aides said.")
                    .claim("extension", "Lumio divestment", ClaimStatus::Planned)
                    .time("April 5", "2025-04-05")
                    .entity("Lumio", EntityKind::Org)
                    .build());
  const auto facts = store->facts({});
  REQUIRE(facts.size() == 1);
  CHECK(history_values(facts[0]) == std::vector<std::string>{"2025-01-19", "2025-04-05"});
  const auto ahead = store->upcoming({parse_iso_date("2025-01-16"), 120});
  REQUIRE(ahead.size() == 1);
  CHECK(ahead[0].time()->value == "2025-04-05");
}

TEST_CASE("the same deadline re-reported later adds a source to its value, not a revision") {
  TempStore store;
  store->ingest(deadline_report("Metro Post", "2025-01-05", "January 19", "2025-01-19"));
  store->ingest(deadline_report("Tech Ledger", "2025-01-21", "April 5", "2025-04-05"));
  store->ingest(deadline_report("Evening Star", "2025-02-02", "April 5", "2025-04-05"));
  const auto facts = store->facts({});
  REQUIRE(facts.size() == 1);
  CHECK(history_values(facts[0]) == std::vector<std::string>{"2025-01-19", "2025-04-05"});
  CHECK(outlets_of(facts[0].current()) == std::vector<std::string>{"Tech Ledger", "Evening Star"});
}
