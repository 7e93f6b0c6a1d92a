// The amounts corpus: news-style sentences with the amounts find_amounts must return for them,
// one case a line in tests/corpus/amounts.tsv (the format is in tests/corpus/README.md). Every
// "## section" of the file is one TEST_CASE here; a case that fails is reported with its line,
// sentence, expected and actual items, written in the file's own notation.

#define CATCH_CONFIG_EXTERNAL_INTERFACES  // for the listener that prints the run's summary
#include <dateline/extract.h>
#include <fmt/format.h>

#include "corpus_file.h"

#include <algorithm>
#include <array>
#include <catch2/catch.hpp>
#include <cctype>
#include <charconv>
#include <cmath>
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

constexpr double kRelativeTolerance = 1e-9;

// One expected (or actual) amount, as the corpus compares them.
struct CorpusAmount {
  Span span;
  double value = 0;
  std::string unit;
  bool approximate = false;

  friend bool operator==(const CorpusAmount& a, const CorpusAmount& b) {
    return a.span == b.span && a.unit == b.unit && a.approximate == b.approximate &&
           std::fabs(a.value - b.value) <= kRelativeTolerance * std::max(std::fabs(a.value), std::fabs(b.value));
  }
};

struct CorpusCase {
  std::size_t line = 0;
  std::string section;
  std::string sentence;
  std::vector<CorpusAmount> expected;  // sorted by span; empty for "-"
  bool xfail = false;
};

using Corpus = corpus::File<CorpusCase>;

using corpus::is_digits;
using corpus::kNoSection;
using corpus::kXfail;
using corpus::LineError;
using corpus::split;

bool is_unit(std::string_view unit) {
  if (unit == "percent" || unit == "percentage_point" || unit == "count") return true;
  return unit.size() == 3 && std::all_of(unit.begin(), unit.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// "text[@n]=VALUE UNIT[~]"
CorpusAmount parse_item(std::string_view item, std::string_view sentence) {
  std::size_t eq = item.rfind('=');
  if (eq == std::string_view::npos || eq == 0) throw LineError(fmt::format("item '{}' is not text=VALUE UNIT", item));
  std::string_view text = item.substr(0, eq);
  std::string_view rest = item.substr(eq + 1);
  int occurrence = 1;
  if (std::size_t at = text.rfind('@'); at != std::string_view::npos && is_digits(text.substr(at + 1))) {
    occurrence = std::stoi(std::string(text.substr(at + 1)));
    text = text.substr(0, at);
    if (occurrence < 1 || text.empty()) throw LineError(fmt::format("item '{}': bad occurrence", item));
  }
  CorpusAmount amount;
  if (!rest.empty() && rest.back() == '~') {
    amount.approximate = true;
    rest.remove_suffix(1);
  }
  std::size_t space = rest.find(' ');
  if (space == std::string_view::npos) throw LineError(fmt::format("item '{}' has no 'VALUE UNIT'", item));
  std::string_view value = rest.substr(0, space);
  std::string_view unit = rest.substr(space + 1);
  auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), amount.value);
  if (ec != std::errc() || end != value.data() + value.size()) {
    throw LineError(fmt::format("item '{}': '{}' is not a number", item, value));
  }
  if (!is_unit(unit)) {
    throw LineError(
        fmt::format("item '{}': unit '{}' is not an ISO 4217 code, percent, percentage_point or count", item, unit));
  }
  amount.unit = std::string(unit);
  auto begin = corpus::find_occurrence(sentence, text, occurrence, corpus::WordChars::Ascii);
  if (!begin) {
    throw LineError(occurrence == 1
                        ? fmt::format("item '{}': '{}' is not a whole-word part of the sentence", item, text)
                        : fmt::format("item '{}': the sentence has no occurrence {} of '{}'", item, occurrence, text));
  }
  amount.span = Span{static_cast<std::uint32_t>(*begin), static_cast<std::uint32_t>(*begin + text.size())};
  return amount;
}

// "sentence<TAB>expected"
CorpusCase parse_case(std::string_view line) {
  std::vector<std::string_view> fields = split(line, '\t');
  if (fields.size() != 2) {
    throw LineError(fmt::format("expected 2 tab-separated fields (sentence, expected), found {}", fields.size()));
  }
  CorpusCase c;
  if (fields[0].empty()) throw LineError("empty sentence");
  c.sentence = std::string(fields[0]);
  std::string_view expected = fields[1];
  if (expected.substr(0, kXfail.size()) == kXfail) {
    c.xfail = true;
    expected.remove_prefix(kXfail.size());
  }
  if (expected.empty()) throw LineError("empty expected field (write '-' for no amount)");
  if (expected == "-") return c;
  for (std::string_view item : split(expected, ';')) {
    if (item.empty()) throw LineError("empty item in the expected field");
    c.expected.push_back(parse_item(item, c.sentence));
  }
  std::sort(c.expected.begin(), c.expected.end(),
            [](const CorpusAmount& a, const CorpusAmount& b) { return a.span.begin < b.span.begin; });
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
std::string to_item(const CorpusAmount& a, std::string_view sentence) {
  std::string_view text = a.span.end <= sentence.size() ? a.span.slice(sentence) : std::string_view("?");
  std::string where;
  int n = 0;
  for (int k = 1;; ++k) {
    auto at = corpus::find_occurrence(sentence, text, k, corpus::WordChars::Ascii);
    if (!at) break;
    if (*at == a.span.begin) {
      n = k;
      break;
    }
  }
  if (n == 0) {
    where = fmt::format("[{},{})", a.span.begin, a.span.end);
  } else if (n > 1) {
    where = fmt::format("@{}", n);
  }
  return fmt::format("{}{}={} {}{}", text, where, a.value, a.unit, a.approximate ? "~" : "");
}

std::string to_items(const std::vector<CorpusAmount>& amounts, std::string_view sentence) {
  if (amounts.empty()) return "-";
  std::string out;
  for (const auto& a : amounts) {
    if (!out.empty()) out += ';';
    out += to_item(a, sentence);
  }
  return out;
}

std::vector<CorpusAmount> actual_amounts(const CorpusCase& c) {
  std::vector<CorpusAmount> out;
  for (const Amount& a : find_amounts(c.sentence)) out.push_back(CorpusAmount{a.span, a.value, a.unit, a.approximate});
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
    const std::string path = DATELINE_SOURCE_DIR "/tests/corpus/amounts.tsv";
    return parse_corpus(::corpus::read_file(path));
  }();
  return corpus;
}

void require_well_formed(const Corpus& corpus) {
  for (const auto& error : corpus.errors) FAIL_CHECK("amounts.tsv " << error);
  REQUIRE(corpus.errors.empty());
}

void run_section(std::string_view section) {
  const Corpus& corpus = corpus_file();
  require_well_formed(corpus);
  Tally tally;
  for (const CorpusCase& c : corpus.cases) {
    if (c.section != section) continue;
    ++tally.cases;
    std::vector<CorpusAmount> actual;
    std::string error;
    try {
      actual = actual_amounts(c);
    } catch (const std::exception& e) {
      error = fmt::format("  threw:    {}\n", e.what());
    }
    bool passed = error.empty() && actual == c.expected;
    std::string report = fmt::format("amounts.tsv line {}: {}\n  expected: {}\n  actual:   {}\n{}", c.line, c.sentence,
                                     to_items(c.expected, c.sentence), to_items(actual, c.sentence), error);
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
  std::cout << summary(fmt::format("amounts corpus [{}]", section), tally) << '\n';
}

// The run's one-line summary, after every section that ran.
class CorpusSummary : public Catch::TestEventListenerBase {
 public:
  using TestEventListenerBase::TestEventListenerBase;
  void testRunEnded(const Catch::TestRunStats&) override {
    if (run_tally().cases > 0) std::cout << summary("amounts corpus", run_tally()) << '\n';
  }
};

// The sections of amounts.tsv, one TEST_CASE each (so ctest names the area that regressed).
// A new "## section" in the file needs its line here; the well-formedness test says so.
constexpr std::array<std::string_view, 5> kSections = {
    "money", "percentages", "counts", "approximate amounts", "false alarms",
};

}  // namespace

CATCH_REGISTER_LISTENER(CorpusSummary)

TEST_CASE("amounts corpus: the file is well formed and every section has a test case", "[corpus]") {
  const Corpus& corpus = corpus_file();
  require_well_formed(corpus);
  for (const auto& section : corpus.sections) {
    INFO("section '" << section << "' of amounts.tsv");
    CHECK(std::find(kSections.begin(), kSections.end(), section) != kSections.end());
  }
}

TEST_CASE("amounts corpus: money", "[corpus]") { run_section(kSections[0]); }
TEST_CASE("amounts corpus: percentages", "[corpus]") { run_section(kSections[1]); }
TEST_CASE("amounts corpus: counts", "[corpus]") { run_section(kSections[2]); }
TEST_CASE("amounts corpus: approximate amounts", "[corpus]") { run_section(kSections[3]); }
TEST_CASE("amounts corpus: false alarms", "[corpus]") { run_section(kSections[4]); }

// The reader of the format itself, on hand-written lines.
TEST_CASE("amounts corpus format: items, occurrences, tolerance and malformed lines", "[corpus][format]") {
  const Corpus corpus = parse_corpus(
      "# a comment\n"
      "## demo\n"
      "The deal is worth $4.67bn.\t$4.67bn=4670000000 USD\n"
      "About 26 staff and 26 guards left.\tAbout 26 staff=26 count~;26 guards@1=26 count\n"
      "It fell 3 per cent in 2025.\t3 per cent=3.0000000001 percent\n"
      "No amount here.\txfail:-\n"
      "Only one field.\n"
      "Bad unit.\tBad=1 dollars\n"
      "Bad value.\tBad=one USD\n"
      "Not there.\t$5=5 USD\n");
  REQUIRE(corpus.cases.size() == 4);
  CHECK(corpus.sections == std::vector<std::string>{"demo"});
  const CorpusCase& deal = corpus.cases[0];
  CHECK(deal.line == 3);
  REQUIRE(deal.expected.size() == 1);
  CHECK(deal.expected[0].span.slice(deal.sentence) == "$4.67bn");
  CHECK(to_items(deal.expected, deal.sentence) == "$4.67bn=4670000000 USD");
  const CorpusCase& staff = corpus.cases[1];
  REQUIRE(staff.expected.size() == 2);
  CHECK(staff.expected[0].approximate);
  CHECK(staff.expected[1].span.slice(staff.sentence) == "26 guards");
  // Values compare with a relative tolerance of 1e-9.
  CHECK(corpus.cases[2].expected[0] == CorpusAmount{corpus.cases[2].expected[0].span, 3, "percent", false});
  CHECK_FALSE(corpus.cases[2].expected[0] == CorpusAmount{corpus.cases[2].expected[0].span, 3.001, "percent", false});
  CHECK(corpus.cases[3].xfail);
  REQUIRE(corpus.errors.size() == 4);
  CHECK_THAT(corpus.errors[0], Catch::Contains("line 7: ") && Catch::Contains("2 tab-separated fields"));
  CHECK_THAT(corpus.errors[1], Catch::Contains("line 8: ") && Catch::Contains("unit 'dollars'"));
  CHECK_THAT(corpus.errors[2], Catch::Contains("line 9: ") && Catch::Contains("not a number"));
  CHECK_THAT(corpus.errors[3], Catch::Contains("line 10: ") && Catch::Contains("not a whole-word part"));
}
