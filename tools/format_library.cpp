// The module's side of format_library.h: the table of the real functions, from dateline_markup
// and dateline_formats.

#include "format_library.h"

namespace {

using dateline::CalendarOptions;
using dateline::Fact;
using dateline::Timeline;

const dateline::FormatLibrary kLibrary{
    dateline::FormatLibrary::kVersion,
    &dateline::read_html_page,
    &dateline::read_feed,
    static_cast<std::string (*)(const std::vector<Timeline>&, const CalendarOptions&)>(&dateline::icalendar),
    static_cast<std::string (*)(const std::vector<Fact>&, const CalendarOptions&)>(&dateline::icalendar),
    &dateline::timeline_dot,
    &dateline::timeline_svg,
};

}  // namespace

extern "C" __attribute__((visibility("default"))) const dateline::FormatLibrary* dateline_format_library() {
  return &kLibrary;
}
