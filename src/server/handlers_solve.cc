// POST /api/projects/{pid}/solve: an offline attempt to make a failing project pass again, as a
// job. It names the failing tests of a test run (with file:line where the report has one),
// restores generated files that were deleted, or changed without a commit, back to the last
// generator output (the `generated` branch), reruns the tests, and commits the restoration only
// when they pass; otherwise the files are put back as they were and the answer explains why.
// Files the user changed in a commit are never touched.
#include <filesystem>
#include <fstream>
#include <regex>

#include "server/access.h"
#include "server/app.h"
#include "server/preview_launch.h"
#include "server/job_records.h"
#include "server/project_docs.h"
#include "server/project_files.h"
#include "server/project_vcs.h"
#include "server/solve.h"
#include "vcs/repo.h"

namespace bf::server {

namespace fs = std::filesystem;

namespace {

// "src/app.ts:12" or "test/posts.test.ts:40:7" inside a message or stack.
std::string FindLocation(const std::string& text) {
  static const std::regex kLoc(R"(([A-Za-z0-9_./-]+\.(?:ts|tsx|js|mjs|cjs|py|go|rs|java|kt|cs|rb)):(\d+))");
  std::smatch m;
  if (std::regex_search(text, m, kLoc)) return m[1].str() + ":" + m[2].str();
  return "";
}

nlohmann::json FailingTests(const nlohmann::json& results) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& r : results) {
    std::string status = r.value("status", "");
    if (status != "failed" && status != "error") continue;
    std::string location = r.value("location", "");
    if (location.empty()) location = FindLocation(r.value("message", "") + "\n" + r.value("details", ""));
    out.push_back({{"name", r.value("name", "")}, {"message", r.value("message", "")}, {"location", location}});
  }
  return out;
}

std::optional<std::string> ReadDisk(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return std::nullopt;
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

struct Restoration {
  std::string path;
  std::optional<std::string> before;  // the working tree's bytes before (nullopt: was deleted)
  std::string kind;                   // "deleted" | "changed"
};

// Generated files missing from the working tree, or different from the generator's version
// while main still holds that version (an uncommitted drift, not a user's commit).
Result<std::vector<Restoration>> FindDrift(const vcs::Repo& repo, const fs::path& dir, std::vector<std::string>& kept) {
  std::vector<Restoration> out;
  auto files = repo.ListFiles(vcs::kGeneratedBranch);
  if (!files) return files.error();
  for (const auto& path : *files) {
    auto generated = repo.ReadFile(vcs::kGeneratedBranch, path);
    if (!generated) return generated.error();
    auto on_main = repo.ReadFile(vcs::kMainBranch, path);
    if (!on_main) return on_main.error();
    std::optional<std::string> disk = ReadDisk(dir / path);
    if (disk == *generated) continue;
    if (*on_main != *generated) {
      kept.push_back(path);  // the user's committed version (or deletion): theirs to keep
      continue;
    }
    out.push_back({path, disk, disk ? "changed" : "deleted"});
  }
  return out;
}

Status WriteBack(const ProjectFiles& files, const fs::path& dir, const std::string& path, const std::optional<std::string>& content) {
  if (content) return files.Write(path, *content);
  std::error_code ec;
  fs::remove(dir / path, ec);
  if (ec) return MakeError("io.write", "cannot remove " + path + ": " + ec.message());
  return Status::Ok();
}

Response Solve(App& app, Request& req) {
  auto body = ParseJsonObject(req);
  if (body.error) return *body.error;
  std::string run_id = body.value.contains("runId") && body.value["runId"].is_string() ? body.value["runId"].get<std::string>() : "";
  auto a = RequireProject(app, req, req.Param("pid"), store::Role::kEditor);
  if (a.error) return *a.error;
  const store::Project& p = a.view->project;
  if (!app.pipeline) return Problem(503, "generate.unavailable", "this server cannot run tests (no pipeline)");
  fs::path dir = app.ProjectDir(p.id);
  std::error_code ec;
  if (p.stack.empty() || !fs::exists(dir / ".git", ec)) {
    return Problem(409, "project.not_generated", "the project has no generated code under version control yet: POST /api/generate first");
  }
  auto runs = app.store.ListTestRuns(p.id, 100);
  if (!runs) return ErrorResponse(req, runs.error());
  const store::TestRun* run = nullptr;
  for (const auto& r : *runs) {
    if (run_id.empty() ? r.phase != "red" : r.id == run_id) {  // a red run fails on purpose
      run = &r;
      break;
    }
  }
  if (!run_id.empty() && !run) return Problem(404, "not_found", "no test run " + run_id + " in this project");
  nlohmann::json diagnosis = {{"runId", run ? run->id : ""}, {"failing", run ? FailingTests(run->results) : nlohmann::json::array()}};
  if (body.value.contains("error") && body.value["error"].is_string()) {
    std::string error = body.value["error"];
    diagnosis["error"] = {{"text", error.substr(0, 4000)}, {"location", FindLocation(error)}};
  }

  store::Job job;
  job.projectId = p.id;
  job.workspaceId = p.workspaceId;
  job.kind = "solve";
  job.params = {{"runId", diagnosis["runId"]}};
  job.createdBy = req.principal->userId;
  vcs::Author author = ActingAuthor(app.store, req.principal->userId);
  TestRequest tr{p.stack, dir, ""};
  auto submitted = app.jobs.Submit(job, [&app, tr, dir, author, diagnosis](JobContext& ctx) -> Result<nlohmann::json> {
    nlohmann::json result = diagnosis;
    for (const auto& f : diagnosis["failing"]) {
      ctx.Log("failing: " + f.value("name", "") + (f.value("location", "").empty() ? "" : " at " + f.value("location", "")));
    }
    auto repo = vcs::Repo::Open(dir);
    if (!repo) return repo.error();
    std::vector<std::string> kept;
    auto drift = FindDrift(*repo, dir, kept);
    if (!drift) return drift.error();
    result["keptUserEdits"] = kept;
    nlohmann::json restored = nlohmann::json::array();
    for (const auto& d : *drift) restored.push_back({{"path", d.path}, {"was", d.kind}});
    result["restored"] = restored;
    if (drift->empty()) {
      result["status"] = "unsolved";
      result["explanation"] = std::string("every generated file is as the generator wrote it or as you committed it, so there is "
                                          "nothing to restore") +
                              (kept.empty() ? "" : "; files you changed: " + nlohmann::json(kept).dump()) +
                              ". The failing tests above point at the code to look at.";
      return result;
    }
    ProjectFiles files(dir);
    ctx.Progress(20, "restoring " + std::to_string(drift->size()) + " generated file(s)");
    for (const auto& d : *drift) {
      auto content = repo->ReadFile(vcs::kGeneratedBranch, d.path);
      if (!content) return content.error();
      if (auto st = WriteBack(files, dir, d.path, *content); !st.ok()) return st.error();
      ctx.Log("restored " + d.path + " (" + d.kind + ")");
    }
    ctx.Progress(40, "running the tests");
    auto tests = app.pipeline->RunTests(ctx, tr);
    if (!tests) return tests.error();
    nlohmann::json r = {{"status", tests->status}, {"passed", tests->passed},     {"failed", tests->failed},
                        {"skipped", tests->skipped}, {"durationMs", tests->durationMs}, {"results", tests->results}};
    RecordTestRun(app, ctx.job(), "solve", r);
    RecordTestsDoc(app, ctx.job().projectId, dir, "solve", r, ctx.job().createdBy);
    result["tests"] = {{"status", tests->status}, {"passed", tests->passed}, {"failed", tests->failed}, {"summary", tests->summary}};
    if (tests->status == "passed") {
      std::string message = "Solve: restore " + std::to_string(drift->size()) + " generated file" + (drift->size() == 1 ? "" : "s") + "\n\n";
      for (const auto& d : *drift) message += d.path + " (" + d.kind + ")\n";
      auto commit = CommitProjectChange(dir, message, author);
      if (!commit) return commit.error();
      result["status"] = "fixed";
      result["commit"] = *commit ? nlohmann::json(**commit) : nlohmann::json(nullptr);
      result["explanation"] = "restored the generated files listed; the tests pass (" + tests->summary + ")" +
                              (*commit ? std::string() : "; the files now match the last commit on main, so no commit was needed");
      if (auto preview = RestartPreviewIfRunning(app, ctx.job().projectId, tr.stack, ctx.job().createdBy, "the restored code")) {
        result["preview"] = *preview;
      }
      return result;
    }
    for (const auto& d : *drift) {  // leave the folder as the user had it
      if (auto st = WriteBack(files, dir, d.path, d.before); !st.ok()) return st.error();
    }
    result["status"] = "unsolved";
    result["failingAfter"] = FailingTests(tests->results);
    result["explanation"] = "restoring the generated files did not make the tests pass (" + tests->summary +
                            "), so nothing was changed or committed; the failing tests point at the code to look at";
    return result;
  });
  if (!submitted) return ErrorResponse(req, submitted.error());
  Audit(app, req, p.workspaceId, "project.solve", p.id, {{"jobId", submitted->id}});
  Response resp = Json(202, nlohmann::ordered_json{{"jobId", submitted->id}, {"status", submitted->status},
                                                   {"diagnosis", nlohmann::ordered_json::parse(diagnosis.dump())}});
  resp.headers.Set("Location", "/api/jobs/" + submitted->id);
  return resp;
}

}  // namespace

void AddSolveRoutes(App& app) {
  app.router.Add("POST", "/api/projects/{pid}/solve", [&app](Request& r) { return Solve(app, r); },
                 RouteOptions{.rateLimit = "costly"});
}

}  // namespace bf::server
