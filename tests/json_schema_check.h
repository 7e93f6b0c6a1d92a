#pragma once
// Validates JSON text against a JSON Schema file of docs/schema with RapidJSON's validator.
// Returns "" when valid, else what failed and where (JSON pointers into schema and document).

#include <fmt/format.h>
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/schema.h>
#include <rapidjson/stringbuffer.h>

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

namespace dateline::testing {

inline rapidjson::SchemaDocument load_schema(const std::string& name) {
  const std::string path = fmt::format("{}/docs/schema/{}", DATELINE_SOURCE_DIR, name);
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  rapidjson::Document d;
  d.Parse(text.str().c_str());
  if (d.HasParseError() || !in) throw std::runtime_error(fmt::format("cannot read schema {}", path));
  return rapidjson::SchemaDocument(d);
}

inline std::string schema_errors(const rapidjson::SchemaDocument& schema, const std::string& json) {
  rapidjson::Document d;
  d.Parse(json.c_str(), json.size());
  if (d.HasParseError()) {
    return fmt::format("not JSON: {} at byte {}", rapidjson::GetParseError_En(d.GetParseError()), d.GetErrorOffset());
  }
  rapidjson::SchemaValidator validator(schema);
  if (d.Accept(validator)) return "";
  rapidjson::StringBuffer schema_at;
  rapidjson::StringBuffer document_at;
  validator.GetInvalidSchemaPointer().StringifyUriFragment(schema_at);
  validator.GetInvalidDocumentPointer().StringifyUriFragment(document_at);
  return fmt::format("'{}' fails at schema {} (document {})", validator.GetInvalidSchemaKeyword(),
                     schema_at.GetString(), document_at.GetString());
}

}  // namespace dateline::testing
