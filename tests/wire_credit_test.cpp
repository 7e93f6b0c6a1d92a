// Wire credits ("DPA Beijing ...", "WASHINGTON (Reuters) - ...") move from an article's text to
// its byline; an agency that is the sentence's subject stays. Cases in tests/corpus/wire_credits.tsv.

#include <dateline/read.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <string>

#include "corpus_file.h"

using namespace dateline;

TEST_CASE("wire credits: corpus of article openings") {
  const std::string path = DATELINE_SOURCE_DIR "/tests/corpus/wire_credits.tsv";
  std::ifstream in(path);
  REQUIRE(in);
  std::string line;
  int line_number = 0;
  int cases = 0;
  while (std::getline(in, line)) {
    ++line_number;
    if (line.empty() || line.front() == '#') continue;
    const auto fields = corpus::split(line, '\t');
    INFO("wire_credits.tsv line " << line_number << ": " << line);
    REQUIRE(fields.size() == 3);
    const std::string page = "Headline\n" + std::string(fields[0]) + "\n";
    const auto docs = read_text_page(page, "page.txt", ReadOptions{});
    REQUIRE(docs.size() == 1);
    CHECK(docs[0].byline == (fields[1] == "-" ? std::string() : std::string(fields[1])));
    CHECK(docs[0].text.starts_with(fields[2]));
    ++cases;
  }
  CHECK(cases >= 15);
}
