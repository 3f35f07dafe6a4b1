#include "verify/model.h"

#include <algorithm>
#include <set>

#include "generate/prepare.h"
#include "spec/naming.h"

namespace bf::verify {

namespace {

using spec::FieldType;
using spec::RelationKind;
namespace nm = naming;

bool Contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

// Parents first. Required and optional references are hard dependencies; many-to-many targets
// are soft ones (the owning side can link them at create time), dropped when they form a cycle.
std::vector<const spec::Entity*> CreationOrder(const spec::AppSpec& s) {
  auto deps = [&](const spec::Entity& e, bool soft) {
    std::set<std::string> out;
    for (const auto& r : s.relations) {
      if (r.from == r.to) continue;
      if (r.kind != RelationKind::kManyToMany && r.to == e.name) out.insert(r.from);
      if (soft && r.kind == RelationKind::kManyToMany && r.from == e.name) out.insert(r.to);
    }
    return out;
  };
  std::vector<const spec::Entity*> out;
  std::set<std::string> done;
  for (bool soft : {true, false}) {
    bool progress = true;
    while (progress) {
      progress = false;
      for (const auto& e : s.entities) {
        if (done.count(e.name)) continue;
        auto d = deps(e, soft);
        if (std::all_of(d.begin(), d.end(),
                        [&](const std::string& n) { return done.count(n) > 0; })) {
          out.push_back(&e);
          done.insert(e.name);
          progress = true;
          break;  // restart: keeps declaration order among ready entities
        }
      }
    }
  }
  for (const auto& e : s.entities) {
    if (!done.count(e.name)) out.push_back(&e);  // cycles of required references
  }
  return out;
}

}  // namespace

const RefModel* EntityModel::FindRef(const std::string& field) const {
  for (const auto& r : refs) {
    if (r.field == field) return &r;
  }
  return nullptr;
}

const EntityModel* SuiteModel::Find(const std::string& name) const {
  for (const auto& e : entities) {
    if (e.name == name) return &e;
  }
  return nullptr;
}

bool IsPublic(const std::vector<std::string>& principals) { return Contains(principals, "public"); }

bool Allows(const std::vector<std::string>& principals, bool authenticated, const std::string& role,
            bool isOwner) {
  if (Contains(principals, "public")) return true;
  if (!authenticated) return false;
  if (Contains(principals, "authenticated")) return true;
  if (isOwner && Contains(principals, "owner")) return true;
  return !role.empty() && Contains(principals, role);
}

SuiteModel BuildModel(const spec::AppSpec& s) {
  SuiteModel m;
  m.spec = &s;
  m.auth = s.auth.enabled && s.FindEntity(s.auth.userEntity) != nullptr;
  if (m.auth) m.userEntity = s.auth.userEntity;
  for (const spec::Entity* e : CreationOrder(s)) {
    EntityModel em;
    em.entity = e;
    em.name = e->name;
    em.route = generate::EntityRoute(*e);
    em.kebab = nm::ToKebabCase(e->name);
    em.isUser = m.auth && e->name == m.userEntity;
    em.access = spec::EffectiveAccess(s, *e);
    em.timestamps = e->timestamps;
    for (const auto& f : e->fields) {
      if (!(em.isUser && f.name == s.auth.identityField)) em.writable.push_back(&f);
      if (f.type != FieldType::kText && f.type != FieldType::kJson) em.filterable.push_back(&f);
      if (f.type != FieldType::kText && f.type != FieldType::kJson &&
          f.type != FieldType::kBoolean) {
        em.sortable.push_back(f.name);
      }
    }
    if (e->timestamps) {
      em.sortable.push_back(std::string(spec::kCreatedAtField));
      em.sortable.push_back(std::string(spec::kUpdatedAtField));
    }
    for (const auto& r : s.relations) {
      if (r.kind == RelationKind::kManyToMany) {
        if (r.from == e->name) {
          std::string ids = nm::ToCamelCase(nm::SingularizeName(r.name)) + "Ids";
          em.links.push_back({ids, r.to});
          em.nested.push_back({nm::ToKebabCase(r.name), r.to, NestedModel::Kind::kLinked, ids});
        }
        if (r.to == e->name &&
            r.from != e->name) {  // as the OpenAPI document: one path for self links
          std::string ids = nm::ToCamelCase(nm::SingularizeName(r.name)) + "Ids";
          em.nested.push_back(
              {nm::ToKebabCase(r.inverse), r.from, NestedModel::Kind::kLinkedBy, ids});
        }
        continue;
      }
      if (r.to == e->name) {
        RefModel ref;
        ref.field = r.inverse + "Id";
        ref.target = r.from;
        ref.required = r.required;
        ref.oneToOne = r.kind == RelationKind::kOneToOne;
        ref.isOwner = m.auth && e->owner && *e->owner == r.inverse && r.from == m.userEntity;
        if (ref.isOwner) em.ownerField = ref.field;
        em.refs.push_back(ref);
      }
      if (r.from == e->name) {
        em.nested.push_back({nm::ToKebabCase(r.name), r.to,
                             r.kind == RelationKind::kOneToOne ? NestedModel::Kind::kChild
                                                               : NestedModel::Kind::kChildren,
                             r.inverse + "Id"});
      }
    }
    m.entities.push_back(std::move(em));
  }
  return m;
}

}  // namespace bf::verify
