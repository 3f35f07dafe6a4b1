// Repo::Push: main and generated to a remote over HTTPS (token), SSH (key) or a local path.
#include <regex>

#include "common/strings.h"
#include "vcs/repo.h"
#include "vcs/repo_impl.h"

namespace bf::vcs {

namespace fs = std::filesystem;

namespace {

// Removes every secret from a text meant for users or logs: the token, the passphrase, and a
// password embedded in a URL ("https://user:secret@host" -> "https://user:***@host").
std::string Redact(std::string text, const Remote& remote) {
  for (const std::string* secret : {&remote.token, &remote.sshPassphrase}) {
    if (!secret->empty()) text = ReplaceAll(text, *secret, "***");
  }
  static const std::regex kUrlPassword(R"(([a-zA-Z][a-zA-Z0-9+.-]*://[^/@:\s]*):[^/@\s]*@)");
  return std::regex_replace(text, kUrlPassword, "$1:***@");
}

struct PushState {
  const Remote* remote = nullptr;
  bool secretSent = false;
  bool authFailed = false;
  bool noCredentials = false;
  std::vector<std::string> rejected;  // "<branch>: <remote's reason>"
};

int Credentials(git_credential** out, const char* /*url*/, const char* user_from_url, unsigned int allowed, void* payload) {
  auto* st = static_cast<PushState*>(payload);
  const Remote& r = *st->remote;
  const char* ssh_user = user_from_url && *user_from_url ? user_from_url : "git";
  if (allowed & GIT_CREDENTIAL_USERNAME) return git_credential_username_new(out, ssh_user);
  if (st->secretSent) {
    // libgit2 asks again when the remote refused what we sent: stop instead of looping.
    st->authFailed = true;
    git_error_set_str(GIT_ERROR_NET, "authentication failed");
    return GIT_EAUTH;
  }
  if ((allowed & GIT_CREDENTIAL_USERPASS_PLAINTEXT) && !r.token.empty()) {
    st->secretSent = true;
    return git_credential_userpass_plaintext_new(out, r.username.empty() ? "x-access-token" : r.username.c_str(),
                                                 r.token.c_str());
  }
  if ((allowed & GIT_CREDENTIAL_SSH_KEY) && !r.sshKeyPath.empty()) {
    st->secretSent = true;
    std::string pub = r.sshKeyPath + ".pub";
    std::error_code ec;
    bool has_pub = fs::exists(pub, ec);
    return git_credential_ssh_key_new(out, ssh_user, has_pub ? pub.c_str() : nullptr, r.sshKeyPath.c_str(),
                                      r.sshPassphrase.empty() ? nullptr : r.sshPassphrase.c_str());
  }
  st->noCredentials = true;
  git_error_set_str(GIT_ERROR_NET, "the remote asks for credentials");
  return GIT_EAUTH;
}

int UpdateReference(const char* refname, const char* status, void* payload) {
  if (status) {
    auto* st = static_cast<PushState*>(payload);
    std::string name = refname;
    if (StartsWith(name, "refs/heads/")) name = name.substr(11);
    st->rejected.push_back(name + ": " + status);
  }
  return 0;
}

}  // namespace

Status Repo::Push(const Remote& remote) {
  const std::string shown_url = Redact(remote.url, remote);
  if (Trim(remote.url).empty()) return MakeError("vcs.remote", "no remote URL given");
  if (StartsWith(ToLower(remote.url), "http://") && !remote.token.empty()) {
    return MakeError("vcs.remote", "refusing to send a token over unencrypted http to " + shown_url + "; use https://");
  }
  git_repository* repo = impl_->repo.get();
  std::vector<std::string> specs;
  for (const auto& b : remote.branches) {
    git_oid tip;
    if (git::BranchTip(repo, b, &tip) == 0) specs.push_back(git::BranchRef(b) + ":" + git::BranchRef(b));
  }
  if (specs.empty()) return MakeError("vcs.push", "nothing to push: none of the branches " + Join(remote.branches, ", ") + " has commits");

  git_remote* raw = nullptr;
  if (int rc = git_remote_create_anonymous(&raw, repo, remote.url.c_str()); rc < 0) {
    return MakeError("vcs.remote", Redact(git::LastError(rc, "vcs.remote", shown_url + " is not a usable remote URL").message, remote));
  }
  git::RemotePtr handle(raw);
  PushState state;
  state.remote = &remote;
  git_push_options opts = GIT_PUSH_OPTIONS_INIT;
  opts.callbacks.credentials = Credentials;
  opts.callbacks.push_update_reference = UpdateReference;
  opts.callbacks.payload = &state;
  opts.proxy_opts.type = GIT_PROXY_AUTO;
  std::vector<char*> ptrs;
  for (auto& s : specs) ptrs.push_back(s.data());
  git_strarray refspecs{ptrs.data(), ptrs.size()};
  int rc = git_remote_push(handle.get(), &refspecs, &opts);
  if (rc < 0) {
    std::string why;
    if (state.noCredentials) {
      why = "the remote asks for credentials; give a token (HTTPS) or an SSH key";
    } else if (state.authFailed || rc == GIT_EAUTH) {
      why = "authentication failed; check the token (and its username) or the SSH key";
    } else if (rc == GIT_ENONFASTFORWARD) {
      why = "the remote branch has commits this project does not have (not a fast-forward); fetch and merge them first";
    } else {
      const git_error* e = git_error_last();
      why = e && e->message ? e->message : "error " + std::to_string(rc);
    }
    return MakeError(state.authFailed || state.noCredentials ? "vcs.auth" : "vcs.push",
                     Redact("push to " + shown_url + " failed: " + why, remote));
  }
  if (!state.rejected.empty()) {
    return MakeError("vcs.push", Redact("the remote " + shown_url + " refused " + Join(state.rejected, "; "), remote));
  }
  return Status::Ok();
}

}  // namespace bf::vcs
