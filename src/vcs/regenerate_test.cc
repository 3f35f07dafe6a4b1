// Safe regeneration on real repositories: the generator's output on `generated`, the user's
// work on `main`, three-way merges that keep user edits and report conflicts.
#include <gtest/gtest.h>

#include "common/strings.h"
#include "vcs/repo.h"
#include "vcs/test_util.h"

namespace bf::vcs {
namespace {

using namespace testing;  // NOLINT

struct BlogVersion {
  bool subtitle = false;
  std::string bodyMessage = "body is required";
  bool legacyMigration = true;
  std::string logo = std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
};

std::string ServiceTs(const BlogVersion& v) {
  std::string s =
      "import { Post } from './model';\n"
      "\n"
      "export function validate(input: Partial<Post>): string[] {\n"
      "  const errors: string[] = [];\n"
      "  if (!input.title) errors.push('title is required');\n"
      "  if (!input.body) errors.push('" + v.bodyMessage + "');\n";
  if (v.subtitle) s += "  if (input.subtitle !== undefined && input.subtitle.length > 200) errors.push('subtitle is too long');\n";
  s +=
      "  return errors;\n"
      "}\n"
      "\n"
      "export function create(input: Post): Post {\n"
      "  return { ...input };\n"
      "}\n"
      "\n"
      "export function list(): Post[] {\n"
      "  return [];\n"
      "}\n"
      "\n"
      "export function remove(id: string): void {\n"
      "  void id;\n"
      "}\n";
  return s;
}

// The blog backend with Post{title, body} (and subtitle in v2), as a generator would write it.
generate::FileTree Blog(const BlogVersion& v = {}) {
  generate::FileTree t;
  t.Put(".gitignore", "node_modules/\ndist/\n");
  t.Put("README.md", "# Blog\n\nPosts with a title and a body.\n");
  t.Put("package.json", "{\n  \"name\": \"blog\",\n  \"version\": \"1.0.0\"\n}\n");
  t.Put("run.sh", "#!/bin/sh\nexec node dist/server.js\n", /*executable=*/true);
  t.Put("assets/logo.png", v.logo);
  t.Put("src/post/model.ts", std::string("export interface Post {\n  id: string;\n  title: string;\n  body: string;\n") +
                                 (v.subtitle ? "  subtitle?: string;\n" : "") + "}\n");
  t.Put("src/post/service.ts", ServiceTs(v));
  t.Put("migrations/001_init.sql", "CREATE TABLE posts (id TEXT PRIMARY KEY, title TEXT NOT NULL, body TEXT NOT NULL);\n");
  if (v.legacyMigration) t.Put("migrations/000_legacy.sql", "-- legacy\n");
  if (v.subtitle) t.Put("migrations/002_subtitle.sql", "ALTER TABLE posts ADD COLUMN subtitle TEXT;\n");
  return t;
}

const std::string kCustomFunction =
    "\n// Added by Alice: not generated.\n"
    "export function featured(posts: Post[]): Post[] {\n"
    "  return posts.filter((p) => p.title.startsWith('*'));\n"
    "}\n";

class RegenerateTest : public TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    auto r = Repo::Init(root_ / "p");
    ASSERT_TRUE(r.ok()) << r.error().message;
    repo_ = std::make_unique<Repo>(std::move(*r));
  }
  fs::path P(const std::string& rel) const { return root_ / "p" / rel; }
  void Generate(const generate::FileTree& t) {
    auto sha = repo_->RecordGeneration(t, "Generate Blog (node-express, sqlite)", kBot);
    ASSERT_TRUE(sha.ok()) << sha.error().message;
  }
  // Alice edits on main (through BackendForge's UI: a commit per change).
  void Edit(const std::string& path, const std::string& content, const std::string& message) {
    Spit(P(path), content);
    auto c = repo_->CommitAll(message, kAlice);
    ASSERT_TRUE(c.ok() && c->has_value()) << (c.ok() ? "nothing committed" : c.error().message);
  }
  void Remove(const std::string& path, const std::string& message) {
    fs::remove(P(path));
    auto c = repo_->CommitAll(message, kAlice);
    ASSERT_TRUE(c.ok() && c->has_value());
  }
  MergeOutcome Regen(const generate::FileTree& t, const std::string& message = "Add field subtitle to Post") {
    auto o = repo_->Regenerate(t, message, kBot);
    EXPECT_TRUE(o.ok()) << o.error().message;
    return o.ok() ? *o : MergeOutcome{};
  }
  std::string Main(const std::string& path) { return repo_->ReadFile("main", path)->value_or("<missing>"); }
  std::unique_ptr<Repo> repo_;
};

TEST_F(RegenerateTest, UserEditsSurviveASpecChange) {
  Generate(Blog());
  EXPECT_EQ(*repo_->Resolve("main"), *repo_->Resolve("generated")) << "first generation: one commit on both branches";
  EXPECT_TRUE(IsExecutable(P("run.sh")));
  EXPECT_TRUE(repo_->PendingChanges()->empty());

  Edit("src/post/service.ts", Slurp(P("src/post/service.ts")) + kCustomFunction, "Add a featured filter");
  Spit(P("src/custom/featured.ts"), "export const FEATURED = '*';\n");
  ASSERT_TRUE(repo_->CommitAll("Add featured marker", kAlice)->has_value());

  MergeOutcome o = Regen(Blog({.subtitle = true}));
  EXPECT_EQ(o.kind, MergeOutcome::Kind::kMerged);
  EXPECT_TRUE(o.clean);
  EXPECT_TRUE(o.conflicts.empty());
  EXPECT_EQ(o.generatorChanges, (std::vector<FileChange>{{"migrations/002_subtitle.sql", 'A'},
                                                         {"src/post/model.ts", 'M'},
                                                         {"src/post/service.ts", 'M'}}));
  // main: both the user's function and the new field, in the working tree and in the commit.
  std::string service = Slurp(P("src/post/service.ts"));
  EXPECT_TRUE(Contains(service, "export function featured(")) << service;
  EXPECT_TRUE(Contains(service, "input.subtitle.length > 200")) << service;
  EXPECT_EQ(service, ServiceTs({.subtitle = true}) + kCustomFunction);
  EXPECT_EQ(Main("src/post/service.ts"), service);
  EXPECT_TRUE(Contains(Slurp(P("src/post/model.ts")), "subtitle?: string;"));
  EXPECT_EQ(Slurp(P("src/custom/featured.ts")), "export const FEATURED = '*';\n");
  EXPECT_TRUE(fs::exists(P("migrations/002_subtitle.sql")));
  EXPECT_TRUE(IsExecutable(P("run.sh")));
  EXPECT_TRUE(repo_->PendingChanges()->empty());
  EXPECT_EQ(Git(P(""), "status --porcelain").output, "");
  // generated holds the pure output, without the user's edits.
  EXPECT_EQ(**repo_->ReadFile("generated", "src/post/service.ts"), ServiceTs({.subtitle = true}));
  EXPECT_FALSE(repo_->ReadFile("generated", "src/custom/featured.ts")->has_value());

  // History of main: generation, user edits, regeneration (merge), each with its diff.
  auto log = repo_->Log();
  ASSERT_TRUE(log.ok());
  ASSERT_EQ(log->size(), 4u);
  EXPECT_EQ((*log)[0].summary, "Merge generated output: Add field subtitle to Post");
  EXPECT_EQ((*log)[0].parents.size(), 2u);
  EXPECT_EQ((*log)[0].sha, o.mergeCommit);
  EXPECT_EQ((*log)[0].parents[1], o.generatedCommit);
  EXPECT_EQ((*log)[1].summary, "Add featured marker");
  EXPECT_EQ((*log)[2].summary, "Add a featured filter");
  EXPECT_EQ((*log)[2].authorName, "Alice Example");
  EXPECT_EQ((*log)[3].summary, "Generate Blog (node-express, sqlite)");
  std::string merge_diff = *repo_->Diff(o.mergeCommit);
  EXPECT_TRUE(Contains(merge_diff, "+  if (input.subtitle !== undefined")) << merge_diff;
  EXPECT_TRUE(Contains(merge_diff, "+++ b/migrations/002_subtitle.sql")) << merge_diff;
  EXPECT_FALSE(Contains(merge_diff, "featured")) << "the user's edit was already on main";
  EXPECT_TRUE(Contains(*repo_->Diff((*log)[2].sha), "+export function featured("));
  // The full graph also shows the generator's own commit.
  auto all = repo_->Log({.firstParent = false});
  ASSERT_EQ(all->size(), 5u);
  EXPECT_EQ(repo_->Log({.branch = "generated"})->size(), 2u);
}

TEST_F(RegenerateTest, ConflictsLeaveMainUntouchedAndGoToABranch) {
  Generate(Blog());
  std::string edited = ReplaceAll(ServiceTs({}), "body is required", "a post needs a body");
  Edit("src/post/service.ts", edited, "Friendlier message");
  auto head_before = *repo_->Resolve("main");
  auto files_before = Snapshot(P(""));

  MergeOutcome o = Regen(Blog({.subtitle = true, .bodyMessage = "body must not be empty"}));
  EXPECT_EQ(o.kind, MergeOutcome::Kind::kConflict);
  EXPECT_FALSE(o.clean);
  EXPECT_EQ(o.conflicts, (std::vector<Conflict>{{"src/post/service.ts", "content"}}));
  EXPECT_EQ(o.conflictBranch, "regenerate/" + o.generatedCommit.substr(0, 7));
  // main untouched: same HEAD, byte-identical working tree, nothing pending.
  EXPECT_EQ(*repo_->Resolve("main"), head_before);
  EXPECT_EQ(o.mainCommit, head_before);
  EXPECT_EQ(Snapshot(P("")), files_before);
  EXPECT_EQ(Git(P(""), "status --porcelain").output, "");
  EXPECT_EQ(Git(P(""), "symbolic-ref HEAD").output, "refs/heads/main\n");
  // The branch has the merge with markers, and the clean parts of the merge.
  auto marked = repo_->ReadFile(o.conflictBranch, "src/post/service.ts");
  ASSERT_TRUE(marked.ok() && marked->has_value());
  EXPECT_TRUE(Contains(**marked, "<<<<<<< main\n  if (!input.body) errors.push('a post needs a body');\n=======\n"
                                 "  if (!input.body) errors.push('body must not be empty');\n"))
      << **marked;
  EXPECT_TRUE(Contains(**marked, ">>>>>>> generated\n")) << **marked;
  EXPECT_TRUE(Contains(**repo_->ReadFile(o.conflictBranch, "src/post/model.ts"), "subtitle?: string;"));
  auto branch_commit = repo_->Show(o.conflictCommit);
  EXPECT_EQ(branch_commit->parents, (std::vector<std::string>{head_before, o.generatedCommit}));
  EXPECT_TRUE(Contains(branch_commit->message, "src/post/service.ts (content)")) << branch_commit->message;
  EXPECT_EQ(*repo_->Resolve("generated"), o.generatedCommit) << "generated always records the output";

  // Trying again without resolving gives the same answer (no new generated commit).
  MergeOutcome retry = Regen(Blog({.subtitle = true, .bodyMessage = "body must not be empty"}));
  EXPECT_EQ(retry.kind, MergeOutcome::Kind::kConflict);
  EXPECT_EQ(retry.generatedCommit, o.generatedCommit);
  EXPECT_EQ(retry.generatorChanges, o.generatorChanges);
  EXPECT_EQ(retry.conflictBranch, o.conflictBranch);
  EXPECT_EQ(Snapshot(P("")), files_before);

  // The user resolves on the branch with plain git and merges it; regenerating again is a no-op.
  ASSERT_EQ(Git(P(""), "checkout -q " + o.conflictBranch).exitCode, 0);
  Spit(P("src/post/service.ts"), ReplaceAll(ServiceTs({.subtitle = true}), "body is required", "a post needs a body"));
  ASSERT_EQ(Git(P(""), "commit -q -am 'Resolve the conflict'").exitCode, 0);
  ASSERT_EQ(Git(P(""), "checkout -q main").exitCode, 0);
  auto merge = Git(P(""), "merge -q --ff-only " + o.conflictBranch);
  ASSERT_EQ(merge.exitCode, 0) << merge.output;
  MergeOutcome again = Regen(Blog({.subtitle = true, .bodyMessage = "body must not be empty"}));
  EXPECT_EQ(again.kind, MergeOutcome::Kind::kUpToDate);
  EXPECT_TRUE(Contains(Slurp(P("src/post/service.ts")), "a post needs a body"));
}

TEST_F(RegenerateTest, AFileTheGeneratorDropsGoesUnlessTheUserEditedIt) {
  Generate(Blog());
  Edit("README.md", "# Alice's blog\n", "Own README");  // main has its own commits: a real merge
  MergeOutcome o = Regen(Blog({.legacyMigration = false}), "Drop the legacy migration");
  EXPECT_EQ(o.kind, MergeOutcome::Kind::kMerged);
  EXPECT_EQ(o.generatorChanges, (std::vector<FileChange>{{"migrations/000_legacy.sql", 'D'}}));
  EXPECT_FALSE(fs::exists(P("migrations/000_legacy.sql")));
  EXPECT_FALSE(repo_->ReadFile("main", "migrations/000_legacy.sql")->has_value());
  EXPECT_EQ(Slurp(P("README.md")), "# Alice's blog\n");
}

TEST_F(RegenerateTest, DroppingAFileTheUserEditedIsAConflictNotALoss) {
  Generate(Blog());
  Edit("migrations/000_legacy.sql", "-- legacy\nUPDATE posts SET body = trim(body);\n", "Fix data");
  auto files_before = Snapshot(P(""));
  MergeOutcome o = Regen(Blog({.legacyMigration = false}), "Drop the legacy migration");
  EXPECT_EQ(o.kind, MergeOutcome::Kind::kConflict);
  EXPECT_EQ(o.conflicts, (std::vector<Conflict>{{"migrations/000_legacy.sql", "modify/delete"}}));
  EXPECT_EQ(Snapshot(P("")), files_before);
  EXPECT_EQ(**repo_->ReadFile(o.conflictBranch, "migrations/000_legacy.sql"),
            "-- legacy\nUPDATE posts SET body = trim(body);\n")
      << "the user's version is kept on the branch";
}

TEST_F(RegenerateTest, UserDeletionsStickUnlessTheGeneratorChangesTheFile) {
  Generate(Blog());
  Remove("migrations/000_legacy.sql", "I do not need the legacy migration");
  MergeOutcome kept = Regen(Blog({.subtitle = true}));
  EXPECT_EQ(kept.kind, MergeOutcome::Kind::kMerged);
  EXPECT_FALSE(fs::exists(P("migrations/000_legacy.sql"))) << "the user's deletion stays";
  Remove("README.md", "No README");
  generate::FileTree v3 = Blog({.subtitle = true});
  v3.Put("README.md", "# Blog\n\nPosts with a title, a subtitle and a body.\n");
  MergeOutcome o = Regen(v3, "Describe subtitles");
  EXPECT_EQ(o.kind, MergeOutcome::Kind::kConflict);
  EXPECT_EQ(o.conflicts, (std::vector<Conflict>{{"README.md", "delete/modify"}}));
  EXPECT_FALSE(fs::exists(P("README.md")));
}

TEST_F(RegenerateTest, UnchangedOutputMakesNoCommits) {
  Generate(Blog());
  MergeOutcome same = Regen(Blog());
  EXPECT_EQ(same.kind, MergeOutcome::Kind::kUpToDate);
  Edit("README.md", "# Mine\n", "Own README");
  auto main_before = *repo_->Resolve("main");
  auto gen_before = *repo_->Resolve("generated");
  MergeOutcome o = Regen(Blog());
  EXPECT_EQ(o.kind, MergeOutcome::Kind::kUpToDate);
  EXPECT_TRUE(o.clean);
  EXPECT_TRUE(o.generatorChanges.empty());
  EXPECT_EQ(*repo_->Resolve("main"), main_before);
  EXPECT_EQ(*repo_->Resolve("generated"), gen_before);
  EXPECT_EQ(repo_->Log()->size(), 2u);
}

TEST_F(RegenerateTest, WithoutUserEditsMainFastForwards) {
  Generate(Blog());
  MergeOutcome o = Regen(Blog({.subtitle = true}));
  EXPECT_EQ(o.kind, MergeOutcome::Kind::kFastForward);
  EXPECT_EQ(o.mainCommit, o.generatedCommit);
  EXPECT_EQ(*repo_->Resolve("main"), o.generatedCommit);
  EXPECT_EQ(Slurp(P("src/post/service.ts")), ServiceTs({.subtitle = true}));
  EXPECT_TRUE(fs::exists(P("migrations/002_subtitle.sql")));
  EXPECT_EQ(Git(P(""), "status --porcelain").output, "");
}

TEST_F(RegenerateTest, BinaryFilesAndModesSurvive) {
  Generate(Blog());
  Edit("README.md", "# Mine\n", "Own README");
  std::string new_logo = std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\2", 18);
  MergeOutcome o = Regen(Blog({.logo = new_logo}), "New logo");
  EXPECT_EQ(o.kind, MergeOutcome::Kind::kMerged);
  EXPECT_EQ(Slurp(P("assets/logo.png")), new_logo);
  EXPECT_TRUE(IsExecutable(P("run.sh")));
  // Both sides change the binary: a conflict that keeps the user's bytes on the branch.
  std::string mine = std::string("\x89PNG\r\n\x1a\n\0mine", 13);
  Edit("assets/logo.png", mine, "My logo");
  MergeOutcome c = Regen(Blog({.logo = std::string("\x89PNG\r\n\x1a\n\0gen3", 13)}), "Logo v3");
  EXPECT_EQ(c.kind, MergeOutcome::Kind::kConflict);
  EXPECT_EQ(c.conflicts, (std::vector<Conflict>{{"assets/logo.png", "binary"}}));
  EXPECT_EQ(**repo_->ReadFile(c.conflictBranch, "assets/logo.png"), mine);
  EXPECT_EQ(Slurp(P("assets/logo.png")), mine);
}

TEST_F(RegenerateTest, AModeChangeAndAContentChangeMerge) {
  Generate(Blog());
  fs::permissions(P("migrations/001_init.sql"), fs::perms::owner_exec, fs::perm_options::add);
  ASSERT_TRUE(repo_->CommitAll("Make the migration runnable", kAlice)->has_value());
  generate::FileTree v2 = Blog();
  v2.Put("migrations/001_init.sql", "CREATE TABLE posts (id TEXT PRIMARY KEY);\n");
  MergeOutcome o = Regen(v2, "Simpler table");
  EXPECT_EQ(o.kind, MergeOutcome::Kind::kMerged);
  EXPECT_EQ(Slurp(P("migrations/001_init.sql")), "CREATE TABLE posts (id TEXT PRIMARY KEY);\n");
  EXPECT_TRUE(IsExecutable(P("migrations/001_init.sql")));
  EXPECT_EQ(Git(P(""), "status --porcelain").output, "");
}

TEST_F(RegenerateTest, UserAndGeneratorAddingTheSamePathConflict) {
  Generate(Blog());
  Edit("src/post/search.ts", "export const mine = 1;\n", "My search");
  generate::FileTree v2 = Blog();
  v2.Put("src/post/search.ts", "export const generated = 1;\n");
  MergeOutcome o = Regen(v2, "Add search");
  EXPECT_EQ(o.conflicts, (std::vector<Conflict>{{"src/post/search.ts", "add/add"}}));
  std::string marked = **repo_->ReadFile(o.conflictBranch, "src/post/search.ts");
  EXPECT_TRUE(Contains(marked, "export const mine = 1;") && Contains(marked, "export const generated = 1;")) << marked;
}

TEST_F(RegenerateTest, PlainGitCommitsOnMainAreMergedToo) {
  Generate(Blog());
  Spit(P("src/post/service.ts"), Slurp(P("src/post/service.ts")) + kCustomFunction);
  ASSERT_EQ(Git(P(""), "commit -q -am 'Edited outside BackendForge'").exitCode, 0);
  MergeOutcome o = Regen(Blog({.subtitle = true}));
  EXPECT_EQ(o.kind, MergeOutcome::Kind::kMerged);
  EXPECT_EQ(Slurp(P("src/post/service.ts")), ServiceTs({.subtitle = true}) + kCustomFunction);
  EXPECT_EQ(Git(P(""), "status --porcelain").output, "");
  EXPECT_EQ(Git(P(""), "log -1 --format=%s").output, "Merge generated output: Add field subtitle to Post\n");
}

TEST_F(RegenerateTest, UncommittedChangesOrAnotherBranchAreRefused) {
  Generate(Blog());
  Spit(P("README.md"), "unsaved\n");
  auto gen_before = *repo_->Resolve("generated");
  auto dirty = repo_->Regenerate(Blog({.subtitle = true}), "x", kBot);
  ASSERT_FALSE(dirty.ok());
  EXPECT_EQ(dirty.error().code, "vcs.dirty");
  EXPECT_TRUE(Contains(dirty.error().message, "README.md")) << dirty.error().message;
  EXPECT_EQ(*repo_->Resolve("generated"), gen_before) << "nothing recorded";
  EXPECT_EQ(Slurp(P("README.md")), "unsaved\n");
  ASSERT_TRUE(repo_->CommitAll("Save", kAlice)->has_value());
  ASSERT_EQ(Git(P(""), "checkout -q -b experiment").exitCode, 0);
  auto elsewhere = repo_->Regenerate(Blog({.subtitle = true}), "x", kBot);
  ASSERT_FALSE(elsewhere.ok());
  EXPECT_EQ(elsewhere.error().code, "vcs.branch");
  EXPECT_TRUE(Contains(elsewhere.error().message, "experiment")) << elsewhere.error().message;
}

TEST_F(RegenerateTest, FirstGenerationRules) {
  // Identical files already on disk (the pipeline wrote them) are fine; other files stay untracked.
  generate::FileTree t = Blog();
  Spit(P("README.md"), *t.Get("README.md"));
  Spit(P(".backendforge/logs/install.log"), "npm ok\n");
  auto sha = repo_->RecordGeneration(t, "Generate", kBot);
  ASSERT_TRUE(sha.ok()) << sha.error().message;
  EXPECT_EQ(*repo_->PendingChanges(), std::vector<std::string>{".backendforge/logs/install.log"});
  auto twice = repo_->RecordGeneration(t, "Generate", kBot);
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().code, "vcs.exists");
  // A different file where the generator writes is never overwritten.
  auto other = Repo::Init(root_ / "q");
  Spit(root_ / "q/README.md", "mine\n");
  auto clash = other->RecordGeneration(t, "Generate", kBot);
  ASSERT_FALSE(clash.ok());
  EXPECT_EQ(clash.error().code, "vcs.would_overwrite");
  EXPECT_EQ(Slurp(root_ / "q/README.md"), "mine\n");
  // Nor a file standing where the generator needs a folder.
  auto fourth = Repo::Init(root_ / "s");
  Spit(root_ / "s/src", "a file, not a folder\n");
  EXPECT_EQ(fourth->RecordGeneration(t, "Generate", kBot).error().code, "vcs.would_overwrite");
  EXPECT_EQ(Slurp(root_ / "s/src"), "a file, not a folder\n");
  // Unsafe paths are refused.
  generate::FileTree bad;
  bad.Put(".git/hooks/pre-commit", "#!/bin/sh\n", true);
  auto third = Repo::Init(root_ / "r");
  EXPECT_EQ(third->RecordGeneration(bad, "x", kBot).error().code, "vcs.path");
  // Regenerating before any generation explains itself.
  EXPECT_EQ(third->Regenerate(t, "x", kBot).error().code, "vcs.no_generation");
}

TEST_F(RegenerateTest, SameOutputGivesTheSameCommitAsCommittingTheFiles) {
  Generate(Blog());
  // The same files committed from disk in another repository give the very same commit.
  auto other = Repo::Init(root_ / "q");
  const generate::FileTree blog = Blog();
  for (const auto& [path, content] : blog.files()) {
    Spit(root_ / "q" / path, content);
    if (blog.IsExecutable(path)) fs::permissions(root_ / "q" / path, fs::perms::owner_exec, fs::perm_options::add);
  }
  auto c = other->CommitAll("Generate Blog (node-express, sqlite)", kBot);
  ASSERT_TRUE(c.ok() && c->has_value());
  EXPECT_EQ(**c, *repo_->Resolve("generated"));
}

TEST_F(RegenerateTest, ProjectsWithoutAGeneratedBranchAreExplained) {
  Spit(P("a.txt"), "a\n");
  ASSERT_TRUE(repo_->CommitAll("Made by hand", kAlice)->has_value());
  auto o = repo_->Regenerate(Blog(), "x", kBot);
  ASSERT_FALSE(o.ok());
  EXPECT_EQ(o.error().code, "vcs.no_generated");
  EXPECT_TRUE(Contains(o.error().message, "git branch generated")) << o.error().message;
}

}  // namespace
}  // namespace bf::vcs
