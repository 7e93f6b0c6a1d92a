// The dateline command line: one subcommand per job (DESIGN.md, "CLI").

#include <dateline/error.h>
#include <dateline/export.h>
#include <dateline/extract.h>
#include <dateline/read.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>
#include <fmt/format.h>
#include <iostream>

namespace {

namespace fs = std::filesystem;
using namespace dateline;

void write_stdout(std::string_view text) { std::fwrite(text.data(), 1, text.size(), stdout); }

struct ExtractArgs {
  std::string dct;
  std::string captured;
  std::vector<std::string> inputs;
  bool pretty = false;
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
  std::vector<Document> documents = read_inputs(args.inputs, read_options(args.dct, args.captured));
  std::vector<Extraction> extractions;
  extractions.reserve(documents.size());
  for (auto& d : documents) extractions.push_back(extract(std::move(d)));
  write_stdout(extract_json(extractions, args.pretty));
  write_stdout("\n");
  return 0;
}

// `dateline timex DIR`: the scorer interchange format for every <id>.txt (+ <id>.dct) in DIR.
int run_timex(const std::string& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw InputError(dir, "not a directory");
  std::vector<fs::path> texts;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.is_regular_file() && entry.path().extension() == ".txt") texts.push_back(entry.path());
  }
  if (ec) throw InputError(dir, fmt::format("cannot list directory: {}", ec.message()));
  std::sort(texts.begin(), texts.end());
  for (const auto& path : texts) {
    std::string text = read_file(path.string());
    check_text(text, path.string());
    std::optional<Date> dct;
    fs::path dct_path = path;
    dct_path.replace_extension(".dct");
    if (fs::exists(dct_path)) {
      std::string line = read_file(dct_path.string());
      while (!line.empty() && (line.back() == '\n' || line.back() == '\r' || line.back() == ' ')) line.pop_back();
      try {
        dct = parse_iso_date(line);
      } catch (const ValueError& e) {
        throw InputError(dct_path.string(), e.what());
      }
    }
    std::vector<Timex> timexes = find_timexes(text, dct);
    write_stdout(timex_scorer_line(path.stem().string(), text, timexes));
    write_stdout("\n");
  }
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
  extract_cmd->add_option("inputs", extract_args.inputs, "Files, directories, or - for standard input")->required();

  std::string timex_dir;
  auto* timex_cmd = app.add_subcommand("timex", "Tag time expressions in DIR/<id>.txt (DCT in <id>.dct), scorer format");
  timex_cmd->add_option("dir", timex_dir, "Directory of <id>.txt and <id>.dct files")->required();

  CLI11_PARSE(app, argc, argv);
  try {
    if (*extract_cmd) return run_extract(extract_args);
    if (*timex_cmd) return run_timex(timex_dir);
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
