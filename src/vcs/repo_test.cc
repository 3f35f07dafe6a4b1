// Repo basics on real repositories in temporary folders: init, commit, log, diff, ignore rules,
// plain-git interplay, durability.
#include "vcs/repo.h"

#include <sys/syscall.h>

#include <atomic>

#include "vcs/git_util.h"
#include "vcs/test_util.h"

// Counts fsync calls made by libgit2 (this definition interposes on libc's for the whole test
// binary and forwards to the system call).
namespace {
std::atomic<int> g_fsyncs{0};
}
extern "C" int fsync(int fd) {
  g_fsyncs.fetch_add(1);
  return static_cast<int>(::syscall(SYS_fsync, fd));
}

namespace bf::vcs {
namespace {

using namespace testing;  // NOLINT

class RepoTest : public TempDirTest {
 protected:
  Repo NewRepo() {
    auto r = Repo::Init(root_ / "p");
    EXPECT_TRUE(r.ok()) << r.error().message;
    return std::move(*r);
  }
  fs::path P(const std::string& rel) const { return root_ / "p" / rel; }
};

TEST_F(RepoTest, InitMakesAnEmptyRepositoryOnMain) {
  Repo repo = NewRepo();
  EXPECT_EQ(repo.dir(), fs::path(P("")));
  auto log = repo.Log();
  ASSERT_TRUE(log.ok()) << log.error().message;
  EXPECT_TRUE(log->empty());
  EXPECT_TRUE(repo.Branches()->empty());
  EXPECT_TRUE(repo.PendingChanges()->empty());
  EXPECT_EQ(Git(P(""), "symbolic-ref HEAD").output, "refs/heads/main\n");
  EXPECT_EQ(Git(P(""), "config core.autocrlf").output, "false\n");
  auto again = Repo::Init(P(""));
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, "vcs.exists");
  EXPECT_TRUE(Repo::Open(P("")).ok());
}

TEST_F(RepoTest, OpenDoesNotWanderIntoParentRepositories) {
  Repo repo = NewRepo();
  fs::create_directories(P("sub"));
  auto sub = Repo::Open(P("sub"));
  ASSERT_FALSE(sub.ok());
  EXPECT_EQ(sub.error().code, "vcs.not_a_repo");
  EXPECT_TRUE(Contains(sub.error().message, "is not a git repository")) << sub.error().message;
  Git(root_, "init -q --bare bare.git");
  auto bare = Repo::Open(root_ / "bare.git");
  ASSERT_FALSE(bare.ok());
}

TEST_F(RepoTest, CommitLogAndDiffRoundTrip) {
  Repo repo = NewRepo();
  Spit(P("README.md"), "# Blog\n");
  Spit(P("src/post/service.ts"), "export function list() {\n  return [];\n}\n");
  auto first = repo.CommitAll("Generate Blog", kBot);
  ASSERT_TRUE(first.ok()) << first.error().message;
  ASSERT_TRUE(first->has_value());
  Spit(P("src/post/service.ts"), "export function list() {\n  return [1];\n}\n");
  auto second = repo.CommitAll("Edit the service", kAlice);
  ASSERT_TRUE(second.ok() && second->has_value());

  auto log = repo.Log();
  ASSERT_TRUE(log.ok()) << log.error().message;
  ASSERT_EQ(log->size(), 2u);
  const CommitInfo& edit = (*log)[0];
  EXPECT_EQ(edit.sha, **second);
  EXPECT_EQ(edit.summary, "Edit the service");
  EXPECT_EQ(edit.message, "Edit the service\n");
  EXPECT_EQ(edit.authorName, "Alice Example");
  EXPECT_EQ(edit.authorEmail, "alice@example.com");
  EXPECT_EQ(edit.timeUnix, 1705316400);
  EXPECT_EQ(edit.parents, std::vector<std::string>{**first});
  EXPECT_EQ(edit.files, (std::vector<FileChange>{{"src/post/service.ts", 'M'}}));
  EXPECT_EQ((*log)[1].files, (std::vector<FileChange>{{"README.md", 'A'}, {"src/post/service.ts", 'A'}}));
  EXPECT_TRUE((*log)[1].parents.empty());

  auto diff = repo.Diff(**second);
  ASSERT_TRUE(diff.ok()) << diff.error().message;
  EXPECT_TRUE(Contains(*diff, "--- a/src/post/service.ts\n+++ b/src/post/service.ts\n")) << *diff;
  EXPECT_TRUE(Contains(*diff, "-  return [];\n+  return [1];\n")) << *diff;
  auto root_diff = repo.Diff(first->value().substr(0, 7));
  ASSERT_TRUE(root_diff.ok());
  EXPECT_TRUE(Contains(*root_diff, "new file mode 100644")) << *root_diff;
  EXPECT_TRUE(Contains(*root_diff, "+# Blog\n"));
  auto stat = repo.Stat(**second);
  ASSERT_TRUE(stat.ok());
  EXPECT_EQ(stat->filesChanged, 1u);
  EXPECT_EQ(stat->insertions, 1u);
  EXPECT_EQ(stat->deletions, 1u);
  auto show = repo.Show(**second);
  ASSERT_TRUE(show.ok());
  EXPECT_EQ(show->summary, "Edit the service");
  EXPECT_TRUE(show->trailers.empty());
  Spit(P("README.md"), "# Blog 2\n");
  auto with_trailers = repo.CommitAll("Generate\n\nbody text\n" + GenerationTrailers("node-express", "sqlite"), kBot);
  EXPECT_EQ(repo.Show(**with_trailers)->trailers,
            (std::vector<std::pair<std::string, std::string>>{{"BackendForge-Target", "node-express"},
                                                              {"BackendForge-Database", "sqlite"}}));
  // Plain git agrees.
  EXPECT_EQ(Git(P(""), "log --format=%s").output, "Generate\nEdit the service\nGenerate Blog\n");
  EXPECT_EQ(Git(P(""), "status --porcelain").output, "");
}

TEST_F(RepoTest, NothingChangedGivesNoCommit) {
  Repo repo = NewRepo();
  auto empty = repo.CommitAll("nothing yet", kBot);
  ASSERT_TRUE(empty.ok()) << empty.error().message;
  EXPECT_FALSE(empty->has_value()) << "an empty project gives no commit";
  Spit(P("a.txt"), "a\n");
  ASSERT_TRUE(repo.CommitAll("add a", kBot)->has_value());
  auto again = repo.CommitAll("again", kBot);
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(again->has_value());
  // Touching a file without changing it is not a change either.
  Spit(P("a.txt"), "a\n");
  EXPECT_FALSE(repo.CommitAll("touch", kBot)->has_value());
  EXPECT_EQ(repo.Log()->size(), 1u);
}

TEST_F(RepoTest, IgnoredFilesAreNeverCommitted) {
  Repo repo = NewRepo();
  Spit(P(".gitignore"), "dist/\n*.log\n");
  Spit(P("dist/bundle.js"), "built");
  Spit(P("server.log"), "log");
  Spit(P("node_modules/express/index.js"), "module.exports = 1;");  // excluded by BackendForge even without .gitignore
  Spit(P("api/__pycache__/x.pyc"), "pyc");
  Spit(P("src/app.ts"), "app");
  Spit(P("src/app.ts.bf-tmp"), "half-written");
  ASSERT_TRUE(repo.CommitAll("first", kBot)->has_value());
  auto log = repo.Log();
  EXPECT_EQ((*log)[0].files, (std::vector<FileChange>{{".gitignore", 'A'}, {"src/app.ts", 'A'}}));
  EXPECT_TRUE(repo.PendingChanges()->empty()) << "ignored files are not pending changes";
}

TEST_F(RepoTest, DeletionsModesAndBinaryFiles) {
  Repo repo = NewRepo();
  Spit(P("run.sh"), "#!/bin/sh\necho hi\n");
  Spit(P("old.txt"), "old\n");
  std::string png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
  Spit(P("logo.png"), png);
  ASSERT_TRUE(repo.CommitAll("first", kBot)->has_value());
  fs::permissions(P("run.sh"), fs::perms::owner_exec, fs::perm_options::add);
  fs::remove(P("old.txt"));
  Spit(P("logo.png"), png + std::string("\0\1", 2));
  auto c = repo.CommitAll("second", kBot);
  ASSERT_TRUE(c.ok() && c->has_value());
  auto info = repo.Show(**c);
  EXPECT_EQ(info->files, (std::vector<FileChange>{{"logo.png", 'M'}, {"old.txt", 'D'}, {"run.sh", 'T'}}));
  auto diff = repo.Diff(**c);
  EXPECT_TRUE(Contains(*diff, "old mode 100644\nnew mode 100755")) << *diff;
  EXPECT_TRUE(Contains(*diff, "Binary files a/logo.png and b/logo.png differ")) << *diff;
  EXPECT_TRUE(Contains(*diff, "deleted file mode 100644")) << *diff;
  EXPECT_EQ(Git(P(""), "ls-files -s run.sh").output.substr(0, 6), "100755");
}

TEST_F(RepoTest, BadAuthorsAndMessagesAreRefused) {
  Repo repo = NewRepo();
  Spit(P("a.txt"), "a");
  auto no_name = repo.CommitAll("x", Author{"", "a@b.c"});
  ASSERT_FALSE(no_name.ok());
  EXPECT_EQ(no_name.error().code, "vcs.author");
  EXPECT_FALSE(repo.CommitAll("x", Author{"Eve <evil>", "a@b.c"}).ok());
  auto no_msg = repo.CommitAll("  \n", kBot);
  ASSERT_FALSE(no_msg.ok());
  EXPECT_EQ(no_msg.error().code, "vcs.message");
  EXPECT_TRUE(repo.Log()->empty());
}

TEST_F(RepoTest, SameContentAuthorTimeAndMessageGiveTheSameCommit) {
  std::string shas[2];
  for (int i = 0; i < 2; ++i) {
    fs::path dir = root_ / ("r" + std::to_string(i));
    auto repo = Repo::Init(dir);
    ASSERT_TRUE(repo.ok());
    Spit(dir / "b.txt", "b");
    Spit(dir / "a/c.txt", "c");
    auto c = repo->CommitAll("same", kBot);
    ASSERT_TRUE(c.ok() && c->has_value());
    shas[i] = **c;
  }
  EXPECT_EQ(shas[0], shas[1]);
}

TEST_F(RepoTest, CommitsMadeWithPlainGitAreHistoryToo) {
  Repo repo = NewRepo();
  Spit(P("a.txt"), "1\n");
  ASSERT_TRUE(repo.CommitAll("ours", kBot)->has_value());
  Spit(P("a.txt"), "2\n");
  Spit(P("b.txt"), "b\n");
  ASSERT_EQ(Git(P(""), "add -A").exitCode, 0);
  auto cli = Git(P(""), "commit -q -m 'by hand'");
  ASSERT_EQ(cli.exitCode, 0) << cli.output;
  Spit(P("a.txt"), "3\n");
  auto after = repo.CommitAll("ours again", kAlice);
  ASSERT_TRUE(after.ok()) << after.error().message;
  ASSERT_TRUE(after->has_value());
  auto log = repo.Log();
  ASSERT_EQ(log->size(), 3u);
  EXPECT_EQ((*log)[1].summary, "by hand");
  EXPECT_EQ((*log)[1].authorName, "Plain Git");
  EXPECT_EQ((*log)[0].files, (std::vector<FileChange>{{"a.txt", 'M'}}));
  EXPECT_EQ(Git(P(""), "status --porcelain").output, "");
}

TEST_F(RepoTest, LogPagesNewestFirst) {
  Repo repo = NewRepo();
  for (int i = 0; i < 5; ++i) {
    Spit(P("n.txt"), std::to_string(i));
    Author a = kBot;
    a.timeUnix = *kBot.timeUnix + i;
    ASSERT_TRUE(repo.CommitAll("commit " + std::to_string(i), a)->has_value());
  }
  auto page = repo.Log({.limit = 2, .offset = 1});
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->size(), 2u);
  EXPECT_EQ((*page)[0].summary, "commit 3");
  EXPECT_EQ((*page)[1].summary, "commit 2");
  EXPECT_EQ(repo.Log({.limit = 10, .offset = 4})->size(), 1u);
  EXPECT_TRUE(repo.Log({.limit = 10, .offset = 9})->empty());
  EXPECT_TRUE(repo.Log({.branch = "nope"})->empty());
  EXPECT_TRUE(repo.Log({.withFiles = false})->front().files.empty());
}

TEST_F(RepoTest, DiffOfUnknownOrMalformedShaIsAClearError) {
  Repo repo = NewRepo();
  Spit(P("a.txt"), "a");
  ASSERT_TRUE(repo.CommitAll("a", kBot)->has_value());
  auto bad = repo.Diff("HEAD~1");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, "vcs.bad_sha");
  auto missing = repo.Diff("deadbeefdeadbeef");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, "vcs.not_found");
  EXPECT_FALSE(repo.Stat("zz").ok());
}

TEST_F(RepoTest, LongDiffsCanBeCut) {
  Repo repo = NewRepo();
  std::string big;
  for (int i = 0; i < 1000; ++i) big += "line " + std::to_string(i) + "\n";
  Spit(P("big.txt"), big);
  auto c = repo.CommitAll("big", kBot);
  auto cut = repo.Diff(**c, {.maxBytes = 500});
  ASSERT_TRUE(cut.ok());
  EXPECT_LT(cut->size(), 600u);
  EXPECT_TRUE(Contains(*cut, "[diff cut at ")) << *cut;
}

TEST_F(RepoTest, PatchesGiveEachFileWithItsCountsAndPatch) {
  Repo repo = NewRepo();
  Spit(P("a.txt"), "one\ntwo\nthree\n");
  Spit(P("gone.txt"), "bye\n");
  std::string png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
  Spit(P("logo.png"), png);
  ASSERT_TRUE(repo.CommitAll("first", kBot)->has_value());
  Spit(P("a.txt"), "one\n2\nthree\nfour\n");
  fs::remove(P("gone.txt"));
  Spit(P("logo.png"), png + std::string("\0\1", 2));
  std::string big;
  for (int i = 0; i < 1000; ++i) big += "line " + std::to_string(i) + "\n";
  Spit(P("big.txt"), big);
  auto c = repo.CommitAll("second", kAlice);
  ASSERT_TRUE(c.ok() && c->has_value());
  auto patches = repo.Patches(**c, {.maxBytes = 400});
  ASSERT_TRUE(patches.ok()) << patches.error().message;
  ASSERT_EQ(patches->size(), 4u);
  const FilePatch& a = (*patches)[0];
  EXPECT_EQ(a.path, "a.txt");
  EXPECT_EQ(a.status, 'M');
  EXPECT_EQ(a.additions, 2u);
  EXPECT_EQ(a.deletions, 1u);
  EXPECT_TRUE(Contains(a.patch, "-two\n+2\n")) << a.patch;
  EXPECT_FALSE(a.truncated);
  const FilePatch& b = (*patches)[1];
  EXPECT_EQ(b.path, "big.txt");
  EXPECT_EQ(b.status, 'A');
  EXPECT_EQ(b.additions, 1000u);
  EXPECT_TRUE(b.truncated);
  EXPECT_LE(b.patch.size(), 400u);
  EXPECT_EQ((*patches)[2].path, "gone.txt");
  EXPECT_EQ((*patches)[2].status, 'D');
  EXPECT_EQ((*patches)[2].deletions, 1u);
  EXPECT_EQ((*patches)[3].path, "logo.png");
  EXPECT_TRUE((*patches)[3].binary);
  EXPECT_EQ(repo.Patches("zz").error().code, "vcs.bad_sha");
}

TEST_F(RepoTest, ListFilesNamesEveryFileOfARevision) {
  Repo repo = NewRepo();
  Spit(P("b.txt"), "b");
  Spit(P("src/a/x.ts"), "x");
  auto c = repo.CommitAll("first", kBot);
  ASSERT_TRUE(c.ok() && c->has_value());
  EXPECT_EQ(*repo.ListFiles("main"), (std::vector<std::string>{"b.txt", "src/a/x.ts"}));
  EXPECT_EQ(*repo.ListFiles(**c), (std::vector<std::string>{"b.txt", "src/a/x.ts"}));
  EXPECT_FALSE(repo.ListFiles("nope").ok());
}

TEST_F(RepoTest, ReadFileResolveAndConfiguredAuthor) {
  Repo repo = NewRepo();
  Spit(P("src/a.txt"), "v1");
  auto c1 = repo.CommitAll("1", kBot);
  Spit(P("src/a.txt"), "v2");
  ASSERT_TRUE(repo.CommitAll("2", kBot)->has_value());
  EXPECT_EQ(**repo.ReadFile("main", "src/a.txt"), "v2");
  EXPECT_EQ(**repo.ReadFile(**c1, "src/a.txt"), "v1");
  EXPECT_FALSE(repo.ReadFile("main", "src/none.txt")->has_value());
  EXPECT_FALSE(repo.ReadFile("main", "src").ok()) << "a folder is not a file";
  EXPECT_EQ(*repo.Resolve(c1->value().substr(0, 8)), **c1);
  EXPECT_EQ(repo.Resolve("nope").error().code, "vcs.not_found");
  Git(P(""), "config user.name 'Conf User'");
  Git(P(""), "config user.email conf@example.com");
  auto reopened = Repo::Open(P(""));
  auto who = reopened->ConfiguredAuthor();
  ASSERT_TRUE(who.has_value());
  EXPECT_EQ(who->name, "Conf User");
  EXPECT_EQ(who->email, "conf@example.com");
}

TEST_F(RepoTest, CommitsAreFsyncedToDisk) {
  // libgit2 reads the option when a repository opens its object database, so each measurement
  // uses a fresh repository.
  auto commit_in_new_repo = [&](const std::string& name) {
    auto repo = Repo::Init(root_ / name);  // initializes libgit2 (fsync of the git directory on)
    EXPECT_TRUE(repo.ok());
    Spit(root_ / name / "a.txt", "a");
    g_fsyncs = 0;
    EXPECT_TRUE(repo->CommitAll("a", kBot)->has_value());
    return g_fsyncs.load();
  };
  int with_fsync = commit_in_new_repo("on");
  EXPECT_GE(with_fsync, 3) << "objects, index and ref are flushed";
  // The measurement is meaningful: with the option off, libgit2 does not fsync at all.
  git_libgit2_opts(GIT_OPT_ENABLE_FSYNC_GITDIR, 0);
  int without = commit_in_new_repo("off");
  git_libgit2_opts(GIT_OPT_ENABLE_FSYNC_GITDIR, 1);
  EXPECT_EQ(without, 0);
  EXPECT_GE(commit_in_new_repo("on-again"), with_fsync);
}

}  // namespace
}  // namespace bf::vcs
