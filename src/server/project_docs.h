// The project's living documents that the server writes besides the pipeline's TDD.md:
//   history.md  one section per change: time, author, reason and a summary of what changed
//   runs.md     every test run (red, green, later runs) with its time, counts and failures
//   plan.md     the plan of the current spec (overview, types, endpoints)
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
// Writes plan.md when `markdown` differs from its latest version.
void RecordPlanDoc(App& app, const std::string& projectId, const std::string& markdown, const std::string& authorId);

// What changed between two spec documents, one line each ("entity Tag added", "Post: field
// rating added"); empty when nothing did.
std::vector<std::string> SpecChanges(const nlohmann::json& before, const nlohmann::json& after);
// history.md with `change` appended as a "## <title>, <time>" section; `author` is shown as is.
std::string AppendChangeMarkdown(std::string history, const ChangeRecord& change, const std::string& author);
// runs.md for `runs` (newest first).
std::string RenderRunsMarkdown(const std::vector<store::TestRun>& runs);

}  // namespace bf::server
