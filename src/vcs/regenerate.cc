// Repo's generation side: the first generation, and regeneration by three-way merge.
#include <algorithm>
#include <fstream>

#include "common/strings.h"
#include "vcs/repo.h"
#include "vcs/repo_impl.h"
#include "vcs/tree_writer.h"

namespace bf::vcs {

namespace fs = std::filesystem;

namespace {

Result<git::CommitPtr> LookupCommit(git_repository* repo, const git_oid& id) {
  git_commit* c = nullptr;
  if (int rc = git_commit_lookup(&c, repo, &id); rc < 0) return git::LastError(rc, "vcs.commit", "missing commit " + git::ToHex(id));
  return git::CommitPtr(c);
}

Result<git::TreePtr> LookupTree(git_repository* repo, const git_oid& id) {
  git_tree* t = nullptr;
  if (int rc = git_tree_lookup(&t, repo, &id); rc < 0) return git::LastError(rc, "vcs.tree", "missing tree " + git::ToHex(id));
  return git::TreePtr(t);
}

// Updates the working tree and index from HEAD's tree to `tree`. SAFE: never overwrites a
// file that differs from the index (the caller checked there are none).
Status Checkout(git_repository* repo, git_tree* tree, bool force = false) {
  git_checkout_options opts = GIT_CHECKOUT_OPTIONS_INIT;
  opts.checkout_strategy = force ? GIT_CHECKOUT_FORCE : GIT_CHECKOUT_SAFE;
  if (int rc = git_checkout_tree(repo, reinterpret_cast<git_object*>(tree), &opts); rc < 0) {
    return git::LastError(rc, "vcs.checkout", "cannot update the working tree");
  }
  return Status::Ok();
}

std::string FirstLine(const std::string& message) {
  std::string t = Trim(message);
  return t.substr(0, t.find('\n'));
}

// Moves main (checked out, HEAD) from `from` to commit `to`: the working tree and index first,
// then the branch, compare-and-swap. If the branch moved meanwhile, the working tree is put
// back to `from` and the error returned.
Status AdvanceMain(git_repository* repo, const git_oid& from, const git_oid& to, const std::string& log) {
  auto target = LookupCommit(repo, to);
  if (!target) return target.error();
  auto tree = LookupTree(repo, *git_commit_tree_id(target->get()));
  if (!tree) return tree.error();
  if (Status s = Checkout(repo, tree->get()); !s) return s;
  if (Status s = detail::MoveBranch(repo, kMainBranch, to, from, log); !s) {
    auto old = LookupCommit(repo, from);
    if (old) {
      auto back = LookupTree(repo, *git_commit_tree_id(old->get()));
      if (back) (void)Checkout(repo, back->get());
    }
    return s;
  }
  return Status::Ok();
}

// A conflict entry copied out of the index (its pointers die when the index changes).
struct Side {
  bool present = false;
  git_oid id{};
  uint32_t mode = 0;
};
struct ConflictEntry {
  std::string path;
  Side ancestor, ours, theirs;
};

Side Copy(const git_index_entry* e) {
  Side s;
  if (!e) return s;
  s.present = true;
  s.id = e->id;
  s.mode = e->mode;
  return s;
}

git_index_entry Entry(const Side& s, const std::string& path) {
  git_index_entry e{};
  e.id = s.id;
  e.mode = s.mode;
  e.path = path.c_str();
  return e;
}

Result<bool> IsBinary(git_repository* repo, const git_oid& id) {
  git_blob* b = nullptr;
  if (int rc = git_blob_lookup(&b, repo, &id); rc < 0) return git::LastError(rc, "vcs.merge", "missing blob");
  git::BlobPtr owned(b);
  return git_blob_is_binary(b) != 0;
}

// Replaces every conflict of `index` by one stage-0 entry the user can resolve: text files get
// conflict markers ("<<<<<<< main" ... ">>>>>>> generated"); for modify/delete the surviving
// version is kept; for binary files the user's version is kept. Returns the conflicts.
Result<std::vector<Conflict>> ResolveWithMarkers(git_repository* repo, git_index* index) {
  std::vector<ConflictEntry> entries;
  {
    git_index_conflict_iterator* raw = nullptr;
    if (int rc = git_index_conflict_iterator_new(&raw, index); rc < 0) return git::LastError(rc, "vcs.merge", "cannot list conflicts");
    git::ConflictIterPtr it(raw);
    const git_index_entry *a = nullptr, *o = nullptr, *t = nullptr;
    int rc;
    while ((rc = git_index_conflict_next(&a, &o, &t, it.get())) == 0) {
      const git_index_entry* any = o ? o : t ? t : a;
      entries.push_back({any->path, Copy(a), Copy(o), Copy(t)});
    }
    if (rc != GIT_ITEROVER) return git::LastError(rc, "vcs.merge", "cannot list conflicts");
  }
  std::vector<Conflict> out;
  for (const auto& c : entries) {
    Side result;
    std::string kind;
    if (c.ours.present && c.theirs.present) {
      kind = c.ancestor.present ? "content" : "add/add";
      auto ours_bin = IsBinary(repo, c.ours.id);
      if (!ours_bin) return ours_bin.error();
      auto theirs_bin = IsBinary(repo, c.theirs.id);
      if (!theirs_bin) return theirs_bin.error();
      if (*ours_bin || *theirs_bin) {
        kind = "binary";
        result = c.ours;
      } else {
        git_merge_file_options fo = GIT_MERGE_FILE_OPTIONS_INIT;
        fo.our_label = "main";
        fo.their_label = "generated";
        git_index_entry anc = Entry(c.ancestor, c.path), ours = Entry(c.ours, c.path), theirs = Entry(c.theirs, c.path);
        git_merge_file_result merged{};
        int rc = git_merge_file_from_index(&merged, repo, c.ancestor.present ? &anc : nullptr, &ours, &theirs, &fo);
        if (rc < 0) return git::LastError(rc, "vcs.merge", "cannot merge " + Quote(c.path));
        std::unique_ptr<git_merge_file_result, void (*)(git_merge_file_result*)> owned(&merged, git_merge_file_result_free);
        if (merged.automergeable) kind = "mode";  // the text merged; only the file modes disagree
        result.present = true;
        result.mode = merged.mode ? merged.mode : c.ours.mode;
        if (rc = git_blob_create_from_buffer(&result.id, repo, merged.ptr, merged.len); rc < 0) {
          return git::LastError(rc, "vcs.merge", "cannot store " + Quote(c.path));
        }
      }
    } else if (c.ours.present) {
      kind = "modify/delete";
      result = c.ours;
    } else if (c.theirs.present) {
      kind = "delete/modify";
      result = c.theirs;
    } else {
      continue;
    }
    if (int rc = git_index_conflict_remove(index, c.path.c_str()); rc < 0) {
      return git::LastError(rc, "vcs.merge", "cannot resolve " + Quote(c.path));
    }
    git_index_entry e = Entry(result, c.path);
    if (int rc = git_index_add(index, &e); rc < 0) return git::LastError(rc, "vcs.merge", "cannot resolve " + Quote(c.path));
    out.push_back({c.path, kind});
  }
  std::sort(out.begin(), out.end(), [](const Conflict& a, const Conflict& b) { return a.path < b.path; });
  return out;
}

// Files of `tree` that already exist in `dir` with other bytes (or as something else than a
// regular file): a first generation must not overwrite them.
std::vector<std::string> WouldOverwrite(const fs::path& dir, const generate::FileTree& tree) {
  std::vector<std::string> out;
  for (const auto& [path, content] : tree.files()) {
    fs::path p = dir / path;
    std::error_code ec;
    bool blocked = false;  // a parent folder of the path exists as something else
    for (fs::path parent = fs::path(path).parent_path(); !parent.empty(); parent = parent.parent_path()) {
      auto pst = fs::symlink_status(dir / parent, ec);
      if (!ec && pst.type() != fs::file_type::not_found && pst.type() != fs::file_type::directory) blocked = true;
    }
    if (blocked) {
      out.push_back(path);
      continue;
    }
    auto st = fs::symlink_status(p, ec);
    if (ec || st.type() == fs::file_type::not_found) continue;
    if (st.type() != fs::file_type::regular) {
      out.push_back(path);
      continue;
    }
    std::ifstream in(p, std::ios::binary);
    std::string have((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (have != content) out.push_back(path);
  }
  return out;
}

std::string ListPaths(const std::vector<std::string>& paths, size_t max = 10) {
  std::vector<std::string> shown(paths.begin(), paths.begin() + static_cast<ptrdiff_t>(std::min(max, paths.size())));
  std::string s = Join(shown, ", ");
  if (paths.size() > max) s += " and " + std::to_string(paths.size() - max) + " more";
  return s;
}

}  // namespace

Result<std::string> Repo::RecordGeneration(const generate::FileTree& tree, const std::string& message,
                                           const Author& author) {
  git_repository* repo = impl_->repo.get();
  if (Status s = detail::CheckTreePaths(tree); !s) return s.error();
  git_oid existing;
  if (git::BranchTip(repo, kGeneratedBranch, &existing) == 0) {
    return MakeError("vcs.exists", "this project already has generated output (branch \"generated\"); use Regenerate");
  }
  if (git::BranchTip(repo, kMainBranch, &existing) == 0 || git_repository_head_unborn(repo) != 1) {
    return MakeError("vcs.exists", "this repository already has commits; a first generation needs a new project (use Regenerate)");
  }
  if (auto clash = WouldOverwrite(impl_->dir, tree); !clash.empty()) {
    return MakeError("vcs.would_overwrite", "the folder already has different files where the generator writes: " +
                                                ListPaths(clash) + "; move them away or generate into a new folder");
  }
  auto staged = detail::StagedTree::Write(repo, tree);
  if (!staged) return staged.error();
  auto commit = staged->Commit({}, message, author);
  if (!commit) return commit.error();
  auto files = LookupTree(repo, staged->id());
  if (!files) return files.error();
  // The files are either absent or identical (checked above): forcing only (re)writes them and
  // fills the index; files outside the tree stay where they are, untracked.
  if (Status s = Checkout(repo, files->get(), /*force=*/true); !s) return s.error();
  std::string log = "generate: " + FirstLine(message);
  if (Status s = detail::MoveBranch(repo, kGeneratedBranch, *commit, std::nullopt, log); !s) return s.error();
  if (Status s = detail::MoveBranch(repo, kMainBranch, *commit, std::nullopt, log); !s) return s.error();
  if (int rc = git_repository_set_head(repo, git::BranchRef(kMainBranch).c_str()); rc < 0) {
    return git::LastError(rc, "vcs.ref", "cannot point HEAD at main");
  }
  return git::ToHex(*commit);
}

Result<MergeOutcome> Repo::Regenerate(const generate::FileTree& tree, const std::string& message, const Author& author) {
  git_repository* repo = impl_->repo.get();
  if (Status s = detail::CheckTreePaths(tree); !s) return s.error();
  // Preconditions: HEAD on main, a generated branch, nothing uncommitted.
  git_reference* head_raw = nullptr;
  int rc = git_repository_head(&head_raw, repo);
  if (rc == GIT_EUNBORNBRANCH || rc == GIT_ENOTFOUND) {
    return MakeError("vcs.no_generation", "this project has no commits yet; record the first generation before regenerating");
  }
  if (rc < 0) return git::LastError(rc, "vcs.head", "cannot read HEAD");
  git::RefPtr head(head_raw);
  if (git_repository_head_detached(repo) == 1 || std::string(git_reference_name(head_raw)) != git::BranchRef(kMainBranch)) {
    std::string where = git_repository_head_detached(repo) == 1 ? "a detached commit" : git_reference_shorthand(head_raw);
    return MakeError("vcs.branch", "the project is on " + where + ", not on main; switch back (git checkout main) before regenerating");
  }
  git_oid main_tip = *git_reference_target(head_raw);
  git_oid gen_tip;
  if (git::BranchTip(repo, kGeneratedBranch, &gen_tip) != 0) {
    return MakeError("vcs.no_generated",
                     "this project has no \"generated\" branch, so BackendForge cannot tell its output from your edits; "
                     "create it at the commit that holds the untouched generated code (git branch generated <sha>)");
  }
  auto pending = PendingChanges();
  if (!pending) return pending.error();
  if (!pending->empty()) {
    return MakeError("vcs.dirty", std::to_string(pending->size()) + " uncommitted change(s) (" + ListPaths(*pending) +
                                      "); commit them first so regeneration cannot touch them");
  }

  MergeOutcome out;
  auto staged = detail::StagedTree::Write(repo, tree);
  if (!staged) return staged.error();
  auto old_gen = LookupCommit(repo, gen_tip);
  if (!old_gen) return old_gen.error();

  // 1. The new output on `generated` (no commit when it did not change).
  git_oid gen = gen_tip;
  if (!git_oid_equal(&staged->id(), git_commit_tree_id(old_gen->get()))) {
    auto c = staged->Commit({gen_tip}, message, author);
    if (!c) return c.error();
    if (Status s = detail::MoveBranch(repo, kGeneratedBranch, *c, gen_tip, "regenerate: " + FirstLine(message)); !s) {
      return s.error();
    }
    gen = *c;
  }
  out.generatedCommit = git::ToHex(gen);
  out.mainCommit = git::ToHex(main_tip);

  // 2. Into main.
  git_oid base;
  rc = git_merge_base(&base, repo, &main_tip, &gen);
  if (rc == GIT_ENOTFOUND) {
    return MakeError("vcs.unrelated", "main and generated share no history, so there is no base to merge from; "
                                      "point \"generated\" at the commit on main that holds the untouched generated code");
  }
  if (rc < 0) return git::LastError(rc, "vcs.merge", "cannot find the merge base of main and generated");
  if (git_oid_equal(&base, &gen)) {
    out.kind = MergeOutcome::Kind::kUpToDate;
    return out;
  }
  auto gen_commit = LookupCommit(repo, gen);
  if (!gen_commit) return gen_commit.error();
  // What the generator changed since main last took its output (the merge base is that output).
  {
    auto base_commit = LookupCommit(repo, base);
    if (!base_commit) return base_commit.error();
    auto from = LookupTree(repo, *git_commit_tree_id(base_commit->get()));
    if (!from) return from.error();
    auto to = LookupTree(repo, *git_commit_tree_id(gen_commit->get()));
    if (!to) return to.error();
    auto changes = detail::ChangedFiles(repo, from->get(), to->get());
    if (!changes) return changes.error();
    out.generatorChanges = std::move(*changes);
  }
  if (git_oid_equal(&base, &main_tip)) {
    if (Status s = AdvanceMain(repo, main_tip, gen, "regenerate: fast-forward"); !s) return s.error();
    out.kind = MergeOutcome::Kind::kFastForward;
    out.mainCommit = out.mergeCommit = out.generatedCommit;
    return out;
  }
  auto main_commit = LookupCommit(repo, main_tip);
  if (!main_commit) return main_commit.error();
  git_merge_options mo = GIT_MERGE_OPTIONS_INIT;
  mo.flags = 0;  // no rename detection: a file the generator drops is reported, never re-routed
  git_index* idx_raw = nullptr;
  if (rc = git_merge_commits(&idx_raw, repo, main_commit->get(), gen_commit->get(), &mo); rc < 0) {
    return git::LastError(rc, "vcs.merge", "cannot merge generated into main");
  }
  git::IndexPtr index(idx_raw);
  const std::string summary = FirstLine(message);
  const std::string short_gen = git::ShortHex(gen);

  if (!git_index_has_conflicts(index.get())) {
    git_oid merged_tree;
    if (rc = git_index_write_tree_to(&merged_tree, index.get(), repo); rc < 0) {
      return git::LastError(rc, "vcs.merge", "cannot write the merged tree");
    }
    std::string msg = "Merge generated output: " + summary + "\n\nThe generator's new output (generated " + short_gen +
                      ", " + std::to_string(out.generatorChanges.size()) +
                      " file(s) changed) merged into main; edits made on main are kept.\n";
    auto merge = detail::CreateCommit(repo, merged_tree, {main_tip, gen}, msg, author);
    if (!merge) return merge.error();
    if (Status s = AdvanceMain(repo, main_tip, *merge, "regenerate: merge " + short_gen); !s) return s.error();
    out.kind = MergeOutcome::Kind::kMerged;
    out.mainCommit = out.mergeCommit = git::ToHex(*merge);
    return out;
  }

  // Conflicts: main and the working tree stay as they are; the merge goes to a branch.
  auto conflicts = ResolveWithMarkers(repo, index.get());
  if (!conflicts) return conflicts.error();
  git_oid conflict_tree;
  if (rc = git_index_write_tree_to(&conflict_tree, index.get(), repo); rc < 0) {
    return git::LastError(rc, "vcs.merge", "cannot write the conflicted tree");
  }
  std::string msg = "Conflicted merge of generated output: " + summary + "\n\nThe generator's new output (generated " +
                    short_gen + ") conflicts with edits on main in:\n";
  for (const auto& c : *conflicts) msg += "  " + c.path + " (" + c.kind + ")\n";
  msg += "\nResolve the conflict markers on this branch, commit, then merge it into main.\n";
  auto commit = detail::CreateCommit(repo, conflict_tree, {main_tip, gen}, msg, author);
  if (!commit) return commit.error();
  out.conflictBranch = kConflictBranchPrefix + short_gen;
  git_reference* ref = nullptr;
  if (rc = git_reference_create(&ref, repo, git::BranchRef(out.conflictBranch).c_str(), &*commit, 1,
                                ("regenerate: conflicts with " + short_gen).c_str());
      rc < 0) {
    return git::LastError(rc, "vcs.ref", "cannot create branch " + Quote(out.conflictBranch));
  }
  git_reference_free(ref);
  out.kind = MergeOutcome::Kind::kConflict;
  out.clean = false;
  out.conflicts = std::move(*conflicts);
  out.conflictCommit = git::ToHex(*commit);
  return out;
}

}  // namespace bf::vcs
