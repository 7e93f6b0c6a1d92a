#pragma once
// Fact and Timeline: what the engine makes of claims from many articles (DESIGN.md, "The model").
// The engine builds them from its store; exporters read them and nothing else.

#include <dateline/amount.h>
#include <dateline/claim.h>
#include <dateline/document.h>
#include <dateline/time_value.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dateline {

// One claim that supports a fact, with everything a reader needs to check it.
struct FactSource {
  std::string claim;        // claim id
  std::string doc;          // document id
  std::string outlet;       // Document::source ("Al Jazeera"); may be empty
  std::string url;
  std::string title;
  TimeValue published;      // when the outlet published it (empty value when unknown)
  Span span;                // the sentence, in the document's text
  std::string quote;
  std::optional<std::string> attribution;  // who said it ("Howard Lutnick", "ProPublica")
};

// One value a fact has had: its time, how sure it was, and who reported it. A deadline moved
// from 2025-01-19 to 2025-09-17 is one fact with two values; the older one is `superseded`.
struct FactValue {
  std::optional<TimeValue> time;  // empty for an undated claim
  std::string time_text;          // the words the time was read from ("September 17")
  ClaimStatus status = ClaimStatus::Occurred;
  std::vector<FactSource> sources;
};

// Sources that disagree about the same fact at the same time.
struct Contradiction {
  std::string about;  // what differs: "time", "amount", "status"
  FactSource first;
  FactSource second;
  std::string first_value;
  std::string second_value;
};

struct Fact {
  std::string id;  // stable across re-ingests
  std::string predicate;
  std::string topic;     // short and readable: "TikTok divestment"
  std::string headline;  // a short line for a timeline graphic
  std::vector<ClaimEntity> entities;
  std::optional<Amount> amount;  // value and unit; the span is that of the first source
  std::string amount_text;       // "$4.67bn"
  // Oldest value first; the last one is the current value.
  std::vector<FactValue> history;
  // Revisions the text reports without dates ("extended it twice more").
  std::vector<std::string> revision_notes;
  std::vector<Contradiction> contradictions;

  const FactValue& current() const { return history.back(); }
  ClaimStatus status() const { return history.back().status; }
  const std::optional<TimeValue>& time() const { return history.back().time; }
};

enum class LinkKind { Before, After, Overlaps, Includes, SameAs, Extends, Supersedes };

// What is known about two facts: an order from their intervals, or a revision.
struct Link {
  std::string from;  // fact id
  std::string to;    // fact id
  LinkKind kind = LinkKind::Before;
  // A revision inside one fact (from == to): history[from_value] EXTENDS or SUPERSEDES
  // history[to_value] ("2025-09-17" EXTENDS "2025-01-19"). Empty for links between facts.
  std::optional<std::size_t> from_value;
  std::optional<std::size_t> to_value;
};

// A story thread: facts that share entities and topic, in chronological order
// (chronological_less on the current time, then fact id; undated facts last).
struct Timeline {
  std::string id;
  std::string title;  // "TikTok divestment", "NASAMS sale to Egypt"
  std::vector<std::string> entities;  // the canonical names the thread is about
  std::vector<Fact> facts;
  std::vector<Link> links;
};

std::string_view to_string(LinkKind kind);

std::optional<Granularity> granularity_from_string(std::string_view text);
std::optional<EntityKind> entity_kind_from_string(std::string_view text);
std::optional<ClaimStatus> claim_status_from_string(std::string_view text);
std::optional<ClaimTimeSource> claim_time_source_from_string(std::string_view text);
std::optional<PublishedSource> published_source_from_string(std::string_view text);
std::optional<LinkKind> link_kind_from_string(std::string_view text);

}  // namespace dateline
