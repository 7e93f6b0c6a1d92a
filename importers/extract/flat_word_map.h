#pragma once
// Flat hash tables for the extractors' lexicons: built once at start, then probed for most
// tokens of every text. std::unordered_map hashed every probe with libstdc++'s byte-wise
// _Hash_bytes and followed a node pointer to a separate allocation per entry; these hash eight
// bytes at a time and probe linearly in one array (the entry is usually in the first slot), so
// a lookup is one hash and one or two cache lines. Tables are filled while a lexicon is built
// and only read afterwards: inserting may move the values, reading never does.

#include <cstdint>
#include <cstring>
#include <string_view>
#include <utility>
#include <vector>

namespace dateline {

// A 64-bit hash of a short string, eight bytes at a time.
inline std::uint64_t word_hash(std::string_view s) {
  constexpr std::uint64_t kMul = 0x9E3779B97F4A7C15ull;
  std::uint64_t h = s.size() * kMul;
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t chunk;
    std::memcpy(&chunk, s.data() + i, 8);
    h = (h ^ chunk) * kMul;
    h ^= h >> 29;
  }
  // The last bytes without a call to memcpy of a variable size: the last eight (overlapping
  // the chunk before), two overlapping fours, or the first, middle and last byte.
  const std::size_t rest = s.size() - i;
  if (rest > 0) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    std::uint64_t chunk;
    if (s.size() >= 8) {
      std::memcpy(&chunk, p + s.size() - 8, 8);
    } else if (rest >= 4) {
      std::uint32_t a, b;
      std::memcpy(&a, p + i, 4);
      std::memcpy(&b, p + s.size() - 4, 4);
      chunk = std::uint64_t{a} << 32 | b;
    } else {
      chunk = std::uint64_t{p[i]} | std::uint64_t{p[i + rest / 2]} << 8 | std::uint64_t{p[s.size() - 1]} << 16;
    }
    h = (h ^ chunk) * kMul;
  }
  return h ^ (h >> 32);
}

// Whether two words are the same, without a call to memcmp for the usual short word (most probes
// of a text's words find an entry whose key is to be compared): two overlapping loads of eight
// or four bytes from each side, or the bytes one by one.
inline bool same_word(std::string_view a, std::string_view b) {
  const std::size_t n = a.size();
  if (n != b.size()) return false;
  const char* p = a.data();
  const char* q = b.data();
  if (n > 16) return std::memcmp(p, q, n) == 0;
  if (n >= 8) {
    std::uint64_t x, y, z, w;
    std::memcpy(&x, p, 8);
    std::memcpy(&y, q, 8);
    std::memcpy(&z, p + n - 8, 8);
    std::memcpy(&w, q + n - 8, 8);
    return ((x ^ y) | (z ^ w)) == 0;
  }
  if (n >= 4) {
    std::uint32_t x, y, z, w;
    std::memcpy(&x, p, 4);
    std::memcpy(&y, q, 4);
    std::memcpy(&z, p + n - 4, 4);
    std::memcpy(&w, q + n - 4, 4);
    return ((x ^ y) | (z ^ w)) == 0;
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (p[i] != q[i]) return false;
  }
  return true;
}
inline bool same_key(std::string_view a, std::string_view b) { return same_word(a, b); }
inline bool same_key(std::uint64_t a, std::uint64_t b) { return a == b; }

// How the tables hash their keys: words eight bytes at a time, 64-bit hashes (already spread)
// by one multiply.
struct WordHash {
  std::uint64_t operator()(std::string_view key) const { return word_hash(key); }
};
struct Hash64Mix {
  std::uint64_t operator()(std::uint64_t key) const { return (key * 0x9E3779B97F4A7C15ull) >> 32; }
};

// Key -> value, open addressing with linear probing, at most half full.
template <typename Key, typename V, typename Hash>
class FlatMap {
 public:
  FlatMap() { rehash(16); }

  // The value of `key`, inserted default-constructed if absent.
  V& operator[](Key key) {
    if ((size_ + 1) * 2 > slots_.size()) rehash(slots_.size() * 2);
    Slot& slot = slots_[probe(key)];
    if (!slot.used) {
      slot.used = true;
      slot.key = key;
      ++size_;
    }
    return slot.value;
  }

  // Inserts `value` under `key` unless present; returns the value stored and whether it was inserted.
  std::pair<V*, bool> try_emplace(Key key, V value) {
    const std::size_t before = size_;
    V& stored = (*this)[key];
    if (size_ == before) return {&stored, false};
    stored = std::move(value);
    return {&stored, true};
  }

  const V* find(Key key) const {
    const Slot& slot = slots_[probe(key)];
    return slot.used ? &slot.value : nullptr;
  }
  V* find(Key key) {
    Slot& slot = slots_[probe(key)];
    return slot.used ? &slot.value : nullptr;
  }
  bool contains(Key key) const { return find(key) != nullptr; }

  std::size_t size() const { return size_; }

  // Calls f(key, value) for every entry, in no particular order.
  template <typename F>
  void for_each(F&& f) {
    for (Slot& slot : slots_) {
      if (slot.used) f(slot.key, slot.value);
    }
  }

 private:
  struct Slot {
    Key key{};
    bool used = false;
    V value{};
  };

  // The slot holding `key`, or the empty slot where it would go.
  std::size_t probe(Key key) const {
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = Hash{}(key) & mask;
    while (slots_[i].used && !same_key(slots_[i].key, key)) i = (i + 1) & mask;
    return i;
  }

  void rehash(std::size_t capacity) {
    std::vector<Slot> old = std::move(slots_);
    slots_ = std::vector<Slot>(capacity);
    for (Slot& slot : old) {
      if (slot.used) slots_[probe(slot.key)] = std::move(slot);
    }
  }

  std::vector<Slot> slots_;
  std::size_t size_ = 0;
};

// Word -> value. Keys are views: what they view must outlive the table (the embedded data
// tables, or strings the lexicon owns).
template <typename V>
using FlatWordMap = FlatMap<std::string_view, V, WordHash>;

// A set or map of 64-bit hashes (the gazetteer's token-sequence hashes).
template <typename V>
using FlatHashMap64 = FlatMap<std::uint64_t, V, Hash64Mix>;

}  // namespace dateline
