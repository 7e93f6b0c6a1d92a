#include "token_words.h"

#include <cstring>

#include "entities/name_cues.h"
#include "flat_word_map.h"
#include "word_filter.h"

namespace dateline {
namespace {

// What the merged table holds for a word: its entry in the claim tables and its name cues.
struct WordInfo {
  const claims::WordEntry* claim = nullptr;
  std::uint16_t cues = 0;
};

class MergedWords {
 public:
  static const MergedWords& get() {
    static const MergedWords words;
    return words;
  }

  // The word's entry (lower case), or null for a word of neither table (most words of a text,
  // answered by the filter).
  const WordInfo* find(std::string_view word) const { return filter_.may_hold(word) ? table_.find(word) : nullptr; }

 private:
  // Keys view the lexicons' own strings, which live as long as the program.
  MergedWords() {
    claims::ClaimLexicon::get().for_each_first_word([&](std::string_view word, const claims::WordEntry& entry) {
      table_[word].claim = &entry;
      filter_.add(word);
    });
    entities::NameCues::instance().for_each([&](std::string_view word, std::uint16_t cues) {
      table_[word].cues = cues;
      filter_.add(word);
    });
  }

  FlatWordMap<WordInfo> table_;
  WordFilter filter_;
};

// `text` in ASCII lower case into `out` (of the same size), eight bytes at a time: a byte gets
// 0x20 added when its low seven bits are in 'A'..'Z' and its high bit is clear.
void ascii_lower_into(std::string_view text, char* out) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ull;
  constexpr std::uint64_t kLow7 = 0x7F7F7F7F7F7F7F7Full;
  constexpr std::uint64_t kHigh = 0x8080808080808080ull;
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t v;
    std::memcpy(&v, text.data() + i, 8);
    const std::uint64_t low = v & kLow7;
    const std::uint64_t from_a = low + kOnes * (0x80 - 'A');      // high bit set when >= 'A'
    const std::uint64_t past_z = low + kOnes * (0x80 - 'Z' - 1);  // high bit set when > 'Z'
    const std::uint64_t upper = (from_a ^ past_z) & ~v & kHigh;
    v |= upper >> 2;
    std::memcpy(out + i, &v, 8);
  }
  for (; i < text.size(); ++i)
    out[i] = (text[i] >= 'A' && text[i] <= 'Z') ? static_cast<char>(text[i] | 0x20) : text[i];
}

}  // namespace

void TokenWords::read(std::string_view text, std::span<const entities::Token> tokens) {
  lower_.resize(text.size());
  ascii_lower_into(text, lower_.data());
  const std::size_t n = tokens.size();
  words_.resize(n);
  entries_.resize(n);
  cues_.resize(n);
  const MergedWords& merged = MergedWords::get();
  const std::string_view all(lower_);
  for (std::size_t k = 0; k < n; ++k) {
    const entities::Token& t = tokens[k];
    const std::string_view word = all.substr(t.begin, t.end - t.begin);
    const WordInfo* info = merged.find(word);
    words_[k] = word;
    entries_[k] = info ? info->claim : nullptr;
    cues_[k] = info && t.is_word() ? info->cues : 0;
  }
}

}  // namespace dateline
