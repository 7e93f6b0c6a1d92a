// The HTML page reader on pages written for these tests: metadata in its order of trust, the
// body by content density (navigation, ads, scripts, related lists and comments left out),
// declared encodings, broken markup; and the same article read as HTML and as plain text
// giving the same extraction.

#include <dateline/export.h>
#include <dateline/extract.h>
#include <dateline/read.h>
#include <rapidjson/document.h>

#include <catch2/catch.hpp>
#include <string>

#include "reader_fixtures.h"

using namespace dateline;
using dateline::test::fixture;

namespace {

Document read_page(const std::string& name, const ReadOptions& options = {}) {
  const std::string path = fixture(name);
  return read_html_page(read_file(path), path, options);
}

std::vector<std::string> paragraphs(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find("\n\n", start);
    out.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) break;
    start = end + 2;
  }
  return out;
}

// Removes document and claim ids (everything else must match).
void strip_ids(rapidjson::Value& v) {
  if (v.IsArray()) {
    for (auto& item : v.GetArray()) strip_ids(item);
  } else if (v.IsObject()) {
    v.RemoveMember("doc");
    v.RemoveMember("id");
    for (auto& member : v.GetObject()) strip_ids(member.value);
  }
}

}  // namespace

TEST_CASE("html: a news page gives its metadata from meta tags first") {
  Document d = read_page("ferry-contract.html", [] {
    ReadOptions o;
    o.dct = parse_iso_date("2020-01-01");
    return o;
  }());
  CHECK(d.title == "Ferry operator wins extension of island contract to September 30");
  // article:published_time (the 14th) outranks JSON-LD's datePublished (the 13th, in New York).
  CHECK(d.published.value == "2025-03-14");
  CHECK(d.published_source == PublishedSource::Stated);
  CHECK(d.source == "The Harbour Ledger");  // og:site_name over JSON-LD's publisher
  CHECK(d.byline == "Ines Okafor");
  CHECK(d.url == "https://ledger.example/transport/ferry-contract");
  CHECK(d.file == fixture("ferry-contract.html"));
  CHECK(d.id == document_id(d.source, d.text));
}

TEST_CASE("html: the body keeps the article's paragraphs and nothing around them") {
  Document d = read_page("ferry-contract.html");
  auto p = paragraphs(d.text);
  REQUIRE(p.size() == 4);
  CHECK(p[0].starts_with("The regional transport authority on Thursday extended Bluewater Ferries\u2019 contract"));
  CHECK(p[1] ==
        "The contract, worth $48.5 million a year, was due to expire on March 31. The authority said it "
        "would publish the new tender in May and choose a winner by the end of July.");
  CHECK(p[2].find("Its chief executive, Marta Lindqvist, said") != std::string::npos);  // inline link text kept
  CHECK(p[3].ends_with("the walkout had been called off."));
  for (const char* furniture :
       {"Advertisement", "cruises", "track(", "dataLayer", "font-family", "Share on", "Related stories", "Bus fares",
        "Comments", "About time", "Most read", "All rights reserved", "newsletter", "cookies", "do not remove",
        "Transport Correspondent", "14 March 2025", "News\n", "Ferry operator wins"}) {
    INFO(furniture);
    CHECK(d.text.find(furniture) == std::string::npos);
  }
  // One sentence span per sentence, none across a paragraph break.
  CHECK(d.sentences.size() == 7);
  for (const Span& s : d.sentences) CHECK(s.slice(d.text).find("\n\n") == std::string_view::npos);
}

TEST_CASE("html: without class names, link density and block scores still find the article") {
  Document d = read_page("plain-markup.html");
  CHECK(d.title == "Council approves library budget");  // from <title>; no meta tags
  CHECK(d.published_source == PublishedSource::Unknown);
  auto p = paragraphs(d.text);
  REQUIRE(p.size() == 3);
  CHECK(p[0].starts_with("The city council on Tuesday approved"));
  CHECK(p[2].starts_with("The head librarian, Tomas Reyes"));
  for (const char* outside : {"Home", "Road repairs", "More from the city", "Privacy", "Advertisement"}) {
    INFO(outside);
    CHECK(d.text.find(outside) == std::string::npos);
  }
}

TEST_CASE("html: JSON-LD in a @graph gives date, outlet, authors and URL, and a broken block is ignored") {
  Document d = read_page("jsonld-graph.html");
  CHECK(d.title == "Wind farm cleared to start building in June");  // headline over <title>
  CHECK(d.published.value == "2025-05-02");                         // datePublished over dateModified and <time>
  CHECK(d.source == "Coastal Energy Daily");  // the article's publisher, not the first Organization
  CHECK(d.byline == "Priya Nair and Leo Grant");
  CHECK(d.url == "https://energy.example/wind-farm");
  // The <time> dateline above the body is not article text.
  CHECK(d.text.starts_with("Planners approved the 40-turbine offshore wind farm on Friday"));
}

TEST_CASE("html: <time datetime> is the last resort for the date") {
  Document d = read_page("time-only.html");
  CHECK(d.published.value == "2025-08-21");
  CHECK(d.published_source == PublishedSource::Stated);
  CHECK(d.title == "Bridge reopens after repairs");
  CHECK(d.text.starts_with("The river bridge reopened"));  // the h1 repeating the title is left out
  CHECK(d.text.find("Posted") == std::string::npos);
}

TEST_CASE("html: a page without a date takes --dct as assumed") {
  ReadOptions o;
  o.dct = parse_iso_date("2025-11-02");
  Document d = read_page("plain-markup.html", o);
  CHECK(d.published.value == "2025-11-02");
  CHECK(d.published_source == PublishedSource::Assumed);
}

TEST_CASE("html: a Windows-1252 page declared by http-equiv is converted to UTF-8") {
  Document d = read_page("windows-1252.html");
  CHECK(d.title == "Caf\u00e9 owners win \u201cfair rent\u201d ruling");
  CHECK(
      d.text.find("the caf\u00e9 owners on Quay Street were charged an \u201cunfair\u201d rent rise of \u20ac1,200") !=
      std::string::npos);
  CHECK(d.text.find("the tribunal said \u2014 about \u20ac6,000") != std::string::npos);
  CHECK(d.published.value == "2025-02-10");
}

TEST_CASE("html: <meta charset> ISO-8859-1 is read as Windows-1252, as browsers do") {
  std::string page =
      "<html><head><meta charset=\"ISO-8859-1\"><title>Caf\xE9</title></head>"
      "<body><p>The caf\xE9 said \x93yes\x94 on Monday to a new lease until 2030.</p></body></html>";
  Document d = read_html_page(page, "latin1.html", {});
  CHECK(d.title == "Caf\u00e9");
  CHECK(d.text == "The caf\u00e9 said \u201cyes\u201d on Monday to a new lease until 2030.");
}

TEST_CASE("html: undeclared invalid UTF-8 is an error with its byte offset, and unknown encodings are named") {
  std::string page = "<html><body><p>Caf\xE9 prices rose.</p></body></html>";
  try {
    read_html_page(page, "bad.html", {});
    FAIL("expected an InputError");
  } catch (const InputError& e) {
    CHECK(e.file() == "bad.html");
    REQUIRE(e.offset());
    CHECK(*e.offset() == 18);
  }
  try {
    read_html_page("<html><head><meta charset=\"x-no-such-charset\"></head><body><p>Hi.</p></body></html>", "odd.html",
                   {});
    FAIL("expected an InputError");
  } catch (const InputError& e) {
    CHECK(std::string(e.what()).find("x-no-such-charset") != std::string::npos);
  }
  // A byte Windows-1252 leaves undefined (0x81) in a page declaring it.
  try {
    read_html_page("<html><head><meta charset=\"windows-1252\"></head><body><p>A\x81</p></body></html>", "w.html", {});
    FAIL("expected an InputError");
  } catch (const InputError& e) {
    REQUIRE(e.offset());
    CHECK(*e.offset() == 58);
  }
}

TEST_CASE("html: a truncated page gives what arrived, best effort") {
  Document d = read_page("truncated.html");
  CHECK(d.title == "Ferry operator wins extension of island contract to September 30");
  CHECK(d.published.value == "2025-03-14");
  CHECK(d.text.starts_with("The regional transport authority on Thursday"));
  CHECK(d.text.ends_with("was due"));
}

TEST_CASE("html: a page with neither title nor text is an input error") {
  CHECK_THROWS_AS(read_html_page("<html><head><script>var a = 1;</script></head><body><nav><a href=\"/\">Home</a></nav>"
                                 "</body></html>",
                                 "empty.html", {}),
                  InputError);
}

TEST_CASE("html: the same article saved as HTML and as plain text gives the same extraction") {
  ReadOptions o;
  const std::string html_path = fixture("ferry-contract.html");
  const std::string text_path = fixture("ferry-contract.txt");
  std::vector<Document> html = read_inputs({html_path}, o);
  std::vector<Document> text = read_inputs({text_path}, o);
  REQUIRE(html.size() == 1);
  REQUIRE(text.size() == 1);
  CHECK(html[0].text == text[0].text);
  CHECK(html[0].title == text[0].title);
  CHECK(html[0].published == text[0].published);
  CHECK(html[0].sentences == text[0].sentences);
  // Compared as the extract JSON prints them, less the document ids (the outlet differs: the
  // page names it, the text file does not, and the id hashes it).
  const std::string ja = extract_json({extract(html[0])});
  const std::string jb = extract_json({extract(text[0])});
  rapidjson::Document a;
  rapidjson::Document b;
  a.Parse(ja.c_str());
  b.Parse(jb.c_str());
  REQUIRE(!a.HasParseError());
  REQUIRE(!b.HasParseError());
  CHECK(a["timexes"].Size() >= 8);
  CHECK(a["amounts"].Size() >= 3);
  CHECK(a["entities"].Size() >= 1);
  CHECK(a["claims"].Size() >= 1);
  for (const char* key : {"timexes", "entities", "amounts", "claims"}) {
    INFO(key);
    strip_ids(a[key]);
    strip_ids(b[key]);
    CHECK(a[key] == b[key]);
  }
}

TEST_CASE("html: a body split around an ad slot is joined, the link blocks beside it are not") {
  Document d = read_page("split-body.html");
  CHECK(d.published.value == "2025-06-20");  // <meta name="pubdate">
  auto p = paragraphs(d.text);
  REQUIRE(p.size() == 4);
  CHECK(p[0].starts_with("The water board will ban the use of hosepipes from July 1"));
  CHECK(p[1].ends_with("a fine of up to $1,000."));
  CHECK(p[2].starts_with("A board spokeswoman said"));
  CHECK(p[3].starts_with("Farmers, hospitals and schools are exempt"));
  for (const char* outside : {"Summer sale", "Town hall clock", "Home", "High Street"}) {
    INFO(outside);
    CHECK(d.text.find(outside) == std::string::npos);
  }
}

TEST_CASE("html: a furniture word beside a content word does not hide the article") {
  // An opinion section's article ("comment" pieces) and a comment thread on the same page.
  const std::string page =
      "<html><head><title>Why the tram extension matters</title></head><body>"
      "<article class=\"story comment-piece\"><p>The tram extension approved on Monday will link the "
      "hospital to the station by 2028, and it deserves the council's full support.</p>"
      "<p>Critics say the $90 million budget is too high, but delays would cost more.</p></article>"
      "<section class=\"comment-thread\"><p>I disagree with every word of this, the money would be better "
      "spent on buses, which serve far more people every single day.</p></section></body></html>";
  Document d = read_html_page(page, "opinion.html", {});
  auto p = paragraphs(d.text);
  REQUIRE(p.size() == 2);
  CHECK(p[0].starts_with("The tram extension approved on Monday"));
  CHECK(p[1].starts_with("Critics say"));
}
