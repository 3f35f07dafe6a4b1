#include "spec/app_spec.h"

#include <algorithm>
#include <array>

namespace bf::spec {
namespace {

template <class E, size_t N>
std::optional<E> ParseEnum(std::string_view s, const std::array<std::string_view, N>& names) {
  for (size_t i = 0; i < N; ++i) {
    if (names[i] == s) return static_cast<E>(i);
  }
  return std::nullopt;
}

template <size_t N>
std::vector<std::string> ToVector(const std::array<std::string_view, N>& names) {
  return {names.begin(), names.end()};
}

constexpr std::array<std::string_view, 12> kFieldTypes = {
    "string", "text", "integer", "number", "boolean", "datetime",
    "date",   "email", "url",    "enum",   "uuid",    "json"};
constexpr std::array<std::string_view, 3> kRelationKinds = {"one-to-one", "one-to-many",
                                                            "many-to-many"};
constexpr std::array<std::string_view, 3> kOnDelete = {"cascade", "set-null", "restrict"};
constexpr std::array<std::string_view, 12> kFeatures = {
    "auth",     "roles",      "realtime", "notifications", "file_uploads",  "search",
    "payments", "scheduling", "email",    "audit_log",     "multi_tenancy", "rate_limiting"};

}  // namespace

std::string_view ToString(FieldType t) { return kFieldTypes[static_cast<size_t>(t)]; }
std::string_view ToString(RelationKind k) { return kRelationKinds[static_cast<size_t>(k)]; }
std::string_view ToString(OnDelete d) { return kOnDelete[static_cast<size_t>(d)]; }
std::string_view ToString(Feature f) { return kFeatures[static_cast<size_t>(f)]; }

std::optional<FieldType> ParseFieldType(std::string_view s) { return ParseEnum<FieldType>(s, kFieldTypes); }
std::optional<RelationKind> ParseRelationKind(std::string_view s) {
  return ParseEnum<RelationKind>(s, kRelationKinds);
}
std::optional<OnDelete> ParseOnDelete(std::string_view s) { return ParseEnum<OnDelete>(s, kOnDelete); }
std::optional<Feature> ParseFeature(std::string_view s) { return ParseEnum<Feature>(s, kFeatures); }

const std::vector<std::string>& FieldTypeNames() {
  static const auto names = ToVector(kFieldTypes);
  return names;
}
const std::vector<std::string>& RelationKindNames() {
  static const auto names = ToVector(kRelationKinds);
  return names;
}
const std::vector<std::string>& OnDeleteNames() {
  static const auto names = ToVector(kOnDelete);
  return names;
}
const std::vector<std::string>& FeatureNames() {
  static const auto names = ToVector(kFeatures);
  return names;
}

bool IsTextual(FieldType t) {
  switch (t) {
    case FieldType::kString:
    case FieldType::kText:
    case FieldType::kEmail:
    case FieldType::kUrl:
    case FieldType::kEnum:
    case FieldType::kUuid:
      return true;
    default:
      return false;
  }
}

bool IsNumeric(FieldType t) { return t == FieldType::kInteger || t == FieldType::kNumber; }

const Field* Entity::FindField(std::string_view field_name) const {
  for (const auto& f : fields) {
    if (f.name == field_name) return &f;
  }
  return nullptr;
}

const Entity* AppSpec::FindEntity(std::string_view entity_name) const {
  for (const auto& e : entities) {
    if (e.name == entity_name) return &e;
  }
  return nullptr;
}

Entity* AppSpec::FindEntity(std::string_view entity_name) {
  for (auto& e : entities) {
    if (e.name == entity_name) return &e;
  }
  return nullptr;
}

bool AppSpec::HasFeature(Feature f) const {
  return std::find(features.begin(), features.end(), f) != features.end();
}

Access EffectiveAccess(const AppSpec& spec, const Entity& entity) {
  if (entity.access) return *entity.access;
  Access a;
  if (!spec.auth.enabled) {
    a.read = a.create = a.update = a.remove = {"public"};
    return a;
  }
  a.read = {"authenticated"};
  if (entity.name == spec.auth.userEntity) {
    // Users register through /auth/register; they may edit themselves.
    a.create = {spec.auth.adminRole};
    a.update = {"owner"};
    a.remove = {spec.auth.adminRole};
    return a;
  }
  if (entity.owner) {
    a.create = {"authenticated"};
    a.update = a.remove = {"owner"};
  } else {
    a.create = a.update = a.remove = {spec.auth.adminRole};
  }
  return a;
}

}  // namespace bf::spec
