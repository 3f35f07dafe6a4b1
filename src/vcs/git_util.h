// Internal to the vcs layer: libgit2 setup, owning handles and error translation.
// Only src/vcs/*.cc include this header; public headers never expose libgit2 types.
#pragma once

#include <git2.h>

#include <memory>
#include <string>

#include "common/result.h"

namespace bf::vcs::git {

// Initializes libgit2 once per process and turns on fsync of the git directory (objects, refs,
// index), which libgit2 leaves off by default. Thread-safe; cheap after the first call.
void EnsureInitialized();

// Owning handles: each frees its object with the matching git_*_free.
template <class T, void (*Free)(T*)>
struct Deleter {
  void operator()(T* p) const { Free(p); }
};
template <class T, void (*Free)(T*)>
using Handle = std::unique_ptr<T, Deleter<T, Free>>;

using RepoPtr = Handle<git_repository, git_repository_free>;
using IndexPtr = Handle<git_index, git_index_free>;
using TreePtr = Handle<git_tree, git_tree_free>;
using CommitPtr = Handle<git_commit, git_commit_free>;
using RefPtr = Handle<git_reference, git_reference_free>;
using DiffPtr = Handle<git_diff, git_diff_free>;
using PatchPtr = Handle<git_patch, git_patch_free>;
using StatsPtr = Handle<git_diff_stats, git_diff_stats_free>;
using SigPtr = Handle<git_signature, git_signature_free>;
using WalkPtr = Handle<git_revwalk, git_revwalk_free>;
using StatusPtr = Handle<git_status_list, git_status_list_free>;
using ObjectPtr = Handle<git_object, git_object_free>;
using BlobPtr = Handle<git_blob, git_blob_free>;
using ConfigPtr = Handle<git_config, git_config_free>;
using RemotePtr = Handle<git_remote, git_remote_free>;
using ConflictIterPtr = Handle<git_index_conflict_iterator, git_index_conflict_iterator_free>;

// A git_buf that disposes itself.
struct Buf {
  git_buf buf = GIT_BUF_INIT;
  Buf() = default;
  Buf(const Buf&) = delete;
  Buf& operator=(const Buf&) = delete;
  ~Buf() { git_buf_dispose(&buf); }
  std::string str() const { return buf.ptr ? std::string(buf.ptr, buf.size) : std::string(); }
};

// The last libgit2 error as a bf::Error: "<what>: <libgit2 message>". `rc` picks the code:
// GIT_ELOCKED -> "vcs.locked", GIT_ENOTFOUND -> "vcs.not_found", GIT_EMODIFIED -> "vcs.moved",
// otherwise `code`.
Error LastError(int rc, const std::string& code, const std::string& what);

std::string ToHex(const git_oid& oid);
std::string ShortHex(const git_oid& oid);  // 7 characters

// The commit a local branch points to; GIT_ENOTFOUND (as a value) when the branch is missing
// or unborn.
int BranchTip(git_repository* repo, const std::string& branch, git_oid* out);

// "refs/heads/<branch>"
inline std::string BranchRef(const std::string& branch) { return "refs/heads/" + branch; }

}  // namespace bf::vcs::git
