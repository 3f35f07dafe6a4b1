// The project's living documents that the server writes besides the pipeline's TDD.md:
//   history.md  one section per change: time, author, reason and a summary of what changed
//   runs.md     every test run (red, green, later runs) with its time, counts and failures
//   plan.md     the plan of the current spec (overview, types, endpoints)
//   logs.md     the last lines of the project's latest jobs (generation, test runs, Solve)
//   tests.md    input/output examples of the latest test run: per test, one request it sent and
//               the response (from <project>/reports/examples.json, written by the generated tests)
// Each write is a new version of the document (the store keeps all of them and re-indexes its
// sections for search) and a "docs.updated" event. Failures are logged, never fatal: the docs
// follow the project, they never block it.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "store/records.h"

namespace bf::server {

class App;

struct ChangeRecord {
  store::Millis at = 0;
  std::string authorId;
  std::string title;   // e.g. "Spec v3 (chat)"
  std::string reason;  // why: the user's words or the operation
  std::vector<std::string> changes;  // the diff summary, one line each
};

// Appends one change to history.md.
void RecordChange(App& app, const std::string& projectId, const ChangeRecord& change);
// Rewrites runs.md from the stored test runs.
void RefreshRunsDoc(App& app, const std::string& projectId, const std::string& authorId);
// Rewrites logs.md from the project's latest jobs, `finished` (not stored as finished yet)
// among them; called as a job finishes.
void RefreshLogsDoc(App& app, const store::Job& finished);
// Writes plan.md when `markdown` differs from its latest version.
void RecordPlanDoc(App& app, const std::string& projectId, const std::string& markdown, const std::string& authorId);

// Rewrites tests.md from <projectDir>/reports/examples.json and the run that wrote it (`run`:
// {status, passed, failed, skipped, results}; `phase` as in runs.md). No file: nothing is
// written; a file that is too big or not valid is skipped with a log line.
void RecordTestsDoc(App& app, const std::string& projectId, const std::filesystem::path& projectDir,
                    const std::string& phase, const nlohmann::json& run, const std::string& authorId);

// What changed between two spec documents, one line each ("entity Tag added", "Post: field
// rating added"); empty when nothing did.
std::vector<std::string> SpecChanges(const nlohmann::json& before, const nlohmann::json& after);
// history.md with `change` appended as a "## <title>, <time>" section; `author` is shown as is.
std::string AppendChangeMarkdown(std::string history, const ChangeRecord& change, const std::string& author);
// runs.md for `runs` (newest first).
std::string RenderRunsMarkdown(const std::vector<store::TestRun>& runs);
// logs.md for `jobs` (newest first): the finished ones, each with its last `lines` log lines.
std::string RenderLogsMarkdown(const std::vector<store::Job>& jobs, size_t lines = 40);

// `value` with secrets replaced by "***": values under secret-looking keys (password, *token,
// secret, authorization, api key, cookie) and JWT-shaped strings.
nlohmann::json MaskSecrets(const nlohmann::json& value);
// tests.md for an examples document ({"examples": [{file, test, request, response}]}) and the
// run's results ([{name: "<file> > <test>", status}]): a section per test file, per test its
// status, the request and the response as fenced blocks. Deterministic: sorted by file and test.
std::string RenderTestsMarkdown(const nlohmann::json& examples, const std::string& phase, const nlohmann::json& run);

}  // namespace bf::server
