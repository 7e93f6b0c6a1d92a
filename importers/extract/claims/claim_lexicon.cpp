#include "claims/claim_lexicon.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <stdexcept>

#include "dateline_importers_data.h"
#include "entities/entity_tokens.h"
#include "tsv_rows.h"

namespace dateline::claims {
namespace {

template <typename T>
struct Named {
  std::string_view name;
  T value;
};

constexpr std::array<Named<TopicRule>, 3> kTopicRules = {{
    {"object", TopicRule::Object},
    {"agent", TopicRule::Agent},
    {"participants", TopicRule::Participants},
}};

constexpr std::array<Named<AmountKind>, 4> kAmountKinds = {{
    {"-", AmountKind::None},
    {"money", AmountKind::Money},
    {"percent", AmountKind::Percent},
    {"any", AmountKind::Any},
}};

constexpr std::array<Named<TriggerPos>, 6> kPositions = {{
    {"verb", TriggerPos::Verb},
    {"light", TriggerPos::Light},
    {"noun", TriggerPos::Noun},
    {"byverb", TriggerPos::ByVerb},
    {"object", TriggerPos::Object},
    {"completes", TriggerPos::Completes},
}};

constexpr std::array<Named<Cue>, 31> kCues = {{
    {"NEGATION", Cue::Negation},
    {"CONDITION", Cue::Condition},
    {"POSSIBLE", Cue::Possible},
    {"PROPOSED", Cue::Proposed},
    {"PLANNED", Cue::Planned},
    {"SCHEDULED", Cue::Scheduled},
    {"FUTURE", Cue::Future},
    {"PERFECT", Cue::Perfect},
    {"CLAUSE", Cue::Clause},
    {"DEADLINE", Cue::Deadline},
    {"DEFINITE", Cue::Definite},
    {"PRONOUN_PERSON", Cue::PronounPerson},
    {"PRONOUN_THING", Cue::PronounThing},
    {"PREPOSITION", Cue::Preposition},
    {"PASSIVE", Cue::Passive},
    {"BACKSHIFT", Cue::Backshift},
    {"COORDINATION", Cue::Coordination},
    {"MODAL", Cue::Modal},
    {"RANGE", Cue::Range},
    {"BETWEEN", Cue::Between},
    {"REVISION_FROM", Cue::RevisionFrom},
    {"REVISION_TO", Cue::RevisionTo},
    {"DETERMINER", Cue::Determiner},
    {"PHRASE_END", Cue::PhraseEnd},
    {"COMPLEMENT", Cue::Complement},
    {"WITHIN", Cue::Within},
    {"OBLIGATION", Cue::Obligation},
    {"GRANT", Cue::Grant},
    {"RELATIVE", Cue::Relative},
    {"PRONOUN", Cue::Pronoun},
    {"ADVERB", Cue::Adverb},
}};

constexpr std::array<Named<ReportingKind>, 2> kReportingKinds = {{
    {"SAY", ReportingKind::Say},
    {"ACCORDING", ReportingKind::According},
}};

template <typename T, std::size_t N>
T lookup(const std::array<Named<T>, N>& names, std::string_view name, std::string_view table, const data::TsvRow& row) {
  for (const auto& n : names) {
    if (n.name == name) return n.value;
  }
  throw data::bad_tsv_row(table, row, fmt::format("unknown value '{}'", name));
}

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c | 0x20) : c; }

// Calls f(form) for each '|'-separated form of a field.
template <typename F>
void for_each_form(std::string_view field, F&& f) {
  while (true) {
    std::size_t bar = field.find('|');
    f(field.substr(0, bar));
    if (bar == std::string_view::npos) return;
    field.remove_prefix(bar + 1);
  }
}

}  // namespace

const ClaimLexicon& ClaimLexicon::get() {
  static const ClaimLexicon lexicon;
  return lexicon;
}

const Predicate* ClaimLexicon::predicate(std::string_view name) const {
  for (const auto& p : predicates_) {
    if (p->name == name) return p.get();
  }
  return nullptr;
}

ClaimLexicon::ClaimLexicon() {
  std::vector<std::pair<Predicate*, std::string>> revisions;  // resolved once every predicate is known
  data::for_each_tsv_row(data::claims_predicates_tsv, "claims_predicates.tsv", [&](const data::TsvRow& row) {
    if ((row.size != 5 && row.size != 6) || row[0].empty() || row[1].empty() || (row[4] != "ahead" && row[4] != "-")) {
      throw data::bad_tsv_row("claims_predicates.tsv", row, "expected predicate, noun, topic, amount, ahead|-[, revises]");
    }
    auto p = std::make_unique<Predicate>();
    p->name = std::string(row[0]);
    p->noun = std::string(row[1]);
    p->topic = lookup(kTopicRules, row[2], "claims_predicates.tsv", row);
    p->amount = lookup(kAmountKinds, row[3], "claims_predicates.tsv", row);
    p->ahead = row[4] == "ahead";
    if (row.size == 6 && !row[5].empty()) revisions.emplace_back(p.get(), std::string(row[5]));
    predicates_.push_back(std::move(p));
  });
  for (auto& [p, revised] : revisions) {
    p->revises = predicate(revised);
    if (!p->revises) {
      throw std::logic_error(fmt::format("claims_predicates.tsv: {} revises '{}', which is not a predicate", p->name, revised));
    }
  }
  data::for_each_tsv_row(data::claims_triggers_tsv, "claims_triggers.tsv", [&](const data::TsvRow& row) {
    if (row.size < 3) throw data::bad_tsv_row("claims_triggers.tsv", row, "expected forms, predicate, pos[, noun]");
    const Predicate* predicate = nullptr;
    if (row[1] != "-") {
      predicate = this->predicate(row[1]);
      if (!predicate) throw data::bad_tsv_row("claims_triggers.tsv", row, "predicate not in claims_predicates.tsv");
    }
    TriggerPos pos = lookup(kPositions, row[2], "claims_triggers.tsv", row);
    if (!predicate && pos != TriggerPos::ByVerb && pos != TriggerPos::Light && pos != TriggerPos::Object) {
      throw data::bad_tsv_row("claims_triggers.tsv", row,
                              "only a byverb, a light verb or an object may have no predicate");
    }
    std::string_view noun = row[3];
    if (noun.empty() && !predicate && pos == TriggerPos::ByVerb) {
      throw data::bad_tsv_row("claims_triggers.tsv", row, "a byverb with no predicate needs a noun");
    }
    for_each_form(row[0], [&](std::string_view form) {
      Phrase& p = add(&WordEntry::triggers, form, "claims_triggers.tsv");
      if (p.predicate || p.pos == TriggerPos::Object || !p.noun.empty()) return;  // the first row of a form wins
      p.predicate = predicate;
      p.pos = pos;
      if (!noun.empty()) {
        p.noun = std::string(noun);
      } else if (pos == TriggerPos::Object) {
        p.noun = std::string(form);
      } else if (predicate) {
        p.noun = predicate->noun;
      }
    });
  });
  data::for_each_tsv_row(data::claims_cues_tsv, "claims_cues.tsv", [&](const data::TsvRow& row) {
    if (row.size != 2) throw data::bad_tsv_row("claims_cues.tsv", row, "expected form, cue");
    Phrase& p = add(&WordEntry::cues, row[0], "claims_cues.tsv");
    p.cues |= 1u << static_cast<unsigned>(lookup(kCues, row[1], "claims_cues.tsv", row));
  });
  data::for_each_tsv_row(data::claims_reporting_tsv, "claims_reporting.tsv", [&](const data::TsvRow& row) {
    if (row.size != 3) throw data::bad_tsv_row("claims_reporting.tsv", row, "expected form, kind, predicate");
    Phrase& p = add(&WordEntry::reporting, row[0], "claims_reporting.tsv");
    p.reporting = lookup(kReportingKinds, row[1], "claims_reporting.tsv", row);
    if (row[2] != "-") {
      p.report = predicate(row[2]);
      if (!p.report) throw data::bad_tsv_row("claims_reporting.tsv", row, "predicate not in claims_predicates.tsv");
    }
  });
  data::for_each_tsv_row(data::claims_roles_tsv, "claims_roles.tsv", [&](const data::TsvRow& row) {
    if (row.size != 2 || row[1].empty()) throw data::bad_tsv_row("claims_roles.tsv", row, "expected preposition, role");
    roles_.try_emplace(row[0], row[1]);
  });
  entries_.for_each([&](std::string_view word, WordEntry& entry) {
    for (Table table : {&WordEntry::triggers, &WordEntry::cues, &WordEntry::reporting}) {
      for (PhraseRef& r : entry.*table) r.words = r.phrase->words.size();
      std::stable_sort((entry.*table).begin(), (entry.*table).end(),
                       [](const PhraseRef& a, const PhraseRef& b) { return a.words > b.words; });
    }
    if (!entry.triggers.empty() || !entry.reporting.empty()) event_words_.add(word);
  });
}

// The phrase for `form` in `table`, created when new: a form listed twice (a cue of two kinds)
// is one phrase.
Phrase& ClaimLexicon::add(Table table, std::string_view form, std::string_view table_name) {
  std::vector<entities::Token> tokens;
  entities::tokenize(form, tokens);
  if (tokens.empty()) throw std::logic_error(fmt::format("{}: empty form", table_name));
  std::vector<std::string> words;
  for (const auto& t : tokens) {
    std::string word(t.text(form));
    for (char& c : word) c = lower(c);
    words.push_back(std::move(word));
  }
  if (const WordEntry* entry = entries_.find(words.front())) {
    for (const PhraseRef& r : entry->*table) {
      if (r.phrase->words == words) return *r.phrase;
    }
  }
  auto phrase = std::make_unique<Phrase>();
  phrase->words = std::move(words);
  Phrase& p = *phrase;
  phrases_.push_back(std::move(phrase));
  (entries_[p.words.front()].*table).push_back(PhraseRef{&p, p.words.size()});
  first_words_.add(p.words.front());
  return p;
}

const Phrase* ClaimLexicon::longest(const PhraseList& list, std::span<const std::string_view> words, std::size_t at,
                                    std::size_t& length) {
  if (at >= words.size()) return nullptr;
  for (const PhraseRef& r : list) {
    if (at + r.words > words.size()) continue;
    bool ok = true;
    for (std::size_t k = 1; k < r.words && ok; ++k) ok = words[at + k] == r.phrase->words[k];
    if (ok) {
      length = r.words;
      return r.phrase;
    }
  }
  return nullptr;
}

}  // namespace dateline::claims
