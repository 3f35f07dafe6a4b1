// The physical data model derived from an AppSpec: every table's columns (implicit id and
// timestamps, declared fields, auth-managed columns, foreign keys) and the join tables of
// many-to-many relations. The ER diagram, the plan's entity tables and the generators read
// this one derivation so column names agree everywhere.
#pragma once

#include <string>
#include <vector>

#include "spec/app_spec.h"

namespace bf::plan {

enum class ColumnOrigin { kId, kField, kForeignKey, kAuth, kTimestamp };

struct Column {
  std::string name;  // camelCase, e.g. "authorId"
  std::string type;  // a spec field type name ("string", "uuid", ...)
  ColumnOrigin origin = ColumnOrigin::kField;
  bool primaryKey = false;
  bool foreignKey = false;
  bool unique = false;
  bool required = false;
  std::string references;                // foreign keys: the referenced table (entity or join name)
  std::string relationName;              // foreign keys: the relation accessor this column backs
  std::vector<std::string> constraints;  // human-readable, e.g. "max 120", "default \"draft\""
};

struct Table {
  std::string name;  // entity name, or join table name
  bool isJoin = false;
  const spec::Entity* entity = nullptr;      // null for join tables
  const spec::Relation* relation = nullptr;  // join tables: the many-to-many relation
  std::vector<Column> columns;
};

// A many-to-many join table: one row (fromColumn=a, toColumn=b) means `b` is in `a.<name>`.
struct JoinTable {
  std::string name;        // `through`, else `<From><Name>` (suffixed with 2, 3, ... on a clash)
  std::string fromColumn;  // `<from>Id`; for self relations `<singular inverse>Id`
  std::string toColumn;    // `<to>Id`;   for self relations `<singular name>Id`
};

// Join-table naming for every many-to-many relation of `spec`, index-aligned with
// spec.relations (entries for other kinds are empty). Names never clash with an entity.
std::vector<JoinTable> JoinTables(const spec::AppSpec& spec);

// All tables: entities in spec order, then join tables in relation order. The returned
// tables point into `spec`, which must outlive them.
std::vector<Table> BuildTables(const spec::AppSpec& spec);

// Text of the field's constraints ("required", "unique", "max 120", "min 0", "values a|b",
// "default ..."), in that order.
std::vector<std::string> FieldConstraints(const spec::Field& field);

// The relation from the user entity whose inverse is `entity.owner` (the owner reference);
// null when the entity is not owned or the spec is inconsistent.
const spec::Relation* OwnerRelation(const spec::AppSpec& spec, const spec::Entity& entity);

}  // namespace bf::plan
