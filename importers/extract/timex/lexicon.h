#pragma once
// The tagger's word list (timex_lexicon.tsv): each word with its classes and values, and the
// literal words of the pattern table, in one open-addressing hash table built once.

#include "timex/token.h"

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace dateline::timex {

// Units of time, shared by durations, relative dates and sets.
enum class Unit : std::int16_t {
  None,
  Second,
  Minute,
  Hour,
  Day,
  Week,
  Weekend,
  Fortnight,
  Month,
  Quarter,
  Half,
  Season,
  Year,
  Decade,
  Century,
  Millennium,
};

struct LexEntry {
  std::string word;  // lower case
  std::uint32_t id = 0;  // dense id, for literal matches in patterns
  ClassMask classes = 0;
  std::array<std::int16_t, static_cast<std::size_t>(TokenClass::Count)> values{};
  bool ambiguous = false;  // a month or weekday name that is also a common word ("may", "march", "sun")
  bool plural = false;     // a unit in the plural ("weeks")
  bool starts_pattern = false;  // set by the grammar: some pattern may start at this word

  std::int16_t value(TokenClass c) const { return values[static_cast<std::size_t>(c)]; }
};

class Lexicon {
 public:
  // The first kKeyBytes bytes of a lower-cased word, zero-padded, little-endian: the table
  // hashes and compares two 64-bit words instead of looping over bytes. The tokenizer builds
  // keys straight from its 8-byte loads.
  static constexpr std::size_t kKeyBytes = 16;
  struct Key {
    std::uint64_t lo = 0;
    std::uint64_t hi = 0;
    bool operator==(const Key&) const = default;
  };

  Lexicon();
  // Adds the words of a lexicon table: `word<TAB>CLASS[=value][,CLASS[=value]...][<TAB>flags]`.
  void load(std::string_view tsv);

  // Case-insensitive lookup of an ASCII word; nullptr when absent. No allocation.
  const LexEntry* find(std::string_view word) const;
  // The same for a word whose lower-cased key the caller has built (see Key); `word` is the
  // original text, read only past kKeyBytes.
  const LexEntry* find_key(Key key, std::string_view word) const {
    const Slot* s = find_slot(key, word);
    return s ? slot_entry(*s) : nullptr;
  }
  // A table slot: the first eight bytes of the key, with copies of what the tokenizer reads
  // for every word it finds (its classes; whether a pattern may start there). Sixteen bytes, so
  // that the whole table (a few hundred words, at most 40% full) stays in the first-level
  // cache while the tokenizer streams through a text; the rest of the key and the entry are
  // in arrays beside it, read only on a hit.
  struct Slot {
    std::uint64_t key_lo = 0;
    ClassMask classes = 0;
    std::uint16_t size = 0;  // 0: an empty slot
    bool starts_pattern = false;
  };
  // The slot of a word, as find_key; nullptr when absent. Its copies are those of the last
  // sync_slots().
  const Slot* find_slot(Key key, std::string_view word) const {
    if (word.size() > max_size_) return nullptr;
    for (std::size_t i = slot_of(key, word.size());; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.size == 0) return nullptr;
      if (s.key_lo == key.lo && s.size == word.size() && (word.size() <= 8 || slot_key_hi_[i] == key.hi) &&
          (word.size() <= kKeyBytes || same_tail(word, *slot_entries_[i]))) {
        return &s;
      }
    }
  }
  // The entry of a slot find_slot returned.
  const LexEntry* slot_entry(const Slot& slot) const {
    return slot_entries_[static_cast<std::size_t>(&slot - slots_.data())];
  }
  // Copies every entry's classes and pattern mark into its slot: once the grammar has marked
  // the entries (Grammar's constructor calls it last).
  void sync_slots();
  // No entry is longer than this: longer words need no lookup.
  std::size_t max_word_size() const { return max_size_; }
  // False when no entry has this length, first and last byte (case-folded by OR 0x20, as
  // the tokenizer folds letters): a bit test that turns away most words news uses, which
  // the lexicon does not hold, before hashing them.
  bool may_hold(std::size_t size, unsigned char first, unsigned char last) const {
    const std::size_t index = filter_index(size, first, last);
    return (filter_[index >> 6] >> (index & 63)) & 1;
  }
  // A single ASCII punctuation character's entry, by table.
  const LexEntry* find_char(unsigned char c) const { return c < 128 ? by_char_[c] : nullptr; }
  // Adds (or returns) an entry for a literal used by a pattern.
  const LexEntry& intern(std::string_view word);

  std::size_t size() const { return entries_.size(); }
  const LexEntry* entry(std::size_t id) const { return entries_[id].get(); }
  LexEntry* entry(std::size_t id) { return entries_[id].get(); }  // for the grammar's marks

 private:
  // Multiply-shift over the key; the table is at most 40% full, so probes are short.
  std::size_t slot_of(Key key, std::size_t size) const {
    const std::uint64_t h = (key.lo * 0x9E3779B97F4A7C15ull) ^ (key.hi * 0xC2B2AE3D27D4EB4Full) ^ size;
    return static_cast<std::size_t>((h * 0xFF51AFD7ED558CCDull) >> shift_);
  }
  static std::size_t filter_index(std::size_t size, unsigned char first, unsigned char last) {
    return (size & 15) << 10 | (first & 31u) << 5 | (last & 31u);
  }
  bool same_tail(std::string_view word, const LexEntry& entry) const;
  void rehash();
  void insert_slot(std::size_t index);
  LexEntry& add(std::string_view word);

  std::vector<std::unique_ptr<LexEntry>> entries_;
  std::vector<Slot> slots_;
  std::vector<std::uint64_t> slot_key_hi_;       // the key's second eight bytes, by slot
  std::vector<const LexEntry*> slot_entries_;    // the entry, by slot
  static_assert(sizeof(Slot) <= 16, "a slot is read on every lookup: keep four to a cache line");
  std::size_t mask_ = 0;
  unsigned shift_ = 64;
  std::size_t max_size_ = 0;
  std::array<const LexEntry*, 128> by_char_{};  // one-character entries
  std::array<std::uint64_t, 256> filter_{};     // may_hold's bits
};

// The class named in the data files ("MONTH", "DAYNUM" ...); Count when unknown.
TokenClass class_from_name(std::string_view name);

}  // namespace dateline::timex
