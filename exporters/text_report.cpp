// Plain-text reports of facts and timelines (include/dateline/text_report.h).

#include <dateline/order.h>
#include <dateline/text_report.h>

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "fact_text.h"

namespace dateline {
namespace {

constexpr std::size_t kQuoteChars = 160;

// A quote on one line, cut at a character boundary.
std::string short_quote(std::string_view quote) {
  std::string line;
  bool space = false;
  for (char c : quote) {
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      space = !line.empty();
      continue;
    }
    if (space) line += ' ';
    space = false;
    line += c;
  }
  if (line.size() <= kQuoteChars) return line;
  std::size_t cut = kQuoteChars;
  while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;  // not inside a UTF-8 character
  return fmt::format("{}…", line.substr(0, cut));
}

std::string time_label(const std::optional<TimeValue>& t) {
  if (!t || t->value.empty()) return "undated";
  if (t->mod == Mod::None) return t->value;
  return fmt::format("{} ({})", t->value, to_string(t->mod));
}

// Who reported it: the outlet, else the article's title, quoted, else its document id.
std::string reporter(const FactSource& s) {
  if (s.outlet.empty()) {
    return s.title.empty() ? fmt::format("document {}", s.doc) : fmt::format("article \"{}\"", short_quote(display::reporter(s)));
  }
  return display::reporter(s);
}

std::string source_line(const FactSource& s) {
  std::string who = reporter(s);
  if (!s.published.value.empty()) who = fmt::format("{}, {}", who, s.published.value);
  if (s.attribution) who = fmt::format("{} (according to {})", who, *s.attribution);
  std::string line = fmt::format("{}: \"{}\"", who, short_quote(s.quote));
  if (!s.url.empty()) line = fmt::format("{} <{}>", line, s.url);
  return line;
}

void write_fact(std::string& out, const Fact& f, std::string_view indent) {
  const FactValue& now = f.current();
  out += fmt::format("{}{:<12} {} [{}", indent, time_label(now.time), f.headline, to_string(now.status));
  out += fmt::format("; {}]\n", f.predicate);
  const std::string more = fmt::format("{}{:<12} ", indent, "");
  for (std::size_t i = 0; i + 1 < f.history.size(); ++i) {
    const FactValue& old = f.history[i];
    std::string outlets;
    if (!old.sources.empty()) {
      const FactSource& first = old.sources.front();
      outlets = fmt::format(", reported by {}", reporter(first));
      if (!first.published.value.empty()) outlets = fmt::format("{} on {}", outlets, first.published.value);
    }
    out += fmt::format("{}was {} ({}{})\n", more, time_label(old.time), to_string(old.status), outlets);
  }
  if (f.history.size() > 1 && now.time && f.history[f.history.size() - 2].time) {
    const auto& before = f.history[f.history.size() - 2].time;
    const bool later = before->has_bounds() && now.time->has_bounds() && relate(*now.time, *before) == Relation::After;
    out += fmt::format("{}{} {} {}\n", more, time_label(now.time), later ? "EXTENDS" : "SUPERSEDES", time_label(before));
  }
  for (const auto& note : f.revision_notes) out += fmt::format("{}revision: \"{}\"\n", more, short_quote(note));
  for (const auto& c : f.contradictions) {
    out += fmt::format("{}CONTRADICTION ({}): {} vs {}\n", more, c.about, c.first_value, c.second_value);
    out += fmt::format("{}  {}\n{}  {}\n", more, source_line(c.first), more, source_line(c.second));
  }
  for (const auto& s : now.sources) out += fmt::format("{}- {}\n", more, source_line(s));
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
    out += fmt::format("  ({}) ", when);
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
