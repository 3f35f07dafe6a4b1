// AppSpec: the typed description of a backend. Every layer reads it; the analyzer writes it;
// the JSON form (docs/APPSPEC.md, schemas/appspec.schema.json) is what other tools exchange.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bf::spec {

inline constexpr int kSpecVersion = 1;

enum class FieldType { kString, kText, kInteger, kNumber, kBoolean, kDateTime, kDate, kEmail, kUrl, kEnum, kUuid, kJson };
enum class RelationKind { kOneToOne, kOneToMany, kManyToMany };
enum class OnDelete { kCascade, kSetNull, kRestrict };
enum class Feature {
  kAuth, kRoles, kRealtime, kNotifications, kFileUploads, kSearch, kPayments, kScheduling,
  kEmail, kAuditLog, kMultiTenancy, kRateLimiting
};

std::string_view ToString(FieldType t);
std::string_view ToString(RelationKind k);
std::string_view ToString(OnDelete d);
std::string_view ToString(Feature f);
std::optional<FieldType> ParseFieldType(std::string_view s);
std::optional<RelationKind> ParseRelationKind(std::string_view s);
std::optional<OnDelete> ParseOnDelete(std::string_view s);
std::optional<Feature> ParseFeature(std::string_view s);
// Names in the order of the enums, for error messages and the JSON Schema.
const std::vector<std::string>& FieldTypeNames();
const std::vector<std::string>& RelationKindNames();
const std::vector<std::string>& OnDeleteNames();
const std::vector<std::string>& FeatureNames();
// Strings (string, text, email, url, enum, uuid) vs numbers, for constraint checks.
bool IsTextual(FieldType t);
bool IsNumeric(FieldType t);

struct Field {
  std::string name;  // camelCase
  FieldType type = FieldType::kString;
  bool required = false;
  bool unique = false;
  std::optional<nlohmann::json> defaultValue;  // a JSON scalar of the field's type
  std::vector<std::string> enumValues;         // only for kEnum, at least one
  std::optional<int64_t> maxLength;            // textual types only
  std::optional<double> min;                   // numeric types only
  std::optional<double> max;
  std::string description;

  bool operator==(const Field&) const = default;
};

// Who may perform an operation: each list holds principals, "public", "authenticated",
// "owner" (the entity's owner reference) or a role name. Admins may always do everything.
struct Access {
  std::vector<std::string> read;
  std::vector<std::string> create;
  std::vector<std::string> update;
  std::vector<std::string> remove;  // "delete" in JSON

  bool operator==(const Access&) const = default;
};

struct Entity {
  std::string name;    // singular PascalCase, e.g. "OrderItem"
  std::string plural;  // PascalCase plural, e.g. "OrderItems"
  std::string description;
  std::vector<Field> fields;  // id, createdAt and updatedAt are implicit
  // The reference (a relation's `inverse` on this entity) naming the user who owns a record.
  std::optional<std::string> owner;
  std::optional<Access> access;  // absent: defaults from EffectiveAccess()
  bool timestamps = true;

  const Field* FindField(std::string_view field_name) const;
  bool operator==(const Entity&) const = default;
};

// A link between two entities.
//  one-to-many: `from` is the "one" side; `to` holds the foreign key `<inverse>Id`.
//  one-to-one:  `to` holds a unique foreign key `<inverse>Id`.
//  many-to-many: a join table (named by `through`, or `<from><Name>` when empty).
struct Relation {
  std::string from;
  std::string to;
  RelationKind kind = RelationKind::kOneToMany;
  std::string name;     // accessor on `from`, e.g. User.posts
  std::string inverse;  // accessor on `to`, e.g. Post.author (foreign key authorId)
  bool required = false;  // the foreign key is NOT NULL (one-to-*)
  OnDelete onDelete = OnDelete::kCascade;
  std::string through;  // many-to-many only: join table / entity name

  bool operator==(const Relation&) const = default;
};

struct Stack {
  std::string language;   // "typescript", "python", "go", "rust", "java", "cpp"; empty: planner picks
  std::string framework;  // "express", "fastapi", "gin", "axum", "spring", "drogon"; empty: default
  std::string database;   // "sqlite", "postgres", "mongodb", "mysql"; empty: planner picks

  bool operator==(const Stack&) const = default;
};

struct Auth {
  bool enabled = true;
  std::string userEntity = "User";    // the entity whose records can log in
  std::string identityField = "email";
  std::string defaultRole = "user";   // role given at registration
  std::string adminRole = "admin";
  int accessTokenMinutes = 15;
  int refreshTokenDays = 7;

  bool operator==(const Auth&) const = default;
};

struct AppSpec {
  int specVersion = kSpecVersion;
  std::string name;  // kebab-case project id, e.g. "blog-api"
  std::string title;
  std::string description;
  Stack stack;
  std::vector<Feature> features;
  std::vector<std::string> roles;
  Auth auth;
  std::vector<Entity> entities;
  std::vector<Relation> relations;

  const Entity* FindEntity(std::string_view entity_name) const;
  Entity* FindEntity(std::string_view entity_name);
  bool HasFeature(Feature f) const;
  bool operator==(const AppSpec&) const = default;
};

// The access rules in force for an entity: the explicit ones, or the defaults
// (read: authenticated; create: authenticated; update/delete: owner when owned, else admin).
Access EffectiveAccess(const AppSpec& spec, const Entity& entity);

// Implicit columns every entity has.
inline constexpr std::string_view kIdField = "id";
inline constexpr std::string_view kCreatedAtField = "createdAt";
inline constexpr std::string_view kUpdatedAtField = "updatedAt";

}  // namespace bf::spec
