// The `dateline extract` JSON: every document with what the extractors found in it.

#include <dateline/export.h>
#include <dateline/json.h>

#include <charconv>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

namespace dateline {
namespace {

template <typename W>
void write_extractions(W& w, const std::vector<Extraction>& extractions) {
  w.StartObject();
  json::key(w, "documents");
  w.StartArray();
  for (const auto& x : extractions) json::write(w, x.document);
  w.EndArray();
  json::key(w, "claims");
  w.StartArray();
  for (const auto& x : extractions) {
    for (const auto& c : x.claims) json::write(w, x.document.text, c);
  }
  w.EndArray();
  json::key(w, "timexes");
  w.StartArray();
  for (const auto& x : extractions) {
    for (const auto& t : x.timexes) json::write(w, x.document.id, x.document.text, t);
  }
  w.EndArray();
  json::key(w, "entities");
  w.StartArray();
  for (const auto& x : extractions) {
    for (const auto& e : x.entities) json::write(w, x.document.id, x.document.text, e);
  }
  w.EndArray();
  json::key(w, "amounts");
  w.StartArray();
  for (const auto& x : extractions) {
    for (const auto& a : x.amounts) json::write(w, x.document.id, x.document.text, a);
  }
  w.EndArray();
  w.EndObject();
}

}  // namespace

std::string extract_json(const std::vector<Extraction>& extractions, bool pretty) {
  rapidjson::StringBuffer buffer;
  if (pretty) {
    rapidjson::PrettyWriter<rapidjson::StringBuffer> w(buffer);
    w.SetIndent(' ', 1);
    write_extractions(w, extractions);
  } else {
    rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
    write_extractions(w, extractions);
  }
  return std::string(buffer.GetString(), buffer.GetSize());
}

namespace {

// A JSON string exactly as RapidJSON's Writer writes one (its escape table: the quote, the
// backslash, \b \t \n \f \r, other control bytes as \u00XX in capitals; UTF-8 copied as it
// is), but copying runs of plain bytes at once. The scorer line is written for every
// expression of every document, and RapidJSON's per-character stack pushes made it the
// third largest cost of `dateline timex`.
void append_json_string(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  out.push_back('"');
  std::size_t plain = 0;  // first byte not yet copied
  for (std::size_t k = 0; k < s.size(); ++k) {
    const auto c = static_cast<unsigned char>(s[k]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s, plain, k - plain);
    plain = k + 1;
    out.push_back('\\');
    switch (c) {
      case '"': out.push_back('"'); break;
      case '\\': out.push_back('\\'); break;
      case '\b': out.push_back('b'); break;
      case '\t': out.push_back('t'); break;
      case '\n': out.push_back('n'); break;
      case '\f': out.push_back('f'); break;
      case '\r': out.push_back('r'); break;
      default:
        out.append("u00");
        out.push_back(kHex[c >> 4]);
        out.push_back(kHex[c & 0xF]);
    }
  }
  out.append(s, plain, s.size() - plain);
  out.push_back('"');
}

void append_number(std::string& out, std::uint32_t n) {
  char digits[10];
  const auto end = std::to_chars(digits, digits + sizeof digits, n).ptr;
  out.append(digits, end);
}

}  // namespace

std::string timex_scorer_line(std::string_view doc, std::string_view text, const std::vector<Timex>& timexes) {
  // The same bytes as RapidJSON's compact Writer gave for this object, key for key.
  std::string line;
  line.reserve(32 + doc.size() + timexes.size() * 96);
  line.append("{\"doc\":");
  append_json_string(line, doc);
  line.append(",\"timexes\":[");
  for (std::size_t k = 0; k < timexes.size(); ++k) {
    const Timex& t = timexes[k];
    line.append(k == 0 ? "{\"begin\":" : ",{\"begin\":");
    append_number(line, t.span.begin);
    line.append(",\"end\":");
    append_number(line, t.span.end);
    line.append(",\"text\":");
    append_json_string(line, t.span.slice(text));
    line.append(",\"type\":");
    append_json_string(line, to_string(t.value.type));
    line.append(",\"value\":");
    append_json_string(line, t.value.value);
    if (t.value.mod != Mod::None) {
      line.append(",\"mod\":");
      append_json_string(line, to_string(t.value.mod));
    }
    line.push_back('}');
  }
  line.append("]}");
  return line;
}

}  // namespace dateline
