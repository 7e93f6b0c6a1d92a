// Plain-text reports of facts and timelines (include/dateline/text_report.h).

#include <dateline/order.h>
#include <dateline/text_report.h>

#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <map>

#include "fact_text.h"

namespace dateline {
namespace {

constexpr std::size_t kQuoteChars = 160;

// A quote on one line, cut at a character boundary, appended to `out`.
void append_short_quote(std::string& out, std::string_view quote) {
  const std::size_t start = out.size();
  bool space = false;
  for (char c : quote) {
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      space = out.size() > start;
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  if (out.size() - start <= kQuoteChars) return;
  std::size_t cut = start + kQuoteChars;
  while (cut > start && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;  // not inside a UTF-8 character
  out.resize(cut);
  out += "…";
}

std::string time_label(const std::optional<TimeValue>& t) {
  if (!t || t->value.empty()) return "undated";
  if (t->mod == Mod::None) return t->value;
  return fmt::format("{} ({})", t->value, to_string(t->mod));
}

std::string short_quote(std::string_view quote) {
  std::string line;
  append_short_quote(line, quote);
  return line;
}

// Who reported it: the outlet, else the article's title, quoted, else its document id.
std::string reporter(const FactSource& s) {
  if (!s.outlet.empty()) return display::reporter(s);
  if (!s.title.empty()) return fmt::format("article \"{}\"", short_quote(display::reporter(s)));
  return fmt::format("document {}", s.doc);
}

// The line of a source, appended to `out` (a listing writes thousands: no string of its own).
void append_source_line(std::string& out, const FactSource& s) {
  out += reporter(s);
  if (!s.published.value.empty()) {
    out += ", ";
    out += s.published.value;
  }
  if (s.attribution) {
    out += " (according to ";
    out += *s.attribution;
    out += ')';
  }
  out += ": \"";
  append_short_quote(out, s.quote);
  out += '"';
  if (!s.url.empty()) {
    out += " <";
    out += s.url;
    out += '>';
  }
}

void write_fact(std::string& out, const Fact& f, std::string_view indent) {
  auto to = std::back_inserter(out);
  const FactValue& now = f.current();
  fmt::format_to(to, "{}{:<12} {} [{}; {}]\n", indent, time_label(now.time), f.headline, to_string(now.status), f.predicate);
  const std::string more = fmt::format("{}{:<12} ", indent, "");
  for (std::size_t i = 0; i + 1 < f.history.size(); ++i) {
    const FactValue& old = f.history[i];
    fmt::format_to(to, "{}was {} ({}", more, time_label(old.time), to_string(old.status));
    if (!old.sources.empty()) {
      const FactSource& first = old.sources.front();
      out += ", reported by ";
      out += reporter(first);
      if (!first.published.value.empty()) {
        out += " on ";
        out += first.published.value;
      }
    }
    out += ")\n";
  }
  if (f.history.size() > 1 && now.time && f.history[f.history.size() - 2].time) {
    const auto& before = f.history[f.history.size() - 2].time;
    const bool later = before->has_bounds() && now.time->has_bounds() && relate(*now.time, *before) == Relation::After;
    fmt::format_to(to, "{}{} {} {}\n", more, time_label(now.time), later ? "EXTENDS" : "SUPERSEDES", time_label(before));
  }
  for (const auto& note : f.revision_notes) {
    out += more;
    out += "revision: \"";
    append_short_quote(out, note);
    out += "\"\n";
  }
  for (const auto& c : f.contradictions) {
    fmt::format_to(to, "{}CONTRADICTION ({}): {} vs {}\n", more, c.about, c.first_value, c.second_value);
    for (const FactSource* side : {&c.first, &c.second}) {
      out += more;
      out += "  ";
      append_source_line(out, *side);
      out += '\n';
    }
  }
  for (const auto& s : now.sources) {
    out += more;
    out += "- ";
    append_source_line(out, s);
    out += '\n';
  }
}

}  // namespace

std::string timelines_text(const std::vector<Timeline>& timelines) {
  std::string out;
  for (const auto& t : timelines) {
    std::string about;
    for (const auto& e : t.entities) about += about.empty() ? e : fmt::format(", {}", e);
    out += fmt::format("== {} ({} fact{}{}{})\n", t.title, t.facts.size(), t.facts.size() == 1 ? "" : "s",
                       about.empty() ? "" : "; ", about);
    for (const auto& f : t.facts) write_fact(out, f, "  ");
    std::map<std::string, std::string> headline;
    for (const auto& f : t.facts) headline[f.id] = f.headline;
    for (const auto& l : t.links) {
      if (l.from == l.to || (l.kind != LinkKind::Extends && l.kind != LinkKind::Supersedes)) continue;
      out += fmt::format("  link: {} {} {}\n", headline[l.from], to_string(l.kind), headline[l.to]);
    }
    out += '\n';
  }
  if (timelines.empty()) out = "no timelines match\n";
  return out;
}

std::string upcoming_text(const std::vector<Fact>& facts, Date as_of, int within_days) {
  const Date end = as_of + boost::gregorian::days(within_days);
  std::string out = fmt::format("Upcoming from {} to {} ({} days): {} fact{}\n", iso_string(as_of), iso_string(end),
                                within_days, facts.size(), facts.size() == 1 ? "" : "s");
  for (const auto& f : facts) {
    const auto& t = f.time();
    std::string when;
    if (t && t->has_bounds()) {
      const long first = (*t->earliest - as_of).days(), last = (*t->latest - as_of).days();
      if (first == last) {
        when = first == 0 ? "today" : fmt::format("in {} day{}", first, first == 1 ? "" : "s");
      } else {
        when = fmt::format("in {}–{} days", std::max(0L, first), last);
      }
    }
    fmt::format_to(std::back_inserter(out), "  ({}) ", when);
    write_fact(out, f, "");
  }
  return out;
}

std::string facts_text(const std::vector<Fact>& facts) {
  std::string out;
  for (const auto& f : facts) write_fact(out, f, "");
  if (facts.empty()) out = "no facts match\n";
  return out;
}

}  // namespace dateline
