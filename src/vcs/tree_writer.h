// Internal to the vcs layer: a FileTree into git objects.
#pragma once

#include <git2.h>

#include <memory>
#include <string>
#include <vector>

#include "common/result.h"
#include "generate/file_tree.h"

namespace bf::vcs {
struct Author;
}

namespace bf::vcs::detail {

// Every path must be relative and safe, must not enter .git, and must not be both a file and a
// folder ("a" and "a/b"). The error says which path and that nothing was committed.
Status CheckTreePaths(const generate::FileTree& tree);

// The files of a FileTree as git objects, ready to be committed. Objects the repository already
// has are not written again. When many are new (a first generation) they are staged in memory
// and reach the repository as one pack at Commit(), so durability costs one fsync round
// instead of one per object; otherwise they are written as loose objects right away.
class StagedTree {
 public:
  // Stores exactly the bytes and modes of `tree` (100755 for executables, 100644 otherwise).
  // The same files always give the same tree id.
  static Result<StagedTree> Write(git_repository* repo, const generate::FileTree& tree);

  StagedTree(StagedTree&&) noexcept;
  StagedTree& operator=(StagedTree&&) noexcept;
  ~StagedTree();

  const git_oid& id() const { return id_; }
  // Creates the commit of the tree (no ref moves) and makes every new object durable in the
  // repository. Call at most once; without it, staged objects are dropped.
  Result<git_oid> Commit(const std::vector<git_oid>& parents, const std::string& message, const Author& author);

 private:
  class Staging;
  StagedTree() = default;
  git_repository* repo_ = nullptr;
  std::unique_ptr<Staging> staging_;  // null: objects were written straight to the repository
  git_oid id_{};
};

}  // namespace bf::vcs::detail
