#include "server/project_regenerate.h"

#include <algorithm>
#include <mutex>

#include "server/project_vcs.h"
#include "store/ids.h"

namespace bf::server {

namespace fs = std::filesystem;

namespace {

// Files whose change means the installed dependencies are stale.
bool IsDependencyManifest(const std::string& path) {
  static const std::vector<std::string> names = {"package.json", "package-lock.json", "npm-shrinkwrap.json",
                                                 "requirements.txt", "pyproject.toml", "poetry.lock",
                                                 "go.mod", "go.sum"};
  return std::find(names.begin(), names.end(), path) != names.end();
}

// The pipeline's records of the run (run::Pipeline writes them; they live on main only).
const std::vector<std::string>& RecordPaths() {
  static const std::vector<std::string> paths = {"docs/TDD.md", ".backendforge/pipeline.json", ".backendforge/logs"};
  return paths;
}

Status CopyRecords(const fs::path& staging, const fs::path& project) {
  for (const auto& rel : RecordPaths()) {
    std::error_code ec;
    fs::path from = staging / rel, to = project / rel;
    auto st = fs::symlink_status(from, ec);
    if (ec || st.type() == fs::file_type::not_found) continue;
    if (st.type() != fs::file_type::regular && st.type() != fs::file_type::directory) continue;
    fs::create_directories(to.parent_path(), ec);
    if (st.type() == fs::file_type::directory) {
      fs::remove_all(to, ec);  // the logs of this run replace those of the last one
      fs::copy(from, to, fs::copy_options::recursive | fs::copy_options::overwrite_existing, ec);
    } else {
      fs::copy_file(from, to, fs::copy_options::overwrite_existing, ec);
    }
    if (ec) return MakeError("io.write", "cannot copy the run's record " + rel + " into the project: " + ec.message());
  }
  return Status::Ok();
}

// Moves `name` from the staging folder into the project, the project's old folder aside first.
Status TakeDependencies(const fs::path& staging, const fs::path& project, const std::string& name) {
  std::error_code ec;
  fs::path old = project / (name + ".old-" + store::NewId());
  bool had = fs::exists(project / name, ec);
  if (had) fs::rename(project / name, old, ec);
  if (ec) return MakeError("io.write", "cannot move " + name + " aside: " + ec.message());
  fs::rename(staging / name, project / name, ec);
  if (ec) {
    if (had) fs::rename(old, project / name, ec);
    return MakeError("io.write", "cannot move the freshly installed " + name + " into the project");
  }
  if (had) fs::remove_all(old, ec);
  return Status::Ok();
}

}  // namespace

bool HasGeneratedHistory(const fs::path& dir) {
  std::error_code ec;
  if (!fs::exists(dir / ".git", ec)) return false;
  auto repo = vcs::Repo::Open(dir);
  if (!repo) return false;
  return repo->Resolve(vcs::kGeneratedBranch).ok();
}

Result<generate::FileTree> RecordedOutput(const fs::path& dir) {
  auto repo = vcs::Repo::Open(dir);
  if (!repo) return repo.error();
  auto paths = repo->ListFiles(vcs::kGeneratedBranch);
  if (!paths) return paths.error();
  generate::FileTree tree;
  for (const auto& path : *paths) {
    auto content = repo->ReadFile(vcs::kGeneratedBranch, path);
    if (!content) return content.error();
    if (!*content) continue;
    std::error_code ec;
    auto perms = fs::status(dir / path, ec).permissions();
    bool exec = !ec && (perms & fs::perms::owner_exec) != fs::perms::none;
    tree.Put(path, std::move(**content), exec);
  }
  if (tree.size() == 0) return MakeError("regenerate.empty", "the generation in " + dir.string() + " recorded no files");
  return tree;
}

Result<RegenerationResult> MergeRegeneration(const fs::path& project, const fs::path& staging, const std::string& message,
                                             const vcs::Author& author) {
  auto output = RecordedOutput(staging);
  if (!output) return output.error();
  std::lock_guard<std::mutex> lock(ProjectFolderLock(project));
  auto repo = vcs::Repo::Open(project);
  if (!repo) return repo.error();
  auto merged = repo->Regenerate(*output, message, author);
  if (!merged) return merged.error();
  RegenerationResult out;
  out.merge = std::move(*merged);
  // A conflict leaves main as it was; an unchanged output leaves it too (nothing was merged).
  if (!out.merge.clean || out.merge.kind == vcs::MergeOutcome::Kind::kUpToDate) return out;

  // Dependencies: the staging folder installed them from the new manifests; take them only when
  // the generator changed a manifest (or the project has none), else keep the project's.
  bool manifests_changed = std::any_of(out.merge.generatorChanges.begin(), out.merge.generatorChanges.end(),
                                       [](const vcs::FileChange& c) { return IsDependencyManifest(c.path); });
  for (const auto& name : DependencyDirs()) {
    std::error_code ec;
    if (!fs::is_directory(staging / name, ec)) continue;
    if (!manifests_changed && fs::is_directory(project / name, ec)) continue;
    if (auto st = TakeDependencies(staging, project, name); !st.ok()) return st.error();
    out.dependenciesTaken.push_back(name);
  }
  if (auto st = CopyRecords(staging, project); !st.ok()) return st.error();
  auto records = repo->CommitAll(
      "Record the test-first run of the regeneration\n\ndocs/TDD.md and .backendforge/: the red and green runs that proved "
      "the generator's new output (generated " +
          out.merge.generatedCommit.substr(0, 7) + ") before it was merged into main.\n",
      author);
  if (!records) return records.error();
  if (*records) out.recordsCommit = **records;
  if (!out.recordsCommit.empty()) out.merge.mainCommit = out.recordsCommit;
  return out;
}

const char* MergeKindName(vcs::MergeOutcome::Kind kind) {
  switch (kind) {
    case vcs::MergeOutcome::Kind::kUpToDate: return "up-to-date";
    case vcs::MergeOutcome::Kind::kFastForward: return "fast-forward";
    case vcs::MergeOutcome::Kind::kMerged: return "merged";
    case vcs::MergeOutcome::Kind::kConflict: return "conflict";
  }
  return "unknown";
}

nlohmann::json RegenerationJson(const RegenerationResult& r) {
  const auto& m = r.merge;
  nlohmann::json changes = nlohmann::json::array();
  for (const auto& c : m.generatorChanges) {
    changes.push_back({{"path", c.path},
                       {"status", c.status == 'A' ? "added" : c.status == 'D' ? "deleted" : c.status == 'T' ? "typechange"
                                                                                                           : "modified"}});
  }
  nlohmann::json conflicts = nlohmann::json::array();
  for (const auto& c : m.conflicts) conflicts.push_back({{"path", c.path}, {"kind", c.kind}});
  nlohmann::json j = {{"result", MergeKindName(m.kind)},
                      {"clean", m.clean},
                      {"generatedCommit", m.generatedCommit},
                      {"mainCommit", m.mainCommit},
                      {"generatorChanges", changes},
                      {"conflicts", conflicts}};
  if (!m.mergeCommit.empty()) j["mergeCommit"] = m.mergeCommit;
  if (!m.conflictBranch.empty()) j["conflictBranch"] = m.conflictBranch;
  if (!r.recordsCommit.empty()) j["recordsCommit"] = r.recordsCommit;
  if (!r.dependenciesTaken.empty()) j["dependenciesTaken"] = r.dependenciesTaken;
  return j;
}

}  // namespace bf::server
