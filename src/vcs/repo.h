// The git repository of one generated project (libgit2 behind a pimpl; no libgit2 types here).
//
// Branch model (docs/VCS.md): `generated` holds the generator's pure output over time; `main`
// holds the user's work. Every change is a commit on `main` with the acting user as author;
// regeneration commits the new output to `generated` and three-way merges it into `main`, so
// the user's edits survive, and conflicts are left on a branch `regenerate/<short sha>`.
//
// Thread safety: a Repo is not thread-safe; use one per thread or guard it. Several Repo
// objects (or plain git) may work on the same folder: ref updates are compare-and-swap and
// index writes take git's lock file, so a concurrent change fails with "vcs.locked" or
// "vcs.moved" instead of being lost.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/result.h"
#include "generate/file_tree.h"

namespace bf::vcs {

inline constexpr char kMainBranch[] = "main";
inline constexpr char kGeneratedBranch[] = "generated";
inline constexpr char kConflictBranchPrefix[] = "regenerate/";

// Who made a change: author and committer of the commit. `timeUnix` pins the time (UTC) for
// reproducible commits in tests and imports; unset means now.
struct Author {
  std::string name;
  std::string email;
  std::optional<int64_t> timeUnix;
};

// One changed path of a commit compared with its first parent (a root commit with the empty
// tree). status: 'A' added, 'M' modified, 'D' deleted, 'T' type or mode changed.
struct FileChange {
  std::string path;
  char status = 'M';
  bool operator==(const FileChange&) const = default;
};

struct CommitInfo {
  std::string sha;
  std::vector<std::string> parents;  // first parent first; two for merge commits
  std::string summary;               // first line of the message
  std::string message;               // the whole message
  std::string authorName;
  std::string authorEmail;
  int64_t timeUnix = 0;  // author time
  std::vector<FileChange> files;     // filled when LogQuery::withFiles
  // "Key: value" trailers at the end of the message, in order. BackendForge's generation
  // commits carry "BackendForge-Target" and "BackendForge-Database".
  std::vector<std::pair<std::string, std::string>> trailers;
};

inline constexpr char kTargetTrailer[] = "BackendForge-Target";
inline constexpr char kDatabaseTrailer[] = "BackendForge-Database";

// The trailer block for a generation commit message: "\nBackendForge-Target: <target>\n
// BackendForge-Database: <database>\n" (append it to the message), so a later regeneration
// knows which target and database made the output.
std::string GenerationTrailers(const std::string& target, const std::string& database);

// One file of a commit's diff against its first parent: the change, its line counts and its
// unified patch (headers included). Binary files have counts 0 and binary = true.
struct FilePatch {
  std::string path;
  char status = 'M';  // as FileChange::status
  bool binary = false;
  size_t additions = 0;
  size_t deletions = 0;
  std::string patch;       // cut at DiffOptions::maxBytes per file (0: whole)
  bool truncated = false;  // the patch was cut
};

struct DiffStat {
  size_t filesChanged = 0;
  size_t insertions = 0;
  size_t deletions = 0;
};

struct LogQuery {
  std::string branch = kMainBranch;  // a local branch name
  size_t limit = 50;
  size_t offset = 0;
  // true: the branch's own timeline (a regeneration shows as one merge commit); false: every
  // reachable commit, including those of `generated`.
  bool firstParent = true;
  bool withFiles = true;  // fill CommitInfo::files
};

struct DiffOptions {
  int contextLines = 3;
  size_t maxBytes = 0;  // 0: no limit; else the patch is cut there with a note saying so
};

// A file the merge could not reconcile. kind: "content" (both changed the same lines),
// "modify/delete" (you edited it, the generator deleted it), "delete/modify" (you deleted it,
// the generator changed it), "add/add" (both created it differently), "binary" (both changed
// a binary file; your version is kept on the conflict branch).
struct Conflict {
  std::string path;
  std::string kind;
  bool operator==(const Conflict&) const = default;
};

struct MergeOutcome {
  enum class Kind {
    kUpToDate,     // the generator's output is unchanged and already in main: nothing done
    kFastForward,  // main had no commits of its own: it now points at the new output
    kMerged,       // main got a merge commit with the new output and the user's edits
    kConflict,     // main untouched; the merge with conflict markers is on conflictBranch
  };
  Kind kind = Kind::kUpToDate;
  bool clean = true;                      // kind != kConflict
  std::string generatedCommit;            // tip of `generated` after the call
  std::string mainCommit;                 // tip of `main` after the call (unchanged on conflict)
  std::string mergeCommit;                // kMerged: the merge commit; kFastForward: the new tip
  // What the generator changed since main last took its output (merge base -> new output);
  // empty when up to date.
  std::vector<FileChange> generatorChanges;
  std::vector<Conflict> conflicts;        // sorted by path
  std::string conflictBranch;             // "regenerate/<short sha of generated>"
  std::string conflictCommit;
};

// A remote to push to. The token and passphrase are secrets: they are never logged and never
// appear in error messages (nor does a password embedded in the URL).
struct Remote {
  std::string url;    // https://host/owner/repo.git, ssh://git@host/repo.git, git@host:repo.git, file:///path
  std::string token;  // HTTPS: sent as the password (basic auth) with `username`
  std::string username = "x-access-token";  // HTTPS user for the token (GitLab: "oauth2")
  std::string sshKeyPath;                   // SSH: private key; "<path>.pub" is used when present
  std::string sshPassphrase;
  std::vector<std::string> branches = {kMainBranch, kGeneratedBranch};  // those that exist are pushed
};

class Repo {
 public:
  // Creates a repository in `dir` (created if missing) with HEAD on an unborn `main`, local
  // core.autocrlf=false (bytes in = bytes out), and node_modules/, .venv/, __pycache__/ and
  // temporary files excluded in .git/info/exclude. Fails if `dir` already holds a repository.
  static Result<Repo> Init(const std::filesystem::path& dir);
  // Opens the repository whose working directory is `dir` (no search in parent folders).
  static Result<Repo> Open(const std::filesystem::path& dir);

  Repo(Repo&&) noexcept;
  Repo& operator=(Repo&&) noexcept;
  ~Repo();

  const std::filesystem::path& dir() const;

  // Stages the whole working tree (new, changed and deleted files; .gitignore and
  // .git/info/exclude respected, so node_modules never enters) and commits it on the current
  // branch. Returns the new commit's sha, or nullopt when nothing changed (no empty commits).
  Result<std::optional<std::string>> CommitAll(const std::string& message, const Author& author);

  // Paths with uncommitted changes (modified, deleted, or new and not ignored), sorted.
  Result<std::vector<std::string>> PendingChanges() const;

  // Commits of a branch, newest first, paged by offset/limit. A missing or unborn branch gives
  // an empty list.
  Result<std::vector<CommitInfo>> Log(const LogQuery& query = {}) const;
  // One commit (full or abbreviated hex sha, at least 4 digits).
  Result<CommitInfo> Show(const std::string& sha) const;
  // Unified diff of a commit against its first parent (a root commit against the empty tree;
  // a merge commit shows what the merge changed on its branch). Binary files are named, not
  // dumped; mode changes are shown.
  Result<std::string> Diff(const std::string& sha, const DiffOptions& options = {}) const;
  Result<DiffStat> Stat(const std::string& sha) const;
  // The same diff file by file, sorted by path; `options.maxBytes` caps each file's patch
  // (cut at a line end, truncated = true; the counts stay exact).
  Result<std::vector<FilePatch>> Patches(const std::string& sha, const DiffOptions& options = {}) const;

  // The full sha a branch name or hex sha names. Error "vcs.not_found" when none.
  Result<std::string> Resolve(const std::string& rev) const;
  // A file's bytes at a branch or commit; nullopt when the path does not exist there.
  Result<std::optional<std::string>> ReadFile(const std::string& rev, const std::string& path) const;
  // Every file path (blobs, '/'-separated) of a branch or commit, sorted.
  Result<std::vector<std::string>> ListFiles(const std::string& rev) const;
  // Local branch names, sorted.
  Result<std::vector<std::string>> Branches() const;
  // user.name / user.email from git configuration (repository, then global), if both are set.
  std::optional<Author> ConfiguredAuthor() const;

  // First generation of a project: commits `tree` (exactly its files, modes included) as the
  // root of `generated`, points an unborn `main` at the same commit and checks the files out.
  // Files already in the folder at those paths must hold the same bytes (the pipeline wrote
  // them); other files are left alone, untracked. Fails when `generated` or `main` already has
  // commits (use Regenerate). Returns the commit's sha. Same tree, author, time and message
  // give the same sha.
  Result<std::string> RecordGeneration(const generate::FileTree& tree, const std::string& message,
                                       const Author& author);

  // Regeneration after a spec change: commits `tree` to `generated` (unless it equals the last
  // output) and three-way merges it into `main` (base: their merge base), so user edits survive.
  // Requires HEAD on `main` and no uncommitted changes ("vcs.dirty" lists them: commit first).
  // Clean: main fast-forwards or gets a merge commit, and the working tree is updated.
  // Conflicts: main and the working tree are left byte for byte as they were; the branch
  // `regenerate/<short sha>` holds the merge with conflict markers (see Conflict for the kinds).
  Result<MergeOutcome> Regenerate(const generate::FileTree& tree, const std::string& message, const Author& author);

  // Pushes the branches of `remote` that exist (not forced; a diverged remote branch is an
  // error naming it). Errors never contain the token, passphrase or URL password.
  Status Push(const Remote& remote);

 private:
  struct Impl;
  explicit Repo(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace bf::vcs
