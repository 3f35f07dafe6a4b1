#include "run/install_cache.h"

#include <gtest/gtest.h>

#include <fstream>

namespace bf::run {
namespace {

namespace fs = std::filesystem;

// Answers `node -p` like Node 20 on linux-x64 and runs everything else for real (tar).
class FakeNode : public ProcessRunner {
 public:
  ProcessResult Run(const ProcessSpec& spec, const LineSink& sink, const std::atomic<bool>* cancel) override {
    calls.push_back(spec.argv[0]);
    if (spec.argv[0] == "node") {
      ProcessResult r;
      r.reason = EndReason::kExited;
      r.exitCode = 0;
      r.output = "115 linux x64\n";
      return r;
    }
    return real_->Run(spec, sink, cancel);
  }
  std::vector<std::string> calls;

 private:
  std::unique_ptr<ProcessRunner> real_ = MakeLocalRunner();
};

fs::path TempDir(const std::string& name) {
  fs::path d = fs::temp_directory_path() / ("bf-install-cache-" + name + "-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()));
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

TEST(InstallCache, Sha512MatchesTheKnownDigest) {
  EXPECT_EQ(Sha512Hex("abc").substr(0, 16), "ddaf35a193617aba");
  EXPECT_EQ(Sha512Hex("").size(), 128u);
}

TEST(InstallCache, PrebuildPathIsWherePrebuildInstallLooks) {
  // The name prebuild-install computes for the GitHub download URL of this version and ABI.
  EXPECT_EQ(BetterSqlitePrebuildPath("/c", "12.11.1", "115", "linux", "x64"),
            fs::path("/c/_prebuilds/1f9766-better-sqlite3-v12.11.1-node-v115-linux-x64.tar.gz"));
}

TEST(InstallCache, DirectoryFollowsTheEnvironment) {
  ::setenv("BF_CACHE_DIR", "/tmp/bf-cache-test", 1);
  EXPECT_EQ(InstallCacheDir("node-express"), fs::path("/tmp/bf-cache-test/node-express"));
  ::unsetenv("BF_CACHE_DIR");
  ::setenv("XDG_CACHE_HOME", "/x", 1);
  EXPECT_EQ(InstallCacheDir("node-express"), fs::path("/x/backendforge/node-express"));
  ::unsetenv("XDG_CACHE_HOME");
}

TEST(InstallCache, NodeHookTarsTheCompiledAddonIntoTheCacheOnce) {
  fs::path project = TempDir("project"), cache = TempDir("cache");
  fs::path pkg = project / "node_modules/better-sqlite3";
  fs::create_directories(pkg / "build/Release");
  std::ofstream(pkg / "package.json") << R"({"name":"better-sqlite3","version":"12.11.1"})";
  std::ofstream(pkg / "build/Release/better_sqlite3.node") << "not really an ELF file";
  FakeNode runner;
  std::string detail;
  ASSERT_TRUE(AfterInstall("node-express", project, cache, runner, detail).ok());
  fs::path tarball = BetterSqlitePrebuildPath(cache, "12.11.1", "115", "linux", "x64");
  ASSERT_TRUE(fs::exists(tarball)) << detail;
  EXPECT_NE(detail.find("cached"), std::string::npos);
  // The archive holds build/Release/better_sqlite3.node, the layout prebuild-install unpacks.
  ProcessSpec list;
  list.argv = {"tar", "-tzf", tarball.string()};
  list.cwd = cache;
  list.env = BaseEnvironment();
  ProcessResult listed = MakeLocalRunner()->Run(list);
  EXPECT_EQ(listed.output, "build/Release/better_sqlite3.node\n");

  runner.calls.clear();
  ASSERT_TRUE(AfterInstall("node-express", project, cache, runner, detail).ok());
  EXPECT_NE(detail.find("already cached"), std::string::npos);
  EXPECT_EQ(runner.calls, std::vector<std::string>{"node"});  // no second tar
  fs::remove_all(project);
  fs::remove_all(cache);
}

TEST(InstallCache, NothingToDoWithoutAnAddonOrForOtherTargets) {
  fs::path project = TempDir("empty"), cache = TempDir("cache2");
  FakeNode runner;
  std::string detail;
  EXPECT_TRUE(AfterInstall("node-express", project, cache, runner, detail).ok());
  EXPECT_TRUE(runner.calls.empty());
  detail.clear();
  EXPECT_TRUE(AfterInstall("python-fastapi", project, cache, runner, detail).ok());
  EXPECT_TRUE(detail.empty());
  fs::remove_all(project);
  fs::remove_all(cache);
}

TEST(InstallEnvironment, NodeExpressNamesTheSystemNodeHeadersWhenTheyExist) {
  auto env = InstallEnvironment("node-express");
  if (fs::exists("/usr/include/node/common.gypi")) {
    EXPECT_EQ(env["npm_config_nodedir"], "/usr");
  } else {
    EXPECT_FALSE(env.count("npm_config_nodedir"));
  }
  EXPECT_TRUE(InstallEnvironment("mini").empty());
}

}  // namespace
}  // namespace bf::run
