// Finds the wire credit at the start of an article body (wire_credit.h).

#include "readers/wire_credit.h"

#include <algorithm>
#include <string>
#include <vector>

#include "dateline_importers_data.h"
#include "entities/entity_tokens.h"
#include "entities/gazetteer.h"
#include "extract/tsv_rows.h"

namespace dateline::reader {
namespace {

// A dateline place is at most this many words ("NEW YORK", "RIO DE JANEIRO").
constexpr std::size_t kMaxPlaceWords = 4;
// ... and the "PLACE (Credit) -" form ends this close to the start.
constexpr std::size_t kMaxDatelineBytes = 64;

// Longest first, so that "Anadolu Agency" wins over "Anadolu".
const std::vector<std::string_view>& credits() {
  static const std::vector<std::string_view> table = [] {
    std::vector<std::string_view> c;
    data::for_each_tsv_row(data::wire_credits_tsv, "wire_credits.tsv", [&](const data::TsvRow& row) {
      if (row[0].empty()) throw data::bad_tsv_row("wire_credits.tsv", row, "empty credit");
      c.push_back(row[0]);
    });
    std::stable_sort(c.begin(), c.end(), [](std::string_view a, std::string_view b) { return a.size() > b.size(); });
    return c;
  }();
  return table;
}

// Countries and capitals: the places a dateline names.
const entities::Gazetteer& places() {
  static const entities::Gazetteer gazetteer = [] {
    entities::Gazetteer g;
    g.load(data::entities_countries_tsv, "entities_countries.tsv");
    return g;
  }();
  return gazetteer;
}

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }

// A sentence can open with a capital, a digit or a quotation mark.
bool opens_sentence(std::string_view s) {
  if (s.empty()) return false;
  const char c = s.front();
  return is_upper(c) || (c >= '0' && c <= '9') || c == '"' || c == '\'' || s.starts_with("\u201C") ||
         s.starts_with("\u2018");
}

std::string_view credit_at(std::string_view s) {
  for (std::string_view c : credits()) {
    if (s.starts_with(c)) return c;
  }
  return {};
}

std::size_t skip_spaces(std::string_view s, std::size_t at) {
  while (at < s.size() && s[at] == ' ') ++at;
  return at;
}

// "DPA Beijing EU leaders ...", "Agencies TikTok may ...".
std::optional<WireCredit> leading_credit(std::string_view p) {
  const std::string_view credit = credit_at(p);
  if (credit.empty() || p.size() <= credit.size() || p[credit.size()] != ' ') return std::nullopt;
  std::size_t at = skip_spaces(p, credit.size());
  if (!opens_sentence(p.substr(at))) return std::nullopt;  // "Reuters reported ..."
  WireCredit out{credit, {}, at};
  // A known place, then the sentence: "DPA Beijing EU leaders".
  const std::string_view rest = p.substr(at, kMaxDatelineBytes);
  std::vector<entities::Token> tokens;
  entities::tokenize(rest, tokens);
  if (tokens.empty()) return out;
  if (auto match = places().longest_match(rest, tokens, 0); match && match->tokens < tokens.size()) {
    const std::size_t end = tokens[match->tokens - 1].end;
    const std::size_t next = skip_spaces(rest, end);
    if (next > end && next < rest.size() && opens_sentence(rest.substr(next))) {
      out.place = rest.substr(0, end);
      out.length = at + next;
    }
  }
  return out;
}

// "WASHINGTON (Reuters) - The ...", "Beijing (AFP) \u2014 ...".
std::optional<WireCredit> dateline_credit(std::string_view p) {
  const std::size_t open = p.substr(0, kMaxDatelineBytes).find(" (");
  if (open == std::string_view::npos || open == 0) return std::nullopt;
  const std::string_view place = p.substr(0, open);
  std::size_t words = 1;
  for (std::size_t i = 0; i < place.size(); ++i) {
    if (place[i] != ' ') continue;
    ++words;
    if (i + 1 < place.size() && !is_upper(place[i + 1])) return std::nullopt;
  }
  if (words > kMaxPlaceWords || !is_upper(place.front())) return std::nullopt;
  const std::string_view inside = p.substr(open + 2);
  const std::string_view credit = credit_at(inside);
  if (credit.empty() || inside.size() <= credit.size() || inside[credit.size()] != ')') return std::nullopt;
  std::size_t at = skip_spaces(p, open + 2 + credit.size() + 1);
  const std::string_view after = p.substr(at);
  std::size_t dash = 0;
  if (after.starts_with("-")) dash = 1;
  if (after.starts_with("\u2013") || after.starts_with("\u2014")) dash = 3;
  if (dash == 0) return std::nullopt;
  at = skip_spaces(p, at + dash);
  if (!opens_sentence(p.substr(at))) return std::nullopt;
  return WireCredit{credit, place, at};
}

}  // namespace

std::optional<WireCredit> wire_credit(std::string_view paragraph) {
  if (auto c = dateline_credit(paragraph)) return c;
  return leading_credit(paragraph);
}

}  // namespace dateline::reader
