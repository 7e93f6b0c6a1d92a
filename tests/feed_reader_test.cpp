// The feed reader on RSS 2.0, RSS 1.0 and Atom feeds written for these tests: one article per
// item, HTML inside items read by the HTML reader, dates from the item, then the feed, then
// --dct; bad items reported and skipped; malformed XML an error with its line.

#include <dateline/read.h>

#include <catch2/catch.hpp>
#include <string>

#include "reader_fixtures.h"

using namespace dateline;
using dateline::test::fixture;
using dateline::test::WarningLog;

namespace {

std::vector<Document> read_fixture_feed(const std::string& name, const ReadOptions& options) {
  const std::string path = fixture(name);
  return read_feed(read_file(path), path, options);
}

}  // namespace

TEST_CASE("rss: each item is an article with title, link, date, byline and its HTML as text") {
  WarningLog log;
  auto docs = read_fixture_feed("feed-rss.xml", log.options("2020-01-01"));
  REQUIRE(docs.size() == 4);

  CHECK(docs[0].title == "Reservoir levels fall to 41 per cent after dry March");
  CHECK(docs[0].url == "https://courier.example/reservoir");
  CHECK(docs[0].source == "Valley Courier");
  CHECK(docs[0].byline == "Amira Haddad");  // dc:creator
  CHECK(docs[0].published.value == "2025-04-10");
  CHECK(docs[0].published_source == PublishedSource::Stated);
  // content:encoded wins over description; its "Read more" link paragraph is dropped.
  CHECK(docs[0].text ==
        "Reservoir levels in the valley fell to 41 per cent on Wednesday, the water board said, after the driest "
        "March since 2011.\n\nThe board will decide on April 24 whether to restrict garden watering from May 1.");

  // Escaped HTML in <description> is decoded, then read as HTML.
  CHECK(docs[1].text ==
        "The valley music festival will move to August 15-17 this year, organisers said on Friday.\n\n"
        "Tickets bought for the July dates remain valid.");
  CHECK(docs[1].byline == "Jonas Berg");  // from "events@courier.example (Jonas Berg)"
  CHECK(docs[1].published.value == "2025-04-11");

  // An item with an empty body keeps its title, with empty text (as a title-only text page).
  CHECK(docs[2].title == "Photo gallery: spring lambs at Hill Farm");
  CHECK(docs[2].text.empty());
  CHECK(docs[2].sentences.empty());
  CHECK(docs[2].published.value == "2025-04-12");  // RFC 822 without weekday or seconds

  // An unreadable pubDate falls back to the channel's date, as assumed.
  CHECK(docs[3].title == "Market hall to close for refit");
  CHECK(docs[3].published.value == "2025-04-12");
  CHECK(docs[3].published_source == PublishedSource::Assumed);

  // The item with neither title nor text, and the unreadable date, are reported with lines.
  REQUIRE(log.warnings.size() == 2);
  CHECK(log.warnings[0].line() == std::optional<std::uint64_t>(33));
  CHECK(log.warnings[0].reason().find("neither title nor text") != std::string::npos);
  CHECK(log.warnings[1].reason().find("sometime next week") != std::string::npos);
  for (const Document& d : docs) {
    CHECK(d.file == fixture("feed-rss.xml"));
    CHECK(d.id == document_id(d.source, d.text));
  }
}

TEST_CASE("atom: html, xhtml and text content, published before updated, the feed date last") {
  WarningLog log;
  auto docs = read_fixture_feed("feed-atom.xml", log.options());
  REQUIRE(docs.size() == 3);
  CHECK(docs[0].title == "Timetable change delayed to September");
  CHECK(docs[0].url == "https://rail.example/timetable");  // rel=alternate, not rel=edit
  CHECK(docs[0].byline == "Sofia Marin");
  CHECK(docs[0].source == "Northern Rail Watch");
  CHECK(docs[0].published.value == "2025-06-28");
  CHECK(docs[0].text ==
        "The new timetable, due on July 6, will now start on September 14, the operator said on Saturday.");

  CHECK(docs[1].url == "https://rail.example/lifts");
  CHECK(docs[1].published.value == "2025-06-27");  // only <updated>
  CHECK(docs[1].text ==
        "All four lifts at Central station are working again after repairs that began on June 2.\n\n"
        "The operator apologised for the delay.");

  // Plain-text summary: paragraphs at blank lines, line breaks inside one joined.
  CHECK(docs[2].text == "The fare freeze will last until March 2026.\n\nSeason tickets are included.");
  CHECK(docs[2].published.value == "2025-06-30");
  CHECK(docs[2].published_source == PublishedSource::Assumed);
  CHECK(log.warnings.empty());
}

TEST_CASE("feeds: a feed with no dates anywhere takes --dct, or leaves the date unknown") {
  WarningLog log;
  auto with_dct = read_fixture_feed("feed-no-dates.xml", log.options("2025-12-01"));
  REQUIRE(with_dct.size() == 2);
  for (const Document& d : with_dct) {
    CHECK(d.published.value == "2025-12-01");
    CHECK(d.published_source == PublishedSource::Assumed);
  }
  auto without = read_fixture_feed("feed-no-dates.xml", log.options());
  REQUIRE(without.size() == 2);
  for (const Document& d : without) {
    CHECK(d.published.value.empty());
    CHECK(d.published_source == PublishedSource::Unknown);
  }
  CHECK(without[0].text == "The library's new wing opens on Monday with 20,000 books.");
  CHECK(log.warnings.empty());
}

TEST_CASE("feeds: an ISO-8859-1 feed is converted from its XML declaration") {
  auto docs = read_fixture_feed("feed-latin1.xml", {});
  REQUIRE(docs.size() == 1);
  CHECK(docs[0].title == "Caf\u00e9 du quai ferm\u00e9 jusqu'au 3 mars");
  CHECK(docs[0].source == "La Gazette du Port");
  CHECK(docs[0].published.value == "2025-02-17");
  CHECK(docs[0].text.find("The caf\u00e9 on the quay will stay closed until March 3.") != std::string::npos);
}

TEST_CASE("feeds: RSS 1.0 (RDF) items are read too") {
  const std::string rdf =
      "<?xml version=\"1.0\"?>\n"
      "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://purl.org/rss/1.0/\" "
      "xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
      "<channel><title>Old Style</title></channel>\n"
      "<item><title>Dam inspection</title><link>https://old.example/dam</link>"
      "<dc:date>2025-01-09T10:00:00Z</dc:date><dc:creator>R. Osei</dc:creator>"
      "<description>The dam will be inspected on January 20.</description></item>\n"
      "</rdf:RDF>\n";
  auto docs = read_feed(rdf, "old.rdf", {});
  REQUIRE(docs.size() == 1);
  CHECK(docs[0].source == "Old Style");
  CHECK(docs[0].byline == "R. Osei");
  CHECK(docs[0].published.value == "2025-01-09");
  CHECK(docs[0].text == "The dam will be inspected on January 20.");
}

TEST_CASE("feeds: malformed XML is an error with the file, line and byte offset") {
  try {
    read_fixture_feed("malformed.xml", {});
    FAIL("expected an InputError");
  } catch (const InputError& e) {
    CHECK(e.file() == fixture("malformed.xml"));
    CHECK(e.line() == std::optional<std::uint64_t>(4));
    REQUIRE(e.offset());
    CHECK(*e.offset() > 100);
    CHECK(e.reason().find("malformed XML") != std::string::npos);
    CHECK(e.reason().find("descripton") != std::string::npos);
  }
  // Cut short: the parser names the end of the data.
  std::string feed = read_file(fixture("feed-rss.xml"));
  CHECK_THROWS_AS(read_feed(feed.substr(0, feed.size() / 2), "cut.xml", {}), InputError);
}

TEST_CASE("feeds: XML that is not a feed names its root element, and no outside entity is loaded") {
  try {
    read_fixture_feed("not-a-feed.xml", {});
    FAIL("expected an InputError");
  } catch (const InputError& e) {
    CHECK(e.reason().find("<catalog>") != std::string::npos);
  }
  // An external entity is neither fetched nor expanded.
  const std::string xxe =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY secret SYSTEM \"file:///etc/hostname\">]>\n"
      "<rss version=\"2.0\"><channel><title>T</title><item><title>Leak &secret;</title>"
      "<description>Body text on Monday.</description></item></channel></rss>\n";
  auto docs = read_feed(xxe, "xxe.xml", {});
  REQUIRE(docs.size() == 1);
  CHECK(docs[0].title == "Leak");
}
