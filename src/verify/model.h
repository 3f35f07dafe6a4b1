// What the suite needs to know about each entity, derived from the AppSpec with the same rules
// as the OpenAPI builder (src/generate/openapi.cc): routes, writable fields, references, links,
// nested reads, sortable and filterable fields, access rules, and an order to create records in.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "spec/app_spec.h"

namespace bf::verify {

// A foreign key this entity holds (`<inverse>Id`), pointing at `target`.
struct RefModel {
  std::string field;
  std::string target;  // entity name
  bool required = false;
  bool isOwner = false;  // set from the access token, not writable
  bool oneToOne = false;
};

// A many-to-many link on the owning side: an array of ids (`tagIds`) naming `target` records.
struct LinkModel {
  std::string field;
  std::string target;
};

// GET {route}/{id}/{segment}.
struct NestedModel {
  enum class Kind {
    kChildren,  // one-to-many: target records whose `field` equals the parent id
    kChild,     // one-to-one: the target record whose `field` equals the parent id, or 404
    kLinked,    // many-to-many, owning side: the ids in the parent's `field`
    kLinkedBy,  // many-to-many, inverse side: target records whose `field` contains the parent id
  };
  std::string segment;  // kebab-case relation name
  std::string target;
  Kind kind = Kind::kChildren;
  std::string field;
};

struct EntityModel {
  const spec::Entity* entity = nullptr;
  std::string name;
  std::string route;  // "/api/order-items"
  std::string kebab;  // "order-item": event names
  bool isUser = false;
  spec::Access access;
  std::vector<const spec::Field*> writable;  // fields in create/update bodies
  std::vector<RefModel> refs;
  std::vector<LinkModel> links;
  std::vector<NestedModel> nested;
  std::vector<std::string> sortable;           // fields and timestamps, ascending names
  std::vector<const spec::Field*> filterable;  // exact-match query filters
  std::optional<std::string> ownerField;       // "authorId"
  bool timestamps = true;

  const RefModel* FindRef(const std::string& field) const;
};

struct SuiteModel {
  const spec::AppSpec* spec = nullptr;
  bool auth = false;
  std::string userEntity;             // empty without auth
  std::vector<EntityModel> entities;  // creation order: referenced entities first

  const EntityModel* Find(const std::string& name) const;
};

// The model of `spec` (which must outlive it).
SuiteModel BuildModel(const spec::AppSpec& spec);

// True when a principal list lets a user with `role` in; `isOwner` says whether the user owns
// the record (for "owner"). Admins are handled by the caller.
bool Allows(const std::vector<std::string>& principals, bool authenticated, const std::string& role,
            bool isOwner);
bool IsPublic(const std::vector<std::string>& principals);

}  // namespace bf::verify
