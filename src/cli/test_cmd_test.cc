// `backendforge test` on a project of the tiny shell target (its runner narrows like vitest).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "cli/commands.h"
#include "generate/file_tree.h"
#include "generate/generator.h"
#include "spec/testing_specs.h"

namespace bf::cli {
namespace {

namespace fs = std::filesystem;

const std::string kTemplates = std::string(BF_SOURCE_DIR) + "/testdata/server/templates";

class TestCmdTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("bf-test-cmd-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    auto registry = generate::TargetRegistry::Default(kTemplates);
    ASSERT_TRUE(registry.ok()) << registry.error().message;
    auto tree = generate::Generate(spec::testing::BlogSpec(), **registry->Find("tiny"), {.mode = generate::Mode::kImpl});
    ASSERT_TRUE(tree.ok()) << tree.error().message;
    ASSERT_TRUE(generate::WriteTreeAtomically(*tree, dir_).ok());
  }
  void TearDown() override { fs::remove_all(dir_); }

  int Run(TestOptions o) {
    o.project = dir_.string();
    o.templatesDir = kTemplates;
    ::testing::internal::CaptureStdout();
    int rc = bf::cli::Test(o);
    out_ = ::testing::internal::GetCapturedStdout();
    return rc;
  }

  fs::path dir_;
  std::string out_;
};

TEST_F(TestCmdTest, RunsOneTestByItsFullName) {
  EXPECT_EQ(Run({.filter = "src/post.status > works", .stack = "tiny"}), kExitOk);
  EXPECT_EQ(out_, "passed  src/post.status > works\n1 passed, 0 failed\n");
}

TEST_F(TestCmdTest, RunsEveryTestAndFailsWhenOneFails) {
  std::ofstream(dir_ / "src/tag.status") << "stub\n";
  EXPECT_EQ(Run({.stack = "tiny"}), kExitFailed);
  EXPECT_NE(out_.find("failed  src/tag.status > works: tag is not implemented\n"), std::string::npos) << out_;
  EXPECT_NE(out_.find("3 passed, 1 failed\n"), std::string::npos) << out_;
}

TEST_F(TestCmdTest, AFilterThatNamesNothingFails) {
  EXPECT_EQ(Run({.filter = "nothing like this", .stack = "tiny"}), kExitFailed);
  EXPECT_NE(out_.find("no test matches \"nothing like this\""), std::string::npos) << out_;
}

TEST_F(TestCmdTest, UsageErrorsForAFolderThatIsNotAGeneratedProject) {
  EXPECT_EQ(Run({}), kExitUsage);  // no record of the stack and none given
  EXPECT_EQ(bf::cli::Test({.project = (dir_ / "missing").string(), .stack = "tiny", .templatesDir = kTemplates}), kExitUsage);
  EXPECT_EQ(Run({.stack = "cobol-cics"}), kExitUsage);
}

}  // namespace
}  // namespace bf::cli
