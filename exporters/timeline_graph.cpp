// The timeline diagram, built with cgraph calls (agopen, agnode, agedge, agsafeset), never
// by printing DOT: cgraph quotes and escapes every name and value it writes.
//
// Layout: rankdir=LR with newrank, so ranks are columns on a time axis. Each distinct time
// (a day, a month, a quarter ...) is one column, labelled on an axis drawn as a chain of
// date nodes; every fact of that time shares the column through a rank=same subgraph. Each
// thread is a cluster. The axis is ordinal: equal spacing per distinct time, not per day.
// A revised fact shows its earlier values as dashed ghosts joined to it by bold red edges.

#include "timeline_graph.h"

#include <dateline/order.h>
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <tuple>

#include "display_text.h"
#include "fact_text.h"
#include "time_text.h"

namespace dateline::graph {
namespace {

constexpr std::size_t kHeadlineChars = 66;  // three lines of 22
constexpr std::size_t kLineChars = 22;
constexpr std::size_t kTooltipChars = 300;
constexpr std::string_view kFont = "DejaVu Sans";
constexpr std::string_view kRevisionColor = "#c0392b";

// cgraph's API predates const; it copies every string it is given.
char* c(const std::string& s) { return const_cast<char*>(s.c_str()); }
char* c(const char* s) { return const_cast<char*>(s); }

void set(void* obj, const char* name, const std::string& value) { agsafeset(obj, c(name), c(value), c("")); }

// A plain (non-HTML) label or tooltip: Graphviz reads backslash sequences in them
// (\N is the node's name, \n a line break), so every backslash of the text is doubled.
std::string escstring(std::string_view text) {
  std::string out;
  for (char ch : text) {
    out += ch;
    if (ch == '\\') out += '\\';
  }
  return out;
}

void set_html_label(Agraph_t* g, void* obj, const std::string& html) {
  Agsym_t* sym = agattr(g, AGTYPE(obj), c("label"), nullptr);  // look up, do not redefine
  if (!sym) sym = agattr(g, AGTYPE(obj), c("label"), c(""));
  char* label = agstrdup_html(g, c(html));
  agxset(obj, sym, label);
  agstrfree(g, label);
}

// Identifiers for the SVG's id attributes: letters, digits, - and _ only.
std::string element_id(std::string_view prefix, std::string_view raw) {
  std::string id(prefix);
  for (char ch : raw) {
    const bool plain =
        (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '-' || ch == '_';
    id += plain ? ch : '_';
  }
  return id;
}

// One column of the axis: a distinct time.
struct TimeKey {
  Date earliest;
  Date latest;
  Granularity granularity;
  Mod mod;
  friend bool operator<(const TimeKey& a, const TimeKey& b) {
    TimeValue x;
    x.earliest = a.earliest;
    x.latest = a.latest;
    x.granularity = a.granularity;
    TimeValue y;
    y.earliest = b.earliest;
    y.latest = b.latest;
    y.granularity = b.granularity;
    if (chronological_less(x, y)) return true;
    if (chronological_less(y, x)) return false;
    return a.mod < b.mod;
  }
};

std::optional<TimeKey> key_of(const std::optional<TimeValue>& t) {
  if (!t || !t->has_bounds()) return std::nullopt;
  return TimeKey{*t->earliest, *t->latest, t->granularity, t->mod};
}

struct Column {
  Agnode_t* tick = nullptr;
  Agraph_t* rank = nullptr;
};

class DiagramBuilder {
 public:
  DiagramBuilder(Agraph_t* g) : g_(g) {}

  void build(const std::vector<Timeline>& timelines, std::string_view title) {
    defaults(title);
    make_axis(timelines);
    for (std::size_t i = 0; i < timelines.size(); ++i) add_thread(timelines[i], i);
    for (const auto& t : timelines) add_links(t);
  }

 private:
  void defaults(std::string_view title) {
    agattr(g_, AGRAPH, c("rankdir"), c("LR"));
    agattr(g_, AGRAPH, c("newrank"), c("true"));
    agattr(g_, AGRAPH, c("nodesep"), c("0.18"));
    agattr(g_, AGRAPH, c("ranksep"), c("0.3"));
    agattr(g_, AGRAPH, c("fontname"), c(std::string(kFont)));
    agattr(g_, AGRAPH, c("bgcolor"), c("white"));
    agattr(g_, AGRAPH, c("pad"), c("0.3"));
    const std::string heading = display::one_line(title);
    agattr(g_, AGRAPH, c("label"), c(escstring(heading)));
    agattr(g_, AGRAPH, c("labelloc"), c("t"));
    agattr(g_, AGRAPH, c("labeljust"), c("l"));
    agattr(g_, AGRAPH, c("fontsize"), c(heading.empty() ? "14" : "20"));
    agattr(g_, AGRAPH, c("style"), c("rounded"));
    agattr(g_, AGRAPH, c("color"), c("#b0b7c3"));
    agattr(g_, AGRAPH, c("rank"), c(""));
    agattr(g_, AGNODE, c("fontname"), c(std::string(kFont)));
    agattr(g_, AGNODE, c("fontsize"), c("11"));
    agattr(g_, AGNODE, c("shape"), c("box"));
    agattr(g_, AGNODE, c("style"), c("rounded,filled"));
    agattr(g_, AGNODE, c("fillcolor"), c("#ffffff"));
    agattr(g_, AGNODE, c("color"), c("#5b6573"));
    agattr(g_, AGNODE, c("margin"), c("0.1,0.06"));
    agattr(g_, AGNODE, c("label"), c("\\N"));
    agattr(g_, AGEDGE, c("fontname"), c(std::string(kFont)));
    agattr(g_, AGEDGE, c("fontsize"), c("10"));
    agattr(g_, AGEDGE, c("color"), c("#5b6573"));
  }

  // One tick node per distinct time, in chronological order, chained into the axis line;
  // an "undated" column closes it when some fact has no time.
  void make_axis(const std::vector<Timeline>& timelines) {
    std::map<TimeKey, TimeValue> times;
    bool undated = false;
    for (const auto& t : timelines) {
      for (const auto& f : t.facts) {
        if (f.history.empty()) continue;
        for (std::size_t i = 0; i < f.history.size(); ++i) {
          const auto& time = f.history[i].time;
          if (auto key = key_of(time)) {
            times.emplace(*key, *time);
          } else if (i + 1 == f.history.size()) {
            undated = true;
          }
        }
      }
    }
    Agraph_t* axis = agsubg(g_, c("axis"), 1);
    Agnode_t* previous = nullptr;
    auto add_tick = [&](const std::string& label, bool dim) {
      const std::string name = fmt::format("t{}", ticks_++);
      Agnode_t* tick = agnode(axis, c(name), 1);
      set(tick, "shape", "plaintext");
      set(tick, "style", "");
      set(tick, "fontsize", "12");
      set(tick, "fontcolor", dim ? "#7a828e" : "#1f2933");
      set(tick, "label", label);
      set(tick, "id", fmt::format("axis-{}", name));
      if (previous) {
        Agedge_t* line = agedge(g_, previous, tick, nullptr, 1);
        set(line, "arrowhead", "none");
        set(line, "penwidth", "2");
        set(line, "color", "#9aa5b1");
        set(line, "weight", "100");
      }
      previous = tick;
      Column col;
      col.tick = tick;
      col.rank = agsubg(g_, c(fmt::format("rank_{}", name)), 1);
      set(col.rank, "rank", "same");
      agsubnode(col.rank, tick, 1);
      return col;
    };
    for (const auto& [key, value] : times) {
      // Axis labels break after the day so a column stays narrow: "17 Sep\n2025".
      std::vector<std::string> lines = display::wrap(display::time_text(value, display::DateStyle::Short), 12);
      std::string label;
      for (std::size_t i = 0; i < lines.size(); ++i) label += fmt::format("{}{}", i ? "\\n" : "", escstring(lines[i]));
      columns_.emplace(key, add_tick(label, false));
    }
    if (undated) undated_ = add_tick("undated", true);
  }

  Column& column_of(const std::optional<TimeValue>& t) {
    if (auto key = key_of(t)) return columns_.at(*key);
    return undated_;
  }

  std::string fact_label(const Fact& f) {
    std::string html;
    const auto lines = display::wrap(display::shorten(display::headline(f), kHeadlineChars), kLineChars);
    for (std::size_t i = 0; i < lines.size(); ++i)
      html += fmt::format("{}{}", i ? "<BR/>" : "", display::html_escape(lines[i]));
    html = fmt::format("<B>{}</B>", html);
    std::string note = display::status_text(f.status());
    const auto outlets = display::outlets(f);
    if (!outlets.empty()) note = fmt::format("{} \u00b7 {}", note, display::shorten(outlets[0], 18));
    if (outlets.size() > 1) note = fmt::format("{} +{}", note, outlets.size() - 1);
    html += fmt::format("<BR/><FONT POINT-SIZE=\"9\" COLOR=\"#52606d\">{}</FONT>", display::html_escape(note));
    return html;
  }

  std::string tooltip(const Fact& f) {
    std::string text = display::headline(f);
    if (!f.history.empty() && !f.current().sources.empty()) {
      const FactSource& s = f.current().sources.front();
      text = fmt::format("{} \u2014 {}: {}", text, display::source_line(s), display::shorten(s.quote, kTooltipChars));
    }
    return escstring(display::one_line(text));
  }

  void style_by_status(Agnode_t* n, const Fact& f) {
    switch (f.status()) {
      case ClaimStatus::Occurred:
        set(n, "fillcolor", "#eef2f7");
        break;
      case ClaimStatus::Scheduled:
        set(n, "fillcolor", "#fff3d6");
        break;
      case ClaimStatus::Planned:
      case ClaimStatus::Possible:
      case ClaimStatus::Proposed:
      case ClaimStatus::Conditional:
        set(n, "fillcolor", "#fff3d6");
        set(n, "style", "rounded,filled,dashed");
        break;
      case ClaimStatus::Negated:
      case ClaimStatus::Superseded:
        set(n, "fillcolor", "#f5f5f5");
        set(n, "fontcolor", "#7a828e");
        set(n, "style", "rounded,filled,dashed");
        break;
    }
    if (f.predicate == "deadline") {
      set(n, "color", std::string(kRevisionColor));
      set(n, "penwidth", "2");
    }
  }

  void add_thread(const Timeline& t, std::size_t index) {
    Agraph_t* cluster = agsubg(g_, c(fmt::format("cluster_{}", index)), 1);
    set(cluster, "label", escstring(display::shorten(t.title.empty() ? t.id : t.title, 60)));
    set(cluster, "fontsize", "14");
    set(cluster, "id", element_id("thread-", t.id));
    for (const auto& f : t.facts) {
      if (f.history.empty() || nodes_.count(f.id)) continue;
      const std::string name = fmt::format("f{}", nodes_.size());
      Agnode_t* n = agnode(cluster, c(name), 1);
      set_html_label(g_, n, fact_label(f));
      set(n, "tooltip", tooltip(f));
      set(n, "id", element_id("fact-", f.id));
      style_by_status(n, f);
      agsubnode(column_of(f.time()).rank, n, 1);
      nodes_.emplace(f.id, n);
      add_earlier_values(cluster, f, n);
    }
  }

  // Earlier values of a revised fact: a dashed ghost at each old time, joined to the next
  // value by a bold red edge ("extended" when the time moved later).
  void add_earlier_values(Agraph_t* cluster, const Fact& f, Agnode_t* current) {
    if (f.history.size() < 2) return;
    Agnode_t* next = current;
    for (std::size_t i = f.history.size() - 1; i-- > 0;) {
      const FactValue& v = f.history[i];
      if (!key_of(v.time)) continue;
      Agnode_t* ghost = agnode(cluster, c(fmt::format("{}_was{}", agnameof(current), i)), 1);
      const std::string when = display::time_text(*v.time, display::DateStyle::Short);
      std::string html;
      for (const auto& line : display::wrap(display::shorten(display::headline(f), 2 * kLineChars), kLineChars)) {
        html += fmt::format("{}{}", html.empty() ? "" : "<BR/>", display::html_escape(line));
      }
      set_html_label(g_, ghost,
                     fmt::format("{}<BR/><FONT POINT-SIZE=\"9\">was {} ({})</FONT>", html, display::html_escape(when),
                                 display::html_escape(std::string(to_string(v.status)))));
      set(ghost, "style", "rounded,dashed");
      set(ghost, "color", "#9aa5b1");
      set(ghost, "fontcolor", "#7a828e");
      set(ghost, "id", element_id("earlier-", fmt::format("{}-{}", f.id, i)));
      agsubnode(column_of(v.time).rank, ghost, 1);
      const bool later = v.time && next == current ? display::extended(f) : false;
      revision_edge(ghost, next, later ? "extended" : "revised");
      next = ghost;
    }
  }

  Agedge_t* revision_edge(Agnode_t* from, Agnode_t* to, const std::string& label) {
    Agedge_t* e = agedge(g_, from, to, nullptr, 1);
    set(e, "color", std::string(kRevisionColor));
    set(e, "fontcolor", std::string(kRevisionColor));
    set(e, "penwidth", "2.5");
    set(e, "style", "bold");
    set(e, "xlabel", label);
    // The columns already fix where both ends go; a revision may point back in time.
    set(e, "constraint", "false");
    return e;
  }

  // Links between facts: revisions (EXTENDS, SUPERSEDES) in the revision style, SAME_AS as a
  // dotted line; the order links (BEFORE, INCLUDES ...) are what the axis already shows.
  void add_links(const Timeline& t) {
    for (const auto& l : t.links) {
      auto from = nodes_.find(l.from);
      auto to = nodes_.find(l.to);
      if (from == nodes_.end() || to == nodes_.end() || from->second == to->second) continue;
      if (l.kind == LinkKind::Extends || l.kind == LinkKind::Supersedes) {
        // "A EXTENDS B": A is the newer value; the arrow runs from the old one to it.
        revision_edge(to->second, from->second, l.kind == LinkKind::Extends ? "extends" : "supersedes");
      } else if (l.kind == LinkKind::SameAs) {
        Agedge_t* e = agedge(g_, from->second, to->second, nullptr, 1);
        set(e, "style", "dotted");
        set(e, "arrowhead", "none");
        set(e, "constraint", "false");
      }
    }
  }

  Agraph_t* g_;
  std::size_t ticks_ = 0;
  std::map<TimeKey, Column> columns_;
  Column undated_;
  std::map<std::string, Agnode_t*> nodes_;
};

}  // namespace

Graph build_timeline_graph(const std::vector<Timeline>& timelines, std::string_view title, Agdisc_t* disc) {
  Graph g(agopen(c("timeline"), Agdirected, disc));
  DiagramBuilder(g.get()).build(timelines, title);
  return g;
}

}  // namespace dateline::graph
