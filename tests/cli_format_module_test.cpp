// The heavy formats (HTML pages and feeds, iCalendar, Graphviz) live in dateline-formats.so beside
// the program, loaded the first time a run needs one (tools/format_library.h): a query in text
// maps none of their libraries, a format that needs them loads them, and a program without its
// module says so instead of failing some other way.

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "cli_run.h"

using namespace cli_test;

namespace {

// The shared objects the dynamic loader opened for `dateline <args>` (its LD_DEBUG=libs trace).
std::string libraries_loaded(const ScratchDir& dir, const std::string& name, const std::string& args) {
  const std::string trace = dir.path(name);
  const std::string command = "LD_DEBUG=libs LD_DEBUG_OUTPUT=" + shell_quote(trace) + " " +
                              shell_quote(DATELINE_BINARY) + " " + args + " > /dev/null 2>&1";
  CHECK(std::system(command.c_str()) == 0);
  std::string all;
  for (const auto& entry : std::filesystem::directory_iterator(dir.path("."))) {
    if (entry.path().filename().string().starts_with(name + ".")) all += slurp(entry.path().string());
  }
  return all;
}

std::string store_of_one_article(const ScratchDir& dir) {
  const std::string article = dir.write(
      "vote.txt", "Council sets vote\nThe council will vote on the budget on June 3, 2025, its chair said.\n");
  const std::string db = dir.path("store.db");
  REQUIRE(run(dir, "ingest --dct 2025-05-20 --db " + shell_quote(db) + " " + shell_quote(article)).exit_code == 0);
  return db;
}

}  // namespace

TEST_CASE("cli: a query in text loads none of the formats' libraries; iCalendar loads them when asked") {
  ScratchDir dir;
  const std::string db = store_of_one_article(dir);
  const std::string query = "upcoming --db " + shell_quote(db) + " --as-of 2025-05-25 --within 30d";
  const std::string text = libraries_loaded(dir, "text-libs", query);
  CHECK(text.find("libsqlite3") != std::string::npos);  // the trace works
  for (const char* heavy : {"libxml2", "libical", "libgvc", "libcgraph", "libicu", "dateline-formats"}) {
    INFO(heavy);
    CHECK(text.find(heavy) == std::string::npos);
  }
  const std::string ical = libraries_loaded(dir, "ical-libs", query + " --format ical");
  CHECK(ical.find("dateline-formats") != std::string::npos);
  CHECK(ical.find("libical") != std::string::npos);
  const Run r = run(dir, query + " --format ical");
  CHECK(r.exit_code == 0);
  CHECK(r.out.starts_with("BEGIN:VCALENDAR"));
}

TEST_CASE("cli: without its module beside it, a format that needs it fails naming the module") {
  ScratchDir dir;
  const std::string db = store_of_one_article(dir);
  // A copy of the program alone: /proc/self/exe names the copy, and no module is beside it.
  const std::string alone = dir.path("dateline-alone");
  std::filesystem::copy_file(DATELINE_BINARY, alone);
  const std::string out = dir.path("out.txt"), err = dir.path("err.txt");
  auto run_alone = [&](const std::string& args) {
    const std::string command = shell_quote(alone) + " " + args + " > " + shell_quote(out) + " 2> " + shell_quote(err);
    const int status = std::system(command.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  };
  // Text needs no module.
  CHECK(run_alone("upcoming --db " + shell_quote(db) + " --as-of 2025-05-25 --within 30d") == 0);
  CHECK(slurp(out).find("2025-06-03") != std::string::npos);
  for (const std::string& args :
       {"upcoming --db " + shell_quote(db) + " --as-of 2025-05-25 --format ical",
        "timeline --db " + shell_quote(db) + " --format svg",
        "extract " + shell_quote(dir.write("page.html", "<html><body><p>Hi.</p></body></html>"))}) {
    INFO(args);
    const int code = run_alone(args);
    CHECK(code > 0);
    CHECK(code < 100);
    const std::string message = slurp(err);
    INFO(message);
    CHECK(message.starts_with("dateline: "));
    CHECK(message.find("dateline-formats.so") != std::string::npos);
  }
}
