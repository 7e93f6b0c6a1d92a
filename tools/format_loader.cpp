// The program's side of format_library.h: its definitions of the heavy formats' functions load
// the module beside the program once, then call the module's.

#include <dateline/error.h>
#include <dlfcn.h>
#include <fmt/format.h>
#include <unistd.h>

#include <climits>
#include <stdexcept>

#include "format_library.h"

namespace dateline {
namespace {

constexpr const char* kModuleName = "dateline-formats.so";

// The module's path: beside the program's own file (a link to the program resolved).
std::string module_path() {
  char self[PATH_MAX];
  const ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
  if (n <= 0) throw std::runtime_error(fmt::format("cannot find {}: /proc/self/exe is not readable", kModuleName));
  std::string path(self, static_cast<std::size_t>(n));
  path.erase(path.rfind('/') + 1);
  return path + kModuleName;
}

const FormatLibrary& load() {
  const std::string path = module_path();
  // Never closed: the formats' libraries keep state for the rest of the run.
  void* module = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!module) {
    throw std::runtime_error(
        fmt::format("cannot load {} (HTML pages, feeds, iCalendar and Graphviz output need it): {}", path, dlerror()));
  }
  auto* entry = reinterpret_cast<const FormatLibrary* (*)()>(dlsym(module, "dateline_format_library"));
  const FormatLibrary* library = entry ? entry() : nullptr;
  if (!library || library->version != FormatLibrary::kVersion) {
    throw std::runtime_error(fmt::format("{} is not the module of this dateline (rebuild it)", path));
  }
  return *library;
}

// Loaded by the first call, on whichever thread makes it (readers run on worker threads).
const FormatLibrary& library() {
  static const FormatLibrary& loaded = load();
  return loaded;
}

}  // namespace

Document read_html_page(std::string_view content, std::string_view file, const ReadOptions& options) {
  return library().read_html_page(content, file, options);
}

std::vector<Document> read_feed(std::string_view content, std::string_view file, const ReadOptions& options) {
  return library().read_feed(content, file, options);
}

std::string icalendar(const std::vector<Timeline>& timelines, const CalendarOptions& options) {
  return library().icalendar_of_timelines(timelines, options);
}

std::string icalendar(const std::vector<Fact>& facts, const CalendarOptions& options) {
  return library().icalendar_of_facts(facts, options);
}

std::string timeline_dot(const std::vector<Timeline>& timelines, std::string_view title) {
  return library().timeline_dot(timelines, title);
}

std::string timeline_svg(const std::vector<Timeline>& timelines, std::string_view title) {
  return library().timeline_svg(timelines, title);
}

}  // namespace dateline
