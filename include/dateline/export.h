#pragma once
// Exporters: each writes one output format from the model.

#include <dateline/extraction.h>
#include <dateline/fact.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace dateline {

// The `dateline extract` JSON object (DESIGN.md): documents, claims, timexes, entities, amounts.
std::string extract_json(const std::vector<Extraction>& extractions, bool pretty = false);

// The same object written document by document, for inputs of any size: each document's
// records are serialized on their own (extract_json_part, on any thread), then handed to one
// ExtractJsonWriter in document order. The writer keeps each array's records aside (in memory
// up to a few megabytes, then in a temporary file) and finish() writes the whole object, byte
// for byte what extract_json gives.
constexpr std::size_t kExtractSections = 5;  // documents, claims, timexes, entities, amounts
struct ExtractJsonPart {
  std::array<std::string, kExtractSections> sections;  // each record after its separator
};
ExtractJsonPart extract_json_part(const Extraction& extraction, bool pretty = false);

class ExtractJsonWriter {
 public:
  explicit ExtractJsonWriter(bool pretty = false);
  ~ExtractJsonWriter();
  ExtractJsonWriter(const ExtractJsonWriter&) = delete;
  ExtractJsonWriter& operator=(const ExtractJsonWriter&) = delete;

  void add(const ExtractJsonPart& part);
  // Hands the object to `sink` in pieces; throws std::runtime_error when a temporary file fails.
  void finish(const std::function<void(std::string_view)>& sink);

 private:
  struct Sections;
  bool pretty_;
  std::string separator_;
  std::unique_ptr<Sections> sections_;
};

// One line of the timex scorer interchange format:
// {"doc":"<id>","timexes":[{"begin","end","text","type","value"}]} (no trailing newline).
std::string timex_scorer_line(std::string_view doc, std::string_view text, const std::vector<Timex>& timexes);

// Timelines as JSON, every fact with its history of values and the sources of each (outlet,
// URL, quote, byte span), links and contradictions. Schema: docs/schema/timeline.schema.json.
std::string timelines_json(const std::vector<Timeline>& timelines, bool pretty = false);

// Facts alone (as `upcoming` lists them), each in the form timelines_json gives it:
// {"facts":[...]}. Same schema file, definition "fact".
std::string facts_json(const std::vector<Fact>& facts, bool pretty = false);

// Knight Lab TimelineJS3 JSON: one event per dated fact, grouped by thread; dates carry only
// the fields the granularity supports; headlines and text are HTML-escaped. `title` names the
// title slide (empty: the thread's title, or a count of threads). See docs/exporters.md.
std::string timelinejs_json(const std::vector<Timeline>& timelines, std::string_view title = {});

// iCalendar (RFC 5545), built and serialized by libical.
struct CalendarOptions {
  std::chrono::sys_seconds stamp{};  // DTSTAMP of every event (now, in the CLI)
  std::string name = "dateline";     // X-WR-CALNAME
  // Reminders before a deadline, in days (a VALARM each).
  std::vector<int> reminder_days = {7, 1};
  // false: deadlines and facts still to come (scheduled, planned, possible, proposed,
  // conditional); true: every dated fact that is not negated or superseded.
  bool all_facts = false;
};
std::string icalendar(const std::vector<Timeline>& timelines, const CalendarOptions& options);
std::string icalendar(const std::vector<Fact>& facts, const CalendarOptions& options);

// A left-to-right timeline diagram built with Graphviz cgraph: a time axis of dates, facts of
// the same date on one rank, one cluster per thread, revisions drawn as bold red edges.
// DOT text (unlaid-out), or SVG laid out and rendered in process by gvc.
std::string timeline_dot(const std::vector<Timeline>& timelines, std::string_view title = {});
std::string timeline_svg(const std::vector<Timeline>& timelines, std::string_view title = {});

}  // namespace dateline
