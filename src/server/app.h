// The application behind the socket: configuration, services and the router, wired once at
// start. The net layer calls Handle() for HTTP requests and the WebSocket entry points; nothing
// here includes Beast. Thread-safe after construction.
#pragma once

#include <atomic>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "common/result.h"
#include "server/assistant.h"
#include "server/auth_service.h"
#include "server/clock.h"
#include "server/config.h"
#include "server/event_hub.h"
#include "server/http.h"
#include "server/jobs.h"
#include "server/jwt.h"
#include "server/metrics.h"
#include "server/password.h"
#include "server/preview.h"
#include "server/project_pipeline.h"
#include "server/rate_limit.h"
#include "server/router.h"
#include "server/static_ui.h"
#include "store/store.h"

namespace bf::server {

class WsConnection;
class WsSession;

class App {
 public:
  // `assistant` may be null (chat answers 503); `pipeline` may be null (generation answers 503).
  App(ServerConfig config, store::Store& store, const Clock& clock, std::string jwt_secret,
      std::unique_ptr<Assistant> assistant, std::unique_ptr<ProjectPipeline> pipeline);
  ~App();

  // Answers one HTTP request (middleware, routing, handler). Never throws.
  Response Handle(Request& req);
  // The body limit of the route `method path` would match (checked before the body is read).
  size_t BodyLimit(const std::string& method, const std::string& target) const;

  // WebSocket upgrade of GET /api/chat: the principal when the request is authenticated and its
  // Origin allowed, else the response to send instead of upgrading.
  struct WsDecision {
    std::optional<Principal> principal;
    std::optional<Response> reject;
  };
  WsDecision CheckWebSocket(Request& req);
  // The app side of an accepted WebSocket; the net side is `conn`.
  std::shared_ptr<WsSession> OpenWebSocket(const Principal& principal, std::weak_ptr<WsConnection> conn);

  // Readiness: false until Start() and after BeginShutdown().
  bool ready() const { return ready_.load(); }
  void SetReady(bool r) { ready_ = r; }
  // Jobs stop being accepted; running ones are interrupted (recorded as such).
  void ShutdownJobs();

  std::filesystem::path ProjectDir(const std::string& project_id) const;

  // Services, for the handlers.
  ServerConfig config;
  store::Store& store;
  const Clock& clock;
  Metrics metrics;
  PasswordHasher hasher;
  Jwt jwt;
  AuthService auth;
  RateLimiter costlyLimiter;
  RateLimiter authLimiter;
  EventHub hub;
  JobRunner jobs;
  std::unique_ptr<Assistant> assistant;
  std::unique_ptr<ProjectPipeline> pipeline;
  // Live previews (replaceable before use, e.g. by tests with a local runner).
  std::unique_ptr<PreviewManager> previews;
  StaticUi ui;
  Router router;

 private:
  std::atomic<bool> ready_{false};
};

// Registration of the routes, by area (handlers_*.cc).
void AddSystemRoutes(App& app);
void AddAuthRoutes(App& app);
void AddWorkspaceRoutes(App& app);
void AddProjectRoutes(App& app);
void AddChatRoutes(App& app);
void AddJobRoutes(App& app);
void AddExportRoutes(App& app);
void AddFileRoutes(App& app);
void AddHistoryRoutes(App& app);
void AddPreviewRoutes(App& app);
// The middleware chain (middleware.cc).
void AddMiddleware(App& app);

// Maps a failure to its HTTP answer (store.not_found -> 404, ...), without leaking internals:
// unexpected errors are logged and answered 500 with the request id.
Response ErrorResponse(const Request& req, const Error& e);

}  // namespace bf::server
