// Regeneration through the API: a second POST /api/generate merges the new output into the
// project's history (real libgit2 repositories and files; the fake pipeline writes a model file
// that lists the spec's fields), so edits made through the files API survive, conflicts are
// reported with main untouched, and a failed run changes nothing.
#include <algorithm>
#include <fstream>

#include "server/project_regenerate.h"
#include "server/test_support.h"

namespace bf::server {
namespace {

using testing::AppFixture;

namespace fs = std::filesystem;

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

class RegenerateApi : public AppFixture {
 protected:
  std::string Generated(const User& u) {
    std::string pid = CreateProject(u);
    Call("POST", "/api/projects/" + pid + "/messages", {{"text", "A blog"}}, u.token);
    auto job = Generate(u, pid);
    EXPECT_EQ(job["status"], "succeeded") << job.dump();
    return pid;
  }
  nlohmann::json Generate(const User& u, const std::string& pid) {
    Response g = Call("POST", "/api/generate", {{"projectId", pid}}, u.token);
    EXPECT_EQ(g.status, 202) << g.body;
    return WaitJob(u, Body(g)["jobId"]);
  }
  void ChangeSpec(const User& u, const std::string& pid) {
    auto r = Body(Call("POST", "/api/projects/" + pid + "/messages", {{"text", "add subtitle to Post"}}, u.token));
    ASSERT_TRUE(r.value("specChanged", false)) << r.dump();
  }
  nlohmann::json History(const User& u, const std::string& pid) {
    Response r = Call("GET", "/api/projects/" + pid + "/history", nullptr, u.token);
    EXPECT_EQ(r.status, 200) << r.body;
    return Body(r)["data"];
  }
  // Folders beside the projects' that a run left behind (staging folders).
  std::vector<std::string> Leftovers() {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(app_->ProjectDir("x").parent_path())) {
      std::string name = e.path().filename().string();
      if (name.find(".regen-") != std::string::npos || name.find(".gen-") != std::string::npos) out.push_back(name);
    }
    return out;
  }
};

TEST_F(RegenerateApi, AnEditSurvivesARegenerationAfterASpecChangeAndBothAreInTheHistory) {
  auto alice = Register("alice@example.com");
  std::string pid = Generated(alice);
  fs::path dir = app_->ProjectDir(pid);
  ASSERT_EQ(ReadAll(dir / "node_modules" / ".installed"), "install 1\n");
  Response put = PutFile(alice, pid, "src/index.ts", "export const answer = 42;\n");
  ASSERT_EQ(put.status, 200) << put.body;
  std::string edit_sha = Body(put)["commit"];
  ChangeSpec(alice, pid);

  auto job = Generate(alice, pid);
  ASSERT_EQ(job["status"], "succeeded") << job.dump();
  auto regen = job["result"]["regeneration"];
  EXPECT_EQ(regen["result"], "merged") << regen.dump();
  EXPECT_EQ(regen["conflicts"], nlohmann::json::array());
  EXPECT_EQ(regen["generatorChanges"], nlohmann::json::parse(R"([{"path":"src/model.ts","status":"modified"}])"));
  EXPECT_EQ(job["result"]["tests"]["status"], "passed");

  // The user's edit and the new spec's field are both in the files on main.
  EXPECT_EQ(ReadAll(dir / "src/index.ts"), "export const answer = 42;\n");
  std::string model = ReadAll(dir / "src/model.ts");
  EXPECT_NE(model.find("'publishedAt'"), std::string::npos) << model;
  EXPECT_NE(model.find("'subtitle'];"), std::string::npos) << model;
  EXPECT_EQ(Call("GET", "/api/projects/" + pid + "/files/src/index.ts", nullptr, alice.token).body,
            "export const answer = 42;\n");
  // Installed dependencies are kept (no manifest changed), staging folders are gone.
  EXPECT_EQ(ReadAll(dir / "node_modules" / ".installed"), "install 1\n");
  EXPECT_EQ(Leftovers(), std::vector<std::string>());

  // History: the run's records, the merge of the regeneration, the edit, the first generation.
  auto data = History(alice, pid);
  ASSERT_EQ(data.size(), 4u) << data.dump(2);
  EXPECT_EQ(data[0]["summary"], "Record the test-first run of the regeneration");
  EXPECT_EQ(data[0]["files"], nlohmann::json::parse(R"([{"path":".backendforge/pipeline.json","status":"added"}])"));
  std::string merge_sha = data[1]["sha"];
  EXPECT_EQ(merge_sha, regen["mergeCommit"]);
  EXPECT_EQ(data[1]["summary"], "Merge generated output: Regenerate Blog API from spec v2 (node-express, sqlite)");
  EXPECT_EQ(data[1]["author"]["email"], "alice@example.com");
  EXPECT_EQ(data[1]["parents"].size(), 2u);
  EXPECT_EQ(data[1]["parents"][0], edit_sha);
  EXPECT_EQ(data[2]["sha"], edit_sha);
  EXPECT_EQ(data[2]["summary"], "Edit src/index.ts");
  EXPECT_EQ(data[3]["summary"], "Generate Blog API");

  // Both diffs.
  auto merge = Body(Call("GET", "/api/projects/" + pid + "/history/" + merge_sha, nullptr, alice.token));
  ASSERT_EQ(merge["files"].size(), 1u) << merge.dump(2);
  EXPECT_EQ(merge["files"][0]["path"], "src/model.ts");
  std::string patch = merge["files"][0]["patch"];
  EXPECT_NE(patch.find("+export const PostFields = ["), std::string::npos) << patch;
  EXPECT_NE(patch.find("'subtitle'];"), std::string::npos) << patch;
  auto edit = Body(Call("GET", "/api/projects/" + pid + "/history/" + edit_sha, nullptr, alice.token));
  EXPECT_NE(std::string(edit["files"][0]["patch"]).find("-export {};\n+export const answer = 42;\n"), std::string::npos);

  // The proof of the pure output (red, green) and the run on the merged code are recorded.
  auto runs = Body(Call("GET", "/api/projects/" + pid + "/runs", nullptr, alice.token))["data"];
  std::vector<std::string> phases;
  for (const auto& r : runs) phases.push_back(r["phase"]);
  EXPECT_EQ(std::count(phases.begin(), phases.end(), "merged"), 1) << runs.dump();
  EXPECT_EQ(std::count(phases.begin(), phases.end(), "green"), 2) << runs.dump();
  // The living change history says what happened.
  auto history = Body(Call("GET", "/api/projects/" + pid + "/docs/history.md", nullptr, alice.token));
  EXPECT_NE(std::string(history["content"]).find("merged into main with your edits kept"),
            std::string::npos)
      << history.dump();
  EXPECT_EQ(Body(Call("GET", "/api/projects/" + pid, nullptr, alice.token))["status"], "generated");
}

TEST_F(RegenerateApi, AConflictIsReportedWithItsFilesAndBranchAndMainIsUntouched) {
  auto alice = Register("alice@example.com");
  std::string pid = Generated(alice);
  fs::path dir = app_->ProjectDir(pid);
  std::string model = ReadAll(dir / "src/model.ts");
  auto at = model.find("export const PostFields = [");
  ASSERT_NE(at, std::string::npos) << model;
  std::string mine = model.substr(0, at) + "export const PostFields = ['title'];  // mine\n" +
                     model.substr(model.find('\n', at) + 1);
  ASSERT_EQ(PutFile(alice, pid, "src/model.ts", mine).status, 200);
  std::string main_before = History(alice, pid)[0]["sha"];
  ChangeSpec(alice, pid);

  auto job = Generate(alice, pid);
  ASSERT_EQ(job["status"], "failed") << job.dump();
  EXPECT_EQ(job["result"]["error"]["code"], "regenerate.conflict");
  std::string message = job["message"];
  EXPECT_NE(message.find("src/model.ts (content)"), std::string::npos) << message;
  auto repo = vcs::Repo::Open(dir);
  ASSERT_TRUE(repo.ok());
  auto branches = repo->Branches();
  ASSERT_TRUE(branches.ok());
  std::string conflict_branch;
  for (const auto& b : *branches) {
    if (b.rfind(vcs::kConflictBranchPrefix, 0) == 0) conflict_branch = b;
  }
  ASSERT_FALSE(conflict_branch.empty());
  EXPECT_NE(message.find("on branch " + conflict_branch), std::string::npos) << message;
  // main, its files and the working tree are as they were.
  EXPECT_EQ(History(alice, pid)[0]["sha"], main_before);
  EXPECT_EQ(ReadAll(dir / "src/model.ts"), mine);
  auto pending = repo->PendingChanges();
  ASSERT_TRUE(pending.ok());
  EXPECT_TRUE(pending->empty());
  // The branch holds the conflict markers with both sides.
  auto marked = repo->ReadFile(conflict_branch, "src/model.ts");
  ASSERT_TRUE(marked.ok() && marked->has_value());
  EXPECT_NE((*marked)->find("<<<<<<< main"), std::string::npos) << **marked;
  EXPECT_NE((*marked)->find("['title'];  // mine"), std::string::npos) << **marked;
  EXPECT_NE((*marked)->find("'subtitle'];"), std::string::npos) << **marked;
  EXPECT_NE((*marked)->find(">>>>>>> generated"), std::string::npos) << **marked;
  // No tests were run on a merge that did not happen; the change history says where to look.
  auto runs = Body(Call("GET", "/api/projects/" + pid + "/runs", nullptr, alice.token))["data"];
  for (const auto& r : runs) EXPECT_NE(r["phase"], "merged");
  auto history = Body(Call("GET", "/api/projects/" + pid + "/docs/history.md", nullptr, alice.token));
  EXPECT_NE(std::string(history["content"]).find(conflict_branch), std::string::npos) << history.dump();
  EXPECT_EQ(Leftovers(), std::vector<std::string>());
}

TEST_F(RegenerateApi, AFirstGenerationStartsANewHistory) {
  auto alice = Register("alice@example.com");
  std::string pid = Generated(alice);
  auto job = Body(Call("GET", "/api/projects/" + pid + "/jobs", nullptr, alice.token))["data"][0];
  EXPECT_FALSE(job["result"].contains("regeneration")) << job.dump();
  auto data = History(alice, pid);
  ASSERT_EQ(data.size(), 1u);
  EXPECT_EQ(data[0]["summary"], "Generate Blog API");
  EXPECT_TRUE(data[0]["parents"].empty());
  auto repo = vcs::Repo::Open(app_->ProjectDir(pid));
  ASSERT_TRUE(repo.ok());
  EXPECT_EQ(*repo->Resolve(vcs::kGeneratedBranch), *repo->Resolve(vcs::kMainBranch));
  EXPECT_EQ(pipeline_->generations, 1);
}

TEST_F(RegenerateApi, AFailedRegenerationLeavesTheProjectAndItsRepositoryUnchanged) {
  auto alice = Register("alice@example.com");
  std::string pid = Generated(alice);
  fs::path dir = app_->ProjectDir(pid);
  ASSERT_EQ(PutFile(alice, pid, "src/index.ts", "export const answer = 42;\n").status, 200);
  auto repo = vcs::Repo::Open(dir);
  ASSERT_TRUE(repo.ok());
  std::string main_before = *repo->Resolve(vcs::kMainBranch), gen_before = *repo->Resolve(vcs::kGeneratedBranch);
  std::string model_before = ReadAll(dir / "src/model.ts");
  ChangeSpec(alice, pid);
  pipeline_->fail = true;
  auto job = Generate(alice, pid);
  EXPECT_EQ(job["status"], "failed");
  EXPECT_EQ(*repo->Resolve(vcs::kMainBranch), main_before);
  EXPECT_EQ(*repo->Resolve(vcs::kGeneratedBranch), gen_before);
  EXPECT_EQ(ReadAll(dir / "src/model.ts"), model_before);
  EXPECT_EQ(ReadAll(dir / "src/index.ts"), "export const answer = 42;\n");
  EXPECT_EQ(Leftovers(), std::vector<std::string>());

  // An uncommitted change in the folder stops the merge before anything moves.
  pipeline_->fail = false;
  std::ofstream(dir / "src" / "index.ts") << "export const answer = 43;\n";
  job = Generate(alice, pid);
  EXPECT_EQ(job["status"], "failed");
  EXPECT_EQ(job["result"]["error"]["code"], "vcs.dirty") << job.dump();
  EXPECT_EQ(*repo->Resolve(vcs::kMainBranch), main_before);
  EXPECT_EQ(*repo->Resolve(vcs::kGeneratedBranch), gen_before);
  EXPECT_EQ(ReadAll(dir / "src/index.ts"), "export const answer = 43;\n");
  EXPECT_EQ(Leftovers(), std::vector<std::string>());
}

TEST_F(RegenerateApi, AnUnchangedOutputIsUpToDateAndChangesNothing) {
  auto alice = Register("alice@example.com");
  std::string pid = Generated(alice);
  std::string main_before = History(alice, pid)[0]["sha"];
  auto job = Generate(alice, pid);
  ASSERT_EQ(job["status"], "succeeded") << job.dump();
  EXPECT_EQ(job["result"]["regeneration"]["result"], "up-to-date");
  EXPECT_EQ(job["result"]["tests"]["status"], "skipped");
  auto data = History(alice, pid);
  ASSERT_EQ(data.size(), 1u);
  EXPECT_EQ(data[0]["sha"], main_before);
}

// MergeRegeneration on its own: a changed dependency manifest brings the staging folder's
// installed dependencies; the run's records are committed on main.
class MergeRegenerationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("bf-regen-" + store::NewId());
    fs::create_directories(root_);
  }
  void TearDown() override { fs::remove_all(root_); }
  // A folder generated with `tree` (root of generated and main) and node_modules/<marker>.
  fs::path Generate(const std::string& name, const generate::FileTree& tree, const std::string& marker) {
    fs::path dir = root_ / name;
    auto repo = vcs::Repo::Init(dir);
    EXPECT_TRUE(repo.ok());
    for (const auto& [path, content] : tree.files()) {
      fs::create_directories((dir / path).parent_path());
      std::ofstream(dir / path, std::ios::binary) << content;
    }
    EXPECT_TRUE(repo->RecordGeneration(tree, "Generate", author_).ok());
    fs::create_directories(dir / "node_modules");
    std::ofstream(dir / "node_modules" / marker) << marker;
    return dir;
  }
  fs::path root_;
  vcs::Author author_{"Alice", "alice@example.com", 1700000000};
};

TEST_F(MergeRegenerationTest, AChangedManifestBringsTheNewDependenciesAndTheRecordsAreCommitted) {
  generate::FileTree v1, v2;
  v1.Put("package.json", "{\"dependencies\": {\"a\": \"1\"}}\n");
  v1.Put("src/app.ts", "one\n");
  v2.Put("package.json", "{\"dependencies\": {\"a\": \"2\"}}\n");
  v2.Put("src/app.ts", "one\n");
  fs::path project = Generate("project", v1, "old");
  fs::path staging = Generate("staging", v2, "new");
  fs::create_directories(staging / "docs");
  std::ofstream(staging / "docs" / "TDD.md") << "# red then green\n";
  auto r = MergeRegeneration(project, staging, "Regenerate\n", author_);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->merge.kind, vcs::MergeOutcome::Kind::kFastForward);
  EXPECT_EQ(r->dependenciesTaken, std::vector<std::string>{"node_modules"});
  EXPECT_TRUE(fs::exists(project / "node_modules" / "new"));
  EXPECT_FALSE(fs::exists(project / "node_modules" / "old"));
  EXPECT_EQ(ReadAll(project / "package.json"), "{\"dependencies\": {\"a\": \"2\"}}\n");
  EXPECT_EQ(ReadAll(project / "docs" / "TDD.md"), "# red then green\n");
  auto repo = vcs::Repo::Open(project);
  ASSERT_TRUE(repo.ok());
  EXPECT_EQ(*repo->Resolve(vcs::kMainBranch), r->recordsCommit);
  EXPECT_EQ(r->merge.mainCommit, r->recordsCommit);
  auto pending = repo->PendingChanges();
  ASSERT_TRUE(pending.ok());
  EXPECT_TRUE(pending->empty());
  auto json = RegenerationJson(*r);
  EXPECT_EQ(json["result"], "fast-forward");
  EXPECT_EQ(json["dependenciesTaken"], nlohmann::json::array({"node_modules"}));
}

TEST_F(MergeRegenerationTest, AnUnchangedManifestKeepsTheInstalledDependencies) {
  generate::FileTree v1, v2;
  v1.Put("package.json", "{}\n");
  v1.Put("src/app.ts", "one\n");
  v2.Put("package.json", "{}\n");
  v2.Put("src/app.ts", "two\n");
  fs::path project = Generate("project", v1, "old");
  fs::path staging = Generate("staging", v2, "new");
  auto r = MergeRegeneration(project, staging, "Regenerate\n", author_);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_TRUE(r->dependenciesTaken.empty());
  EXPECT_TRUE(fs::exists(project / "node_modules" / "old"));
  EXPECT_EQ(ReadAll(project / "src/app.ts"), "two\n");
}

}  // namespace
}  // namespace bf::server
