// The bad-input suite (issue #9): what the web gives users, fed to the readers and extractors.
// Each case ends in a clear error or a sane result, in bounded time; ASan/UBSan watch memory.

#include <dateline/error.h>
#include <dateline/extract.h>
#include <dateline/read.h>

#include <catch2/catch.hpp>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace dateline;

namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
#else
constexpr bool kSanitized = false;
#endif

ReadOptions options() {
  ReadOptions o;
  o.dct = Date(2025, 7, 19);
  return o;
}

// Extracts a one-article page; the text reader takes the first line as the title.
Extraction extract_page(const std::string& body) {
  std::vector<Document> docs = read_text_page("A headline\n\n" + body, "page.txt", options());
  REQUIRE(docs.size() == 1);
  return extract(std::move(docs.front()));
}

// Every extracted span lies in the text and every time value parses back. Counted, then checked
// once: a Catch assertion per item would cost more than the extraction of a 50 MB line.
void check_sane(const Extraction& x) {
  const std::size_t n = x.document.text.size();
  std::size_t bad = 0;
  for (const Timex& t : x.timexes) {
    bad += t.span.end > n;
    try {
      parse_time_value(t.value.value, t.value.type);
    } catch (const ValueError&) {
      ++bad;
    }
  }
  for (const Amount& a : x.amounts) bad += a.span.end > n;
  for (const EntityMention& e : x.entities) bad += e.span.end > n;
  for (const Claim& c : x.claims) bad += c.evidence.span.end > n;
  CHECK(bad == 0);
}

std::string invalid_error(const std::string& bytes) {
  try {
    check_text(bytes, "page.txt");
  } catch (const InputError& e) {
    return e.what();
  }
  return "accepted";
}

// Processor time (user + system) of this process: unlike wall time, it does not grow when
// other jobs share the machine.
double cpu_seconds() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

}  // namespace

TEST_CASE("bad input: invalid UTF-8 at the start, middle and end is reported with its byte offset") {
  CHECK(invalid_error("\xff" "Talks resumed on Monday.") == "page.txt: byte 0: invalid UTF-8 (byte 0xFF)");
  CHECK(invalid_error("Talks resumed \xc3( on Monday.").starts_with("page.txt: byte 14: invalid UTF-8"));
  CHECK(invalid_error("Talks resumed on Monday.\xe2\x80").starts_with("page.txt: byte 24: invalid UTF-8"));
  CHECK(invalid_error("Talks \xed\xa0\x80 resumed").starts_with("page.txt: byte 6: invalid UTF-8"));  // a surrogate
  CHECK(invalid_error("Talks \xc0\xaf resumed").starts_with("page.txt: byte 6: invalid UTF-8"));  // overlong
}

TEST_CASE("bad input: NUL bytes and empty content are refused") {
  CHECK(invalid_error(std::string("Talks\0resumed", 13)).find("byte 5") != std::string::npos);
  CHECK_THROWS_AS(read_text_page("", "empty.txt", options()), InputError);
  CHECK_THROWS_AS(read_text_page("  \n\n \t\n", "blank.txt", options()), InputError);
}

TEST_CASE("bad input: absurd dates give no impossible values") {
  struct Case {
    const char* sentence;
    const char* refused;  // the value an uncritical tagger would produce
  };
  const Case cases[] = {
      {"The deal closed on February 30, 2025, officials said.", "2025-02-30"},
      {"The ceremony took place on the 35th of May.", "2025-05-35"},
      {"The plan stretches to the year 99999, the agency said.", "99999"},
      {"The file was dated 1/1/0 by the clerk.", "0000-01-01"},
      {"The office reopens on 31 April 2024.", "2024-04-31"},
      {"The memo, dated 2025-13-45, was leaked.", "2025-13-45"},
      {"The hearing was set for 25:99 on Monday.", "25:99"},
  };
  for (const Case& c : cases) {
    INFO(c.sentence);
    const Extraction x = extract_page(c.sentence);
    check_sane(x);
    for (const Timex& t : x.timexes) CHECK(t.value.value.find(c.refused) == std::string::npos);
  }
}

TEST_CASE("bad input: 10,000 time expressions in one sentence, in bounded time") {
  std::string sentence = "Talks were held";
  for (int i = 0; i < 10000; ++i) sentence += " on March " + std::to_string(i % 28 + 1) + ", 2025 and";
  sentence += " again on Friday.";
  const double start = cpu_seconds();
  const Extraction x = extract_page(sentence);
  const double took = cpu_seconds() - start;
  check_sane(x);
  CHECK(x.timexes.size() >= 10000);
  CHECK(took < (kSanitized ? 60.0 : 10.0));
}

TEST_CASE("bad input: a single line of tens of megabytes, in bounded time") {
  // Prose with no line breaks at all, as a scraped page can be: 50 MB, 8 MB in sanitizer builds.
  const std::size_t size = kSanitized ? 8'000'000 : 50'000'000;
  const std::string unit =
      "The ministry said on Tuesday that the $2.5bn contract with Harbor Works would be signed by "
      "September 30, 2026, after talks in Lisbon. According to Reuters, the deadline was extended "
      "twice, most recently in March, and about 300 jobs depend on it; ";
  std::string line;
  line.reserve(size + unit.size());
  while (line.size() < size) line += unit;
  const double start = cpu_seconds();
  const Extraction x = extract_page(line);
  const double took = cpu_seconds() - start;
  check_sane(x);
  const std::size_t units = line.size() / unit.size();
  CHECK(x.timexes.size() >= units * 3);  // Tuesday, September 30, 2026, March
  CHECK(x.claims.size() >= units);
  // Linear work: well under a second a megabyte (several times that under ASan).
  CHECK(took < static_cast<double>(size) / 1e6 * (kSanitized ? 4.0 : 0.5));
}
