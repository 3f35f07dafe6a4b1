#include "server/project_vcs.h"

#include <map>
#include <memory>
#include <mutex>

#include "store/store.h"

namespace bf::server {

// One mutex per project folder, created on first use and kept (a few bytes per project).
std::mutex& ProjectFolderLock(const std::filesystem::path& dir) {
  static std::mutex registry_mu;
  static std::map<std::string, std::unique_ptr<std::mutex>> locks;
  std::lock_guard<std::mutex> lock(registry_mu);
  auto& m = locks[dir.lexically_normal().string()];
  if (!m) m = std::make_unique<std::mutex>();
  return *m;
}

vcs::Author ActingAuthor(store::Store& store, const std::string& user_id) {
  auto u = store.GetUser(user_id);
  if (!u) return vcs::Author{user_id, user_id + "@backendforge.invalid", std::nullopt};
  return vcs::Author{u->name.empty() ? u->email : u->name, u->email, std::nullopt};
}

Result<std::optional<std::string>> CommitProjectChange(const std::filesystem::path& dir, const std::string& message,
                                                      const vcs::Author& author, const std::function<Status()>& change) {
  std::lock_guard<std::mutex> lock(ProjectFolderLock(dir));
  if (change) {
    if (Status st = change(); !st.ok()) return st.error();
  }
  std::error_code ec;
  if (!std::filesystem::exists(dir / ".git", ec)) return std::optional<std::string>();
  auto repo = vcs::Repo::Open(dir);
  if (!repo) return repo.error();
  return repo->CommitAll(message, author);
}

}  // namespace bf::server
