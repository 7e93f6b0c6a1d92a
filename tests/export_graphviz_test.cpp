// Graphviz: the DOT parses with the dot program and with cgraph, lays out with every fact in
// its date's column and no two boxes overlapping; the SVG is well-formed XML holding every
// label as text; article text never adds nodes, edges or markup.

#include <dateline/export.h>
#include <fmt/format.h>
#include <graphviz/cgraph.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>

#include <catch2/catch.hpp>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>

#include "timeline_fixtures.h"

using namespace dateline;

namespace {

struct GraphCloser {
  void operator()(Agraph_t* g) const { agclose(g); }
};
using Graph = std::unique_ptr<Agraph_t, GraphCloser>;

Graph read_dot(const std::string& dot) {
  Graph g(agmemread(dot.c_str()));
  REQUIRE(g);
  return g;
}

std::string attr(void* obj, const char* name) {
  const char* v = agget(obj, const_cast<char*>(name));
  return v ? v : "";
}

// Runs the dot program on `dot` text; returns its stdout (exit status must be 0).
std::string run_dot(const std::string& dot, const std::string& format, const std::string& name) {
  // In the temporary directory, not wherever the test was started from.
  const std::string base =
      (std::filesystem::temp_directory_path() / fmt::format("dateline-{}-{}", name, ::getpid())).string();
  const std::string in = fmt::format("{}.dot", base);
  const std::string out = fmt::format("{}.out.{}", base, format);
  const std::string err_file = fmt::format("{}.err", base);
  std::ofstream(in, std::ios::binary) << dot;
  const int status = std::system(fmt::format("dot -T{} -o '{}' '{}' 2> '{}'", format, out, in, err_file).c_str());
  std::stringstream errors, text;
  errors << std::ifstream(err_file).rdbuf();
  text << std::ifstream(out, std::ios::binary).rdbuf();
  for (const std::string& f : {in, out, err_file}) std::filesystem::remove(f);
  INFO("dot says: " << errors.str());
  REQUIRE(status == 0);
  return text.str();
}

Agnode_t* node_with_id(Agraph_t* g, const std::string& id) {
  for (Agnode_t* n = agfstnode(g); n; n = agnxtnode(g, n)) {
    if (attr(n, "id") == id) return n;
  }
  return nullptr;
}

struct Box {
  double x0, y0, x1, y1;
};

Box box_of(Agnode_t* n) {
  double x = 0, y = 0;
  REQUIRE(std::sscanf(attr(n, "pos").c_str(), "%lf,%lf", &x, &y) == 2);
  const double w = std::stod(attr(n, "width")) * 72 / 2;
  const double h = std::stod(attr(n, "height")) * 72 / 2;
  return {x - w, y - h, x + w, y + h};
}

double x_of(Agnode_t* n) { return (box_of(n).x0 + box_of(n).x1) / 2; }

// The tick of the axis column a node was put in, from the layout: same x.
std::string column_label(Agraph_t* g, Agnode_t* n) {
  for (Agnode_t* t = agfstnode(g); t; t = agnxtnode(g, t)) {
    if (attr(t, "id").starts_with("axis-") && std::abs(x_of(t) - x_of(n)) < 0.5) return attr(t, "label");
  }
  return "";
}

struct XmlDocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};

}  // namespace

TEST_CASE("DOT: the dot program parses it, and cgraph reads back every fact with its id") {
  const auto timelines = fixtures::all_timelines();
  const std::string dot = timeline_dot(timelines, "Story threads");
  run_dot(dot, "canon", "graphviz_test_parse");
  Graph g = read_dot(dot);
  for (const auto& t : timelines) {
    for (const auto& f : t.facts) {
      if (f.id.find_first_of("\"[];>") == std::string::npos) CHECK(node_with_id(g.get(), "fact-" + f.id));
    }
  }
  CHECK(node_with_id(g.get(), "fact-f-deadline"));
  CHECK(node_with_id(g.get(), "fact-f-dot___a-_b_"));
  CHECK(attr(g.get(), "rankdir") == "LR");
}

TEST_CASE("DOT: hostile labels stay inside their node: the graph has exactly the nodes and edges built") {
  const auto timelines = fixtures::all_timelines();
  Graph g = read_dot(timeline_dot(timelines));
  std::size_t facts = 0;
  std::size_t ghosts = 0;
  for (const auto& t : timelines) {
    for (const auto& f : t.facts) {
      ++facts;
      for (std::size_t i = 0; i + 1 < f.history.size(); ++i) ghosts += f.history[i].time ? 1 : 0;
    }
  }
  std::size_t ticks = 0;
  for (Agnode_t* n = agfstnode(g.get()); n; n = agnxtnode(g.get(), n)) ticks += attr(n, "id").starts_with("axis-");
  CHECK(static_cast<std::size_t>(agnnodes(g.get())) == facts + ghosts + ticks);
  // No node is named after label text ("a", "b", "x" would appear if the label broke out).
  CHECK(agnode(g.get(), const_cast<char*>("a"), 0) == nullptr);
  CHECK(agnode(g.get(), const_cast<char*>("x"), 0) == nullptr);
  // Axis line, the fixture's revision (one ghost), its SUPERSEDES and SAME_AS links.
  CHECK(static_cast<std::size_t>(agnedges(g.get())) == (ticks - 1) + ghosts + 2);
  Agnode_t* dot = node_with_id(g.get(), "fact-f-dot___a-_b_");
  REQUIRE(dot);
  const std::string label = attr(dot, "label");
  CHECK(aghtmlstr(agget(dot, const_cast<char*>("label"))));
  CHECK(label.find("<B>&quot;]; a -&gt; b<BR/>[label=&quot;pwned&quot;]; x<BR/>[label=&lt;b&gt;</B>") !=
        std::string::npos);
  const std::string cluster_title = attr(agsubg(g.get(), const_cast<char*>("cluster_2"), 0), "label");
  CHECK(cluster_title == "<b>AT&T</b> \"quotes\" \\\\N & <script>alert(1)</script>");
}

TEST_CASE("DOT layout: facts sit in their date's column, same-date facts share it, nothing overlaps") {
  const auto timelines = fixtures::all_timelines();
  Graph g = read_dot(run_dot(timeline_dot(timelines), "dot", "graphviz_test_layout"));
  CHECK(column_label(g.get(), node_with_id(g.get(), "fact-f-deadline")) == "17 Sep 2025");
  CHECK(column_label(g.get(), node_with_id(g.get(), "fact-f-court")) == "Jan 2025");
  CHECK(column_label(g.get(), node_with_id(g.get(), "fact-f-law")) == "2024");
  CHECK(column_label(g.get(), node_with_id(g.get(), "fact-f-more-extensions")) == "undated");
  CHECK(column_label(g.get(), node_with_id(g.get(), "earlier-f-deadline-0")) == "19 Jan 2025");
  // Two threads report 24 July: three facts, one column.
  const double x = x_of(node_with_id(g.get(), "fact-f-say-talks"));
  CHECK(x_of(node_with_id(g.get(), "fact-f-say-dark")) == Approx(x));
  CHECK(x_of(node_with_id(g.get(), "fact-f-approval")) == Approx(x));
  // The axis runs left to right in time.
  CHECK(x_of(node_with_id(g.get(), "fact-f-treaty")) < x_of(node_with_id(g.get(), "fact-f-law")));
  CHECK(x_of(node_with_id(g.get(), "fact-f-law")) < x_of(node_with_id(g.get(), "fact-f-court")));
  CHECK(x_of(node_with_id(g.get(), "fact-f-court")) < x_of(node_with_id(g.get(), "fact-f-deadline")));
  std::vector<std::pair<std::string, Box>> boxes;
  for (Agnode_t* n = agfstnode(g.get()); n; n = agnxtnode(g.get(), n)) boxes.emplace_back(agnameof(n), box_of(n));
  for (std::size_t i = 0; i < boxes.size(); ++i) {
    for (std::size_t j = i + 1; j < boxes.size(); ++j) {
      const Box& a = boxes[i].second;
      const Box& b = boxes[j].second;
      const bool overlap = a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
      INFO(boxes[i].first << " and " << boxes[j].first);
      CHECK_FALSE(overlap);
    }
  }
}

TEST_CASE("DOT: headlines are wrapped to short lines, the revision edge is drawn distinctly") {
  Graph g = read_dot(timeline_dot(fixtures::sample_timelines()));
  Agnode_t* ghost = node_with_id(g.get(), "earlier-f-deadline-0");
  Agnode_t* deadline = node_with_id(g.get(), "fact-f-deadline");
  REQUIRE(ghost);
  REQUIRE(deadline);
  Agedge_t* revision = agedge(g.get(), ghost, deadline, nullptr, 0);
  REQUIRE(revision);
  CHECK(attr(revision, "xlabel") == "extended");
  CHECK(attr(revision, "color") == "#c0392b");
  CHECK(attr(revision, "style") == "bold");
  CHECK(attr(ghost, "style").find("dashed") != std::string::npos);
  const std::string label = attr(node_with_id(g.get(), "fact-f-say-dark"), "label");
  CHECK(label.find("<B>Commerce chief: no<BR/>deal means the app<BR/>goes dark</B>") != std::string::npos);
}

TEST_CASE("SVG: rendered in process, well-formed XML, every headline present as text, no markup injected") {
  const auto timelines = fixtures::all_timelines();
  const std::string svg = timeline_svg(timelines, "Threads & <dates>");
  std::unique_ptr<xmlDoc, XmlDocFree> doc(xmlReadMemory(svg.data(), static_cast<int>(svg.size()), "timeline.svg",
                                                        nullptr, XML_PARSE_NONET | XML_PARSE_NOERROR));
  REQUIRE(doc);
  std::unique_ptr<xmlXPathContext, decltype(&xmlXPathFreeContext)> ctx(xmlXPathNewContext(doc.get()),
                                                                       &xmlXPathFreeContext);
  auto eval = [&](const char* xpath) {
    return std::unique_ptr<xmlXPathObject, decltype(&xmlXPathFreeObject)>(
        xmlXPathEvalExpression(reinterpret_cast<const xmlChar*>(xpath), ctx.get()), &xmlXPathFreeObject);
  };
  CHECK(eval("count(//*[local-name()='script'])")->floatval == 0);
  CHECK(eval("count(//*[local-name()='img'])")->floatval == 0);
  CHECK(eval("count(//*[local-name()='b'])")->floatval == 0);
  auto texts = eval("//*[local-name()='text']");
  REQUIRE(texts->nodesetval);
  std::string all;
  for (int i = 0; i < texts->nodesetval->nodeNr; ++i) {
    xmlChar* content = xmlNodeGetContent(texts->nodesetval->nodeTab[i]);
    all += reinterpret_cast<const char*>(content);
    all += '\n';
    xmlFree(content);
  }
  CHECK(all.find("Threads & <dates>") != std::string::npos);
  CHECK(all.find("TikTok divestment") != std::string::npos);
  CHECK(all.find("Deadline to divest") != std::string::npos);
  CHECK(all.find("17 Sep") != std::string::npos);
  CHECK(all.find("<b>AT&T</b> \"quotes\" \\N & <script>alert(1)</script>") != std::string::npos);
  CHECK(all.find("<script>alert('x')</sc") != std::string::npos);  // a long word is cut across lines
  CHECK(all.find("Z\xC3\xBCrich") != std::string::npos);
  CHECK(all.find("was 19 Jan 2025 (superseded)") != std::string::npos);
  CHECK(all.find("extended") != std::string::npos);
}
