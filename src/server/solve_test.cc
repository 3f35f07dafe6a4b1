// POST /api/projects/{pid}/solve: diagnosis from the last test run, restoration of generated
// files deleted or changed without a commit, tests rerun, commit only when they pass.
#include "server/test_support.h"

namespace bf::server {
namespace {

using testing::AppFixture;

class SolveApi : public AppFixture {
 protected:
  std::string Generated(const User& u) {
    std::string pid = CreateProject(u);
    Call("POST", "/api/projects/" + pid + "/messages", {{"text", "A blog"}}, u.token);
    Response g = Call("POST", "/api/generate", {{"projectId", pid}}, u.token);
    EXPECT_EQ(g.status, 202) << g.body;
    EXPECT_EQ(WaitJob(u, Body(g)["jobId"])["status"], "succeeded");
    return pid;
  }
  // A test run that fails (recorded), as POST /api/test/run leaves it.
  void FailingRun(const User& u, const std::string& pid) {
    clock_.Advance(1000);  // after the generation's runs
    Response t = Call("POST", "/api/test/run", {{"projectId", pid}}, u.token);
    ASSERT_EQ(t.status, 202) << t.body;
    EXPECT_EQ(WaitJob(u, Body(t)["jobId"])["result"]["status"], "failed");
  }
  nlohmann::json History(const User& u, const std::string& pid) {
    return Body(Call("GET", "/api/projects/" + pid + "/history", nullptr, u.token))["data"];
  }
};

TEST_F(SolveApi, RestoresADeletedGeneratedFileWhenThatMakesTheTestsPass) {
  auto alice = Register("alice@example.com");
  std::string pid = Generated(alice);
  std::filesystem::path dir = app_->ProjectDir(pid);
  std::filesystem::remove(dir / "src/index.ts");
  pipeline_->require_file = "src/index.ts";
  FailingRun(alice, pid);
  size_t commits = History(alice, pid).size();
  clock_.Advance(1000);

  Response s = Call("POST", "/api/projects/" + pid + "/solve", nlohmann::json::object(), alice.token);
  ASSERT_EQ(s.status, 202) << s.body;
  auto failing = Body(s)["diagnosis"]["failing"];
  ASSERT_EQ(failing.size(), 1u) << s.body;
  EXPECT_EQ(failing[0]["name"], "posts > create");
  EXPECT_EQ(failing[0]["location"], "test/posts.test.ts:12");
  auto job = WaitJob(alice, Body(s)["jobId"]);
  ASSERT_EQ(job["status"], "succeeded") << job.dump();
  auto r = job["result"];
  EXPECT_EQ(r["status"], "fixed") << r.dump();
  EXPECT_EQ(r["restored"], nlohmann::json::parse(R"([{"path":"src/index.ts","was":"deleted"}])"));
  EXPECT_EQ(r["tests"]["status"], "passed");
  EXPECT_TRUE(std::filesystem::exists(dir / "src/index.ts"));
  // The deletion was never committed: restored, the tree matches main again, nothing to commit.
  EXPECT_TRUE(r["commit"].is_null());
  EXPECT_EQ(History(alice, pid).size(), commits);
  // The rerun is a recorded test run.
  auto runs = Body(Call("GET", "/api/projects/" + pid + "/runs", nullptr, alice.token))["data"];
  EXPECT_EQ(runs[0]["phase"], "solve");
}

TEST_F(SolveApi, KeepsUserCommitsAndExplainsWhenTestsStillFail) {
  auto alice = Register("alice@example.com");
  auto mallory = Register("mallory@example.com");
  std::string pid = Generated(alice);
  std::filesystem::path dir = app_->ProjectDir(pid);
  Request put;
  put.method = "PUT";
  put.target = put.path = "/api/projects/" + pid + "/files/README.md";
  put.body = "# Mine\n";
  put.headers.Set("Authorization", "Bearer " + alice.token);
  ASSERT_EQ(app_->Handle(put).status, 200);
  std::ofstream(dir / "src/index.ts") << "broken(\n";  // drift without a commit
  pipeline_->require_file = "src/missing.ts";           // not a generated file: cannot be restored
  FailingRun(alice, pid);
  size_t commits = History(alice, pid).size();

  EXPECT_EQ(Call("POST", "/api/projects/" + pid + "/solve", nlohmann::json::object(), mallory.token).status, 404);
  EXPECT_EQ(Call("POST", "/api/projects/" + pid + "/solve", {{"runId", "nope"}}, alice.token).status, 404);
  Response s = Call("POST", "/api/projects/" + pid + "/solve", {{"error", "TypeError at src/index.ts:1:7"}}, alice.token);
  ASSERT_EQ(s.status, 202) << s.body;
  EXPECT_EQ(Body(s)["diagnosis"]["error"]["location"], "src/index.ts:1");
  auto r = WaitJob(alice, Body(s)["jobId"])["result"];
  EXPECT_EQ(r["status"], "unsolved") << r.dump();
  EXPECT_EQ(r["keptUserEdits"], nlohmann::json::array({"README.md"}));
  EXPECT_EQ(r["restored"], nlohmann::json::parse(R"([{"path":"src/index.ts","was":"changed"}])"));
  EXPECT_FALSE(r["explanation"].get<std::string>().empty());
  // Nothing committed, and the folder is as the user left it.
  EXPECT_EQ(History(alice, pid).size(), commits);
  std::ifstream in(dir / "src/index.ts");
  EXPECT_EQ(std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>()), "broken(\n");
  std::ifstream readme(dir / "README.md");
  EXPECT_EQ(std::string((std::istreambuf_iterator<char>(readme)), std::istreambuf_iterator<char>()), "# Mine\n");
}

}  // namespace
}  // namespace bf::server
