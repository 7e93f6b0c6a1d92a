#include "value_history.h"

#include "plain_json.h"
#include "small_json.h"

#include <dateline/error.h>
#include <dateline/fact.h>
#include <dateline/json.h>

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <array>
#include <optional>

namespace dateline::engine {
namespace {

constexpr rapidjson::SizeType kFields = 11;

std::string_view text_of(const rapidjson::Value& v) { return {v.GetString(), v.GetStringLength()}; }

}  // namespace

std::string history_json(const std::vector<ValueRow>& values) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  w.StartArray();
  for (const auto& v : values) {
    w.StartArray();
    w.Int64(v.seq);
    if (v.time) {
      // As the columns of fact_values hold them (store_rows.cpp: bind_time).
      json::string(w, v.time->value);
      json::string(w, to_string(v.time->type));
      json::string(w, to_string(v.time->granularity));
      json::optional_date(w, v.time->earliest);
      json::optional_date(w, v.time->latest);
      if (v.time->mod == Mod::None) {
        w.Null();
      } else {
        json::string(w, to_string(v.time->mod));
      }
    } else {
      for (int i = 0; i < 6; ++i) w.Null();
    }
    json::string(w, v.time_text);
    json::string(w, to_string(v.status));
    json::optional_date(w, v.first_reported);
    w.Int64(v.text_id);
    w.EndArray();
  }
  w.EndArray();
  return std::string(buffer.GetString(), buffer.GetSize());
}

namespace {

// One value's fields as stored: seq, then value, type, granularity, earliest, latest, mod,
// time_text, status, first_reported (text or absent), then text_id.
struct HistoryFields {
  std::int64_t seq = 0, text_id = 0;
  std::array<std::optional<std::string_view>, 9> text;
};

// As read_time() and read_value() (store_rows.cpp) read the columns; false when a field does not parse.
bool value_of(const HistoryFields& f, ValueRow& v) {
  const auto& t = f.text;
  if (!t[6] || !t[7]) return false;
  v.seq = f.seq;
  try {
    if (t[0]) {
      TimeValue time;
      time.value = *t[0];
      time.type = !t[1] ? TimexType::Date : timex_type_from_string(*t[1]).value_or(TimexType::Date);
      time.granularity = !t[2] ? Granularity::None : granularity_from_string(*t[2]).value_or(Granularity::None);
      if (t[3]) time.earliest = parse_iso_date(*t[3]);
      if (t[4]) time.latest = parse_iso_date(*t[4]);
      if (t[5]) time.mod = mod_from_string(*t[5]).value_or(Mod::None);
      v.time = std::move(time);
    }
    if (t[8]) v.first_reported = parse_iso_date(*t[8]);
  } catch (const ValueError&) {
    return false;
  }
  v.time_text = *t[6];
  v.status = claim_status_from_string(*t[7]).value_or(ClaimStatus::Occurred);
  v.text_id = f.text_id;
  return true;
}

// The history as this version writes it, read by PlainJson; false: not that plain, parse it
// with RapidJSON (which decides).
bool read_plain_history(std::string_view json, std::vector<ValueRow>& out) {
  PlainJson in(json);
  if (!in.take('[')) return false;
  if (!in.take(']')) {
    do {
      HistoryFields f;
      if (!in.take('[') || !in.take_int(f.seq)) return false;
      for (auto& text : f.text) {
        std::string_view s;
        bool is_null = false;
        if (!in.take(',') || !in.take_string_or_null(s, is_null)) return false;
        if (!is_null) text = s;
      }
      if (!in.take(',') || !in.take_int(f.text_id) || !in.take(']')) return false;
      if (!value_of(f, out.emplace_back())) return false;
    } while (in.take(','));
    if (!in.take(']')) return false;
  }
  return in.at_end();
}

}  // namespace

bool read_history(std::string_view json, std::vector<ValueRow>& values) {
  std::vector<ValueRow> out;
  if (read_plain_history(json, out)) {
    values = std::move(out);
    return true;
  }
  out.clear();
  SmallJson parsed;
  const rapidjson::Value* root = parsed.parse(json);
  if (!root || !root->IsArray()) return false;
  const rapidjson::Value& list = *root;
  out.reserve(list.Size());
  for (const auto& item : list.GetArray()) {
    if (!item.IsArray() || item.Size() != kFields) return false;
    const auto& f = item.GetArray();
    if (!f[0].IsInt64() || !f[10].IsInt64() || !f[7].IsString() || !f[8].IsString()) return false;
    for (rapidjson::SizeType i = 1; i < 7; ++i) {
      if (!f[i].IsNull() && !f[i].IsString()) return false;
    }
    if (!f[9].IsNull() && !f[9].IsString()) return false;
    HistoryFields fields;
    fields.seq = f[0].GetInt64();
    fields.text_id = f[10].GetInt64();
    for (rapidjson::SizeType i = 1; i < 10; ++i) {
      if (!f[i].IsNull()) fields.text[i - 1] = text_of(f[i]);
    }
    if (!value_of(fields, out.emplace_back())) return false;
  }
  values = std::move(out);
  return true;
}

}  // namespace dateline::engine
