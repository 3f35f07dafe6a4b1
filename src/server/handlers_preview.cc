// Live preview: POST /api/preview, GET|DELETE /api/preview/{projectId}, and the reverse proxy
// /preview/{projectId}/... to the running backend (preview.h, preview_proxy.h).
#include <filesystem>

#include "server/access.h"
#include "server/app.h"
#include "server/clock.h"
#include "server/crypto.h"
#include "server/log.h"
#include "server/preview_launch.h"
#include "server/preview_proxy.h"
#include "verify/curl_client.h"

namespace bf::server {

namespace {

constexpr auto kProxyTimeout = std::chrono::seconds(30);

nlohmann::ordered_json StatusJson(const PreviewStatus& s) {
  bool running = s.state != "stopped";
  return {{"projectId", s.projectId},
          {"state", s.state},
          {"reason", s.reason},
          {"port", running ? nlohmann::ordered_json(s.port) : nlohmann::ordered_json(nullptr)},
          {"startedAt", s.startedAt ? nlohmann::ordered_json(IsoTime(s.startedAt)) : nlohmann::ordered_json(nullptr)},
          {"url", std::string(kPreviewPrefix) + "/" + s.projectId},
          {"log", s.log}};
}

// The environment of the preview: the target's own variables, then what a production start
// needs. HOST is loopback because the process shares the host's network namespace.
std::map<std::string, std::string> PreviewEnv(const RunCommand& cmd, int port, const std::filesystem::path& private_dir) {
  std::map<std::string, std::string> extra = cmd.env;
  extra["NODE_ENV"] = "production";
  extra["HOST"] = "127.0.0.1";
  extra["PORT"] = std::to_string(port);
  extra["DATABASE_URL"] = "sqlite:" + (private_dir / "app.db").string();
  extra["JWT_SECRET"] = RandomToken("", 32);  // 43 characters, per preview, never stored
  return run::BaseEnvironment(extra);
}

Response StartPreview(App& app, Request& req) {
  auto body = ParseJsonObject(req);
  if (body.error) return *body.error;
  auto it = body.value.find("projectId");
  if (it == body.value.end() || !it->is_string() || it->get<std::string>().empty()) {
    return Problem(422, "validation.failed", "the preview request is not valid",
                   nlohmann::json::array({{{"path", "projectId"}, {"message", "required"}}}));
  }
  auto a = RequireProject(app, req, it->get<std::string>(), store::Role::kEditor);
  if (a.error) return *a.error;
  const store::Project& p = a.view->project;
  if (!app.pipeline) return Problem(503, "generate.unavailable", "this server cannot run generated code (no pipeline)");
  std::filesystem::path dir = app.ProjectDir(p.id);
  std::error_code ec;
  if (p.stack.empty() || !std::filesystem::is_directory(dir, ec)) {
    return Problem(409, "project.not_generated", "the project has no generated code yet: POST /api/generate first");
  }
  if (auto running = app.previews->Get(p.id); running && running->state != "stopped") {
    return Json(200, StatusJson(*running));
  }
  auto started = LaunchPreview(app, p.id, p.stack, req.principal->userId);
  if (!started) {
    if (started.error().code == "preview.limit") return Problem(429, "preview.limit", started.error().message);
    if (started.error().code == "preview.socket") return Problem(503, "preview.socket", started.error().message);
    if (started.error().code == "preview.command") return Problem(409, "preview.command", started.error().message);
    return ErrorResponse(req, started.error());
  }
  Audit(app, req, p.workspaceId, "preview.start", p.id, {{"port", started->port}});
  Response r = Json(202, StatusJson(*started));
  r.headers.Set("Location", "/api/preview/" + p.id);
  return r;
}

Response GetPreview(App& app, Request& req) {
  auto a = RequireProject(app, req, req.Param("projectId"), store::Role::kViewer);
  if (a.error) return *a.error;
  auto s = app.previews->Get(a.view->project.id);
  if (!s) {
    PreviewStatus none;
    none.projectId = a.view->project.id;
    none.reason = "not started";
    return Json(200, StatusJson(none));
  }
  return Json(200, StatusJson(*s));
}

Response StopPreview(App& app, Request& req) {
  auto a = RequireProject(app, req, req.Param("projectId"), store::Role::kEditor);
  if (a.error) return *a.error;
  if (app.previews->Stop(a.view->project.id, "stopped by a user")) {
    Audit(app, req, a.view->project.workspaceId, "preview.stop", a.view->project.id);
  }
  return NoContent();
}

Response Proxy(App& app, Request& req) {
  auto a = RequireProject(app, req, req.Param("projectId"), store::Role::kViewer);
  if (a.error) return *a.error;
  auto endpoint = app.previews->Use(a.view->project.id);
  if (!endpoint) {
    return Problem(503, "preview.not_running", "the preview is not running: start it with POST /api/preview");
  }
  // Blocking on purpose: handlers run on the handler pool, never on the I/O threads.
  auto client = PreviewClient(*endpoint, std::chrono::duration_cast<std::chrono::milliseconds>(kProxyTimeout));
  auto answer = client->Send(UpstreamRequest(req));
  if (!answer) {
    log::Info("preview.proxy_failed", {{"projectId", a.view->project.id}, {"error", answer.error().message}});
    int status = answer.error().code == "http.timeout" ? 504 : 502;
    return Problem(status, "preview.unreachable", "the preview did not answer: " + answer.error().message);
  }
  return DownstreamResponse(*answer);
}

}  // namespace

Result<PreviewStatus> LaunchPreview(App& app, const std::string& project_id, const std::string& stack,
                                    const std::string& user_id) {
  if (!app.pipeline) return MakeError("generate.unavailable", "this server cannot run generated code (no pipeline)");
  auto cmd = app.pipeline->PreviewCommand(stack, app.ProjectDir(project_id));
  if (!cmd) return MakeError("preview.command", cmd.error().message);
  auto port = FreeLoopbackPort();
  if (!port) return port.error();
  std::filesystem::path private_dir = std::filesystem::path(app.config.dataDir) / "previews" / project_id;
  std::error_code ec;
  std::filesystem::create_directories(private_dir, ec);
  if (ec) return MakeError("io.write", "cannot create " + private_dir.string() + ": " + ec.message());

  PreviewLaunch launch;
  launch.projectId = project_id;
  launch.userId = user_id;
  launch.projectDir = app.ProjectDir(project_id);
  launch.privateDir = private_dir;
  launch.argv = cmd->argv;
  launch.env = PreviewEnv(*cmd, *port, private_dir);
  launch.port = *port;
  launch.wallTime = std::chrono::seconds(cmd->timeoutSeconds);
  if (cmd->buildsFirst) launch.startingReason = "building the changed code, then waiting for /health";
  return app.previews->Start(std::move(launch));
}

std::optional<nlohmann::json> RestartPreviewIfRunning(App& app, const std::string& project_id, const std::string& stack,
                                                      const std::string& user_id, const std::string& why) {
  if (!app.previews) return std::nullopt;
  auto running = app.previews->Get(project_id);
  if (!running || running->state == "stopped") return std::nullopt;
  app.previews->Stop(project_id, "restarting on " + why);
  auto started = LaunchPreview(app, project_id, stack, user_id);
  if (!started) {
    return nlohmann::json{{"state", "stopped"}, {"reason", "stopped to restart on " + why + "; restarting failed: " + started.error().message}};
  }
  return nlohmann::json{{"state", started->state}, {"port", started->port}, {"reason", "restarted on " + why}};
}

void AddPreviewRoutes(App& app) {
  app.router.Add("POST", "/api/preview", [&app](Request& r) { return StartPreview(app, r); },
                 RouteOptions{.rateLimit = "costly"});
  app.router.Add("GET", "/api/preview/{projectId}", [&app](Request& r) { return GetPreview(app, r); });
  app.router.Add("DELETE", "/api/preview/{projectId}", [&app](Request& r) { return StopPreview(app, r); });
  for (const char* method : {"GET", "POST", "PUT", "PATCH", "DELETE"}) {
    auto handler = [&app](Request& r) { return Proxy(app, r); };
    const std::string base = std::string(kPreviewPrefix) + "/{projectId}";
    app.router.Add(method, base, handler, RouteOptions{.maxBody = 5u << 20});
    app.router.Add(method, base + "/{path+}", handler, RouteOptions{.maxBody = 5u << 20});
  }
}

}  // namespace bf::server
