#include "claims/claim_events.h"

#include <algorithm>

namespace dateline::claims {
namespace {

constexpr std::size_t kObjectWindow = 6;  // words after a verb that may name its object
constexpr std::size_t kSourceWindow = 5;  // words after "according to" that may name the source
// Tokens from a transaction to the verb that closes it: "the takeover of Brightwave is expected
// to close".
constexpr std::size_t kSubjectGap = 8;

bool is_name_kind(EntityKind kind) {
  return kind == EntityKind::Person || kind == EntityKind::Org || kind == EntityKind::Gpe;
}

struct Reader {
  const DocumentWords& doc;
  const SentenceWords& s;

  std::size_t token(std::size_t i) const { return s.first + i; }
  std::string_view word(std::size_t i) const { return doc.words[token(i)]; }
  std::int32_t entity(std::size_t i) const { return doc.entity[token(i)]; }
  std::int32_t timex(std::size_t i) const { return doc.timex[token(i)]; }
  std::int32_t amount(std::size_t i) const { return doc.amount[token(i)]; }
  EntityKind kind(std::int32_t m) const { return (*doc.entities)[static_cast<std::size_t>(m)].kind; }
  bool cue(std::size_t i, Cue c) const { return ClaimLexicon::has(s.cue[i], c); }
  bool is_punct(std::size_t i) const { return doc.tokens[token(i)].kind == entities::TokenKind::Punct; }

  // A word joined to the next or previous one by a hyphen: "sale-or-ban law" names no sale.
  bool hyphenated(std::size_t begin, std::size_t end) const {
    auto joined = [&](std::size_t a) {  // the tokens a and a + 1 touch
      return a + 1 < s.size() && !doc.tokens[token(a + 1)].space_before;
    };
    bool after = end < s.size() && word(end) == "-" && joined(end - 1) && joined(end);
    bool before = begin >= 2 && word(begin - 1) == "-" && joined(begin - 2) && joined(begin - 1);
    return after || before;
  }

  // A capitalised word in mid-sentence is a name's ("Summit Street"), unless the entity tagger
  // found only an unnamed sequence there ("a Foreign Military Sale").
  bool names_something(std::size_t i) const {
    const auto& t = doc.tokens[token(i)];
    if (!t.capitalized) return false;
    if (i == 0) {
      // A sentence's first word is capitalised anyway; it names something when the next is too
      // ("Summit Street was closed").
      if (entity(i) != kNone) return i + 1 < s.size() && entity(i + 1) == entity(i);
      return i + 1 < s.size() && doc.tokens[token(i + 1)].capitalized && !is_punct(i + 1);
    }
    // After an opening quote or bracket a capital starts a phrase, as at the sentence start.
    if (is_punct(i - 1) && (i == 1 || doc.tokens[token(i - 1)].space_before)) return false;
    // Inside an unnamed capitalised sequence only its head noun names an event: "a Foreign
    // Military Sale" is a sale, "Summit Street" no summit.
    if (entity(i) == kNone || kind(entity(i)) != EntityKind::Other) return true;
    return i + 1 < s.size() && entity(i + 1) == entity(i);
  }

  // The mention of who said it: the name before a reporting verb ("Lutnick said", "Frank Shaw,
  // said", "the Pentagon has announced") or right after it ("said Lutnick").
  std::int32_t source_of(const Report& r) const {
    if (r.phrase->reporting == ReportingKind::According) {
      for (std::size_t j = r.at + r.length; j < std::min(s.size(), r.at + r.length + kSourceWindow); ++j) {
        if (entity(j) != kNone && is_name_kind(kind(entity(j)))) return entity(j);
      }
      return kNone;
    }
    std::size_t j = r.at;
    while (j > 0 && (cue(j - 1, Cue::Perfect) || word(j - 1) == "," || word(j - 1) == "had")) --j;
    if (j > 0 && entity(j - 1) != kNone && is_name_kind(kind(entity(j - 1)))) return entity(j - 1);
    std::size_t after = r.at + r.length;
    if (after < s.size() && entity(after) != kNone && kind(entity(after)) == EntityKind::Person) return entity(after);
    return kNone;
  }

  // A time right after a reporting verb is the report's own: "reported Tuesday", "said on
  // Thursday", "reported this month".
  std::int32_t own_time(const Report& r) const {
    for (std::size_t j = r.at + r.length; j < std::min(s.size(), r.at + r.length + 2); ++j) {
      if (timex(j) != kNone) return timex(j);
      if (!cue(j, Cue::Preposition)) break;
    }
    return kNone;
  }
};

}  // namespace

SentenceEvents find_events(const DocumentWords& doc, const SentenceWords& s) {
  Reader r{doc, s};
  SentenceEvents out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const std::size_t t = r.token(i);
    if (doc.timex[t] != kNone || doc.amount[t] != kNone) continue;
    std::size_t length = 0;
    if (doc.entity[t] == kNone) {
      if (const Phrase* p = ClaimLexicon::reporting(doc.entries[t], doc.words, t, length);
          p && i + length <= s.size()) {
        Report rep{i, length, p};
        rep.source = r.source_of(rep);
        // A time right after "said" is the saying's; after "a report published" it is the report's.
        bool after_event_noun = !out.events.empty() && out.events.back().at + out.events.back().length == i &&
                                out.events.back().pos == TriggerPos::Noun;
        if (!after_event_noun) rep.timex = r.own_time(rep);
        rep.now = i > 0 && r.cue(i - 1, Cue::Perfect);
        out.reports.push_back(rep);
        i += length - 1;
        continue;
      }
    }
    const Phrase* p = ClaimLexicon::trigger(doc.entries[t], doc.words, t, length);
    if (!p || i + length > s.size() || r.names_something(i) || r.hyphenated(i, i + length)) continue;
    // "the start of", "a call for": a verb form after a determiner is a noun, and no event here.
    if (p->pos != TriggerPos::Noun && p->pos != TriggerPos::Object && i > 0 &&
        (r.cue(i - 1, Cue::Definite) || r.word(i - 1) == "a" || r.word(i - 1) == "an")) {
      continue;
    }
    Event e;
    e.at = i;
    e.length = length;
    e.phrase = p;
    e.pos = p->pos;
    // "will ban", "to review": a noun form after a modal or "to" is the verb.
    if (e.pos == TriggerPos::Noun && i > 0 && (r.word(i - 1) == "to" || r.cue(i - 1, Cue::Modal))) {
      e.pos = TriggerPos::Verb;
    }
    e.predicate = p->predicate;
    e.noun = p->noun;
    out.events.push_back(std::move(e));
    i += length - 1;
  }
  // An event noun or an object noun in a verb's object says what the verb is about.
  for (std::size_t k = 0; k < out.events.size(); ++k) {
    Event& verb = out.events[k];
    const TriggerPos pos = verb.pos;
    if (verb.consumed || (pos != TriggerPos::Verb && pos != TriggerPos::ByVerb && pos != TriggerPos::Light)) continue;
    std::size_t next = k + 1;
    std::size_t words = 0;
    for (std::size_t j = verb.at + verb.length; j < s.size(); ++j) {
      // An amount is one word of the object however it is written: "approved the $2.3bn sale".
      const bool same_amount = j > 0 && r.amount(j) != kNone && r.amount(j) == r.amount(j - 1);
      // So is a hyphenated compound: "signed a sale-or-ban law".
      const bool in_compound = r.word(j) == "-" || (j > 0 && r.word(j - 1) == "-" && r.hyphenated(j, j + 1));
      if (!same_amount && !in_compound && ++words > kObjectWindow) break;
      if (s.clause[j] != s.clause[verb.at] || r.word(j) == ",") break;
      if (verb.object_entity == kNone && r.entity(j) != kNone) verb.object_entity = r.entity(j);
      while (next < out.events.size() && out.events[next].at < j) ++next;
      if (next >= out.events.size() || out.events[next].at != j) continue;
      Event& noun = out.events[next];
      if (noun.pos != TriggerPos::Noun && noun.pos != TriggerPos::Object) break;
      bool definite = (j >= 1 && r.cue(j - 1, Cue::Definite)) || (j >= 2 && r.cue(j - 2, Cue::Definite));
      if (noun.pos == TriggerPos::Object) {
        if (verb.object_predicate == nullptr) verb.noun = noun.noun;
        noun.consumed = true;
        break;
      }
      // A noun right before an object noun qualifies it: "the divestment law" is a law.
      bool qualifier = next + 1 < out.events.size() && out.events[next + 1].at == j + noun.length &&
                       out.events[next + 1].pos == TriggerPos::Object;
      if (pos == TriggerPos::Light && !qualifier) {
        // "launched drills", "imposed sanctions", "will hold a meeting": the event is the
        // object's, named by the words from the verb to the noun.
        if (verb.predicate && verb.predicate != noun.predicate) verb.also.push_back(verb.predicate);
        verb.predicate = noun.predicate;
        verb.noun = noun.noun;
        verb.length = noun.at + noun.length - verb.at;
        noun.consumed = true;
        break;
      }
      verb.noun = noun.noun;
      verb.object_predicate = noun.predicate;
      verb.object_definite = definite;
      if (!qualifier && noun.predicate != verb.predicate &&
          std::find(verb.also.begin(), verb.also.end(), noun.predicate) == verb.also.end()) {
        verb.also.push_back(noun.predicate);
      }
      noun.consumed = true;
      if (qualifier) out.events[next + 1].consumed = true;
      break;
    }
  }
  // "the deal could close on November 3": the agreement's closing, an event of its own (the
  // agreement was reached before). A sale, merger or takeover that closes is that event itself,
  // which keeps the time ("the merger is expected to close in June"); a closing verb after
  // anything else is no event ("shares closed at $4").
  for (std::size_t k = 0; k < out.events.size(); ++k) {
    Event& verb = out.events[k];
    if (verb.consumed || verb.pos != TriggerPos::Completes) continue;
    verb.consumed = true;
    const Predicate* agreement = ClaimLexicon::get().predicate("agreement");  // looked up only for a closing verb
    for (std::size_t n = k; n-- > 0;) {
      Event& noun = out.events[n];
      if (noun.at + noun.length + kSubjectGap < verb.at || s.clause[noun.at] != s.clause[verb.at]) break;
      bool comma = false;
      for (std::size_t j = noun.at + noun.length; j < verb.at; ++j) comma |= r.word(j) == ",";
      if (comma) break;
      if (noun.consumed || noun.pos != TriggerPos::Noun || noun.predicate != agreement) continue;
      verb.consumed = false;
      verb.pos = TriggerPos::Verb;
      verb.object_predicate = noun.predicate;
      verb.object_definite = noun.at >= 1 && r.cue(noun.at - 1, Cue::Definite);  // "the deal": the one named before
      verb.noun = noun.noun;
      noun.consumed = true;
      break;
    }
  }
  // "agreed to sell", "voted to approve": the second verb says what the first is about.
  for (std::size_t k = 0; k + 1 < out.events.size(); ++k) {
    Event& first = out.events[k];
    Event& second = out.events[k + 1];
    if (first.consumed || second.consumed || first.pos == TriggerPos::Noun || second.pos == TriggerPos::Noun ||
        second.pos == TriggerPos::Object || second.at != first.at + first.length + 1 ||
        r.word(first.at + first.length) != "to" || !first.predicate) {
      continue;
    }
    if (second.predicate && second.predicate != first.predicate &&
        std::find(first.also.begin(), first.also.end(), second.predicate) == first.also.end()) {
      first.also.push_back(second.predicate);
    }
    for (const Predicate* a : second.also) {
      if (a != first.predicate && std::find(first.also.begin(), first.also.end(), a) == first.also.end())
        first.also.push_back(a);
    }
    if (second.object_entity != kNone) first.object_entity = second.object_entity;
    if (second.object_predicate) {
      first.object_predicate = second.object_predicate;
      first.object_definite = second.object_definite;
    }
    first.noun = second.noun;
    second.consumed = true;
  }
  // Object nouns on their own are no events, nor light verbs without an event of their own.
  for (Event& e : out.events) {
    if (e.pos == TriggerPos::Object || (e.pos == TriggerPos::Light && !e.predicate)) e.consumed = true;
  }
  return out;
}

}  // namespace dateline::claims
