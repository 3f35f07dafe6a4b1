// GET /api/projects/{pid}/files, GET|PUT|DELETE /api/projects/{pid}/files/{path}: the generated
// project's files (path traversal and symlink escapes refused, see project_files.h).
#include <optional>

#include "common/strings.h"
#include "server/access.h"
#include "server/app.h"
#include "server/preview_launch.h"
#include "server/project_files.h"
#include "server/project_vcs.h"
#include "server/static_ui.h"

namespace bf::server {

namespace {

Response FilesError(const Request& req, const Error& e) {
  if (e.code == "files.bad_path") return Problem(422, "files.bad_path", e.message);
  if (e.code == "files.not_found") return Problem(404, "not_found", e.message);
  if (e.code == "files.too_large") return Problem(413, "files.too_large", e.message);
  return ErrorResponse(req, e);
}

Response List(App& app, Request& req) {
  auto a = RequireProject(app, req, req.Param("pid"), store::Role::kViewer);
  if (a.error) return *a.error;
  auto files = ProjectFiles(app.ProjectDir(a.view->project.id)).List();
  if (!files) return FilesError(req, files.error());
  nlohmann::ordered_json data = nlohmann::ordered_json::array();
  for (const auto& f : *files) data.push_back({{"path", f.path}, {"size", f.size}});
  return Json(200, nlohmann::ordered_json{{"data", data}});
}

Response Get(App& app, Request& req) {
  auto a = RequireProject(app, req, req.Param("pid"), store::Role::kViewer);
  if (a.error) return *a.error;
  std::string path = req.Param("path");
  auto content = ProjectFiles(app.ProjectDir(a.view->project.id)).Read(path, app.config.maxFileBodyBytes);
  if (!content) return FilesError(req, content.error());
  std::string type = StaticUi::ContentType(path);
  // Served as data, never rendered by the browser: HTML or SVG from a project must not run.
  if (type.rfind("text/html", 0) == 0 || type.rfind("image/svg", 0) == 0 || type.rfind("text/javascript", 0) == 0 ||
      type == "application/octet-stream") {
    type = "text/plain; charset=utf-8";
  }
  Response r = Text(200, std::move(*content), type);
  r.headers.Set("Content-Disposition", "inline");
  return r;
}

// Whether a change to `path` can change what a running preview serves: everything but the
// documentation and the tests.
bool ServedCode(const std::string& path) {
  return !(StartsWith(path, "docs/") || StartsWith(path, "test/") || StartsWith(path, "tests/") || EndsWith(path, ".md"));
}

// The project's git folder is BackendForge's: neither written nor deleted through the API.
std::optional<Response> RefuseGitFolder(const std::string& path) {
  if (path != ".git" && !StartsWith(path, ".git/")) return std::nullopt;
  return Problem(422, "files.bad_path", "the project's git folder is managed by BackendForge");
}

// After a committed change: the running preview restarts on the new code (built first).
void RestartPreviewAfter(App& app, const Request& req, const store::Project& p, const std::string& path,
                         nlohmann::ordered_json& answer) {
  if (!ServedCode(path)) return;
  if (auto preview = RestartPreviewIfRunning(app, p.id, p.stack, req.principal->userId, "the changed code")) {
    answer["preview"] = *preview;
  }
}

Response Put(App& app, Request& req) {
  auto a = RequireProject(app, req, req.Param("pid"), store::Role::kEditor);
  if (a.error) return *a.error;
  std::string path = req.Param("path");
  if (auto refused = RefuseGitFolder(path)) return *refused;
  // Every edit is a commit on main with the editor as author (docs/VCS.md); the write and the
  // commit happen under the project's lock, so a regeneration merges before or after, never in
  // between. A failed commit leaves the file written and uncommitted; the next edit's commit
  // picks it up.
  std::filesystem::path dir = app.ProjectDir(a.view->project.id);
  auto commit = CommitProjectChange(dir, "Edit " + path, ActingAuthor(app.store, req.principal->userId),
                                    [&] { return ProjectFiles(dir).Write(path, req.body); });
  if (!commit) return FilesError(req, commit.error());
  nlohmann::ordered_json sha = *commit ? nlohmann::ordered_json(**commit) : nlohmann::ordered_json(nullptr);
  Audit(app, req, a.view->project.workspaceId, "file.put", a.view->project.id, {{"path", path}, {"bytes", req.body.size()}});
  app.hub.Publish(EventHub::ProjectTopic(a.view->project.id), "file.updated",
                  {{"projectId", a.view->project.id}, {"path", path}, {"size", req.body.size()}, {"commit", sha}});
  nlohmann::ordered_json answer{{"path", path}, {"size", req.body.size()}, {"commit", sha}};
  RestartPreviewAfter(app, req, a.view->project, path, answer);
  return Json(200, answer);
}

Response Delete(App& app, Request& req) {
  auto a = RequireProject(app, req, req.Param("pid"), store::Role::kEditor);
  if (a.error) return *a.error;
  std::string path = req.Param("path");
  if (auto refused = RefuseGitFolder(path)) return *refused;
  // A commit on main like an edit; a deleted generated file is restored by Solve or kept
  // deleted by a regeneration (the user's change).
  std::filesystem::path dir = app.ProjectDir(a.view->project.id);
  auto commit = CommitProjectChange(dir, "Delete " + path, ActingAuthor(app.store, req.principal->userId),
                                    [&] { return ProjectFiles(dir).Remove(path); });
  if (!commit) return FilesError(req, commit.error());
  nlohmann::ordered_json sha = *commit ? nlohmann::ordered_json(**commit) : nlohmann::ordered_json(nullptr);
  Audit(app, req, a.view->project.workspaceId, "file.delete", a.view->project.id, {{"path", path}});
  app.hub.Publish(EventHub::ProjectTopic(a.view->project.id), "file.deleted",
                  {{"projectId", a.view->project.id}, {"path", path}, {"commit", sha}});
  nlohmann::ordered_json answer{{"path", path}, {"deleted", true}, {"commit", sha}};
  RestartPreviewAfter(app, req, a.view->project, path, answer);
  return Json(200, answer);
}

}  // namespace

void AddFileRoutes(App& app) {
  app.router.Add("GET", "/api/projects/{pid}/files", [&app](Request& r) { return List(app, r); });
  app.router.Add("GET", "/api/projects/{pid}/files/{path+}", [&app](Request& r) { return Get(app, r); });
  app.router.Add("PUT", "/api/projects/{pid}/files/{path+}", [&app](Request& r) { return Put(app, r); },
                 RouteOptions{.maxBody = 5u << 20});
  app.router.Add("DELETE", "/api/projects/{pid}/files/{path+}", [&app](Request& r) { return Delete(app, r); });
}

}  // namespace bf::server
