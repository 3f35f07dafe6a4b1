#include "plan/gold_spec.h"

#include <algorithm>
#include <map>
#include <set>

#include "common/strings.h"
#include "spec/naming.h"
#include "spec/validate.h"

namespace bf::plan {
namespace {

using nlohmann::json;
using spec::RelationKind;

std::string Str(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// Accessor names already used on each entity (lowercase), for making relation names unique.
class Members {
 public:
  void Add(const std::string& entity, const std::string& name) {
    used_[entity].insert(ToLower(name));
  }
  // `base` or base2, base3, ... such that neither the name nor, when `fk`, name + "Id" is used.
  std::string Claim(const std::string& entity, const std::string& base, bool fk) {
    auto& used = used_[entity];
    std::string name = base;
    for (int n = 2; used.count(ToLower(name)) || (fk && used.count(ToLower(name + "Id"))); ++n) {
      name = base + std::to_string(n);
    }
    used.insert(ToLower(name));
    if (fk) used.insert(ToLower(name + "Id"));
    return name;
  }

 private:
  std::map<std::string, std::set<std::string>> used_;
};

bool StartsWithLetter(const std::string& s) {
  return !s.empty() && std::isalpha(static_cast<unsigned char>(s[0]));
}

spec::Field ConvertField(const json& jf, const std::set<std::string>& required) {
  spec::Field f;
  std::string raw = Str(jf, "name");
  f.name = naming::ToCamelCase(raw);
  f.type = spec::ParseFieldType(Str(jf, "type")).value_or(spec::FieldType::kString);
  if (f.type == spec::FieldType::kEnum) f.enumValues = {"unspecified"};  // the gold lists no values
  f.required = required.count(raw) || required.count(f.name);
  return f;
}

void AddEntities(const json& gold, spec::AppSpec& s) {
  std::set<std::string> seen;
  for (const auto& je : gold.value("entities", json::array())) {
    spec::Entity e;
    e.name = naming::ToPascalCase(Str(je, "name"));
    if (!StartsWithLetter(e.name) || !seen.insert(ToLower(e.name)).second) continue;
    std::set<std::string> required;
    for (const auto& r : je.value("required_fields", json::array())) {
      if (r.is_string()) required.insert(r.get<std::string>());
    }
    bool is_user = e.name == s.auth.userEntity;
    std::set<std::string> fields;
    for (const auto& jf : je.value("fields", json::array())) {
      spec::Field f = ConvertField(jf, required);
      static const std::set<std::string> kImplicit = {"id", "createdAt", "updatedAt"};
      static const std::set<std::string> kAuthManaged = {"password", "passwordHash", "role"};
      if (!StartsWithLetter(f.name) || kImplicit.count(f.name) ||
          (is_user && kAuthManaged.count(f.name)))
        continue;
      if (!fields.insert(ToLower(f.name)).second) continue;
      e.fields.push_back(std::move(f));
    }
    s.entities.push_back(std::move(e));
  }
  spec::Entity* user = s.FindEntity(s.auth.userEntity);
  if (!user) {
    s.entities.insert(s.entities.begin(), spec::Entity{});
    user = &s.entities.front();
    user->name = s.auth.userEntity;
  }
  auto it = std::find_if(user->fields.begin(), user->fields.end(),
                         [&](const spec::Field& f) { return f.name == s.auth.identityField; });
  if (it == user->fields.end()) {
    user->fields.insert(user->fields.begin(), spec::Field{});
    it = user->fields.begin();
    it->name = s.auth.identityField;
  }
  it->type = spec::FieldType::kEmail;
  it->required = it->unique = true;
}

void AddRelations(const json& gold, spec::AppSpec& s) {
  Members members;
  for (const auto& e : s.entities) {
    for (const auto& f : e.fields) members.Add(e.name, f.name);
  }
  for (const auto& jr : gold.value("relations", json::array())) {
    spec::Relation r;
    r.from = naming::ToPascalCase(Str(jr, "from"));
    r.to = naming::ToPascalCase(Str(jr, "to"));
    auto kind = spec::ParseRelationKind(Str(jr, "kind"));
    if (!kind || !s.FindEntity(r.from) || !s.FindEntity(r.to)) continue;
    r.kind = *kind;
    // The gold's `owner` holds the foreign key; in the spec that is always `to`.
    if (r.kind == RelationKind::kOneToOne && Str(jr, "owner") == Str(jr, "from") &&
        r.from != r.to) {
      std::swap(r.from, r.to);
    }
    bool self = r.from == r.to;
    std::string name = naming::ToCamelCase(Str(jr, "name"));
    std::string inverse;
    switch (r.kind) {
      case RelationKind::kOneToMany:
        if (name.empty() || !StartsWithLetter(name))
          name = self ? "children" : naming::ToCamelCase(naming::PluralizeName(r.to));
        inverse = self ? "parent" : naming::ToCamelCase(r.from);
        break;
      case RelationKind::kOneToOne:
        if (name.empty() || !StartsWithLetter(name)) name = naming::ToCamelCase(r.to);
        inverse = self ? name + "Of" : naming::ToCamelCase(r.from);
        break;
      case RelationKind::kManyToMany:
        if (name.empty() || !StartsWithLetter(name))
          name = naming::ToCamelCase(naming::PluralizeName(r.to));
        inverse = self ? name + "Of" : naming::ToCamelCase(naming::PluralizeName(r.from));
        break;
    }
    r.name = members.Claim(r.from, name, false);
    r.inverse = members.Claim(r.to, inverse, r.kind != RelationKind::kManyToMany);
    r.onDelete = spec::OnDelete::kSetNull;  // gold relations carry no required flag
    s.relations.push_back(std::move(r));
  }
}

void AddOwners(spec::AppSpec& s) {
  for (auto& e : s.entities) {
    if (e.name == s.auth.userEntity) continue;
    for (const auto& r : s.relations) {
      if (r.from == s.auth.userEntity && r.to == e.name && r.kind != RelationKind::kManyToMany) {
        e.owner = r.inverse;
        break;
      }
    }
  }
}

void AddRolesAndFeatures(const json& gold, spec::AppSpec& s) {
  for (const auto& jr : gold.value("roles", json::array())) {
    if (!jr.is_string()) continue;
    std::string role = naming::ToSnakeCase(jr.get<std::string>());
    if (!naming::IsSnakeCase(role) || role == "public" || role == "authenticated" ||
        role == "owner")
      continue;
    if (std::find(s.roles.begin(), s.roles.end(), role) == s.roles.end()) s.roles.push_back(role);
  }
  for (const std::string& role : {s.auth.adminRole, s.auth.defaultRole}) {
    if (std::find(s.roles.begin(), s.roles.end(), role) == s.roles.end()) s.roles.push_back(role);
  }
  for (const auto& jf : gold.value("features", json::array())) {
    if (!jf.is_string()) continue;
    if (auto f = spec::ParseFeature(jf.get<std::string>())) s.features.push_back(*f);
  }
  s.features.push_back(spec::Feature::kAuth);
}

// Plurals that collide with another entity's name or plural get a distinct suffix.
void FixPlurals(spec::AppSpec& s) {
  std::set<std::string> names, plurals;
  for (const auto& e : s.entities) names.insert(ToLower(e.name));
  for (auto& e : s.entities) {
    bool clash = (ToLower(e.plural) != ToLower(e.name) && names.count(ToLower(e.plural))) ||
                 plurals.count(ToLower(e.plural));
    if (clash) e.plural = e.name + "Records";
    plurals.insert(ToLower(e.plural));
  }
}

}  // namespace

Result<spec::AppSpec> GoldToSpec(const json& gold_case) {
  std::string id = Str(gold_case, "id");
  auto g = gold_case.find("gold");
  if (g == gold_case.end() || !g->is_object())
    return MakeError("plan.gold", "case " + Quote(id) + " has no gold model");
  spec::AppSpec s;
  s.name = naming::ToKebabCase(id);
  if (s.name.empty()) s.name = "dev-case";
  s.title = "Dev case " + id;
  s.description = Str(gold_case, "description");
  AddEntities(*g, s);
  AddRelations(*g, s);
  AddOwners(s);
  AddRolesAndFeatures(*g, s);
  spec::Normalize(s);
  FixPlurals(s);
  std::vector<spec::SpecIssue> issues = spec::Validate(s);
  if (!issues.empty()) {
    std::vector<std::string> lines;
    for (const auto& i : issues) lines.push_back(i.ToString());
    return MakeError("plan.gold", "case " + Quote(id) +
                                      " does not convert to a valid spec: " + Join(lines, "; "));
  }
  return s;
}

}  // namespace bf::plan
