// Describing a fact in words, the same way in every export.

#include "fact_text.h"

#include <dateline/order.h>
#include <fmt/format.h>

#include <algorithm>

#include "display_text.h"
#include "time_text.h"

namespace dateline::display {

std::string headline(const Fact& fact) {
  for (const std::string* s : {&fact.headline, &fact.topic, &fact.predicate}) {
    std::string line = one_line(*s);
    if (!line.empty()) return line;
  }
  return fact.id;
}

std::string status_text(ClaimStatus status) {
  std::string s(to_string(status));
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

std::vector<std::string> earlier_values(const Fact& fact) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i + 1 < fact.history.size(); ++i) {
    const FactValue& v = fact.history[i];
    std::string when = v.time && v.time->has_bounds() ? time_text(*v.time) : one_line(v.time_text);
    if (when.empty()) when = "undated";
    out.push_back(fmt::format("{} ({})", when, to_string(v.status)));
  }
  return out;
}

bool extended(const Fact& fact) {
  if (fact.history.size() < 2) return false;
  const auto& before = fact.history[fact.history.size() - 2].time;
  const auto& now = fact.history.back().time;
  if (!before || !now || !before->has_bounds() || !now->has_bounds()) return false;
  return relate(*before, *now) == Relation::Before;
}

std::string reporter(const FactSource& source) {
  if (!source.outlet.empty()) return one_line(source.outlet);
  return one_line(source.title.empty() ? source.doc : source.title);
}

std::string source_line(const FactSource& source) {
  std::string who = reporter(source);
  if (source.published.has_bounds()) who = fmt::format("{}, {}", who, time_text(source.published));
  return who;
}

std::vector<std::string> outlets(const Fact& fact) {
  std::vector<std::string> out;
  if (fact.history.empty()) return out;
  for (const auto& s : fact.current().sources) {
    std::string name = reporter(s);
    if (!name.empty() && std::find(out.begin(), out.end(), name) == out.end()) out.push_back(std::move(name));
  }
  return out;
}

bool forward_looking(const Fact& fact) {
  if (fact.history.empty()) return false;
  switch (fact.status()) {
    case ClaimStatus::Scheduled:
    case ClaimStatus::Planned:
    case ClaimStatus::Possible:
    case ClaimStatus::Proposed:
    case ClaimStatus::Conditional:
      return true;
    case ClaimStatus::Occurred:
      return fact.predicate == "deadline";
    case ClaimStatus::Negated:
    case ClaimStatus::Superseded:
      return false;
  }
  return false;
}

}  // namespace dateline::display
