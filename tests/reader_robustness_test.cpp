// Broken input never crashes a reader: every prefix of each fixture (a file cut short while
// saving) and a few thousand corrupted copies (markup characters, NULs and invalid bytes
// dropped in at random, fixed seed) either read or throw InputError.

#include <dateline/error.h>
#include <dateline/read.h>

#include <catch2/catch.hpp>
#include <random>
#include <string>

#include "reader_fixtures.h"

using namespace dateline;
using dateline::test::fixture;
using dateline::test::ScratchDir;

namespace {

enum class Kind { Html, Feed, JsonLines };

// Reads `content` with the reader for `kind`; true when it gave documents, false when it
// reported an InputError. Anything else escapes and fails the test.
bool read_as(Kind kind, const std::string& content, const ScratchDir& dir) {
  ReadOptions options;
  options.warn = [](const InputError&) {};
  try {
    switch (kind) {
      case Kind::Html:
        read_html_page(content, "page.html", options);
        break;
      case Kind::Feed:
        read_feed(content, "feed.xml", options);
        break;
      case Kind::JsonLines:
        read_inputs({dir.write("lines.jsonl", content)}, options);
        break;
    }
    return true;
  } catch (const InputError&) {
    return false;
  }
}

struct Case {
  const char* name;
  Kind kind;
};

const Case kCases[] = {
    {"ferry-contract.html", Kind::Html}, {"jsonld-graph.html", Kind::Html},  {"windows-1252.html", Kind::Html},
    {"feed-rss.xml", Kind::Feed},        {"feed-atom.xml", Kind::Feed},      {"feed-latin1.xml", Kind::Feed},
    {"articles.jsonl", Kind::JsonLines}, {"bad-lines.jsonl", Kind::JsonLines},
};

}  // namespace

TEST_CASE("robustness: every prefix of each fixture reads or is an input error") {
  ScratchDir dir;
  for (const Case& c : kCases) {
    const std::string content = read_file(fixture(c.name));
    const std::size_t step = c.kind == Kind::JsonLines ? 7 : 3;
    std::size_t read = 0;
    for (std::size_t cut = 0; cut < content.size(); cut += step) {
      INFO(c.name << " cut at " << cut);
      read += read_as(c.kind, content.substr(0, cut), dir) ? 1 : 0;
    }
    INFO(c.name);
    CHECK(read_as(c.kind, content, dir));
    if (c.kind != Kind::Feed) CHECK(read > 0);  // pages and lines cut short still give something
  }
}

TEST_CASE("robustness: corrupted copies of each fixture read or are an input error") {
  ScratchDir dir;
  std::mt19937 random(20251129);
  const std::string bad_bytes("<>&\"'\0\xFF\xC3\n]-!/=", 14);
  for (const Case& c : kCases) {
    const std::string content = read_file(fixture(c.name));
    const int copies = c.kind == Kind::JsonLines ? 60 : 400;
    for (int copy = 0; copy < copies; ++copy) {
      std::string corrupted = content;
      const int flips = 1 + static_cast<int>(random() % 6);
      for (int f = 0; f < flips; ++f) {
        corrupted[random() % corrupted.size()] = bad_bytes[random() % bad_bytes.size()];
      }
      INFO(c.name << " copy " << copy);
      read_as(c.kind, corrupted, dir);
    }
  }
}
