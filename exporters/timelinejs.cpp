// Knight Lab TimelineJS3 JSON (timeline.knightlab.com/docs/json-format.html): a title slide
// and one event per dated fact. A date object holds only the fields the fact's granularity
// supports, so a month is {year, month} and never the 1st of that month; periods with no
// field of their own (quarters, seasons, weeks) get a start and end date and a display_date.

#include <dateline/export.h>
#include <dateline/json.h>
#include <fmt/format.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <set>

#include "display_text.h"
#include "fact_text.h"
#include "time_text.h"

namespace dateline {
namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

// How much of a quote a slide shows; the JSON export keeps the whole quote.
constexpr std::size_t kQuoteChars = 600;
constexpr std::size_t kSourcesPerSlide = 4;

enum class DateFields { Year, Month, Day, Clock };

// The finest date fields a granularity can fill honestly.
DateFields fields_for(Granularity g) {
  switch (g) {
    case Granularity::Millennium:
    case Granularity::Century:
    case Granularity::Decade:
    case Granularity::Year:
      return DateFields::Year;
    case Granularity::Half:
    case Granularity::Season:
    case Granularity::Quarter:
    case Granularity::Month:
      return DateFields::Month;
    case Granularity::Hour:
    case Granularity::Minute:
    case Granularity::Second:
      return DateFields::Clock;
    default:
      return DateFields::Day;
  }
}

// Granularities that name a span the date fields cannot: they need an end date and words.
bool is_named_span(Granularity g) {
  switch (g) {
    case Granularity::Millennium:
    case Granularity::Century:
    case Granularity::Decade:
    case Granularity::Half:
    case Granularity::Season:
    case Granularity::Quarter:
    case Granularity::Week:
    case Granularity::Weekend:
      return true;
    default:
      return false;
  }
}

void write_date(Writer& w, const Date& d, DateFields fields, const std::optional<display::ClockTime>& clock) {
  w.StartObject();
  json::key(w, "year");
  w.Int(d.year());
  if (fields != DateFields::Year) {
    json::key(w, "month");
    w.Int(d.month());
  }
  if (fields == DateFields::Day || fields == DateFields::Clock) {
    json::key(w, "day");
    w.Int(d.day());
  }
  if (fields == DateFields::Clock && clock) {
    json::key(w, "hour");
    w.Int(clock->hour);
    json::key(w, "minute");
    w.Int(clock->minute);
  }
  w.EndObject();
}

// TimelineJS strips markup from `group` and `display_date` by parsing them as HTML (which
// decodes character references) and then sets the result as innerHTML. Escaping twice makes
// the text come out literally at the end of that: "<b>" is shown as "<b>", never parsed.
std::string markup_stripped_field(std::string_view text) {
  return display::html_escape(display::html_escape(display::one_line(text)));
}

std::string source_html(const FactSource& s) {
  std::string html;
  const std::string quote = display::shorten(s.quote, kQuoteChars);
  if (!quote.empty()) html += fmt::format("<blockquote>{}</blockquote>", display::html_escape(quote));
  std::string who = display::html_escape(display::source_line(s));
  if (display::is_web_url(s.url)) {
    std::string title = display::one_line(s.title);
    who = fmt::format(
        "<a href=\"{}\">{}</a>{}", display::html_escape(s.url),
        display::html_escape(title.empty() ? display::one_line(s.outlet.empty() ? s.url : s.outlet) : title),
        who.empty() ? "" : fmt::format(" ({})", who));
  }
  if (s.attribution && !display::one_line(*s.attribution).empty()) {
    who = fmt::format("{}, according to {}", who, display::html_escape(display::one_line(*s.attribution)));
  }
  html += fmt::format("<p class=\"dateline-source\">\u2014 {}</p>", who);
  return html;
}

std::string slide_html(const Fact& f) {
  std::string html =
      fmt::format("<p><strong>{}</strong> \u00b7 {}", display::html_escape(display::status_text(f.status())),
                  display::html_escape(display::one_line(f.predicate)));
  if (!f.amount_text.empty()) html += fmt::format(" \u00b7 {}", display::html_escape(display::one_line(f.amount_text)));
  html += "</p>";
  const std::vector<std::string> earlier = display::earlier_values(f);
  if (!earlier.empty()) {
    html += fmt::format("<p>{}: ", display::extended(f) ? "Extended from" : "Earlier");
    for (std::size_t i = 0; i < earlier.size(); ++i) {
      html += fmt::format("{}{}", i ? "; " : "", display::html_escape(earlier[i]));
    }
    html += "</p>";
  }
  for (const auto& note : f.revision_notes) {
    html += fmt::format("<p>Revision: {}</p>", display::html_escape(display::one_line(note)));
  }
  for (const auto& c : f.contradictions) {
    html += fmt::format(
        "<p>Sources differ on {}: {} says {}; {} says {}.</p>", display::html_escape(display::one_line(c.about)),
        display::html_escape(display::source_line(c.first)), display::html_escape(display::one_line(c.first_value)),
        display::html_escape(display::source_line(c.second)), display::html_escape(display::one_line(c.second_value)));
  }
  const auto& sources = f.current().sources;
  for (std::size_t i = 0; i < sources.size() && i < kSourcesPerSlide; ++i) html += source_html(sources[i]);
  if (sources.size() > kSourcesPerSlide)
    html += fmt::format("<p>and {} more sources</p>", sources.size() - kSourcesPerSlide);
  return html;
}

// An id TimelineJS can use as an element id and URL fragment, unique within the file.
std::string unique_id(std::string_view fact_id, std::set<std::string>& used) {
  std::string base = "fact-";
  for (char c : fact_id) {
    const bool plain =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    base += plain ? c : '_';
  }
  std::string id = base;
  for (int n = 2; !used.insert(id).second; ++n) id = fmt::format("{}-{}", base, n);
  return id;
}

void write_event(Writer& w, const Fact& f, const Timeline& t, std::set<std::string>& used_ids) {
  const TimeValue& time = *f.time();
  const DateFields fields = fields_for(time.granularity);
  const std::optional<display::ClockTime> clock = display::clock_time(time);
  w.StartObject();
  json::key(w, "unique_id");
  json::string(w, unique_id(f.id, used_ids));
  json::key(w, "start_date");
  write_date(w, *time.earliest, fields, clock);
  const bool span = is_named_span(time.granularity) || time.is_range();
  if (span) {
    json::key(w, "end_date");
    write_date(w, *time.latest, fields, std::nullopt);
  }
  // Words where the date fields alone would say something else: a named span or a range, a
  // part of day, or a modifier ("before 17 September 2025").
  if (span || time.granularity == Granularity::PartOfDay || time.mod != Mod::None) {
    json::key(w, "display_date");
    json::string(w, markup_stripped_field(display::time_text(time)));
  }
  json::key(w, "group");
  json::string(w, markup_stripped_field(t.title.empty() ? t.id : t.title));
  json::key(w, "text");
  w.StartObject();
  json::key(w, "headline");
  json::string(w, display::html_escape(display::headline(f)));
  json::key(w, "text");
  json::string(w, slide_html(f));
  w.EndObject();
  // Our text is escaped and its links made explicitly; TimelineJS must not add its own.
  json::key(w, "autolink");
  w.Bool(false);
  w.EndObject();
}

bool placeable(const Fact& f) { return !f.history.empty() && f.time() && f.time()->has_bounds(); }

std::string title_html(const std::vector<Timeline>& timelines) {
  std::size_t dated = 0;
  std::vector<std::string> undated;
  std::set<std::string> outlets;
  for (const auto& t : timelines) {
    for (const auto& f : t.facts) {
      if (placeable(f)) {
        ++dated;
      } else {
        undated.push_back(display::headline(f));
      }
      for (auto& o : display::outlets(f)) outlets.insert(std::move(o));
    }
  }
  std::string html = fmt::format("<p>{} dated facts from {} outlets", dated, outlets.size());
  if (!outlets.empty()) {
    html += ": ";
    bool first = true;
    for (const auto& o : outlets) {
      html += fmt::format("{}{}", first ? "" : ", ", display::html_escape(o));
      first = false;
    }
  }
  html += ".</p>";
  if (!undated.empty()) {
    html += "<p>Not on the timeline (no date in the reports):</p><ul>";
    for (const auto& h : undated) html += fmt::format("<li>{}</li>", display::html_escape(h));
    html += "</ul>";
  }
  return html;
}

}  // namespace

std::string timelinejs_json(const std::vector<Timeline>& timelines, std::string_view title) {
  std::string headline = display::one_line(title);
  if (headline.empty()) {
    headline = timelines.size() == 1 ? display::one_line(timelines[0].title)
                                     : fmt::format("{} story threads", timelines.size());
  }
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.StartObject();
  json::key(w, "scale");
  json::string(w, "human");
  json::key(w, "title");
  w.StartObject();
  json::key(w, "text");
  w.StartObject();
  json::key(w, "headline");
  json::string(w, display::html_escape(headline));
  json::key(w, "text");
  json::string(w, title_html(timelines));
  w.EndObject();
  json::key(w, "autolink");
  w.Bool(false);
  w.EndObject();
  json::key(w, "events");
  w.StartArray();
  std::set<std::string> used_ids;
  for (const auto& t : timelines) {
    for (const auto& f : t.facts) {
      if (placeable(f)) write_event(w, f, t, used_ids);
    }
  }
  w.EndArray();
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace dateline
