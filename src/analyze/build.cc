#include "analyze/build.h"

#include <algorithm>
#include <map>

#include "analyze/archetypes.h"
#include "common/strings.h"
#include "spec/naming.h"
#include "spec/spec_json.h"
#include "spec/validate.h"

namespace bf::analyze {
namespace {

using spec::Entity;
using spec::Field;
using spec::FieldType;
using spec::Relation;
using spec::RelationKind;

std::string SafePascal(const std::string& n) {
  std::string out = naming::ToPascalCase(n);
  out.erase(std::remove_if(out.begin(), out.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); }),
            out.end());
  if (out.empty() || !std::isupper(static_cast<unsigned char>(out[0]))) return "";
  if (out.size() > 60) out.resize(60);
  return out;
}

std::string SafeCamel(const std::string& n) {
  std::string out = naming::ToCamelCase(n);
  out.erase(std::remove_if(out.begin(), out.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); }),
            out.end());
  if (out.empty() || !std::islower(static_cast<unsigned char>(out[0]))) return "";
  if (out.size() > 60) out.resize(60);
  return out;
}

bool Reserved(const std::string& f, bool is_user) {
  std::string l = ToLower(f);
  if (l == "id" || l == "createdat" || l == "updatedat") return true;
  if (l.find("password") != std::string::npos) return true;
  if (is_user && (l == "role" || l == "roles" || l == "passwordhash")) return true;
  return false;
}

Field ToField(const DField& d) {
  Field f;
  f.name = SafeCamel(d.name);
  f.type = d.type;
  f.required = d.required;
  f.unique = d.unique;
  if (d.type == FieldType::kEnum) {
    for (const auto& v : d.enumValues) {
      std::string ev;
      for (char c : v) {
        if (std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-') ev.push_back(c);
      }
      if (ev.size() > 60) ev.resize(60);
      if (!ev.empty() && std::find(f.enumValues.begin(), f.enumValues.end(), ev) == f.enumValues.end()) {
        f.enumValues.push_back(ev);
      }
    }
    if (f.enumValues.empty()) f.type = FieldType::kString;
  }
  return f;
}

Field FromArch(const ArchField& a) {
  Field f;
  f.name = a.name;
  f.type = a.type;
  f.required = a.required;
  f.unique = a.unique;
  f.enumValues = a.enumValues;
  return f;
}

// Member names per entity (fields, relation accessors, foreign keys) to keep accessors unique.
class Names {
 public:
  void AddField(const std::string& e, const std::string& f) { used_[e].insert(ToLower(f)); }
  bool Free(const std::string& e, const std::string& n) const {
    auto it = used_.find(e);
    return it == used_.end() || !it->second.count(ToLower(n));
  }
  void Take(const std::string& e, const std::string& n) { used_[e].insert(ToLower(n)); }

 private:
  std::map<std::string, std::set<std::string>> used_;
};

std::string Pick(Names& names, const std::string& entity, std::vector<std::string> options, bool fk) {
  for (auto& o : options) {
    o = SafeCamel(o);
    if (o.empty()) continue;
    if (names.Free(entity, o) && (!fk || names.Free(entity, o + "Id"))) return o;
  }
  std::string base = options.empty() || options[0].empty() ? "ref" : options[0];
  for (int i = 2; i < 50; ++i) {
    std::string o = base + std::to_string(i);
    if (names.Free(entity, o) && (!fk || names.Free(entity, o + "Id"))) return o;
  }
  return base + "X";
}

std::string OwnerAccessor(const std::string& entity) {
  static const std::set<std::string> kAuthored = {"Post", "Comment", "Article", "Story", "Review", "Reply", "Message",
                                                  "Answer", "Question", "Thread", "Note", "Recipe"};
  auto words = naming::SplitWords(entity);
  return kAuthored.count(words.back()) ? "author" : "owner";
}

}  // namespace

void RepairSpec(spec::AppSpec& s) {
  for (int round = 0; round < 12; ++round) {
    spec::Normalize(s);
    auto issues = spec::Validate(s);
    if (issues.empty()) return;
    // Drop the most specific offender of the first issue.
    const std::string& p = issues.front().path;
    size_t ei = 0, fi = 0, ri = 0;
    if (std::sscanf(p.c_str(), "entities[%zu].fields[%zu]", &ei, &fi) == 2 && ei < s.entities.size() &&
        fi < s.entities[ei].fields.size()) {
      s.entities[ei].fields.erase(s.entities[ei].fields.begin() + static_cast<ptrdiff_t>(fi));
      continue;
    }
    if (std::sscanf(p.c_str(), "relations[%zu]", &ri) == 1 && ri < s.relations.size()) {
      const Relation r = s.relations[ri];
      s.relations.erase(s.relations.begin() + static_cast<ptrdiff_t>(ri));
      for (auto& e : s.entities) {
        if (e.owner && e.name == r.to && *e.owner == r.inverse) e.owner.reset();
      }
      continue;
    }
    if (std::sscanf(p.c_str(), "entities[%zu]", &ei) == 1 && ei < s.entities.size()) {
      if (p.find(".owner") != std::string::npos) {
        s.entities[ei].owner.reset();
        continue;
      }
      std::string name = s.entities[ei].name;
      if (name == s.auth.userEntity) {
        s.entities[ei].fields.clear();
        continue;
      }
      s.entities.erase(s.entities.begin() + static_cast<ptrdiff_t>(ei));
      s.relations.erase(std::remove_if(s.relations.begin(), s.relations.end(),
                                       [&](const Relation& r) { return r.from == name || r.to == name; }),
                        s.relations.end());
      continue;
    }
    if (StartsWith(p, "roles")) {
      s.roles = {s.auth.adminRole, s.auth.defaultRole};
      continue;
    }
    // Anything else: fall back to the minimal valid shape.
    s.relations.clear();
    for (auto& e : s.entities) e.owner.reset();
  }
  // Still invalid: keep only the user entity.
  spec::AppSpec minimal;
  minimal.name = s.name.empty() ? "my-app" : s.name;
  minimal.title = s.title;
  Entity user;
  user.name = "User";
  Field email;
  email.name = "email";
  email.type = FieldType::kEmail;
  email.required = email.unique = true;
  Field name;
  name.name = "name";
  name.required = true;
  user.fields = {email, name};
  minimal.entities = {user};
  spec::Normalize(minimal);
  s = minimal;
}

void MakeLoginRecord(Entity& e, const std::string& identity_field) {
  std::erase_if(e.fields, [](const Field& f) { return Reserved(f.name, /*is_user=*/true); });
  auto id = std::find_if(e.fields.begin(), e.fields.end(), [&](const Field& f) { return f.name == identity_field; });
  if (id == e.fields.end()) {
    Field f;
    f.name = identity_field;
    id = e.fields.insert(e.fields.begin(), f);
  }
  id->type = FieldType::kEmail;
  id->required = id->unique = true;
  id->enumValues.clear();
  const bool has_name = std::any_of(e.fields.begin(), e.fields.end(),
                                    [](const Field& f) { return ToLower(f.name).find("name") != std::string::npos; });
  if (!has_name) {
    Field f;
    f.name = "name";
    f.required = true;
    e.fields.insert(e.fields.begin() + 1, f);
  }
}

BuildOutput BuildSpec(const Draft& draft, const BuildInput& in) {
  BuildOutput out;
  spec::AppSpec& s = out.spec;
  s.title = in.title;
  s.name = naming::ToKebabCase(in.title);
  if (s.name.empty() || !naming::IsKebabCase(s.name)) s.name = "my-app";
  if (s.name.size() > 60) s.name.resize(60);
  while (!s.name.empty() && s.name.back() == '-') s.name.pop_back();
  s.description = in.description;
  s.stack = in.stack;
  s.auth.enabled = true;

  // Entities, User first.
  std::map<std::string, std::string> rename;  // draft name -> spec name
  std::set<std::string> lower_names;
  auto add_entity = [&](const DEntity& d) {
    std::string name = SafePascal(d.name);
    if (name.empty() || lower_names.count(ToLower(name))) {
      if (!name.empty()) rename[d.name] = name;
      return;
    }
    rename[d.name] = name;
    Entity e;
    e.name = name;
    bool is_user = name == "User";
    std::set<std::string> seen;
    for (const auto& df : d.fields) {
      Field f = ToField(df);
      if (f.name.empty() || Reserved(f.name, is_user) || seen.count(ToLower(f.name))) continue;
      seen.insert(ToLower(f.name));
      e.fields.push_back(f);
    }
    if (e.fields.empty()) {
      if (const ArchEntity* known = KnownEntityIn(name, in.archetypes)) {
        for (const auto& af : known->fields) e.fields.push_back(FromArch(af));
      }
    }
    lower_names.insert(ToLower(name));
    s.entities.push_back(std::move(e));
  };
  DEntity user;
  user.name = "User";
  if (const DEntity* du = draft.Find("User")) user = *du;
  add_entity(user);
  for (const auto& d : draft.entities) {
    if (d.name != "User") add_entity(d);
  }
  // Plurals that collide with another entity's name: drop the later entity.
  for (size_t i = 0; i < s.entities.size(); ++i) {
    s.entities[i].plural = naming::PluralizeName(s.entities[i].name);
  }
  {
    std::set<std::string> names;
    for (const auto& e : s.entities) names.insert(ToLower(e.name));
    std::vector<Entity> kept;
    std::set<std::string> plurals;
    for (auto& e : s.entities) {
      bool clash = (e.plural != e.name && names.count(ToLower(e.plural))) || plurals.count(ToLower(e.plural));
      if (clash && e.name != "User") continue;
      plurals.insert(ToLower(e.plural));
      kept.push_back(std::move(e));
    }
    s.entities = std::move(kept);
  }
  // User: identity and name fields.
  MakeLoginRecord(s.entities.front(), s.auth.identityField);
  for (auto& e : s.entities) {
    if (e.fields.empty()) {
      Field f;
      f.name = "name";
      f.required = true;
      e.fields.push_back(f);
      out.assumptions.push_back("Gave " + e.name + " a required `name` field (the description listed no fields for it).");
    }
  }

  // Relations.
  Names names;
  for (const auto& e : s.entities) {
    for (const auto& f : e.fields) names.AddField(e.name, f.name);
  }
  auto exists = [&](const std::string& n) { return s.FindEntity(n) != nullptr; };
  auto drop_field = [&](const std::string& entity, const std::string& field) {
    Entity* e = s.FindEntity(entity);
    if (!e || entity == "User") return false;
    auto it = std::find_if(e->fields.begin(), e->fields.end(),
                           [&](const Field& f) { return ToLower(f.name) == ToLower(field); });
    if (it == e->fields.end() || e->fields.size() <= 1) return false;
    e->fields.erase(it);
    return true;
  };
  std::set<std::string> seen_pairs;
  auto add_relation = [&](std::string from, std::string to, RelationKind kind, const std::string& hint) -> Relation* {
    if (rename.count(from)) from = rename[from];
    if (rename.count(to)) to = rename[to];
    if (!exists(from) || !exists(to)) return nullptr;
    std::string key = std::min(from, to) + "|" + std::max(from, to) + "|" + std::string(ToString(kind)) + "|" + hint;
    if (!seen_pairs.insert(key).second) return nullptr;
    Relation r;
    r.from = from;
    r.to = to;
    r.kind = kind;
    r.onDelete = spec::OnDelete::kCascade;
    bool self = from == to;
    std::string many_to = naming::ToCamelCase(naming::PluralizeName(to));
    std::string one_to = naming::ToCamelCase(to);
    std::string from_one = naming::ToCamelCase(from);
    std::string from_many = naming::ToCamelCase(naming::PluralizeName(from));
    switch (kind) {
      case RelationKind::kOneToMany: {
        std::string inv_pref = hint.empty() ? (self ? "parent" : from_one) : hint;
        // A field that merely names the reference ("customer" on Project) is the relation itself.
        drop_field(to, inv_pref);
        drop_field(to, inv_pref + "Id");
        drop_field(from, self ? "children" : many_to);
        r.inverse = Pick(names, to, {inv_pref, from_one, from_one + "Ref"}, true);
        r.name = Pick(names, from, {self ? "children" : many_to, hint + naming::PluralizeName(to),
                                    r.inverse + naming::PluralizeName(to)},
                      false);
        if (self) r.onDelete = spec::OnDelete::kSetNull;
        break;
      }
      case RelationKind::kOneToOne:
        drop_field(to, from_one);
        r.inverse = Pick(names, to, {self ? one_to + "Of" : from_one, from_one + "Ref"}, true);
        r.name = Pick(names, from, {one_to, one_to + "Ref"}, false);
        break;
      case RelationKind::kManyToMany:
        drop_field(from, many_to);
        drop_field(to, from_many);
        if (self && from == "User") {
          r.name = Pick(names, from, {"following"}, false);
          names.Take(from, r.name);
          r.inverse = Pick(names, to, {"followers"}, false);
        } else if (self) {
          r.name = Pick(names, from, {"related" + naming::PluralizeName(to)}, false);
          names.Take(from, r.name);
          r.inverse = Pick(names, to, {r.name + "Of"}, false);
        } else {
          r.name = Pick(names, from, {many_to}, false);
          r.inverse = Pick(names, to, {from_many}, false);
        }
        r.onDelete = spec::OnDelete::kCascade;
        break;
    }
    names.Take(from, r.name);
    names.Take(to, r.inverse);
    if (kind != RelationKind::kManyToMany) names.Take(to, r.inverse + "Id");
    s.relations.push_back(r);
    return &s.relations.back();
  };
  for (const auto& r : draft.relations) add_relation(r.from, r.to, r.kind, r.inverse);
  // Owners of user-created content.
  for (const auto& d : draft.entities) {
    if (!d.owned || d.name == "User") continue;
    std::string name = rename.count(d.name) ? rename[d.name] : d.name;
    Entity* e = s.FindEntity(name);
    if (!e) continue;
    const Relation* existing = nullptr;
    for (const auto& r : s.relations) {
      if (r.from == "User" && r.to == name && r.kind == RelationKind::kOneToMany) {
        existing = &r;
        break;
      }
    }
    if (existing) {
      e->owner = existing->inverse;
      continue;
    }
    std::string acc = OwnerAccessor(name);
    drop_field(name, acc);
    const Relation* r = add_relation("User", name, RelationKind::kOneToMany, acc);
    if (r && (e = s.FindEntity(name)) != nullptr) e->owner = r->inverse;
  }

  // Roles: admin first, then stated roles, then the default role.
  s.roles = {"admin"};
  for (const auto& r : draft.roles) {
    std::string role = naming::ToSnakeCase(r);
    if (role == "public" || role == "authenticated" || role == "owner") role += "_role";
    if (role.empty() || !naming::IsSnakeCase(role) || role.size() > 60) continue;
    if (std::find(s.roles.begin(), s.roles.end(), role) == s.roles.end()) s.roles.push_back(role);
  }
  if (std::find(s.roles.begin(), s.roles.end(), "user") == s.roles.end()) s.roles.push_back("user");
  s.auth.adminRole = "admin";
  s.auth.defaultRole = "user";

  // Features.
  std::set<spec::Feature> feats = in.features;
  feats.insert(spec::Feature::kAuth);
  for (const auto& d : draft.entities) {
    for (const auto& f : d.fields) {
      if (f.fileLike) feats.insert(spec::Feature::kFileUploads);
    }
  }
  s.features.assign(feats.begin(), feats.end());

  RepairSpec(s);
  return out;
}

}  // namespace bf::analyze
