// The plan's security notes (OWASP API Security Top 10, 2023) and testing strategy, derived
// from the spec so each line names the entities and rules it is about.
#include <algorithm>

#include "common/strings.h"
#include "plan/data_model.h"
#include "plan/plan.h"
#include "spec/naming.h"

namespace bf::plan {
namespace {

using spec::AppSpec;
using spec::Feature;

bool Has(const std::vector<std::string>& v, std::string_view s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

std::vector<std::string> OwnedEntities(const AppSpec& spec) {
  std::vector<std::string> out;
  for (const auto& e : spec.entities) {
    if (e.owner) out.push_back(e.name + " (" + *e.owner + "Id)");
  }
  return out;
}

// Endpoints only some roles may call (neither public nor any signed-in user nor owner).
std::vector<std::string> RoleOnly(const std::vector<Endpoint>& endpoints) {
  std::vector<std::string> out;
  for (const auto& ep : endpoints) {
    if (Has(ep.access, "public") || Has(ep.access, "authenticated") || Has(ep.access, "owner") ||
        Has(ep.access, "refresh-token")) {
      continue;
    }
    out.push_back(ep.method + " " + ep.path);
  }
  return out;
}

bool HasUrlField(const AppSpec& spec) {
  for (const auto& e : spec.entities) {
    for (const auto& f : e.fields) {
      if (f.type == spec::FieldType::kUrl) return true;
    }
  }
  return false;
}

std::string Limited(const std::vector<std::string>& items, size_t max) {
  if (items.size() <= max) return Join(items, ", ");
  std::vector<std::string> head(items.begin(), items.begin() + static_cast<std::ptrdiff_t>(max));
  return Join(head, ", ") + " and " + std::to_string(items.size() - max) + " more";
}

}  // namespace

std::vector<SecurityNote> SecurityNotes(const AppSpec& spec,
                                        const std::vector<Endpoint>& endpoints) {
  std::vector<SecurityNote> out;
  bool auth = spec.auth.enabled;
  std::vector<std::string> owned = OwnedEntities(spec);
  if (auth) {
    out.push_back(
        {"API1:2023", "Broken Object Level Authorization",
         owned.empty()
             ? "no entity has an owner: record access is decided by role rules; ids are random "
               "UUIDs"
             : "every read/update/delete of an owned record compares its owner column with the "
               "caller "
               "(403 otherwise, admins excepted), lists are filtered the same way; owned: " +
                   Limited(owned, 8) + "; ids are random UUIDs, never sequential"});
    out.push_back({"API2:2023", "Broken Authentication",
                   "passwords hashed with argon2id; access tokens live " +
                       std::to_string(spec.auth.accessTokenMinutes) +
                       " minutes (JWT HS256, algorithm pinned, exp checked); refresh tokens (" +
                       std::to_string(spec.auth.refreshTokenDays) +
                       " days) are stored hashed and rotated on every use, reuse revokes the "
                       "family; login and "
                       "register are rate limited and answer the same for unknown accounts"});
  }
  out.push_back({"API3:2023", "Broken Object Property Level Authorization",
                 "strict request schemas reject unknown fields and server-owned ones (id, "
                 "createdAt, updatedAt, "
                 "owner ids" +
                     std::string(auth ? ", role, passwordHash" : "") +
                     ") to stop mass assignment; responses are built from an allow-list" +
                     std::string(auth ? " and never contain the password hash" : "")});
  out.push_back(
      {"API4:2023", "Unrestricted Resource Consumption",
       "pagination is mandatory (limit defaults to 20, capped at 100), request bodies are capped "
       "at 1 MiB, "
       "rate limits per IP and per user" +
           std::string(HasEventStream(spec) ? ", at most 5 open SSE streams per user" : "")});
  if (auth) {
    std::vector<std::string> role_only = RoleOnly(endpoints);
    out.push_back(
        {"API5:2023", "Broken Function Level Authorization",
         role_only.empty()
             ? "role checks run in one middleware before any handler; no route is role-only"
             : "role checks run in one middleware before any handler; role-only routes: " +
                   Limited(role_only, 6)});
  }
  if (spec.HasFeature(Feature::kPayments) || auth) {
    out.push_back(
        {"API6:2023", "Unrestricted Access to Sensitive Business Flows",
         std::string(auth ? "registration and login are throttled per IP" : "") +
             (spec.HasFeature(Feature::kPayments)
                  ? std::string(auth ? "; " : "") + "payment calls take an Idempotency-Key header"
                  : "")});
  }
  if (HasUrlField(spec) || spec.HasFeature(Feature::kFileUploads)) {
    out.push_back({"API7:2023", "Server Side Request Forgery",
                   "url fields are validated as absolute http(s) URLs and stored, never fetched by "
                   "the server; "
                   "uploads are stored under generated names with a size and type allow-list"});
  }
  out.push_back(
      {"API8:2023", "Security Misconfiguration",
       "errors are RFC 9457 problem+json without stack traces; security headers on every response; "
       "CORS "
       "origins and secrets come from the environment; debug endpoints off in production"});
  out.push_back({"API9:2023", "Improper Inventory Management",
                 "the OpenAPI document is generated from the same schemas as the routes and served "
                 "at /openapi.json; "
                 "the endpoint table in this plan is the inventory"});
  if (spec.HasFeature(Feature::kPayments) || spec.HasFeature(Feature::kEmail)) {
    out.push_back(
        {"API10:2023", "Unsafe Consumption of APIs",
         "third-party answers (payment provider, mail service) are validated like user input, with "
         "timeouts; webhooks are accepted only with a valid signature"});
  }
  return out;
}

std::vector<std::string> TestingStrategy(const AppSpec& spec,
                                         const std::vector<Endpoint>& endpoints) {
  std::vector<std::string> out;
  out.push_back(
      "Test-first: the tests are generated before the implementation and run against stubs that "
      "answer "
      "501; the red run is recorded (every test fails), then the implementation is generated and "
      "the "
      "green run is recorded; both runs with timestamps go into the project docs.");
  if (spec.auth.enabled) {
    out.push_back(
        "Auth: register (201; 409 duplicate " + spec.auth.identityField +
        "; 422 invalid), login (200; 401 wrong password), /auth/me (401 without or with an expired "
        "token), refresh rotation (the old refresh token fails after use; reusing it revokes the "
        "family).");
  }
  for (const auto& e : spec.entities) {
    std::vector<std::string> required, unique, bounded;
    for (const auto& f : e.fields) {
      if (f.required) required.push_back(f.name);
      if (f.unique) unique.push_back(f.name);
      if (f.maxLength || f.min || f.max || f.type == spec::FieldType::kEnum)
        bounded.push_back(f.name);
    }
    std::string line =
        e.name +
        ": create (201) and read back; list with page/limit/sort and a field filter; "
        "PATCH; DELETE then 404";
    if (!required.empty())
      line += "; 422 when a required field is missing (" + Limited(required, 5) + ")";
    if (!unique.empty()) line += "; 409 on a duplicate " + Limited(unique, 3);
    if (!bounded.empty()) line += "; bounds and enum values (" + Limited(bounded, 5) + ")";
    line += "; 422 for unknown or server-owned fields";
    if (spec.auth.enabled) line += "; 401 without a token";
    spec::Access a = spec::EffectiveAccess(spec, e);
    if (e.owner) line += "; another user's PATCH/DELETE gets 403, an admin's succeeds";
    if (!Has(a.create, "authenticated") && !Has(a.create, "public") && spec.auth.enabled) {
      line += "; create as a \"" + spec.auth.defaultRole + "\" gets 403";
    }
    out.push_back(line + ".");
  }
  size_t nested = std::count_if(endpoints.begin(), endpoints.end(), [](const Endpoint& ep) {
    return ep.kind == EndpointKind::kNestedList;
  });
  if (nested) {
    out.push_back("Relations: each of the " + std::to_string(nested) +
                  " nested reads lists exactly the linked records, paginated, and answers 404 for "
                  "an unknown parent.");
  }
  if (HasEventStream(spec)) {
    out.push_back(
        "Events: a subscriber to /api/events receives `<entity>.created` within 2 s of a create" +
        std::string(spec.auth.enabled
                        ? ", never events for records it may not read; 401 without a token"
                        : "") +
        "; Last-Event-ID replays missed events.");
  }
  out.push_back(
      "Black-box conformance: `backendforge verify` runs one suite over HTTP against any generated "
      "stack, "
      "and Schemathesis checks every route against /openapi.json.");
  return out;
}

Plan MakePlan(const AppSpec& spec, const PlanOptions& options) {
  Plan p;
  p.spec = spec;
  p.assumptions = options.assumptions;
  p.stack = RecommendStack(spec, options.requestText);
  p.endpoints = BuildEndpoints(spec);
  p.diagrams = BuildDiagrams(spec, p.stack);
  p.security = SecurityNotes(spec, p.endpoints);
  p.testing = TestingStrategy(spec, p.endpoints);
  return p;
}

}  // namespace bf::plan
