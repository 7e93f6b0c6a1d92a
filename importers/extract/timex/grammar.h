#pragma once
// The pattern table (timex_patterns.tsv), compiled once into matchers over token classes.
//
// A pattern is a sequence of elements separated by spaces. An element is one or more
// alternatives joined by '|': a class name in capitals (MONTH, DAYNUM ...) or a literal word
// or punctuation (matched case-insensitively). A trailing '?' makes the element optional; a
// leading '~' requires it to touch the previous token (no space: "90-day", "9/17/2025").

#include "timex/lexicon.h"
#include "timex/token.h"

#include <dateline/time_value.h>

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace dateline::timex {

struct Alternative {
  bool is_class = false;
  TokenClass cls = TokenClass::Count;
  std::uint32_t literal = 0;  // lexicon id
};

struct Element {
  std::vector<Alternative> alternatives;
  bool optional = false;
  bool glued = false;  // no whitespace before it
};

struct Match;
struct Context;
struct Normalized;
using Normalizer = bool (*)(const Match&, Context&, Normalized&);

struct Pattern {
  std::string name;
  std::vector<Element> elements;
  Normalizer normalize = nullptr;
  std::size_t order = 0;  // position in the table: earlier wins ties
  std::size_t required = 0;  // elements that are not optional: the fewest tokens a match takes
};

// One way a pattern matched at a position: the token each element took (-1 when an
// optional element was skipped) and the alternative that matched it.
constexpr std::size_t kMaxElements = 16;

struct Match {
  const Pattern* pattern = nullptr;
  const std::vector<Token>* tokens = nullptr;
  std::size_t first = 0;  // token range [first, last)
  std::size_t last = 0;
  std::size_t elements = 0;
  // Per element: the token it took (-1 if skipped) and which alternative matched. Fixed
  // arrays: matching runs at every candidate token and must not allocate.
  std::array<std::int32_t, kMaxElements> token_of;  // filled as elements match
  std::array<std::int8_t, kMaxElements> alt_of;

  // The first token matched through class `c` (nullptr if none); `nth` counts from 0.
  const Token* by_class(TokenClass c, int nth = 0) const;
  // The token taken by element `e` (nullptr if skipped).
  const Token* element(std::size_t e) const;
  // True if some element matched the literal `word`.
  bool has_literal(std::string_view word) const;
  const Token& token(std::size_t i) const { return (*tokens)[i]; }
};

// A modifier phrase from timex_modifiers.tsv ("the end of" → END).
struct Modifier {
  std::vector<std::uint32_t> words;  // lexicon ids
  Mod mod = Mod::None;
  enum class AppliesTo { Point, Duration, Any } applies_to = AppliesTo::Any;
  // "earlier this year" ends at the document's date, "later this month" starts there.
  enum class DctSide { None, Before, After } dct_side = DctSide::None;
};

class Grammar {
 public:
  static const Grammar& instance();

  const Lexicon& lexicon() const { return lexicon_; }

  // Every pattern that matches at token `at`, each with its longest match, longest first
  // (ties in table order). `out` is reused.
  void matches_at(const std::vector<Token>& tokens, std::size_t at, std::vector<Match>& out) const;
  // False when no pattern can match at token `at`, by a test cheap enough to run at every
  // token (most tokens start nothing: "said", ",", or "the" before a word no pattern knows).
  bool may_match_at(const std::vector<Token>& tokens, std::size_t at) const {
    const Token& t = tokens[at];
    if (t.lex == nullptr) return t.classes != 0;
    const Candidates& c = by_entry_[t.lex->id];
    return c.any_single || (at + 1 < tokens.size() && c.follow.accepts(tokens[at + 1]));
  }

  // The longest modifier phrase ending right before token `before` (and not before token
  // `floor`) that applies to `type`; returns its first token via `start`.
  const Modifier* modifier_before(const std::vector<Token>& tokens, std::size_t before, std::size_t floor,
                                  TimexType type, std::size_t& start) const;

 private:
  Grammar();
  void load_patterns(std::string_view tsv);
  void load_modifiers(std::string_view tsv);
  Element parse_element(std::string_view text, std::size_t line);
  bool match_from(const Pattern& p, const std::vector<Token>& tokens, std::size_t elem, std::size_t tok,
                  Match& current, Match& best) const;

  // What the token after a pattern's first may be. Almost every candidate at a word like
  // "the" fails on the next token, so a mask test there saves running the matcher.
  struct FollowSet {
    ClassMask classes = 0;
    std::uint64_t literals = 0;  // bit (lexicon id % 64) per literal: a one-word Bloom filter
    void add(const Element& e);
    bool accepts(const Token& t) const {
      return (t.classes & classes) != 0 || (t.lex != nullptr && ((literals >> (t.lex->id & 63)) & 1) != 0);
    }
  };
  // A pattern that may start at a token, with what must follow for a match longer than one
  // token. `single` is false when the pattern cannot end after that token.
  struct Candidate {
    std::uint32_t pattern = 0;
    bool single = false;
    FollowSet follow;
  };
  struct Candidates {
    std::vector<Candidate> list;
    bool any_single = false;
    FollowSet follow;  // the union of the list's
    void add(const Candidate& c);
  };
  // The candidate entry for pattern `id` when the first token is `entry` (nullptr: a number,
  // whose classes vary, so every element it could take counts).
  Candidate candidate(std::uint32_t id, const LexEntry* entry) const;

  Lexicon lexicon_;
  std::vector<Pattern> patterns_;
  std::vector<Modifier> modifiers_;
  std::vector<std::vector<std::uint32_t>> by_literal_;  // lexicon id → patterns
  std::vector<std::vector<std::uint32_t>> by_class_;    // class → patterns
  std::vector<Candidate> any_start_;  // per pattern, for a number as its first token
  // The patterns a number may start, by its number classes (the mask's bits from Num up),
  // merged once here: numbers are frequent in news, and merging per token cost more than
  // matching.
  static constexpr unsigned kFirstNumberClass = static_cast<unsigned>(TokenClass::Num);
  static constexpr unsigned kNumberClasses = static_cast<unsigned>(TokenClass::Count) - kFirstNumberClass;
  // Flat: the list of mask m is number_starts_[number_offsets_[m], number_offsets_[m + 1]);
  // masks a number never has (words' classes, or no Num bit but OrdNum/DecadeNum's) are empty.
  std::vector<std::uint32_t> number_starts_;
  std::vector<std::uint32_t> number_offsets_;
  // Every pattern a word can start, by lexicon id: the union of its literal's and its classes'
  // lists, computed once so the hot loop neither merges nor allocates.
  std::vector<Candidates> by_entry_;
  // Modifiers by the lexicon id of their last word, in table order (longest phrase first).
  std::vector<std::vector<std::uint32_t>> modifiers_by_last_;
  std::vector<std::uint32_t> modifiers_without_words_;
  void index_entries();
};

}  // namespace dateline::timex
