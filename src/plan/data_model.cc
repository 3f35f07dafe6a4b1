#include "plan/data_model.h"

#include <set>

#include "spec/naming.h"

namespace bf::plan {
namespace {

using spec::RelationKind;

std::string NumberText(double d) {
  nlohmann::json j = d;
  return j.dump();
}

Column IdColumn() {
  Column c;
  c.name = std::string(spec::kIdField);
  c.type = "uuid";
  c.origin = ColumnOrigin::kId;
  c.primaryKey = true;
  c.required = true;
  return c;
}

Column FieldColumn(const spec::Field& f) {
  Column c;
  c.name = f.name;
  c.type = std::string(spec::ToString(f.type));
  c.unique = f.unique;
  c.required = f.required;
  c.constraints = FieldConstraints(f);
  return c;
}

Column ForeignKey(const std::string& name, const std::string& references,
                  const std::string& relation, bool required, bool unique) {
  Column c;
  c.name = name;
  c.type = "uuid";
  c.origin = ColumnOrigin::kForeignKey;
  c.foreignKey = true;
  c.unique = unique;
  c.required = required;
  c.references = references;
  c.relationName = relation;
  if (required) c.constraints.push_back("required");
  if (unique) c.constraints.push_back("unique");
  c.constraints.push_back("references " + references + ".id");
  return c;
}

void AddAuthColumns(Table& t) {
  Column hash;
  hash.name = "passwordHash";
  hash.type = "string";
  hash.origin = ColumnOrigin::kAuth;
  hash.required = true;
  hash.constraints = {"required", "argon2id hash, never returned"};
  t.columns.push_back(hash);
  Column role;
  role.name = "role";
  role.type = "string";
  role.origin = ColumnOrigin::kAuth;
  role.required = true;
  role.constraints = {"required", "set by the server"};
  t.columns.push_back(role);
}

void AddTimestamps(Table& t) {
  for (std::string_view n : {spec::kCreatedAtField, spec::kUpdatedAtField}) {
    Column c;
    c.name = std::string(n);
    c.type = "datetime";
    c.origin = ColumnOrigin::kTimestamp;
    c.required = true;
    c.constraints = {"set by the server"};
    t.columns.push_back(c);
  }
}

}  // namespace

std::vector<std::string> FieldConstraints(const spec::Field& f) {
  std::vector<std::string> out;
  if (f.required) out.push_back("required");
  if (f.unique) out.push_back("unique");
  if (f.maxLength) out.push_back("max " + std::to_string(*f.maxLength) + " chars");
  if (f.min) out.push_back("min " + NumberText(*f.min));
  if (f.max) out.push_back("max " + NumberText(*f.max));
  if (!f.enumValues.empty()) {
    std::string v;
    for (size_t i = 0; i < f.enumValues.size(); ++i) v += (i ? "|" : "") + f.enumValues[i];
    out.push_back("values " + v);
  }
  if (f.defaultValue) out.push_back("default " + f.defaultValue->dump());
  return out;
}

std::vector<JoinTable> JoinTables(const spec::AppSpec& spec) {
  std::vector<JoinTable> out(spec.relations.size());
  std::set<std::string> taken;
  for (const auto& e : spec.entities) taken.insert(e.name);
  for (size_t i = 0; i < spec.relations.size(); ++i) {
    const spec::Relation& r = spec.relations[i];
    if (r.kind != RelationKind::kManyToMany) continue;
    std::string base = r.through.empty() ? r.from + naming::ToPascalCase(r.name) : r.through;
    std::string name = base;
    for (int n = 2; taken.count(name); ++n) name = base + std::to_string(n);
    taken.insert(name);
    JoinTable& j = out[i];
    j.name = name;
    if (r.from == r.to) {
      j.fromColumn = naming::ToCamelCase(naming::SingularizeName(r.inverse)) + "Id";
      j.toColumn = naming::ToCamelCase(naming::SingularizeName(r.name)) + "Id";
      // "followers"/"follower" style pairs can singularize to the same word.
      if (j.fromColumn == j.toColumn) {
        j.fromColumn = naming::ToCamelCase(r.inverse) + "Id";
        j.toColumn = naming::ToCamelCase(r.name) + "Id";
      }
    } else {
      j.fromColumn = naming::ToCamelCase(r.from) + "Id";
      j.toColumn = naming::ToCamelCase(r.to) + "Id";
    }
  }
  return out;
}

std::vector<Table> BuildTables(const spec::AppSpec& spec) {
  std::vector<Table> tables;
  tables.reserve(spec.entities.size() + spec.relations.size());
  for (const auto& e : spec.entities) {
    Table t;
    t.name = e.name;
    t.entity = &e;
    t.columns.push_back(IdColumn());
    for (const auto& f : e.fields) t.columns.push_back(FieldColumn(f));
    if (spec.auth.enabled && e.name == spec.auth.userEntity) AddAuthColumns(t);
    // Foreign keys live on `to` for one-to-many and one-to-one relations.
    for (const auto& r : spec.relations) {
      if (r.kind == RelationKind::kManyToMany || r.to != e.name) continue;
      t.columns.push_back(ForeignKey(r.inverse + "Id", r.from, r.inverse, r.required,
                                     r.kind == RelationKind::kOneToOne));
    }
    if (e.timestamps) AddTimestamps(t);
    tables.push_back(std::move(t));
  }
  std::vector<JoinTable> joins = JoinTables(spec);
  for (size_t i = 0; i < spec.relations.size(); ++i) {
    const spec::Relation& r = spec.relations[i];
    if (r.kind != RelationKind::kManyToMany) continue;
    Table t;
    t.name = joins[i].name;
    t.isJoin = true;
    t.relation = &r;
    Column a = ForeignKey(joins[i].fromColumn, r.from, r.name, true, false);
    Column b = ForeignKey(joins[i].toColumn, r.to, r.inverse, true, false);
    a.primaryKey = b.primaryKey = true;  // composite primary key: one row per pair
    t.columns.push_back(a);
    t.columns.push_back(b);
    Column created;
    created.name = std::string(spec::kCreatedAtField);
    created.type = "datetime";
    created.origin = ColumnOrigin::kTimestamp;
    created.required = true;
    created.constraints = {"set by the server"};
    t.columns.push_back(created);
    tables.push_back(std::move(t));
  }
  return tables;
}

const spec::Relation* OwnerRelation(const spec::AppSpec& spec, const spec::Entity& entity) {
  if (!entity.owner) return nullptr;
  for (const auto& r : spec.relations) {
    if (r.from == spec.auth.userEntity && r.to == entity.name && r.inverse == *entity.owner &&
        r.kind != RelationKind::kManyToMany) {
      return &r;
    }
  }
  return nullptr;
}

}  // namespace bf::plan
