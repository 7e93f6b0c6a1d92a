#pragma once
// Known names (entities_*.tsv): each entity with its canonical name, kind and aliases, in one
// hash table keyed by token sequence, built once. Matching is case-sensitive ("US" is the
// country, "us" is not) and takes the longest alias that starts at a token.

#include "entities/entity_tokens.h"

#include <dateline/entity.h>

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include "flat_word_map.h"
#include "word_filter.h"

#include <vector>

namespace dateline::entities {

struct KnownEntity {
  std::string_view canonical;
  EntityKind kind = EntityKind::Other;
};

struct GazetteerMatch {
  std::size_t tokens = 0;  // how many tokens the alias covers
  const KnownEntity* entity = nullptr;
};

class Gazetteer {
 public:
  // Adds the rows of a table `canonical<TAB>KIND<TAB>alias|alias|...`; the canonical name is an
  // alias too. A malformed row or an alias listed twice throws std::logic_error (a table bug).
  void load(std::string_view table, std::string_view table_name);

  // The longest alias that starts at tokens[first] and stays on one line; no allocation.
  std::optional<GazetteerMatch> longest_match(std::string_view text, const std::vector<Token>& tokens,
                                              std::size_t first) const;

  // Whether an alias may start with this token (false for most words of a text, at two bit
  // tests): inline, so that the tagger calls longest_match only for those that may.
  bool may_start_with(std::string_view token) const {
    return !token.empty() && may_start(static_cast<unsigned char>(token.front())) && first_tokens_.may_hold(token);
  }

  const std::vector<KnownEntity>& entities() const { return entities_; }

 private:
  struct Alias {
    std::uint32_t entity = 0;
    std::uint32_t next = kNone;  // the next alias with the same hash
    std::vector<std::string_view> tokens;
  };
  static constexpr std::uint32_t kNone = 0xFFFFFFFFu;

  void add_alias(std::string_view alias, std::uint32_t entity, std::string_view table_name, std::size_t line);

  std::vector<KnownEntity> entities_;
  std::vector<Alias> aliases_;
  FlatHashMap64<std::uint32_t> first_alias_;  // token-sequence hash -> alias
  FlatHashMap64<bool> prefixes_;  // hashes of the aliases' proper prefixes: when to stop
  std::size_t max_tokens_ = 0;
  WordFilter first_tokens_;  // the aliases' first tokens: most tokens of a text start none
  // The first bytes of the aliases' first tokens, case and all (the filter above is blind to
  // case): aliases are names, so a lower-case word ("the", "said") is refused at one bit test.
  std::array<std::uint64_t, 4> first_bytes_{};
  bool may_start(unsigned char c) const { return (first_bytes_[c >> 6] >> (c & 63)) & 1; }
};

// The sequence hash both sides use: FNV-1a over each token's bytes and a separator.
constexpr std::uint64_t kSequenceSeed = 14695981039346656037ull;
inline std::uint64_t hash_token(std::uint64_t h, std::string_view token) {
  for (char c : token) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  return (h ^ 0x1Fu) * 1099511628211ull;
}

std::optional<EntityKind> entity_kind_from_name(std::string_view name);

}  // namespace dateline::entities
