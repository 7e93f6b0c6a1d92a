#pragma once

#include <dateline/span.h>

#include <string>

namespace dateline {

enum class EntityKind { Person, Org, Gpe, Product, Law, Event, Other };

// A mention of a named entity, with the canonical name it refers to.
struct EntityMention {
  Span span;
  std::string name;  // canonical ("US Department of Defense" for "Pentagon")
  EntityKind kind = EntityKind::Other;
};

std::string_view to_string(EntityKind kind);

}  // namespace dateline
