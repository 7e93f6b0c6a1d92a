// The dateline command line: one subcommand per job (DESIGN.md, "CLI").

#include <dateline/error.h>
#include <dateline/export.h>
#include <dateline/extract.h>
#include <dateline/read.h>
#include <dateline/store.h>
#include <dateline/text_report.h>

#include "ordered_parallel.h"
#include "query_heap.h"
#include "timex_command.h"

#include <CLI/CLI.hpp>
#include <boost/date_time/gregorian/gregorian.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <fcntl.h>
#include <memory>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <iostream>
#include <unistd.h>
#include <unordered_map>

namespace {

namespace fs = std::filesystem;
using namespace dateline;

// -j N: documents are processed on N threads; the output is the same for every N.
void add_jobs_option(CLI::App* command, unsigned& jobs) {
  command->add_option("-j,--jobs", jobs, "Documents processed in parallel (default: the number of cores)")
      ->check(CLI::Range(1u, 256u));
}

void write_stdout(std::string_view text) { std::fwrite(text.data(), 1, text.size(), stdout); }

struct ExtractArgs {
  std::string dct;
  std::string captured;
  std::string max_input_bytes;
  std::vector<std::string> inputs;
  bool pretty = false;
  unsigned jobs = default_jobs();
};

// --max-input-bytes: empty for the default limit.
std::uint64_t max_input_bytes(const std::string& text) {
  if (text.empty()) return kDefaultMaxInputBytes;
  try {
    return parse_byte_size(text);
  } catch (const ValueError& e) {
    throw ValueError(fmt::format("--max-input-bytes: {}", e.what()));
  }
}

// Every command that reads articles takes the per-document size limit.
void add_max_input_option(CLI::App* command, std::string& value) {
  command->add_option("--max-input-bytes", value,
                      fmt::format("Largest document read (a file; a line of JSON Lines): bytes or 512M, 4G "
                                  "(default {})",
                                  byte_size_text(kDefaultMaxInputBytes)));
}

ReadOptions read_options(const std::string& dct, const std::string& captured, const std::string& max_bytes) {
  ReadOptions options;
  options.max_input_bytes = max_input_bytes(max_bytes);
  try {
    if (!dct.empty()) options.dct = parse_iso_date(dct);
  } catch (const ValueError& e) {
    throw ValueError(fmt::format("--dct: {}", e.what()));
  }
  try {
    if (!captured.empty()) options.captured = parse_captured(captured);
  } catch (const ValueError& e) {
    throw ValueError(fmt::format("--captured: {}", e.what()));
  }
  return options;
}

// An input file: its path and, for a file found by listing a directory, the directory's
// descriptor and where the file's name starts in the path (it is opened by that name there).
struct InputFile {
  std::string path;
  int dir_fd = -1;
  std::size_t name_at = 0;
};

// The directories whose files are read, each opened once and closed at the end.
class OpenDirectories {
 public:
  OpenDirectories() = default;
  OpenDirectories(const OpenDirectories&) = delete;
  OpenDirectories& operator=(const OpenDirectories&) = delete;
  ~OpenDirectories() {
    for (const auto& [dir, fd] : fds_) {
      if (fd >= 0) ::close(fd);
    }
  }
  // The descriptor of `dir`, or -1 when it cannot be opened or too many are (its files are then
  // opened by their paths, as before).
  int of(const std::string& dir) {
    auto [it, added] = fds_.try_emplace(dir, -1);
    if (added && fds_.size() <= kMaxOpen) it->second = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    return it->second;
  }

 private:
  static constexpr std::size_t kMaxOpen = 256;  // well under the usual limit of 1,024 descriptors
  std::unordered_map<std::string, int> fds_;
};

std::vector<InputFile> expand_inputs(const std::vector<std::string>& inputs, OpenDirectories* directories = nullptr);

// What one input file gave `extract`: its documents' JSON records and the warnings about items
// skipped while reading it, kept to be printed in file order whatever -j is.
struct ExtractedFile {
  std::vector<ExtractJsonPart> parts;
  std::vector<std::string> warnings;
  std::exception_ptr error;  // why reading stopped, raised after the warnings before it
};

// Files are read, extracted and serialized on -j threads and written in order, one file at a
// time: memory holds a few files' records, however many files there are. Nothing reaches
// standard output before every file has been read, so a bad file still leaves no partial JSON.
int run_extract(const ExtractArgs& args) {
  const ReadOptions options = read_options(args.dct, args.captured, args.max_input_bytes);
  OpenDirectories directories;
  const std::vector<InputFile> files = expand_inputs(args.inputs, &directories);
  ExtractJsonWriter writer(args.pretty);
  ordered_parallel<ExtractedFile>(
      files.size(), args.jobs,
      [&](std::size_t i) {
        ExtractedFile out;
        ReadOptions file_options = options;
        // A bad item in a feed or a JSON Lines file is skipped with a warning; the rest is read.
        file_options.warn = [&](const InputError& e) { out.warnings.emplace_back(e.what()); };
        try {
          const InputFile& file = files[i];
          const auto add = [&](Document&& d) {
            out.parts.push_back(extract_json_part(extract(std::move(d)), args.pretty));
          };
          if (file.dir_fd >= 0) {
            for_each_document_in_listed_file(file.dir_fd, file.path.substr(file.name_at), file.path, file_options, add);
          } else {
            for_each_document_in_file(file.path, file_options, add);
          }
        } catch (...) {
          out.error = std::current_exception();
        }
        return out;
      },
      [&](std::size_t, ExtractedFile file) {
        for (const auto& w : file.warnings) std::cerr << "dateline: warning: " << w << '\n';
        if (file.error) std::rethrow_exception(file.error);
        for (const auto& part : file.parts) writer.add(part);
      });
  static char out_buffer[1 << 16];
  std::setvbuf(stdout, out_buffer, _IOFBF, sizeof out_buffer);
  writer.finish(write_stdout);
  write_stdout("\n");
  return 0;
}

// Files under the inputs, expanded here (as read_inputs does: recursively, sorted, hidden files
// skipped) so that ingest reads one file at a time and its memory stays flat however large the
// corpus is. With `directories`, the files found by listing a directory carry its descriptor.
std::vector<InputFile> expand_inputs(const std::vector<std::string>& inputs, OpenDirectories* directories) {
  std::vector<InputFile> files;
  for (const auto& input : inputs) {
    std::error_code ec;
    if (input == "-" || !fs::is_directory(input, ec)) {
      files.push_back({input});
      continue;
    }
    std::vector<std::string> found;
    for (auto it = fs::recursive_directory_iterator(input, fs::directory_options::skip_permission_denied, ec);
         it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (ec) break;
      const auto name = it->path().filename().string();
      if (!name.empty() && name.front() == '.') {
        if (it->is_directory()) it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file()) found.push_back(it->path().string());
    }
    if (ec) throw InputError(input, fmt::format("cannot list directory: {}", ec.message()));
    std::sort(found.begin(), found.end());
    for (std::string& path : found) {
      InputFile file{std::move(path)};
      const std::size_t slash = file.path.rfind('/');
      if (directories && slash != std::string::npos) {
        file.dir_fd = directories->of(file.path.substr(0, slash + 1));
        file.name_at = slash + 1;
      }
      files.push_back(std::move(file));
    }
  }
  return files;
}

struct StoreArgs {
  std::string db = "dateline.db";
  std::string format = "text";
  std::string output;
};

Date date_option(const std::string& name, const std::string& text) {
  try {
    return parse_iso_date(text);
  } catch (const ValueError& e) {
    throw ValueError(fmt::format("{}: {}", name, e.what()));
  }
}

// Writes to -o FILE, or standard output.
void write_output(const std::string& path, std::string_view text) {
  if (path.empty() || path == "-") {
    write_stdout(text);
    return;
  }
  std::ofstream out(path, std::ios::binary);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  out.close();
  if (!out) throw InputError(path, "cannot write the output file");
}

// A progress line on stderr for long ingests, only when stderr is a terminal.
class Progress {
 public:
  explicit Progress(std::size_t total) : total_(total), enabled_(::isatty(STDERR_FILENO) == 1) {}
  void update(std::size_t files, std::size_t documents, std::size_t claims) {
    if (!enabled_) return;
    const auto now = std::chrono::steady_clock::now();
    if (now - last_ < std::chrono::milliseconds(250)) return;
    last_ = now;
    const double seconds = std::chrono::duration<double>(now - start_).count();
    if (seconds < 1.0) return;  // short ingests print nothing
    shown_ = true;
    std::fprintf(stderr, "\ringest: %zu/%zu files, %zu documents, %zu claims, %.0f documents/s ", files, total_,
                 documents, claims, static_cast<double>(documents) / seconds);
    std::fflush(stderr);
  }
  ~Progress() {
    if (shown_) std::fputs("\n", stderr);
  }

 private:
  std::size_t total_;
  bool enabled_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_{};
};

// What one input file gave: its documents, extracted, or why it could not be read.
struct FileExtraction {
  std::vector<Extraction> extractions;
  std::string error;
};

int run_ingest(const StoreArgs& store_args, const ExtractArgs& args, int commit_every) {
  const ReadOptions options = read_options(args.dct, args.captured, args.max_input_bytes);
  const std::vector<InputFile> files = expand_inputs(args.inputs);
  Store store(store_args.db);
  store.set_commit_every(commit_every);
  std::size_t documents = 0, stored = 0, copies = 0, claims = 0, new_facts = 0, failed = 0;
  Progress progress(files.size());
  // Files are read and extracted on -j threads; the store takes them one at a time, in order,
  // so the result is the same for every -j.
  ordered_parallel<FileExtraction>(
      files.size(), args.jobs,
      [&](std::size_t i) {
        FileExtraction out;
        try {
          for (auto& d : read_inputs({files[i].path}, options)) out.extractions.push_back(extract(std::move(d)));
        } catch (const InputError& e) {
          out.error = e.what();
        }
        return out;
      },
      [&](std::size_t i, FileExtraction file) {
        if (!file.error.empty()) {
          // One unreadable file is reported and the rest still ingested; the exit status says so.
          std::cerr << "dateline: " << file.error << '\n';
          ++failed;
          return;
        }
        for (const auto& x : file.extractions) {
          const IngestResult r = store.ingest(x);
          ++documents;
          if (r.new_document) (r.new_text ? stored : copies) += 1;
          claims += r.claims;
          new_facts += r.new_facts;
        }
        progress.update(i + 1, documents, claims);
      });
  const StoreCounts after = store.counts();
  write_stdout(fmt::format(
      "ingested {} documents: {} new, {} syndicated copies, {} already stored; {} claims, {} new facts\n"
      "store {}: {} documents, {} texts, {} claims, {} facts, {} links, {} timelines, {} contradictions\n",
      documents, stored, copies, documents - stored - copies, claims, new_facts, store_args.db, after.documents,
      after.texts, after.claims, after.facts, after.links, after.timelines, after.contradictions));
  return failed ? 1 : 0;
}

// A store must exist for queries: a mistyped --db should not silently create an empty one.
void require_store(const std::string& path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) throw StoreError(fmt::format("{}: no such store (create it with dateline ingest)", path));
}

void check_format(const std::string& format, std::initializer_list<std::string_view> allowed) {
  for (auto f : allowed) {
    if (format == f) return;
  }
  std::string list;
  for (auto f : allowed) list += list.empty() ? std::string(f) : fmt::format(", {}", f);
  throw ValueError(fmt::format("--format: unknown format '{}' (use {})", format, list));
}

// DTSTAMP of exported calendars: now, or SOURCE_DATE_EPOCH when set (reproducible builds'
// convention), so the same store gives the same file.
CalendarOptions calendar_options(std::string name) {
  CalendarOptions options;
  options.name = std::move(name);
  options.stamp = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) {
    try {
      options.stamp = std::chrono::sys_seconds{std::chrono::seconds{std::stoll(epoch)}};
    } catch (const std::exception&) {
      throw ValueError(fmt::format("SOURCE_DATE_EPOCH: not a number of seconds: '{}'", epoch));
    }
  }
  return options;
}

// Formats end with a newline where the format is line-oriented text that lacks one.
std::string with_newline(std::string text) {
  text += '\n';
  return text;
}

// What a query listed, left for the end of the process to reclaim: freeing a month of upcoming
// facts string by string took a tenth of such a run. Held through a static pointer, so that a
// leak checker sees it reachable.
template <class T>
void leave_to_exit(T&& value) {
  static auto* kept = new std::decay_t<T>();
  *kept = std::move(value);
}

struct TimelineArgs {
  std::string topic, entity, from, to;
};

int run_timeline(const StoreArgs& store_args, const TimelineArgs& args) {
  check_format(store_args.format, {"text", "json", "timelinejs", "ical", "dot", "svg"});
  TimelineQuery q;
  q.topic = args.topic;
  q.entity = args.entity;
  if (!args.from.empty()) q.from = date_option("--from", args.from);
  if (!args.to.empty()) q.to = date_option("--to", args.to);
  if (q.from && q.to && *q.to < *q.from) throw ValueError("--to is before --from");
  require_store(store_args.db);
  heap_in_huge_pages();
  Store store(store_args.db);
  std::vector<Timeline> timelines = store.timelines(q);
  const std::string& f = store_args.format;
  std::string out;
  if (f == "json") {
    out = with_newline(timelines_json(timelines));
  } else if (f == "timelinejs") {
    out = with_newline(timelinejs_json(timelines));
  } else if (f == "ical") {
    out = icalendar(timelines, calendar_options("dateline timelines"));
  } else if (f == "dot") {
    out = timeline_dot(timelines);
  } else if (f == "svg") {
    out = timeline_svg(timelines);
  } else {
    out = timelines_text(timelines);
  }
  write_output(store_args.output, out);
  leave_to_exit(std::move(timelines));
  return 0;
}

struct UpcomingArgs {
  std::string as_of;
  std::string within = "30d";
};

Date today() {
  return boost::gregorian::day_clock::universal_day();
}

int run_upcoming(const StoreArgs& store_args, const UpcomingArgs& args) {
  check_format(store_args.format, {"text", "json", "ical"});
  UpcomingQuery q;
  q.as_of = args.as_of.empty() ? today() : date_option("--as-of", args.as_of);
  try {
    q.within_days = parse_window_days(args.within);
  } catch (const ValueError& e) {
    throw ValueError(fmt::format("--within: {}", e.what()));
  }
  // The window's end must be a calendar date (Boost's calendar ends with 9999).
  if (q.as_of > Date(9999, 12, 31) - boost::gregorian::days(q.within_days)) {
    throw ValueError(fmt::format("--within: {} after {} is past 9999-12-31", args.within, iso_string(q.as_of)));
  }
  require_store(store_args.db);
  heap_in_huge_pages();
  Store store(store_args.db);
  std::vector<Fact> facts = store.upcoming(q);
  if (store_args.format == "json") {
    write_output(store_args.output, with_newline(facts_json(facts)));
  } else if (store_args.format == "ical") {
    // The calendar holds what upcoming selected (all_facts: the engine has chosen them).
    CalendarOptions options = calendar_options("dateline: upcoming deadlines");
    options.all_facts = true;
    write_output(store_args.output, icalendar(facts, options));
  } else {
    write_output(store_args.output, upcoming_text(facts, q.as_of, q.within_days));
  }
  leave_to_exit(std::move(facts));
  return 0;
}

int run_facts(const StoreArgs& store_args, const FactQuery& q) {
  check_format(store_args.format, {"text", "json"});
  require_store(store_args.db);
  Store store(store_args.db);
  std::vector<Fact> facts = store.facts(q);
  write_output(store_args.output, store_args.format == "json" ? with_newline(facts_json(facts)) : facts_text(facts));
  leave_to_exit(std::move(facts));
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"dateline: dated claims from news articles, merged and tracked into timelines"};
  app.set_version_flag("--version", std::string("dateline ") + DATELINE_VERSION);
  app.require_subcommand(1);

  ExtractArgs extract_args;
  auto* extract_cmd = app.add_subcommand("extract", "Read articles and print what they state, as one JSON object");
  extract_cmd->add_option("--dct", extract_args.dct, "Publication date (YYYY-MM-DD) for documents that carry none");
  extract_cmd->add_option("--captured", extract_args.captured,
                          "When the page was saved (YYYY-MM-DDTHH:MM), the anchor for '20 hours ago' labels");
  extract_cmd->add_flag("--pretty", extract_args.pretty, "Indent the JSON");
  add_jobs_option(extract_cmd, extract_args.jobs);
  add_max_input_option(extract_cmd, extract_args.max_input_bytes);
  extract_cmd
      ->add_option("inputs", extract_args.inputs,
                   "Files (plain text, HTML, RSS/Atom, JSON Lines), directories, or - for standard input")
      ->required();

  std::string timex_dir;
  auto* timex_cmd = app.add_subcommand("timex", "Tag time expressions in DIR/<id>.txt (DCT in <id>.dct), scorer format");
  timex_cmd->add_option("dir", timex_dir, "Directory of <id>.txt and <id>.dct files")->required();
  unsigned timex_jobs = default_jobs();
  add_jobs_option(timex_cmd, timex_jobs);
  std::string timex_max_input;
  add_max_input_option(timex_cmd, timex_max_input);

  StoreArgs store_args;
  auto add_store_options = [&](CLI::App* cmd, bool with_format) {
    cmd->add_option("--db", store_args.db, "The store (SQLite file)")->capture_default_str();
    if (with_format) {
      cmd->add_option("--format", store_args.format, "Output format")->capture_default_str();
      cmd->add_option("-o,--output", store_args.output, "Write to FILE instead of standard output");
    }
  };

  ExtractArgs ingest_args;
  auto* ingest_cmd = app.add_subcommand("ingest", "Extract articles and store their claims, merged into facts");
  add_store_options(ingest_cmd, false);
  ingest_cmd->add_option("--dct", ingest_args.dct, "Publication date (YYYY-MM-DD) for documents that carry none");
  ingest_cmd->add_option("--captured", ingest_args.captured,
                         "When the page was saved (YYYY-MM-DDTHH:MM), the anchor for '20 hours ago' labels");
  ingest_cmd->add_option("inputs", ingest_args.inputs, "Files, directories, or - for standard input")->required();
  add_jobs_option(ingest_cmd, ingest_args.jobs);
  add_max_input_option(ingest_cmd, ingest_args.max_input_bytes);
  int commit_every = 2000;
  ingest_cmd
      ->add_option("--commit-every", commit_every,
                   "Commit after this many documents (or 2 s); a crash loses at most the batch in progress")
      ->capture_default_str()
      ->check(CLI::Range(1, 1000000));

  TimelineArgs timeline_args;
  auto* timeline_cmd = app.add_subcommand("timeline", "Story threads from the store, facts in time order");
  add_store_options(timeline_cmd, true);
  timeline_cmd->add_option("--topic", timeline_args.topic, "Threads whose title or topics contain this text");
  timeline_cmd->add_option("--entity", timeline_args.entity, "Threads about this entity (canonical name)");
  timeline_cmd->add_option("--from", timeline_args.from, "Facts whose time reaches this date (YYYY-MM-DD) or later");
  timeline_cmd->add_option("--to", timeline_args.to, "Facts whose time starts by this date (YYYY-MM-DD)");

  UpcomingArgs upcoming_args;
  auto* upcoming_cmd = app.add_subcommand("upcoming", "Deadlines and scheduled facts ahead, current values only");
  add_store_options(upcoming_cmd, true);
  upcoming_cmd->add_option("--as-of", upcoming_args.as_of, "The day to look ahead from (YYYY-MM-DD; default today, UTC)");
  upcoming_cmd->add_option("--within", upcoming_args.within, "How far ahead: 30d, 6w, 3m, 1y")->capture_default_str();

  FactQuery facts_query;
  auto* facts_cmd = app.add_subcommand("facts", "Facts in the store, with sources, revisions and contradictions");
  add_store_options(facts_cmd, true);
  facts_cmd->add_option("--entity", facts_query.entity, "Facts naming this entity (canonical name)");
  facts_cmd->add_flag("--contradictions", facts_query.contradictions_only, "Only facts whose sources disagree");

  CLI11_PARSE(app, argc, argv);
  try {
    if (*extract_cmd) return run_extract(extract_args);
    if (*timex_cmd) return run_timex(timex_dir, timex_jobs, max_input_bytes(timex_max_input));
    if (*ingest_cmd) return run_ingest(store_args, ingest_args, commit_every);
    if (*timeline_cmd) return run_timeline(store_args, timeline_args);
    if (*upcoming_cmd) return run_upcoming(store_args, upcoming_args);
    if (*facts_cmd) return run_facts(store_args, facts_query);
  } catch (const StoreError& e) {
    std::cerr << "dateline: " << e.what() << '\n';
    return 1;
  } catch (const InputError& e) {
    std::cerr << "dateline: " << e.what() << '\n';
    return 1;
  } catch (const ValueError& e) {
    std::cerr << "dateline: " << e.what() << '\n';
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "dateline: internal error: " << e.what() << '\n';
    return 3;
  }
  return 0;
}
