// Jobs: POST /api/generate (the test-first pipeline; a second generation is merged into the
// project's history, see regenerate_job.h), POST /api/test/run, GET /api/jobs/{id},
// POST /api/jobs/{id}/cancel.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "common/strings.h"
#include "server/access.h"
#include "server/app.h"
#include "server/job_records.h"
#include "server/log.h"
#include "server/project_docs.h"
#include "server/project_regenerate.h"
#include "server/project_vcs.h"
#include "server/regenerate_job.h"
#include "server/views.h"
#include "spec/spec_json.h"
#include "store/ids.h"

namespace bf::server {

namespace {

std::string StringField(const nlohmann::json& body, const char* key, nlohmann::json& errors, size_t max = 100) {
  auto it = body.find(key);
  if (it == body.end() || it->is_null()) return "";
  if (!it->is_string() || it->get<std::string>().size() > max) {
    errors.push_back({{"path", key}, {"message", "must be a string of at most " + std::to_string(max) + " characters"}});
    return "";
  }
  return it->get<std::string>();
}

Response Accepted(const store::Job& job) {
  Response r = Json(202, nlohmann::ordered_json{{"jobId", job.id}, {"status", job.status}});
  r.headers.Set("Location", "/api/jobs/" + job.id);
  return r;
}

Response Generate(App& app, Request& req) {
  auto body = ParseJsonObject(req);
  if (body.error) return *body.error;
  nlohmann::json errors = nlohmann::json::array();
  std::string pid = StringField(body.value, "projectId", errors);
  std::string stack = StringField(body.value, "stack", errors, 40);
  std::string database = StringField(body.value, "database", errors, 20);
  if (pid.empty()) errors.push_back({{"path", "projectId"}, {"message", "required"}});
  if (!errors.empty()) return Problem(422, "validation.failed", "the generation request is not valid", errors);
  auto a = RequireProject(app, req, pid, store::Role::kEditor);
  if (a.error) return *a.error;
  const store::Project& p = a.view->project;
  if (!app.pipeline) return Problem(503, "generate.unavailable", "this server cannot generate code (no templates or pipeline)");
  if (p.specVersion == 0) return Problem(422, "spec.missing", "the project has no spec yet: describe it in the chat first");
  spec::LoadedSpec loaded = spec::LoadSpec(p.spec);
  if (!loaded.spec) return Problem(422, "spec.invalid", "the project's spec is not valid; fix it with PUT /api/projects/{pid}/spec");
  if (stack.empty()) stack = p.stack;
  if (database.empty()) database = p.database;
  auto stacks = app.pipeline->Stacks();
  if (!stack.empty() && std::find(stacks.begin(), stacks.end(), stack) == stacks.end()) {
    return Problem(422, "validation.failed", "unknown stack",
                   nlohmann::json::array({{{"path", "stack"}, {"message", "available: " + Join(stacks, ", ")}}}));
  }

  store::Job job;
  job.projectId = p.id;
  job.workspaceId = p.workspaceId;
  job.kind = "generate";
  job.params = {{"stack", stack}, {"database", database}, {"specVersion", p.specVersion}};
  job.createdBy = req.principal->userId;
  vcs::Author author = ActingAuthor(app.store, req.principal->userId);
  GenerateRequest gr{*loaded.spec, stack, database, p.description, app.ProjectDir(p.id), author.name, author.email,
                     std::filesystem::path(app.config.dataDir) / "cache" / p.workspaceId};
  auto submitted = app.jobs.Submit(job, [&app, gr](JobContext& ctx) -> Result<nlohmann::json> {
    const store::Job& j = ctx.job();
    SetProjectStatus(app, j.projectId, "generating");
    std::filesystem::create_directories(gr.projectDir.parent_path());
    // Generated before: merge the new output into the project's history (user edits survive).
    if (HasGeneratedHistory(gr.projectDir)) return RunRegeneration(app, ctx, gr);
    auto out = app.pipeline->Generate(ctx, gr);
    if (!out) {
      SetProjectStatus(app, j.projectId, "failed");
      return out.error();
    }
    store::ProjectPatch patch;
    patch.status = "generated";
    patch.stack = out->stack;
    patch.database = out->database;
    (void)app.store.UpdateProject(j.projectId, patch, app.clock.NowMillis());
    std::vector<std::string> outcome = {"stack " + out->stack + ", database " + out->database};
    for (const auto& run : out->testRuns) {
      RecordTestRun(app, j, run.value("phase", "run"), run);
      outcome.push_back(run.value("phase", "run") + " run: " + run.value("status", "error") + ", " +
                        std::to_string(run.value("passed", 0)) + " passed, " + std::to_string(run.value("failed", 0)) +
                        " failed");
    }
    if (!out->testRuns.empty()) {
      const nlohmann::json& last = out->testRuns.back();  // the run that left the examples (green)
      RecordTestsDoc(app, j.projectId, gr.projectDir, last.value("phase", "run"), last, j.createdBy);
    }
    RecordTddDoc(app, j);
    RecordChange(app, j.projectId,
                 ChangeRecord{app.clock.NowMillis(), j.createdBy, "Generated code (job " + j.id + ")",
                              "POST /api/generate: code generated test-first from spec v" +
                                  std::to_string(j.params.value("specVersion", 0)),
                              outcome});
    return nlohmann::json{{"stack", out->stack}, {"database", out->database}, {"steps", out->record}};
  });
  if (!submitted) return ErrorResponse(req, submitted.error());
  Audit(app, req, p.workspaceId, "project.generate", p.id, {{"jobId", submitted->id}});
  return Accepted(*submitted);
}

Response RunTests(App& app, Request& req) {
  auto body = ParseJsonObject(req);
  if (body.error) return *body.error;
  nlohmann::json errors = nlohmann::json::array();
  std::string pid = StringField(body.value, "projectId", errors);
  std::string filter = StringField(body.value, "filter", errors, 500);
  if (std::any_of(filter.begin(), filter.end(), [](unsigned char c) { return c < 0x20 || c == 0x7f; })) {
    errors.push_back({{"path", "filter"}, {"message", "must not contain control characters (a test name, a test file or a part of a name)"}});
  }
  if (pid.empty()) errors.push_back({{"path", "projectId"}, {"message", "required"}});
  if (!errors.empty()) return Problem(422, "validation.failed", "the test request is not valid", errors);
  auto a = RequireProject(app, req, pid, store::Role::kEditor);
  if (a.error) return *a.error;
  const store::Project& p = a.view->project;
  if (!app.pipeline) return Problem(503, "generate.unavailable", "this server cannot run tests (no pipeline)");
  if (p.stack.empty() || !std::filesystem::is_directory(app.ProjectDir(p.id))) {
    return Problem(409, "project.not_generated", "the project has no generated code yet: POST /api/generate first");
  }
  store::Job job;
  job.projectId = p.id;
  job.workspaceId = p.workspaceId;
  job.kind = "test";
  job.params = {{"filter", filter}};
  job.createdBy = req.principal->userId;
  TestRequest tr{p.stack, app.ProjectDir(p.id), filter};
  auto submitted = app.jobs.Submit(job, [&app, tr](JobContext& ctx) -> Result<nlohmann::json> {
    const store::Job& j = ctx.job();
    SetProjectStatus(app, j.projectId, "testing");
    auto out = app.pipeline->RunTests(ctx, tr);
    if (!out) {
      SetProjectStatus(app, j.projectId, "generated");
      return out.error();
    }
    nlohmann::json r = {{"status", out->status}, {"passed", out->passed},     {"failed", out->failed},
                        {"skipped", out->skipped}, {"durationMs", out->durationMs}, {"results", out->results},
                        {"summary", out->summary}};
    RecordTestRun(app, j, "run", r);
    // A filtered run's examples cover only its tests: tests.md keeps the last full run's.
    if (tr.filter.empty()) RecordTestsDoc(app, j.projectId, tr.projectDir, "run", r, j.createdBy);
    ctx.Emit("test.result", {{"jobId", j.id}, {"phase", "run"}, {"status", out->status}, {"passed", out->passed},
                             {"failed", out->failed}, {"skipped", out->skipped}, {"summary", out->summary}});
    SetProjectStatus(app, j.projectId, out->status == "passed" ? "tested" : "generated");
    r.erase("results");
    return r;
  });
  if (!submitted) return ErrorResponse(req, submitted.error());
  return Accepted(*submitted);
}

Response GetJob(App& app, Request& req) {
  auto j = app.store.GetJob(req.principal->userId, req.Param("id"));
  if (!j) return ErrorResponse(req, j.error());
  return Json(200, JobView(*j));
}

Response CancelJob(App& app, Request& req) {
  auto j = app.store.GetJob(req.principal->userId, req.Param("id"));
  if (!j) return ErrorResponse(req, j.error());
  auto a = RequireProject(app, req, j->projectId, store::Role::kEditor);
  if (a.error) return *a.error;
  if (store::IsFinished(*j)) return Problem(409, "job.finished", "the job has already finished (" + j->status + ")");
  if (auto st = app.jobs.Cancel(j->id); !st.ok()) return ErrorResponse(req, st.error());
  auto fresh = app.store.GetJob(req.principal->userId, j->id);
  if (!fresh) return ErrorResponse(req, fresh.error());
  return Json(202, JobView(*fresh));
}

}  // namespace

void SetProjectStatus(App& app, const std::string& project_id, const std::string& status) {
  store::ProjectPatch patch;
  patch.status = status;
  if (auto st = app.store.UpdateProject(project_id, patch, app.clock.NowMillis()); !st.ok()) {
    log::Warn("project.status_failed", {{"projectId", project_id}, {"error", st.error().message}});
  }
}

void RecordTddDoc(App& app, const store::Job& job) {
  std::ifstream in(app.ProjectDir(job.projectId) / "docs" / "TDD.md", std::ios::binary);
  if (!in) return;
  std::stringstream s;
  s << in.rdbuf();
  auto v = app.store.PutDoc(store::DocEntry{job.projectId, "TDD.md", s.str(), 0, job.createdBy, app.clock.NowMillis()});
  if (v.ok()) {
    app.hub.Publish(EventHub::ProjectTopic(job.projectId), "docs.updated",
                    {{"projectId", job.projectId}, {"path", "TDD.md"}, {"version", *v}});
  }
}

void RecordTestRun(App& app, const store::Job& job, const std::string& phase, const nlohmann::json& r) {
  store::TestRun run;
  run.id = store::NewId();
  run.projectId = job.projectId;
  run.jobId = job.id;
  run.phase = phase;
  run.status = r.value("status", "error");
  run.passed = r.value("passed", 0);
  run.failed = r.value("failed", 0);
  run.skipped = r.value("skipped", 0);
  run.durationMs = r.value("durationMs", int64_t{0});
  run.results = r.value("results", nlohmann::json::array());
  run.createdAt = app.clock.NowMillis();
  if (auto st = app.store.AddTestRun(run); !st.ok()) {
    log::Warn("testrun.persist_failed", {{"jobId", job.id}, {"error", st.error().message}});
    return;
  }
  RefreshRunsDoc(app, job.projectId, job.createdBy);
}

void AddJobRoutes(App& app) {
  RouteOptions costly{.rateLimit = "costly"};
  app.router.Add("POST", "/api/generate", [&app](Request& r) { return Generate(app, r); }, costly);
  app.router.Add("POST", "/api/test/run", [&app](Request& r) { return RunTests(app, r); }, costly);
  app.router.Add("GET", "/api/jobs/{id}", [&app](Request& r) { return GetJob(app, r); });
  app.router.Add("POST", "/api/jobs/{id}/cancel", [&app](Request& r) { return CancelJob(app, r); });
}

}  // namespace bf::server
