// GET /api/projects/{pid}/files, GET|PUT /api/projects/{pid}/files/{path}: the generated
// project's files (path traversal and symlink escapes refused, see project_files.h).
#include "server/access.h"
#include "server/app.h"
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

Response Put(App& app, Request& req) {
  auto a = RequireProject(app, req, req.Param("pid"), store::Role::kEditor);
  if (a.error) return *a.error;
  std::string path = req.Param("path");
  if (path == ".git" || path.rfind(".git/", 0) == 0) {
    return Problem(422, "files.bad_path", "the project's git folder is managed by BackendForge");
  }
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
  return Json(200, nlohmann::ordered_json{{"path", path}, {"size", req.body.size()}, {"commit", sha}});
}

}  // namespace

void AddFileRoutes(App& app) {
  app.router.Add("GET", "/api/projects/{pid}/files", [&app](Request& r) { return List(app, r); });
  app.router.Add("GET", "/api/projects/{pid}/files/{path+}", [&app](Request& r) { return Get(app, r); });
  app.router.Add("PUT", "/api/projects/{pid}/files/{path+}", [&app](Request& r) { return Put(app, r); },
                 RouteOptions{.maxBody = 5u << 20});
}

}  // namespace bf::server
