// Draft -> AppSpec: names sanitized to the spec's shapes, a login User entity, owner relations
// for user-created content, collision-free relation accessors, roles and features; validated,
// with a repair loop so the result always passes spec::Validate.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "analyze/archetypes.h"
#include "analyze/draft.h"
#include "spec/app_spec.h"

namespace bf::analyze {

struct BuildInput {
  std::string title;        // human title, e.g. "Blog API"
  std::string description;  // one sanitized line for spec.description
  std::set<spec::Feature> features;
  spec::Stack stack;
  std::vector<ArchetypeMatch> archetypes;  // the archetypes the text matched, best first
};

struct BuildOutput {
  spec::AppSpec spec;
  std::vector<std::string> assumptions;
};

BuildOutput BuildSpec(const Draft& draft, const BuildInput& in);

// Makes `e` a record that logs in: `identity_field` (email, required, unique; first when added), a
// required `name` unless a field already names the person, and no id, timestamp, role or password
// columns (the generated backend owns those).
void MakeLoginRecord(spec::Entity& e, const std::string& identity_field);

// Last-resort repair: drops whatever Validate reports until the spec is valid (never fails; in
// the worst case only the User entity is left).
void RepairSpec(spec::AppSpec& s);

}  // namespace bf::analyze
