#pragma once
// What the exporters say about a fact beyond its headline: its status in words, the values it
// had before, and which outlets reported it. Shared so that TimelineJS, iCalendar and the
// diagram describe a fact the same way.

#include <dateline/fact.h>

#include <string>
#include <vector>

namespace dateline::display {

// The headline a fact is shown under: its own, else its topic, else its predicate.
std::string headline(const Fact& fact);

// "Scheduled", "Occurred" ... (the status, capitalised).
std::string status_text(ClaimStatus status);

// Earlier values, oldest first, as "19 January 2025 (superseded)"; empty when the fact was
// never revised. Values without a time are given by their time_text or "undated".
std::vector<std::string> earlier_values(const Fact& fact);

// Whether the fact's latest revision moved its time later (an extension) rather than earlier.
bool extended(const Fact& fact);

// Who reported a source, for a reader: its outlet, else its article's title, else its document id.
std::string reporter(const FactSource& source);

// "Qatar Tribune, 25 July 2025" for a source: its reporter() and publication date.
std::string source_line(const FactSource& source);

// The distinct reporters of the current value, in order of first appearance.
std::vector<std::string> outlets(const Fact& fact);

// Whether the fact is still to come or a deadline: what a calendar of upcoming events holds.
bool forward_looking(const Fact& fact);

}  // namespace dateline::display
