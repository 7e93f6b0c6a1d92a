// The dateline command line: one subcommand per job (DESIGN.md, "CLI").

#include <dateline/error.h>
#include <dateline/export.h>
#include <dateline/extract.h>
#include <dateline/read.h>

#include "ordered_parallel.h"

#include <CLI/CLI.hpp>
#include <cerrno>
#include <cstdio>
#include <fcntl.h>
#include <unistd.h>
#include <filesystem>
#include <fmt/format.h>
#include <iostream>

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
  std::vector<std::string> inputs;
  bool pretty = false;
  unsigned jobs = default_jobs();
};

ReadOptions read_options(const std::string& dct, const std::string& captured) {
  ReadOptions options;
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

int run_extract(const ExtractArgs& args) {
  ReadOptions options = read_options(args.dct, args.captured);
  // A bad item in a feed or a JSON Lines file is skipped with a warning; the rest is read.
  options.warn = [](const InputError& e) { std::cerr << "dateline: warning: " << e.what() << '\n'; };
  std::vector<Extraction> extractions;
  std::vector<Document> documents = read_inputs(args.inputs, options);
  extractions.reserve(documents.size());
  ordered_parallel<Extraction>(
      documents.size(), args.jobs, [&](std::size_t i) { return extract(std::move(documents[i])); },
      [&](std::size_t, Extraction x) { extractions.push_back(std::move(x)); });
  write_stdout(extract_json(extractions, args.pretty));
  write_stdout("\n");
  return 0;
}

// The DCT file beside a text, if there is one. Opening it directly costs one system call
// where exists() and read_file() cost three more, once per document; anything but a readable
// file (a directory, a permission error) goes through read_file for the same error as before.
std::optional<std::string> read_dct(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT || errno == ENOTDIR) return std::nullopt;  // what exists() calls absent
    return read_file(path);
  }
  // A DCT is one short line: a read that does not fill the buffer has reached the end (as
  // read_file, Linux fills a read of a regular file unless it reaches the end).
  std::string content;
  char buffer[256];
  ssize_t n;
  do {
    n = ::read(fd, buffer, sizeof buffer);
    if (n > 0) content.append(buffer, static_cast<std::size_t>(n));
  } while (n == static_cast<ssize_t>(sizeof buffer) || (n < 0 && errno == EINTR));
  ::close(fd);
  if (n < 0) return read_file(path);  // a directory, or a read error: read_file says which
  return content;
}

// `dateline timex DIR`: the scorer interchange format for every <id>.txt (+ <id>.dct) in DIR.
int run_timex(const std::string& dir, unsigned jobs) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw InputError(dir, "not a directory");
  // File names are kept and sorted as plain strings: with thousands of small documents,
  // comparing and copying std::filesystem::path objects cost more than reading the files.
  // Every entry's path is `dir / name`, which is this prefix followed by the name.
  const std::string prefix = (fs::path(dir) / "").string();
  std::vector<std::string> names;  // <id>.txt, sorted by the whole name as paths sort
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    std::string_view name = entry.path().native();
    name.remove_prefix(prefix.size());
    // ".txt" alone is a hidden file's name, not an extension (as path::extension() has it).
    // The name first: is_regular_file() costs a stat for a symbolic link.
    if (name.size() > 4 && name.ends_with(".txt") && entry.is_regular_file()) names.emplace_back(name);
  }
  if (ec) throw InputError(dir, fmt::format("cannot list directory: {}", ec.message()));
  std::sort(names.begin(), names.end());
  // Output goes through one large stdio buffer: a line per document, written in few calls.
  // Static, because stdio flushes it at exit, after an error may have left this function.
  static char out_buffer[1 << 16];
  std::setvbuf(stdout, out_buffer, _IOFBF, sizeof out_buffer);
  // Each document is read, tagged and formatted on a worker; lines are written in name order.
  auto tag = [&](std::size_t i) {
    const std::string& name = names[i];
    const std::string_view id = std::string_view(name).substr(0, name.size() - 4);
    std::string path = prefix + name;
    std::string text = read_file(path);
    check_text(text, path);
    std::optional<Date> dct;
    path.replace(path.size() - 4, 4, ".dct");
    if (std::optional<std::string> line = read_dct(path)) {
      while (!line->empty() && (line->back() == '\n' || line->back() == '\r' || line->back() == ' ')) line->pop_back();
      try {
        dct = parse_iso_date(*line);
      } catch (const ValueError& e) {
        throw InputError(path, e.what());
      }
    }
    std::string out = timex_scorer_line(id, text, find_timexes(text, dct));
    out += '\n';
    return out;
  };
  ordered_parallel<std::string>(names.size(), jobs, tag, [](std::size_t, std::string line) { write_stdout(line); });
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
  extract_cmd
      ->add_option("inputs", extract_args.inputs,
                   "Files (plain text, HTML, RSS/Atom, JSON Lines), directories, or - for standard input")
      ->required();

  std::string timex_dir;
  auto* timex_cmd = app.add_subcommand("timex", "Tag time expressions in DIR/<id>.txt (DCT in <id>.dct), scorer format");
  timex_cmd->add_option("dir", timex_dir, "Directory of <id>.txt and <id>.dct files")->required();
  unsigned timex_jobs = default_jobs();
  add_jobs_option(timex_cmd, timex_jobs);

  CLI11_PARSE(app, argc, argv);
  try {
    if (*extract_cmd) return run_extract(extract_args);
    if (*timex_cmd) return run_timex(timex_dir, timex_jobs);
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
