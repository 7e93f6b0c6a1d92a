#pragma once
// The claim tables, built once from claims_predicates.tsv, claims_triggers.tsv, claims_cues.tsv
// and claims_reporting.tsv: phrases of one or more lower-case words, looked up by their first word.

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "flat_word_map.h"
#include "word_filter.h"

namespace dateline::claims {

// Whose name leads a claim's topic (claims_predicates.tsv explains each).
enum class TopicRule : std::uint8_t { Object, Agent, Participants };
// Which amount belongs to a claim of the predicate.
enum class AmountKind : std::uint8_t { None, Money, Percent, Any };

struct Predicate {
  std::string name;
  std::string noun;
  TopicRule topic = TopicRule::Object;
  AmountKind amount = AmountKind::None;
  bool ahead = false;  // a deadline's date, an extension's new date
  const Predicate* revises = nullptr;  // what "from May 3 to May 10" moved when the object names nothing
};

// How a trigger names its event (claims_triggers.tsv explains each).
enum class TriggerPos : std::uint8_t { Verb, Noun, ByVerb, Light, Object, Completes };

enum class Cue : std::uint8_t {  // at most 32: bits of Phrase::cues
  Negation,
  Condition,
  Possible,
  Proposed,
  Planned,
  Scheduled,
  Future,
  Perfect,
  Clause,
  Deadline,
  Definite,
  PronounPerson,
  PronounThing,
  Preposition,
  Passive,
  Backshift,
  Coordination,
  Modal,
  Range,
  Between,
  RevisionFrom,
  RevisionTo,
  Determiner,
  PhraseEnd,
  Complement,
  Within,
  Obligation,
  Grant,
  Relative,
  Pronoun,
  Adverb,
};

enum class ReportingKind : std::uint8_t { Say, According };

// One row of a table: the phrase's words and what it means. Only the fields of its table are set.
struct Phrase {
  std::vector<std::string> words;  // lower case, as entities::tokenize splits the form
  // Triggers.
  const Predicate* predicate = nullptr;  // null for a byverb with no predicate of its own, and for objects
  TriggerPos pos = TriggerPos::Verb;
  std::string noun;  // the topic noun; the predicate's when the table gives none
  // Cues.
  std::uint32_t cues = 0;  // bits of Cue: a form may be several cues
  // Reporting verbs.
  ReportingKind reporting = ReportingKind::Say;
  const Predicate* report = nullptr;  // the predicate of a dated report, or null
};

// A phrase with its word count beside it: the longest-match loop settles most phrases (one
// word, or too long for the sentence) without reading the phrase itself, which is a cache miss.
struct PhraseRef {
  Phrase* phrase = nullptr;
  std::size_t words = 0;
};
// The phrases of one table that start with one word, longest first.
using PhraseList = std::vector<PhraseRef>;

// Everything the tables hold for phrases that start with one word: one lookup per token serves
// all three tables.
struct WordEntry {
  PhraseList triggers;
  PhraseList cues;
  PhraseList reporting;
};

class ClaimLexicon {
 public:
  static const ClaimLexicon& get();

  const Predicate* predicate(std::string_view name) const;

  // Calls f(word, entry) for every first word of a phrase and its entry (TokenWords merges them
  // into its table).
  template <typename F>
  void for_each_first_word(F&& f) const {
    entries_.for_each(f);
  }

  // The entry of phrases that start with `word` (lower case), or null.
  const WordEntry* entry(std::string_view word) const {
    if (!first_words_.may_hold(word)) return nullptr;
    return entries_.find(word);
  }

  // Whether `word`, whose entry is `e`, starts a trigger or a reporting phrase. A bit filter
  // answers for most words without reading their entry.
  bool starts_event(std::string_view word, const WordEntry* e) const {
    return e && event_words_.may_hold(word) && (!e->triggers.empty() || !e->reporting.empty());
  }

  // The longest phrase of a table that starts at word `at` of `words` (lower-case forms), given
  // the entry of words[at]; its word count in `length`. Null when none does.
  static const Phrase* trigger(const WordEntry* e, std::span<const std::string_view> words, std::size_t at,
                               std::size_t& length) {
    return e ? longest(e->triggers, words, at, length) : nullptr;
  }
  static const Phrase* cue(const WordEntry* e, std::span<const std::string_view> words, std::size_t at,
                           std::size_t& length) {
    return e ? longest(e->cues, words, at, length) : nullptr;
  }
  static const Phrase* reporting(const WordEntry* e, std::span<const std::string_view> words, std::size_t at,
                                 std::size_t& length) {
    return e ? longest(e->reporting, words, at, length) : nullptr;
  }

  // The role of a name after an event word and the preposition `preposition` (claims_roles.tsv),
  // or empty.
  std::string_view role_after(std::string_view preposition) const {
    const std::string_view* role = roles_.find(preposition);
    return role ? *role : std::string_view{};
  }

  static bool has(const Phrase* p, Cue cue) { return p && (p->cues & (1u << static_cast<unsigned>(cue))) != 0; }

 private:
  using Table = PhraseList WordEntry::*;

  ClaimLexicon();
  Phrase& add(Table table, std::string_view form, std::string_view table_name);
  static const Phrase* longest(const PhraseList& list, std::span<const std::string_view> words, std::size_t at,
                               std::size_t& length);

  std::vector<std::unique_ptr<Predicate>> predicates_;
  std::vector<std::unique_ptr<Phrase>> phrases_;
  FlatWordMap<WordEntry> entries_;  // keys view phrases_
  WordFilter first_words_;  // the keys of entries_: most words of a text are none
  WordFilter event_words_;  // the keys whose entry starts a trigger or a reporting phrase
  FlatWordMap<std::string_view> roles_;  // views into the embedded table
};

}  // namespace dateline::claims
