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
  std::uint64_t classes = 0;
  std::array<std::int16_t, static_cast<std::size_t>(TokenClass::Count)> values{};
  bool ambiguous = false;  // a month or weekday name that is also a common word ("may", "march", "sun")
  bool plural = false;     // a unit in the plural ("weeks")

  std::int16_t value(TokenClass c) const { return values[static_cast<std::size_t>(c)]; }
};

class Lexicon {
 public:
  Lexicon() = default;
  // Adds the words of a lexicon table: `word<TAB>CLASS[=value][,CLASS[=value]...][<TAB>flags]`.
  void load(std::string_view tsv);

  // Case-insensitive lookup of an ASCII word; nullptr when absent. No allocation.
  const LexEntry* find(std::string_view word) const;
  // The same with the word's hash already computed by `hash_step` over its lower-cased
  // bytes (the tokenizer hashes while it scans, so each word is read once).
  const LexEntry* find_hashed(std::string_view word, std::uint64_t hash) const;
  // A single ASCII punctuation character's entry, by table.
  const LexEntry* find_char(unsigned char c) const { return c < 128 ? by_char_[c] : nullptr; }
  static constexpr std::uint64_t kHashSeed = 14695981039346656037ull;
  static std::uint64_t hash_step(std::uint64_t h, unsigned char lower_byte) { return (h ^ lower_byte) * 1099511628211ull; }
  // Adds (or returns) an entry for a literal used by a pattern.
  const LexEntry& intern(std::string_view word);

  std::size_t size() const { return entries_.size(); }
  const LexEntry* entry(std::size_t id) const { return entries_[id].get(); }

 private:
  void rehash();
  LexEntry& add(std::string_view word);

  std::vector<std::unique_ptr<LexEntry>> entries_;
  std::vector<std::int32_t> slots_;  // index into entries_, -1 empty
  std::vector<std::uint64_t> slot_hashes_;  // the hash of the entry in each slot
  std::array<const LexEntry*, 128> by_char_{};  // one-character entries
};

// The class named in the data files ("MONTH", "DAYNUM" ...); Count when unknown.
TokenClass class_from_name(std::string_view name);

}  // namespace dateline::timex
