// The HTTP API of a generated backend (DESIGN.md section 4) as data: every route with its
// method, path, who may call it (from EffectiveAccess) and the status codes it answers.
//
// URL convention: resource paths use the entity's plural in kebab-case and relation accessors
// in kebab-case too: OrderItem -> /api/order-items, Order.lineItems ->
// /api/orders/{id}/line-items. Path parameters are written OpenAPI-style ({id}).
#pragma once

#include <string>
#include <vector>

#include "spec/app_spec.h"

namespace bf::plan {

enum class EndpointKind {
  kSystem,
  kAuth,
  kList,
  kCreate,
  kRead,
  kUpdate,
  kDelete,
  kNestedList,
  kNestedRead,  // the single record of a one-to-one
  kEvents
};
std::string_view ToString(EndpointKind k);

struct Endpoint {
  std::string method;  // "GET", "POST", "PATCH", "DELETE"
  std::string path;    // "/api/order-items/{id}"
  EndpointKind kind = EndpointKind::kSystem;
  std::string entity;    // the entity served (nested reads: the listed entity); empty otherwise
  std::string parent;    // nested reads: the entity named in the path before {id}
  std::string relation;  // nested reads: the relation accessor on `parent`
  std::string summary;
  // Principals allowed: "public", "authenticated", "owner", "refresh-token" or role names.
  // With auth on, the admin role is listed explicitly unless the route is open to everyone or
  // to every signed-in user (admins may do everything).
  std::vector<std::string> access;
  bool requiresAuth = false;  // an access token is needed (401 without one)
  std::vector<int> statuses;  // documented responses, ascending

  std::string AccessText() const;  // "owner, admin"; "anyone"; "any signed-in user"
};

// "/api/" + kebab-case plural, e.g. "/api/order-items".
std::string CollectionPath(const spec::Entity& entity);
// Kebab-case path segment for an identifier: "orderItems" -> "order-items".
std::string PathSegment(std::string_view name);

// Every endpoint in a fixed order: system, auth (when enabled), per entity in spec order
// (list, create, read, update, delete, then nested reads in relation order), then
// GET /api/events when the spec has realtime or notifications.
std::vector<Endpoint> BuildEndpoints(const spec::AppSpec& spec);

// True when the spec needs the SSE stream (realtime or notifications).
bool HasEventStream(const spec::AppSpec& spec);

}  // namespace bf::plan
