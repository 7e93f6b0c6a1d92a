#pragma once
// The timeline diagram as a cgraph graph, shared by the DOT and SVG exports.

#include <dateline/fact.h>
#include <graphviz/cgraph.h>

#include <memory>
#include <string_view>
#include <vector>

namespace dateline::graph {

struct GraphCloser {
  void operator()(Agraph_t* g) const { agclose(g); }
};
using Graph = std::unique_ptr<Agraph_t, GraphCloser>;

// Builds the diagram (docs/exporters.md, "Graphviz"). `disc` is the cgraph discipline the
// graph is opened with (its io part decides where agwrite writes); null for the default.
Graph build_timeline_graph(const std::vector<Timeline>& timelines, std::string_view title, Agdisc_t* disc);

}  // namespace dateline::graph
