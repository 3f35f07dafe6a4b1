// JSON form of the AppSpec: serialization with a fixed key order (deterministic bytes) and a
// lenient parser that records every structural problem with its path instead of stopping.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "spec/app_spec.h"

namespace bf::spec {

// One problem in a spec, located by a JSON path such as `entities[2].fields[0].type`.
struct SpecIssue {
  std::string path;
  std::string message;

  std::string ToString() const { return path.empty() ? message : path + ": " + message; }
  bool operator==(const SpecIssue&) const = default;
};

nlohmann::ordered_json ToJson(const AppSpec& spec);
nlohmann::ordered_json ToJson(const Entity& entity);
nlohmann::ordered_json ToJson(const Field& field);
nlohmann::ordered_json ToJson(const Relation& relation);

// Reads what it can: wrong JSON types, unknown enum values and unknown keys become issues;
// the rest of the spec is still read so validation can report everything in one pass.
struct ParsedSpec {
  AppSpec spec;
  std::vector<SpecIssue> issues;
};
ParsedSpec ParseSpec(const nlohmann::json& j);
// Parses one entity / field / relation object (used by SpecEdit ops); `path` prefixes issues.
Entity ParseEntity(const nlohmann::json& j, const std::string& path, std::vector<SpecIssue>& issues);
Field ParseField(const nlohmann::json& j, const std::string& path, std::vector<SpecIssue>& issues);
Relation ParseRelation(const nlohmann::json& j, const std::string& path, std::vector<SpecIssue>& issues);

// Parse + Validate: the spec, or every issue found. `text` is raw JSON.
struct LoadedSpec {
  std::optional<AppSpec> spec;  // set only when there are no issues
  std::vector<SpecIssue> issues;
};
LoadedSpec LoadSpec(const nlohmann::json& j);
LoadedSpec LoadSpecText(std::string_view text);

}  // namespace bf::spec
