// Domain archetypes: compact models of common backends (blog, e-commerce, booking, ...) that
// supply sensible entities, fields and relations when a description is short. Parsed once from a
// small text DSL (see archetypes.cc) into typed structures.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "spec/app_spec.h"

namespace bf::analyze {

struct ArchField {
  std::string name;
  spec::FieldType type = spec::FieldType::kString;
  bool required = false;
  bool unique = false;
  std::vector<std::string> enumValues;
};

struct ArchEntity {
  std::string name;                   // PascalCase
  std::vector<std::string> synonyms;  // lowercase singular words that mean the same thing
  std::vector<ArchField> fields;
  bool owned = false;     // user-created content: gets an owner relation
  bool optional = false;  // only included when the text names it
  bool domainBound = false;  // its fields fit its archetype's domain only (a hotel's Room)
};

struct ArchRelation {
  std::string from, to;
  spec::RelationKind kind = spec::RelationKind::kOneToMany;
};

struct Archetype {
  std::string id;     // "blog"
  std::string label;  // "Blog / publishing"
  std::vector<std::pair<std::string, int>> triggers;  // normalized phrase -> weight
  std::vector<ArchEntity> entities;
  std::vector<ArchRelation> relations;
  std::vector<spec::Feature> features;
  std::vector<std::string> roles;  // besides admin and user
};

// Every archetype, in a fixed order.
const std::vector<Archetype>& Archetypes();
const Archetype* FindArchetype(std::string_view id);

// Archetypes whose triggers occur in `norm` (NormalizeForPhrases form), best first, with scores.
struct ArchetypeMatch {
  const Archetype* archetype = nullptr;
  int score = 0;
};
std::vector<ArchetypeMatch> MatchArchetypes(std::string_view norm);

// A field template for a well-known entity name across all archetypes (first match), used to
// give entities that the text names without fields a sensible shape. nullptr when unknown.
const ArchEntity* KnownEntity(std::string_view pascal_name);
// The field template of a well-known entity name for a text that matched `matches`: the template
// of the best-matching archetype (score 3 or more) that defines the name, else KnownEntity's unless
// that one is domain-bound (a hotel's Room shapes no room of a pantry app, a help desk's Ticket no
// ticket of an event, a bank's Account no customer account).
const ArchEntity* KnownEntityIn(std::string_view pascal_name, const std::vector<ArchetypeMatch>& matches);

}  // namespace bf::analyze
