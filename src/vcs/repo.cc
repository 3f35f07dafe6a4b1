#include "vcs/repo.h"

#include <algorithm>
#include <fstream>

#include "common/strings.h"
#include "vcs/repo_impl.h"

namespace bf::vcs {

namespace fs = std::filesystem;

namespace {

// Never committed, whatever the project's .gitignore says: dependency folders can hold
// hundreds of megabytes, and *.bf-tmp are OverlayTree's half-written files.
constexpr char kExclude[] =
    "\n# BackendForge: dependency folders and temporary files are never committed\n"
    "node_modules/\n.venv/\n__pycache__/\n*.bf-tmp\n";

bool IsHex(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  });
}

}  // namespace

namespace detail {

Result<git::SigPtr> MakeSignature(const Author& author) {
  auto bad = [](const std::string& s) {
    return s.find_first_of("<>\n\r") != std::string::npos || Trim(s).empty();
  };
  if (bad(author.name)) {
    return MakeError("vcs.author", "the author name " + Quote(author.name) +
                                       " cannot be used in a commit: it must be non-empty, on one line, without < or >");
  }
  if (bad(author.email)) {
    return MakeError("vcs.author", "the author email " + Quote(author.email) +
                                       " cannot be used in a commit: it must be non-empty, on one line, without < or >");
  }
  git_signature* sig = nullptr;
  int rc = author.timeUnix ? git_signature_new(&sig, author.name.c_str(), author.email.c_str(), *author.timeUnix, 0)
                           : git_signature_now(&sig, author.name.c_str(), author.email.c_str());
  if (rc < 0) return git::LastError(rc, "vcs.author", "invalid author " + Quote(author.name));
  return git::SigPtr(sig);
}

Result<std::string> CleanMessage(const std::string& message) {
  git::Buf buf;
  int rc = git_message_prettify(&buf.buf, message.c_str(), 0, '#');
  if (rc < 0) return git::LastError(rc, "vcs.message", "invalid commit message");
  std::string out = buf.str();
  if (Trim(out).empty()) return MakeError("vcs.message", "a commit needs a message saying what changed");
  return out;
}

Result<git_oid> CreateCommit(git_repository* repo, const git_oid& tree_id, const std::vector<git_oid>& parents,
                             const std::string& message, const Author& author) {
  auto msg = CleanMessage(message);
  if (!msg) return msg.error();
  auto sig = MakeSignature(author);
  if (!sig) return sig.error();
  git_tree* tree_raw = nullptr;
  if (int rc = git_tree_lookup(&tree_raw, repo, &tree_id); rc < 0) return git::LastError(rc, "vcs.commit", "missing tree");
  git::TreePtr tree(tree_raw);
  std::vector<git::CommitPtr> owned;
  std::vector<const git_commit*> ptrs;
  for (const auto& p : parents) {
    git_commit* c = nullptr;
    if (int rc = git_commit_lookup(&c, repo, &p); rc < 0) return git::LastError(rc, "vcs.commit", "missing parent commit");
    owned.emplace_back(c);
    ptrs.push_back(c);
  }
  git_oid out;
  int rc = git_commit_create(&out, repo, nullptr, sig->get(), sig->get(), nullptr, msg->c_str(), tree.get(), ptrs.size(),
                             ptrs.data());
  if (rc < 0) return git::LastError(rc, "vcs.commit", "cannot create the commit");
  return out;
}

Status MoveBranch(git_repository* repo, const std::string& branch, const git_oid& to,
                  const std::optional<git_oid>& expected, const std::string& log_message) {
  git_reference* ref = nullptr;
  std::string name = git::BranchRef(branch);
  int rc = expected ? git_reference_create_matching(&ref, repo, name.c_str(), &to, 1, &*expected, log_message.c_str())
                    : git_reference_create(&ref, repo, name.c_str(), &to, 0, log_message.c_str());
  if (rc == GIT_EEXISTS) {
    return MakeError("vcs.moved", "branch " + Quote(branch) + " was created while BackendForge worked on it; retry");
  }
  if (rc < 0) return git::LastError(rc, "vcs.ref", "cannot move branch " + Quote(branch));
  git_reference_free(ref);
  return Status::Ok();
}

Result<std::vector<FileChange>> ChangedFiles(git_repository* repo, git_tree* from, git_tree* to) {
  git_diff_options opts = GIT_DIFF_OPTIONS_INIT;
  git_diff* raw = nullptr;
  if (int rc = git_diff_tree_to_tree(&raw, repo, from, to, &opts); rc < 0) {
    return git::LastError(rc, "vcs.diff", "cannot compare trees");
  }
  git::DiffPtr diff(raw);
  std::vector<FileChange> out;
  size_t n = git_diff_num_deltas(diff.get());
  out.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    const git_diff_delta* d = git_diff_get_delta(diff.get(), i);
    FileChange fc;
    switch (d->status) {
      case GIT_DELTA_ADDED: fc.status = 'A'; fc.path = d->new_file.path; break;
      case GIT_DELTA_DELETED: fc.status = 'D'; fc.path = d->old_file.path; break;
      case GIT_DELTA_TYPECHANGE: fc.status = 'T'; fc.path = d->new_file.path; break;
      default:
        fc.path = d->new_file.path;
        fc.status = d->old_file.mode != d->new_file.mode && git_oid_equal(&d->old_file.id, &d->new_file.id) ? 'T' : 'M';
    }
    out.push_back(std::move(fc));
  }
  std::sort(out.begin(), out.end(), [](const FileChange& a, const FileChange& b) { return a.path < b.path; });
  return out;
}

Result<git::CommitPtr> LookupCommitHex(git_repository* repo, const std::string& sha) {
  if (sha.size() < 4 || sha.size() > GIT_OID_HEXSZ || !IsHex(sha)) {
    return MakeError("vcs.bad_sha", Quote(sha) + " is not a commit id (4 to 40 hexadecimal digits)");
  }
  git_oid oid;
  if (int rc = git_oid_fromstrn(&oid, sha.c_str(), sha.size()); rc < 0) {
    return git::LastError(rc, "vcs.bad_sha", Quote(sha) + " is not a commit id");
  }
  git_commit* c = nullptr;
  int rc = git_commit_lookup_prefix(&c, repo, &oid, sha.size());
  if (rc == GIT_ENOTFOUND || rc == GIT_EINVALIDSPEC) {
    return MakeError("vcs.not_found", "no commit " + sha + " in this project's history");
  }
  if (rc == GIT_EAMBIGUOUS) return MakeError("vcs.bad_sha", "commit id " + sha + " is ambiguous; give more digits");
  if (rc < 0) return git::LastError(rc, "vcs.not_found", "no commit " + sha);
  return git::CommitPtr(c);
}

Result<git::TreePtr> FirstParentTree(git_commit* commit) {
  if (git_commit_parentcount(commit) == 0) return git::TreePtr();
  git_commit* parent = nullptr;
  if (int rc = git_commit_parent(&parent, commit, 0); rc < 0) return git::LastError(rc, "vcs.history", "missing parent");
  git::CommitPtr owned(parent);
  git_tree* tree = nullptr;
  if (int rc = git_commit_tree(&tree, parent); rc < 0) return git::LastError(rc, "vcs.history", "missing tree");
  return git::TreePtr(tree);
}

}  // namespace detail

Repo::Repo(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Repo::Repo(Repo&&) noexcept = default;
Repo& Repo::operator=(Repo&&) noexcept = default;
Repo::~Repo() = default;

const fs::path& Repo::dir() const { return impl_->dir; }

Result<Repo> Repo::Init(const fs::path& dir) {
  git::EnsureInitialized();
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return MakeError("vcs.init", "cannot create " + Quote(dir.string()) + ": " + ec.message());
  if (fs::exists(dir / ".git", ec)) {
    return MakeError("vcs.exists", Quote(dir.string()) + " already holds a git repository; open it instead");
  }
  git_repository_init_options o = GIT_REPOSITORY_INIT_OPTIONS_INIT;
  o.flags = GIT_REPOSITORY_INIT_MKPATH | GIT_REPOSITORY_INIT_NO_REINIT;
  o.initial_head = kMainBranch;
  git_repository* raw = nullptr;
  if (int rc = git_repository_init_ext(&raw, dir.c_str(), &o); rc < 0) {
    return git::LastError(rc, "vcs.init", "cannot create a git repository in " + Quote(dir.string()));
  }
  auto impl = std::make_unique<Impl>();
  impl->repo.reset(raw);
  impl->dir = git_repository_workdir(raw);
  git_config* cfg = nullptr;
  if (int rc = git_repository_config(&cfg, raw); rc < 0) return git::LastError(rc, "vcs.init", "cannot read git config");
  git::ConfigPtr config(cfg);
  if (int rc = git_config_set_bool(config.get(), "core.autocrlf", 0); rc < 0) {
    return git::LastError(rc, "vcs.init", "cannot write git config");
  }
  fs::path info = fs::path(git_repository_path(raw)) / "info";
  fs::create_directories(info, ec);
  std::ofstream exclude(info / "exclude", std::ios::app);
  exclude << kExclude;
  if (!exclude.flush()) return MakeError("vcs.init", "cannot write " + Quote((info / "exclude").string()));
  return Repo(std::move(impl));
}

Result<Repo> Repo::Open(const fs::path& dir) {
  git::EnsureInitialized();
  git_repository* raw = nullptr;
  int rc = git_repository_open_ext(&raw, dir.c_str(), GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr);
  if (rc == GIT_ENOTFOUND) {
    return MakeError("vcs.not_a_repo", Quote(dir.string()) + " is not a git repository (no .git folder in it)");
  }
  if (rc < 0) return git::LastError(rc, "vcs.open", "cannot open the git repository in " + Quote(dir.string()));
  git::RepoPtr repo(raw);
  if (git_repository_is_bare(raw)) {
    return MakeError("vcs.bare", Quote(dir.string()) + " is a bare repository; a project needs a working directory");
  }
  auto impl = std::make_unique<Impl>();
  impl->repo = std::move(repo);
  impl->dir = git_repository_workdir(raw);
  return Repo(std::move(impl));
}

Result<std::optional<std::string>> Repo::CommitAll(const std::string& message, const Author& author) {
  git_repository* repo = impl_->repo.get();
  auto msg = detail::CleanMessage(message);
  if (!msg) return msg.error();
  auto sig = detail::MakeSignature(author);
  if (!sig) return sig.error();
  git_index* raw = nullptr;
  if (int rc = git_repository_index(&raw, repo); rc < 0) return git::LastError(rc, "vcs.index", "cannot open the index");
  git::IndexPtr index(raw);
  // Someone (plain git) may have changed the index since we loaded it.
  if (int rc = git_index_read(index.get(), 0); rc < 0) return git::LastError(rc, "vcs.index", "cannot read the index");
  if (int rc = git_index_add_all(index.get(), nullptr, GIT_INDEX_ADD_DEFAULT, nullptr, nullptr); rc < 0) {
    return git::LastError(rc, "vcs.index", "cannot stage the working tree");
  }
  if (int rc = git_index_update_all(index.get(), nullptr, nullptr, nullptr); rc < 0) {
    return git::LastError(rc, "vcs.index", "cannot stage deleted files");
  }
  git_oid tree_id;
  if (int rc = git_index_write_tree(&tree_id, index.get()); rc < 0) {
    return git::LastError(rc, "vcs.index", "cannot write the tree");
  }
  git_oid head;
  int hrc = git_reference_name_to_id(&head, repo, "HEAD");
  git::CommitPtr parent;
  if (hrc == 0) {
    git_commit* c = nullptr;
    if (int rc = git_commit_lookup(&c, repo, &head); rc < 0) return git::LastError(rc, "vcs.commit", "cannot read HEAD");
    parent.reset(c);
    if (git_oid_equal(git_commit_tree_id(c), &tree_id)) return std::optional<std::string>();
  } else if (hrc == GIT_ENOTFOUND || hrc == GIT_EUNBORNBRANCH) {
    if (git_index_entrycount(index.get()) == 0) return std::optional<std::string>();
  } else {
    return git::LastError(hrc, "vcs.commit", "cannot read HEAD");
  }
  if (int rc = git_index_write(index.get()); rc < 0) return git::LastError(rc, "vcs.index", "cannot write the index");
  git_tree* tree_raw = nullptr;
  if (int rc = git_tree_lookup(&tree_raw, repo, &tree_id); rc < 0) return git::LastError(rc, "vcs.commit", "missing tree");
  git::TreePtr tree(tree_raw);
  const git_commit* parents[1] = {parent.get()};
  git_oid out;
  // Updating "HEAD" moves the current branch, and fails if it moved since we read it.
  int rc = git_commit_create(&out, repo, "HEAD", sig->get(), sig->get(), nullptr, msg->c_str(), tree.get(),
                             parent ? 1 : 0, parents);
  if (rc < 0) return git::LastError(rc, "vcs.commit", "cannot commit");
  return std::optional<std::string>(git::ToHex(out));
}

Result<std::vector<std::string>> Repo::PendingChanges() const {
  git_status_options opts = GIT_STATUS_OPTIONS_INIT;
  opts.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR;
  opts.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS | GIT_STATUS_OPT_EXCLUDE_SUBMODULES;
  git_status_list* raw = nullptr;
  if (int rc = git_status_list_new(&raw, impl_->repo.get(), &opts); rc < 0) {
    return git::LastError(rc, "vcs.status", "cannot read the working tree status");
  }
  git::StatusPtr list(raw);
  std::vector<std::string> out;
  for (size_t i = 0, n = git_status_list_entrycount(list.get()); i < n; ++i) {
    const git_status_entry* e = git_status_byindex(list.get(), i);
    if (e->status == GIT_STATUS_CURRENT || (e->status & GIT_STATUS_IGNORED)) continue;
    const git_diff_delta* d = e->index_to_workdir ? e->index_to_workdir : e->head_to_index;
    if (!d) continue;
    out.push_back(d->new_file.path ? d->new_file.path : d->old_file.path);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

Result<std::string> Repo::Resolve(const std::string& rev) const {
  git_oid oid;
  if (!rev.empty() && git_reference_name_to_id(&oid, impl_->repo.get(), git::BranchRef(rev).c_str()) == 0) {
    return git::ToHex(oid);
  }
  if (IsHex(rev)) {
    auto c = detail::LookupCommitHex(impl_->repo.get(), rev);
    if (!c) return c.error();
    return git::ToHex(*git_commit_id(c->get()));
  }
  return MakeError("vcs.not_found", "no branch or commit " + Quote(rev) + " in this project");
}

Result<std::optional<std::string>> Repo::ReadFile(const std::string& rev, const std::string& path) const {
  auto sha = Resolve(rev);
  if (!sha) return sha.error();
  auto commit = detail::LookupCommitHex(impl_->repo.get(), *sha);
  if (!commit) return commit.error();
  git_tree* tree_raw = nullptr;
  if (int rc = git_commit_tree(&tree_raw, commit->get()); rc < 0) return git::LastError(rc, "vcs.read", "missing tree");
  git::TreePtr tree(tree_raw);
  git_tree_entry* entry = nullptr;
  int rc = git_tree_entry_bypath(&entry, tree.get(), path.c_str());
  if (rc == GIT_ENOTFOUND) return std::optional<std::string>();
  if (rc < 0) return git::LastError(rc, "vcs.read", "cannot read " + Quote(path));
  std::unique_ptr<git_tree_entry, void (*)(git_tree_entry*)> owned(entry, git_tree_entry_free);
  if (git_tree_entry_type(entry) != GIT_OBJECT_BLOB) {
    return MakeError("vcs.read", Quote(path) + " is a folder at " + rev + ", not a file");
  }
  git_blob* blob = nullptr;
  if (int brc = git_blob_lookup(&blob, impl_->repo.get(), git_tree_entry_id(entry)); brc < 0) {
    return git::LastError(brc, "vcs.read", "cannot read " + Quote(path));
  }
  git::BlobPtr b(blob);
  const char* data = static_cast<const char*>(git_blob_rawcontent(blob));
  return std::optional<std::string>(std::string(data, static_cast<size_t>(git_blob_rawsize(blob))));
}

Result<std::vector<std::string>> Repo::ListFiles(const std::string& rev) const {
  auto sha = Resolve(rev);
  if (!sha) return sha.error();
  auto commit = detail::LookupCommitHex(impl_->repo.get(), *sha);
  if (!commit) return commit.error();
  git_tree* tree_raw = nullptr;
  if (int rc = git_commit_tree(&tree_raw, commit->get()); rc < 0) return git::LastError(rc, "vcs.read", "missing tree");
  git::TreePtr tree(tree_raw);
  std::vector<std::string> out;
  auto visit = [](const char* root, const git_tree_entry* entry, void* payload) -> int {
    if (git_tree_entry_type(entry) == GIT_OBJECT_BLOB) {
      static_cast<std::vector<std::string>*>(payload)->push_back(std::string(root) + git_tree_entry_name(entry));
    }
    return 0;
  };
  if (int rc = git_tree_walk(tree.get(), GIT_TREEWALK_PRE, visit, &out); rc < 0) {
    return git::LastError(rc, "vcs.read", "cannot list the files of " + rev);
  }
  std::sort(out.begin(), out.end());
  return out;
}

Result<std::vector<std::string>> Repo::Branches() const {
  git_branch_iterator* it = nullptr;
  if (int rc = git_branch_iterator_new(&it, impl_->repo.get(), GIT_BRANCH_LOCAL); rc < 0) {
    return git::LastError(rc, "vcs.branches", "cannot list branches");
  }
  std::vector<std::string> out;
  git_reference* ref = nullptr;
  git_branch_t type;
  int rc;
  while ((rc = git_branch_next(&ref, &type, it)) == 0) {
    const char* name = nullptr;
    if (git_branch_name(&name, ref) == 0) out.emplace_back(name);
    git_reference_free(ref);
  }
  git_branch_iterator_free(it);
  if (rc != GIT_ITEROVER) return git::LastError(rc, "vcs.branches", "cannot list branches");
  std::sort(out.begin(), out.end());
  return out;
}

std::optional<Author> Repo::ConfiguredAuthor() const {
  git_config* raw = nullptr;
  if (git_repository_config_snapshot(&raw, impl_->repo.get()) < 0) return std::nullopt;
  git::ConfigPtr cfg(raw);
  const char* name = nullptr;
  const char* email = nullptr;
  if (git_config_get_string(&name, cfg.get(), "user.name") < 0 || git_config_get_string(&email, cfg.get(), "user.email") < 0) {
    return std::nullopt;
  }
  return Author{name, email, std::nullopt};
}

}  // namespace bf::vcs
