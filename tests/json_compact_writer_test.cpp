// json::CompactWriter must write exactly what RapidJSON's own Writer writes for the same calls
// (strings, keys, numbers, literals, nesting): the extract JSON's bytes did not change when it
// replaced it, and must not.

#include "json_compact_writer.h"

#include <dateline/json.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <cstring>
#include <limits>
#include <random>
#include <string>

namespace {

template <typename W>
std::string written(const std::string& s) {
  rapidjson::StringBuffer buffer;
  W w(buffer);
  w.StartObject();
  w.Key(s.data(), static_cast<rapidjson::SizeType>(s.size()));
  w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

void same_as_rapidjson(const std::string& s) {
  INFO("string of " << s.size() << " bytes");
  CHECK(written<dateline::json::CompactWriter>(s) == written<rapidjson::Writer<rapidjson::StringBuffer>>(s));
}

}  // namespace

TEST_CASE("every byte value, alone and at every place of a sixteen-byte block, an eight-byte one and the tail") {
  for (int c = 0; c < 256; ++c) {
    same_as_rapidjson(std::string(1, static_cast<char>(c)));
    for (std::size_t at = 0; at < 29; ++at) {
      std::string s(29, 'a');  // 16 + 8 + 5
      s[at] = static_cast<char>(c);
      same_as_rapidjson(s);
    }
  }
}

TEST_CASE("text with quotes, backslashes, control characters and UTF-8") {
  same_as_rapidjson("");
  same_as_rapidjson("He said \"no\" \\ then\n\tleft\r\x01\x1F\x7F caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D");
  std::mt19937 random(8);
  const std::string alphabet = std::string("abc XYZ.\"\\\n\t\x01\x1A\x1F\x7F\xC3\xA9\xE2\x80\x99") + '\0';
  for (int n = 0; n < 2000; ++n) {
    std::string s(random() % 64, ' ');
    for (char& c : s) c = alphabet[random() % alphabet.size()];
    same_as_rapidjson(s);
  }
}

TEST_CASE("dates in the JSON as iso_string writes them") {
  const dateline::Date first(1400, 1, 1);
  const dateline::Date last(9999, 12, 31);
  auto check = [](dateline::Date d) {
    rapidjson::StringBuffer buffer;
    dateline::json::CompactWriter w(buffer);
    dateline::json::optional_date(w, std::optional<dateline::Date>(d));
    CHECK(std::string(buffer.GetString(), buffer.GetSize()) == "\"" + dateline::iso_string(d) + "\"");
  };
  for (dateline::Date d = first; d < last; d += boost::gregorian::days(17)) check(d);
  check(last);
  check(dateline::Date(2024, 2, 29));
}

namespace {

// The same calls to both writers: a record of every kind of value, nested, as the model's
// writers (dateline/json.h) make them.
template <typename W>
std::string record(double d, unsigned u, const std::string& s) {
  rapidjson::StringBuffer buffer;
  W w(buffer);
  w.StartObject();
  w.Key("records", 7);
  w.StartArray();
  w.RawValue("0", 1, rapidjson::kNumberType);
  w.StartObject();
  dateline::json::key(w, "doc");  // the compact writer's PlainKey
  w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
  w.Key("begin", 5);
  w.Uint(u);
  w.Key("value", 5);
  w.Double(d);
  w.Key("also", 4);
  w.StartArray();
  w.EndArray();
  w.Key("list", 4);
  w.StartArray();
  w.Uint(u);
  w.Double(d);
  w.StartArray();
  w.Null();
  w.EndArray();
  w.StartObject();
  w.EndObject();
  w.Bool(true);
  w.Bool(false);
  w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
  w.EndArray();
  dateline::json::key(w, "none");
  w.Null();
  w.Key("nested", 6);
  w.StartObject();
  w.Key("x", 1);
  w.StartObject();
  w.EndObject();
  dateline::json::key(w, "y");
  w.Double(-d);
  w.EndObject();
  w.EndObject();
  w.EndArray();
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

void same_record(double d, unsigned u, const std::string& s) {
  INFO("double " << d << ", unsigned " << u);
  CHECK(record<dateline::json::CompactWriter>(d, u, s) == record<rapidjson::Writer<rapidjson::StringBuffer>>(d, u, s));
}

}  // namespace

TEST_CASE("records of keys, integers, doubles, literals and nested arrays and objects as RapidJSON writes them") {
  for (unsigned u : {0u, 1u, 9u, 10u, 99u, 100u, 4294967295u, 1000000000u, 123456789u}) same_record(1.5, u, "a");
  for (double d : {0.0, -0.0, 1.0, 0.1, 0.5, 4.67e9, 1e21, 1e-7, 123456789.125, 2.5e-300, 1.7976931348623157e308,
                   5e-324, 1.0 / 3.0, 20.0, 0.95, 300e6}) {
    same_record(d, 7, "doc \"id\"\n");
  }
  std::mt19937_64 random(8);
  for (int n = 0; n < 2000; ++n) {
    const std::uint64_t bits = random();
    double d;
    std::memcpy(&d, &bits, sizeof d);
    if (!std::isfinite(d)) continue;
    same_record(d, static_cast<unsigned>(bits >> 32), std::string(n % 40, 'x'));
    same_record(static_cast<double>(bits % 100000000) / 100.0, static_cast<unsigned>(bits), "");
  }
}

TEST_CASE("NaN and infinity are refused after their separator, as RapidJSON refuses them") {
  for (double d : {std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::infinity()}) {
    rapidjson::StringBuffer ours_buffer, theirs_buffer;
    dateline::json::CompactWriter ours(ours_buffer);
    rapidjson::Writer<rapidjson::StringBuffer> theirs(theirs_buffer);
    ours.StartArray();
    theirs.StartArray();
    ours.Uint(1);
    theirs.Uint(1);
    CHECK(!ours.Double(d));
    CHECK(!theirs.Double(d));
    ours.Uint(2);
    theirs.Uint(2);
    ours.EndArray();
    theirs.EndArray();
    CHECK(std::string(ours_buffer.GetString()) == std::string(theirs_buffer.GetString()));
  }
}
