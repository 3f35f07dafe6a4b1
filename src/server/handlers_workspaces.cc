// /api/workspaces: list, create, read (with members), add members, audit log.
#include "common/strings.h"
#include "server/access.h"
#include "server/app.h"
#include "server/views.h"
#include "store/ids.h"

namespace bf::server {

namespace {

Response List(App& app, Request& req) {
  auto ws = app.store.ListWorkspaces(req.principal->userId);
  if (!ws) return ErrorResponse(req, ws.error());
  nlohmann::ordered_json data = nlohmann::ordered_json::array();
  for (const auto& w : *ws) data.push_back(WorkspaceJson(w));
  return Json(200, nlohmann::ordered_json{{"data", data}});
}

Response Create(App& app, Request& req) {
  auto body = ParseJsonObject(req);
  if (body.error) return *body.error;
  auto it = body.value.find("name");
  std::string name = it != body.value.end() && it->is_string() ? Trim(it->get<std::string>()) : "";
  if (name.empty() || name.size() > 100) {
    return Problem(422, "validation.failed", "name is required (1 to 100 characters)",
                   nlohmann::json::array({{{"path", "name"}, {"message", "required: 1 to 100 characters"}}}));
  }
  store::Workspace w{store::NewId(), name, false, req.principal->userId, app.clock.NowMillis()};
  if (auto st = app.store.CreateWorkspace(w); !st.ok()) return ErrorResponse(req, st.error());
  Audit(app, req, w.id, "workspace.create", w.id);
  Response r = Json(201, WorkspaceJson(store::WorkspaceView{w, store::Role::kOwner}));
  r.headers.Set("Location", "/api/workspaces/" + w.id);
  return r;
}

Response Get(App& app, Request& req) {
  auto a = RequireWorkspace(app, req, req.Param("wid"), store::Role::kViewer);
  if (a.error) return *a.error;
  auto members = app.store.ListMembers(a.view->workspace.id);
  if (!members) return ErrorResponse(req, members.error());
  nlohmann::ordered_json j = WorkspaceJson(*a.view);
  j["members"] = nlohmann::ordered_json::array();
  for (const auto& m : *members) j["members"].push_back(MemberView(m));
  return Json(200, j);
}

Response AddMember(App& app, Request& req) {
  auto a = RequireWorkspace(app, req, req.Param("wid"), store::Role::kOwner);
  if (a.error) return *a.error;
  auto body = ParseJsonObject(req);
  if (body.error) return *body.error;
  nlohmann::json errors = nlohmann::json::array();
  std::string email = body.value.value("email", nlohmann::json()).is_string() ? body.value["email"].get<std::string>() : "";
  std::string role_text = body.value.value("role", nlohmann::json()).is_string() ? body.value["role"].get<std::string>() : "";
  auto role = store::ParseRole(role_text);
  if (email.empty()) errors.push_back({{"path", "email"}, {"message", "required: the email of a registered user"}});
  if (!role) errors.push_back({{"path", "role"}, {"message", "one of owner, editor, viewer"}});
  if (!errors.empty()) return Problem(422, "validation.failed", "the member is not valid", errors);
  auto user = app.store.FindUserByEmail(AuthService::NormalizeEmail(email));
  if (!user) {
    if (user.error().code == "store.not_found") {
      return Problem(422, "validation.failed", "no registered user has this email; ask them to register first",
                     nlohmann::json::array({{{"path", "email"}, {"message", "no such user"}}}));
    }
    return ErrorResponse(req, user.error());
  }
  if (user->id == a.view->workspace.ownerId && *role != store::Role::kOwner) {
    return Problem(409, "conflict", "the workspace's creator stays its owner");
  }
  if (auto st = app.store.PutMember(a.view->workspace.id, user->id, *role, app.clock.NowMillis()); !st.ok()) {
    return ErrorResponse(req, st.error());
  }
  Audit(app, req, a.view->workspace.id, "workspace.member_put", user->id, {{"role", role_text}});
  return Json(201, MemberView(store::Member{user->id, user->email, user->name, *role, app.clock.NowMillis()}));
}

Response AuditLog(App& app, Request& req) {
  auto a = RequireWorkspace(app, req, req.Param("wid"), store::Role::kOwner);
  if (a.error) return *a.error;
  auto events = app.store.ListAudit(a.view->workspace.id, 200);
  if (!events) return ErrorResponse(req, events.error());
  nlohmann::ordered_json data = nlohmann::ordered_json::array();
  for (const auto& e : *events) data.push_back(AuditView(e));
  return Json(200, nlohmann::ordered_json{{"data", data}});
}

}  // namespace

void AddWorkspaceRoutes(App& app) {
  app.router.Add("GET", "/api/workspaces", [&app](Request& r) { return List(app, r); });
  app.router.Add("POST", "/api/workspaces", [&app](Request& r) { return Create(app, r); });
  app.router.Add("GET", "/api/workspaces/{wid}", [&app](Request& r) { return Get(app, r); });
  app.router.Add("POST", "/api/workspaces/{wid}/members", [&app](Request& r) { return AddMember(app, r); });
  app.router.Add("GET", "/api/workspaces/{wid}/audit", [&app](Request& r) { return AuditLog(app, r); });
}

}  // namespace bf::server
