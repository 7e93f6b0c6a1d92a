// Inputs of every format side by side: the format is found from the content whatever the file
// is called, directories are read recursively in sorted order, and the date forms pages and
// feeds use are read (through JSON Lines, whose "published" takes all of them).

#include <dateline/read.h>

#include <catch2/catch.hpp>
#include <string>

#include "reader_fixtures.h"

using namespace dateline;
using dateline::test::fixture;
using dateline::test::ScratchDir;
using dateline::test::WarningLog;

TEST_CASE("detection: the content decides the reader, not the extension") {
  ScratchDir dir;
  // Each file carries the wrong extension for its content.
  const std::string html = dir.write("page.txt", read_file(fixture("ferry-contract.html")));
  const std::string feed = dir.write("feed.html", read_file(fixture("feed-atom.xml")));
  const std::string jsonl = dir.write("lines.xml", read_file(fixture("articles.jsonl")));
  const std::string text = dir.write("article.html", read_file(fixture("ferry-contract.txt")));
  CHECK(read_inputs({html}, {}).at(0).source == "The Harbour Ledger");
  CHECK(read_inputs({feed}, {}).size() == 3);
  CHECK(read_inputs({jsonl}, {}).size() == 3);
  auto t = read_inputs({text}, {});
  REQUIRE(t.size() == 1);
  CHECK(t[0].title == "Ferry operator wins extension of island contract to September 30");
  CHECK(t[0].published_source == PublishedSource::Stated);
}

TEST_CASE("detection: BOMs, leading blank lines, comments and doctype-less pages") {
  ScratchDir dir;
  auto one = [&](const std::string& name, const std::string& content) {
    auto docs = read_inputs({dir.write(name, content)}, {});
    REQUIRE(docs.size() == 1);
    return docs[0];
  };
  CHECK(one("a", "\xEF\xBB\xBF<!DOCTYPE html><title>T</title><p>Body on Monday.</p>").text == "Body on Monday.");
  CHECK(one("b", "\n\n  <html><body><p>Lower case body.</p></body></html>").text == "Lower case body.");
  CHECK(one("c", "<!-- saved page -->\n<HTML><BODY><P>Upper case markup.</P></BODY></HTML>").text ==
        "Upper case markup.");
  CHECK(one("d",
            "<?xml version=\"1.0\"?>\n<!-- generator: test -->\n<rss version=\"2.0\"><channel><title>F</title>"
            "<item><title>I</title><description>Feed body.</description></item></channel></rss>")
            .text == "Feed body.");
  CHECK(one("e", "\n  {\"text\": \"Indented JSON line.\"}\n").text == "Indented JSON line.");
  // Plain text that merely mentions markup stays plain text.
  Document plain = one("f", "Headline about <html> tags\nThe body mentions <p> elements.\n");
  CHECK(plain.title == "Headline about <html> tags");
  CHECK(plain.text == "The body mentions <p> elements.");
}

TEST_CASE("detection: a directory of mixed formats is read recursively in sorted order") {
  ScratchDir dir;
  dir.write("b/feed.xml", read_file(fixture("feed-no-dates.xml")));
  dir.write("a/page.html", read_file(fixture("time-only.html")));
  dir.write("c.jsonl", "{\"title\": \"Line\", \"text\": \"From JSON Lines.\"}\n");
  dir.write("a/z.txt", "Text headline\nFrom a text file.\n");
  dir.write(".hidden/skip.txt", "Hidden\nNever read.\n");
  auto docs = read_inputs({dir.path()}, {});
  REQUIRE(docs.size() == 5);
  CHECK(docs[0].title == "Bridge reopens after repairs");  // a/page.html
  CHECK(docs[1].title == "Text headline");                 // a/z.txt
  CHECK(docs[2].title == "Library opens new wing");        // b/feed.xml
  CHECK(docs[3].title == "Pool closed");
  CHECK(docs[4].title == "Line");  // c.jsonl
  // The same again: the order does not depend on the file system.
  auto again = read_inputs({dir.path()}, {});
  REQUIRE(again.size() == docs.size());
  for (std::size_t i = 0; i < docs.size(); ++i) CHECK(again[i].id == docs[i].id);
}

TEST_CASE("detection: published dates in the forms pages and feeds write them") {
  const std::vector<std::pair<std::string, std::string>> good = {
      {"2025-03-14", "2025-03-14"},
      {"2025-03-14T08:30", "2025-03-14"},
      {"2025-03-14T08:30:00Z", "2025-03-14"},
      {"2025-03-14T08:30:00.123+05:30", "2025-03-14"},
      {"2025-03-14T23:30:00-0500", "2025-03-14"},  // the publisher's own day, not UTC's
      {"2025-03-14 08:30:00", "2025-03-14"},
      {"Fri, 14 Mar 2025 08:30:00 GMT", "2025-03-14"},
      {"Fri, 14 Mar 2025 08:30:00 +0100", "2025-03-14"},
      {"14 Mar 2025 08:30 EST", "2025-03-14"},
      {"Sat, 1 March 2025", "2025-03-01"},
      {"Mon, 03 Feb 25 10:00:00 GMT", "2025-02-03"},
      {"29 Feb 2024 00:00:00 Z", "2024-02-29"},
  };
  for (const auto& [published, expected] : good) {
    INFO(published);
    ScratchDir dir;
    auto docs = read_inputs({dir.write("d.jsonl", "{\"text\": \"x\", \"published\": \"" + published + "\"}\n")}, {});
    REQUIRE(docs.size() == 1);
    CHECK(docs[0].published.value == expected);
  }
  for (const char* bad : {"2025-02-30", "2025-13-01", "14/03/2025", "2025-03-14T25:00", "Fri, 31 Feb 2025",
                          "14 Foo 2025", "yesterday", "2025-03-14Tnoon", "20250314"}) {
    INFO(bad);
    ScratchDir dir;
    WarningLog log;
    const std::string path =
        dir.write("d.jsonl", std::string("{\"text\": \"x\", \"published\": \"") + bad + "\"}\n{\"text\": \"y\"}\n");
    auto docs = read_inputs({path}, log.options());
    CHECK(docs.size() == 1);
    CHECK(log.warnings.size() == 1);
  }
}
