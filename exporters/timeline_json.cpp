// Timelines and facts as JSON for research tools: every value a fact has had, with the
// sources that reported it (outlet, URL, quote and byte span). docs/schema/timeline.schema.json
// describes the result; tests validate against it.

#include <dateline/error.h>
#include <dateline/export.h>
#include <dateline/json.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include "display_text.h"

namespace dateline {
namespace {

template <typename W>
void optional_string(W& w, const std::optional<std::string>& s) {
  if (s) {
    json::string(w, *s);
  } else {
    w.Null();
  }
}

template <typename W>
void write_time(W& w, const std::optional<TimeValue>& time) {
  if (time && !time->value.empty()) {
    json::write(w, *time);
  } else {
    w.Null();
  }
}

template <typename W>
void write_source(W& w, const FactSource& s) {
  w.StartObject();
  json::key(w, "claim");
  json::string(w, s.claim);
  json::key(w, "doc");
  json::string(w, s.doc);
  json::key(w, "outlet");
  json::string(w, s.outlet);
  json::key(w, "url");
  json::string(w, s.url);
  json::key(w, "title");
  json::string(w, s.title);
  json::key(w, "published");
  write_time(w, s.published.value.empty() ? std::nullopt : std::optional<TimeValue>(s.published));
  json::key(w, "begin");
  w.Uint(s.span.begin);
  json::key(w, "end");
  w.Uint(s.span.end);
  json::key(w, "quote");
  json::string(w, s.quote);
  json::key(w, "attribution");
  optional_string(w, s.attribution);
  w.EndObject();
}

template <typename W>
void write_value(W& w, const FactValue& v) {
  w.StartObject();
  json::key(w, "time");
  write_time(w, v.time);
  json::key(w, "time_text");
  json::string(w, v.time_text);
  json::key(w, "status");
  json::string(w, to_string(v.status));
  json::key(w, "sources");
  w.StartArray();
  for (const auto& s : v.sources) write_source(w, s);
  w.EndArray();
  w.EndObject();
}

template <typename W>
void write_fact(W& w, const Fact& f) {
  w.StartObject();
  json::key(w, "id");
  json::string(w, f.id);
  json::key(w, "predicate");
  json::string(w, f.predicate);
  json::key(w, "topic");
  json::string(w, f.topic);
  json::key(w, "headline");
  json::string(w, f.headline);
  // The current value, repeated at the top so a reader need not look into the history.
  json::key(w, "status");
  if (f.history.empty()) {
    w.Null();
  } else {
    json::string(w, to_string(f.status()));
  }
  json::key(w, "time");
  write_time(w, f.history.empty() ? std::nullopt : f.time());
  json::key(w, "entities");
  w.StartArray();
  for (const auto& e : f.entities) {
    w.StartObject();
    json::key(w, "name");
    json::string(w, e.name);
    json::key(w, "kind");
    json::string(w, to_string(e.kind));
    json::key(w, "role");
    if (e.role.empty()) {
      w.Null();
    } else {
      json::string(w, e.role);
    }
    w.EndObject();
  }
  w.EndArray();
  json::key(w, "amount");
  if (f.amount) {
    w.StartObject();
    json::key(w, "value");
    w.Double(f.amount->value);
    json::key(w, "unit");
    json::string(w, f.amount->unit);
    json::key(w, "text");
    json::string(w, f.amount_text);
    json::key(w, "approximate");
    w.Bool(f.amount->approximate);
    w.EndObject();
  } else {
    w.Null();
  }
  json::key(w, "history");
  w.StartArray();
  for (const auto& v : f.history) write_value(w, v);
  w.EndArray();
  json::key(w, "revision_notes");
  w.StartArray();
  for (const auto& note : f.revision_notes) json::string(w, note);
  w.EndArray();
  json::key(w, "contradictions");
  w.StartArray();
  for (const auto& c : f.contradictions) {
    w.StartObject();
    json::key(w, "about");
    json::string(w, c.about);
    json::key(w, "first_value");
    json::string(w, c.first_value);
    json::key(w, "second_value");
    json::string(w, c.second_value);
    json::key(w, "first");
    write_source(w, c.first);
    json::key(w, "second");
    write_source(w, c.second);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

template <typename W>
void write_timeline(W& w, const Timeline& t) {
  w.StartObject();
  json::key(w, "id");
  json::string(w, t.id);
  json::key(w, "title");
  json::string(w, t.title);
  json::key(w, "entities");
  w.StartArray();
  for (const auto& e : t.entities) json::string(w, e);
  w.EndArray();
  json::key(w, "facts");
  w.StartArray();
  for (const auto& f : t.facts) write_fact(w, f);
  w.EndArray();
  json::key(w, "links");
  w.StartArray();
  for (const auto& l : t.links) {
    w.StartObject();
    json::key(w, "from");
    json::string(w, l.from);
    json::key(w, "to");
    json::string(w, l.to);
    json::key(w, "kind");
    json::string(w, to_string(l.kind));
    // A revision inside one fact names the two values of its history it joins.
    json::key(w, "from_value");
    if (l.from_value) {
      w.Uint64(*l.from_value);
    } else {
      w.Null();
    }
    json::key(w, "to_value");
    if (l.to_value) {
      w.Uint64(*l.to_value);
    } else {
      w.Null();
    }
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

template <typename Body>
std::string render(bool pretty, const Body& body) {
  rapidjson::StringBuffer buffer;
  if (pretty) {
    rapidjson::PrettyWriter<rapidjson::StringBuffer> w(buffer);
    w.SetIndent(' ', 1);
    body(w);
  } else {
    rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
    body(w);
  }
  std::string out(buffer.GetString(), buffer.GetSize());
  // The model's text comes from checked documents, so invalid UTF-8 here is a bug upstream:
  // reported, not passed on as JSON that parsers reject. (JSON's own bytes are ASCII, so the
  // output is valid exactly when every string in it is.)
  if (!display::valid_utf8(out)) throw ValueError("timeline JSON: a text field is not valid UTF-8");
  return out;
}

}  // namespace

std::string timelines_json(const std::vector<Timeline>& timelines, bool pretty) {
  return render(pretty, [&](auto& w) {
    w.StartObject();
    json::key(w, "timelines");
    w.StartArray();
    for (const auto& t : timelines) write_timeline(w, t);
    w.EndArray();
    w.EndObject();
  });
}

std::string facts_json(const std::vector<Fact>& facts, bool pretty) {
  return render(pretty, [&](auto& w) {
    w.StartObject();
    json::key(w, "facts");
    w.StartArray();
    for (const auto& f : facts) write_fact(w, f);
    w.EndArray();
    w.EndObject();
  });
}

}  // namespace dateline
