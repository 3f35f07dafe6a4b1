// GET /api/projects/{pid}/history and /history/{sha}: the commits on the project's `main`
// branch and one commit with its diff, file by file (src/vcs, docs/VCS.md).
#include "server/access.h"
#include "server/app.h"
#include "server/clock.h"
#include "vcs/repo.h"

namespace bf::server {

namespace {

constexpr size_t kMaxPage = 200;
constexpr size_t kMaxPatchBytes = 256u << 10;  // per file

Response VcsError(const Request& req, const Error& e) {
  if (e.code == "vcs.bad_sha") return Problem(400, "history.bad_sha", e.message);
  if (e.code == "vcs.not_found") return Problem(404, "not_found", e.message);
  return ErrorResponse(req, e);
}

std::string StatusName(char s) {
  switch (s) {
    case 'A': return "added";
    case 'D': return "deleted";
    case 'T': return "typechange";
    default: return "modified";
  }
}

nlohmann::ordered_json CommitJson(const vcs::CommitInfo& c) {
  nlohmann::ordered_json files = nlohmann::ordered_json::array();
  for (const auto& f : c.files) files.push_back({{"path", f.path}, {"status", StatusName(f.status)}});
  return {{"sha", c.sha},
          {"parents", c.parents},
          {"summary", c.summary},
          {"message", c.message},
          {"author", {{"name", c.authorName}, {"email", c.authorEmail}}},
          {"time", IsoTime(c.timeUnix * 1000)},
          {"files", files}};
}

// A query parameter as a count in [0, max]; nullopt when present and not a number.
std::optional<size_t> Count(const Request& req, const char* name, size_t fallback, size_t max) {
  auto v = req.QueryParam(name);
  if (!v) return fallback;
  if (v->empty() || v->size() > 9 || v->find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  return std::min<size_t>(std::stoul(*v), max);
}

Response List(App& app, Request& req) {
  auto a = RequireProject(app, req, req.Param("pid"), store::Role::kViewer);
  if (a.error) return *a.error;
  auto limit = Count(req, "limit", 50, kMaxPage);
  auto offset = Count(req, "offset", 0, 1u << 30);
  if (!limit || !offset) return Problem(400, "request.invalid", "limit and offset must be non-negative integers");
  nlohmann::ordered_json data = nlohmann::ordered_json::array();
  std::filesystem::path dir = app.ProjectDir(a.view->project.id);
  std::error_code ec;
  if (std::filesystem::exists(dir / ".git", ec)) {
    auto repo = vcs::Repo::Open(dir);
    if (!repo) return VcsError(req, repo.error());
    auto log = repo->Log({.branch = vcs::kMainBranch, .limit = *limit, .offset = *offset});
    if (!log) return VcsError(req, log.error());
    for (const auto& c : *log) data.push_back(CommitJson(c));
  }
  return Json(200, nlohmann::ordered_json{{"data", data}});
}

Response Show(App& app, Request& req) {
  auto a = RequireProject(app, req, req.Param("pid"), store::Role::kViewer);
  if (a.error) return *a.error;
  std::string sha = req.Param("sha");
  std::filesystem::path dir = app.ProjectDir(a.view->project.id);
  std::error_code ec;
  if (!std::filesystem::exists(dir / ".git", ec)) {
    // Same answers as with a repository: malformed first, then unknown.
    auto bad = sha.size() < 4 || sha.size() > 40 || sha.find_first_not_of("0123456789abcdefABCDEF") != std::string::npos;
    if (bad) return Problem(400, "history.bad_sha", "\"" + sha + "\" is not a commit id (4 to 40 hexadecimal digits)");
    return Problem(404, "not_found", "the project has no history yet");
  }
  auto repo = vcs::Repo::Open(dir);
  if (!repo) return VcsError(req, repo.error());
  auto info = repo->Show(sha);
  if (!info) return VcsError(req, info.error());
  auto patches = repo->Patches(info->sha, {.maxBytes = kMaxPatchBytes});
  if (!patches) return VcsError(req, patches.error());
  nlohmann::ordered_json out = CommitJson(*info);
  nlohmann::ordered_json diff = nlohmann::ordered_json::array();
  size_t additions = 0, deletions = 0;
  for (const auto& p : *patches) {
    additions += p.additions;
    deletions += p.deletions;
    diff.push_back({{"path", p.path},
                    {"status", StatusName(p.status)},
                    {"binary", p.binary},
                    {"additions", p.additions},
                    {"deletions", p.deletions},
                    {"patch", p.patch},
                    {"truncated", p.truncated}});
  }
  out.erase("files");
  out["stats"] = {{"files", patches->size()}, {"additions", additions}, {"deletions", deletions}};
  out["files"] = diff;
  return Json(200, out);
}

}  // namespace

void AddHistoryRoutes(App& app) {
  app.router.Add("GET", "/api/projects/{pid}/history", [&app](Request& r) { return List(app, r); });
  app.router.Add("GET", "/api/projects/{pid}/history/{sha}", [&app](Request& r) { return Show(app, r); });
}

}  // namespace bf::server
