// Internal to the vcs layer: Repo's state and the helpers its .cc files share.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "vcs/git_util.h"
#include "vcs/repo.h"

namespace bf::vcs {

struct Repo::Impl {
  git::RepoPtr repo;
  std::filesystem::path dir;
};

namespace detail {

// A signature for `author` (its fixed time, or now). Errors name the bad field.
Result<git::SigPtr> MakeSignature(const Author& author);

// git's message cleanup (trailing spaces, final newline); empty messages are an error.
Result<std::string> CleanMessage(const std::string& message);

// Creates a commit object without moving any ref.
Result<git_oid> CreateCommit(git_repository* repo, const git_oid& tree, const std::vector<git_oid>& parents,
                             const std::string& message, const Author& author);

// Moves (or creates) a branch to `to`, only if it still points at `expected` (nullopt: it must
// not exist yet). A concurrent change gives "vcs.moved".
Status MoveBranch(git_repository* repo, const std::string& branch, const git_oid& to,
                  const std::optional<git_oid>& expected, const std::string& log_message);

// The changed paths between two trees (either may be null: the empty tree), sorted by path.
Result<std::vector<FileChange>> ChangedFiles(git_repository* repo, git_tree* from, git_tree* to);

// A commit named by a hex sha (4..40 digits); "vcs.bad_sha" / "vcs.not_found" otherwise.
Result<git::CommitPtr> LookupCommitHex(git_repository* repo, const std::string& sha);

// The first parent's tree, or null for a root commit.
Result<git::TreePtr> FirstParentTree(git_commit* commit);

}  // namespace detail
}  // namespace bf::vcs
