// SpecEdit: one validated change to an AppSpec. Chat follow-ups ("add comments", "rename Post
// to Article", "undo") become SpecEdits; applying one returns its exact inverse for undo.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "common/result.h"
#include "spec/app_spec.h"

namespace bf::spec {

struct SpecEdit;

namespace edit {
struct AddEntity { Entity entity; std::optional<size_t> index; };
struct RemoveEntity { std::string name; };
// Renames an entity everywhere it is referenced; `plural` empty = derive it when the old plural
// was the derived one. Relation accessors that were derived from the old name follow it.
struct RenameEntity { std::string from; std::string to; std::string plural; };
// Replaces plural, description, owner, access and timestamps of an entity (not its fields).
struct UpdateEntity { Entity entity; };
struct AddField { std::string entity; Field field; std::optional<size_t> index; };
struct RemoveField { std::string entity; std::string field; };
struct RenameField { std::string entity; std::string from; std::string to; };
// Replaces the field with the same name: type and constraints.
struct UpdateField { std::string entity; Field field; };
struct AddRelation { Relation relation; std::optional<size_t> index; };
// A relation is identified by its `from` entity and its name there.
struct RemoveRelation { std::string from; std::string name; };
struct RenameRelation { std::string from; std::string name; std::string newName; };
struct AddRole { std::string role; std::optional<size_t> index; };
struct RemoveRole { std::string role; };
struct RenameRole { std::string from; std::string to; };
struct AddFeature { Feature feature; };
struct RemoveFeature { Feature feature; };
struct SetStack { Stack stack; };  // language, framework and database at once
struct SetDatabase { std::string database; };
struct SetMeta { std::string name; std::string title; std::string description; };
struct SetAuth { Auth auth; };
struct Batch { std::vector<SpecEdit> ops; };
}  // namespace edit

struct SpecEdit {
  std::variant<edit::AddEntity, edit::RemoveEntity, edit::RenameEntity, edit::UpdateEntity,
               edit::AddField, edit::RemoveField, edit::RenameField, edit::UpdateField,
               edit::AddRelation, edit::RemoveRelation, edit::RenameRelation, edit::AddRole,
               edit::RemoveRole, edit::RenameRole, edit::AddFeature, edit::RemoveFeature,
               edit::SetStack, edit::SetDatabase, edit::SetMeta, edit::SetAuth, edit::Batch>
      op;
};

// Applies `e` to `spec`. On success returns the inverse edit (applying it restores the spec
// exactly). On failure (unknown names, or a result that would not validate) `spec` is unchanged
// and the error lists what is wrong. Batches apply all-or-nothing and validate once at the end.
Result<SpecEdit> Apply(AppSpec& spec, const SpecEdit& e);

// A short past-tense summary for chat and commit messages: "added field Post.title (string)".
std::string Describe(const SpecEdit& e);

// JSON form: {"op":"addField","entity":"Post","field":{...}}; batches {"op":"batch","ops":[...]}.
nlohmann::ordered_json ToJson(const SpecEdit& e);
Result<SpecEdit> EditFromJson(const nlohmann::json& j);

}  // namespace bf::spec
