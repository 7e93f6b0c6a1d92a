// The spelled-out names of the model's enums, as they appear in JSON and on the command line.

#include <dateline/claim.h>
#include <dateline/document.h>
#include <dateline/entity.h>
#include <dateline/error.h>
#include <dateline/fact.h>
#include <dateline/time_value.h>
#include <dateline/timex.h>

#include <array>
#include <fmt/format.h>
#include <utility>

namespace dateline {
namespace {

template <typename Enum, std::size_t N>
std::string_view name_of(const std::array<std::pair<Enum, std::string_view>, N>& table, Enum value) {
  for (const auto& [e, name] : table) {
    if (e == value) return name;
  }
  return "";
}

template <typename Enum, std::size_t N>
std::optional<Enum> value_of(const std::array<std::pair<Enum, std::string_view>, N>& table, std::string_view name) {
  for (const auto& [e, n] : table) {
    if (n == name) return e;
  }
  return std::nullopt;
}

constexpr std::array<std::pair<TimexType, std::string_view>, 4> kTypes = {{
    {TimexType::Date, "DATE"},
    {TimexType::Time, "TIME"},
    {TimexType::Duration, "DURATION"},
    {TimexType::Set, "SET"},
}};

constexpr std::array<std::pair<Granularity, std::string_view>, 16> kGranularities = {{
    {Granularity::None, "none"},
    {Granularity::Millennium, "millennium"},
    {Granularity::Century, "century"},
    {Granularity::Decade, "decade"},
    {Granularity::Year, "year"},
    {Granularity::Half, "half"},
    {Granularity::Season, "season"},
    {Granularity::Quarter, "quarter"},
    {Granularity::Month, "month"},
    {Granularity::Week, "week"},
    {Granularity::Weekend, "weekend"},
    {Granularity::Day, "day"},
    {Granularity::PartOfDay, "part_of_day"},
    {Granularity::Hour, "hour"},
    {Granularity::Minute, "minute"},
    {Granularity::Second, "second"},
}};

constexpr std::array<std::pair<Mod, std::string_view>, 13> kMods = {{
    {Mod::None, ""},
    {Mod::Before, "BEFORE"},
    {Mod::After, "AFTER"},
    {Mod::OnOrBefore, "ON_OR_BEFORE"},
    {Mod::OnOrAfter, "ON_OR_AFTER"},
    {Mod::LessThan, "LESS_THAN"},
    {Mod::MoreThan, "MORE_THAN"},
    {Mod::EqualOrLess, "EQUAL_OR_LESS"},
    {Mod::EqualOrMore, "EQUAL_OR_MORE"},
    {Mod::Start, "START"},
    {Mod::Mid, "MID"},
    {Mod::End, "END"},
    {Mod::Approx, "APPROX"},
}};

constexpr std::array<std::pair<Anchoring, std::string_view>, 4> kAnchorings = {{
    {Anchoring::Absolute, "absolute"},
    {Anchoring::Dct, "dct"},
    {Anchoring::Previous, "previous"},
    {Anchoring::None, "none"},
}};

constexpr std::array<std::pair<EntityKind, std::string_view>, 7> kEntityKinds = {{
    {EntityKind::Person, "PERSON"},
    {EntityKind::Org, "ORG"},
    {EntityKind::Gpe, "GPE"},
    {EntityKind::Product, "PRODUCT"},
    {EntityKind::Law, "LAW"},
    {EntityKind::Event, "EVENT"},
    {EntityKind::Other, "OTHER"},
}};

constexpr std::array<std::pair<ClaimStatus, std::string_view>, 8> kStatuses = {{
    {ClaimStatus::Occurred, "occurred"},
    {ClaimStatus::Scheduled, "scheduled"},
    {ClaimStatus::Planned, "planned"},
    {ClaimStatus::Possible, "possible"},
    {ClaimStatus::Proposed, "proposed"},
    {ClaimStatus::Negated, "negated"},
    {ClaimStatus::Conditional, "conditional"},
    {ClaimStatus::Superseded, "superseded"},
}};

constexpr std::array<std::pair<ClaimTimeSource, std::string_view>, 2> kClaimTimeSources = {{
    {ClaimTimeSource::Text, "text"},
    {ClaimTimeSource::Publication, "publication"},
}};

constexpr std::array<std::pair<LinkKind, std::string_view>, 7> kLinkKinds = {{
    {LinkKind::Before, "BEFORE"},
    {LinkKind::After, "AFTER"},
    {LinkKind::Overlaps, "OVERLAPS"},
    {LinkKind::Includes, "INCLUDES"},
    {LinkKind::SameAs, "SAME_AS"},
    {LinkKind::Extends, "EXTENDS"},
    {LinkKind::Supersedes, "SUPERSEDES"},
}};

constexpr std::array<std::pair<PublishedSource, std::string_view>, 4> kPublishedSources = {{
    {PublishedSource::Stated, "stated"},
    {PublishedSource::Relative, "relative"},
    {PublishedSource::Assumed, "assumed"},
    {PublishedSource::Unknown, "unknown"},
}};

}  // namespace

std::string_view to_string(TimexType type) { return name_of(kTypes, type); }
std::string_view to_string(Granularity granularity) { return name_of(kGranularities, granularity); }
std::string_view to_string(Mod mod) { return name_of(kMods, mod); }
std::string_view to_string(Anchoring anchoring) { return name_of(kAnchorings, anchoring); }
std::string_view to_string(EntityKind kind) { return name_of(kEntityKinds, kind); }
std::string_view to_string(ClaimStatus status) { return name_of(kStatuses, status); }
std::string_view to_string(PublishedSource source) { return name_of(kPublishedSources, source); }
std::string_view to_string(ClaimTimeSource source) { return name_of(kClaimTimeSources, source); }
std::string_view to_string(LinkKind kind) { return name_of(kLinkKinds, kind); }

std::optional<Granularity> granularity_from_string(std::string_view text) { return value_of(kGranularities, text); }
std::optional<EntityKind> entity_kind_from_string(std::string_view text) { return value_of(kEntityKinds, text); }
std::optional<ClaimStatus> claim_status_from_string(std::string_view text) { return value_of(kStatuses, text); }
std::optional<ClaimTimeSource> claim_time_source_from_string(std::string_view text) {
  return value_of(kClaimTimeSources, text);
}
std::optional<PublishedSource> published_source_from_string(std::string_view text) {
  return value_of(kPublishedSources, text);
}
std::optional<LinkKind> link_kind_from_string(std::string_view text) { return value_of(kLinkKinds, text); }

std::optional<TimexType> timex_type_from_string(std::string_view text) { return value_of(kTypes, text); }
std::optional<Mod> mod_from_string(std::string_view text) {
  if (text.empty()) return std::nullopt;
  return value_of(kMods, text);
}

namespace {

std::string input_error_message(const std::string& file, const std::string& message,
                                std::optional<std::uint64_t> offset, std::optional<std::uint64_t> line) {
  if (line && offset) return fmt::format("{}: line {} (byte {}): {}", file, *line, *offset, message);
  if (line) return fmt::format("{}: line {}: {}", file, *line, message);
  if (offset) return fmt::format("{}: byte {}: {}", file, *offset, message);
  return fmt::format("{}: {}", file, message);
}

}  // namespace

InputError::InputError(std::string file, std::string message, std::optional<std::uint64_t> offset,
                       std::optional<std::uint64_t> line)
    : std::runtime_error(input_error_message(file, message, offset, line)),
      file_(std::move(file)),
      reason_(std::move(message)),
      offset_(offset),
      line_(line) {}

std::string document_id(std::string_view source, std::string_view text) {
  std::uint64_t hash = 14695981039346656037ull;  // FNV-1a 64
  auto mix = [&](std::string_view bytes) {
    for (unsigned char c : bytes) {
      hash ^= c;
      hash *= 1099511628211ull;
    }
  };
  mix(source);
  mix(std::string_view("\x1f", 1));  // a separator, so ("ab","c") and ("a","bc") differ
  mix(text);
  // Sixteen lower-case hex digits, as fmt's {:016x} wrote them: every document takes one, and
  // a formatting call per document was a visible share of `dateline extract`.
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id(16, '0');
  for (int i = 15; i >= 0; --i) {
    id[static_cast<std::size_t>(i)] = kHex[hash & 15];
    hash >>= 4;
  }
  return id;
}

}  // namespace dateline
