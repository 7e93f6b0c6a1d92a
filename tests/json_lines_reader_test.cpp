// The JSON Lines reader: fields, bad lines reported with line and byte offset and skipped, and
// a 100 MB file (generated here, never committed) read as a stream in bounded memory.

#include <dateline/read.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>
#include <string>

#include "reader_fixtures.h"

using namespace dateline;
using dateline::test::fixture;
using dateline::test::ScratchDir;
using dateline::test::WarningLog;

namespace {

// Kilobytes from a /proc/self/status line ("VmHWM:    12345 kB").
std::size_t status_kb(const char* field) {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.starts_with(field)) return std::stoul(line.substr(std::string(field).size()));
  }
  return 0;
}

}  // namespace

TEST_CASE("jsonl: one article per line with title, text, source, url, published, byline") {
  WarningLog log;
  auto docs = read_inputs({fixture("articles.jsonl")}, log.options("2020-02-02"));
  REQUIRE(docs.size() == 3);
  CHECK(docs[0].title == "Airport runway to close for resurfacing");
  CHECK(docs[0].source == "Skyline News");
  CHECK(docs[0].url == "https://sky.example/runway");
  CHECK(docs[0].byline == "Dana Cole");
  CHECK(docs[0].published.value == "2025-09-15");
  CHECK(docs[0].published_source == PublishedSource::Stated);
  CHECK(docs[0].sentences.size() == 2);
  CHECK(docs[1].published.value == "2025-09-16");  // RFC 822 accepted too
  CHECK(docs[1].url.empty());
  // Only text: --dct is assumed.
  CHECK(docs[2].title.empty());
  CHECK(docs[2].published.value == "2020-02-02");
  CHECK(docs[2].published_source == PublishedSource::Assumed);
  for (const Document& d : docs) {
    CHECK(d.file == fixture("articles.jsonl"));
    CHECK(d.id == document_id(d.source, d.text));
  }
  CHECK(log.warnings.empty());
}

TEST_CASE("jsonl: bad lines are reported with line and byte offset and skipped") {
  WarningLog log;
  auto docs = read_inputs({fixture("bad-lines.jsonl")}, log.options());
  REQUIRE(docs.size() == 2);
  CHECK(docs[0].title == "Good line one");
  CHECK(docs[1].title == "Good line two");
  REQUIRE(log.warnings.size() == 4);
  const std::string content = read_file(fixture("bad-lines.jsonl"));
  auto line_start = [&](int line) {
    std::size_t at = 0;
    for (int i = 1; i < line; ++i) at = content.find('\n', at) + 1;
    return static_cast<std::uint64_t>(at);
  };
  const std::uint64_t lines[] = {2, 3, 4, 5};
  for (std::size_t i = 0; i < 4; ++i) {
    INFO(log.warnings[i].what());
    CHECK(log.warnings[i].line() == std::optional<std::uint64_t>(lines[i]));
    CHECK(log.warnings[i].file() == fixture("bad-lines.jsonl"));
    REQUIRE(log.warnings[i].offset());
    CHECK(*log.warnings[i].offset() >= line_start(static_cast<int>(lines[i])));
  }
  CHECK(log.warnings[0].reason().find("invalid JSON") != std::string::npos);
  CHECK(*log.warnings[0].offset() == line_start(2) + 43);  // where the comma is missing
  CHECK(log.warnings[1].reason().find("JSON object") != std::string::npos);
  CHECK(log.warnings[2].reason().find("\"text\"") != std::string::npos);
  CHECK(log.warnings[3].reason().find("next Tuesday") != std::string::npos);
}

TEST_CASE("jsonl: invalid UTF-8 in a line is reported at its byte, and a file with no good line is an error") {
  ScratchDir dir;
  const std::string path = dir.write("mixed.jsonl", "{\"text\": \"ok on Monday.\"}\n{\"text\": \"caf\xE9\"}\n");
  WarningLog log;
  auto docs = read_inputs({path}, log.options());
  CHECK(docs.size() == 1);
  REQUIRE(log.warnings.size() == 1);
  CHECK(log.warnings[0].line() == std::optional<std::uint64_t>(2));
  CHECK(log.warnings[0].offset() == std::optional<std::uint64_t>(26 + 13));

  const std::string bad = dir.write("bad.jsonl", "{\"title\": 1}\n{nope\n");
  try {
    read_inputs({bad}, {});
    FAIL("expected an InputError");
  } catch (const InputError& e) {
    CHECK(e.file() == bad);
    CHECK(e.reason().find("no readable JSON Lines article (2 bad lines)") != std::string::npos);
  }
}

TEST_CASE("jsonl: a line may end in CRLF, the last line needs no newline, and long lines are fine") {
  ScratchDir dir;
  const std::string long_text(300000, 'a');
  const std::string path =
      dir.write("crlf.jsonl", "{\"text\": \"First.\"}\r\n{\"text\": \"" + long_text + "\"}\r\n{\"text\": \"Last.\"}");
  auto docs = read_inputs({path}, {});
  REQUIRE(docs.size() == 3);
  CHECK(docs[0].text == "First.");
  CHECK(docs[1].text.size() == long_text.size());
  CHECK(docs[2].text == "Last.");
}

TEST_CASE("jsonl: a 100 MB file is read as a stream, in memory far below its size") {
#if defined(__SANITIZE_ADDRESS__)
  // AddressSanitizer makes every byte several times slower and pads allocations: 8 MB keeps the
  // sanitizer run quick and still exercises the streaming path (many 64 KB reads).
  constexpr std::size_t kTargetBytes = std::size_t{8} << 20;
#else
  constexpr std::size_t kTargetBytes = std::size_t{100} << 20;
#endif
  ScratchDir dir;
  const std::string path = dir.path("big.jsonl");
  std::size_t lines = 0;
  std::size_t written = 0;
  {
    std::FILE* out = std::fopen(path.c_str(), "wb");
    REQUIRE(out);
    std::string line;
    while (written < kTargetBytes) {
      line = "{\"title\": \"Item " + std::to_string(lines) + "\", \"published\": \"2025-03-0" +
             std::to_string(1 + lines % 9) + "\", \"text\": \"";
      for (int s = 0; s < 12; ++s) {
        line += "The council said on Tuesday it would publish the budget by March 31, a month later than planned. ";
      }
      line += "\"}\n";
      std::fwrite(line.data(), 1, line.size(), out);
      written += line.size();
      ++lines;
    }
    std::fclose(out);
  }
  // Peak RSS is measured from here: clear the high-water mark where the kernel allows it.
  std::ofstream("/proc/self/clear_refs") << "5";
  const std::size_t before_kb = status_kb("VmRSS:");
  std::size_t documents = 0;
  std::size_t text_bytes = 0;
  for_each_document({path}, {}, [&](Document&& d) {
    ++documents;
    text_bytes += d.text.size();
    if (documents == 1) CHECK(d.published.value == "2025-03-01");
  });
  const std::size_t peak_kb = status_kb("VmHWM:");
  CHECK(documents == lines);
  CHECK(text_bytes > kTargetBytes * 9 / 10);
  const std::size_t growth_mb = (peak_kb > before_kb ? peak_kb - before_kb : 0) / 1024;
  INFO("file " << (written >> 20) << " MB, peak RSS growth " << growth_mb << " MB");
#if !defined(__SANITIZE_ADDRESS__)
  // (AddressSanitizer keeps freed memory in quarantine, up to 256 MB, so RSS grows with all
  // that was ever allocated there; the bound is checked in the ordinary build.)
  CHECK(growth_mb < 16);
#endif
}
