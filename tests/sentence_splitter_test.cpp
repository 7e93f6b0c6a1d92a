// Sentence spans: each case checks that the byte offsets slice the text into exactly the
// expected sentences (text.substr(begin, end - begin)).

#include <dateline/extract.h>

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using namespace dateline;

namespace {

std::vector<std::string> sentences(std::string_view text) {
  std::vector<std::string> out;
  for (const Span& s : split_sentences(text)) {
    REQUIRE(s.begin < s.end);
    REQUIRE(s.end <= text.size());
    out.emplace_back(text.substr(s.begin, s.end - s.begin));
  }
  return out;
}

using Sentences = std::vector<std::string>;

}  // namespace

TEST_CASE("plain sentences, trimmed of surrounding whitespace") {
  CHECK(sentences("  The port closed. Ships waited!  Why? ") == Sentences{"The port closed.", "Ships waited!", "Why?"});
  auto spans = split_sentences("  Hello there.  ");
  REQUIRE(spans.size() == 1);
  CHECK(spans[0] == Span{2, 14});
  CHECK(sentences("no terminal punctuation at all") == Sentences{"no terminal punctuation at all"});
  CHECK(split_sentences("").empty());
  CHECK(split_sentences(" \n\t\n ").empty());
}

TEST_CASE("titles and other prefix abbreviations never end a sentence") {
  CHECK(sentences("Mr. Smith met Mrs. Jones and Dr. Brown. They talked.") ==
        Sentences{"Mr. Smith met Mrs. Jones and Dr. Brown.", "They talked."});
  CHECK(sentences("Gov. Marsh and Sen. Ortiz spoke, e.g. The Times said so, i.e. It was true.") ==
        Sentences{"Gov. Marsh and Sen. Ortiz spoke, e.g. The Times said so, i.e. It was true."});
  CHECK(sentences("It was Chelsea vs. Arsenal. The match ended 2-1.") ==
        Sentences{"It was Chelsea vs. Arsenal.", "The match ended 2-1."});
}

TEST_CASE("U.S. and other final abbreviations end a sentence only before a usual opener") {
  CHECK(sentences("U.S. President Donald Trump spoke on Friday.") ==
        Sentences{"U.S. President Donald Trump spoke on Friday."});
  CHECK(sentences("The firm moved to the U.S. The move was costly.") ==
        Sentences{"The firm moved to the U.S.", "The move was costly."});
  CHECK(sentences("Apple Inc. said it would appeal. Shares fell.") ==
        Sentences{"Apple Inc. said it would appeal.", "Shares fell."});
  CHECK(sentences("Talks start at 9 a.m. Monday in Oslo. They ended at 5 p.m. The next round is Friday.") ==
        Sentences{"Talks start at 9 a.m. Monday in Oslo.", "They ended at 5 p.m.", "The next round is Friday."});
  CHECK(sentences("The deadline is Sept. 17. Jan. 19 was the first one.") ==
        Sentences{"The deadline is Sept. 17.", "Jan. 19 was the first one."});
  CHECK(sentences("He lives on Main St. It is quiet. St. Louis is far.") ==
        Sentences{"He lives on Main St.", "It is quiet.", "St. Louis is far."});
  CHECK(sentences("Rivals include Acme Corp. and Globex Ltd. The merger was blocked.") ==
        Sentences{"Rivals include Acme Corp. and Globex Ltd.", "The merger was blocked."});
}

TEST_CASE("number abbreviations hold only before a number") {
  CHECK(sentences("He lives at No. 10 Downing Street. He said no. Then he left.") ==
        Sentences{"He lives at No. 10 Downing Street.", "He said no.", "Then he left."});
}

TEST_CASE("initials stay inside the name") {
  CHECK(sentences("John F. Kennedy was president. He died in 1963.") ==
        Sentences{"John F. Kennedy was president.", "He died in 1963."});
  CHECK(sentences("Calder's chief, Dr. Paul V. Okafor, spoke. The E.U. Commission agreed.") ==
        Sentences{"Calder's chief, Dr. Paul V. Okafor, spoke.", "The E.U. Commission agreed."});
  CHECK(sentences("The vote went to Plan B. The board agreed.") ==
        Sentences{"The vote went to Plan B.", "The board agreed."});
}

TEST_CASE("decimals and amounts do not split") {
  CHECK(sentences("The deal is worth $4.67bn. Shares rose 3.5 per cent. It closed at 10.30.") ==
        Sentences{"The deal is worth $4.67bn.", "Shares rose 3.5 per cent.", "It closed at 10.30."});
  CHECK(sentences("Version .5 shipped in 1979. But few noticed.") ==
        Sentences{"Version .5 shipped in 1979.", "But few noticed."});
}

TEST_CASE("ellipses split only before a sentence opener") {
  CHECK(sentences("The department will... initiate a review. It starts now.") ==
        Sentences{"The department will... initiate a review.", "It starts now."});
  CHECK(sentences("Nobody got everything... But everybody got water.") ==
        Sentences{"Nobody got everything...", "But everybody got water."});
  CHECK(sentences("'If it's in American control, and \u2026 China can have a piece', he said.") ==
        Sentences{"'If it's in American control, and \u2026 China can have a piece', he said."});
  CHECK(sentences("No comments yet...") == Sentences{"No comments yet..."});
}

TEST_CASE("a sentence ending in a quote ends after the quote") {
  CHECK(sentences("He said 'it is unacceptable.' 'At my direction, we act,' he said.") ==
        Sentences{"He said 'it is unacceptable.'", "'At my direction, we act,' he said."});
  CHECK(sentences("She called it \"the best deal.\" Nobody objected.") ==
        Sentences{"She called it \"the best deal.\"", "Nobody objected."});
  CHECK(sentences("He said \u201cit is over.\u201d Then he left.") ==
        Sentences{"He said \u201cit is over.\u201d", "Then he left."});
  CHECK(sentences("'Why?' he asked. 'Because.'") == Sentences{"'Why?' he asked.", "'Because.'"});
  CHECK(sentences("(See the note.) The rest follows.") == Sentences{"(See the note.)", "The rest follows."});
}

TEST_CASE("line breaks end sentences, except a soft wrap into lower case") {
  CHECK(sentences("A heading without a stop\nThe first paragraph.\nThe second one.") ==
        Sentences{"A heading without a stop", "The first paragraph.", "The second one."});
  CHECK(sentences("First paragraph.\n\nsecond paragraph in lower case") ==
        Sentences{"First paragraph.", "second paragraph in lower case"});
  CHECK(sentences("The sentence goes on\nacross a wrapped line. Next.") ==
        Sentences{"The sentence goes on\nacross a wrapped line.", "Next."});
  CHECK(sentences("Windows lines end here.\r\nAnd here.\r\n") == Sentences{"Windows lines end here.", "And here."});
}

TEST_CASE("a missing space after a full stop before a capital splits but acronyms do not") {
  CHECK(sentences("the Pentagon chief responded that he would do\nso.Hegseth then posted a video.") ==
        Sentences{"the Pentagon chief responded that he would do\nso.", "Hegseth then posted a video."});
  CHECK(sentences("The U.S.Army said so. The U.K.Government agreed.") ==
        Sentences{"The U.S.Army said so.", "The U.K.Government agreed."});
  CHECK(sentences("Visit example.com for details, e.g.,the FAQ.") ==
        Sentences{"Visit example.com for details, e.g.,the FAQ."});
  CHECK(sentences("It was Mr.Smith who spoke.") == Sentences{"It was Mr.Smith who spoke."});
}

TEST_CASE("every span lies inside the text, in order, without overlap") {
  std::string text;
  for (int i = 0; i < 200; ++i) {
    text += "Mr. Lee paid $4.67bn to U.S. Steel Corp. on Sept. 5... 'It is done.' He left.\nso.Next one \u2014 ";
  }
  auto spans = split_sentences(text);
  REQUIRE(!spans.empty());
  std::uint32_t previous_end = 0;
  for (const Span& s : spans) {
    REQUIRE(s.begin < s.end);
    REQUIRE(s.end <= text.size());
    CHECK(s.begin >= previous_end);
    previous_end = s.end;
  }
}

TEST_CASE("the same sentences wherever they fall in the eight-byte blocks the scan reads") {
  const std::string text = "Mr. Li arrived at 10.30 a.m. on Monday. Talks began! Did they end\xE2\x80\xA6 The talks resumed.";
  const Sentences expected = sentences(text);
  CHECK(expected == Sentences{"Mr. Li arrived at 10.30 a.m. on Monday.", "Talks began!", "Did they end\xE2\x80\xA6",
                              "The talks resumed."});
  for (std::size_t pad = 0; pad < 16; ++pad) {
    INFO(pad << " bytes before");
    CHECK(sentences(std::string(pad, ' ') + text) == expected);
  }
}
