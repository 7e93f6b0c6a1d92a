#pragma once
// JSON serialization of the model through RapidJSON's Writer (never string concatenation).
// Templates over the writer so the same code writes to a string buffer or a file stream.

#include <dateline/extraction.h>

#include <rapidjson/writer.h>

#include <string_view>

namespace dateline::json {

template <typename W>
void string(W& w, std::string_view s) {
  w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}

// Keys are literals of our own: a writer that can write one without escaping it (the extract
// JSON's json::CompactWriter) is given it whole.
template <typename W>
void key(W& w, std::string_view s) {
  if constexpr (requires { w.PlainKey(s); }) {
    w.PlainKey(s);
  } else {
    w.Key(s.data(), static_cast<rapidjson::SizeType>(s.size()));
  }
}

// As iso_string(*d) (YYYY-MM-DD; Boost's years are 1400..9999, always four digits), written
// here with one calendar conversion and no formatting library: every timex and every dated
// claim writes two of these, and fmt::format with year(), month() and day() (each converting
// the day number again) cost a twentieth of `dateline extract`.
template <typename W>
void optional_date(W& w, const std::optional<Date>& d) {
  if (!d) {
    w.Null();
    return;
  }
  const auto ymd = d->year_month_day();
  const unsigned y = ymd.year;
  const unsigned m = ymd.month;
  const unsigned day = ymd.day;
  const char text[10] = {static_cast<char>('0' + y / 1000),    static_cast<char>('0' + y / 100 % 10),
                         static_cast<char>('0' + y / 10 % 10), static_cast<char>('0' + y % 10),
                         '-',
                         static_cast<char>('0' + m / 10),      static_cast<char>('0' + m % 10),
                         '-',
                         static_cast<char>('0' + day / 10),    static_cast<char>('0' + day % 10)};
  string(w, std::string_view(text, sizeof text));
}

template <typename W>
void write(W& w, const TimeValue& v) {
  w.StartObject();
  key(w, "type");
  string(w, to_string(v.type));
  key(w, "value");
  string(w, v.value);
  key(w, "granularity");
  string(w, to_string(v.granularity));
  key(w, "earliest");
  optional_date(w, v.earliest);
  key(w, "latest");
  optional_date(w, v.latest);
  key(w, "mod");
  if (v.mod == Mod::None) {
    w.Null();
  } else {
    string(w, to_string(v.mod));
  }
  w.EndObject();
}

template <typename W>
void span_fields(W& w, std::string_view doc, const Span& span, std::string_view text) {
  key(w, "doc");
  string(w, doc);
  key(w, "begin");
  w.Uint(span.begin);
  key(w, "end");
  w.Uint(span.end);
  key(w, "text");
  string(w, span.slice(text));
}

template <typename W>
void write(W& w, const Document& d) {
  w.StartObject();
  key(w, "id");
  string(w, d.id);
  key(w, "source");
  string(w, d.source);
  key(w, "title");
  string(w, d.title);
  key(w, "url");
  string(w, d.url);
  key(w, "byline");
  string(w, d.byline);
  key(w, "file");
  string(w, d.file);
  key(w, "published");
  if (d.published.value.empty()) {
    w.Null();
  } else {
    write(w, d.published);
  }
  key(w, "published_source");
  string(w, to_string(d.published_source));
  key(w, "text");
  string(w, d.text);
  key(w, "sentences");
  w.StartArray();
  for (const Span& s : d.sentences) {
    w.StartArray();
    w.Uint(s.begin);
    w.Uint(s.end);
    w.EndArray();
  }
  w.EndArray();
  w.EndObject();
}

// A timex as the extract JSON lists it: its span and text, then the TimeValue fields.
template <typename W>
void write(W& w, std::string_view doc, std::string_view text, const Timex& t) {
  w.StartObject();
  span_fields(w, doc, t.span, text);
  key(w, "type");
  string(w, to_string(t.value.type));
  key(w, "value");
  string(w, t.value.value);
  key(w, "granularity");
  string(w, to_string(t.value.granularity));
  key(w, "earliest");
  optional_date(w, t.value.earliest);
  key(w, "latest");
  optional_date(w, t.value.latest);
  key(w, "mod");
  if (t.value.mod == Mod::None) {
    w.Null();
  } else {
    string(w, to_string(t.value.mod));
  }
  key(w, "anchoring");
  string(w, to_string(t.anchoring));
  w.EndObject();
}

template <typename W>
void write(W& w, std::string_view doc, std::string_view text, const EntityMention& e) {
  w.StartObject();
  span_fields(w, doc, e.span, text);
  key(w, "name");
  string(w, e.name);
  key(w, "kind");
  string(w, to_string(e.kind));
  w.EndObject();
}

template <typename W>
void write(W& w, std::string_view doc, std::string_view text, const Amount& a) {
  w.StartObject();
  span_fields(w, doc, a.span, text);
  key(w, "value");
  w.Double(a.value);
  key(w, "unit");
  string(w, a.unit);
  key(w, "approximate");
  w.Bool(a.approximate);
  w.EndObject();
}

template <typename W>
void write(W& w, std::string_view text, const Claim& c) {
  w.StartObject();
  key(w, "id");
  string(w, c.id);
  key(w, "doc");
  string(w, c.doc);
  key(w, "predicate");
  string(w, c.predicate);
  key(w, "also");
  w.StartArray();
  for (const auto& p : c.also) string(w, p);
  w.EndArray();
  key(w, "topic");
  string(w, c.topic);
  key(w, "trigger");
  w.StartObject();
  key(w, "text");
  string(w, c.trigger.slice(text));
  key(w, "begin");
  w.Uint(c.trigger.begin);
  key(w, "end");
  w.Uint(c.trigger.end);
  w.EndObject();
  key(w, "status");
  string(w, to_string(c.status));
  key(w, "entities");
  w.StartArray();
  for (const auto& e : c.entities) {
    w.StartObject();
    key(w, "name");
    string(w, e.name);
    key(w, "kind");
    string(w, to_string(e.kind));
    key(w, "role");
    if (e.role.empty()) {
      w.Null();
    } else {
      string(w, e.role);
    }
    w.EndObject();
  }
  w.EndArray();
  key(w, "amount");
  if (c.amount) {
    w.StartObject();
    key(w, "value");
    w.Double(c.amount->value);
    key(w, "unit");
    string(w, c.amount->unit);
    key(w, "text");
    string(w, c.amount->span.slice(text));
    w.EndObject();
  } else {
    w.Null();
  }
  key(w, "time");
  if (c.time) {
    const TimeValue& v = c.time->value;
    w.StartObject();
    // A publication date is no text of the sentence: its text is null, its source says so.
    key(w, "text");
    if (c.time_source == ClaimTimeSource::Text) {
      string(w, c.time->span.slice(text));
    } else {
      w.Null();
    }
    key(w, "source");
    string(w, to_string(c.time_source));
    key(w, "type");
    string(w, to_string(v.type));
    key(w, "value");
    string(w, v.value);
    key(w, "earliest");
    optional_date(w, v.earliest);
    key(w, "latest");
    optional_date(w, v.latest);
    key(w, "granularity");
    string(w, to_string(v.granularity));
    key(w, "mod");
    if (v.mod == Mod::None) {
      w.Null();
    } else {
      string(w, to_string(v.mod));
    }
    if (c.time_source == ClaimTimeSource::Text) {
      key(w, "begin");
      w.Uint(c.time->span.begin);
      key(w, "end");
      w.Uint(c.time->span.end);
    }
    w.EndObject();
  } else {
    w.Null();
  }
  key(w, "attribution");
  if (c.attribution) {
    string(w, *c.attribution);
  } else {
    w.Null();
  }
  key(w, "confidence");
  w.Double(c.confidence);
  key(w, "evidence");
  w.StartObject();
  key(w, "doc");
  string(w, c.evidence.doc);
  key(w, "begin");
  w.Uint(c.evidence.span.begin);
  key(w, "end");
  w.Uint(c.evidence.span.end);
  key(w, "quote");
  string(w, c.evidence.quote);
  w.EndObject();
  w.EndObject();
}

}  // namespace dateline::json
