// The store on its own: ingests generated articles whose claims are built here (so the engine is
// measured apart from extraction), then times the queries behind `upcoming`, `timeline` and
// `facts`. Prints figures; never fails on them. See bench/engine_bench.sh.
//
//   store_bench DB ARTICLES [CLAIMS_PER_ARTICLE] [--queries-only]
//
// --queries-only: the store DB was built by an earlier run with the same ARTICLES; time the
// queries again without ingesting.
//
// Stories: one per five articles, each with its own company, place and topic, and the names
// every story shares ("United States", "China") on most claims. Each article restates its story's
// main scheduled fact (a deadline, vote or summit; a later article sometimes moves it), and adds
// background claims at other times: merging, revisions and threading all get work.

#include <dateline/store.h>

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <random>
#include <set>
#include <string>
#include <vector>

using namespace dateline;
using Clock = std::chrono::steady_clock;

namespace {

const char* const kSyllables[] = {"ka", "lo", "mer", "tis", "van", "dor", "pel", "ru", "sen", "bro", "qua", "zel",
                                  "fin", "ost", "mar", "lin", "gar", "tov", "hal", "nex"};
const char* const kMain[][2] = {{"deadline", "divestment"}, {"vote", "referendum"}, {"summit", "trade summit"},
                                {"hearing", "antitrust case"}, {"launch", "satellite launch"}};
const char* const kBackground[][2] = {{"sale", "arms sale"},     {"approval", "merger"},     {"signing", "treaty"},
                                      {"ruling", "court case"},   {"report", "audit"},        {"statement", "dispute"},
                                      {"restriction", "exports"}, {"ban", "import ban"},      {"exercise", "drills"},
                                      {"review", "safety review"}};

std::string name_of(std::mt19937& rng, int syllables) {
  std::string s;
  for (int i = 0; i < syllables; ++i) s += kSyllables[rng() % std::size(kSyllables)];
  s[0] = static_cast<char>(s[0] - 32);
  return s;
}

struct Story {
  std::string company, place, product;
  int main_kind = 0;
  Date main_day;
};

Extraction article(int index, const Story& story, std::mt19937& rng, int claims_per_article) {
  Extraction x;
  Document& d = x.document;
  d.source = fmt::format("Outlet {}", rng() % 40);
  const Date published = story.main_day - boost::gregorian::days(static_cast<long>(60 - (index % 50)));
  d.published = day_value(published);
  d.published_source = PublishedSource::Stated;
  auto add_claim = [&](const std::string& predicate, const std::string& topic, ClaimStatus status,
                       const std::string& value, bool hubs) {
    const std::string sentence = fmt::format("{} {} {} {} ({}) in {}. ", story.company, predicate, topic, value,
                                             index, story.place);
    Claim c;
    c.id = std::to_string(x.claims.size());
    c.predicate = predicate;
    c.topic = topic;
    c.status = status;
    c.confidence = 0.8;
    const auto begin = static_cast<std::uint32_t>(d.text.size());
    d.text += sentence;
    c.evidence.span = Span{begin, static_cast<std::uint32_t>(d.text.size() - 1)};
    c.evidence.quote = sentence.substr(0, sentence.size() - 1);
    Timex t;
    t.value = parse_time_value(value);
    const auto at = static_cast<std::uint32_t>(sentence.find(value));
    t.span = Span{begin + at, begin + at + static_cast<std::uint32_t>(value.size())};
    c.time = t;
    c.entities.push_back(ClaimEntity{story.company, EntityKind::Org, "agent"});
    c.entities.push_back(ClaimEntity{story.place, EntityKind::Gpe, ""});
    if (hubs) {
      c.entities.push_back(ClaimEntity{"United States", EntityKind::Gpe, ""});
      c.entities.push_back(ClaimEntity{"China", EntityKind::Gpe, ""});
    }
    x.entities.push_back(EntityMention{c.evidence.span, story.company, EntityKind::Org});
    x.entities.push_back(EntityMention{c.evidence.span, story.place, EntityKind::Gpe});
    x.claims.push_back(std::move(c));
  };
  // The main scheduled fact; one article in five moves it a month later.
  Date main_day = story.main_day;
  if (index % 5 == 4) main_day += boost::gregorian::days(30);
  add_claim(kMain[story.main_kind][0], fmt::format("{} {}", story.product, kMain[story.main_kind][1]),
            ClaimStatus::Scheduled, iso_string(main_day), true);
  for (int i = 1; i < claims_per_article; ++i) {
    const auto& bg = kBackground[rng() % std::size(kBackground)];
    const Date day = published - boost::gregorian::days(static_cast<long>(rng() % 3000));
    const int grain = static_cast<int>(rng() % 3);
    const std::string value = grain == 0 ? iso_string(day) : grain == 1 ? iso_string(day).substr(0, 7)
                                                                        : iso_string(day).substr(0, 4);
    add_claim(bg[0], rng() % 2 ? fmt::format("{} {}", story.product, bg[1]) : std::string(bg[1]), ClaimStatus::Occurred,
              value, rng() % 4 != 0);
  }
  d.title = d.text.substr(0, 60);
  d.id = document_id(d.source, d.text);
  for (auto& c : x.claims) {
    c.doc = d.id;
    c.evidence.doc = d.id;
  }
  return x;
}

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double thread_cpu_ms() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1000 + static_cast<double>(t.tv_nsec) / 1e6;
}

// Of `runs` calls: the median and worst wall time, and the median CPU time (on a shared machine
// the wall time includes waiting for a core), in milliseconds.
struct Latency {
  double median = 0, worst = 0, cpu = 0;
};

template <typename F>
Latency latency(int runs, F&& f) {
  std::vector<double> times, cpu;
  for (int i = 0; i < runs; ++i) {
    const auto start = Clock::now();
    const double cpu_start = thread_cpu_ms();
    f(i);
    cpu.push_back(thread_cpu_ms() - cpu_start);
    times.push_back(ms_since(start));
  }
  std::sort(times.begin(), times.end());
  std::sort(cpu.begin(), cpu.end());
  return {times[times.size() / 2], times.back(), cpu[cpu.size() / 2]};
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: store_bench DB ARTICLES [CLAIMS_PER_ARTICLE] [--queries-only]\n");
    return 2;
  }
  const std::string db = argv[1];
  const int articles = std::atoi(argv[2]);
  const int per_article = argc > 3 ? std::atoi(argv[3]) : 10;
  const bool queries_only = argc > 4 && std::string(argv[4]) == "--queries-only";
  std::mt19937 rng(20250717);
  const int story_count = std::max(1, articles / 5);
  std::vector<Story> stories;
  // Each story its own names, as the header says: a product name two stories shared would make
  // their facts one ("Vanzel arms sale" is one thing, whoever sells it).
  std::set<std::string> taken;
  auto unique_name = [&](int syllables) {
    for (;;) {
      std::string name = name_of(rng, syllables);
      if (taken.insert(name).second) return name;
    }
  };
  for (int s = 0; s < story_count; ++s) {
    Story story;
    story.product = unique_name(4);
    story.company = fmt::format("{} {}", unique_name(4), s % 3 ? "Holdings" : "Group");
    story.place = unique_name(4);
    story.main_kind = static_cast<int>(rng() % std::size(kMain));
    story.main_day = Date(2024, 1, 1) + boost::gregorian::days(static_cast<long>(rng() % 900));
    stories.push_back(std::move(story));
  }
  Store store(db);
  const auto start = Clock::now();
  const std::clock_t cpu_start = std::clock();
  std::size_t claims = 0;
  double cpu_mark = 0;
  for (int i = 0; i < (queries_only ? 0 : articles); ++i) {
    const Story& story = stories[static_cast<std::size_t>(i) % stories.size()];
    const Extraction x = article(i / story_count, story, rng, per_article);
    claims += store.ingest(x).claims;
    if ((i + 1) % 20000 == 0) {
      // The rate of the last 20,000: does ingest slow down as the store grows?
      const double cpu_now = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
      std::fprintf(stderr, "store_bench: %d articles, %zu claims, %.1f s CPU (%.0f articles per CPU-second lately)\n",
                   i + 1, claims, cpu_now, 20000 / (cpu_now - cpu_mark));
      cpu_mark = cpu_now;
    }
  }
  store.commit();
  const double seconds = ms_since(start) / 1000;
  const double cpu = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
  const StoreCounts c = store.counts();
  // Wall time on a shared machine includes waiting for a core; CPU time is what ingest costs.
  fmt::print("ingest: {} articles, {} claims in {:.1f} s wall, {:.1f} s CPU: {:.0f} articles/s wall, {:.0f} by CPU\n",
             articles, claims, seconds, cpu, articles / seconds, articles / cpu);
  fmt::print("store: {} documents, {} claims, {} facts, {} links, {} timelines, {} contradictions\n", c.documents,
             c.claims, c.facts, c.links, c.timelines, c.contradictions);

  // For the CLI timings in bench/engine_bench.sh: a thread's topic and an entity to ask for.
  fmt::print("sample: topic={} entity={}\n", stories.back().product, stories.back().company);
  auto report = [](const char* what, const Latency& l, double items, const char* of) {
    fmt::print("{}: median {:.2f} ms ({:.2f} ms CPU), worst {:.2f} ms ({:.0f} {} on average)\n", what, l.median, l.cpu,
               l.worst, items, of);
  };
  for (const int days : {7, 30}) {
    std::size_t listed = 0;
    const Latency up = latency(50, [&](int i) {
      const Date as_of = Date(2024, 1, 1) + boost::gregorian::days(i * 17);
      listed += store.upcoming({as_of, days}).size();
    });
    report(days == 7 ? "upcoming --within 7d" : "upcoming --within 30d", up, static_cast<double>(listed) / 50,
           "facts listed");
  }
  std::size_t facts = 0;
  const Latency tl = latency(50, [&](int i) {
    const Story& s = stories[static_cast<std::size_t>(i * 7919) % stories.size()];
    for (const auto& t : store.timelines({s.product, "", {}, {}})) facts += t.facts.size();
  });
  report("timeline --topic", tl, static_cast<double>(facts) / 50, "facts");
  facts = 0;
  const Latency en = latency(50, [&](int i) {
    const Story& s = stories[static_cast<std::size_t>(i * 104729) % stories.size()];
    for (const auto& t : store.timelines({"", s.company, {}, {}})) facts += t.facts.size();
  });
  report("timeline --entity", en, static_cast<double>(facts) / 50, "facts");
  facts = 0;
  const Latency fa = latency(50, [&](int i) {
    const Story& s = stories[static_cast<std::size_t>(i * 15485863) % stories.size()];
    facts += store.facts({s.place, false}).size();
  });
  report("facts --entity", fa, static_cast<double>(facts) / 50, "facts");
  return 0;
}
