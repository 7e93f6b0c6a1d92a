// find_amounts on the shared sample page and on the edges of its input: what `dateline extract`
// prints as amounts, and the promises of its contract (sorted, non-overlapping, byte spans).

#include <dateline/extract.h>
#include <dateline/read.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace dateline;

const std::string kSample = DATELINE_SHARED_DIR "/examples/news-page-2025-07.txt";

struct Found {
  std::string text;
  double value;
  std::string unit;
  bool approximate;
};

std::vector<Found> found(std::string_view text) {
  std::vector<Found> out;
  for (const Amount& a : find_amounts(text)) {
    out.push_back(Found{std::string(a.span.slice(text)), a.value, a.unit, a.approximate});
  }
  return out;
}

const Found* with_text(const std::vector<Found>& all, std::string_view text) {
  auto it = std::find_if(all.begin(), all.end(), [&](const Found& f) { return f.text == text; });
  return it == all.end() ? nullptr : &*it;
}

void check_sorted_and_disjoint(std::string_view text) {
  std::vector<Amount> amounts = find_amounts(text);
  for (std::size_t i = 0; i < amounts.size(); ++i) {
    CHECK(amounts[i].span.end <= text.size());
    CHECK_FALSE(amounts[i].span.empty());
    if (i > 0) CHECK(amounts[i - 1].span.end <= amounts[i].span.begin);
  }
}

}  // namespace

TEST_CASE("amounts: the key figures of the shared sample page", "[amounts]") {
  const std::string page = read_file(kSample);
  const std::vector<Found> all = found(page);
  struct Want {
    std::string_view text;
    double value;
    std::string_view unit;
    bool approximate;
  };
  const Want wanted[] = {
      {"$4.7bn", 4.7e9, "USD", false},  // the headline, a line of the raw page
      {"$4.67bn", 4670000000, "USD", false},
      {"about 26 US government employees", 26, "count", true},
      {"34 contractors", 34, "count", false},
      {"hundreds of missiles", 100, "count", true},
      {"dozens of guidance units", 12, "count", true},
      {"four AN/MPQ-64 Sentinel radar systems", 4, "count", false},
      {"20 per cent", 20, "percent", false},
      {"Over 60 per cent", 60, "percent", true},
  };
  for (const Want& w : wanted) {
    INFO(w.text);
    const Found* f = with_text(all, w.text);
    REQUIRE(f != nullptr);
    CHECK(f->value == Approx(w.value).epsilon(1e-9));
    CHECK(f->unit == w.unit);
    CHECK(f->approximate == w.approximate);
  }
  // No year, date, duration, compound adjective or ordinal is a count.
  for (const Found& f : all) {
    INFO(f.text);
    CHECK(f.text.find("1979") == std::string::npos);
    CHECK(f.text.find("2025") == std::string::npos);
    CHECK(f.text.find("2020") == std::string::npos);
    CHECK(f.text.find("September") == std::string::npos);
    CHECK(f.text.find("27-country") == std::string::npos);
    CHECK(f.text.find("90-day") == std::string::npos);
    CHECK(f.text.find("two weeks") == std::string::npos);
    CHECK(f.text.find("50th") == std::string::npos);
  }
  CHECK(all.size() == std::size(wanted));
  check_sorted_and_disjoint(page);
}

TEST_CASE("amounts: extract fills Extraction::amounts with spans into each document's text", "[amounts]") {
  ReadOptions options;
  options.dct = Date(2025, 7, 19);
  options.captured = parse_captured("2025-07-25T12:00");
  std::size_t total = 0;
  bool saw_sale = false;
  for (Document& d : read_inputs({kSample}, options)) {
    Extraction x = extract(std::move(d));
    total += x.amounts.size();
    for (const Amount& a : x.amounts) {
      REQUIRE(a.span.end <= x.document.text.size());
      if (a.span.slice(x.document.text) == "$4.67bn") saw_sale = a.unit == "USD" && a.value == Approx(4.67e9);
    }
  }
  CHECK(saw_sale);
  CHECK(total >= 8);
}

TEST_CASE("amounts: empty, numberless and ragged input", "[amounts]") {
  CHECK(find_amounts("").empty());
  CHECK(find_amounts("No figures at all in this sentence.").empty());
  CHECK(find_amounts("$").empty());
  CHECK(find_amounts("a").empty());
  CHECK(find_amounts("hundreds of").empty());
  CHECK(find_amounts("#722 million was paid").empty());  // a pound sign in old wire copy: left alone
  const std::string_view ragged =
      "Costs: $4.7bn\xC2\xA0"
      "and €3\xE2\x80\x93\xE2\x82\xAC"
      " 5, 99 cents, 12 of";
  check_sorted_and_disjoint(ragged);
  const std::vector<Found> r = found(ragged);
  REQUIRE(r.size() >= 2);
  CHECK(r[0].text == "$4.7bn");
  CHECK(r[0].value == Approx(4.7e9));
}

TEST_CASE("amounts: a no-break space and ISO codes in capitals only", "[amounts]") {
  const std::vector<Found> nbsp = found(
      "The fine was \xE2\x82\xAC\xC2\xA0"
      "40\xC2\xA0million.");
  REQUIRE(nbsp.size() == 1);
  CHECK(nbsp[0].unit == "EUR");
  CHECK(nbsp[0].value == Approx(4e7));
  CHECK(found("The eur 40m is a typo.").empty());
  const std::vector<Found> code = found("It paid USD 40m.");
  REQUIRE(code.size() == 1);
  CHECK(code[0].unit == "USD");
}
