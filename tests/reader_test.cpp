// The plain-text page reader: splitting a page into articles, furniture, published dates.
// Every test that resolves an age uses a fixed capture time.

#include <dateline/error.h>
#include <dateline/read.h>

#include <boost/date_time/posix_time/posix_time.hpp>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

using namespace dateline;

namespace {

const std::string kSharedSample = DATELINE_SHARED_DIR "/examples/news-page-2025-07.txt";
const std::string kAggregatorExample = DATELINE_SOURCE_DIR "/examples/aggregator-page-2025-10.txt";
const std::string kHarborExample = DATELINE_SOURCE_DIR "/examples/harbor-contract-2025-03.txt";
const std::string kWaterExample = DATELINE_SOURCE_DIR "/examples/water-compact-2025-06.txt";

ReadOptions options(const char* dct, const char* captured) {
  ReadOptions o;
  if (dct) o.dct = parse_iso_date(dct);
  if (captured) o.captured = parse_captured(captured);
  return o;
}

std::vector<Document> read_path(const std::string& path, const ReadOptions& o) {
  return read_text_page(read_file(path), path, o);
}

std::string published(const Document& d) { return d.published.value; }

// A small aggregator page whose one related article carries `age`.
std::string page_with_age(const std::string& age) {
  return "Main headline\nMain body sentence.\n\nRelated Articles\n\nThe Outlet\n" + age +
         "\n- The Outlet\nRelated headline\nRelated body sentence.\n";
}

// Where the related article's age label puts its publication date.
std::string related_published(const std::string& age, const char* captured = "2025-07-25T12:00") {
  auto docs = read_text_page(page_with_age(age), "page.txt", options(nullptr, captured));
  REQUIRE(docs.size() == 2);
  CHECK(docs[1].published_source == PublishedSource::Relative);
  return published(docs[1]);
}

// Lines of site furniture that may appear on pages (page_furniture.tsv), as pages write them.
const std::vector<std::string> kFurniture = {
    "Try Our AI Features",
    "Explore what Daily8 AI can do for you:",
    "Comments",
    "No comments yet...",
    "Related Articles",
    "Read more",
    "Share this article",
    "Advertisement",
    "Sign up for our newsletter",
    "Follow us on Facebook and X",
    "Story continues below advertisement",
    "Subscribe to our newsletter for the latest updates",
};

void check_no_furniture(const std::vector<Document>& docs) {
  for (const Document& d : docs) {
    std::string_view text = d.text;
    std::size_t start = 0;
    while (start <= text.size()) {
      std::size_t eol = text.find('\n', start);
      std::string_view line = text.substr(start, eol == std::string_view::npos ? eol : eol - start);
      for (const auto& f : kFurniture) {
        INFO(d.title << ": " << line);
        CHECK(line != f);
      }
      if (eol == std::string_view::npos) break;
      start = eol + 1;
    }
    CHECK(d.title.find("Related Articles") == std::string::npos);
  }
}

void check_sentence_spans(const std::vector<Document>& docs) {
  for (const Document& d : docs) {
    std::uint32_t previous_end = 0;
    for (const Span& s : d.sentences) {
      INFO(d.title << " [" << s.begin << "," << s.end << ")");
      REQUIRE(s.begin < s.end);
      REQUIRE(s.end <= d.text.size());
      CHECK(s.begin >= previous_end);
      CHECK(!std::isspace(static_cast<unsigned char>(d.text[s.begin])));
      CHECK(!std::isspace(static_cast<unsigned char>(d.text[s.end - 1])));
      previous_end = s.end;
    }
  }
}

}  // namespace

TEST_CASE("shared sample page: main article and three related articles") {
  auto docs = read_path(kSharedSample, options("2025-07-19", "2025-07-25T12:00"));
  REQUIRE(docs.size() == 4);

  CHECK(docs[0].title == "Microsoft halts China tech support for Pentagon systems");
  CHECK(docs[0].source.empty());
  CHECK(published(docs[0]) == "2025-07-19");
  CHECK(docs[0].published_source == PublishedSource::Assumed);
  CHECK(docs[0].text.starts_with("Microsoft said Friday it is making sure"));
  CHECK(docs[0].text.ends_with("so we could address it.'"));

  CHECK(docs[1].source == "Al Jazeera");
  CHECK(docs[1].title == "US State Department approves $4.7bn surface-to-air missile package to Egypt");
  CHECK(docs[1].text.starts_with("The US State Department has approved the potential sale"));
  CHECK(docs[2].source == "Qatar Tribune");
  CHECK(docs[2].title == "EU for \u2018more balanced' trade ties with China");
  CHECK(docs[2].byline == "DPA");  // the wire credit opening the body
  CHECK(docs[2].text.starts_with("EU leaders on Thursday"));
  CHECK(docs[3].byline == "Agencies");
  CHECK(docs[3].text.starts_with("TikTok may come up in trade talks"));
  CHECK(docs[3].source == "Qatar Tribune");
  CHECK(docs[3].title == "China trade talks could include TikTok: Lutnick");
  CHECK(docs[3].text.ends_with("according to a Pew Research Centre study from last year."));

  // "20 hours ago" and "a day ago" from 2025-07-25T12:00 both fall on 2025-07-24.
  for (int i = 1; i <= 3; ++i) {
    CHECK(published(docs[i]) == "2025-07-24");
    CHECK(docs[i].published_source == PublishedSource::Relative);
    CHECK(docs[i].published.granularity == Granularity::Day);
  }
  for (const Document& d : docs) {
    CHECK(d.file == kSharedSample);
    CHECK(d.id == document_id(d.source, d.text));
    CHECK(!d.sentences.empty());
    CHECK(d.text.find("Al Jazeera\n20 hours ago") == std::string::npos);
    CHECK(d.text.find("- Qatar Tribune") == std::string::npos);
  }
  // Same source, different text: different ids.
  CHECK(docs[2].id != docs[3].id);
  check_no_furniture(docs);
  check_sentence_spans(docs);
}

TEST_CASE("shared sample page: the main article keeps its line-wrapped sentence") {
  auto docs = read_path(kSharedSample, options("2025-07-19", "2025-07-25T12:00"));
  REQUIRE(!docs.empty());
  const Document& d = docs[0];
  std::vector<std::string_view> sentences;
  for (const Span& s : d.sentences) sentences.push_back(s.slice(d.text));
  CHECK(std::find(sentences.begin(), sentences.end(),
                  "US Senator Tom Cotton asked Hegseth to look into the matter in a letter dated Thursday, and the "
                  "Pentagon chief responded that he would do\nso.") != sentences.end());
  CHECK(std::any_of(sentences.begin(), sentences.end(),
                    [](std::string_view s) { return s.starts_with("Hegseth then posted a video on X Friday"); }));
}

TEST_CASE("without --captured, related articles fall back to --dct as assumed") {
  auto docs = read_path(kSharedSample, options("2025-07-19", nullptr));
  REQUIRE(docs.size() == 4);
  for (const Document& d : docs) {
    CHECK(published(d) == "2025-07-19");
    CHECK(d.published_source == PublishedSource::Assumed);
  }
}

TEST_CASE("with neither --dct nor --captured, published is unknown and empty") {
  auto docs = read_path(kSharedSample, ReadOptions{});
  REQUIRE(docs.size() == 4);
  for (const Document& d : docs) {
    CHECK(d.published.value.empty());
    CHECK(!d.published.has_bounds());
    CHECK(d.published_source == PublishedSource::Unknown);
  }
}

TEST_CASE("own aggregator example: main article, two related articles, furniture dropped") {
  auto docs = read_path(kAggregatorExample, options("2025-10-08", "2025-10-09T00:20"));
  REQUIRE(docs.size() == 3);
  CHECK(docs[0].title == "Regulator approves $2.3bn sale of Northwind Rail freight arm to Calder Group");
  CHECK(docs[0].source.empty());
  CHECK(published(docs[0]) == "2025-10-08");
  CHECK(docs[0].published_source == PublishedSource::Assumed);
  CHECK(docs[0].text.ends_with("which is expected by the end of October."));

  CHECK(docs[1].source == "Meridian Post");
  CHECK(docs[1].title == "Transport ministry extends deadline for rail corridor bids to November 14");
  // "45 minutes ago" from 00:20 is the evening before.
  CHECK(published(docs[1]) == "2025-10-08");
  CHECK(docs[1].published_source == PublishedSource::Relative);
  // The "Advertisement" line inside the body goes, the paragraphs around it stay.
  CHECK(docs[1].text.find("The original deadline was October 31.\nA ministry spokesman") != std::string::npos);

  CHECK(docs[2].source == "Coastline Herald");
  CHECK(docs[2].title == "Rail unions to meet freight operators next week over job guarantees");
  CHECK(published(docs[2]) == "2025-10-07");
  CHECK(docs[2].text.ends_with("if no agreement is reached."));
  check_no_furniture(docs);
  check_sentence_spans(docs);
}

TEST_CASE("own single articles: title line, stated date line, paragraphs") {
  auto harbor = read_path(kHarborExample, options("2025-06-01", nullptr));
  REQUIRE(harbor.size() == 1);
  CHECK(harbor[0].title == "Port of Halvorsen extends dockworkers' contract talks to April 30");
  // The date line under the title wins over --dct and is not part of the text.
  CHECK(published(harbor[0]) == "2025-03-14");
  CHECK(harbor[0].published_source == PublishedSource::Stated);
  CHECK(harbor[0].text.starts_with("The Port of Halvorsen and the Coastal Dockworkers Union agreed"));
  CHECK(harbor[0].text.find("Published") == std::string::npos);
  CHECK(harbor[0].text.find("March 31 to April 30, averting a strike") != std::string::npos);
  CHECK(harbor[0].text.find("\n\nPort director") != std::string::npos);  // paragraph breaks kept
  CHECK(harbor[0].sentences.size() == 8);

  auto water = read_path(kWaterExample, options("2025-06-10", nullptr));
  REQUIRE(water.size() == 1);
  CHECK(water[0].title == "Three states sign revised river water compact after 18 months of talks");
  CHECK(published(water[0]) == "2025-06-10");
  CHECK(water[0].published_source == PublishedSource::Assumed);
  check_sentence_spans(harbor);
  check_sentence_spans(water);
}

TEST_CASE("a single article: first non-empty line is the title") {
  auto docs = read_text_page("\n\n  Storm closes port  \r\nShips waited offshore.\r\nThe port reopens Monday.\r\n",
                             "storm.txt", options("2025-01-02", nullptr));
  REQUIRE(docs.size() == 1);
  CHECK(docs[0].title == "Storm closes port");
  CHECK(docs[0].text == "Ships waited offshore.\nThe port reopens Monday.");
  CHECK(docs[0].source.empty());
  CHECK(docs[0].file == "storm.txt");
  CHECK(docs[0].sentences.size() == 2);

  auto title_only = read_text_page("Just a headline", "h.txt", ReadOptions{});
  REQUIRE(title_only.size() == 1);
  CHECK(title_only[0].title == "Just a headline");
  CHECK(title_only[0].text.empty());
  CHECK(title_only[0].sentences.empty());
}

TEST_CASE("a text without a headline keeps its long first line as body text, where it is read") {
  // A lead paragraph is no headline: it stays in the text (and so in extraction), and the
  // document has no title rather than a paragraph for one.
  const std::string lead =
      "The harbour authority said on Monday that the northern quay would close for repairs from March 3, "
      "a month earlier than planned, after divers found cracks in the pilings beneath two berths used by "
      "container ships, and that cargo would move to the southern terminal until the work ends in June.";
  REQUIRE(lead.size() > 250);
  auto docs = read_text_page(lead + "\nShipping lines were told on Tuesday.\n", "lead.txt", options("2025-01-02", nullptr));
  REQUIRE(docs.size() == 1);
  CHECK(docs[0].title.empty());
  CHECK(docs[0].text == lead + "\nShipping lines were told on Tuesday.");
  CHECK(docs[0].sentences.size() == 2);

  // A headline of ordinary length is still the title.
  auto titled = read_text_page("Harbour authority closes northern quay for repairs a month early\n" + lead + "\n",
                               "quay.txt", options("2025-01-02", nullptr));
  REQUIRE(titled.size() == 1);
  CHECK(titled[0].title == "Harbour authority closes northern quay for repairs a month early");
  CHECK(titled[0].text == lead);
}

TEST_CASE("a page with nothing but blanks or furniture is an input error naming the file") {
  CHECK_THROWS_AS(read_text_page(" \n\t\n", "blank.txt", ReadOptions{}), InputError);
  try {
    read_text_page("Related Articles\nComments\n", "furniture.txt", ReadOptions{});
    FAIL("expected an InputError");
  } catch (const InputError& e) {
    CHECK(e.file() == "furniture.txt");
    CHECK(std::string(e.what()).find("furniture.txt") != std::string::npos);
  }
}

TEST_CASE("relative ages resolve against the capture time, to the day") {
  // captured 2025-07-25T12:00
  CHECK(related_published("20 hours ago") == "2025-07-24");
  CHECK(related_published("a day ago") == "2025-07-24");
  CHECK(related_published("3 days ago") == "2025-07-22");
  CHECK(related_published("2 weeks ago") == "2025-07-11");
  CHECK(related_published("yesterday") == "2025-07-24");
  CHECK(related_published("Yesterday") == "2025-07-24");
  CHECK(related_published("an hour ago") == "2025-07-25");
  CHECK(related_published("5 minutes ago") == "2025-07-25");
  CHECK(related_published("1 month ago") == "2025-06-25");
  CHECK(related_published("a year ago") == "2024-07-25");
  CHECK(related_published("12 hours ago") == "2025-07-25");  // exactly midnight is still the 25th
  CHECK(related_published("13 hours ago") == "2025-07-24");
  CHECK(related_published("20h ago") == "2025-07-24");
  CHECK(related_published("About 3 days ago") == "2025-07-22");
  CHECK(related_published("just now") == "2025-07-25");
  CHECK(related_published("two  days  ago") == "2025-07-23");
}

TEST_CASE("relative ages use calendar arithmetic across months, years and leap days") {
  CHECK(related_published("1 day ago", "2024-03-01T08:00") == "2024-02-29");
  CHECK(related_published("2 days ago", "2025-01-01T00:30") == "2024-12-30");
  CHECK(related_published("1 month ago", "2025-03-31T10:00") == "2025-02-28");
  CHECK(related_published("3 hours ago", "2025-01-01T01:00") == "2024-12-31");
  CHECK(related_published("a week ago", "2025-03-03") == "2025-02-24");
}

TEST_CASE("an age too far back for the calendar falls back to --dct") {
  auto docs = read_text_page(page_with_age("999999 years ago"), "p.txt", options("2025-07-19", "2025-07-25T12:00"));
  REQUIRE(docs.size() == 2);
  CHECK(published(docs[1]) == "2025-07-19");
  CHECK(docs[1].published_source == PublishedSource::Assumed);
}

TEST_CASE("lines that are not age labels do not open a related article") {
  for (const char* not_age : {"20 hours", "hours ago", "a day", "3 days later", "Al Jazeera", "in 20 hours",
                              "twenty-five hours ago", "1234567 days ago"}) {
    INFO(not_age);
    auto docs = read_text_page(page_with_age(not_age), "p.txt", ReadOptions{});
    CHECK(docs.size() == 1);
  }
}

TEST_CASE("a related header needs the '- Source' line after the age line") {
  std::string page = "Main headline\nBody.\n\n3 hours ago\nNot a source line\nMore body.\n";
  auto docs = read_text_page(page, "p.txt", ReadOptions{});
  REQUIRE(docs.size() == 1);
  CHECK(docs[0].text == "Body.\n\n3 hours ago\nNot a source line\nMore body.");
}

TEST_CASE("related articles are found without a source line above the age line") {
  std::string page =
      "Main headline\nMain body.\n\n4 days ago\n- Harbour Daily\nFirst related\nFirst body.\n"
      "2 hours ago\n\u2014 Valley Courier\nSecond related\nSecond body.\n";
  auto docs = read_text_page(page, "p.txt", options(nullptr, "2025-07-25T12:00"));
  REQUIRE(docs.size() == 3);
  CHECK(docs[0].text == "Main body.");
  CHECK(docs[1].source == "Harbour Daily");
  CHECK(docs[1].title == "First related");
  CHECK(docs[1].text == "First body.");
  CHECK(published(docs[1]) == "2025-07-21");
  CHECK(docs[2].source == "Valley Courier");
  CHECK(docs[2].title == "Second related");
  CHECK(published(docs[2]) == "2025-07-25");
}

TEST_CASE("furniture lines are dropped anywhere, long paragraphs that open like furniture are kept") {
  std::string page = "Headline\nFirst paragraph.\n";
  for (const auto& f : kFurniture) page += f + "\n";
  const std::string long_paragraph =
      "Advertisement spending by the three largest retailers rose 12 per cent in the second quarter, the "
      "industry group said in its quarterly report.";
  page += long_paragraph + "\nSHARE THIS ARTICLE\n";
  auto docs = read_text_page(page, "p.txt", ReadOptions{});
  REQUIRE(docs.size() == 1);
  CHECK(docs[0].text == "First paragraph.\n" + long_paragraph);
  check_no_furniture(docs);
}

TEST_CASE("an age line under a single article's title resolves like a related article's") {
  auto docs = read_text_page("Headline\n6 hours ago\nBody text.", "p.txt", options("2025-01-01", "2025-07-25T03:00"));
  REQUIRE(docs.size() == 1);
  CHECK(published(docs[0]) == "2025-07-24");
  CHECK(docs[0].published_source == PublishedSource::Relative);
  CHECK(docs[0].text == "Body text.");
}

TEST_CASE("parse_captured accepts ISO dates and date-times") {
  using boost::posix_time::ptime;
  using boost::posix_time::time_from_string;
  CHECK(parse_captured("2025-07-25T12:00") == time_from_string("2025-07-25 12:00:00"));
  CHECK(parse_captured("2025-07-25T12:00:30") == time_from_string("2025-07-25 12:00:30"));
  CHECK(parse_captured("2025-07-25") == time_from_string("2025-07-25 00:00:00"));
  CHECK(parse_captured("2024-02-29T23:59:59") == time_from_string("2024-02-29 23:59:59"));
}

TEST_CASE("parse_captured rejects malformed and out-of-range values with a clear message") {
  const std::vector<std::pair<std::string, std::string>> bad = {
      {"yesterday", "wrong shape"},
      {"", "wrong shape"},
      {"2025-7-25", "wrong shape"},
      {"2025-07-25T12", "wrong shape"},
      {"2025-07-25X12:00", "wrong shape"},
      {"2025-02-30T10:00", "day out of range"},
      {"2025-13-01", "month out of range"},
      {"2025-07-25T24:00", "hour out of range"},
      {"2025-07-25T12:60", "minute out of range"},
      {"2025-07-25T12:00:61", "second out of range"},
      {"1200-01-01", "year out of range"},
      {"2025-07-2aT12:00", "not a number"},
  };
  for (const auto& [text, why] : bad) {
    INFO(text);
    try {
      parse_captured(text);
      FAIL("expected a ValueError");
    } catch (const ValueError& e) {
      std::string message = e.what();
      CHECK(message.find("'" + text + "'") != std::string::npos);
      CHECK(message.find(why) != std::string::npos);
    }
  }
}
