// The `dateline extract` JSON: every document with what the extractors found in it.

#include <dateline/export.h>
#include <dateline/json.h>

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

std::string timex_scorer_line(std::string_view doc, std::string_view text, const std::vector<Timex>& timexes) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
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
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace dateline
