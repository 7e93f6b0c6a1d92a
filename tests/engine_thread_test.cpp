// Story threads: facts that share entities and topic form one timeline with a short title, and
// entities every story names ("United States") never pull the stories into one thread.

#include "engine_fixtures.h"

#include <catch2/catch.hpp>

#include <map>
#include <set>

using namespace engine_test;

namespace {

struct Story {
  const char* topic;
  const char* place;
  const char* company;
};

// Eight unrelated stories, five reports each, every one naming the United States and China.
const Story kStories[] = {
    {"Orvel mine expansion", "Kestria", "Orvel Mining"},     {"Dantic port lease", "Sarnia Bay", "Dantic Lines"},
    {"Pellam rail strike", "Pellam", "Pellam Rail"},         {"Tovex drug recall", "Lunara", "Tovex Pharma"},
    {"Halvik dam inquiry", "Halvik", "Nordhydro"},           {"Brightwave merger", "Ostera", "Brightwave"},
    {"Quell airline fine", "Marovia", "Quell Air"},          {"Ferrin steel tariff", "Ferrin", "Ferrin Steel"},
};

Extraction report(const Story& s, int n) {
  const std::string day = fmt::format("2025-0{}-1{}", 1 + n, n);
  return Article(fmt::format("Outlet {}", n), day)
      .sentence(fmt::format("{} said on {} that the {} in {} would go ahead, after talks with the United States and China.",
                            s.company, day, s.topic, s.place))
      .claim(n % 2 ? "statement" : "approval", n == 0 ? s.topic : "")
      .time(day, day)
      .entity(s.company, EntityKind::Org, "agent")
      .entity(s.place, EntityKind::Gpe)
      .entity("United States", EntityKind::Gpe)
      .entity("China", EntityKind::Gpe)
      .build();
}

}  // namespace

TEST_CASE("frequent entities do not merge unrelated stories into one thread") {
  TempStore store;
  for (int n = 0; n < 5; ++n) {
    for (const auto& s : kStories) store->ingest(report(s, n));
  }
  const auto timelines = store->timelines({});
  CHECK(timelines.size() == std::size(kStories));
  std::set<std::string> titles;
  for (const auto& t : timelines) {
    titles.insert(t.title);
    // Each thread holds one story: every fact names the same company.
    std::set<std::string> companies;
    for (const auto& f : t.facts) {
      for (const auto& e : f.entities) {
        if (e.role == "agent") companies.insert(e.name);
      }
    }
    CHECK(companies.size() == 1);
    CHECK(t.facts.size() == 5);
  }
  CHECK(titles.count("Orvel mine expansion") == 1);
  CHECK(titles.count("Ferrin steel tariff") == 1);
  // Querying by the frequent entity finds every thread it appears in, but they stay apart.
  CHECK(store->timelines({"", "united states", {}, {}}).size() == std::size(kStories));
  CHECK(store->timelines({"", "Kestria", {}, {}}).size() == 1);
}

TEST_CASE("a story's background facts join its thread, titled by the story's topic") {
  TempStore store;
  store->ingest(Article("Metro Post", "2025-07-18")
                    .sentence("Lumio may come up in trade talks with Varn next week, Commerce Secretary Ida Holt said.")
                    .claim("talks", "Varn trade talks", ClaimStatus::Scheduled)
                    .time("next week", "2025-W30")
                    .entity("Lumio", EntityKind::Org)
                    .entity("Varn", EntityKind::Gpe, "agent")
                    .sentence("Lumio's owner Bytewise must divest the app by September 17.")
                    .claim("deadline", "Lumio divestment", ClaimStatus::Scheduled)
                    .time("September 17", "2025-09-17")
                    .entity("Bytewise", EntityKind::Org, "agent")
                    .entity("Lumio", EntityKind::Org)
                    .sentence("The original deadline for the Lumio divestment was January 19.")
                    .claim("deadline", "Lumio divestment", ClaimStatus::Scheduled)
                    .time("January 19", "2025-01-19")
                    .sentence("The supreme court upheld the divestment law in January.")
                    .claim("ruling", "Lumio divestment")
                    .time("January", "2025-01")
                    .entity("Supreme Court", EntityKind::Org, "agent")
                    .sentence("Last year the president signed the sale-or-ban law.")
                    .claim("signing", "sale-or-ban law")
                    .time("Last year", "2024")
                    .entity("Gil Marsh", EntityKind::Person, "agent")
                    .sentence("Varn restricted exports of Lumio's algorithm in 2020, killing a deal with Bytewise.")
                    .mention("Lumio", EntityKind::Org)
                    .claim("restriction", "export controls")
                    .time("2020", "2020")
                    .entity("Varn", EntityKind::Gpe, "agent")
                    .entity("Bytewise", EntityKind::Org)
                    .build());
  store->ingest(Article("Evening Star", "2025-08-02")
                    .sentence("Lumio's divestment deadline of September 17 stands, Bytewise was told.")
                    .claim("deadline", "Lumio divestment", ClaimStatus::Scheduled)
                    .time("September 17", "2025-09-17")
                    .entity("Bytewise", EntityKind::Org)
                    .entity("Lumio", EntityKind::Org)
                    .build());
  store->ingest(Article("Evening Star", "2025-08-02")
                    .sentence("Ostera opened a new bridge on Friday.")
                    .claim("opening", "Ostera bridge")
                    .time("Friday", "2025-08-01")
                    .entity("Ostera", EntityKind::Gpe)
                    .build());
  const auto timelines = store->timelines({"lumio", "", {}, {}});
  REQUIRE(timelines.size() == 1);
  CHECK(timelines[0].title == "Lumio divestment");
  CHECK(timelines[0].facts.size() == 5);
  CHECK(store->counts().timelines == 2);
}

TEST_CASE("a sale thread names its recipient") {
  TempStore store;
  store->ingest(Article("Gulf Wire", "2025-07-25")
                    .sentence("The State Department approved the possible sale of NASAMS to Egypt on Thursday.")
                    .claim("approval", "NASAMS sale")
                    .time("Thursday", "2025-07-24")
                    .entity("US State Department", EntityKind::Org, "agent")
                    .entity("Egypt", EntityKind::Gpe, "recipient")
                    .build());
  const auto timelines = store->timelines({});
  REQUIRE(timelines.size() == 1);
  CHECK(timelines[0].title == "NASAMS sale to Egypt");
}

namespace {

// Background: two reports of each of the eight stories above, so that the names of the two
// stories below are rare in the store (a name in more than a quarter of all texts counts for
// nothing in threading).
void ingest_background(Store& store) {
  for (int n = 0; n < 2; ++n) {
    for (const auto& s : kStories) store.ingest(report(s, n));
  }
}

// Two stories that turn out to be one: a mine expansion, and a water permit the mine needs.
void ingest_mine_story(Store& store) {
  for (int n = 0; n < 3; ++n) {
    const std::string day = fmt::format("2025-02-0{}", 2 + n);
    store.ingest(Article(fmt::format("Mine Desk {}", n), day)
                     .sentence(fmt::format("Tarsel approved the Brannock quarry expansion by Brannock Minerals on {} ({}).", day, n))
                     .claim(n == 0 ? "approval" : n == 1 ? "statement" : "investment", "Brannock quarry expansion")
                     .time(day, day)
                     .entity("Brannock Minerals", EntityKind::Org, "agent")
                     .entity("Tarsel", EntityKind::Gpe)
                     .build());
  }
}

void ingest_permit_story(Store& store) {
  for (int n = 0; n < 2; ++n) {
    const std::string day = fmt::format("2025-03-1{}", n);
    store.ingest(Article(fmt::format("River Desk {}", n), day)
                     .sentence(fmt::format("The Halvar Water Board reviewed the Sable Creek permit on {} ({}).", day, n))
                     .claim(n == 0 ? "review" : "statement", "Sable Creek permit")
                     .time(day, day)
                     .entity("Halvar Water Board", EntityKind::Org, "agent")
                     .entity("Sable Creek", EntityKind::Gpe)
                     .build());
  }
}

// The article that ties them: the permit is the mine's, with both stories' names and topics.
Extraction linking_article(bool with_topics) {
  return Article("Mining Weekly", "2025-04-02")
      .sentence("The Halvar Water Board will sign the Sable Creek permit for Brannock Minerals' quarry in Tarsel on May 2.")
      .claim("signing", with_topics ? "Sable Creek permit" : "", ClaimStatus::Scheduled)
      .time("May 2", "2025-05-02")
      .entity("Halvar Water Board", EntityKind::Org, "agent")
      .entity("Sable Creek", EntityKind::Gpe)
      .entity("Brannock Minerals", EntityKind::Org)
      .entity("Tarsel", EntityKind::Gpe)
      .sentence("Without it the Brannock quarry expansion cannot start in June.")
      .claim("launch", with_topics ? "Brannock quarry expansion" : "", ClaimStatus::Scheduled)
      .time("June", "2025-06")
      .entity("Brannock Minerals", EntityKind::Org)
      .entity("Tarsel", EntityKind::Gpe)
      .entity("Sable Creek", EntityKind::Gpe)
      .build();
}

const Timeline* thread_naming(const std::vector<Timeline>& timelines, const std::string& entity) {
  for (const auto& t : timelines) {
    for (const auto& f : t.facts) {
      for (const auto& e : f.entities) {
        if (e.name == entity) return &t;
      }
    }
  }
  return nullptr;
}

}  // namespace

TEST_CASE("a later article naming both stories' names and topics merges their threads") {
  TempStore store;
  ingest_background(*store);
  ingest_mine_story(*store);
  ingest_permit_story(*store);
  const std::int64_t before = store->counts().timelines;
  {
    const auto timelines = store->timelines({});
    const Timeline* mine = thread_naming(timelines, "Brannock Minerals");
    const Timeline* permit = thread_naming(timelines, "Halvar Water Board");
    REQUIRE(mine);
    REQUIRE(permit);
    REQUIRE(mine->id != permit->id);  // two threads until something ties them
  }
  store->ingest(linking_article(true));
  CHECK(store->counts().timelines == before - 1);
  const auto timelines = store->timelines({});
  const Timeline* mine = thread_naming(timelines, "Brannock Minerals");
  REQUIRE(mine);
  CHECK(mine == thread_naming(timelines, "Halvar Water Board"));
  CHECK(mine->facts.size() == 7);  // three mine facts, two permit facts, the two new ones
  // The older thread is kept, titled by the named topic most of its facts state.
  CHECK(mine->title == "Brannock quarry expansion");
  // Each story's words, entities and topics now find the one thread.
  for (const std::string topic : {"sable creek", "brannock"}) {
    const auto found = store->timelines({topic, "", {}, {}});
    REQUIRE(found.size() == 1);
    CHECK(found[0].id == mine->id);
  }
  for (const std::string entity : {"Halvar Water Board", "Brannock Minerals"}) {
    const auto found = store->timelines({"", entity, {}, {}});
    REQUIRE(found.size() == 1);
    CHECK(found[0].id == mine->id);
  }
  // The other stories are untouched.
  CHECK(store->timelines({"", "Kestria", {}, {}}).size() == 1);
  CHECK(store->timelines({"", "Pellam Rail", {}, {}}).size() == 1);
}

TEST_CASE("shared names without a shared topic do not merge threads") {
  TempStore store;
  ingest_background(*store);
  ingest_mine_story(*store);
  ingest_permit_story(*store);
  const std::int64_t before = store->counts().timelines;
  store->ingest(linking_article(false));
  CHECK(store->counts().timelines == before);
  const auto timelines = store->timelines({});
  CHECK(thread_naming(timelines, "Brannock Minerals") != thread_naming(timelines, "Halvar Water Board"));
}

TEST_CASE("a thread is titled by what lies ahead rather than by the agreement that led to it") {
  TempStore store;
  store->ingest(Article("Harbour Post", "2025-03-14")
                    .sentence("Tovarin Port and its dockers agreed on Friday to extend the contract deadline from March 31 "
                              "to April 30.")
                    .claim("agreement", "Tovarin Port agreement")
                    .time("Friday", "2025-03-14")
                    .entity("Tovarin Port", EntityKind::Org, "participant")
                    .claim("deadline", "Tovarin Port contract", ClaimStatus::Superseded)
                    .time("March 31", "2025-03-31")
                    .entity("Tovarin Port", EntityKind::Org, "agent")
                    .claim("extension", "Tovarin Port contract", ClaimStatus::Scheduled)
                    .also("deadline")
                    .time("April 30", "2025-04-30")
                    .entity("Tovarin Port", EntityKind::Org, "agent")
                    .build());
  const auto timelines = store->timelines({});
  REQUIRE(timelines.size() == 1);
  CHECK(timelines[0].title == "Tovarin Port contract");
  // One deadline with its history, not a deadline on March 31 beside one on April 30.
  const auto upcoming = store->upcoming({Date(2025, 3, 14), 90});
  REQUIRE(upcoming.size() == 1);
  REQUIRE(upcoming[0].history.size() == 2);
  CHECK(upcoming[0].history[0].status == ClaimStatus::Superseded);
  CHECK(upcoming[0].history[0].time->value == "2025-03-31");
  CHECK(upcoming[0].history[1].time->value == "2025-04-30");
}

// A nameless topic ("bids deadline") takes the document's main name only when the fact's own
// sentence speaks of it: a bidder named further down does not own the ministry's deadline, but
// "the two dock unions" are the union the article names.
TEST_CASE("a nameless topic is titled with the document's main name only when its sentence speaks of it") {
  TempStore store;
  store->ingest(Article("Harbour Post", "2025-10-16")
                    .sentence("The ministry extended the deadline for bids to run the ferry line to November 14.")
                    .claim("extension", "bids deadline", ClaimStatus::Scheduled)
                    .also("deadline")
                    .time("November 14", "2025-11-14")
                    .sentence("A group led by Marrow Shipping is expected to bid.")
                    .mention("Marrow Shipping", EntityKind::Org)
                    .build());
  store->ingest(Article("Dock News", "2025-10-14")
                    .sentence("Leaders of the two dock unions will meet the operators next Tuesday.")
                    .claim("meeting", "meeting", ClaimStatus::Scheduled)
                    .time("next Tuesday", "2025-10-21")
                    .sentence("The Varne Dock Workers Union said it wanted written guarantees.")
                    .mention("Varne Dock Workers Union", EntityKind::Org)
                    .build());
  std::set<std::string> titles;
  for (const auto& t : store->timelines({})) titles.insert(t.title);
  CHECK(titles.count("Bids deadline") == 1);
  CHECK(titles.count("Varne Dock Workers Union meeting") == 1);
  CHECK(titles.size() == 2);
}
