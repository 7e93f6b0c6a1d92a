// ordered_parallel, behind `-j N`: results in index order whatever the thread timing, a bounded
// number waiting, and errors surfacing where a single-threaded loop would raise them.

#include "../tools/ordered_parallel.h"

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

using dateline::ordered_parallel;

namespace {

// Uneven work, so that later items often finish before earlier ones.
void jitter(std::size_t i) { std::this_thread::sleep_for(std::chrono::microseconds((i * 7919) % 500)); }

}  // namespace

TEST_CASE("results are consumed in index order for any number of jobs") {
  for (unsigned jobs : {1u, 2u, 3u, 8u}) {
    std::vector<std::string> seen;
    ordered_parallel<std::string>(
        200, jobs,
        [](std::size_t i) {
          jitter(i);
          return std::to_string(i * i);
        },
        [&](std::size_t i, std::string r) {
          CHECK(i == seen.size());
          seen.push_back(std::move(r));
        });
    REQUIRE(seen.size() == 200);
    for (std::size_t i = 0; i < seen.size(); ++i) CHECK(seen[i] == std::to_string(i * i));
  }
}

TEST_CASE("workers never run further ahead of the consumer than the window") {
  const unsigned jobs = 4;
  std::atomic<std::size_t> consumed{0};
  std::atomic<std::size_t> furthest_lead{0};
  ordered_parallel<int>(
      500, jobs,
      [&](std::size_t i) {
        const std::size_t lead = i - std::min(i, consumed.load());
        std::size_t seen = furthest_lead.load();
        while (lead > seen && !furthest_lead.compare_exchange_weak(seen, lead)) {
        }
        return static_cast<int>(i);
      },
      [&](std::size_t i, int) {
        if (i % 50 == 0) std::this_thread::sleep_for(std::chrono::milliseconds(2));  // a slow writer
        consumed = i + 1;
      });
  CHECK(consumed == 500);
  CHECK(furthest_lead.load() <= 4 * jobs);
}

TEST_CASE("a consumer slower than every worker still gets every item in order") {
  // `ingest`: one store writer behind fast extraction. Workers then sleep on a full window and
  // are woken a batch of room at a time; no item may be lost or wait forever.
  for (unsigned jobs : {2u, 3u, 8u}) {
    std::size_t next_expected = 0;
    ordered_parallel<std::size_t>(
        300, jobs, [](std::size_t i) { return i * 3; },
        [&](std::size_t i, std::size_t r) {
          std::this_thread::sleep_for(std::chrono::microseconds(50));
          CHECK(i == next_expected);
          CHECK(r == i * 3);
          ++next_expected;
        });
    CHECK(next_expected == 300);
  }
}

TEST_CASE("an error surfaces after every earlier result, and nothing later is consumed") {
  for (unsigned jobs : {1u, 2u, 4u}) {
    std::vector<std::size_t> seen;
    auto run = [&] {
      ordered_parallel<std::size_t>(
          100, jobs,
          [](std::size_t i) {
            jitter(i);
            if (i == 37 || i == 60) throw std::runtime_error("bad item " + std::to_string(i));
            return i;
          },
          [&](std::size_t, std::size_t r) { seen.push_back(r); });
    };
    REQUIRE_THROWS_WITH(run(), "bad item 37");
    REQUIRE(seen.size() == 37);
    CHECK(seen.back() == 36);
  }
}

TEST_CASE("an error from the consumer stops the workers and is rethrown") {
  std::size_t consumed = 0;
  auto run = [&] {
    ordered_parallel<int>(
        1000, 3, [](std::size_t i) { return static_cast<int>(i); },
        [&](std::size_t i, int) {
          if (i == 10) throw std::runtime_error("disk full");
          ++consumed;
        });
  };
  REQUIRE_THROWS_WITH(run(), "disk full");
  CHECK(consumed == 10);
}

TEST_CASE("no items and one item need no threads") {
  int calls = 0;
  ordered_parallel<int>(0, 4, [](std::size_t) { return 1; }, [&](std::size_t, int) { ++calls; });
  CHECK(calls == 0);
  ordered_parallel<int>(1, 4, [](std::size_t) { return 5; }, [&](std::size_t, int r) { calls += r; });
  CHECK(calls == 5);
}
