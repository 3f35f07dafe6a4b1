#include "server/access.h"

#include "server/log.h"

namespace bf::server {

namespace {
Response Forbidden(store::Role have, store::Role need) {
  return Problem(403, "access.forbidden",
                 "your role here is " + std::string(store::ToString(have)) + "; this needs " +
                     std::string(store::ToString(need)) + " or higher");
}
}  // namespace

ProjectAccess RequireProject(App& app, const Request& req, const std::string& project_id, store::Role min_role) {
  auto v = app.store.GetProject(req.principal->userId, project_id);
  if (!v) {
    if (v.error().code == "store.not_found") return {std::nullopt, Problem(404, "not_found", "project not found")};
    return {std::nullopt, ErrorResponse(req, v.error())};
  }
  if (v->role < min_role) return {std::nullopt, Forbidden(v->role, min_role)};
  return {std::move(*v), std::nullopt};
}

WorkspaceAccess RequireWorkspace(App& app, const Request& req, const std::string& workspace_id, store::Role min_role) {
  auto v = app.store.GetWorkspace(req.principal->userId, workspace_id);
  if (!v) {
    if (v.error().code == "store.not_found") return {std::nullopt, Problem(404, "not_found", "workspace not found")};
    return {std::nullopt, ErrorResponse(req, v.error())};
  }
  if (v->role < min_role) return {std::nullopt, Forbidden(v->role, min_role)};
  return {std::move(*v), std::nullopt};
}

void Audit(App& app, const Request& req, const std::string& workspace_id, const std::string& action,
           const std::string& target, nlohmann::json details) {
  store::AuditEvent e;
  e.at = app.clock.NowMillis();
  e.actorId = req.principal ? req.principal->userId : "";
  e.workspaceId = workspace_id;
  e.action = action;
  e.target = target;
  e.ip = req.remote;
  e.details = std::move(details);
  if (auto st = app.store.AppendAudit(e); !st.ok()) {
    log::Warn("audit.failed", {{"action", action}, {"error", st.error().message}});
  }
}

}  // namespace bf::server
