#pragma once
// What the corpus-test runners share: reading a corpus file (sections, comments, malformed
// lines collected with their line numbers), finding an item's whole-word occurrence in a
// sentence, and tallying a run. Each runner keeps its own item notation and report.

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace corpus {

constexpr std::string_view kNoSection = "(no section)";
constexpr std::string_view kXfail = "xfail:";

// A malformed line; the parser adds the line number.
class LineError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

inline std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    std::size_t end = text.find(separator, start);
    if (end == std::string_view::npos) {
      parts.push_back(text.substr(start));
      return parts;
    }
    parts.push_back(text.substr(start, end - start));
    start = end + 1;
  }
}

inline bool is_digits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// What counts as inside a word when items are found as whole words. Entity names have letters
// beyond ASCII ("António"), so their corpus counts every non-ASCII byte as a letter.
enum class WordChars { Ascii, AsciiAndUtf8 };

inline bool is_word_char(char c, WordChars chars) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 ||
         (chars == WordChars::AsciiAndUtf8 && (static_cast<unsigned char>(c) & 0x80) != 0);
}

// Occurrences are whole words: "5" in "between March 3 and 5, 2025" is the day, not the 5 of 2025.
inline bool whole_word_at(std::string_view sentence, std::size_t begin, std::size_t size, WordChars chars) {
  std::size_t end = begin + size;
  bool left = !is_word_char(sentence[begin], chars) || begin == 0 || !is_word_char(sentence[begin - 1], chars);
  bool right = !is_word_char(sentence[end - 1], chars) || end == sentence.size() || !is_word_char(sentence[end], chars);
  return left && right;
}

// Byte offset of the n-th (1-based) whole-word occurrence of `text`, if there is one.
inline std::optional<std::size_t> find_occurrence(std::string_view sentence, std::string_view text, int n,
                                                  WordChars chars = WordChars::Ascii) {
  if (text.empty()) return std::nullopt;
  int seen = 0;
  for (std::size_t at = sentence.find(text); at != std::string_view::npos; at = sentence.find(text, at + 1)) {
    if (whole_word_at(sentence, at, text.size(), chars) && ++seen == n) return at;
  }
  return std::nullopt;
}

// A parsed corpus file. `Case` has `line` and `section` members, set here.
template <typename Case>
struct File {
  std::vector<Case> cases;
  std::vector<std::string> sections;  // in file order
  std::vector<std::string> errors;    // one per malformed line, naming the line
};

// Comments start with '#'; "## name" starts a section. Malformed lines (parse_case throws
// LineError) are collected, not thrown, so that one run names them all.
template <typename Case, typename ParseCase>
File<Case> parse_file(std::string_view content, ParseCase parse_case) {
  File<Case> file;
  std::string section(kNoSection);
  std::size_t line_number = 0;
  for (std::string_view line : split(content, '\n')) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    if (line.substr(0, 3) == "## ") {
      section = std::string(line.substr(3));
      if (std::find(file.sections.begin(), file.sections.end(), section) != file.sections.end()) {
        file.errors.push_back(fmt::format("line {}: section '{}' appears twice", line_number, section));
      }
      file.sections.push_back(section);
      continue;
    }
    if (line.front() == '#') continue;
    try {
      Case c = parse_case(line);
      c.line = line_number;
      c.section = section;
      file.cases.push_back(std::move(c));
    } catch (const LineError& e) {
      file.errors.push_back(fmt::format("line {}: {}", line_number, e.what()));
    }
  }
  if (std::any_of(file.cases.begin(), file.cases.end(), [](const Case& c) { return c.section == kNoSection; })) {
    file.sections.insert(file.sections.begin(), std::string(kNoSection));
  }
  return file;
}

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(fmt::format("cannot open {}", path));
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

struct Tally {
  std::size_t cases = 0;
  std::size_t pass = 0;
  std::size_t fail = 0;
  std::size_t xfail = 0;

  Tally& operator+=(const Tally& other) {
    cases += other.cases;
    pass += other.pass;
    fail += other.fail;
    xfail += other.xfail;
    return *this;
  }
};

inline std::string summary(std::string_view label, const Tally& t) {
  return fmt::format("{}: {} cases, {} pass, {} fail, {} xfail", label, t.cases, t.pass, t.fail, t.xfail);
}

}  // namespace corpus
