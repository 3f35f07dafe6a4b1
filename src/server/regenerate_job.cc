#include "server/regenerate_job.h"

#include <filesystem>

#include "common/strings.h"
#include "server/app.h"
#include "server/job_records.h"
#include "server/log.h"
#include "server/preview_launch.h"
#include "server/project_docs.h"
#include "server/project_regenerate.h"

namespace bf::server {

namespace fs = std::filesystem;

namespace {

// "red: 0 passed, 3 failed; green: 3 passed, 0 failed" from the pipeline's test runs.
std::string ProofSummary(const nlohmann::json& runs) {
  std::vector<std::string> parts;
  for (const auto& r : runs) {
    parts.push_back(r.value("phase", "run") + ": " + std::to_string(r.value("passed", 0)) + " passed, " +
                    std::to_string(r.value("failed", 0)) + " failed");
  }
  return parts.empty() ? "no test runs recorded" : Join(parts, "; ");
}

std::string ConflictList(const vcs::MergeOutcome& m) {
  std::vector<std::string> items;
  for (const auto& c : m.conflicts) items.push_back(c.path + " (" + c.kind + ")");
  return Join(items, ", ");
}

// One change in the project's living change history (history.md, as for spec versions and first
// generations): the regeneration's outcome.
void AppendHistory(App& app, const store::Job& job, const std::string& outcome) {
  RecordChange(app, job.projectId,
               ChangeRecord{app.clock.NowMillis(), job.createdBy, "Regenerated code (job " + job.id + ")",
                            "POST /api/generate: code regenerated test-first from spec v" +
                                std::to_string(job.params.value("specVersion", 0)) + " and merged into main",
                            {outcome}});
}

}  // namespace

Result<nlohmann::json> RunRegeneration(App& app, JobContext& ctx, GenerateRequest request) {
  const store::Job& j = ctx.job();
  std::error_code ec;
  fs::path staging = request.projectDir.parent_path() / (request.projectDir.filename().string() + ".regen-" + j.id);
  fs::remove_all(staging, ec);
  request.stagingDir = staging;
  struct RemoveStaging {
    fs::path dir;
    ~RemoveStaging() {
      std::error_code e;
      fs::remove_all(dir, e);
    }
  } cleanup{staging};

  // 1. Prove the new output test-first (red against stubs, green against the implementation) in
  //    the staging folder; the project is not touched.
  auto out = app.pipeline->Generate(ctx, request);
  if (!out) {
    SetProjectStatus(app, j.projectId, "failed");
    return out.error();
  }
  for (const auto& run : out->testRuns) RecordTestRun(app, j, run.value("phase", "run"), run);
  if (ctx.Cancelled()) {
    SetProjectStatus(app, j.projectId, "generated");
    return MakeError("jobs.cancelled", "cancelled before the new output was merged; the project is unchanged");
  }

  // 2. Merge it into the project's repository: user edits on main survive.
  ctx.Progress(92, "merging the new output into main");
  const int version = j.params.value("specVersion", 0);
  std::string message = "Regenerate " + request.spec.title + " from spec v" + std::to_string(version) + " (" +
                        out->stack + ", " + out->database + ")\n\nThe generator's output for spec version " +
                        std::to_string(version) + ", proven test-first before the merge (" +
                        ProofSummary(out->testRuns) + ").\n" + vcs::GenerationTrailers(out->stack, out->database);
  vcs::Author author{request.authorName, request.authorEmail, std::nullopt};
  auto merged = MergeRegeneration(request.projectDir, staging, message, author);
  if (!merged) {
    SetProjectStatus(app, j.projectId, "failed");
    return merged.error();
  }
  nlohmann::json regeneration = RegenerationJson(*merged);
  nlohmann::json event = regeneration;
  event["jobId"] = j.id;
  event["projectId"] = j.projectId;
  ctx.Emit("regenerate.result", event);
  const vcs::MergeOutcome& m = merged->merge;
  if (!m.clean) {
    SetProjectStatus(app, j.projectId, "failed");
    AppendHistory(app, j,
                  "the new output conflicts with your edits in " + ConflictList(m) + "; main is unchanged, the merge "
                  "with conflict markers is on branch " + m.conflictBranch);
    return MakeError("regenerate.conflict",
                     "the regenerated code conflicts with your edits in " + std::to_string(m.conflicts.size()) +
                         " file(s): " + ConflictList(m) + ". main and your files are unchanged; the merge with conflict "
                         "markers is on branch " + m.conflictBranch + " (resolve it there and merge it into main, or "
                         "undo your edits to those files and generate again)");
  }

  store::ProjectPatch patch;
  patch.status = "generated";
  patch.stack = out->stack;
  patch.database = out->database;
  (void)app.store.UpdateProject(j.projectId, patch, app.clock.NowMillis());
  nlohmann::json result = {{"stack", out->stack}, {"database", out->database}, {"steps", out->record},
                           {"regeneration", regeneration}};
  if (m.kind == vcs::MergeOutcome::Kind::kUpToDate) {
    AppendHistory(app, j, "the generator's output did not change; main is unchanged");
    result["tests"] = {{"status", "skipped"}, {"summary", "nothing was merged"}};
    return result;
  }
  RecordTddDoc(app, j);
  AppendHistory(app, j,
                std::string(m.kind == vcs::MergeOutcome::Kind::kMerged ? "merged into main with your edits kept"
                                                                        : "main fast-forwarded (it had no edits)") +
                    " (" + std::to_string(m.generatorChanges.size()) + " generated file(s) changed; main " +
                    m.mainCommit.substr(0, 7) + ")");

  // 3. The project's own tests on the merged code (the user's code), recorded as phase "merged".
  ctx.Progress(96, "running the tests on the merged project");
  auto tests = app.pipeline->RunTests(ctx, TestRequest{out->stack, request.projectDir, ""});
  if (tests) {
    nlohmann::json r = {{"status", tests->status}, {"passed", tests->passed}, {"failed", tests->failed},
                        {"skipped", tests->skipped}, {"durationMs", tests->durationMs}, {"results", tests->results}};
    RecordTestRun(app, j, "merged", r);
    RecordTestsDoc(app, j.projectId, request.projectDir, "merged", r, j.createdBy);
    ctx.Emit("test.result", {{"jobId", j.id}, {"phase", "merged"}, {"status", tests->status}, {"passed", tests->passed},
                             {"failed", tests->failed}, {"skipped", tests->skipped}, {"summary", tests->summary}});
    result["tests"] = {{"status", tests->status}, {"passed", tests->passed}, {"failed", tests->failed},
                       {"skipped", tests->skipped}, {"summary", tests->summary}};
  } else {
    // The merge is done and committed; a test run that could not run does not undo it.
    result["tests"] = {{"status", "error"}, {"summary", tests.error().message}};
  }
  if (auto preview = RestartPreviewIfRunning(app, j.projectId, out->stack, j.createdBy, "the merged code")) result["preview"] = *preview;
  return result;
}

}  // namespace bf::server
