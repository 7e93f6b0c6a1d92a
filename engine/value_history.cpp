#include "value_history.h"

#include "small_json.h"

#include <dateline/error.h>
#include <dateline/fact.h>
#include <dateline/json.h>

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

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

bool read_history(std::string_view json, std::vector<ValueRow>& values) {
  SmallJson parsed;
  const rapidjson::Value* root = parsed.parse(json);
  if (!root || !root->IsArray()) return false;
  const rapidjson::Value& list = *root;
  std::vector<ValueRow> out;
  out.reserve(list.Size());
  for (const auto& item : list.GetArray()) {
    if (!item.IsArray() || item.Size() != kFields) return false;
    const auto& f = item.GetArray();
    if (!f[0].IsInt64() || !f[10].IsInt64() || !f[7].IsString() || !f[8].IsString()) return false;
    for (rapidjson::SizeType i = 1; i < 7; ++i) {
      if (!f[i].IsNull() && !f[i].IsString()) return false;
    }
    if (!f[9].IsNull() && !f[9].IsString()) return false;
    ValueRow v;
    v.seq = f[0].GetInt64();
    try {
      // As read_time() and read_value() (store_rows.cpp) read the columns.
      if (!f[1].IsNull()) {
        TimeValue t;
        t.value = text_of(f[1]);
        t.type = f[2].IsNull() ? TimexType::Date : timex_type_from_string(text_of(f[2])).value_or(TimexType::Date);
        t.granularity =
            f[3].IsNull() ? Granularity::None : granularity_from_string(text_of(f[3])).value_or(Granularity::None);
        if (!f[4].IsNull()) t.earliest = parse_iso_date(text_of(f[4]));
        if (!f[5].IsNull()) t.latest = parse_iso_date(text_of(f[5]));
        if (!f[6].IsNull()) t.mod = mod_from_string(text_of(f[6])).value_or(Mod::None);
        v.time = std::move(t);
      }
      if (!f[9].IsNull()) v.first_reported = parse_iso_date(text_of(f[9]));
    } catch (const ValueError&) {
      return false;
    }
    v.time_text = text_of(f[7]);
    v.status = claim_status_from_string(text_of(f[8])).value_or(ClaimStatus::Occurred);
    v.text_id = f[10].GetInt64();
    out.push_back(std::move(v));
  }
  values = std::move(out);
  return true;
}

}  // namespace dateline::engine
