// Writes the exporters' output for the test fixtures: the browser test loads the TimelineJS
// file, and docs/timeline-sample.png is rendered from the DOT.
//   export_fixture FORMAT [sample|all]   FORMAT: json, timelinejs, ical, dot, svg

#include <dateline/export.h>

#include <cstdio>
#include <iostream>
#include <string_view>

#include "timeline_fixtures.h"

int main(int argc, char** argv) {
  using namespace dateline;
  if (argc < 2 || argc > 3) {
    std::cerr << "usage: export_fixture json|timelinejs|ical|dot|svg [sample|all]\n";
    return 2;
  }
  const std::string_view format = argv[1];
  const std::string_view which = argc == 3 ? argv[2] : "sample";
  if (which != "sample" && which != "all") {
    std::cerr << "export_fixture: unknown fixture set '" << which << "' (sample or all)\n";
    return 2;
  }
  const std::vector<Timeline> timelines = which == "all" ? fixtures::all_timelines() : fixtures::sample_timelines();
  std::string out;
  if (format == "json") {
    out = timelines_json(timelines, true);
  } else if (format == "timelinejs") {
    out = timelinejs_json(timelines, "Story threads, July 2025");
  } else if (format == "ical") {
    CalendarOptions options;
    options.stamp = std::chrono::sys_days{std::chrono::year{2025} / 7 / 27};
    out = icalendar(timelines, options);
  } else if (format == "dot") {
    out = timeline_dot(timelines, "Story threads, July 2025");
  } else if (format == "svg") {
    out = timeline_svg(timelines, "Story threads, July 2025");
  } else {
    std::cerr << "export_fixture: unknown format '" << format << "'\n";
    return 2;
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}
