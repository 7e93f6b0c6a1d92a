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

// How the table of 64-bit keys hashes them: already spread, by one multiply.
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
    while (slots_[i].used && slots_[i].key != key) i = (i + 1) & mask;
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

// A word's first sixteen bytes as two little-endian words, zero past its end, read without
// touching a byte beyond it: overlapping loads shifted into place.
struct PackedWord {
  std::uint64_t lo = 0;
  std::uint64_t hi = 0;
};
inline PackedWord pack_word(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  PackedWord w;
  if (n >= 16) {
    std::memcpy(&w.lo, p, 8);
    std::memcpy(&w.hi, p + 8, 8);
  } else if (n >= 8) {
    std::memcpy(&w.lo, p, 8);
    std::memcpy(&w.hi, p + n - 8, 8);
    w.hi = n == 8 ? 0 : w.hi >> (8 * (16 - n));
  } else if (n >= 4) {
    std::uint32_t a, b;
    std::memcpy(&a, p, 4);
    std::memcpy(&b, p + n - 4, 4);
    w.lo = a | (n == 4 ? 0 : std::uint64_t{b >> (8 * (8 - n))} << 32);
  } else {
    for (std::size_t i = 0; i < n; ++i) w.lo |= std::uint64_t{p[i]} << (8 * i);
  }
  return w;
}

// Word -> value, for the lexicons' tables that are probed for most tokens of a text. A slot
// holds the key's first sixteen bytes and size and the index of its value: 24 bytes, so the
// whole table of a few thousand words stays in the nearer caches, and a probe compares two
// words it already has instead of following the key's pointer into the table's strings (the
// slots used to hold each value and a view of the key: 96 bytes a slot for the claim words,
// and a probe was two cache misses). Keys longer than sixteen bytes are compared whole after
// that. Keys are views: what they view must outlive the table (the embedded data tables, or
// strings the lexicon owns). Values stay where they are while the table is only read.
template <typename V>
class FlatWordMap {
 public:
  FlatWordMap() { rehash(16); }

  // The value of `key`, inserted default-constructed if absent.
  V& operator[](std::string_view key) {
    if ((values_.size() + 1) * 2 > slots_.size()) rehash(slots_.size() * 2);
    const PackedWord w = pack_word(key);
    Slot& slot = slots_[probe(key, w)];
    if (slot.value == kEmpty) {
      slot.lo = w.lo;
      slot.hi = w.hi;
      slot.size = static_cast<std::uint32_t>(key.size());
      slot.value = static_cast<std::uint32_t>(values_.size());
      keys_.push_back(key);
      values_.emplace_back();
    }
    return values_[slot.value].v;
  }

  // Inserts `value` under `key` unless present; returns the value stored and whether it was inserted.
  std::pair<V*, bool> try_emplace(std::string_view key, V value) {
    const std::size_t before = values_.size();
    V& stored = (*this)[key];
    if (values_.size() == before) return {&stored, false};
    stored = std::move(value);
    return {&stored, true};
  }

  const V* find(std::string_view key) const {
    const Slot& slot = slots_[probe(key, pack_word(key))];
    return slot.value == kEmpty ? nullptr : &values_[slot.value].v;
  }
  V* find(std::string_view key) {
    const Slot& slot = slots_[probe(key, pack_word(key))];
    return slot.value == kEmpty ? nullptr : &values_[slot.value].v;
  }
  bool contains(std::string_view key) const { return find(key) != nullptr; }

  std::size_t size() const { return values_.size(); }

  // Calls f(key, value) for every entry, in the order they were put in.
  template <typename F>
  void for_each(F&& f) {
    for (std::size_t i = 0; i < values_.size(); ++i) f(keys_[i], values_[i].v);
  }
  template <typename F>
  void for_each(F&& f) const {
    for (std::size_t i = 0; i < values_.size(); ++i) f(keys_[i], values_[i].v);
  }

 private:
  static constexpr std::uint32_t kEmpty = 0xFFFFFFFFu;
  struct Slot {
    std::uint64_t lo = 0;
    std::uint64_t hi = 0;
    std::uint32_t size = 0;
    std::uint32_t value = kEmpty;  // index into values_ and keys_
  };

  static std::uint64_t hash(const PackedWord& w, std::size_t size) {
    std::uint64_t h = (w.lo ^ size) * 0x9E3779B97F4A7C15ull;
    h ^= (w.hi + (h >> 29)) * 0xC2B2AE3D27D4EB4Full;
    return h ^ (h >> 32);
  }

  // The slot holding `key`, or the empty slot where it would go.
  std::size_t probe(std::string_view key, const PackedWord& w) const {
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = hash(w, key.size()) & mask;
    while (true) {
      const Slot& slot = slots_[i];
      if (slot.value == kEmpty) return i;
      if (slot.lo == w.lo && slot.hi == w.hi && slot.size == key.size() &&
          (key.size() <= 16 || keys_[slot.value] == key)) {
        return i;
      }
      i = (i + 1) & mask;
    }
  }

  void rehash(std::size_t capacity) {
    slots_.assign(capacity, Slot{});
    for (std::size_t v = 0; v < values_.size(); ++v) {
      const PackedWord w = pack_word(keys_[v]);
      Slot& slot = slots_[probe(keys_[v], w)];
      slot.lo = w.lo;
      slot.hi = w.hi;
      slot.size = static_cast<std::uint32_t>(keys_[v].size());
      slot.value = static_cast<std::uint32_t>(v);
    }
  }

  std::vector<Slot> slots_;
  struct Value {  // not std::vector<bool>'s bits: find returns a pointer to a value
    V v{};
  };
  std::vector<std::string_view> keys_;  // in insertion order, as values_
  std::vector<Value> values_;
};

// A set or map of 64-bit hashes (the gazetteer's token-sequence hashes).
template <typename V>
using FlatHashMap64 = FlatMap<std::uint64_t, V, Hash64Mix>;

}  // namespace dateline
