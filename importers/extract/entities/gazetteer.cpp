#include "entities/gazetteer.h"

#include "tsv_rows.h"

#include <fmt/format.h>

#include <stdexcept>

namespace dateline::entities {

std::optional<EntityKind> entity_kind_from_name(std::string_view name) {
  constexpr std::pair<std::string_view, EntityKind> kKinds[] = {
      {"PERSON", EntityKind::Person},   {"ORG", EntityKind::Org}, {"GPE", EntityKind::Gpe},
      {"PRODUCT", EntityKind::Product}, {"LAW", EntityKind::Law}, {"EVENT", EntityKind::Event},
      {"OTHER", EntityKind::Other},
  };
  for (const auto& [n, kind] : kKinds) {
    if (n == name) return kind;
  }
  return std::nullopt;
}

void Gazetteer::load(std::string_view table, std::string_view table_name) {
  data::for_each_tsv_row(table, table_name, [&](const data::TsvRow& row) {
    if (row.size != 3 || row[0].empty()) {
      throw data::bad_tsv_row(table_name, row, "expected canonical<TAB>KIND<TAB>alias|alias|...");
    }
    auto kind = entity_kind_from_name(row[1]);
    if (!kind) throw data::bad_tsv_row(table_name, row, fmt::format("unknown kind '{}'", row[1]));
    const auto entity = static_cast<std::uint32_t>(entities_.size());
    entities_.push_back(KnownEntity{row[0], *kind});
    add_alias(row[0], entity, table_name, row.line);
    std::string_view aliases = row[2];
    while (!aliases.empty()) {
      const std::size_t bar = aliases.find('|');
      std::string_view alias = aliases.substr(0, bar);
      aliases = bar == std::string_view::npos ? std::string_view{} : aliases.substr(bar + 1);
      if (alias.empty() || alias == row[0]) continue;
      add_alias(alias, entity, table_name, row.line);
    }
  });
}

void Gazetteer::add_alias(std::string_view alias, std::uint32_t entity, std::string_view table_name,
                          std::size_t line) {
  std::vector<Token> tokens;
  tokenize(alias, tokens);
  Alias a;
  a.entity = entity;
  std::uint64_t h = kSequenceSeed;
  for (const Token& t : tokens) {
    if (!a.tokens.empty()) prefixes_.try_emplace(h, true);
    a.tokens.push_back(t.text(alias));
    h = hash_token(h, a.tokens.back());
  }
  if (a.tokens.empty()) return;
  first_tokens_.add(a.tokens.front());
  const auto first_byte = static_cast<unsigned char>(a.tokens.front().front());
  first_bytes_[first_byte >> 6] |= std::uint64_t{1} << (first_byte & 63);
  auto [first, inserted] = first_alias_.try_emplace(h, static_cast<std::uint32_t>(aliases_.size()));
  if (!inserted) {
    for (std::uint32_t k = *first; k != kNone; k = aliases_[k].next) {
      if (aliases_[k].tokens == a.tokens) {
        throw std::logic_error(fmt::format("{}:{}: alias '{}' is already listed for '{}'", table_name, line, alias,
                                           entities_[aliases_[k].entity].canonical));
      }
    }
    a.next = *first;
    *first = static_cast<std::uint32_t>(aliases_.size());
  }
  if (a.tokens.size() > max_tokens_) max_tokens_ = a.tokens.size();
  aliases_.push_back(std::move(a));
}

std::optional<GazetteerMatch> Gazetteer::longest_match(std::string_view text, const std::vector<Token>& tokens,
                                                       std::size_t first) const {
  std::optional<GazetteerMatch> best;
  if (first >= tokens.size()) return best;
  const std::string_view first_token = tokens[first].text(text);
  if (!may_start(static_cast<unsigned char>(first_token.front())) || !first_tokens_.may_hold(first_token)) return best;
  std::uint64_t h = kSequenceSeed;
  for (std::size_t k = 0; k < max_tokens_ && first + k < tokens.size(); ++k) {
    const Token& t = tokens[first + k];
    if (k > 0 && t.newline_before) break;
    h = hash_token(h, t.text(text));
    const std::uint32_t* first_with_hash = first_alias_.find(h);
    if (!first_with_hash) {
      if (!prefixes_.contains(h)) break;
      continue;
    }
    for (std::uint32_t a = *first_with_hash; a != kNone; a = aliases_[a].next) {
      const Alias& alias = aliases_[a];
      if (alias.tokens.size() != k + 1) continue;
      bool same = true;
      for (std::size_t m = 0; m <= k && same; ++m) same = tokens[first + m].text(text) == alias.tokens[m];
      if (same) {
        best = GazetteerMatch{k + 1, &entities_[alias.entity]};
        break;
      }
    }
    if (!prefixes_.contains(h)) break;
  }
  return best;
}

}  // namespace dateline::entities
