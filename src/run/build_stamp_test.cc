#include "run/build_stamp.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

#include "run/process.h"

namespace bf::run {
namespace {

namespace fs = std::filesystem;

class BuildStampTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("bf-stamp-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "src/lib");
    Write("src/server.ts", "listen()\n");
    Write("src/lib/a.ts", "export const a = 1;\n");
    Write("package.json", "{}\n");
    m_.buildOutput = "dist";
    m_.buildInputs = {"src", "package.json", "tsconfig.json"};  // tsconfig.json is missing: ignored
  }
  void TearDown() override { fs::remove_all(dir_); }
  void Write(const std::string& rel, const std::string& content) { std::ofstream(dir_ / rel, std::ios::trunc) << content; }
  std::string Stamp() {
    auto s = SourceStamp(m_, dir_);
    EXPECT_TRUE(s.ok());
    return s.ok() ? *s : "";
  }

  fs::path dir_;
  generate::Manifest m_;
};

TEST_F(BuildStampTest, TheStampFollowsTheInputsAndNothingElse) {
  std::string first = Stamp();
  EXPECT_EQ(first.rfind("sha256:", 0), 0u);
  EXPECT_EQ(first.size(), 7u + 64u);
  EXPECT_EQ(Stamp(), first);                    // deterministic
  Write("README.md", "not an input\n");
  fs::create_directories(dir_ / "dist");
  Write("dist/server.js", "built\n");
  EXPECT_EQ(Stamp(), first);                    // outputs and other files do not count
  Write("src/lib/a.ts", "export const a = 2;\n");
  std::string edited = Stamp();
  EXPECT_NE(edited, first);                     // a changed byte
  fs::rename(dir_ / "src/lib/a.ts", dir_ / "src/lib/b.ts");
  EXPECT_NE(Stamp(), edited);                   // a renamed file
  fs::remove(dir_ / "src/lib/b.ts");
  EXPECT_NE(Stamp(), edited);                   // a deleted file
}

TEST_F(BuildStampTest, TheBuildIsCurrentOnlyWhileItsStampMatches) {
  EXPECT_FALSE(BuildIsCurrent(m_, dir_));       // never built
  ASSERT_TRUE(WriteBuildStamp(m_, dir_).ok());
  EXPECT_TRUE(fs::exists(dir_ / "dist/.backendforge-build-stamp"));
  EXPECT_TRUE(BuildIsCurrent(m_, dir_));
  Write("src/server.ts", "listen(3000)\n");
  EXPECT_FALSE(BuildIsCurrent(m_, dir_));       // edited since
  generate::Manifest none;
  EXPECT_TRUE(BuildIsCurrent(none, dir_));      // a target without a build output
  EXPECT_EQ(BuildStampPath(none), "");
}

TEST_F(BuildStampTest, BuildThenRunBuildsStampsAndServesWithQuotesKept) {
  std::string stamp = Stamp();
  auto argv = BuildThenRun({"sh", "-c", "mkdir -p dist && echo \"it's built\" > dist/app"}, stamp, BuildStampPath(m_),
                           {"cat", "dist/app"});
  auto runner = MakeLocalRunner();
  ProcessSpec ps{.argv = argv, .cwd = dir_};
  ps.env = BaseEnvironment();
  auto r = runner->Run(ps);
  EXPECT_TRUE(r.ok()) << r.Summary() << "\n" << r.output;
  EXPECT_EQ(r.output, "it's built\n");
  EXPECT_TRUE(BuildIsCurrent(m_, dir_));
}

TEST_F(BuildStampTest, AFailedBuildNeitherStampsNorServes) {
  auto argv = BuildThenRun({"sh", "-c", "echo type error; exit 2"}, Stamp(), BuildStampPath(m_), {"echo", "served"});
  auto runner = MakeLocalRunner();
  ProcessSpec ps{.argv = argv, .cwd = dir_};
  ps.env = BaseEnvironment();
  auto r = runner->Run(ps);
  EXPECT_EQ(r.exitCode, 2) << r.output;
  EXPECT_EQ(r.output, "type error\n");
  EXPECT_FALSE(BuildIsCurrent(m_, dir_));
}

}  // namespace
}  // namespace bf::run
