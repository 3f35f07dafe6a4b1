#include "server/app.h"

#include <unistd.h>

#include "server/log.h"
#include "server/project_docs.h"
#include "server/solve.h"
#include "server/ws_session.h"
#include "vcs/ownership.h"

namespace bf::server {

namespace {

std::filesystem::path DefaultUiDir(const ServerConfig& c) {
  if (!c.uiDir.empty()) return c.uiDir;
  // Next to the binary in a checkout: build/backendforge -> ../web/dist.
  char buf[4096];
  ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n <= 0) return {};
  buf[n] = '\0';
  return std::filesystem::path(buf).parent_path().parent_path() / "web" / "dist";
}

JobRunnerOptions JobOptions(const ServerConfig& c) {
  JobRunnerOptions o;
  o.workers = c.jobWorkers;
  o.maxQueued = c.maxQueuedJobs;
  return o;
}

PreviewOptions PreviewOpts(const ServerConfig& c) {
  PreviewOptions o;
  o.idleMillis = int64_t{c.previewIdleSeconds} * 1000;
  o.maxPerUser = c.maxPreviewsPerUser;
  return o;
}

AuthOptions AuthOpts(const ServerConfig& c) {
  AuthOptions o;
  o.maxFailedLogins = c.maxFailedLogins;
  o.refreshTokenSeconds = int64_t{c.refreshTokenDays} * 24 * 3600;
  return o;
}

}  // namespace

App::App(ServerConfig cfg, store::Store& st, const Clock& clk, std::string jwt_secret,
         std::unique_ptr<Assistant> asst, std::unique_ptr<ProjectPipeline> pipe)
    : config(std::move(cfg)),
      store(st),
      clock(clk),
      hasher(config.passwordCost, std::max(1, config.ioThreads)),
      jwt(std::move(jwt_secret), config.issuer, config.audience, config.accessTokenSeconds),
      auth(store, hasher, jwt, clock, AuthOpts(config)),
      costlyLimiter(clock, config.costlyLimit),
      authLimiter(clock, config.authLimit),
      hub(&metrics),
      jobs(store, hub, clock, &metrics, JobOptions(config)),
      assistant(std::move(asst)),
      pipeline(std::move(pipe)),
      previews(std::make_unique<PreviewManager>(hub, clock, PreviewOpts(config))),
      ui(DefaultUiDir(config)) {
  // Project folders are handed to the sandbox user for runs; they are still ours to read.
  vcs::SetOwnerValidation(false);
  jobs.SetOnFinished([this](const store::Job& j) { RefreshLogsDoc(*this, j); });
  metrics.AddGauge("backendforge_jobs_running", "Jobs running now.", [this] { return jobs.running(); });
  metrics.AddGauge("backendforge_jobs_queued", "Jobs waiting for a worker.", [this] { return jobs.queued(); });
  metrics.AddGauge("backendforge_previews_running", "Live previews not stopped.", [this] { return previews->Running(); });
  AddMiddleware(*this);
  AddSystemRoutes(*this);
  AddAuthRoutes(*this);
  AddWorkspaceRoutes(*this);
  AddProjectRoutes(*this);
  AddChatRoutes(*this);
  AddJobRoutes(*this);
  AddExportRoutes(*this);
  AddFileRoutes(*this);
  AddHistoryRoutes(*this);
  AddPreviewRoutes(*this);
  AddSolveRoutes(*this);
  router.SetFallback([this](Request& req) { return ui.Serve(req); });
}

App::~App() {
  previews->StopAll();
  jobs.Shutdown(0);
}

Response App::Handle(Request& req) {
  try {
    return router.Handle(req);
  } catch (const std::exception& e) {
    log::Error("request.crashed", {{"requestId", req.requestId}, {"error", e.what()}});
    return Problem(500, "server.internal", "the server failed to answer; request id " + req.requestId);
  }
}

size_t App::BodyLimit(const std::string& method, const std::string& target) const {
  auto split = ParseTarget(target);
  if (!split) return config.maxBodyBytes;
  const RouteInfo* r = router.Match(method, split->path, nullptr);
  if (!r) return config.maxBodyBytes;
  return r->options.maxBody == kDefaultBodyLimit ? config.maxBodyBytes : r->options.maxBody;
}

void App::ShutdownJobs() { jobs.Shutdown(int64_t{config.shutdownGraceSeconds} * 1000); }

std::filesystem::path App::ProjectDir(const std::string& project_id) const {
  return std::filesystem::path(config.dataDir) / "projects" / project_id;
}

Response ErrorResponse(const Request& req, const Error& e) {
  const std::string& c = e.code;
  auto starts = [&](const char* p) { return c.rfind(p, 0) == 0; };
  if (c == "store.not_found") return Problem(404, "not_found", e.message);
  if (c == "store.conflict" || c == "auth.email_taken") return Problem(409, c == "store.conflict" ? "conflict" : c, e.message);
  if (c == "auth.locked") return Problem(429, c, e.message);
  if (c == "access.forbidden") return Problem(403, c, e.message);
  if (starts("auth.")) {
    Response r = Problem(401, c, e.message);
    r.headers.Set("WWW-Authenticate", "Bearer realm=\"backendforge\"");
    return r;
  }
  if (c == "jobs.busy" || c == "jobs.shutting_down") {
    Response r = Problem(503, c, e.message);
    r.headers.Set("Retry-After", "30");
    return r;
  }
  if (starts("spec.") || starts("validation.") || starts("generate.") || c == "request.invalid") {
    return Problem(422, c, e.message);
  }
  log::Error("request.failed", {{"requestId", req.requestId}, {"code", c}, {"error", e.message}});
  return Problem(500, "server.internal", "the server could not complete the request; request id " + req.requestId);
}

}  // namespace bf::server
