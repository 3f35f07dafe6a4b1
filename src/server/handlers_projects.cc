// Projects: list/create in a workspace, read/patch/delete, the spec (with versions), the plan,
// test runs, jobs and documentation entries.
#include <filesystem>

#include "common/strings.h"
#include "server/access.h"
#include "server/app.h"
#include "server/project_docs.h"
#include "server/views.h"
#include "spec/spec_json.h"
#include "store/ids.h"

namespace bf::server {

namespace {

const std::vector<std::string>& KnownDatabases() {
  static const std::vector<std::string> kDbs = {"sqlite", "postgres", "mongodb", "mysql"};
  return kDbs;
}

// Validates the writable project properties of `body` into `patch`; field errors go to `errors`.
void ReadProjectFields(App& app, const nlohmann::json& body, bool creating, store::ProjectPatch& patch,
                       nlohmann::json& errors) {
  auto text = [&](const char* key, size_t max, bool required) -> std::optional<std::string> {
    auto it = body.find(key);
    if (it == body.end()) {
      if (required) errors.push_back({{"path", key}, {"message", "required"}});
      return std::nullopt;
    }
    if (!it->is_string()) {
      errors.push_back({{"path", key}, {"message", "must be a string"}});
      return std::nullopt;
    }
    std::string v = Trim(it->get<std::string>());
    if ((required && v.empty()) || v.size() > max) {
      errors.push_back({{"path", key}, {"message", "must be " + std::string(required ? "1" : "0") + " to " +
                                                       std::to_string(max) + " characters"}});
      return std::nullopt;
    }
    return v;
  };
  patch.name = text("name", 100, creating);
  patch.description = text("description", 20000, false);
  patch.stack = text("stack", 40, false);
  patch.database = text("database", 20, false);
  if (patch.stack && !patch.stack->empty() && app.pipeline) {
    auto stacks = app.pipeline->Stacks();
    if (std::find(stacks.begin(), stacks.end(), *patch.stack) == stacks.end()) {
      errors.push_back({{"path", "stack"}, {"message", "unknown stack; available: " + Join(stacks, ", ")}});
    }
  }
  if (patch.database && !patch.database->empty() &&
      std::find(KnownDatabases().begin(), KnownDatabases().end(), *patch.database) == KnownDatabases().end()) {
    errors.push_back({{"path", "database"}, {"message", "one of " + Join(KnownDatabases(), ", ")}});
  }
  for (auto it = body.begin(); it != body.end(); ++it) {
    const std::string& k = it.key();
    if (k != "name" && k != "description" && k != "stack" && k != "database") {
      errors.push_back({{"path", k}, {"message", "unknown or read-only property"}});
    }
  }
}

Response ListProjects(App& app, Request& req) {
  auto a = RequireWorkspace(app, req, req.Param("wid"), store::Role::kViewer);
  if (a.error) return *a.error;
  auto list = app.store.ListProjects(a.view->workspace.id);
  if (!list) return ErrorResponse(req, list.error());
  nlohmann::ordered_json data = nlohmann::ordered_json::array();
  for (const auto& p : *list) data.push_back(ProjectJson(p, a.view->role, false));
  return Json(200, nlohmann::ordered_json{{"data", data}});
}

Response CreateProject(App& app, Request& req) {
  auto a = RequireWorkspace(app, req, req.Param("wid"), store::Role::kEditor);
  if (a.error) return *a.error;
  auto body = ParseJsonObject(req);
  if (body.error) return *body.error;
  store::ProjectPatch f;
  nlohmann::json errors = nlohmann::json::array();
  ReadProjectFields(app, body.value, true, f, errors);
  if (!errors.empty()) return Problem(422, "validation.failed", "the project is not valid", errors);
  store::Project p;
  p.id = store::NewId();
  p.workspaceId = a.view->workspace.id;
  p.name = *f.name;
  p.description = f.description.value_or("");
  p.stack = f.stack.value_or("");
  p.database = f.database.value_or("");
  p.createdBy = req.principal->userId;
  p.createdAt = p.updatedAt = app.clock.NowMillis();
  if (auto st = app.store.CreateProject(p); !st.ok()) return ErrorResponse(req, st.error());
  Audit(app, req, p.workspaceId, "project.create", p.id);
  Response r = Json(201, ProjectJson(p, a.view->role, true));
  r.headers.Set("Location", "/api/projects/" + p.id);
  return r;
}

Response GetProject(App& app, Request& req) {
  auto a = RequireProject(app, req, req.Param("pid"), store::Role::kViewer);
  if (a.error) return *a.error;
  return Json(200, ProjectJson(a.view->project, a.view->role, true));
}

Response PatchProject(App& app, Request& req) {
  auto a = RequireProject(app, req, req.Param("pid"), store::Role::kEditor);
  if (a.error) return *a.error;
  auto body = ParseJsonObject(req);
  if (body.error) return *body.error;
  store::ProjectPatch f;
  nlohmann::json errors = nlohmann::json::array();
  ReadProjectFields(app, body.value, false, f, errors);
  if (!errors.empty()) return Problem(422, "validation.failed", "the update is not valid", errors);
  if (auto st = app.store.UpdateProject(a.view->project.id, f, app.clock.NowMillis()); !st.ok()) {
    return ErrorResponse(req, st.error());
  }
  auto fresh = RequireProject(app, req, a.view->project.id, store::Role::kViewer);
  if (fresh.error) return *fresh.error;
  return Json(200, ProjectJson(fresh.view->project, fresh.view->role, true));
}

Response DeleteProject(App& app, Request& req) {
  auto a = RequireProject(app, req, req.Param("pid"), store::Role::kOwner);
  if (a.error) return *a.error;
  if (auto st = app.store.DeleteProject(a.view->project.id); !st.ok()) return ErrorResponse(req, st.error());
  std::error_code ec;
  std::filesystem::remove_all(app.ProjectDir(a.view->project.id), ec);
  Audit(app, req, a.view->project.workspaceId, "project.delete", a.view->project.id);
  return NoContent();
}

Response GetSpec(App& app, Request& req) {
  auto a = RequireProject(app, req, req.Param("pid"), store::Role::kViewer);
  if (a.error) return *a.error;
  const auto& p = a.view->project;
  Response r = Json(200, nlohmann::ordered_json{{"version", p.specVersion}, {"spec", p.spec}});
  r.headers.Set("ETag", "\"" + std::to_string(p.specVersion) + "\"");
  return r;
}

Response PutSpec(App& app, Request& req) {
  auto a = RequireProject(app, req, req.Param("pid"), store::Role::kEditor);
  if (a.error) return *a.error;
  auto body = ParseJsonObject(req);
  if (body.error) return *body.error;
  spec::LoadedSpec loaded = spec::LoadSpec(body.value);
  if (!loaded.spec) {
    nlohmann::json errors = nlohmann::json::array();
    for (const auto& i : loaded.issues) errors.push_back({{"path", i.path}, {"message", i.message}});
    return Problem(422, "spec.invalid", std::to_string(loaded.issues.size()) + " problem(s) in the spec", errors);
  }
  // If-Match: "<version>" makes the write conditional (optimistic concurrency).
  int expected = -1;
  std::string if_match = req.headers.Get("If-Match");
  if (!if_match.empty()) {
    std::string v = if_match;
    std::erase(v, '"');
    try {
      expected = std::stoi(v);
    } catch (const std::exception&) {
      return Problem(400, "request.invalid", "If-Match must be a spec version such as \"3\"");
    }
  }
  store::SpecVersion sv;
  sv.projectId = a.view->project.id;
  sv.spec = nlohmann::json::parse(spec::ToJson(*loaded.spec).dump());
  sv.source = "put";
  sv.summary = "replaced through the API";
  sv.authorId = req.principal->userId;
  sv.createdAt = app.clock.NowMillis();
  auto version = app.store.SaveSpec(sv, expected);
  if (!version) {
    if (version.error().code == "store.conflict") return Problem(412, "spec.conflict", version.error().message);
    return ErrorResponse(req, version.error());
  }
  // The plan follows the spec: PUT replaces both.
  if (app.assistant) {
    std::string plan = app.assistant->Plan(*loaded.spec, {}, a.view->project.description);
    auto st = app.store.SavePlan(store::PlanRecord{a.view->project.id, *version, plan, app.clock.NowMillis()});
    if (!st.ok()) return ErrorResponse(req, st.error());
    RecordPlanDoc(app, a.view->project.id, plan, req.principal->userId);
  }
  RecordChange(app, a.view->project.id,
               ChangeRecord{sv.createdAt, req.principal->userId, "Spec v" + std::to_string(*version) + " (put)",
                            "PUT /api/projects/{pid}/spec: " + sv.summary, SpecChanges(a.view->project.spec, sv.spec)});
  if (a.view->project.status == "draft" || a.view->project.status == "clarifying") {
    store::ProjectPatch patch;
    patch.status = "planned";
    (void)app.store.UpdateProject(a.view->project.id, patch, app.clock.NowMillis());
  }
  app.hub.Publish(EventHub::ProjectTopic(a.view->project.id), "spec.updated",
                  {{"projectId", a.view->project.id}, {"version", *version}, {"source", "put"}});
  Audit(app, req, a.view->project.workspaceId, "spec.put", a.view->project.id, {{"version", *version}});
  Response r = Json(200, nlohmann::ordered_json{{"version", *version}, {"spec", sv.spec}});
  r.headers.Set("ETag", "\"" + std::to_string(*version) + "\"");
  return r;
}

Response SpecVersions(App& app, Request& req) {
  auto a = RequireProject(app, req, req.Param("pid"), store::Role::kViewer);
  if (a.error) return *a.error;
  auto list = app.store.ListSpecVersions(a.view->project.id);
  if (!list) return ErrorResponse(req, list.error());
  nlohmann::ordered_json data = nlohmann::ordered_json::array();
  for (const auto& v : *list) {
    data.push_back({{"version", v.version}, {"source", v.source}, {"summary", v.summary}, {"authorId", v.authorId},
                    {"createdAt", IsoTime(v.createdAt)}});
  }
  return Json(200, nlohmann::ordered_json{{"data", data}});
}

Response GetPlan(App& app, Request& req) {
  auto a = RequireProject(app, req, req.Param("pid"), store::Role::kViewer);
  if (a.error) return *a.error;
  auto plan = app.store.LatestPlan(a.view->project.id);
  if (!plan) {
    if (plan.error().code == "store.not_found") {
      return Problem(404, "not_found", "no plan yet: describe the backend in the chat first");
    }
    return ErrorResponse(req, plan.error());
  }
  if (req.QueryParam("format").value_or("") == "json") {
    return Json(200, nlohmann::ordered_json{{"specVersion", plan->specVersion}, {"markdown", plan->markdown}});
  }
  Response r = Text(200, plan->markdown, "text/markdown; charset=utf-8");
  r.headers.Set("X-Spec-Version", std::to_string(plan->specVersion));
  return r;
}

Response ListRuns(App& app, Request& req) {
  auto a = RequireProject(app, req, req.Param("pid"), store::Role::kViewer);
  if (a.error) return *a.error;
  auto runs = app.store.ListTestRuns(a.view->project.id, 100);
  if (!runs) return ErrorResponse(req, runs.error());
  nlohmann::ordered_json data = nlohmann::ordered_json::array();
  for (const auto& r : *runs) data.push_back(TestRunView(r));
  return Json(200, nlohmann::ordered_json{{"data", data}});
}

Response ListJobs(App& app, Request& req) {
  auto a = RequireProject(app, req, req.Param("pid"), store::Role::kViewer);
  if (a.error) return *a.error;
  auto jobs = app.store.ListJobs(a.view->project.id, 100);
  if (!jobs) return ErrorResponse(req, jobs.error());
  nlohmann::ordered_json data = nlohmann::ordered_json::array();
  for (const auto& j : *jobs) data.push_back(JobView(j));
  return Json(200, nlohmann::ordered_json{{"data", data}});
}

constexpr int kDocHitsMax = 50;

// GET /api/projects/{pid}/docs: the documents with their sections; with ?q= the sections that
// match, best first.
Response ListDocs(App& app, Request& req) {
  auto a = RequireProject(app, req, req.Param("pid"), store::Role::kViewer);
  if (a.error) return *a.error;
  if (auto q = req.QueryParam("q")) {
    auto hits = app.store.SearchDocs(a.view->project.id, *q, kDocHitsMax);
    if (!hits) {
      if (hits.error().code == "store.bad_query") return Problem(400, "docs.bad_query", hits.error().message);
      return ErrorResponse(req, hits.error());
    }
    nlohmann::ordered_json data = nlohmann::ordered_json::array();
    for (const auto& h : *hits) data.push_back(DocHitView(h));
    return Json(200, nlohmann::ordered_json{{"query", *q}, {"data", data}});
  }
  auto docs = app.store.ListDocs(a.view->project.id);
  if (!docs) return ErrorResponse(req, docs.error());
  auto sections = app.store.ListDocSections(a.view->project.id, "");
  if (!sections) return ErrorResponse(req, sections.error());
  nlohmann::ordered_json data = nlohmann::ordered_json::array();
  for (const auto& d : *docs) data.push_back(DocView(d, false, &*sections));
  return Json(200, nlohmann::ordered_json{{"data", data}});
}

Response GetDoc(App& app, Request& req) {
  auto a = RequireProject(app, req, req.Param("pid"), store::Role::kViewer);
  if (a.error) return *a.error;
  if (req.QueryParam("history")) {
    auto h = app.store.DocHistory(a.view->project.id, req.Param("path"));
    if (!h) return ErrorResponse(req, h.error());
    if (h->empty()) return Problem(404, "not_found", "no such document");
    nlohmann::ordered_json data = nlohmann::ordered_json::array();
    for (const auto& d : *h) data.push_back(DocView(d, true));
    return Json(200, nlohmann::ordered_json{{"data", data}});
  }
  auto d = app.store.GetDoc(a.view->project.id, req.Param("path"));
  if (!d) return ErrorResponse(req, d.error());
  auto sections = app.store.ListDocSections(a.view->project.id, d->path);
  if (!sections) return ErrorResponse(req, sections.error());
  return Json(200, DocView(*d, true, &*sections));
}

}  // namespace

void AddProjectRoutes(App& app) {
  app.router.Add("GET", "/api/workspaces/{wid}/projects", [&app](Request& r) { return ListProjects(app, r); });
  app.router.Add("POST", "/api/workspaces/{wid}/projects", [&app](Request& r) { return CreateProject(app, r); });
  app.router.Add("GET", "/api/projects/{pid}", [&app](Request& r) { return GetProject(app, r); });
  app.router.Add("PATCH", "/api/projects/{pid}", [&app](Request& r) { return PatchProject(app, r); });
  app.router.Add("DELETE", "/api/projects/{pid}", [&app](Request& r) { return DeleteProject(app, r); });
  app.router.Add("GET", "/api/projects/{pid}/spec", [&app](Request& r) { return GetSpec(app, r); });
  app.router.Add("PUT", "/api/projects/{pid}/spec", [&app](Request& r) { return PutSpec(app, r); });
  app.router.Add("GET", "/api/projects/{pid}/spec/versions", [&app](Request& r) { return SpecVersions(app, r); });
  app.router.Add("GET", "/api/projects/{pid}/plan", [&app](Request& r) { return GetPlan(app, r); });
  app.router.Add("GET", "/api/projects/{pid}/runs", [&app](Request& r) { return ListRuns(app, r); });
  app.router.Add("GET", "/api/projects/{pid}/jobs", [&app](Request& r) { return ListJobs(app, r); });
  app.router.Add("GET", "/api/projects/{pid}/docs", [&app](Request& r) { return ListDocs(app, r); });
  app.router.Add("GET", "/api/projects/{pid}/docs/{path+}", [&app](Request& r) { return GetDoc(app, r); });
}

}  // namespace bf::server
