// Regeneration of a generated project through the server: the test-first pipeline proves the new
// output in a staging folder (its own repository, like a first generation), and that output is
// then merged into the project's repository with vcs::Repo::Regenerate, so edits the user
// committed on `main` survive and conflicts are left on a branch (docs/VCS.md).
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "common/result.h"
#include "generate/file_tree.h"
#include "vcs/repo.h"

namespace bf::server {

// True when `dir` holds a project repository with a `generated` branch: generating there again
// is a regeneration (merged into main), not a replacement of the folder.
bool HasGeneratedHistory(const std::filesystem::path& dir);

// The generator's output recorded on `generated` in the repository of `dir`; executable bits
// are read from the working tree, where the pipeline wrote the files.
Result<generate::FileTree> RecordedOutput(const std::filesystem::path& dir);

// Folders of installed dependencies, never in git (as in vcs::Repo::Init's exclude list).
inline const std::vector<std::string>& DependencyDirs() {
  static const std::vector<std::string> dirs = {"node_modules", ".venv"};
  return dirs;
}

struct RegenerationResult {
  vcs::MergeOutcome merge;
  std::string recordsCommit;                 // the run's records committed on main; empty when none
  std::vector<std::string> dependenciesTaken;  // dependency folders moved in from the staging folder
};

// Merges the proven output of `staging` (a folder the pipeline generated with a stagingDir) into
// the project in `project`, with `message` as the message of the new `generated` commit and
// `author` (the acting user) as author of every commit. Holds ProjectFolderLock(project) while
// it changes the repository.
// Clean (merged or fast-forward): main and the working tree have the new output with the user's
// edits; the run's records (docs/TDD.md, .backendforge/pipeline.json, .backendforge/logs/) are
// copied from `staging` and committed on main ("Record the test-first run of the
// regeneration"); a dependency folder of `staging` replaces the project's when the generator
// changed a dependency manifest (package.json, ...) or the project has none, so unchanged
// dependencies are never reinstalled.
// Up to date (the output did not change): nothing is done.
// Conflict: main, the working tree and the dependency folders are left as they were;
// merge.conflicts and merge.conflictBranch say where the conflict markers are.
// Errors (main unchanged): "vcs.dirty" (uncommitted changes), other vcs errors.
// `staging` is left for the caller to remove.
Result<RegenerationResult> MergeRegeneration(const std::filesystem::path& project, const std::filesystem::path& staging,
                                             const std::string& message, const vcs::Author& author);

// "up-to-date" | "fast-forward" | "merged" | "conflict".
const char* MergeKindName(vcs::MergeOutcome::Kind kind);

// The job result's "regeneration" object: {result, clean, generatedCommit, mainCommit,
// generatorChanges: [{path, status}], conflicts: [{path, kind}], conflictBranch?, recordsCommit?}.
nlohmann::json RegenerationJson(const RegenerationResult& r);

}  // namespace bf::server
