// GET /health, /ready, /metrics and /api/openapi.json.
#include "assets/embedded.h"
#include "server/app.h"

namespace bf::server {

namespace {

Response Health(App&, Request&) { return Json(200, nlohmann::json{{"status", "ok"}}); }

Response Ready(App& app, Request&) {
  if (!app.ready()) return Problem(503, "server.not_ready", "the server is starting or shutting down");
  if (auto st = app.store.Ping(); !st.ok()) return Problem(503, "server.store_unavailable", "the database is not reachable");
  return Json(200, nlohmann::json{{"status", "ready"}});
}

Response MetricsText(App& app, Request&) {
  return Text(200, app.metrics.Render(), "text/plain; version=0.0.4; charset=utf-8");
}

Response OpenApi(App&, Request&) {
  auto doc = assets::Find(assets::SchemaFiles(), "backendforge-api.json");
  if (!doc) return Problem(500, "server.internal", "this build lacks its OpenAPI document");
  Response r = Text(200, std::string(*doc), "application/json");
  r.headers.Set("Cache-Control", "no-cache");
  return r;
}

}  // namespace

void AddSystemRoutes(App& app) {
  RouteOptions open{.auth = false};
  app.router.Add("GET", "/health", [&app](Request& r) { return Health(app, r); }, open);
  app.router.Add("GET", "/ready", [&app](Request& r) { return Ready(app, r); }, open);
  app.router.Add("GET", "/metrics", [&app](Request& r) { return MetricsText(app, r); }, open);
  app.router.Add("GET", "/api/openapi.json", [&app](Request& r) { return OpenApi(app, r); }, open);
}

}  // namespace bf::server
