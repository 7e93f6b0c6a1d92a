// The `dateline extract` JSON: every document with what the extractors found in it.

#include <dateline/export.h>
#include <dateline/json.h>

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <type_traits>

#include "json_compact_writer.h"
#include "spool.h"

namespace dateline {
namespace {

// The object's arrays, in output order.
constexpr std::string_view kSectionNames[kExtractSections] = {"documents", "claims", "timexes", "entities", "amounts"};

template <typename W>
void write_section(W& w, const Extraction& x, std::size_t section) {
  switch (section) {
    case 0:
      json::write(w, x.document);
      break;
    case 1:
      for (const auto& c : x.claims) json::write(w, x.document.text, c);
      break;
    case 2:
      for (const auto& t : x.timexes) json::write(w, x.document.id, x.document.text, t);
      break;
    case 3:
      for (const auto& e : x.entities) json::write(w, x.document.id, x.document.text, e);
      break;
    case 4:
      for (const auto& a : x.amounts) json::write(w, x.document.id, x.document.text, a);
      break;
  }
}

// Every byte of the output comes from a JSON writer (RapidJSON's PrettyWriter, or
// json::CompactWriter, which writes what RapidJSON's compact Writer writes), never from strings
// of our own: a writer is put where the records go (in an array, in the object,
// after one element already written), and what it writes from there is kept. One buffer and
// writer per thread serve every document (a writer allocates its stack, a buffer grows).
template <typename W>
struct Scratch {
  rapidjson::StringBuffer buffer;
  W w{buffer};
  Scratch() {
    if constexpr (std::is_same_v<W, rapidjson::PrettyWriter<rapidjson::StringBuffer>>) w.SetIndent(' ', 1);
  }
  // Puts the writer in an array of the object, after one element; returns where its next output starts.
  std::size_t enter_array() {
    buffer.Clear();
    w.Reset(buffer);
    w.StartObject();
    json::key(w, "records");
    w.StartArray();
    w.RawValue("0", 1, rapidjson::kNumberType);
    return buffer.GetSize();
  }
  std::string_view since(std::size_t mark) const { return {buffer.GetString() + mark, buffer.GetSize() - mark}; }
  static Scratch& of_thread() {
    thread_local Scratch scratch;
    return scratch;
  }
};

template <typename W>
ExtractJsonPart part_of(const Extraction& x) {
  ExtractJsonPart part;
  Scratch<W>& in = Scratch<W>::of_thread();
  for (std::size_t s = 0; s < kExtractSections; ++s) {
    const std::size_t mark = in.enter_array();
    write_section(in.w, x, s);
    part.sections[s] = in.since(mark);
  }
  return part;
}

// What a writer puts between two records of an array ("," or ",\n  ").
template <typename W>
std::string separator() {
  Scratch<W>& in = Scratch<W>::of_thread();
  const std::size_t mark = in.enter_array();
  in.w.RawValue("0", 1, rapidjson::kNumberType);
  std::string_view s = in.since(mark);
  s.remove_suffix(1);
  return std::string(s);
}

// The object with a marker byte where the records of each non-empty array go.
constexpr char kRecords = '\x01';
template <typename W>
std::string skeleton(const std::array<bool, kExtractSections>& filled) {
  rapidjson::StringBuffer buffer;
  W w(buffer);
  if constexpr (std::is_same_v<W, rapidjson::PrettyWriter<rapidjson::StringBuffer>>) w.SetIndent(' ', 1);
  w.StartObject();
  for (std::size_t s = 0; s < kExtractSections; ++s) {
    json::key(w, kSectionNames[s]);
    w.StartArray();
    if (filled[s]) w.RawValue(&kRecords, 1, rapidjson::kObjectType);
    w.EndArray();
  }
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

using Compact = json::CompactWriter;  // RapidJSON's Writer's bytes, fewer instructions
using Pretty = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

}  // namespace

ExtractJsonPart extract_json_part(const Extraction& x, bool pretty) {
  return pretty ? part_of<Pretty>(x) : part_of<Compact>(x);
}

struct ExtractJsonWriter::Sections {
  std::array<Spool, kExtractSections> spools;
};

ExtractJsonWriter::ExtractJsonWriter(bool pretty)
    : pretty_(pretty),
      separator_(pretty ? separator<Pretty>() : separator<Compact>()),
      sections_(std::make_unique<Sections>()) {}

ExtractJsonWriter::~ExtractJsonWriter() = default;

void ExtractJsonWriter::add(const ExtractJsonPart& part) {
  for (std::size_t s = 0; s < kExtractSections; ++s) {
    std::string_view records = part.sections[s];
    if (records.empty()) continue;
    Spool& spool = sections_->spools[s];
    // Records are written as if after an earlier one: the first of the array has no separator.
    if (spool.empty()) records.remove_prefix(separator_.size());
    spool.append(records);
  }
}

void ExtractJsonWriter::finish(const std::function<void(std::string_view)>& sink) {
  std::array<bool, kExtractSections> filled{};
  for (std::size_t s = 0; s < kExtractSections; ++s) filled[s] = !sections_->spools[s].empty();
  const std::string frame = pretty_ ? skeleton<Pretty>(filled) : skeleton<Compact>(filled);
  std::string_view rest = frame;
  for (std::size_t s = 0; s < kExtractSections; ++s) {
    if (!filled[s]) continue;
    const std::size_t at = rest.find(kRecords);
    sink(rest.substr(0, at));
    sections_->spools[s].copy_to(sink);
    rest.remove_prefix(at + 1);
  }
  sink(rest);
}

std::string extract_json(const std::vector<Extraction>& extractions, bool pretty) {
  ExtractJsonWriter writer(pretty);
  for (const auto& x : extractions) writer.add(extract_json_part(x, pretty));
  std::string out;
  writer.finish([&](std::string_view bytes) { out.append(bytes); });
  return out;
}

std::string timex_scorer_line(std::string_view doc, std::string_view text, const std::vector<Timex>& timexes) {
  // One buffer per thread, kept from line to line: a line per document would otherwise grow a
  // fresh buffer through several reallocations.
  thread_local rapidjson::StringBuffer buffer;
  buffer.Clear();
  json::CompactWriter w(buffer);
  w.StartObject();
  json::key(w, "doc");
  json::string(w, doc);
  json::key(w, "timexes");
  w.StartArray();
  for (const auto& t : timexes) {
    w.StartObject();
    json::key(w, "begin");
    w.Uint(t.span.begin);
    json::key(w, "end");
    w.Uint(t.span.end);
    json::key(w, "text");
    json::string(w, t.span.slice(text));
    json::key(w, "type");
    json::string(w, to_string(t.value.type));
    json::key(w, "value");
    json::string(w, t.value.value);
    if (t.value.mod != Mod::None) {
      json::key(w, "mod");
      json::string(w, to_string(t.value.mod));
    }
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  std::string line;
  line.reserve(buffer.GetSize() + 1);  // room for the caller's newline
  line.assign(buffer.GetString(), buffer.GetSize());
  return line;
}

}  // namespace dateline
