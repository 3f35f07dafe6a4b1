#include "spec/validate.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "common/strings.h"
#include "spec/naming.h"

namespace bf::spec {
namespace {

using naming::IsCamelCase;
using naming::IsPascalCase;

constexpr size_t kMaxNameLength = 64;
const std::vector<std::string> kLanguages = {"typescript", "python", "go", "rust", "java", "cpp"};
const std::vector<std::string> kDatabases = {"sqlite", "postgres", "mongodb", "mysql"};
// Columns the generated backends add to every entity or to the user entity.
const std::vector<std::string> kImplicitFields = {"id", "createdAt", "updatedAt"};
const std::vector<std::string> kAuthManagedFields = {"password", "passwordHash", "role"};

std::string Idx(std::string_view base, size_t i) {
  return std::string(base) + "[" + std::to_string(i) + "]";
}

class Validator {
 public:
  explicit Validator(const AppSpec& s) : s_(s) {
    for (const auto& e : s_.entities) entity_names_.push_back(e.name);
  }

  std::vector<SpecIssue> Run() {
    CheckTop();
    CheckRoles();
    CheckAuth();
    CheckEntities();
    CheckRelations();
    CheckOwnersAndAccess();
    return std::move(issues_);
  }

 private:
  void Add(std::string path, std::string msg) { issues_.push_back({std::move(path), std::move(msg)}); }

  std::string NoEntity(const std::string& name) {
    std::string msg = "no entity named " + Quote(name);
    std::string close = ClosestMatch(name, entity_names_);
    if (!close.empty()) msg += "; did you mean " + Quote(close) + "?";
    else if (!entity_names_.empty()) msg += " (entities: " + Join(entity_names_, ", ") + ")";
    return msg;
  }

  void CheckTop() {
    if (s_.specVersion != kSpecVersion) {
      Add("specVersion", "unsupported version " + std::to_string(s_.specVersion) +
                             " (this BackendForge reads version " + std::to_string(kSpecVersion) + ")");
    }
    if (s_.name.empty()) {
      Add("name", "is required (a kebab-case project id such as \"blog-api\")");
    } else if (!naming::IsKebabCase(s_.name) || s_.name.size() > kMaxNameLength) {
      Add("name", Quote(s_.name) + " must be kebab-case, at most 64 characters (e.g. " +
                      Quote(naming::ToKebabCase(s_.name).empty() ? "my-app" : naming::ToKebabCase(s_.name)) + ")");
    }
    if (!s_.stack.language.empty() &&
        std::find(kLanguages.begin(), kLanguages.end(), s_.stack.language) == kLanguages.end()) {
      std::string msg = "unknown language " + Quote(s_.stack.language) + " (expected one of " +
                        Join(kLanguages, ", ") + ")";
      std::string close = ClosestMatch(s_.stack.language, kLanguages);
      if (!close.empty()) msg += "; did you mean " + Quote(close) + "?";
      Add("stack.language", msg);
    }
    if (!s_.stack.database.empty() &&
        std::find(kDatabases.begin(), kDatabases.end(), s_.stack.database) == kDatabases.end()) {
      std::string msg = "unknown database " + Quote(s_.stack.database) + " (expected one of " +
                        Join(kDatabases, ", ") + ")";
      std::string close = ClosestMatch(s_.stack.database, kDatabases);
      if (!close.empty()) msg += "; did you mean " + Quote(close) + "?";
      Add("stack.database", msg);
    }
    std::set<Feature> seen;
    for (size_t i = 0; i < s_.features.size(); ++i) {
      if (!seen.insert(s_.features[i]).second) {
        Add(Idx("features", i), "duplicate feature " + Quote(ToString(s_.features[i])));
      }
    }
    bool needs_auth = s_.HasFeature(Feature::kRoles) || s_.HasFeature(Feature::kMultiTenancy);
    if (needs_auth && !s_.auth.enabled) {
      Add("features", "\"roles\" and \"multi_tenancy\" need authentication; set auth.enabled to true");
    }
    if (s_.HasFeature(Feature::kAuth) != s_.auth.enabled) {
      Add("features", s_.auth.enabled
                          ? "auth.enabled is true but \"auth\" is not in features; add it"
                          : "\"auth\" is in features but auth.enabled is false; remove one of them");
    }
    if (s_.entities.empty()) Add("entities", "a spec needs at least one entity");
  }

  void CheckRoles() {
    std::set<std::string> seen;
    for (size_t i = 0; i < s_.roles.size(); ++i) {
      const auto& r = s_.roles[i];
      if (!naming::IsSnakeCase(r) || r.size() > kMaxNameLength) {
        Add(Idx("roles", i), "role " + Quote(r) + " must be lowercase snake_case (e.g. " +
                                 Quote(naming::ToSnakeCase(r).empty() ? "editor" : naming::ToSnakeCase(r)) + ")");
      }
      if (r == "public" || r == "authenticated" || r == "owner") {
        Add(Idx("roles", i), Quote(r) + " is a reserved access principal, not a role; pick another name");
      }
      if (!seen.insert(r).second) Add(Idx("roles", i), "duplicate role " + Quote(r));
    }
  }

  bool HasRole(const std::string& r) const {
    return std::find(s_.roles.begin(), s_.roles.end(), r) != s_.roles.end();
  }

  void CheckAuth() {
    if (!s_.auth.enabled) return;
    const Auth& a = s_.auth;
    if (!HasRole(a.defaultRole)) {
      Add("auth.defaultRole", "role " + Quote(a.defaultRole) + " is not in roles (" + Join(s_.roles, ", ") + "); add it to roles");
    }
    if (!HasRole(a.adminRole)) {
      Add("auth.adminRole", "role " + Quote(a.adminRole) + " is not in roles (" + Join(s_.roles, ", ") + "); add it to roles");
    }
    if (a.accessTokenMinutes < 1 || a.accessTokenMinutes > 60) {
      Add("auth.accessTokenMinutes", "must be between 1 and 60 (short-lived access tokens); got " +
                                         std::to_string(a.accessTokenMinutes));
    }
    if (a.refreshTokenDays < 1 || a.refreshTokenDays > 90) {
      Add("auth.refreshTokenDays", "must be between 1 and 90; got " + std::to_string(a.refreshTokenDays));
    }
    const Entity* user = s_.FindEntity(a.userEntity);
    if (!user) {
      Add("auth.userEntity", NoEntity(a.userEntity) + " (the entity whose records log in)");
      return;
    }
    const Field* id = user->FindField(a.identityField);
    size_t ui = static_cast<size_t>(user - s_.entities.data());
    if (!id) {
      Add(Idx("entities", ui) + ".fields", "the user entity " + Quote(user->name) + " needs the identity field " +
                                               Quote(a.identityField) + " (type email, required, unique)");
    } else if (!(id->type == FieldType::kEmail || id->type == FieldType::kString) || !id->required ||
               !id->unique) {
      Add("auth.identityField", "field " + Quote(a.identityField) + " of " + Quote(user->name) +
                                    " must be of type email or string, required and unique");
    }
  }

  void CheckEntities() {
    std::map<std::string, size_t> names, plurals;
    for (size_t i = 0; i < s_.entities.size(); ++i) {
      const Entity& e = s_.entities[i];
      std::string p = Idx("entities", i);
      if (!IsPascalCase(e.name) || e.name.size() > kMaxNameLength) {
        std::string fix = naming::ToPascalCase(e.name);
        Add(p + ".name", "entity name " + Quote(e.name) + " must be singular PascalCase" +
                             (fix.empty() ? std::string() : " (e.g. " + Quote(fix) + ")"));
      }
      if (auto [it, fresh] = names.emplace(ToLower(e.name), i); !fresh) {
        Add(p + ".name", "duplicate entity " + Quote(e.name) + " (also entities[" + std::to_string(it->second) + "])");
      }
      if (e.plural.empty() || !IsPascalCase(e.plural)) {
        Add(p + ".plural", "plural " + Quote(e.plural) + " must be PascalCase (e.g. " +
                               Quote(naming::PluralizeName(e.name)) + ")");
      } else if (auto [it, fresh] = plurals.emplace(ToLower(e.plural), i); !fresh) {
        if (it->second != i) {
          Add(p + ".plural", "plural " + Quote(e.plural) + " is already used by " + Quote(s_.entities[it->second].name));
        }
      }
      for (size_t k = 0; k < s_.entities.size(); ++k) {
        if (k != i && ToLower(s_.entities[k].name) == ToLower(e.plural) && e.plural != e.name) {
          Add(p + ".plural", "plural " + Quote(e.plural) + " collides with the entity " + Quote(s_.entities[k].name));
        }
      }
      CheckFields(e, p);
    }
  }

  void CheckFields(const Entity& e, const std::string& ep) {
    std::map<std::string, size_t> seen;
    bool is_user = s_.auth.enabled && e.name == s_.auth.userEntity;
    for (size_t i = 0; i < e.fields.size(); ++i) {
      const Field& f = e.fields[i];
      std::string p = Idx(ep + ".fields", i);
      if (!IsCamelCase(f.name) || f.name.size() > kMaxNameLength) {
        std::string fix = naming::ToCamelCase(f.name);
        Add(p + ".name", "field name " + Quote(f.name) + " must be camelCase" +
                             (fix.empty() ? std::string() : " (e.g. " + Quote(fix) + ")"));
      }
      if (std::find(kImplicitFields.begin(), kImplicitFields.end(), f.name) != kImplicitFields.end()) {
        Add(p + ".name", Quote(f.name) + " is added to every entity automatically; remove it");
      }
      if (is_user && std::find(kAuthManagedFields.begin(), kAuthManagedFields.end(), f.name) != kAuthManagedFields.end()) {
        Add(p + ".name", Quote(f.name) + " of the user entity is managed by auth (argon2id hash, role); remove it");
      }
      if (auto [it, fresh] = seen.emplace(ToLower(f.name), i); !fresh) {
        Add(p + ".name", "duplicate field " + Quote(f.name) + " (also fields[" + std::to_string(it->second) + "])");
      }
      CheckFieldConstraints(f, p);
    }
  }

  void CheckFieldConstraints(const Field& f, const std::string& p) {
    if (f.type == FieldType::kEnum) {
      if (f.enumValues.empty()) Add(p + ".enumValues", "an enum field needs at least one value");
      std::set<std::string> vals;
      for (size_t i = 0; i < f.enumValues.size(); ++i) {
        const auto& v = f.enumValues[i];
        bool ok = !v.empty() && v.size() <= kMaxNameLength &&
                  std::all_of(v.begin(), v.end(), [](char c) {
                    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
                  });
        if (!ok) {
          Add(Idx(p + ".enumValues", i), "enum value " + Quote(v) + " may only hold letters, digits, '_' and '-'");
        }
        if (!vals.insert(v).second) Add(Idx(p + ".enumValues", i), "duplicate enum value " + Quote(v));
      }
    } else if (!f.enumValues.empty()) {
      Add(p + ".enumValues", "only fields of type enum take enumValues (this field is " +
                                 std::string(ToString(f.type)) + ")");
    }
    if (f.maxLength) {
      if (!IsTextual(f.type) || f.type == FieldType::kEnum || f.type == FieldType::kUuid) {
        Add(p + ".maxLength", "maxLength applies to string, text, email and url fields");
      } else if (*f.maxLength < 1) {
        Add(p + ".maxLength", "must be at least 1");
      }
    }
    if (f.min || f.max) {
      if (!IsNumeric(f.type)) {
        Add(p + (f.min ? ".min" : ".max"), "min and max apply to integer and number fields");
      } else if (f.min && f.max && *f.min > *f.max) {
        Add(p + ".min", "min (" + FormatNum(*f.min) + ") is greater than max (" + FormatNum(*f.max) + ")");
      }
    }
    if (f.defaultValue) CheckDefault(f, p + ".default");
  }

  static std::string FormatNum(double d) {
    if (std::floor(d) == d && std::fabs(d) < 1e15) return std::to_string(static_cast<int64_t>(d));
    nlohmann::json j = d;
    return j.dump();
  }

  void CheckDefault(const Field& f, const std::string& p) {
    const nlohmann::json& d = *f.defaultValue;
    auto bad = [&](std::string_view expected) {
      Add(p, "default " + d.dump() + " does not fit type " + std::string(ToString(f.type)) +
                 " (expected " + std::string(expected) + ")");
    };
    switch (f.type) {
      case FieldType::kInteger:
        if (!d.is_number_integer()) return bad("an integer");
        break;
      case FieldType::kNumber:
        if (!d.is_number()) return bad("a number");
        break;
      case FieldType::kBoolean:
        if (!d.is_boolean()) return bad("true or false");
        return;
      case FieldType::kJson:
        return;
      case FieldType::kEnum:
        if (!d.is_string()) return bad("one of the enum values");
        if (std::find(f.enumValues.begin(), f.enumValues.end(), d.get<std::string>()) == f.enumValues.end()) {
          Add(p, "default " + d.dump() + " is not one of the enum values (" + Join(f.enumValues, ", ") + ")");
        }
        return;
      case FieldType::kDateTime:
      case FieldType::kDate:
        if (!d.is_string()) return bad("an ISO 8601 string or \"now\"");
        return;
      default:
        if (!d.is_string()) return bad("a string");
        if (f.maxLength && static_cast<int64_t>(d.get<std::string>().size()) > *f.maxLength) {
          Add(p, "default is longer than maxLength " + std::to_string(*f.maxLength));
        }
        return;
    }
    double v = d.get<double>();
    if (f.min && v < *f.min) Add(p, "default " + d.dump() + " is below min " + FormatNum(*f.min));
    if (f.max && v > *f.max) Add(p, "default " + d.dump() + " is above max " + FormatNum(*f.max));
  }

  // Accessor names per entity: fields, relation names on `from`, inverses on `to`, FK columns.
  void CheckRelations() {
    std::map<std::string, std::map<std::string, std::string>> members;  // entity -> name -> what
    for (const auto& e : s_.entities) {
      for (const auto& f : e.fields) members[e.name][f.name] = "field";
    }
    auto claim = [&](const std::string& entity, const std::string& name, const std::string& p,
                     const std::string& what) {
      if (entity.empty() || name.empty()) return;
      auto& m = members[entity];
      if (auto it = m.find(name); it != m.end()) {
        Add(p, Quote(name) + " on " + Quote(entity) + " clashes with the " + it->second + " of the same name; rename one");
      } else {
        m[name] = what;
      }
    };
    for (size_t i = 0; i < s_.relations.size(); ++i) {
      const Relation& r = s_.relations[i];
      std::string p = Idx("relations", i);
      bool from_ok = s_.FindEntity(r.from) != nullptr;
      bool to_ok = s_.FindEntity(r.to) != nullptr;
      if (!from_ok) Add(p + ".from", NoEntity(r.from));
      if (!to_ok) Add(p + ".to", NoEntity(r.to));
      if (!IsCamelCase(r.name)) Add(p + ".name", "relation name " + Quote(r.name) + " must be camelCase (e.g. \"posts\")");
      if (!IsCamelCase(r.inverse)) {
        Add(p + ".inverse", "inverse name " + Quote(r.inverse) + " must be camelCase (e.g. \"author\")");
      }
      if (r.from == r.to && r.name == r.inverse && !r.name.empty()) {
        Add(p + ".inverse", "a self-relation needs different names on each side (e.g. \"followers\" / \"following\")");
      }
      if (r.kind == RelationKind::kManyToMany) {
        if (r.required) Add(p + ".required", "many-to-many relations cannot be required");
        if (!r.through.empty() && !IsPascalCase(r.through)) {
          Add(p + ".through", "join name " + Quote(r.through) + " must be PascalCase");
        } else if (!r.through.empty() && s_.FindEntity(r.through)) {
          Add(p + ".through", Quote(r.through) + " is also an entity; model the join entity with two one-to-many relations instead");
        }
      } else {
        if (r.required && r.onDelete == OnDelete::kSetNull) {
          Add(p + ".onDelete", "a required reference cannot be set to null on delete; use \"cascade\" or \"restrict\"");
        }
        if (!r.through.empty()) Add(p + ".through", "only many-to-many relations have a join table");
      }
      if (from_ok) claim(r.from, r.name, p + ".name", "relation " + Quote(r.name));
      if (to_ok && !(r.from == r.to && r.name == r.inverse)) {
        claim(r.to, r.inverse, p + ".inverse", "relation " + Quote(r.inverse));
        if (r.kind != RelationKind::kManyToMany) claim(r.to, r.inverse + "Id", p + ".inverse", "foreign key " + Quote(r.inverse + "Id"));
      }
    }
  }

  void CheckOwnersAndAccess() {
    for (size_t i = 0; i < s_.entities.size(); ++i) {
      const Entity& e = s_.entities[i];
      std::string p = Idx("entities", i);
      bool is_user = s_.auth.enabled && e.name == s_.auth.userEntity;
      if (e.owner) {
        if (!s_.auth.enabled) {
          Add(p + ".owner", "owned entities need auth.enabled");
        } else if (is_user) {
          Add(p + ".owner", "the user entity cannot have an owner (each user owns their own record)");
        } else {
          bool found = std::any_of(s_.relations.begin(), s_.relations.end(), [&](const Relation& r) {
            return r.from == s_.auth.userEntity && r.to == e.name && r.inverse == *e.owner &&
                   r.kind != RelationKind::kManyToMany;
          });
          if (!found) {
            Add(p + ".owner", "no one-to-many relation from " + Quote(s_.auth.userEntity) + " to " + Quote(e.name) +
                                  " with inverse " + Quote(*e.owner) + "; add one (e.g. {\"from\":\"" + s_.auth.userEntity +
                                  "\",\"to\":\"" + e.name + "\",\"kind\":\"one-to-many\",\"inverse\":\"" + *e.owner + "\"})");
          }
        }
      }
      if (!e.access) continue;
      auto check = [&](const std::vector<std::string>& list, const char* op) {
        std::string lp = p + ".access." + op;
        if (list.empty()) Add(lp, "list at least one principal (\"public\", \"authenticated\", \"owner\" or a role)");
        for (size_t k = 0; k < list.size(); ++k) {
          const auto& who = list[k];
          if (who == "public") continue;
          if (!s_.auth.enabled) {
            Add(Idx(lp, k), Quote(who) + " needs auth.enabled; without auth only \"public\" applies");
            continue;
          }
          if (who == "authenticated") continue;
          if (who == "owner") {
            if (!e.owner && !is_user) Add(Idx(lp, k), "\"owner\" needs the entity to have an owner; set owner or use a role");
            continue;
          }
          if (!HasRole(who)) {
            std::string msg = "unknown principal " + Quote(who) + " (expected public, authenticated, owner or a role: " +
                              Join(s_.roles, ", ") + ")";
            std::string close = ClosestMatch(who, s_.roles);
            if (!close.empty()) msg += "; did you mean " + Quote(close) + "?";
            Add(Idx(lp, k), msg);
          }
        }
      };
      check(e.access->read, "read");
      check(e.access->create, "create");
      check(e.access->update, "update");
      check(e.access->remove, "delete");
    }
  }

  const AppSpec& s_;
  std::vector<std::string> entity_names_;
  std::vector<SpecIssue> issues_;
};

}  // namespace

void Normalize(AppSpec& spec) {
  if (spec.name.empty() && !spec.title.empty()) spec.name = naming::ToKebabCase(spec.title);
  if (spec.title.empty() && !spec.name.empty()) spec.title = naming::ToTitleWords(spec.name);
  for (auto& e : spec.entities) {
    if (e.plural.empty() && !e.name.empty()) e.plural = naming::PluralizeName(e.name);
  }
  for (auto& r : spec.relations) {
    bool self = r.from == r.to;
    switch (r.kind) {
      case RelationKind::kOneToMany:
        if (r.name.empty()) r.name = self ? "children" : naming::ToCamelCase(naming::PluralizeName(r.to));
        if (r.inverse.empty()) r.inverse = self ? "parent" : naming::ToCamelCase(r.from);
        break;
      case RelationKind::kOneToOne:
        if (r.name.empty()) r.name = naming::ToCamelCase(r.to);
        if (r.inverse.empty()) r.inverse = self ? r.name + "Of" : naming::ToCamelCase(r.from);
        break;
      case RelationKind::kManyToMany:
        if (r.name.empty()) r.name = naming::ToCamelCase(naming::PluralizeName(r.to));
        if (r.inverse.empty()) r.inverse = self ? r.name + "Of" : naming::ToCamelCase(naming::PluralizeName(r.from));
        break;
    }
  }
  if (spec.auth.enabled && !spec.HasFeature(Feature::kAuth)) spec.features.push_back(Feature::kAuth);
  if (spec.auth.enabled && spec.roles.empty()) spec.roles = {spec.auth.adminRole, spec.auth.defaultRole};
  std::sort(spec.features.begin(), spec.features.end());
  spec.features.erase(std::unique(spec.features.begin(), spec.features.end()), spec.features.end());
}

std::vector<SpecIssue> Validate(const AppSpec& spec) { return Validator(spec).Run(); }

}  // namespace bf::spec
