#include "plan/endpoints.h"

#include <algorithm>

#include "common/strings.h"
#include "spec/naming.h"

namespace bf::plan {
namespace {

using spec::AppSpec;
using spec::Entity;

bool Contains(const std::vector<std::string>& v, std::string_view s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

// The principals of an access list plus the admin role, which may always act (not repeated
// when everyone or every signed-in user may).
std::vector<std::string> WithAdmin(const AppSpec& spec, std::vector<std::string> who) {
  if (spec.auth.enabled && !Contains(who, "public") && !Contains(who, "authenticated") &&
      !Contains(who, spec.auth.adminRole)) {
    who.push_back(spec.auth.adminRole);
  }
  return who;
}

// Status codes for an operation guarded by `who`; `base` holds the success and body codes.
std::vector<int> Statuses(std::vector<int> base, const std::vector<std::string>& who, bool has_id) {
  bool open = Contains(who, "public");
  bool any_user = open || Contains(who, "authenticated");
  if (!open) base.push_back(401);
  if (!any_user) base.push_back(403);
  if (has_id) base.push_back(404);
  std::sort(base.begin(), base.end());
  base.erase(std::unique(base.begin(), base.end()), base.end());
  return base;
}

Endpoint Make(std::string method, std::string path, EndpointKind kind, std::string summary,
              std::vector<std::string> access, std::vector<int> statuses) {
  Endpoint e;
  e.method = std::move(method);
  e.path = std::move(path);
  e.kind = kind;
  e.summary = std::move(summary);
  e.access = std::move(access);
  e.requiresAuth = !Contains(e.access, "public");
  e.statuses = std::move(statuses);
  return e;
}

void AddSystem(std::vector<Endpoint>& out) {
  out.push_back(Make("GET", "/health", EndpointKind::kSystem, "liveness: the process is up",
                     {"public"}, {200}));
  out.push_back(Make("GET", "/ready", EndpointKind::kSystem, "readiness: the database answers",
                     {"public"}, {200, 503}));
  out.push_back(Make("GET", "/openapi.json", EndpointKind::kSystem, "the OpenAPI 3.1 document",
                     {"public"}, {200}));
  out.push_back(Make("GET", "/docs", EndpointKind::kSystem, "interactive API docs (Swagger UI)",
                     {"public"}, {200}));
}

void AddAuth(const AppSpec& spec, std::vector<Endpoint>& out) {
  const std::string& id = spec.auth.identityField;
  out.push_back(Make("POST", "/auth/register", EndpointKind::kAuth,
                     "create a " + spec.auth.userEntity + " (role \"" + spec.auth.defaultRole +
                         "\") from " + id + " + password",
                     {"public"}, {201, 400, 409, 422, 429}));
  out.push_back(Make("POST", "/auth/login", EndpointKind::kAuth,
                     "exchange " + id + " + password for an access token (" +
                         std::to_string(spec.auth.accessTokenMinutes) +
                         " min) and a refresh token (" +
                         std::to_string(spec.auth.refreshTokenDays) + " days)",
                     {"public"}, {200, 400, 401, 422, 429}));
  Endpoint refresh =
      Make("POST", "/auth/refresh", EndpointKind::kAuth,
           "rotate a refresh token: new access + refresh token, the old one is revoked",
           {"refresh-token"}, {200, 400, 401, 422, 429});
  refresh.requiresAuth = false;  // the refresh token travels in the body, not as a bearer token
  out.push_back(refresh);
  out.push_back(Make("GET", "/auth/me", EndpointKind::kAuth,
                     "the signed-in " + spec.auth.userEntity, {"authenticated"}, {200, 401}));
}

void AddEntity(const AppSpec& spec, const Entity& e, std::vector<Endpoint>& out) {
  spec::Access a = spec::EffectiveAccess(spec, e);
  std::string coll = CollectionPath(e);
  std::string item = coll + "/{id}";
  std::string noun = naming::ToLowerWords(e.name);
  std::string a_noun =
      (std::string_view("aeiou").find(noun.empty() ? 'x' : noun[0]) != std::string_view::npos
           ? "an "
           : "a ") +
      noun;
  std::string nouns = naming::ToLowerWords(e.plural);
  auto add = [&](std::string method, std::string path, EndpointKind kind, std::string summary,
                 const std::vector<std::string>& who, std::vector<int> base, bool has_id) {
    std::vector<std::string> access = WithAdmin(spec, who);
    Endpoint ep = Make(std::move(method), std::move(path), kind, std::move(summary), access,
                       Statuses(std::move(base), access, has_id));
    ep.entity = e.name;
    out.push_back(std::move(ep));
  };
  add("GET", coll, EndpointKind::kList, "list " + nouns + " (page, limit, sort, field filters)",
      a.read, {200, 400}, false);
  // 409 when a unique field (or a one-to-one foreign key) would be duplicated.
  bool unique =
      std::any_of(e.fields.begin(), e.fields.end(),
                  [](const spec::Field& f) { return f.unique; }) ||
      std::any_of(spec.relations.begin(), spec.relations.end(), [&](const spec::Relation& r) {
        return r.kind == spec::RelationKind::kOneToOne && r.to == e.name;
      });
  std::vector<int> body = {400, 422};
  if (unique) body.push_back(409);
  std::vector<int> created = body, updated = body;
  created.push_back(201);
  updated.push_back(200);
  // Accounts of the user entity are created by /auth/register, not by a POST on the collection.
  bool is_user = spec.auth.enabled && e.name == spec.auth.userEntity;
  if (!is_user) add("POST", coll, EndpointKind::kCreate, "create " + a_noun, a.create, created, false);
  add("GET", item, EndpointKind::kRead, "get one " + noun, a.read, {200}, true);
  add("PATCH", item, EndpointKind::kUpdate, "update fields of " + a_noun, a.update, updated, true);
  // 409 when a "restrict" reference to this record remains.
  bool restricted = std::any_of(spec.relations.begin(), spec.relations.end(), [&](const spec::Relation& r) {
    return r.from == e.name && r.kind != spec::RelationKind::kManyToMany && r.onDelete == spec::OnDelete::kRestrict;
  });
  add("DELETE", item, EndpointKind::kDelete, "delete " + a_noun, a.remove,
      restricted ? std::vector<int>{204, 409} : std::vector<int>{204}, true);
}

// Nested reads from `from`, in relation order: one-to-many and many-to-many lists on the
// declaring side, the single record of a one-to-one, and the inverse side of many-to-many
// links (a tag's posts). The inverse of one-to-many is the foreign key itself (?postId=).
void AddNested(const AppSpec& spec, const Entity& from, std::vector<Endpoint>& out) {
  for (const auto& r : spec.relations) {
    bool declared = r.from == from.name;
    bool inverse_m2m = !declared && r.to == from.name && r.kind == spec::RelationKind::kManyToMany;
    if (!declared && !inverse_m2m) continue;
    const Entity* other = spec.FindEntity(declared ? r.to : r.from);
    if (!other) continue;
    const std::string& accessor = declared ? r.name : r.inverse;
    bool single = declared && r.kind == spec::RelationKind::kOneToOne;
    std::vector<std::string> access = WithAdmin(spec, spec::EffectiveAccess(spec, *other).read);
    std::vector<int> statuses = Statuses(single ? std::vector<int>{200} : std::vector<int>{200, 400}, access, true);
    std::string summary = single ? "get the " + naming::ToLowerWords(accessor) + " of a " + naming::ToLowerWords(from.name) +
                                       " (one-to-one)"
                                 : "list the " + naming::ToLowerWords(accessor) + " of a " + naming::ToLowerWords(from.name) +
                                       " (" + std::string(spec::ToString(r.kind)) + ", paginated)";
    Endpoint ep = Make("GET", CollectionPath(from) + "/{id}/" + PathSegment(accessor),
                       single ? EndpointKind::kNestedRead : EndpointKind::kNestedList, std::move(summary),
                       std::move(access), std::move(statuses));
    ep.entity = other->name;
    ep.parent = from.name;
    ep.relation = accessor;
    out.push_back(std::move(ep));
  }
}

}  // namespace

std::string_view ToString(EndpointKind k) {
  switch (k) {
    case EndpointKind::kSystem:
      return "system";
    case EndpointKind::kAuth:
      return "auth";
    case EndpointKind::kList:
      return "list";
    case EndpointKind::kCreate:
      return "create";
    case EndpointKind::kRead:
      return "read";
    case EndpointKind::kUpdate:
      return "update";
    case EndpointKind::kDelete:
      return "delete";
    case EndpointKind::kNestedList:
      return "nested-list";
    case EndpointKind::kNestedRead:
      return "nested-read";
    case EndpointKind::kEvents:
      return "events";
  }
  return "?";
}

std::string Endpoint::AccessText() const {
  std::vector<std::string> words;
  for (const auto& p : access) {
    if (p == "public") {
      words.push_back("anyone");
    } else if (p == "authenticated") {
      words.push_back("any signed-in user");
    } else if (p == "refresh-token") {
      words.push_back("holder of a valid refresh token");
    } else {
      words.push_back(p);
    }
  }
  return Join(words, ", ");
}

std::string PathSegment(std::string_view name) { return naming::ToKebabCase(name); }

std::string CollectionPath(const Entity& entity) {
  return "/api/" +
         PathSegment(entity.plural.empty() ? naming::PluralizeName(entity.name) : entity.plural);
}

bool HasEventStream(const AppSpec& spec) {
  return spec.HasFeature(spec::Feature::kRealtime) ||
         spec.HasFeature(spec::Feature::kNotifications);
}

std::vector<Endpoint> BuildEndpoints(const AppSpec& spec) {
  std::vector<Endpoint> out;
  out.reserve(8 + spec.entities.size() * 5 + spec.relations.size() + 1);
  AddSystem(out);
  if (spec.auth.enabled) AddAuth(spec, out);
  for (const auto& e : spec.entities) {
    AddEntity(spec, e, out);
    AddNested(spec, e, out);  // nested reads follow their parent's CRUD routes
  }
  if (HasEventStream(spec)) {
    std::vector<std::string> who = spec.auth.enabled ? std::vector<std::string>{"authenticated"}
                                                     : std::vector<std::string>{"public"};
    std::vector<int> statuses = Statuses({200}, who, false);
    out.push_back(Make("GET", "/api/events", EndpointKind::kEvents,
                       "server-sent events: <entity>.created/updated/deleted the caller may read",
                       std::move(who), std::move(statuses)));
  }
  return out;
}

}  // namespace bf::plan
