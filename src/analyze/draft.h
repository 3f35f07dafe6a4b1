// The analyzer's intermediate model: what extraction understood from the text, before it is
// turned into a validated AppSpec (see build.h). Internal to the analyze layer.
#pragma once

#include <algorithm>
#include <map>
#include <set>
#include <source_location>
#include <string>
#include <vector>

#include "analyze/trace.h"
#include "spec/app_spec.h"

namespace bf::analyze {

struct DField {
  std::string name;  // camelCase
  spec::FieldType type = spec::FieldType::kString;
  bool required = false;
  bool unique = false;
  bool fileLike = false;
  std::vector<std::string> enumValues;
};

// DEntity::order of records no mention placed: an archetype's (from here up) and rule-made ones.
inline constexpr size_t kUnplacedOrder = 800000;

struct DEntity {
  std::string name;  // singular PascalCase
  double score = 0;  // accumulated evidence
  bool strong = false;  // had its own field list or was declared explicitly
  bool listed = false;  // named in a list of the records the text keeps
  size_t order = 0;     // first mention (sentence * 1000 + token); kUnplacedOrder and up: none
  std::vector<DField> fields;
  bool owned = false;
  bool fromArchetype = false;
  bool fromText = true;
  bool allRequired = false;
  std::set<std::string> aliases;  // lowercase phrases that name it ("job order", "jobs")
  std::string origin;             // rule tracing only (trace.h): the rule lines that gave its evidence

  DField* FindField(const std::string& n) {
    for (auto& f : fields) {
      if (f.name == n) return &f;
    }
    return nullptr;
  }
};

struct DRelation {
  std::string from, to;  // one-to-many: from is the "one" side
  spec::RelationKind kind = spec::RelationKind::kOneToMany;
  std::string inverse;  // preferred accessor on `to` (e.g. "author", "assignee"); may be empty
  bool fromText = true;
  std::string origin;  // rule tracing only (trace.h): the rule line that drew it
};

struct Draft {
  std::vector<DEntity> entities;
  std::vector<DRelation> relations;
  std::vector<std::string> roles;  // stated roles, canonical snake_case, in order of mention
  bool userMentioned = false;      // the text talks about users / logins
  std::vector<std::string> assumptions;
  std::string relationTag;  // rule tracing only: the pattern behind the relations added meanwhile
  // Rule tracing only: candidates the extractor turned down or folded into another record, with
  // the line of the rule that did it.
  std::vector<RuleTrace::Record> rejected;

  DEntity* Find(const std::string& name) {
    for (auto& e : entities) {
      if (e.name == name) return &e;
    }
    return nullptr;
  }
  const DEntity* Find(const std::string& name) const {
    for (const auto& e : entities) {
      if (e.name == name) return &e;
    }
    return nullptr;
  }
  // Some relation joins `a` and `b`, in either direction, of any kind.
  bool Related(const std::string& a, const std::string& b) const {
    return std::any_of(relations.begin(), relations.end(), [&](const DRelation& r) {
      return (r.from == a && r.to == b) || (r.from == b && r.to == a);
    });
  }
  // Renames an entity (when there is one) and every relation end that names it. `from` is a copy:
  // callers pass the entity's own name.
  void RenameEntity(std::string from, const std::string& to) {
    if (DEntity* e = Find(from)) e->name = to;
    for (auto& r : relations) {
      if (r.from == from) r.from = to;
      if (r.to == from) r.to = to;
    }
  }
  void AddRelation(const std::string& from, const std::string& to, spec::RelationKind kind,
                   std::string inverse = {}, std::source_location loc = std::source_location::current()) {
    if (from.empty() || to.empty()) return;
    // The login entity can own records and also share them ("trips I can share with friends"):
    // different kinds between User and X are different relations.
    const bool user_pair = from == "User" || to == "User";
    for (const auto& r : relations) {
      bool same_pair = (r.from == from && r.to == to) || (r.from == to && r.to == from);
      if (same_pair && r.kind == kind) return;
      // A stated many-to-many or one-to-one wins over a weaker one-to-many guess on the same pair.
      if (same_pair && from != to && !user_pair) {
        if (r.kind != spec::RelationKind::kOneToMany || kind == spec::RelationKind::kOneToMany) return;
      }
    }
    // Replace a one-to-many on the same pair when a more specific kind arrives.
    for (auto it = relations.begin(); it != relations.end() && !user_pair; ++it) {
      bool same_pair = (it->from == from && it->to == to) || (it->from == to && it->to == from);
      if (same_pair && from != to && it->kind == spec::RelationKind::kOneToMany) {
        relations.erase(it);
        break;
      }
    }
    relations.push_back({from, to, kind, std::move(inverse), true,
                         TracingRules() ? Here(loc) + (relationTag.empty() ? "" : "<" + relationTag) : std::string()});
  }
};

}  // namespace bf::analyze
