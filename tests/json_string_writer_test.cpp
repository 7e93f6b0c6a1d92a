// json::StringWriter must write every string exactly as RapidJSON's own Writer does: the
// extract JSON's bytes did not change when it replaced it, and must not.

#include "json_string_writer.h"

#include <dateline/json.h>

#include <catch2/catch.hpp>
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
  CHECK(written<dateline::json::StringWriter>(s) == written<rapidjson::Writer<rapidjson::StringBuffer>>(s));
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
    dateline::json::StringWriter w(buffer);
    dateline::json::optional_date(w, std::optional<dateline::Date>(d));
    CHECK(std::string(buffer.GetString(), buffer.GetSize()) == "\"" + dateline::iso_string(d) + "\"");
  };
  for (dateline::Date d = first; d < last; d += boost::gregorian::days(17)) check(d);
  check(last);
  check(dateline::Date(2024, 2, 29));
}
