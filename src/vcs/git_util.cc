#include "vcs/git_util.h"

#include <mutex>

#include "vcs/ownership.h"

namespace bf::vcs::git {

void EnsureInitialized() {
  static std::once_flag once;
  std::call_once(once, [] {
    git_libgit2_init();
    // Durability: a crash right after a commit must not lose it (objects, refs and the index
    // are fsynced before their lock files are renamed into place).
    git_libgit2_opts(GIT_OPT_ENABLE_FSYNC_GITDIR, 1);
  });
}

}  // namespace bf::vcs::git

namespace bf::vcs {

void SetOwnerValidation(bool enabled) {
  git::EnsureInitialized();
  git_libgit2_opts(GIT_OPT_SET_OWNER_VALIDATION, enabled ? 1 : 0);
}

}  // namespace bf::vcs

namespace bf::vcs::git {

Error LastError(int rc, const std::string& code, const std::string& what) {
  const git_error* e = git_error_last();
  std::string msg = e && e->message ? e->message : "libgit2 error " + std::to_string(rc);
  std::string c = code;
  if (rc == GIT_ELOCKED) {
    c = "vcs.locked";
    msg += " (another git process is using the repository; retry when it has finished)";
  } else if (rc == GIT_ENOTFOUND) {
    c = "vcs.not_found";
  } else if (rc == GIT_EMODIFIED) {
    c = "vcs.moved";
    msg += " (the branch moved while BackendForge worked on it; retry)";
  }
  return MakeError(c, what + ": " + msg);
}

std::string ToHex(const git_oid& oid) {
  char buf[GIT_OID_HEXSZ + 1];
  git_oid_tostr(buf, sizeof buf, &oid);
  return buf;
}

std::string ShortHex(const git_oid& oid) { return ToHex(oid).substr(0, 7); }

int BranchTip(git_repository* repo, const std::string& branch, git_oid* out) {
  return git_reference_name_to_id(out, repo, BranchRef(branch).c_str());
}

}  // namespace bf::vcs::git
