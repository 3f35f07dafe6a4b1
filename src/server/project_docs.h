// The project's living documents that the server writes besides the pipeline's TDD.md:
//   history.md  one section per change: time, author, reason and a summary of what changed
//   runs.md     every test run (red, green, later runs) with its time, counts and failures
//   plan.md     the plan of the current spec (overview, types, endpoints)
//   logs.md     the last lines of the project's latest jobs (generation, test runs, Solve)
// Each write is a new version of the document (the store keeps all of them and re-indexes its
// sections for search) and a "docs.updated" event. Failures are logged, never fatal: the docs
// follow the project, they never block it.
#pragma once

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

// What changed between two spec documents, one line each ("entity Tag added", "Post: field
// rating added"); empty when nothing did.
std::vector<std::string> SpecChanges(const nlohmann::json& before, const nlohmann::json& after);
// history.md with `change` appended as a "## <title>, <time>" section; `author` is shown as is.
std::string AppendChangeMarkdown(std::string history, const ChangeRecord& change, const std::string& author);
// runs.md for `runs` (newest first).
std::string RenderRunsMarkdown(const std::vector<store::TestRun>& runs);
// logs.md for `jobs` (newest first): the finished ones, each with its last `lines` log lines.
std::string RenderLogsMarkdown(const std::vector<store::Job>& jobs, size_t lines = 40);

}  // namespace bf::server
