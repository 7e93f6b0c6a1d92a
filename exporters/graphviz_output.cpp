// The diagram as DOT text (cgraph's agwrite) and as SVG (laid out and rendered in process
// by gvc, the library behind the dot program).

#include <dateline/error.h>
#include <dateline/export.h>
#include <graphviz/gvc.h>

#include <mutex>

#include "timeline_graph.h"

namespace dateline {
namespace {

// agwrite writes through the io discipline the graph was opened with; this one appends to
// the std::string passed as the channel.
int append_to_string(void* channel, const char* text) {
  static_cast<std::string*>(channel)->append(text);
  return 0;
}
int flush_nothing(void*) { return 0; }

Agiodisc_t string_io = {nullptr, append_to_string, flush_nothing};
Agdisc_t string_disc = {&AgMemDisc, &AgIdDisc, &string_io};

// gvc keeps global state (its plugin list, an error count): one layout at a time.
std::mutex& gvc_mutex() {
  static std::mutex m;
  return m;
}

struct ContextCloser {
  void operator()(GVC_t* gvc) const { gvFreeContext(gvc); }
};

}  // namespace

std::string timeline_dot(const std::vector<Timeline>& timelines, std::string_view title) {
  graph::Graph g = graph::build_timeline_graph(timelines, title, &string_disc);
  std::string out;
  if (agwrite(g.get(), &out) != 0) throw std::runtime_error("timeline DOT: cgraph could not write the graph");
  return out;
}

std::string timeline_svg(const std::vector<Timeline>& timelines, std::string_view title) {
  std::lock_guard<std::mutex> lock(gvc_mutex());
  std::unique_ptr<GVC_t, ContextCloser> gvc(gvContext());
  graph::Graph g = graph::build_timeline_graph(timelines, title, nullptr);
  if (gvLayout(gvc.get(), g.get(), "dot") != 0) throw std::runtime_error("timeline SVG: Graphviz layout failed");
  char* data = nullptr;
  unsigned int length = 0;
  const int rendered = gvRenderData(gvc.get(), g.get(), "svg", &data, &length);
  std::string svg = rendered == 0 && data ? std::string(data, length) : std::string();
  gvFreeRenderData(data);
  gvFreeLayout(gvc.get(), g.get());
  if (rendered != 0 || svg.empty()) {
    throw std::runtime_error("timeline SVG: Graphviz could not render SVG (is the core plugin configured? run dot -c)");
  }
  return svg;
}

}  // namespace dateline
