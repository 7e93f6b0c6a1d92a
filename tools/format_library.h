#pragma once
// The heavy formats of the command line, in a module of their own (dateline-formats.so, beside
// the program) that it loads the first time one is needed: HTML pages and RSS/Atom feeds
// (libxml2, which brings ICU), iCalendar (libical) and the Graphviz diagram (cgraph, gvc).
// Linked into the program, these libraries cost every run a few milliseconds of dynamic loading
// (about half the start-up of a query), though most runs never use them.
//
// The module exports one C function, dateline_format_library(), returning this table of the
// library functions (dateline/read.h, dateline/export.h); the program forwards its own
// definitions of those functions to it (format_loader.cpp). Both are built from the same tree.

#include <dateline/export.h>
#include <dateline/read.h>

#include <string>
#include <string_view>
#include <vector>

namespace dateline {

struct FormatLibrary {
  // Changed whenever the table changes: a module from another build is refused.
  static constexpr int kVersion = 1;
  int version = kVersion;
  Document (*read_html_page)(std::string_view, std::string_view, const ReadOptions&);
  std::vector<Document> (*read_feed)(std::string_view, std::string_view, const ReadOptions&);
  std::string (*icalendar_of_timelines)(const std::vector<Timeline>&, const CalendarOptions&);
  std::string (*icalendar_of_facts)(const std::vector<Fact>&, const CalendarOptions&);
  std::string (*timeline_dot)(const std::vector<Timeline>&, std::string_view);
  std::string (*timeline_svg)(const std::vector<Timeline>&, std::string_view);
};

}  // namespace dateline

extern "C" const dateline::FormatLibrary* dateline_format_library();
