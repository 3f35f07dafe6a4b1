#include "spec/spec_edit.h"

#include <algorithm>

#include "common/strings.h"
#include "spec/naming.h"
#include "spec/spec_json.h"
#include "spec/validate.h"

namespace bf::spec {
namespace {

using namespace edit;  // NOLINT: the op types are the vocabulary of this file

Error EditError(std::string msg) { return MakeError("spec.edit", std::move(msg)); }

std::vector<std::string> EntityNames(const AppSpec& s) {
  std::vector<std::string> names;
  for (const auto& e : s.entities) names.push_back(e.name);
  return names;
}

std::string NoSuch(std::string_view what, const std::string& name, const std::vector<std::string>& known) {
  std::string msg = "no " + std::string(what) + " named " + Quote(name);
  std::string close = ClosestMatch(name, known);
  if (!close.empty()) msg += "; did you mean " + Quote(close) + "?";
  return msg;
}

Result<size_t> EntityIndex(const AppSpec& s, const std::string& name) {
  for (size_t i = 0; i < s.entities.size(); ++i) {
    if (s.entities[i].name == name) return i;
  }
  return EditError(NoSuch("entity", name, EntityNames(s)));
}

Result<size_t> FieldIndex(const Entity& e, const std::string& name) {
  for (size_t i = 0; i < e.fields.size(); ++i) {
    if (e.fields[i].name == name) return i;
  }
  std::vector<std::string> names;
  for (const auto& f : e.fields) names.push_back(f.name);
  return EditError(NoSuch("field", name, names) + " in " + Quote(e.name));
}

Result<size_t> RelationIndex(const AppSpec& s, const std::string& from, const std::string& name) {
  std::vector<std::string> names;
  for (size_t i = 0; i < s.relations.size(); ++i) {
    if (s.relations[i].from == from && s.relations[i].name == name) return i;
    if (s.relations[i].from == from) names.push_back(s.relations[i].name);
  }
  return EditError(NoSuch("relation", name, names) + " on " + Quote(from));
}

template <class T>
size_t Clamp(const std::optional<size_t>& index, const std::vector<T>& v) {
  return index ? std::min(*index, v.size()) : v.size();
}

SpecEdit Wrap(auto op) { return SpecEdit{std::move(op)}; }

// Each ApplyOp mutates `s` without validating and returns the inverse.
Result<SpecEdit> ApplyRaw(AppSpec& s, const SpecEdit& e);

Result<SpecEdit> ApplyOp(AppSpec& s, const AddEntity& op) {
  if (s.FindEntity(op.entity.name)) return EditError("entity " + Quote(op.entity.name) + " already exists");
  Entity ent = op.entity;
  if (ent.plural.empty()) ent.plural = naming::PluralizeName(ent.name);
  size_t at = Clamp(op.index, s.entities);
  s.entities.insert(s.entities.begin() + static_cast<ptrdiff_t>(at), ent);
  return Wrap(RemoveEntity{ent.name});
}

Result<SpecEdit> ApplyOp(AppSpec& s, const RemoveEntity& op) {
  auto idx = EntityIndex(s, op.name);
  if (!idx) return idx.error();
  Batch undo;
  // Re-add the entity first, then its relations at their old positions, then owners that
  // pointed through removed relations.
  undo.ops.push_back(Wrap(AddEntity{s.entities[*idx], *idx}));
  std::vector<Relation> kept;
  for (size_t i = 0; i < s.relations.size(); ++i) {
    const Relation& r = s.relations[i];
    if (r.from == op.name || r.to == op.name) {
      undo.ops.push_back(Wrap(AddRelation{r, i}));
    } else {
      kept.push_back(r);
    }
  }
  s.relations = std::move(kept);
  s.entities.erase(s.entities.begin() + static_cast<ptrdiff_t>(*idx));
  return Wrap(std::move(undo));
}

Result<SpecEdit> ApplyOp(AppSpec& s, const RenameEntity& op) {
  auto idx = EntityIndex(s, op.from);
  if (!idx) return idx.error();
  if (op.from == op.to) return EditError("entity " + Quote(op.from) + " already has that name");
  if (s.FindEntity(op.to)) return EditError("entity " + Quote(op.to) + " already exists");
  Entity& e = s.entities[*idx];
  std::string old_plural = e.plural;
  e.name = op.to;
  if (!op.plural.empty()) {
    e.plural = op.plural;
  } else if (old_plural == naming::PluralizeName(op.from)) {
    e.plural = naming::PluralizeName(op.to);
  }
  // Relation accessors named after the entity follow the rename when they were the derived ones.
  auto derived_many = [](const std::string& n) { return naming::ToCamelCase(naming::PluralizeName(n)); };
  auto derived_one = [](const std::string& n) { return naming::ToCamelCase(n); };
  for (auto& r : s.relations) {
    if (r.to == op.from) {
      r.to = op.to;
      if (r.kind == RelationKind::kOneToOne ? r.name == derived_one(op.from) : r.name == derived_many(op.from)) {
        r.name = r.kind == RelationKind::kOneToOne ? derived_one(op.to) : derived_many(op.to);
      }
    }
    if (r.from == op.from) {
      r.from = op.to;
      bool m2m = r.kind == RelationKind::kManyToMany;
      if (m2m ? r.inverse == derived_many(op.from) : r.inverse == derived_one(op.from)) {
        std::string old_inverse = r.inverse;
        r.inverse = m2m ? derived_many(op.to) : derived_one(op.to);
        for (auto& other : s.entities) {
          if (other.name == r.to && other.owner == old_inverse) other.owner = r.inverse;
        }
      }
    }
  }
  if (s.auth.userEntity == op.from) s.auth.userEntity = op.to;
  return Wrap(RenameEntity{op.to, op.from, old_plural});
}

Result<SpecEdit> ApplyOp(AppSpec& s, const UpdateEntity& op) {
  auto idx = EntityIndex(s, op.entity.name);
  if (!idx) return idx.error();
  Entity& e = s.entities[*idx];
  Entity old = e;
  old.fields.clear();
  e.plural = op.entity.plural.empty() ? e.plural : op.entity.plural;
  e.description = op.entity.description;
  e.owner = op.entity.owner;
  e.access = op.entity.access;
  e.timestamps = op.entity.timestamps;
  return Wrap(UpdateEntity{old});
}

Result<SpecEdit> ApplyOp(AppSpec& s, const AddField& op) {
  Entity* e = s.FindEntity(op.entity);
  if (!e) return EditError(NoSuch("entity", op.entity, EntityNames(s)));
  if (e->FindField(op.field.name)) {
    return EditError("field " + Quote(op.field.name) + " already exists in " + Quote(op.entity));
  }
  size_t at = Clamp(op.index, e->fields);
  e->fields.insert(e->fields.begin() + static_cast<ptrdiff_t>(at), op.field);
  return Wrap(RemoveField{op.entity, op.field.name});
}

Result<SpecEdit> ApplyOp(AppSpec& s, const RemoveField& op) {
  Entity* e = s.FindEntity(op.entity);
  if (!e) return EditError(NoSuch("entity", op.entity, EntityNames(s)));
  auto idx = FieldIndex(*e, op.field);
  if (!idx) return idx.error();
  Field old = e->fields[*idx];
  e->fields.erase(e->fields.begin() + static_cast<ptrdiff_t>(*idx));
  return Wrap(AddField{op.entity, old, *idx});
}

Result<SpecEdit> ApplyOp(AppSpec& s, const RenameField& op) {
  Entity* e = s.FindEntity(op.entity);
  if (!e) return EditError(NoSuch("entity", op.entity, EntityNames(s)));
  auto idx = FieldIndex(*e, op.from);
  if (!idx) return idx.error();
  if (e->FindField(op.to)) return EditError("field " + Quote(op.to) + " already exists in " + Quote(op.entity));
  e->fields[*idx].name = op.to;
  if (s.auth.userEntity == op.entity && s.auth.identityField == op.from) s.auth.identityField = op.to;
  return Wrap(RenameField{op.entity, op.to, op.from});
}

Result<SpecEdit> ApplyOp(AppSpec& s, const UpdateField& op) {
  Entity* e = s.FindEntity(op.entity);
  if (!e) return EditError(NoSuch("entity", op.entity, EntityNames(s)));
  auto idx = FieldIndex(*e, op.field.name);
  if (!idx) return idx.error();
  Field old = e->fields[*idx];
  e->fields[*idx] = op.field;
  return Wrap(UpdateField{op.entity, old});
}

Result<SpecEdit> ApplyOp(AppSpec& s, const AddRelation& op) {
  Relation r = op.relation;
  AppSpec probe;
  probe.relations = {r};
  Normalize(probe);  // derive accessor names left empty
  r = probe.relations[0];
  for (const auto& other : s.relations) {
    if (other.from == r.from && other.name == r.name) {
      return EditError("relation " + Quote(r.name) + " already exists on " + Quote(r.from));
    }
  }
  size_t at = Clamp(op.index, s.relations);
  s.relations.insert(s.relations.begin() + static_cast<ptrdiff_t>(at), r);
  return Wrap(RemoveRelation{r.from, r.name});
}

Result<SpecEdit> ApplyOp(AppSpec& s, const RemoveRelation& op) {
  auto idx = RelationIndex(s, op.from, op.name);
  if (!idx) return idx.error();
  Relation old = s.relations[*idx];
  s.relations.erase(s.relations.begin() + static_cast<ptrdiff_t>(*idx));
  return Wrap(AddRelation{old, *idx});
}

Result<SpecEdit> ApplyOp(AppSpec& s, const RenameRelation& op) {
  auto idx = RelationIndex(s, op.from, op.name);
  if (!idx) return idx.error();
  s.relations[*idx].name = op.newName;
  return Wrap(RenameRelation{op.from, op.newName, op.name});
}

Result<SpecEdit> ApplyOp(AppSpec& s, const AddRole& op) {
  if (std::find(s.roles.begin(), s.roles.end(), op.role) != s.roles.end()) {
    return EditError("role " + Quote(op.role) + " already exists");
  }
  size_t at = Clamp(op.index, s.roles);
  s.roles.insert(s.roles.begin() + static_cast<ptrdiff_t>(at), op.role);
  return Wrap(RemoveRole{op.role});
}

void ReplacePrincipal(AppSpec& s, const std::string& from, const std::string& to) {
  for (auto& e : s.entities) {
    if (!e.access) continue;
    for (auto* list : {&e.access->read, &e.access->create, &e.access->update, &e.access->remove}) {
      std::replace(list->begin(), list->end(), from, to);
    }
  }
}

Result<SpecEdit> ApplyOp(AppSpec& s, const RemoveRole& op) {
  auto it = std::find(s.roles.begin(), s.roles.end(), op.role);
  if (it == s.roles.end()) return EditError(NoSuch("role", op.role, s.roles));
  Batch undo;
  undo.ops.push_back(Wrap(AddRole{op.role, static_cast<size_t>(it - s.roles.begin())}));
  for (auto& e : s.entities) {
    if (!e.access) continue;
    Entity before = e;
    before.fields.clear();
    bool changed = false;
    for (auto* list : {&e.access->read, &e.access->create, &e.access->update, &e.access->remove}) {
      auto end = std::remove(list->begin(), list->end(), op.role);
      changed |= end != list->end();
      list->erase(end, list->end());
    }
    if (changed) undo.ops.push_back(Wrap(UpdateEntity{before}));
  }
  s.roles.erase(it);
  return Wrap(std::move(undo));
}

Result<SpecEdit> ApplyOp(AppSpec& s, const RenameRole& op) {
  auto it = std::find(s.roles.begin(), s.roles.end(), op.from);
  if (it == s.roles.end()) return EditError(NoSuch("role", op.from, s.roles));
  if (std::find(s.roles.begin(), s.roles.end(), op.to) != s.roles.end()) {
    return EditError("role " + Quote(op.to) + " already exists");
  }
  *it = op.to;
  ReplacePrincipal(s, op.from, op.to);
  if (s.auth.defaultRole == op.from) s.auth.defaultRole = op.to;
  if (s.auth.adminRole == op.from) s.auth.adminRole = op.to;
  return Wrap(RenameRole{op.to, op.from});
}

Result<SpecEdit> ApplyOp(AppSpec& s, const AddFeature& op) {
  if (s.HasFeature(op.feature)) return EditError("feature " + Quote(ToString(op.feature)) + " is already on");
  s.features.push_back(op.feature);
  std::sort(s.features.begin(), s.features.end());
  return Wrap(RemoveFeature{op.feature});
}

Result<SpecEdit> ApplyOp(AppSpec& s, const RemoveFeature& op) {
  auto it = std::find(s.features.begin(), s.features.end(), op.feature);
  if (it == s.features.end()) return EditError("feature " + Quote(ToString(op.feature)) + " is not on");
  s.features.erase(it);
  return Wrap(AddFeature{op.feature});
}

Result<SpecEdit> ApplyOp(AppSpec& s, const SetStack& op) {
  Stack old = s.stack;
  s.stack = op.stack;
  return Wrap(SetStack{old});
}

Result<SpecEdit> ApplyOp(AppSpec& s, const SetDatabase& op) {
  std::string old = s.stack.database;
  s.stack.database = op.database;
  return Wrap(SetDatabase{old});
}

Result<SpecEdit> ApplyOp(AppSpec& s, const SetMeta& op) {
  SetMeta old{s.name, s.title, s.description};
  s.name = op.name;
  s.title = op.title;
  s.description = op.description;
  return Wrap(old);
}

Result<SpecEdit> ApplyOp(AppSpec& s, const SetAuth& op) {
  Auth old = s.auth;
  s.auth = op.auth;
  return Wrap(SetAuth{old});
}

Result<SpecEdit> ApplyOp(AppSpec& s, const Batch& op) {
  Batch undo;
  for (const auto& sub : op.ops) {
    auto inv = ApplyRaw(s, sub);
    if (!inv) return inv.error();
    undo.ops.insert(undo.ops.begin(), std::move(*inv));
  }
  return Wrap(std::move(undo));
}

Result<SpecEdit> ApplyRaw(AppSpec& s, const SpecEdit& e) {
  return std::visit([&](const auto& op) { return ApplyOp(s, op); }, e.op);
}

// ---- Describe

std::string FieldSummary(const Field& f) {
  std::string t(ToString(f.type));
  if (f.type == FieldType::kEnum) t += ": " + Join(f.enumValues, "|");
  if (f.required) t += ", required";
  if (f.unique) t += ", unique";
  return t;
}

struct Describer {
  std::string operator()(const AddEntity& o) const { return "added entity " + o.entity.name; }
  std::string operator()(const RemoveEntity& o) const { return "removed entity " + o.name; }
  std::string operator()(const RenameEntity& o) const { return "renamed entity " + o.from + " to " + o.to; }
  std::string operator()(const UpdateEntity& o) const { return "updated entity " + o.entity.name; }
  std::string operator()(const AddField& o) const {
    return "added field " + o.entity + "." + o.field.name + " (" + FieldSummary(o.field) + ")";
  }
  std::string operator()(const RemoveField& o) const { return "removed field " + o.entity + "." + o.field; }
  std::string operator()(const RenameField& o) const {
    return "renamed field " + o.entity + "." + o.from + " to " + o.to;
  }
  std::string operator()(const UpdateField& o) const {
    return "changed field " + o.entity + "." + o.field.name + " to " + FieldSummary(o.field);
  }
  std::string operator()(const AddRelation& o) const {
    return "added relation " + o.relation.from + " " + std::string(ToString(o.relation.kind)) + " " + o.relation.to;
  }
  std::string operator()(const RemoveRelation& o) const { return "removed relation " + o.from + "." + o.name; }
  std::string operator()(const RenameRelation& o) const {
    return "renamed relation " + o.from + "." + o.name + " to " + o.newName;
  }
  std::string operator()(const AddRole& o) const { return "added role " + o.role; }
  std::string operator()(const RemoveRole& o) const { return "removed role " + o.role; }
  std::string operator()(const RenameRole& o) const { return "renamed role " + o.from + " to " + o.to; }
  std::string operator()(const AddFeature& o) const { return "turned on " + std::string(ToString(o.feature)); }
  std::string operator()(const RemoveFeature& o) const { return "turned off " + std::string(ToString(o.feature)); }
  std::string operator()(const SetStack& o) const {
    std::string s = "set stack to " + (o.stack.language.empty() ? std::string("(recommended)") : o.stack.language);
    if (!o.stack.framework.empty()) s += "/" + o.stack.framework;
    if (!o.stack.database.empty()) s += " with " + o.stack.database;
    return s;
  }
  std::string operator()(const SetDatabase& o) const {
    return "set database to " + (o.database.empty() ? std::string("(recommended)") : o.database);
  }
  std::string operator()(const SetMeta& o) const { return "set project name to " + o.name; }
  std::string operator()(const SetAuth&) const { return "updated auth settings"; }
  std::string operator()(const Batch& o) const {
    std::vector<std::string> parts;
    for (const auto& sub : o.ops) parts.push_back(Describe(sub));
    return Join(parts, "; ");
  }
};

// ---- JSON

using nlohmann::json;
using nlohmann::ordered_json;

ordered_json AuthJson(const Auth& a) {
  AppSpec tmp;
  tmp.auth = a;
  return ToJson(tmp)["auth"];
}

struct Jsoner {
  ordered_json operator()(const AddEntity& o) const {
    ordered_json j{{"op", "addEntity"}, {"entity", ToJson(o.entity)}};
    if (o.index) j["index"] = *o.index;
    return j;
  }
  ordered_json operator()(const RemoveEntity& o) const { return {{"op", "removeEntity"}, {"name", o.name}}; }
  ordered_json operator()(const RenameEntity& o) const {
    ordered_json j{{"op", "renameEntity"}, {"from", o.from}, {"to", o.to}};
    if (!o.plural.empty()) j["plural"] = o.plural;
    return j;
  }
  ordered_json operator()(const UpdateEntity& o) const { return {{"op", "updateEntity"}, {"entity", ToJson(o.entity)}}; }
  ordered_json operator()(const AddField& o) const {
    ordered_json j{{"op", "addField"}, {"entity", o.entity}, {"field", ToJson(o.field)}};
    if (o.index) j["index"] = *o.index;
    return j;
  }
  ordered_json operator()(const RemoveField& o) const {
    return {{"op", "removeField"}, {"entity", o.entity}, {"field", o.field}};
  }
  ordered_json operator()(const RenameField& o) const {
    return {{"op", "renameField"}, {"entity", o.entity}, {"from", o.from}, {"to", o.to}};
  }
  ordered_json operator()(const UpdateField& o) const {
    return {{"op", "updateField"}, {"entity", o.entity}, {"field", ToJson(o.field)}};
  }
  ordered_json operator()(const AddRelation& o) const {
    ordered_json j{{"op", "addRelation"}, {"relation", ToJson(o.relation)}};
    if (o.index) j["index"] = *o.index;
    return j;
  }
  ordered_json operator()(const RemoveRelation& o) const {
    return {{"op", "removeRelation"}, {"from", o.from}, {"name", o.name}};
  }
  ordered_json operator()(const RenameRelation& o) const {
    return {{"op", "renameRelation"}, {"from", o.from}, {"name", o.name}, {"newName", o.newName}};
  }
  ordered_json operator()(const AddRole& o) const {
    ordered_json j{{"op", "addRole"}, {"role", o.role}};
    if (o.index) j["index"] = *o.index;
    return j;
  }
  ordered_json operator()(const RemoveRole& o) const { return {{"op", "removeRole"}, {"role", o.role}}; }
  ordered_json operator()(const RenameRole& o) const { return {{"op", "renameRole"}, {"from", o.from}, {"to", o.to}}; }
  ordered_json operator()(const AddFeature& o) const { return {{"op", "addFeature"}, {"feature", ToString(o.feature)}}; }
  ordered_json operator()(const RemoveFeature& o) const {
    return {{"op", "removeFeature"}, {"feature", ToString(o.feature)}};
  }
  ordered_json operator()(const SetStack& o) const {
    return {{"op", "setStack"},
            {"stack", {{"language", o.stack.language}, {"framework", o.stack.framework}, {"database", o.stack.database}}}};
  }
  ordered_json operator()(const SetDatabase& o) const { return {{"op", "setDatabase"}, {"database", o.database}}; }
  ordered_json operator()(const SetMeta& o) const {
    return {{"op", "setMeta"}, {"name", o.name}, {"title", o.title}, {"description", o.description}};
  }
  ordered_json operator()(const SetAuth& o) const { return {{"op", "setAuth"}, {"auth", AuthJson(o.auth)}}; }
  ordered_json operator()(const Batch& o) const {
    ordered_json ops = ordered_json::array();
    for (const auto& sub : o.ops) ops.push_back(ToJson(sub));
    return {{"op", "batch"}, {"ops", ops}};
  }
};

std::string Str(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::optional<size_t> Index(const json& j) {
  auto it = j.find("index");
  if (it != j.end() && it->is_number_unsigned()) return it->get<size_t>();
  return std::nullopt;
}

Result<SpecEdit> ParseOpJson(const json& j, const std::string& path) {
  auto fail = [&](const std::string& msg) -> Result<SpecEdit> {
    return MakeError("spec.edit", (path.empty() ? "" : path + ": ") + msg);
  };
  if (!j.is_object()) return fail("an edit must be an object with an \"op\" key");
  const std::string op = Str(j, "op");
  std::vector<SpecIssue> issues;
  auto issues_error = [&]() -> std::optional<Error> {
    if (issues.empty()) return std::nullopt;
    std::vector<std::string> msgs;
    for (const auto& i : issues) msgs.push_back(i.ToString());
    return MakeError("spec.edit", Join(msgs, "; "));
  };
  auto feature = [&]() -> std::optional<Feature> { return ParseFeature(Str(j, "feature")); };
  auto sub = [&](const char* key) { return path.empty() ? std::string(key) : path + "." + key; };
  SpecEdit out;
  if (op == "addEntity") {
    out.op = AddEntity{ParseEntity(j.value("entity", json::object()), sub("entity"), issues), Index(j)};
  } else if (op == "removeEntity") {
    out.op = RemoveEntity{Str(j, "name")};
  } else if (op == "renameEntity") {
    out.op = RenameEntity{Str(j, "from"), Str(j, "to"), Str(j, "plural")};
  } else if (op == "updateEntity") {
    out.op = UpdateEntity{ParseEntity(j.value("entity", json::object()), sub("entity"), issues)};
  } else if (op == "addField") {
    out.op = AddField{Str(j, "entity"), ParseField(j.value("field", json::object()), sub("field"), issues), Index(j)};
  } else if (op == "removeField") {
    out.op = RemoveField{Str(j, "entity"), Str(j, "field")};
  } else if (op == "renameField") {
    out.op = RenameField{Str(j, "entity"), Str(j, "from"), Str(j, "to")};
  } else if (op == "updateField") {
    out.op = UpdateField{Str(j, "entity"), ParseField(j.value("field", json::object()), sub("field"), issues)};
  } else if (op == "addRelation") {
    out.op = AddRelation{ParseRelation(j.value("relation", json::object()), sub("relation"), issues), Index(j)};
  } else if (op == "removeRelation") {
    out.op = RemoveRelation{Str(j, "from"), Str(j, "name")};
  } else if (op == "renameRelation") {
    out.op = RenameRelation{Str(j, "from"), Str(j, "name"), Str(j, "newName")};
  } else if (op == "addRole") {
    out.op = AddRole{Str(j, "role"), Index(j)};
  } else if (op == "removeRole") {
    out.op = RemoveRole{Str(j, "role")};
  } else if (op == "renameRole") {
    out.op = RenameRole{Str(j, "from"), Str(j, "to")};
  } else if (op == "addFeature" || op == "removeFeature") {
    auto f = feature();
    if (!f) return fail("unknown feature " + Quote(Str(j, "feature")) + " (expected one of " + Join(FeatureNames(), ", ") + ")");
    if (op == "addFeature") out.op = AddFeature{*f};
    else out.op = RemoveFeature{*f};
  } else if (op == "setStack") {
    json st = j.value("stack", json::object());
    out.op = SetStack{Stack{Str(st, "language"), Str(st, "framework"), Str(st, "database")}};
  } else if (op == "setDatabase") {
    out.op = SetDatabase{Str(j, "database")};
  } else if (op == "setMeta") {
    out.op = SetMeta{Str(j, "name"), Str(j, "title"), Str(j, "description")};
  } else if (op == "setAuth") {
    ParsedSpec p = ParseSpec(json{{"name", "x"}, {"auth", j.value("auth", json::object())}});
    for (auto& i : p.issues) issues.push_back(i);
    out.op = SetAuth{p.spec.auth};
  } else if (op == "batch") {
    Batch b;
    json ops = j.value("ops", json::array());
    if (!ops.is_array()) return fail("\"ops\" must be an array of edits");
    for (size_t i = 0; i < ops.size(); ++i) {
      auto parsed = ParseOpJson(ops[i], sub("ops") + "[" + std::to_string(i) + "]");
      if (!parsed) return parsed.error();
      b.ops.push_back(std::move(*parsed));
    }
    out.op = std::move(b);
  } else {
    return fail("unknown op " + Quote(op) +
                " (expected addEntity, removeEntity, renameEntity, updateEntity, addField, removeField, renameField, "
                "updateField, addRelation, removeRelation, renameRelation, addRole, removeRole, renameRole, "
                "addFeature, removeFeature, setStack, setDatabase, setMeta, setAuth or batch)");
  }
  if (auto err = issues_error()) return *err;
  return out;
}

}  // namespace

Result<SpecEdit> Apply(AppSpec& spec, const SpecEdit& e) {
  AppSpec draft = spec;
  auto inverse = ApplyRaw(draft, e);
  if (!inverse) return inverse.error();
  auto issues = Validate(draft);
  if (!issues.empty()) {
    std::vector<std::string> msgs;
    for (const auto& i : issues) msgs.push_back(i.ToString());
    return MakeError("spec.invalid", "rejected edit (" + Describe(e) + "): " + Join(msgs, "; "));
  }
  spec = std::move(draft);
  return inverse;
}

std::string Describe(const SpecEdit& e) { return std::visit(Describer{}, e.op); }

nlohmann::ordered_json ToJson(const SpecEdit& e) { return std::visit(Jsoner{}, e.op); }

Result<SpecEdit> EditFromJson(const nlohmann::json& j) { return ParseOpJson(j, ""); }

}  // namespace bf::spec
