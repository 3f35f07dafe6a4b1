// System routes and the OpenAPI document.
#include "common/strings.h"
#include "generate/openapi.h"
#include "verify/checks.h"
#include "verify/expect.h"
#include "verify/openapi_diff.h"

namespace bf::verify {

namespace {

constexpr size_t kMaxListed = 30;

std::string Listed(const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size() && i < kMaxListed; ++i) out += "\n  - " + items[i];
  if (items.size() > kMaxListed)
    out += "\n  ... and " + std::to_string(items.size() - kMaxListed) + " more";
  return out;
}

Outcome StatusBody(Context& ctx, const std::string& path, const std::string& want) {
  std::string expected = "200 with JSON {\"status\": \"" + want + "\"}";
  Exchange ex = ctx.Send("GET", path, std::nullopt);
  if (auto f = ExpectStatus(ex, 200, expected)) return *f;
  nlohmann::json body;
  if (auto f = ExpectJson(ex, expected, body)) return *f;
  if (body.value("status", nlohmann::json()) != want) {
    return Fail("\"status\" is " + (body.contains("status") ? body["status"].dump() : "missing"),
                expected, ex);
  }
  return Pass();
}

}  // namespace

void AddSystemChecks(Context& ctx, std::vector<Check>& out) {
  out.push_back(
      {"system: health", "system", {}, [&ctx] { return StatusBody(ctx, "/health", "ok"); }});
  out.push_back(
      {"system: ready", "system", {}, [&ctx] { return StatusBody(ctx, "/ready", "ready"); }});
  out.push_back({"system: docs", "system", {}, [&ctx] {
                   std::string expected = "200 text/html (Swagger UI) at /docs";
                   Exchange ex = ctx.Send("GET", "/docs", std::nullopt);
                   if (ex.response &&
                       (ex.response->status == 301 || ex.response->status == 302 ||
                        ex.response->status == 307 || ex.response->status == 308) &&
                       StartsWith(ex.response->Header("location"), "/docs")) {
                     ex = ctx.Send("GET", ex.response->Header("location"), std::nullopt);
                   }
                   if (auto f = ExpectStatus(ex, 200, expected)) return *f;
                   if (ex.response->MediaType() != "text/html") {
                     return Fail("Content-Type is \"" + ex.response->Header("content-type") + "\"",
                                 expected, ex);
                   }
                   return Pass();
                 }});
  out.push_back({"system: openapi document", "system", {}, [&ctx] {
                   std::string expected = "200 with an OpenAPI 3.1 JSON document";
                   Exchange ex = ctx.Send("GET", "/openapi.json", std::nullopt);
                   if (auto f = ExpectStatus(ex, 200, expected)) return *f;
                   if (auto f = ExpectJson(ex, expected, ctx.openapi)) return *f;
                   std::string version = StrOf(ctx.openapi, "openapi");
                   if (!StartsWith(version, "3.1")) {
                     return Fail("\"openapi\" is \"" + version + "\", not 3.1.x", expected, ex);
                   }
                   return Pass();
                 }});
  // The three comparisons share one diff; computing it three times is cheap and keeps each
  // check independent.
  auto diff = [&ctx] { return DiffOpenApi(generate::BuildOpenApi(ctx.spec), ctx.openapi); };
  out.push_back({"system: openapi operations", "system", {"system: openapi document"}, [diff] {
                   OpenApiDiff d = diff();
                   if (d.missing_operations.empty() && d.extra_operations.empty()) return Pass();
                   std::string msg = "the served document does not list the contract's operations";
                   if (!d.missing_operations.empty())
                     msg += "\nmissing:" + Listed(d.missing_operations);
                   if (!d.extra_operations.empty())
                     msg += "\nnot in the contract:" + Listed(d.extra_operations);
                   return Fail(msg,
                               "exactly the paths and methods of the document built from the spec");
                 }});
  out.push_back({"system: openapi entity schemas", "system", {"system: openapi document"}, [diff] {
                   OpenApiDiff d = diff();
                   if (d.schema_problems.empty()) return Pass();
                   return Fail("entity schemas differ from the spec:" + Listed(d.schema_problems),
                               "records, create and update bodies with the spec's properties, "
                               "types and required lists");
                 }});
  out.push_back({"system: openapi status codes", "system", {"system: openapi document"}, [diff] {
                   OpenApiDiff d = diff();
                   if (d.status_problems.empty()) return Pass();
                   return Fail("documented status codes differ:" + Listed(d.status_problems),
                               "each operation documents exactly the status codes of the contract");
                 }});
  out.push_back(
      {"system: x-request-id is echoed", "system", {}, [&ctx] {
         std::string id = "verify-" + ctx.run + "-request-1";
         Exchange ex = ctx.SendRaw("GET", "/health", std::nullopt, {{"X-Request-Id", id}});
         std::string expected = "the response carries x-request-id: " + id;
         if (auto f = ExpectStatus(ex, 200, expected)) return *f;
         std::string got = ex.response->Header("x-request-id");
         if (got != id)
           return Fail("x-request-id is " + (got.empty() ? std::string("absent") : Quote(got)),
                       expected, ex);
         return Pass();
       }});
  out.push_back({"system: unknown route is a 404 problem", "system", {}, [&ctx] {
                   Exchange ex =
                       ctx.Send("GET", "/api/verify-no-such-route-" + ctx.run, std::nullopt);
                   if (auto f = ExpectProblem(ex, 404, "404 application/problem+json")) return *f;
                   return Pass();
                 }});
}

void AddRoutingChecks(Context& ctx, std::vector<Check>& out) {
  if (!ctx.model.entities.empty()) {
    const EntityModel* e = &ctx.model.entities.back();
    std::vector<std::string> needs;
    if (ctx.model.auth) needs.push_back(kRegisterCheck);
    out.push_back({"system: an undocumented method is 405 with Allow", "system", needs, [&ctx, e] {
                     std::string who = ctx.model.auth ? kOwner : "";
                     Exchange ex = ctx.Send("PUT", e->route, nlohmann::json::object(), who);
                     if (auto f = ExpectMethodNotAllowedFailure(
                             ex, "PUT", e->route + " documents GET and POST"))
                       return *f;
                     ex = ctx.Send("PUT", e->route + "/00000000-0000-4000-8000-0000000000aa",
                                   nlohmann::json::object(), who);
                     if (auto f = ExpectMethodNotAllowedFailure(
                             ex, "PUT", e->route + "/{id} documents GET, PATCH and DELETE"))
                       return *f;
                     return Pass();
                   }});
  }
}

}  // namespace bf::verify
