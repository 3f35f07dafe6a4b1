// The server's use of a project's git repository (src/vcs): who the author of a change is, and
// commits of user edits serialized per project (a vcs::Repo is not thread-safe, and two
// commits racing on one repository would make the second fail with "vcs.locked").
#pragma once

#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <string>

#include "common/result.h"
#include "vcs/repo.h"

namespace bf::store {
class Store;
}

namespace bf::server {

// The acting user as a commit author: their name (their email when the name is empty) and
// email. Falls back to the user id when the store cannot say.
vcs::Author ActingAuthor(store::Store& store, const std::string& user_id);

// The lock that serializes changes to the repository and files of the project in `dir` within
// the process: commits of edits and the merge of a regeneration take it. Created on first use.
std::mutex& ProjectFolderLock(const std::filesystem::path& dir);

// Runs `change` (when given: the write of the files, e.g. an edit) and then commits every
// pending change of the project in `dir` on its current branch with `message` and `author`,
// both under ProjectFolderLock(dir), so a regeneration's merge never sees a half-made edit.
// Returns the new sha, nullopt when nothing changed or when `dir` holds no repository (a project
// generated before history existed); `change`'s error when it fails (nothing is committed).
// Thread-safe: changes to the same folder are serialized within the process.
Result<std::optional<std::string>> CommitProjectChange(const std::filesystem::path& dir, const std::string& message,
                                                      const vcs::Author& author,
                                                      const std::function<Status()>& change = {});

}  // namespace bf::server
