// Collects every candidate value for each field with the rank html_metadata.tsv gives its
// place, and keeps the lowest rank (the first in the page among equals). JSON-LD is parsed with
// RapidJSON; a block that does not parse is ignored, as browsers and search engines do.

#include "readers/html_metadata.h"

#include <rapidjson/document.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <climits>
#include <stdexcept>
#include <unordered_set>
#include <vector>

#include "dateline_importers_data.h"
#include "extract/tsv_rows.h"
#include "readers/html_tree.h"
#include "readers/web_dates.h"

namespace dateline::reader {
namespace {

enum class Field { Published, Title, Source, Byline, Url };
constexpr std::size_t kFields = 5;
enum class Where { Meta, JsonLd, Element };

struct Place {
  Field field;
  Where where;
  std::string_view key;
  int rank;
};

class MetadataTable {
 public:
  static const MetadataTable& instance() {
    static const MetadataTable table;
    return table;
  }

  const std::vector<Place>& places() const { return places_; }
  bool is_article_type(std::string_view type) const { return article_types_.count(type) > 0; }

 private:
  MetadataTable() {
    data::for_each_tsv_row(data::html_metadata_tsv, "html_metadata.tsv", [&](const data::TsvRow& row) {
      if (row[0] == "type") {
        article_types_.emplace(row[2]);
        return;
      }
      Place place{};
      if (row[0] == "published") {
        place.field = Field::Published;
      } else if (row[0] == "title") {
        place.field = Field::Title;
      } else if (row[0] == "source") {
        place.field = Field::Source;
      } else if (row[0] == "byline") {
        place.field = Field::Byline;
      } else if (row[0] == "url") {
        place.field = Field::Url;
      } else {
        throw data::bad_tsv_row("html_metadata.tsv", row, "unknown field");
      }
      if (row[1] == "meta") {
        place.where = Where::Meta;
      } else if (row[1] == "jsonld") {
        place.where = Where::JsonLd;
      } else if (row[1] == "element") {
        place.where = Where::Element;
      } else {
        throw data::bad_tsv_row("html_metadata.tsv", row, "unknown place");
      }
      place.key = row[2];
      place.rank = std::stoi(std::string(row[3]));
      places_.push_back(place);
    });
  }

  std::vector<Place> places_;
  std::unordered_set<std::string_view> article_types_;
};

bool looks_like_url(std::string_view s) {
  return s.starts_with("http://") || s.starts_with("https://") || s.starts_with("//");
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

std::string collapse(std::string_view s) {
  std::string out;
  bool pending = false;
  append_collapsed(out, s, pending);
  return out;
}

// The best value seen so far for each field.
class Candidates {
 public:
  void offer(Field field, int rank, std::string value) {
    value = collapse(value);
    if (value.empty()) return;
    if (field == Field::Published && !parse_web_date(value)) return;
    if ((field == Field::Byline || field == Field::Source) && looks_like_url(value)) return;
    auto& best = best_[static_cast<std::size_t>(field)];
    if (best.value.empty() || rank < best.rank) best = {std::move(value), rank};
  }

  std::string take(Field field) { return std::move(best_[static_cast<std::size_t>(field)].value); }

 private:
  struct Best {
    std::string value;
    int rank = INT_MAX;
  };
  std::array<Best, kFields> best_;
};

void offer_meta(const xmlNode* meta, Candidates& out) {
  const std::string content = attribute(meta, "content");
  if (content.empty()) return;
  for (const char* key_attribute : {"property", "name", "itemprop"}) {
    const std::string key = lower(attribute(meta, key_attribute));
    if (key.empty()) continue;
    for (const Place& p : MetadataTable::instance().places()) {
      if (p.where == Where::Meta && p.key == key) out.offer(p.field, p.rank, content);
    }
  }
}

// The strings a JSON-LD path gives: "author.name" on {"author":[{"name":"A"},{"name":"B"}]}
// gives A and B; a string where an object was expected is taken as the value ("author":"A").
void json_strings(const rapidjson::Value& v, std::string_view path, std::vector<std::string>& out) {
  if (v.IsArray()) {
    for (const auto& item : v.GetArray()) json_strings(item, path, out);
    return;
  }
  if (path.empty()) {
    if (v.IsString()) out.emplace_back(v.GetString(), v.GetStringLength());
    return;
  }
  if (v.IsString()) {
    out.emplace_back(v.GetString(), v.GetStringLength());
    return;
  }
  if (!v.IsObject()) return;
  const std::size_t dot = path.find('.');
  const std::string name(path.substr(0, dot));
  auto it = v.FindMember(name.c_str());
  if (it == v.MemberEnd()) return;
  json_strings(it->value, dot == std::string_view::npos ? std::string_view{} : path.substr(dot + 1), out);
}

bool is_article(const rapidjson::Value& object) {
  auto type = object.FindMember("@type");
  if (type == object.MemberEnd()) return false;
  const auto& table = MetadataTable::instance();
  if (type->value.IsString()) return table.is_article_type(type->value.GetString());
  if (type->value.IsArray()) {
    for (const auto& t : type->value.GetArray()) {
      if (t.IsString() && table.is_article_type(t.GetString())) return true;
    }
  }
  return false;
}

void offer_json_ld_object(const rapidjson::Value& v, Candidates& out) {
  if (v.IsArray()) {
    for (const auto& item : v.GetArray()) offer_json_ld_object(item, out);
    return;
  }
  if (!v.IsObject()) return;
  if (auto graph = v.FindMember("@graph"); graph != v.MemberEnd()) offer_json_ld_object(graph->value, out);
  if (!is_article(v)) return;
  for (const Place& p : MetadataTable::instance().places()) {
    if (p.where != Where::JsonLd) continue;
    std::vector<std::string> values;
    json_strings(v, p.key, values);
    if (values.empty()) continue;
    if (p.field == Field::Byline) {
      std::string joined;  // several authors: "A, B and C"
      for (std::size_t i = 0; i < values.size(); ++i) {
        if (i > 0) joined += i + 1 == values.size() ? " and " : ", ";
        joined += values[i];
      }
      out.offer(p.field, p.rank, joined);
    } else {
      out.offer(p.field, p.rank, values.front());
    }
  }
}

void offer_json_ld(const xmlNode* script, Candidates& out) {
  if (lower(attribute(script, "type")) != "application/ld+json") return;
  xmlChar* content = xmlNodeGetContent(script);
  if (!content) return;
  rapidjson::Document json;
  json.Parse(reinterpret_cast<const char*>(content));
  xmlFree(content);
  if (!json.HasParseError()) offer_json_ld_object(json, out);
}

void offer_element(const xmlNode* e, std::string_view name, Candidates& out) {
  for (const Place& p : MetadataTable::instance().places()) {
    if (p.where != Where::Element) continue;
    if (p.key == "time" && name == "time") {
      out.offer(p.field, p.rank, attribute(e, "datetime"));
    } else if (p.key == "h1" && name == "h1") {
      out.offer(p.field, p.rank, collapsed_text(e));
    } else if (p.key == "title" && name == "title") {
      out.offer(p.field, p.rank, collapsed_text(e));
    } else if (p.key == "canonical" && name == "link" && lower(attribute(e, "rel")) == "canonical") {
      out.offer(p.field, p.rank, attribute(e, "href"));
    } else if (p.key == "author-link" && name == "a" && lower(attribute(e, "rel")) == "author") {
      out.offer(p.field, p.rank, collapsed_text(e));
    }
  }
}

}  // namespace

PageMetadata read_page_metadata(const xmlDoc* doc) {
  Candidates candidates;
  const xmlNode* root = xmlDocGetRootElement(doc);
  if (root) {
    auto visit = [&](const xmlNode* e) {
      const std::string_view name = element_name(e);
      if (name == "meta") {
        offer_meta(e, candidates);
      } else if (name == "script") {
        offer_json_ld(e, candidates);
      } else {
        offer_element(e, name, candidates);
      }
    };
    visit(root);
    for_each_element(root, visit);
  }
  PageMetadata m;
  m.title = candidates.take(Field::Title);
  m.source = candidates.take(Field::Source);
  m.byline = candidates.take(Field::Byline);
  m.url = candidates.take(Field::Url);
  if (std::string published = candidates.take(Field::Published); !published.empty()) {
    m.published = parse_web_date(published);
  }
  return m;
}

}  // namespace dateline::reader
