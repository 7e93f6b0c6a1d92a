// The entities corpus: news-style sentences with the entity mentions find_entities must return
// for them, one case a line in tests/corpus/entities.tsv (the format is in tests/corpus/README.md).
// Every "## section" of the file is one TEST_CASE here; a case that fails is reported with its
// line, sentence, expected and actual items, written in the file's own notation. A last test
// checks the shared sample page.

#define CATCH_CONFIG_EXTERNAL_INTERFACES  // for the listener that prints the run's summary
#include <dateline/extract.h>
#include <fmt/format.h>

#include "corpus_file.h"

#include <algorithm>
#include <array>
#include <catch2/catch.hpp>
#include <cctype>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace dateline;

// One expected (or actual) mention, as the corpus compares them.
struct CorpusEntity {
  Span span;
  std::string name;
  EntityKind kind = EntityKind::Other;

  friend bool operator==(const CorpusEntity&, const CorpusEntity&) = default;
};

struct CorpusCase {
  std::size_t line = 0;
  std::string section;
  std::string sentence;
  std::vector<CorpusEntity> expected;  // sorted by span; empty for "-"
  bool xfail = false;
};

using Corpus = corpus::File<CorpusCase>;

using corpus::is_digits;
using corpus::kNoSection;
using corpus::kXfail;
using corpus::LineError;
using corpus::split;

std::optional<EntityKind> kind_from_name(std::string_view name) {
  for (EntityKind k : {EntityKind::Person, EntityKind::Org, EntityKind::Gpe, EntityKind::Product, EntityKind::Law,
                       EntityKind::Event, EntityKind::Other}) {
    if (to_string(k) == name) return k;
  }
  return std::nullopt;
}

// "text[@n]=Canonical Name/KIND"
CorpusEntity parse_item(std::string_view item, std::string_view sentence) {
  std::size_t eq = item.find('=');
  std::size_t slash = item.rfind('/');
  if (eq == std::string_view::npos || eq == 0 || slash == std::string_view::npos || slash < eq) {
    throw LineError(fmt::format("item '{}' is not text=Canonical Name/KIND", item));
  }
  std::string_view text = item.substr(0, eq);
  int occurrence = 1;
  if (std::size_t at = text.rfind('@'); at != std::string_view::npos && is_digits(text.substr(at + 1))) {
    occurrence = std::stoi(std::string(text.substr(at + 1)));
    text = text.substr(0, at);
    if (occurrence < 1 || text.empty()) throw LineError(fmt::format("item '{}': bad occurrence", item));
  }
  CorpusEntity e;
  e.name = std::string(item.substr(eq + 1, slash - eq - 1));
  if (e.name.empty()) throw LineError(fmt::format("item '{}': empty canonical name", item));
  auto kind = kind_from_name(item.substr(slash + 1));
  if (!kind) throw LineError(fmt::format("item '{}': unknown KIND '{}'", item, item.substr(slash + 1)));
  e.kind = *kind;
  auto begin = corpus::find_occurrence(sentence, text, occurrence, corpus::WordChars::AsciiAndUtf8);
  if (!begin) {
    throw LineError(occurrence == 1
                        ? fmt::format("item '{}': '{}' is not a whole-word part of the sentence", item, text)
                        : fmt::format("item '{}': the sentence has no occurrence {} of '{}'", item, occurrence, text));
  }
  e.span = Span{static_cast<std::uint32_t>(*begin), static_cast<std::uint32_t>(*begin + text.size())};
  return e;
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
  if (expected.empty()) throw LineError("empty expected field (write '-' for no entity)");
  if (expected == "-") return c;
  for (std::string_view item : split(expected, ';')) {
    if (item.empty()) throw LineError("empty item in the expected field");
    c.expected.push_back(parse_item(item, c.sentence));
  }
  std::sort(c.expected.begin(), c.expected.end(),
            [](const CorpusEntity& a, const CorpusEntity& b) { return a.span.begin < b.span.begin; });
  for (std::size_t i = 1; i < c.expected.size(); ++i) {
    if (c.expected[i - 1].span.overlaps(c.expected[i].span)) {
      throw LineError(fmt::format("items '{}' and '{}' overlap", c.expected[i - 1].span.slice(c.sentence),
                                  c.expected[i].span.slice(c.sentence)));
    }
  }
  return c;
}

Corpus parse_corpus(std::string_view content) { return corpus::parse_file<CorpusCase>(content, parse_case); }

std::string to_item(const CorpusEntity& e, std::string_view sentence) {
  std::string_view text = e.span.end <= sentence.size() ? e.span.slice(sentence) : std::string_view("?");
  std::string where;
  int n = 0;
  for (int k = 1;; ++k) {
    auto at = corpus::find_occurrence(sentence, text, k, corpus::WordChars::AsciiAndUtf8);
    if (!at) break;
    if (*at == e.span.begin) {
      n = k;
      break;
    }
  }
  if (n == 0) {
    where = fmt::format("[{},{})", e.span.begin, e.span.end);
  } else if (n > 1) {
    where = fmt::format("@{}", n);
  }
  return fmt::format("{}{}={}/{}", text, where, e.name, to_string(e.kind));
}

std::string to_items(const std::vector<CorpusEntity>& entities, std::string_view sentence) {
  if (entities.empty()) return "-";
  std::string out;
  for (const auto& e : entities) {
    if (!out.empty()) out += ';';
    out += to_item(e, sentence);
  }
  return out;
}

std::vector<CorpusEntity> actual_entities(const CorpusCase& c) {
  std::vector<CorpusEntity> out;
  for (const EntityMention& m : find_entities(c.sentence, split_sentences(c.sentence))) {
    out.push_back(CorpusEntity{m.span, m.name, m.kind});
  }
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
    const std::string path = DATELINE_SOURCE_DIR "/tests/corpus/entities.tsv";
    return parse_corpus(::corpus::read_file(path));
  }();
  return corpus;
}

void require_well_formed(const Corpus& corpus) {
  for (const auto& error : corpus.errors) FAIL_CHECK("entities.tsv " << error);
  REQUIRE(corpus.errors.empty());
}

void run_section(std::string_view section) {
  const Corpus& corpus = corpus_file();
  require_well_formed(corpus);
  Tally tally;
  for (const CorpusCase& c : corpus.cases) {
    if (c.section != section) continue;
    ++tally.cases;
    std::vector<CorpusEntity> actual;
    std::string error;
    try {
      actual = actual_entities(c);
    } catch (const std::exception& e) {
      error = fmt::format("  threw:    {}\n", e.what());
    }
    bool passed = error.empty() && actual == c.expected;
    std::string report = fmt::format("entities.tsv line {}: {}\n  expected: {}\n  actual:   {}\n{}", c.line, c.sentence,
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
  CHECK(tally.cases > 0);
  Tally& run = run_tally();
  run += tally;
  std::cout << summary(fmt::format("entities corpus [{}]", section), tally) << '\n';
}

class CorpusSummary : public Catch::TestEventListenerBase {
 public:
  using TestEventListenerBase::TestEventListenerBase;
  void testRunEnded(const Catch::TestRunStats&) override {
    if (run_tally().cases > 0) std::cout << summary("entities corpus", run_tally()) << '\n';
  }
};

// The sections of entities.tsv, one TEST_CASE each. A new "## section" needs its line here.
constexpr std::array<std::string_view, 9> kSections = {
    "countries and demonyms", "capitals as metonyms", "organisations and aliases", "titles",
    "particles and UTF-8", "linking", "joined names, initials and short forms", "laws and products",
    "false alarms",
};

}  // namespace

CATCH_REGISTER_LISTENER(CorpusSummary)

TEST_CASE("entities corpus: the file is well formed and every section has a test case", "[corpus]") {
  const Corpus& corpus = corpus_file();
  require_well_formed(corpus);
  for (const auto& section : corpus.sections) {
    INFO("section '" << section << "' of entities.tsv");
    CHECK(std::find(kSections.begin(), kSections.end(), section) != kSections.end());
  }
}

TEST_CASE("entities corpus: countries and demonyms", "[corpus]") { run_section(kSections[0]); }
TEST_CASE("entities corpus: capitals as metonyms", "[corpus]") { run_section(kSections[1]); }
TEST_CASE("entities corpus: organisations and aliases", "[corpus]") { run_section(kSections[2]); }
TEST_CASE("entities corpus: titles", "[corpus]") { run_section(kSections[3]); }
TEST_CASE("entities corpus: particles and UTF-8", "[corpus]") { run_section(kSections[4]); }
TEST_CASE("entities corpus: linking", "[corpus]") { run_section(kSections[5]); }
TEST_CASE("entities corpus: joined names, initials and short forms", "[corpus]") { run_section(kSections[6]); }
TEST_CASE("entities corpus: laws and products", "[corpus]") { run_section(kSections[7]); }
TEST_CASE("entities corpus: false alarms", "[corpus]") { run_section(kSections[8]); }

TEST_CASE("entities corpus format: items, occurrences and errors", "[corpus][format]") {
  const Corpus corpus = parse_corpus(
      "## demo\n"
      "Egypt and Egypt again.\tEgypt@2=Egypt/GPE\n"
      "Nothing here.\txfail:-\n"
      "Bad line\n"
      "Egypt.\tEgypt=Egypt/COUNTRY\n"
      "Egypt.\tCairo=Egypt/GPE\n");
  REQUIRE(corpus.cases.size() == 2);
  CHECK(corpus.cases[0].expected[0].span.begin == 10);
  CHECK(to_items(corpus.cases[0].expected, corpus.cases[0].sentence) == "Egypt@2=Egypt/GPE");
  CHECK(corpus.cases[1].xfail);
  REQUIRE(corpus.errors.size() == 3);
  CHECK_THAT(corpus.errors[0], Catch::Contains("line 4: expected 2 tab-separated fields"));
  CHECK_THAT(corpus.errors[1], Catch::Contains("unknown KIND"));
  CHECK_THAT(corpus.errors[2], Catch::Contains("not a whole-word part"));
}

// The shared sample page: the names a reader of these three stories would list.
TEST_CASE("entities on the shared sample page", "[entities][sample]") {
  const std::string path = DATELINE_SHARED_DIR "/examples/news-page-2025-07.txt";
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    WARN("no shared sample at " << path);
    return;
  }
  std::ostringstream content;
  content << in.rdbuf();
  const std::string text = content.str();
  const std::vector<EntityMention> mentions = find_entities(text, split_sentences(text));
  std::map<std::string, std::set<std::string>> surface;  // canonical name -> texts it was found as
  std::map<std::string, EntityKind> kinds;
  for (std::size_t i = 0; i < mentions.size(); ++i) {
    const EntityMention& m = mentions[i];
    surface[m.name].insert(std::string(m.span.slice(text)));
    kinds[m.name] = m.kind;
    if (i > 0) CHECK(mentions[i - 1].span.end <= m.span.begin);  // sorted, no overlaps
  }
  auto found_as = [&](const std::string& name, EntityKind kind, std::initializer_list<std::string> texts) {
    INFO(name);
    REQUIRE(surface.count(name) == 1);
    CHECK(kinds[name] == kind);
    for (const auto& t : texts) {
      INFO("as '" << t << "'");
      CHECK(surface[name].count(t) == 1);
    }
  };
  found_as("Microsoft", EntityKind::Org, {"Microsoft"});
  found_as("US Department of Defense", EntityKind::Org, {"Pentagon", "Defense Department", "DoD"});
  found_as("Pete Hegseth", EntityKind::Person, {"Pete Hegseth", "Hegseth"});
  found_as("ProPublica", EntityKind::Org, {"ProPublica"});
  found_as("Tom Cotton", EntityKind::Person, {"Tom Cotton"});
  found_as("Frank Shaw", EntityKind::Person, {"Frank Shaw"});
  found_as("China", EntityKind::Gpe, {"China", "Chinese", "Beijing"});
  found_as("United States", EntityKind::Gpe, {"US", "United States", "American", "Washington"});
  found_as("US Department of State", EntityKind::Org, {"US State Department"});
  found_as("Egypt", EntityKind::Gpe, {"Egypt", "Cairo", "Egyptian"});
  found_as("Defense Security Cooperation Agency", EntityKind::Org, {"Defense Security Cooperation Agency"});
  found_as("RTX Corporation", EntityKind::Org, {"RTX Corporation"});
  found_as("Xi Jinping", EntityKind::Person, {"Xi Jinping", "Xi"});
  found_as("Ursula von der Leyen", EntityKind::Person, {"Ursula von der Leyen", "von der Leyen"});
  found_as("António Costa", EntityKind::Person, {"António Costa"});
  found_as("Howard Lutnick", EntityKind::Person, {"Howard Lutnick", "Lutnick"});
  found_as("Donald Trump", EntityKind::Person, {"Donald Trump", "Trump"});
  found_as("ByteDance", EntityKind::Org, {"ByteDance"});
  found_as("TikTok", EntityKind::Product, {"TikTok"});
  found_as("Joe Biden", EntityKind::Person, {"Joe Biden"});
  found_as("Oracle", EntityKind::Org, {"Oracle"});
  found_as("Walmart", EntityKind::Org, {"Walmart"});
  found_as("Reuters", EntityKind::Org, {"Reuters"});
  found_as("Bloomberg", EntityKind::Org, {"Bloomberg"});
  found_as("US Supreme Court", EntityKind::Org, {"US Supreme Court"});
  found_as("First Amendment", EntityKind::Law, {"First Amendment"});
  found_as("Pew Research Center", EntityKind::Org, {"Pew Research Centre"});
  found_as("European Union", EntityKind::Org, {"EU", "European Union"});
  // Words that open sentences or name times are not entities.
  for (const char* word : {"Despite", "However", "Earlier", "January", "Thursday", "Asked", "Called", "Free"}) {
    INFO(word);
    CHECK(surface.count(word) == 0);
  }
}
