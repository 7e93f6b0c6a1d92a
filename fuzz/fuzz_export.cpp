// Fuzz target: every exporter of timelines (timeline JSON, facts JSON, TimelineJS, iCalendar,
// DOT) on timelines built from the input, their text taken from the input and from the syntax
// of the formats (quotes, CRLF, iCalendar properties, DOT edges, markup, control characters).
// Each output is parsed back by its real consumer (RapidJSON with UTF-8 validation, libical,
// cgraph's agmemread) and must parse cleanly. Injection is checked by difference: the same
// timelines with every piece of text replaced by a plain word (equal texts by equal words,
// empty ones kept empty) must give an output of exactly the same structure — the same JSON
// shape, the same calendar components and properties, the same graph nodes, edges and
// subgraphs. Text that escaped its quoting would add or change structure.

#include <dateline/export.h>
#include <fmt/format.h>
#include <graphviz/cgraph.h>
#include <libical/ical.h>
#include <rapidjson/document.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "fuzz_input.h"

namespace {

using namespace dateline;

// Pieces of the formats' syntax, and text that has broken exporters elsewhere.
const std::initializer_list<std::string_view> kTokens = {
    "\"", "\\", "\\n", "\\N", "\r\n", "\n", "\r", "\t", ";", ",", ":", "=", "<", ">", "&", "&amp;", "'",
    "BEGIN:VEVENT\r\n", "END:VEVENT\r\n", "END:VCALENDAR\r\n", "BEGIN:VALARM", "SUMMARY:x\r\n",
    "DESCRIPTION;LANGUAGE=en:", " ", "\r\n ", "];", "->", "--", "[label=", "digraph g {", "subgraph cluster_x {",
    "}", "{", "<B>", "<BR/>", "</TABLE>", "<script>alert(1)</script>", "javascript:", "]]>", "<!--", "/*", "//",
    "#", "\\l", "\\G", "\x01", "\x1f", "\x7f", "\u2028", "\u2029", "\u00e9", "\u6771\u4eac", "\U0001F600",
    "https://example.org/a?b=1&c=<d>", "{\"a\":1}", "null", "0", "1e999", "-"};

const std::initializer_list<const char*> kTimes = {
    "2025-09-17", "2025-01-19", "2025-07", "2025", "2025-W31", "2025-Q3", "2025-SU", "2025-H2", "201", "19",
    "2025-07-18TEV", "2025-07-18T14:30", "2025-W32-WE", "2024-02-29", "1979-03-26", "0001-01-01", "9999-12-31",
    "2025-07-24", "2025-12-31", "2026-01-01"};
const std::initializer_list<const char*> kPredicates = {"deadline", "extension", "sale",   "approval",
                                                           "signing",  "ruling",    "meeting", "talks",
                                                           "report",   "statement", "review", "ban"};
const std::initializer_list<ClaimStatus> kStatuses = {
    ClaimStatus::Occurred, ClaimStatus::Scheduled, ClaimStatus::Planned,     ClaimStatus::Possible,
    ClaimStatus::Proposed, ClaimStatus::Negated,   ClaimStatus::Conditional, ClaimStatus::Superseded};
const std::initializer_list<EntityKind> kKinds = {EntityKind::Person, EntityKind::Org,   EntityKind::Gpe,
                                                      EntityKind::Product, EntityKind::Law, EntityKind::Event,
                                                      EntityKind::Other};
const std::initializer_list<Mod> kMods = {Mod::None, Mod::Before, Mod::After, Mod::Start,
                                              Mod::Mid,  Mod::End,    Mod::Approx};
const std::initializer_list<LinkKind> kLinks = {LinkKind::Before, LinkKind::After,  LinkKind::Overlaps,
                                                    LinkKind::Includes, LinkKind::SameAs, LinkKind::Extends,
                                                    LinkKind::Supersedes};

// Builds timelines from the input. With `plain`, every text is replaced by a word standing
// for it ("w3"), the same word for the same text; choices (dates, statuses, predicates) are
// the same either way, so both builds have the same structure.
class TimelineBuilder {
 public:
  TimelineBuilder(const std::uint8_t* data, std::size_t size, bool plain) : in_(data, size), plain_(plain) {}

  std::vector<Timeline> build() {
    std::vector<Timeline> timelines(1 + in_.below(3));
    for (Timeline& t : timelines) {
      t.id = text();
      t.title = text();
      for (std::size_t i = in_.below(3); i > 0; --i) t.entities.push_back(text());
      const std::size_t facts = 1 + in_.below(5);
      for (std::size_t i = 0; i < facts; ++i) t.facts.push_back(fact());
      for (std::size_t i = in_.below(4); i > 0; --i) t.links.push_back(link(t));
    }
    return timelines;
  }

 private:
  std::string text() {
    const std::string raw = in_.text(kTokens);
    if (!plain_ || raw.empty()) return raw;
    auto [it, added] = words_.emplace(raw, "");
    if (added) it->second = fmt::format("w{}", words_.size());
    return it->second;
  }

  std::optional<TimeValue> time() {
    if (in_.below(8) == 0) return std::nullopt;
    TimeValue v = parse_time_value(in_.pick(kTimes));
    if (v.type == TimexType::Date || v.type == TimexType::Time) v.mod = in_.pick(kMods);
    return v;
  }

  FactSource source() {
    FactSource s;
    s.claim = text();
    s.doc = text();
    s.outlet = text();
    s.url = text();
    s.title = text();
    if (in_.flag()) s.published = parse_time_value(in_.pick(kTimes));
    const auto begin = static_cast<std::uint32_t>(in_.below(4096));
    s.span = Span{begin, begin + static_cast<std::uint32_t>(in_.below(512))};
    s.quote = text();
    if (in_.flag()) s.attribution = text();
    return s;
  }

  Fact fact() {
    Fact f;
    f.id = text();
    f.predicate = in_.pick(kPredicates);
    f.topic = text();
    f.headline = text();
    for (std::size_t i = in_.below(3); i > 0; --i) f.entities.push_back(ClaimEntity{text(), in_.pick(kKinds), text()});
    if (in_.flag()) {
      f.amount = Amount{Span{0, 1}, static_cast<double>(in_.below(65536)) * (in_.flag() ? 1e6 : 0.01),
                        in_.pick({"USD", "EUR", "GBP", "percent", "count"}), in_.flag()};
      f.amount_text = text();
    }
    for (std::size_t i = 1 + in_.below(3); i > 0; --i) {
      FactValue v;
      v.time = time();
      v.time_text = text();
      v.status = in_.pick(kStatuses);
      for (std::size_t k = 1 + in_.below(2); k > 0; --k) v.sources.push_back(source());
      f.history.push_back(std::move(v));
    }
    for (std::size_t i = in_.below(2); i > 0; --i) f.revision_notes.push_back(text());
    for (std::size_t i = in_.below(2); i > 0; --i) {
      f.contradictions.push_back(
          Contradiction{std::string(in_.pick({"time", "amount", "status"})), source(), source(), text(), text()});
    }
    return f;
  }

  // A link between two facts of the thread, or a revision inside one fact's history.
  Link link(const Timeline& t) {
    Link l;
    const Fact& from = t.facts[in_.below(t.facts.size())];
    const Fact& to = t.facts[in_.below(t.facts.size())];
    l.from = from.id;
    l.to = to.id;
    l.kind = in_.pick(kLinks);
    if (in_.flag() && from.history.size() > 1) {
      l.to = l.from;
      l.kind = in_.flag() ? LinkKind::Extends : LinkKind::Supersedes;
      l.from_value = 1 + in_.below(from.history.size() - 1);
      l.to_value = *l.from_value - 1;
    }
    return l;
  }

  fuzz::Input in_;
  bool plain_;
  std::map<std::string, std::string> words_;
};

// Says which check failed, with the outputs, before aborting (which the fuzzer reports).
[[noreturn]] void fail(std::string_view what, const std::string& hostile, const std::string& plain = {}) {
  std::fprintf(stderr, "fuzz_export: %.*s\n--- output:\n%s\n--- plain-text output:\n%s\n", static_cast<int>(what.size()),
               what.data(), hostile.c_str(), plain.c_str());
  std::abort();
}

// JSON: parses as UTF-8, and two documents have the same shape: the same types, array
// lengths, object keys in order, numbers, booleans and nulls; strings may differ.
rapidjson::Document parse_json(const std::string& text) {
  rapidjson::Document d;
  d.Parse<rapidjson::kParseValidateEncodingFlag>(text.c_str(), text.size());
  if (d.HasParseError()) {
    const std::size_t at = d.GetErrorOffset();
    fail(fmt::format("JSON does not parse at offset {} (error {}), near '{}'", at, static_cast<int>(d.GetParseError()),
                     text.substr(at < 40 ? 0 : at - 40, 60)),
         text);
  }
  return d;
}

bool same_shape(const rapidjson::Value& a, const rapidjson::Value& b) {
  if (a.GetType() != b.GetType()) return false;
  if (a.IsArray()) {
    if (a.Size() != b.Size()) return false;
    for (rapidjson::SizeType i = 0; i < a.Size(); ++i) {
      if (!same_shape(a[i], b[i])) return false;
    }
    return true;
  }
  if (a.IsObject()) {
    if (a.MemberCount() != b.MemberCount()) return false;
    for (auto ia = a.MemberBegin(), ib = b.MemberBegin(); ia != a.MemberEnd(); ++ia, ++ib) {
      if (ia->name != ib->name || !same_shape(ia->value, ib->value)) return false;
    }
    return true;
  }
  if (a.IsString()) return true;
  return a == b;
}

void check_json(const std::string& hostile, const std::string& plain) {
  if (!same_shape(parse_json(hostile), parse_json(plain))) fail("JSON shapes differ", hostile, plain);
}

// iCalendar: libical parses it without errors; the components and their properties, kind by
// kind, in order.
struct IcalFree {
  void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};

void ical_structure(icalcomponent* c, std::string& out) {
  out += fmt::format("[{}:", static_cast<int>(icalcomponent_isa(c)));
  for (icalproperty* p = icalcomponent_get_first_property(c, ICAL_ANY_PROPERTY); p;
       p = icalcomponent_get_next_property(c, ICAL_ANY_PROPERTY)) {
    const icalproperty_kind kind = icalproperty_isa(p);
    out += kind == ICAL_X_PROPERTY ? icalproperty_get_x_name(p) : std::to_string(static_cast<int>(kind));
    out += ',';
  }
  for (icalcomponent* child = icalcomponent_get_first_component(c, ICAL_ANY_COMPONENT); child;
       child = icalcomponent_get_next_component(c, ICAL_ANY_COMPONENT)) {
    ical_structure(child, out);
  }
  out += ']';
}

std::string ical_structure(const std::string& ics) {
  std::unique_ptr<icalcomponent, IcalFree> root(icalparser_parse_string(ics.c_str()));
  if (!root || icalcomponent_isa(root.get()) != ICAL_VCALENDAR_COMPONENT) fail("libical finds no calendar", ics);
  if (icalcomponent_count_errors(root.get()) != 0) fail("libical reports errors", ics);
  std::string out;
  ical_structure(root.get(), out);
  return out;
}

void check_ical(const std::string& hostile, const std::string& plain) {
  const std::string a = ical_structure(hostile), b = ical_structure(plain);
  if (a != b) fail("calendar structures differ", fmt::format("{}\n{}", a, hostile), fmt::format("{}\n{}", b, plain));
}

// DOT: cgraph reads it; the graph has the same nodes, edges and subgraphs (by name: the
// exporter names them itself, never after text).
struct GraphClose {
  void operator()(Agraph_t* g) const { agclose(g); }
};

// Sorted throughout: cgraph orders subgraphs by an id that is a string's address, and writes
// them, and so creates the nodes when reading back, in that order.
void graph_structure(Agraph_t* g, std::string& out) {
  out += fmt::format("{{{}:", agnameof(g));
  std::vector<std::string> nodes;
  for (Agnode_t* n = agfstnode(g); n; n = agnxtnode(g, n)) {
    std::vector<std::string> heads;
    for (Agedge_t* e = agfstout(g, n); e; e = agnxtout(g, e)) heads.emplace_back(agnameof(aghead(e)));
    std::sort(heads.begin(), heads.end());
    std::string& node = nodes.emplace_back(agnameof(n));
    node += '(';
    for (const auto& h : heads) node += h + ' ';
    node += ')';
  }
  std::sort(nodes.begin(), nodes.end());
  for (const auto& n : nodes) out += n;
  std::vector<std::string> subgraphs;
  for (Agraph_t* s = agfstsubg(g); s; s = agnxtsubg(s)) graph_structure(s, subgraphs.emplace_back());
  std::sort(subgraphs.begin(), subgraphs.end());
  for (const auto& s : subgraphs) out += s;
  out += '}';
}

std::string dot_structure(const std::string& dot) {
  std::unique_ptr<Agraph_t, GraphClose> g(agmemread(dot.c_str()));
  if (!g) fail("cgraph cannot read the DOT", dot);
  std::string out;
  graph_structure(g.get(), out);
  return out;
}

void check_dot(const std::string& hostile, const std::string& plain) {
  const std::string a = dot_structure(hostile), b = dot_structure(plain);
  if (a != b) fail("graph structures differ", fmt::format("{}\n{}", a, hostile), fmt::format("{}\n{}", b, plain));
}

std::vector<Fact> all_facts(const std::vector<Timeline>& timelines) {
  std::vector<Fact> facts;
  for (const auto& t : timelines) facts.insert(facts.end(), t.facts.begin(), t.facts.end());
  return facts;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const bool quiet = [] {
    agseterr(AGMAX);  // cgraph would print every warning; a parse failure is caught by the check
    return true;
  }();
  (void)quiet;
  const std::vector<Timeline> hostile = TimelineBuilder(data, size, false).build();
  const std::vector<Timeline> plain = TimelineBuilder(data, size, true).build();
  check_json(timelines_json(hostile), timelines_json(plain));
  check_json(facts_json(all_facts(hostile)), facts_json(all_facts(plain)));
  check_json(timelinejs_json(hostile), timelinejs_json(plain));
  CalendarOptions options;
  options.stamp = std::chrono::sys_days{std::chrono::year{2025} / 7 / 27};
  options.all_facts = size > 0 && (data[0] & 1);
  check_ical(icalendar(hostile, options), icalendar(plain, options));
  check_ical(icalendar(all_facts(hostile), options), icalendar(all_facts(plain), options));
  check_dot(timeline_dot(hostile), timeline_dot(plain));
  return 0;
}
