// The lexicons' flat tables: every word put in is found with its value, no other is, and a
// second insert of a word keeps the first value (as std::unordered_map's emplace did).

#include "flat_word_map.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

using dateline::FlatHashMap64;
using dateline::FlatWordMap;

TEST_CASE("words of every length up to 40, through several rehashes") {
  std::vector<std::string> words;
  for (int n = 0; n < 3000; ++n) words.push_back(std::string(static_cast<std::size_t>(n % 40 + 1), 'a') + std::to_string(n));
  FlatWordMap<int> map;
  for (std::size_t i = 0; i < words.size(); ++i) map[words[i]] = static_cast<int>(i);
  CHECK(map.size() == words.size());
  for (std::size_t i = 0; i < words.size(); ++i) {
    const int* v = map.find(words[i]);
    REQUIRE(v != nullptr);
    CHECK(*v == static_cast<int>(i));
  }
  CHECK(map.find("") == nullptr);
  CHECK(map.find("a") == nullptr);
  CHECK(map.find("b0") == nullptr);
  CHECK(map.find(std::string(41, 'a')) == nullptr);
}

TEST_CASE("try_emplace keeps the first value, like emplace") {
  FlatWordMap<std::string_view> roles;
  CHECK(roles.try_emplace("with", "participant").second);
  CHECK_FALSE(roles.try_emplace("with", "agent").second);
  CHECK(*roles.find("with") == "participant");

  FlatHashMap64<int> hashes;
  CHECK(hashes.try_emplace(0, 1).second);
  CHECK(hashes.try_emplace(~0ull, 2).second);
  CHECK_FALSE(hashes.try_emplace(0, 3).second);
  CHECK(*hashes.find(0) == 1);
  CHECK(*hashes.find(~0ull) == 2);
  CHECK_FALSE(hashes.contains(5));
}

TEST_CASE("words that differ in one byte, anywhere, pack apart") {
  // A word's first sixteen bytes are read by overlapping loads that must neither skip a byte
  // nor read one past the word's end (the bytes after it here differ from word to word).
  for (std::size_t size = 1; size <= 20; ++size) {
    const std::string base(size, 'x');
    for (std::size_t at = 0; at < std::min<std::size_t>(size, 16); ++at) {
      std::string other = base;
      other[at] = 'y';
      INFO(size << " bytes, differing at " << at);
      const auto a = dateline::pack_word(base);
      const auto b = dateline::pack_word(other);
      CHECK((a.lo != b.lo || a.hi != b.hi));
    }
    std::string padded = base + "zzzzzzzzzzzzzzzz";
    const auto a = dateline::pack_word(base);
    const auto b = dateline::pack_word(std::string_view(padded).substr(0, size));
    CHECK(a.lo == b.lo);
    CHECK(a.hi == b.hi);
  }
}

TEST_CASE("keys longer than sixteen bytes that share their first sixteen are told apart") {
  FlatWordMap<int> map;
  const std::string stem(16, 's');
  const std::string a = stem + "a", b = stem + "b";  // keys are views: they outlive the table
  map[a] = 1;
  map[b] = 2;
  map[stem] = 3;
  CHECK(*map.find(stem + "a") == 1);
  CHECK(*map.find(stem + "b") == 2);
  CHECK(*map.find(stem) == 3);
  CHECK(map.find(stem + "c") == nullptr);
  int sum = 0;
  map.for_each([&](std::string_view, int& v) { sum += v; });
  CHECK(sum == 6);
}
