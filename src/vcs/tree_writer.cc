#include "vcs/tree_writer.h"

#include <git2/sys/mempack.h>
#include <git2/sys/odb_backend.h>

#include <set>
#include <vector>

#include "common/strings.h"
#include "vcs/git_util.h"
#include "vcs/repo_impl.h"

namespace bf::vcs::detail {

namespace {

// Below this many new blobs, loose objects are cheaper than a pack (and keep the number of
// packs small: libgit2 never repacks).
constexpr size_t kPackThreshold = 16;

using OdbPtr = git::Handle<git_odb, git_odb_free>;

// A file of the tree: its blob id and whether the repository lacks the blob.
struct BlobInfo {
  git_oid id;
  bool missing;
};

Result<git_oid> BuildTreeIn(git_repository* repo, const generate::FileTree& tree, const std::vector<BlobInfo>& blobs);

}  // namespace

// A throwaway repository whose writes land in memory while its reads also see the real
// repository's objects; Flush() moves what was written into the real repository as one pack.
class StagedTree::Staging {
 public:
  static Result<std::unique_ptr<Staging>> Open(git_repository* real) {
    auto owned = std::make_unique<Staging>();
    Staging& s = *owned;
    s.real_ = real;
    git_odb* odb = nullptr;
    if (int rc = git_odb_new(&odb); rc < 0) return git::LastError(rc, "vcs.objects", "cannot create a staging object store");
    s.odb_.reset(odb);
    std::string objects = std::string(git_repository_commondir(real)) + "objects";
    git_odb_backend* mem = nullptr;
    git_odb_backend* packs = nullptr;
    git_odb_backend* loose = nullptr;
    if (int rc = git_mempack_new(&mem); rc < 0) return git::LastError(rc, "vcs.objects", "cannot create a staging object store");
    if (int rc = git_odb_add_backend(odb, mem, 3); rc < 0) {
      mem->free(mem);
      return git::LastError(rc, "vcs.objects", "cannot create a staging object store");
    }
    s.mem_ = mem;
    // Readers of the real object folder, below the in-memory store so writes go to memory.
    if (int rc = git_odb_backend_pack(&packs, objects.c_str()); rc < 0) {
      return git::LastError(rc, "vcs.objects", "cannot read the object folder");
    }
    if (int rc = git_odb_add_backend(odb, packs, 2); rc < 0) {
      packs->free(packs);
      return git::LastError(rc, "vcs.objects", "cannot read the object folder");
    }
    if (int rc = git_odb_backend_loose(&loose, objects.c_str(), -1, 0, 0, 0); rc < 0) {
      return git::LastError(rc, "vcs.objects", "cannot read the object folder");
    }
    if (int rc = git_odb_add_backend(odb, loose, 1); rc < 0) {
      loose->free(loose);
      return git::LastError(rc, "vcs.objects", "cannot read the object folder");
    }
    git_repository* repo = nullptr;
    if (int rc = git_repository_wrap_odb(&repo, odb); rc < 0) return git::LastError(rc, "vcs.objects", "cannot stage objects");
    s.repo_.reset(repo);
    return owned;
  }

  git_repository* repo() const { return repo_.get(); }

  // Writes the objects reachable from the staged commits (libgit2's mempack packs only those).
  Status Flush() {
    git::Buf pack;
    if (int rc = git_mempack_dump(&pack.buf, repo_.get(), mem_); rc < 0) {
      return git::LastError(rc, "vcs.objects", "cannot pack the new objects");
    }
    git_odb* real_odb = nullptr;
    if (int rc = git_repository_odb(&real_odb, real_); rc < 0) return git::LastError(rc, "vcs.objects", "cannot open the object store");
    OdbPtr owned(real_odb);
    git_odb_writepack* wp = nullptr;
    if (int rc = git_odb_write_pack(&wp, real_odb, nullptr, nullptr); rc < 0) {
      return git::LastError(rc, "vcs.objects", "cannot write a pack");
    }
    git_indexer_progress stats{};
    int rc = wp->append(wp, pack.buf.ptr, pack.buf.size, &stats);
    if (rc == 0) rc = wp->commit(wp, &stats);
    Error err = rc < 0 ? git::LastError(rc, "vcs.objects", "cannot write a pack") : Error{};
    wp->free(wp);
    if (rc < 0) return err;
    return Status::Ok();
  }

 private:
  git_repository* real_ = nullptr;
  OdbPtr odb_;
  git_odb_backend* mem_ = nullptr;  // owned by odb_
  git::RepoPtr repo_;
};

namespace {

// Writes only the missing blobs (writing an existing one would still touch its file).
Result<git_oid> BuildTreeIn(git_repository* repo, const generate::FileTree& tree, const std::vector<BlobInfo>& blobs) {
  git_index* raw = nullptr;
  if (int rc = git_index_new(&raw); rc < 0) return git::LastError(rc, "vcs.tree", "cannot create an index");
  git::IndexPtr index(raw);
  size_t i = 0;
  for (const auto& [path, content] : tree.files()) {
    const BlobInfo& blob = blobs[i++];
    git_index_entry e{};
    e.id = blob.id;
    if (blob.missing) {
      if (int rc = git_blob_create_from_buffer(&e.id, repo, content.data(), content.size()); rc < 0) {
        return git::LastError(rc, "vcs.tree", "cannot store " + Quote(path));
      }
    }
    e.mode = tree.IsExecutable(path) ? GIT_FILEMODE_BLOB_EXECUTABLE : GIT_FILEMODE_BLOB;
    e.path = path.c_str();
    if (int rc = git_index_add(index.get(), &e); rc < 0) return git::LastError(rc, "vcs.tree", "cannot add " + Quote(path));
  }
  git_oid out;
  if (int rc = git_index_write_tree_to(&out, index.get(), repo); rc < 0) {
    return git::LastError(rc, "vcs.tree", "cannot write the generator's tree");
  }
  return out;
}

}  // namespace

Status CheckTreePaths(const generate::FileTree& tree) {
  std::set<std::string> folders;
  for (const auto& [path, content] : tree.files()) {
    if (!generate::IsSafeRelativePath(path)) {
      return MakeError("vcs.path", "the generator produced the unsafe path " + Quote(path) + "; nothing was committed");
    }
    for (const auto& seg : Split(path, '/')) {
      if (ToLower(seg) == ".git") {
        return MakeError("vcs.path", "the generator produced " + Quote(path) + " inside .git; nothing was committed");
      }
    }
    for (size_t slash = path.find('/'); slash != std::string::npos; slash = path.find('/', slash + 1)) {
      folders.insert(path.substr(0, slash));
    }
  }
  for (const auto& [path, content] : tree.files()) {
    if (folders.count(path)) {
      return MakeError("vcs.path", Quote(path) + " is both a file and a folder in the generator's output; nothing was committed");
    }
  }
  return Status::Ok();
}

StagedTree::StagedTree(StagedTree&&) noexcept = default;
StagedTree& StagedTree::operator=(StagedTree&&) noexcept = default;
StagedTree::~StagedTree() = default;

Result<StagedTree> StagedTree::Write(git_repository* repo, const generate::FileTree& tree) {
  git_odb* odb_raw = nullptr;
  if (int rc = git_repository_odb(&odb_raw, repo); rc < 0) return git::LastError(rc, "vcs.objects", "cannot open the object store");
  OdbPtr odb(odb_raw);
  size_t missing = 0;
  std::vector<BlobInfo> blobs;
  blobs.reserve(tree.size());
  for (const auto& [path, content] : tree.files()) {
    BlobInfo b{};
    if (int rc = git_odb_hash(&b.id, content.data(), content.size(), GIT_OBJECT_BLOB); rc < 0) {
      return git::LastError(rc, "vcs.objects", "cannot hash " + Quote(path));
    }
    b.missing = !git_odb_exists(odb.get(), &b.id);
    missing += b.missing ? 1 : 0;
    blobs.push_back(b);
  }
  StagedTree out;
  out.repo_ = repo;
  if (missing >= kPackThreshold) {
    auto staging = Staging::Open(repo);
    if (!staging) return staging.error();
    out.staging_ = std::move(*staging);
  }
  auto id = BuildTreeIn(out.staging_ ? out.staging_->repo() : repo, tree, blobs);
  if (!id) return id.error();
  out.id_ = *id;
  return out;
}

Result<git_oid> StagedTree::Commit(const std::vector<git_oid>& parents, const std::string& message, const Author& author) {
  auto commit = CreateCommit(staging_ ? staging_->repo() : repo_, id_, parents, message, author);
  if (!commit) return commit.error();
  if (staging_) {
    if (Status s = staging_->Flush(); !s) return s.error();
    staging_.reset();
  }
  return commit;
}

}  // namespace bf::vcs::detail
