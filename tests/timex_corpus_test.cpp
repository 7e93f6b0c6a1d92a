// The timex corpus: news-style sentences with the time expressions find_timexes must return
// for them, one case a line in tests/corpus/timex.tsv (the format is in tests/corpus/README.md).
// Every "## section" of the file is one TEST_CASE here; a case that fails is reported with its
// line, sentence, expected and actual items, written in the file's own notation.

#define CATCH_CONFIG_EXTERNAL_INTERFACES  // for the listener that prints the run's summary
#include <dateline/error.h>
#include <dateline/extract.h>
#include <dateline/time_value.h>
#include <fmt/format.h>

#include "corpus_file.h"

#include <algorithm>
#include <array>
#include <catch2/catch.hpp>
#include <cctype>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace dateline;

// One expected (or actual) time expression, as the corpus compares them.
struct CorpusTimex {
  Span span;
  TimexType type = TimexType::Date;
  std::string value;
  Mod mod = Mod::None;

  friend bool operator==(const CorpusTimex&, const CorpusTimex&) = default;
};

struct CorpusCase {
  std::size_t line = 0;
  std::string section;
  Date dct;
  std::string sentence;
  std::vector<CorpusTimex> expected;  // sorted by span; empty for "-"
  bool xfail = false;
};

using Corpus = corpus::File<CorpusCase>;

using corpus::is_digits;
using corpus::kNoSection;
using corpus::kXfail;
using corpus::LineError;
using corpus::split;

bool is_mod_name(std::string_view text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return (c >= 'A' && c <= 'Z') || c == '_'; });
}

bool is_clock_or_part_of_day(Granularity g) {
  return g == Granularity::PartOfDay || g == Granularity::Hour || g == Granularity::Minute || g == Granularity::Second;
}

// "text[@n]=TYPE:VALUE[:MOD]"
CorpusTimex parse_item(std::string_view item, std::string_view sentence) {
  std::size_t eq = item.rfind('=');
  if (eq == std::string_view::npos || eq == 0) {
    throw LineError(fmt::format("item '{}' is not text=TYPE:VALUE[:MOD]", item));
  }
  std::string_view text = item.substr(0, eq);
  std::string_view rest = item.substr(eq + 1);
  int occurrence = 1;
  if (std::size_t at = text.rfind('@'); at != std::string_view::npos && is_digits(text.substr(at + 1))) {
    occurrence = std::stoi(std::string(text.substr(at + 1)));
    text = text.substr(0, at);
    if (occurrence < 1 || text.empty()) throw LineError(fmt::format("item '{}': bad occurrence", item));
  }

  std::size_t colon = rest.find(':');
  if (colon == std::string_view::npos) throw LineError(fmt::format("item '{}' has no TYPE:VALUE", item));
  std::string_view type_name = rest.substr(0, colon);
  std::string_view value = rest.substr(colon + 1);
  CorpusTimex timex;
  auto type = timex_type_from_string(type_name);
  if (!type) throw LineError(fmt::format("item '{}': unknown TYPE '{}'", item, type_name));
  timex.type = *type;
  // A clock time has colons of its own ("T10:30"); a MOD is the last field only when it is a name.
  if (std::size_t last = value.rfind(':'); last != std::string_view::npos && is_mod_name(value.substr(last + 1))) {
    std::string_view mod_name = value.substr(last + 1);
    auto mod = mod_from_string(mod_name);
    if (!mod || *mod == Mod::None) throw LineError(fmt::format("item '{}': unknown MOD '{}'", item, mod_name));
    timex.mod = *mod;
    value = value.substr(0, last);
  }
  timex.value = std::string(value);

  TimeValue parsed;
  try {
    parsed = parse_time_value(value, timex.type);
  } catch (const ValueError& e) {
    throw LineError(fmt::format("item '{}': {}", item, e.what()));
  }
  bool duration = value.front() == 'P' && value != "PAST_REF" && value != "PRESENT_REF";
  bool clock = is_clock_or_part_of_day(parsed.granularity);
  if ((timex.type == TimexType::Duration && !duration) || (timex.type == TimexType::Date && (duration || clock)) ||
      (timex.type == TimexType::Time && !clock)) {
    throw LineError(fmt::format("item '{}': a {} cannot have the value {}", item, type_name, value));
  }

  auto begin = corpus::find_occurrence(sentence, text, occurrence, corpus::WordChars::Ascii);
  if (!begin) {
    throw LineError(occurrence == 1
                        ? fmt::format("item '{}': '{}' is not a whole-word part of the sentence", item, text)
                        : fmt::format("item '{}': the sentence has no occurrence {} of '{}'", item, occurrence, text));
  }
  timex.span = Span{static_cast<std::uint32_t>(*begin), static_cast<std::uint32_t>(*begin + text.size())};
  return timex;
}

// "DCT<TAB>sentence<TAB>expected"
CorpusCase parse_case(std::string_view line) {
  std::vector<std::string_view> fields = split(line, '\t');
  if (fields.size() != 3) {
    throw LineError(fmt::format("expected 3 tab-separated fields (DCT, sentence, expected), found {}", fields.size()));
  }
  CorpusCase c;
  try {
    c.dct = parse_iso_date(fields[0]);
  } catch (const ValueError& e) {
    throw LineError(e.what());
  }
  if (fields[1].empty()) throw LineError("empty sentence");
  c.sentence = std::string(fields[1]);
  std::string_view expected = fields[2];
  if (expected.substr(0, kXfail.size()) == kXfail) {
    c.xfail = true;
    expected.remove_prefix(kXfail.size());
  }
  if (expected.empty()) throw LineError("empty expected field (write '-' for no time expression)");
  if (expected == "-") return c;
  for (std::string_view item : split(expected, ';')) {
    if (item.empty()) throw LineError("empty item in the expected field");
    c.expected.push_back(parse_item(item, c.sentence));
  }
  std::sort(c.expected.begin(), c.expected.end(),
            [](const CorpusTimex& a, const CorpusTimex& b) { return a.span.begin < b.span.begin; });
  for (std::size_t i = 1; i < c.expected.size(); ++i) {
    if (c.expected[i - 1].span.overlaps(c.expected[i].span)) {
      throw LineError(fmt::format("items '{}' and '{}' overlap", c.expected[i - 1].span.slice(c.sentence),
                                  c.expected[i].span.slice(c.sentence)));
    }
  }
  return c;
}

Corpus parse_corpus(std::string_view content) { return corpus::parse_file<CorpusCase>(content, parse_case); }

// An item in the file's notation, so a failing case's actual output can be pasted as its fix.
// A span that is not a whole-word occurrence (the notation cannot name it) shows its offsets.
std::string to_item(const CorpusTimex& t, std::string_view sentence) {
  std::string_view text = t.span.end <= sentence.size() ? t.span.slice(sentence) : std::string_view("?");
  std::string where;
  int n = 0;
  for (int k = 1;; ++k) {
    auto at = corpus::find_occurrence(sentence, text, k, corpus::WordChars::Ascii);
    if (!at) break;
    if (*at == t.span.begin) {
      n = k;
      break;
    }
  }
  if (n == 0) {
    where = fmt::format("[{},{})", t.span.begin, t.span.end);
  } else if (n > 1) {
    where = fmt::format("@{}", n);
  }
  std::string item = fmt::format("{}{}={}:{}", text, where, to_string(t.type), t.value);
  if (t.mod != Mod::None) item += fmt::format(":{}", to_string(t.mod));
  return item;
}

std::string to_items(const std::vector<CorpusTimex>& timexes, std::string_view sentence) {
  if (timexes.empty()) return "-";
  std::string out;
  for (const auto& t : timexes) {
    if (!out.empty()) out += ';';
    out += to_item(t, sentence);
  }
  return out;
}

std::vector<CorpusTimex> actual_timexes(const CorpusCase& c) {
  std::vector<CorpusTimex> out;
  for (const Timex& x : find_timexes(c.sentence, c.dct)) {
    out.push_back(CorpusTimex{x.span, x.value.type, x.value.value, x.value.mod});
  }
  std::sort(out.begin(), out.end(),
            [](const CorpusTimex& a, const CorpusTimex& b) { return a.span.begin < b.span.begin; });
  return out;
}

using corpus::summary;
using corpus::Tally;

Tally& run_tally() {
  static Tally tally;
  return tally;
}

const Corpus& corpus_file() {
  static const Corpus corpus = [] {
    const std::string path = DATELINE_SOURCE_DIR "/tests/corpus/timex.tsv";
    return parse_corpus(::corpus::read_file(path));
  }();
  return corpus;
}

void require_well_formed(const Corpus& corpus) {
  for (const auto& error : corpus.errors) FAIL_CHECK("timex.tsv " << error);
  REQUIRE(corpus.errors.empty());
}

void run_section(std::string_view section) {
  const Corpus& corpus = corpus_file();
  require_well_formed(corpus);
  Tally tally;
  for (const CorpusCase& c : corpus.cases) {
    if (c.section != section) continue;
    ++tally.cases;
    std::vector<CorpusTimex> actual;
    std::string error;
    try {
      actual = actual_timexes(c);
    } catch (const std::exception& e) {
      error = fmt::format("  threw:    {}\n", e.what());
    }
    bool passed = error.empty() && actual == c.expected;
    std::string report =
        fmt::format("timex.tsv line {} (DCT {}): {}\n  expected: {}\n  actual:   {}\n{}", c.line, iso_string(c.dct),
                    c.sentence, to_items(c.expected, c.sentence), to_items(actual, c.sentence), error);
    if (c.xfail) {
      ++tally.xfail;
      if (passed) WARN("xfail case now passes; drop its 'xfail:' to keep it passing:\n" << report);
    } else if (passed) {
      ++tally.pass;
    } else {
      ++tally.fail;
      FAIL_CHECK(report);
    }
  }
  CHECK(tally.cases > 0);  // a section name the file no longer has
  Tally& run = run_tally();
  run += tally;
  std::cout << summary(fmt::format("timex corpus [{}]", section), tally) << '\n';
}

// The run's one-line summary, after every section that ran.
class CorpusSummary : public Catch::TestEventListenerBase {
 public:
  using TestEventListenerBase::TestEventListenerBase;
  void testRunEnded(const Catch::TestRunStats&) override {
    if (run_tally().cases > 0) std::cout << summary("timex corpus", run_tally()) << '\n';
  }
};

// The sections of timex.tsv, one TEST_CASE each (so ctest names the area that regressed).
// A new "## section" in the file needs its line here; the well-formedness test says so.
constexpr std::array<std::string_view, 10> kSections = {
    "absolute dates", "relative dates",   "weekdays",         "times of day", "durations",
    "sets",           "vague references", "ranges and lists", "holidays",         "false alarms",
};

}  // namespace

CATCH_REGISTER_LISTENER(CorpusSummary)

TEST_CASE("timex corpus: the file is well formed and every section has a test case", "[corpus]") {
  const Corpus& corpus = corpus_file();
  require_well_formed(corpus);
  for (const auto& section : corpus.sections) {
    INFO("section '" << section << "' of timex.tsv");
    CHECK(std::find(kSections.begin(), kSections.end(), section) != kSections.end());
  }
}

TEST_CASE("timex corpus: absolute dates", "[corpus]") { run_section(kSections[0]); }
TEST_CASE("timex corpus: relative dates", "[corpus]") { run_section(kSections[1]); }
TEST_CASE("timex corpus: weekdays", "[corpus]") { run_section(kSections[2]); }
TEST_CASE("timex corpus: times of day", "[corpus]") { run_section(kSections[3]); }
TEST_CASE("timex corpus: durations", "[corpus]") { run_section(kSections[4]); }
TEST_CASE("timex corpus: sets", "[corpus]") { run_section(kSections[5]); }
TEST_CASE("timex corpus: vague references", "[corpus]") { run_section(kSections[6]); }
TEST_CASE("timex corpus: ranges and lists", "[corpus]") { run_section(kSections[7]); }
TEST_CASE("timex corpus: holidays", "[corpus]") { run_section(kSections[8]); }
TEST_CASE("timex corpus: false alarms", "[corpus]") { run_section(kSections[9]); }

// The reader of the format itself, on hand-written lines.
TEST_CASE("timex corpus format: cases, sections, occurrences and modifiers", "[corpus][format]") {
  const Corpus corpus = parse_corpus(
      "# a comment\n"
      "\n"
      "## demo\n"
      "2025-07-19\tMicrosoft said Friday it had changed its support.\tFriday=DATE:2025-07-18\n"
      "2025-07-19\tIt rained on Friday, and again on Friday.\tFriday@2=DATE:2025-07-18\n"
      "2025-07-19\tThe dispute has lasted more than two years.\tmore than two years=DURATION:P2Y:MORE_THAN\n"
      "2025-07-19\tTrading resumed at 10:30 a.m. EST today.\t10:30 a.m. EST=TIME:2025-07-19T10:30;today=DATE:2025-07-"
      "19\n"
      "## second\r\n"
      "2025-02-20\tThe fair runs between March 3 and 5, 2025 aside.\t5=DATE:2025-03-05;March 3=DATE:2025-03-03\r\n"
      "2025-07-19\tYou may want to march on.\t-\n"
      "2025-07-19\tOfficials may decide.\txfail:-\n");
  REQUIRE(corpus.errors.empty());
  REQUIRE(corpus.cases.size() == 7);
  CHECK(corpus.sections == std::vector<std::string>{"demo", "second"});

  const CorpusCase& said = corpus.cases[0];
  CHECK(said.line == 4);
  CHECK(said.section == "demo");
  CHECK(iso_string(said.dct) == "2025-07-19");
  REQUIRE(said.expected.size() == 1);
  CHECK(said.expected[0] == CorpusTimex{Span{15, 21}, TimexType::Date, "2025-07-18", Mod::None});

  const CorpusCase& twice = corpus.cases[1];
  REQUIRE(twice.expected.size() == 1);
  CHECK(twice.expected[0].span.slice(twice.sentence) == "Friday");
  CHECK(twice.expected[0].span.begin == twice.sentence.rfind("Friday"));
  CHECK(to_items(twice.expected, twice.sentence) == "Friday@2=DATE:2025-07-18");

  const CorpusCase& more = corpus.cases[2];
  REQUIRE(more.expected.size() == 1);
  CHECK(more.expected[0].type == TimexType::Duration);
  CHECK(more.expected[0].value == "P2Y");
  CHECK(more.expected[0].mod == Mod::MoreThan);
  CHECK(to_items(more.expected, more.sentence) == "more than two years=DURATION:P2Y:MORE_THAN");

  const CorpusCase& clock = corpus.cases[3];
  REQUIRE(clock.expected.size() == 2);
  CHECK(clock.expected[0] ==
        CorpusTimex{Span{19, 33}, TimexType::Time, "2025-07-19T10:30", Mod::None});  // the colon is the value's
  CHECK(clock.expected[1].span.slice(clock.sentence) == "today");

  const CorpusCase& range = corpus.cases[4];
  CHECK(range.section == "second");
  CHECK(range.sentence.back() == '.');  // the \r of a CRLF line is not part of the expected field
  REQUIRE(range.expected.size() == 2);  // sorted by position whatever the order in the file
  CHECK(range.expected[0].span.slice(range.sentence) == "March 3");
  CHECK(range.expected[1].span.begin == range.sentence.find(" 5,") + 1);  // a whole word, not the 5 of 2025

  CHECK(corpus.cases[5].expected.empty());
  CHECK_FALSE(corpus.cases[5].xfail);
  CHECK(corpus.cases[6].expected.empty());
  CHECK(corpus.cases[6].xfail);
}

TEST_CASE("timex corpus format: a malformed line is an error naming its line", "[corpus][format]") {
  struct Bad {
    std::string line;
    std::string says;
  };
  const std::vector<Bad> bad = {
      {"2025-07-19\tNo expected field.", "3 tab-separated fields"},
      {"2025-07-19\tOne\ttoo\tmany", "3 tab-separated fields"},
      {"2025-7-19\tFriday.\tFriday=DATE:2025-07-18", "invalid date"},
      {"2025-07-19\tIt rained Friday.\t", "empty expected"},
      {"2025-07-19\tIt rained Friday.\tFriday=DATE:2025-07-18;", "empty item"},
      {"2025-07-19\tIt rained Friday.\tFriday", "not text=TYPE:VALUE"},
      {"2025-07-19\tIt rained Friday.\tFriday=2025-07-18", "no TYPE:VALUE"},
      {"2025-07-19\tIt rained Friday.\tFriday=DAY:2025-07-18", "unknown TYPE"},
      {"2025-07-19\tIt rained Friday.\tFriday=DATE:2025-07-32", "invalid TIMEX3 value"},
      {"2025-07-19\tIt rained Friday.\tFriday=DATE:2025-07-18:LATE", "unknown MOD"},
      {"2025-07-19\tIt lasted two weeks.\ttwo weeks=DATE:P2W", "cannot have the value"},
      {"2025-07-19\tIt lasted two weeks.\ttwo weeks=DURATION:2025-W29", "cannot have the value"},
      {"2025-07-19\tIt ended at noon.\tnoon=DATE:2025-07-19T12:00", "cannot have the value"},
      {"2025-07-19\tIt ended at noon.\tnoon=TIME:2025-07-19", "cannot have the value"},
      {"2025-07-19\tIt rained Friday.\tThursday=DATE:2025-07-17", "not a whole-word part"},
      {"2025-07-19\tIt rained Fridays.\tFriday=DATE:2025-07-18", "not a whole-word part"},
      {"2025-07-19\tIt rained Friday.\tFriday@2=DATE:2025-07-18", "no occurrence 2"},
      {"2025-07-19\tIt rained on Friday evening.\tFriday evening=TIME:2025-07-18TEV;Friday=DATE:2025-07-18", "overlap"},
  };
  for (const auto& b : bad) {
    INFO(b.line);
    const Corpus corpus = parse_corpus("# header\n" + b.line + "\n");
    CHECK(corpus.cases.empty());
    REQUIRE(corpus.errors.size() == 1);
    CHECK_THAT(corpus.errors[0], Catch::Contains("line 2: ") && Catch::Contains(b.says));
  }
  const Corpus twice = parse_corpus("## a\n## a\n");
  REQUIRE(twice.errors.size() == 1);
  CHECK_THAT(twice.errors[0], Catch::Contains("line 2: section 'a' appears twice"));
}
