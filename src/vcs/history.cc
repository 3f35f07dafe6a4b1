// Repo's read side: log, one commit, its diff and its numbers.
#include <algorithm>

#include "common/strings.h"
#include "vcs/repo.h"
#include "vcs/repo_impl.h"

namespace bf::vcs {

namespace {

Result<CommitInfo> Describe(git_repository* repo, git_commit* c, bool with_files) {
  CommitInfo info;
  info.sha = git::ToHex(*git_commit_id(c));
  for (unsigned i = 0, n = git_commit_parentcount(c); i < n; ++i) info.parents.push_back(git::ToHex(*git_commit_parent_id(c, i)));
  const char* summary = git_commit_summary(c);
  info.summary = summary ? summary : "";
  const char* message = git_commit_message(c);
  info.message = message ? message : "";
  const git_signature* a = git_commit_author(c);
  info.authorName = a->name ? a->name : "";
  info.authorEmail = a->email ? a->email : "";
  info.timeUnix = a->when.time;
  git_message_trailer_array trailers{};
  if (message && git_message_trailers(&trailers, message) == 0) {
    for (size_t i = 0; i < trailers.count; ++i) info.trailers.emplace_back(trailers.trailers[i].key, trailers.trailers[i].value);
    git_message_trailer_array_free(&trailers);
  }
  if (with_files) {
    auto parent_tree = detail::FirstParentTree(c);
    if (!parent_tree) return parent_tree.error();
    git_tree* tree = nullptr;
    if (int rc = git_commit_tree(&tree, c); rc < 0) return git::LastError(rc, "vcs.history", "missing tree of " + info.sha);
    git::TreePtr owned(tree);
    auto files = detail::ChangedFiles(repo, parent_tree->get(), tree);
    if (!files) return files.error();
    info.files = std::move(*files);
  }
  return info;
}

// The diff of a commit against its first parent.
Result<git::DiffPtr> CommitDiff(git_repository* repo, const std::string& sha, int context_lines) {
  auto commit = detail::LookupCommitHex(repo, sha);
  if (!commit) return commit.error();
  auto parent_tree = detail::FirstParentTree(commit->get());
  if (!parent_tree) return parent_tree.error();
  git_tree* tree = nullptr;
  if (int rc = git_commit_tree(&tree, commit->get()); rc < 0) return git::LastError(rc, "vcs.diff", "missing tree of " + sha);
  git::TreePtr owned(tree);
  git_diff_options opts = GIT_DIFF_OPTIONS_INIT;
  opts.context_lines = static_cast<uint32_t>(context_lines < 0 ? 0 : context_lines);
  git_diff* diff = nullptr;
  if (int rc = git_diff_tree_to_tree(&diff, repo, parent_tree->get(), tree, &opts); rc < 0) {
    return git::LastError(rc, "vcs.diff", "cannot diff " + sha);
  }
  return git::DiffPtr(diff);
}

}  // namespace

std::string GenerationTrailers(const std::string& target, const std::string& database) {
  return std::string("\n") + kTargetTrailer + ": " + target + "\n" + kDatabaseTrailer + ": " + database + "\n";
}

Result<std::vector<CommitInfo>> Repo::Log(const LogQuery& query) const {
  git_repository* repo = impl_->repo.get();
  git_oid tip;
  int rc = git::BranchTip(repo, query.branch, &tip);
  if (rc == GIT_ENOTFOUND) return std::vector<CommitInfo>();
  if (rc < 0) return git::LastError(rc, "vcs.history", "cannot read branch " + Quote(query.branch));
  git_revwalk* raw = nullptr;
  if (rc = git_revwalk_new(&raw, repo); rc < 0) return git::LastError(rc, "vcs.history", "cannot walk the history");
  git::WalkPtr walk(raw);
  git_revwalk_sorting(walk.get(), GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME);
  if (query.firstParent) git_revwalk_simplify_first_parent(walk.get());
  if (rc = git_revwalk_push(walk.get(), &tip); rc < 0) return git::LastError(rc, "vcs.history", "cannot walk the history");
  std::vector<CommitInfo> out;
  git_oid oid;
  size_t index = 0;
  while (out.size() < query.limit && (rc = git_revwalk_next(&oid, walk.get())) == 0) {
    if (index++ < query.offset) continue;
    git_commit* c = nullptr;
    if (int lrc = git_commit_lookup(&c, repo, &oid); lrc < 0) return git::LastError(lrc, "vcs.history", "missing commit");
    git::CommitPtr owned(c);
    auto info = Describe(repo, c, query.withFiles);
    if (!info) return info.error();
    out.push_back(std::move(*info));
  }
  if (rc < 0 && rc != GIT_ITEROVER) return git::LastError(rc, "vcs.history", "cannot walk the history");
  return out;
}

Result<CommitInfo> Repo::Show(const std::string& sha) const {
  auto commit = detail::LookupCommitHex(impl_->repo.get(), sha);
  if (!commit) return commit.error();
  return Describe(impl_->repo.get(), commit->get(), true);
}

Result<std::string> Repo::Diff(const std::string& sha, const DiffOptions& options) const {
  auto diff = CommitDiff(impl_->repo.get(), sha, options.contextLines);
  if (!diff) return diff.error();
  git::Buf buf;
  if (int rc = git_diff_to_buf(&buf.buf, diff->get(), GIT_DIFF_FORMAT_PATCH); rc < 0) {
    return git::LastError(rc, "vcs.diff", "cannot format the diff of " + sha);
  }
  std::string text = buf.str();
  if (options.maxBytes > 0 && text.size() > options.maxBytes) {
    size_t total = text.size();
    size_t cut = text.rfind('\n', options.maxBytes);
    text.resize(cut == std::string::npos ? options.maxBytes : cut + 1);
    text += "[diff cut at " + std::to_string(text.size()) + " of " + std::to_string(total) + " bytes]\n";
  }
  return text;
}

Result<DiffStat> Repo::Stat(const std::string& sha) const {
  auto diff = CommitDiff(impl_->repo.get(), sha, 0);
  if (!diff) return diff.error();
  git_diff_stats* raw = nullptr;
  if (int rc = git_diff_get_stats(&raw, diff->get()); rc < 0) return git::LastError(rc, "vcs.diff", "cannot count the diff");
  git::StatsPtr stats(raw);
  return DiffStat{git_diff_stats_files_changed(raw), git_diff_stats_insertions(raw), git_diff_stats_deletions(raw)};
}

Result<std::vector<FilePatch>> Repo::Patches(const std::string& sha, const DiffOptions& options) const {
  auto diff = CommitDiff(impl_->repo.get(), sha, options.contextLines);
  if (!diff) return diff.error();
  std::vector<FilePatch> out;
  for (size_t i = 0, n = git_diff_num_deltas(diff->get()); i < n; ++i) {
    git_patch* raw = nullptr;
    if (int rc = git_patch_from_diff(&raw, diff->get(), i); rc < 0) return git::LastError(rc, "vcs.diff", "cannot read the diff of " + sha);
    git::PatchPtr patch(raw);
    const git_diff_delta* d = git_patch_get_delta(raw);
    FilePatch fp;
    switch (d->status) {
      case GIT_DELTA_ADDED: fp.status = 'A'; fp.path = d->new_file.path; break;
      case GIT_DELTA_DELETED: fp.status = 'D'; fp.path = d->old_file.path; break;
      case GIT_DELTA_TYPECHANGE: fp.status = 'T'; fp.path = d->new_file.path; break;
      default:
        fp.path = d->new_file.path;
        fp.status = d->old_file.mode != d->new_file.mode && git_oid_equal(&d->old_file.id, &d->new_file.id) ? 'T' : 'M';
    }
    fp.binary = (d->flags & GIT_DIFF_FLAG_BINARY) != 0;
    size_t context = 0;
    if (int rc = git_patch_line_stats(&context, &fp.additions, &fp.deletions, raw); rc < 0) {
      return git::LastError(rc, "vcs.diff", "cannot count the diff of " + sha);
    }
    git::Buf buf;
    if (int rc = git_patch_to_buf(&buf.buf, raw); rc < 0) return git::LastError(rc, "vcs.diff", "cannot format the diff of " + sha);
    fp.patch = buf.str();
    if (options.maxBytes > 0 && fp.patch.size() > options.maxBytes) {
      size_t cut = fp.patch.rfind('\n', options.maxBytes);
      fp.patch.resize(cut == std::string::npos ? options.maxBytes : cut + 1);
      fp.truncated = true;
    }
    out.push_back(std::move(fp));
  }
  std::sort(out.begin(), out.end(), [](const FilePatch& a, const FilePatch& b) { return a.path < b.path; });
  return out;
}

}  // namespace bf::vcs
