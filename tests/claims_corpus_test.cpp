// The claims corpus: news-style sentences with the claims extract() must find in them, one case
// a line in tests/corpus/claims.tsv (the format is in tests/corpus/README.md). Claims are scored
// as a set over the whole file: precision (found claims that match an expected one) and recall
// (expected claims found), each with a floor. A last test checks the shared sample page.

#include <dateline/extract.h>
#include <dateline/fact.h>
#include <dateline/read.h>
#include <fmt/format.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "corpus_file.h"

namespace {

using namespace dateline;
using corpus::LineError;
using corpus::split;

// The floors, a little under what the extractor reaches, so that a regression fails the test.
constexpr double kPrecisionFloor = 0.90;
constexpr double kRecallFloor = 0.85;

constexpr std::string_view kAny = "*";

// predicate|status|time|entities|amount|attribution[|topic]; "*" in a field accepts anything.
struct ExpectedClaim {
  std::string predicate;
  std::string status;
  std::string time;                   // a TIMEX3 value, "pub:<value>" for a publication date, "-" for none
  std::vector<std::string> entities;  // names that must be among the claim's ('+'-separated)
  std::string amount;                 // "<value> <unit>" or "-"
  std::string attribution;            // a canonical name or "-"
  std::string topic = std::string(kAny);  // what the claim is about, as its headline says it
  std::string text;                   // as written, for reports
};

struct CorpusCase {
  std::size_t line = 0;
  std::string section;
  Date dct;
  std::string text;
  std::vector<ExpectedClaim> expected;  // empty for "-"
};

using Corpus = corpus::File<CorpusCase>;

ExpectedClaim parse_claim(std::string_view item) {
  std::vector<std::string_view> f = split(item, '|');
  if (f.size() != 6 && f.size() != 7) {
    throw LineError(fmt::format("claim '{}' is not predicate|status|time|entities|amount|attribution[|topic]", item));
  }
  ExpectedClaim c;
  c.text = std::string(item);
  c.predicate = std::string(f[0]);
  c.status = std::string(f[1]);
  c.time = std::string(f[2]);
  if (f[3] != "-" && f[3] != kAny) {
    for (std::string_view name : split(f[3], '+')) c.entities.emplace_back(name);
  }
  c.amount = std::string(f[4]);
  c.attribution = std::string(f[5]);
  if (f.size() == 7) c.topic = std::string(f[6]);
  if (c.predicate.empty() || c.status.empty() || c.time.empty())
    throw LineError(fmt::format("claim '{}' has an empty field", item));
  if (c.status != kAny && !claim_status_from_string(c.status)) {
    throw LineError(fmt::format("claim '{}': unknown status '{}'", item, c.status));
  }
  return c;
}

CorpusCase parse_case(std::string_view line) {
  std::vector<std::string_view> fields = split(line, '\t');
  if (fields.size() != 3) {
    throw LineError(fmt::format("expected 3 tab-separated fields (DCT, text, expected), found {}", fields.size()));
  }
  CorpusCase c;
  try {
    c.dct = parse_iso_date(fields[0]);
  } catch (const std::exception& e) {
    throw LineError(fmt::format("bad DCT '{}': {}", fields[0], e.what()));
  }
  if (fields[1].empty()) throw LineError("empty text");
  c.text = std::string(fields[1]);
  if (fields[2].empty()) throw LineError("empty expected field (write '-' for no claim)");
  if (fields[2] == "-") return c;
  for (std::string_view item : split(fields[2], ';')) c.expected.push_back(parse_claim(item));
  return c;
}

std::string time_of(const Claim& c) {
  if (!c.time) return "-";
  return c.time_source == ClaimTimeSource::Publication ? fmt::format("pub:{}", c.time->value.value)
                                                       : c.time->value.value;
}

bool same_amount(const Claim& c, std::string_view expected) {
  if (expected == kAny) return true;
  if (expected == "-") return !c.amount;
  if (!c.amount) return false;
  std::size_t space = expected.find(' ');
  double value = std::stod(std::string(expected.substr(0, space)));
  return std::abs(c.amount->value - value) <= 1e-9 * std::max(1.0, std::abs(value)) &&
         c.amount->unit == expected.substr(space + 1);
}

bool matches(const Claim& c, const ExpectedClaim& e) {
  if (c.predicate != e.predicate) return false;
  if (e.status != kAny && to_string(c.status) != e.status) return false;
  if (e.time != kAny && time_of(c) != e.time) return false;
  for (const auto& name : e.entities) {
    if (std::none_of(c.entities.begin(), c.entities.end(), [&](const ClaimEntity& ce) { return ce.name == name; })) {
      return false;
    }
  }
  if (!same_amount(c, e.amount)) return false;
  if (e.attribution != kAny && c.attribution.value_or("-") != e.attribution) return false;
  if (e.topic != kAny && c.topic != e.topic) return false;
  return true;
}

std::string describe(const Claim& c) {
  std::string entities;
  for (const auto& e : c.entities) entities += fmt::format("{}{}", entities.empty() ? "" : "+", e.name);
  std::string amount = c.amount ? fmt::format("{} {}", c.amount->value, c.amount->unit) : "-";
  return fmt::format("{}|{}|{}|{}|{}|{}|{}", c.predicate, to_string(c.status), time_of(c),
                     entities.empty() ? "-" : entities, amount, c.attribution.value_or("-"), c.topic);
}

std::vector<Claim> claims_of(const CorpusCase& c) {
  Document d;
  d.id = document_id("corpus", c.text);
  d.text = c.text;
  d.published = day_value(c.dct);
  d.published_source = PublishedSource::Stated;
  d.sentences = split_sentences(d.text);
  return extract(std::move(d)).claims;
}

struct Score {
  std::size_t expected = 0;
  std::size_t found = 0;
  std::size_t matched = 0;
  double precision() const { return found == 0 ? 1.0 : static_cast<double>(matched) / static_cast<double>(found); }
  double recall() const { return expected == 0 ? 1.0 : static_cast<double>(matched) / static_cast<double>(expected); }
};

const Corpus& corpus_file() {
  static const Corpus corpus = [] {
    return corpus::parse_file<CorpusCase>(corpus::read_file(DATELINE_SOURCE_DIR "/tests/corpus/claims.tsv"),
                                          parse_case);
  }();
  return corpus;
}

}  // namespace

TEST_CASE("claims corpus: the file is well formed and large enough", "[corpus]") {
  const Corpus& corpus = corpus_file();
  for (const auto& error : corpus.errors) FAIL_CHECK("claims.tsv " << error);
  CHECK(corpus.errors.empty());
  CHECK(corpus.cases.size() >= 120);
  auto negatives =
      std::count_if(corpus.cases.begin(), corpus.cases.end(), [](const CorpusCase& c) { return c.expected.empty(); });
  CHECK(negatives >= 15);
}

TEST_CASE("claims corpus: precision and recall over every case", "[corpus]") {
  const Corpus& corpus = corpus_file();
  REQUIRE(corpus.errors.empty());
  Score total;
  std::size_t exact = 0;
  for (const CorpusCase& c : corpus.cases) {
    std::vector<Claim> found = claims_of(c);
    std::vector<bool> used(found.size(), false);
    std::vector<const ExpectedClaim*> missed;
    for (const ExpectedClaim& e : c.expected) {
      bool hit = false;
      for (std::size_t k = 0; k < found.size() && !hit; ++k) {
        if (!used[k] && matches(found[k], e)) used[k] = hit = true;
      }
      if (!hit) missed.push_back(&e);
    }
    std::size_t matched = c.expected.size() - missed.size();
    total.expected += c.expected.size();
    total.found += found.size();
    total.matched += matched;
    if (missed.empty() && matched == found.size()) {
      ++exact;
      continue;
    }
    // Every miss and every extra claim is printed in the file's notation, to read, not to fail on:
    // the floors below decide.
    std::string report = fmt::format("claims.tsv line {} (DCT {}): {}\n", c.line, iso_string(c.dct), c.text);
    for (const auto* e : missed) report += fmt::format("  missed: {}\n", e->text);
    for (std::size_t k = 0; k < found.size(); ++k) {
      if (!used[k]) report += fmt::format("  extra:  {}\n", describe(found[k]));
    }
    std::cout << report;
  }
  std::cout << fmt::format(
      "claims corpus: {} cases ({} exact), {} expected claims, {} found, {} matched: precision {:.3f}, recall {:.3f}\n",
      corpus.cases.size(), exact, total.expected, total.found, total.matched, total.precision(), total.recall());
  CHECK(total.precision() >= kPrecisionFloor);
  CHECK(total.recall() >= kRecallFloor);
}

// Topics are headlines and merge keys: where a case gives one, a claim must have exactly it
// (the floors above would let a wrong topic pass as one miss among many).
TEST_CASE("claims corpus: every topic a case gives is found", "[corpus]") {
  const Corpus& corpus = corpus_file();
  REQUIRE(corpus.errors.empty());
  std::size_t topics = 0;
  for (const CorpusCase& c : corpus.cases) {
    std::vector<Claim> found;
    for (const ExpectedClaim& e : c.expected) {
      if (e.topic == kAny) continue;
      ++topics;
      if (found.empty()) found = claims_of(c);
      const bool hit = std::any_of(found.begin(), found.end(), [&](const Claim& claim) { return matches(claim, e); });
      if (hit) continue;
      std::string got;
      for (const Claim& claim : found) got += fmt::format("\n  found: {}", describe(claim));
      FAIL_CHECK(fmt::format("claims.tsv line {}: {}\n  expected: {}{}", c.line, c.text, e.text, got));
    }
  }
  CHECK(topics >= 10);
}

TEST_CASE("claims corpus format: fields and errors", "[corpus][format]") {
  auto file = corpus::parse_file<CorpusCase>(
      "2025-03-12\tThe deal was signed on Monday.\tsigning|occurred|2025-03-10|-|-|-\n"
      "2025-03-12\tNothing.\t-\n"
      "2025-13-12\tBad date.\t-\n"
      "2025-03-12\tBad claim.\tsigning|occurred\n"
      "2025-03-12\tBad status.\tsigning|done|-|-|-|-\n",
      parse_case);
  REQUIRE(file.cases.size() == 2);
  CHECK(file.cases[0].expected.size() == 1);
  CHECK(file.cases[0].expected[0].time == "2025-03-10");
  CHECK(file.cases[1].expected.empty());
  REQUIRE(file.errors.size() == 3);
  CHECK(file.errors[0].find("line 3") != std::string::npos);
}

// The claims a reader lists from the shared sample page (issue #4), the key ones asserted.
TEST_CASE("claims on the shared sample page", "[sample]") {
  ReadOptions options;
  options.dct = parse_iso_date("2025-07-19");
  options.captured = parse_captured("2025-07-25T12:00");
  std::vector<Claim> claims;
  for (Document& d : read_inputs({DATELINE_SHARED_DIR "/examples/news-page-2025-07.txt"}, options)) {
    Extraction x = extract(std::move(d));
    claims.insert(claims.end(), x.claims.begin(), x.claims.end());
  }
  auto find = [&](std::string_view predicate, std::string_view value) -> const Claim* {
    for (const Claim& c : claims) {
      if (c.predicate == predicate && c.time && c.time->value.value == value) return &c;
    }
    return nullptr;
  };
  auto names = [](const Claim& c, std::string_view name) {
    return std::any_of(c.entities.begin(), c.entities.end(), [&](const ClaimEntity& e) { return e.name == name; }) ||
           c.topic.find(name) != std::string::npos;
  };
  const Claim* deadline = find("deadline", "2025-09-17");
  REQUIRE(deadline);
  CHECK(deadline->status == ClaimStatus::Scheduled);
  CHECK(names(*deadline, "TikTok"));
  CHECK(deadline->evidence.quote.find("September 17") != std::string::npos);

  const Claim* approval = find("approval", "2025-07-24");
  REQUIRE(approval);
  CHECK(std::find(approval->also.begin(), approval->also.end(), "sale") != approval->also.end());
  REQUIRE(approval->amount);
  CHECK(approval->amount->value == 4670000000.0);
  CHECK(approval->amount->unit == "USD");
  CHECK(approval->topic == "NASAMS sale");

  const Claim* original = find("deadline", "2025-01-19");
  REQUIRE(original);
  CHECK(original->status == ClaimStatus::Occurred);
  CHECK(original->topic == deadline->topic);  // one thread: the deadline that moved

  CHECK(find("signing", "2024"));
  CHECK(find("restriction", "2020"));
  CHECK(find("ruling", "2025-01"));
  CHECK(find("talks", "2025-W31"));
  const Claim* drills = find("exercise", "2025-04/2025-05");  // "hosted in April and May this year"
  REQUIRE(drills);
  CHECK(drills->time->value.earliest == Date(2025, 4, 1));
  CHECK(drills->time->value.latest == Date(2025, 5, 31));
  CHECK(find("summit", "2025-07-24"));
  const Claim* treaty = find("signing", "1979");
  REQUIRE(treaty);
  CHECK(names(*treaty, "Israel"));
  CHECK(find("report", "2025-07-15"));
  CHECK(find("statement", "2025-07-17"));     // the Cotton letter
  CHECK(find("statement", "2025-07-18TEV"));  // the Hegseth video
  CHECK(std::any_of(claims.begin(), claims.end(),
                    [](const Claim& c) { return c.predicate == "review" && c.status == ClaimStatus::Planned; }));
  // Precision: a handful of claims per article, not one per verb.
  CHECK(claims.size() <= 25);
}
