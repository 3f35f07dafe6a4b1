#include "run/test_run.h"

#include <gtest/gtest.h>

#include <fstream>

namespace bf::run {
namespace {

namespace fs = std::filesystem;

// Records the command and writes the report it is given (or none), ending as told.
class FakeRunner : public ProcessRunner {
 public:
  std::string report;  // empty: no report
  ProcessResult result;
  std::vector<std::string> argv;

  ProcessResult Run(const ProcessSpec& spec, const LineSink& sink, const std::atomic<bool>*) override {
    argv = spec.argv;
    if (!report.empty()) {
      fs::create_directories(spec.cwd / "reports");
      std::ofstream(spec.cwd / "reports/junit.xml") << report;
    }
    if (sink) sink("ran");
    return result;
  }
};

constexpr const char* kReport = R"(<testsuites>
<testsuite name="test/posts.test.ts"><testcase classname="test/posts.test.ts" name="Post &gt; creates"/>
<testcase classname="test/posts.test.ts" name="Post &gt; rejects a missing title"><failure message="expected 422"/></testcase></testsuite>
<testsuite name="test/tags.test.ts"><testcase classname="test/tags.test.ts" name="Tag &gt; lists"/></testsuite>
</testsuites>)";

class RunProjectTestsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("bf-test-run-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "test");
    std::ofstream(dir_ / "test/posts.test.ts") << "";
    m_.id = "node-express";
    m_.commands["test"] = generate::Command{{"npm", "test"}, 60};
    m_.testReportPath = "reports/junit.xml";
    m_.testFilter = generate::TestFilter{.prefix = {"--"}, .fileArgs = {"{file}"}, .nameArgs = {"--testNamePattern={pattern}"}};
    runner_.result.reason = EndReason::kExited;
    runner_.result.exitCode = 1;
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path dir_;
  generate::Manifest m_;
  FakeRunner runner_;
};

TEST_F(RunProjectTestsTest, AllTestsWithTheirStatuses) {
  runner_.report = kReport;
  auto r = RunProjectTests(m_, runner_, dir_, {});
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(runner_.argv, (std::vector<std::string>{"npm", "test"}));
  EXPECT_EQ(r->status, "failed");
  EXPECT_EQ(r->summary, "2 passed, 1 failed");
  EXPECT_EQ(r->report.cases.size(), 3u);
}

TEST_F(RunProjectTestsTest, OneTestNarrowsTheCommandAndTheReport) {
  runner_.report = kReport;
  runner_.result.exitCode = 0;
  auto r = RunProjectTests(m_, runner_, dir_, {.filter = "test/posts.test.ts > Post > creates"});
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(runner_.argv, (std::vector<std::string>{"npm", "test", "--", "test/posts.test.ts", "--testNamePattern=^Post creates(?: |$)"}));
  EXPECT_EQ(r->status, "passed");
  EXPECT_EQ(r->summary, "1 passed, 0 failed");
  ASSERT_EQ(r->report.cases.size(), 1u);
  EXPECT_EQ(r->report.cases[0].FullName(), "test/posts.test.ts > Post > creates");
}

TEST_F(RunProjectTestsTest, AFilterThatNamesNothingFails) {
  runner_.report = kReport;
  runner_.result.exitCode = 0;
  auto r = RunProjectTests(m_, runner_, dir_, {.filter = "Comment"});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->status, "failed");
  EXPECT_EQ(r->summary, "no test matches \"Comment\" (0 passed, 0 failed)");
}

TEST_F(RunProjectTestsTest, AReachedLimitIsNamedInsteadOfABrokenReport) {
  runner_.report = "<testsuites><testsuite";  // cut off when the runner could not fork any more
  runner_.result.limitHit = "process limit (1024 tasks)";
  auto r = RunProjectTests(m_, runner_, dir_, {});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->status, "error");
  EXPECT_EQ(r->summary.rfind("the run reached the sandbox's process limit (1024 tasks) (exited with code 1", 0), 0u) << r->summary;
  EXPECT_NE(r->summary.find("its test report is unusable"), std::string::npos) << r->summary;
}

TEST_F(RunProjectTestsTest, AReachedLimitFailsARunWhoseReportPassed) {
  runner_.report = kReport;
  runner_.result.exitCode = 0;
  runner_.result.limitHit = "memory limit (4096 MiB)";
  auto r = RunProjectTests(m_, runner_, dir_, {.filter = "test/tags.test.ts"});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->status, "failed");
  EXPECT_NE(r->summary.find("1 passed, 0 failed; the run reached the sandbox's memory limit"), std::string::npos) << r->summary;
}

TEST_F(RunProjectTestsTest, NoReportSaysHowTheCommandEnded) {
  auto r = RunProjectTests(m_, runner_, dir_, {});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->status, "error");
  EXPECT_EQ(r->summary.rfind("the test runner wrote no report at reports/junit.xml (exited with code 1", 0), 0u) << r->summary;
}

TEST_F(RunProjectTestsTest, CancelledAndMissingFolderAreErrors) {
  runner_.result.reason = EndReason::kCancelled;
  auto r = RunProjectTests(m_, runner_, dir_, {});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "run.cancelled");
  auto missing = RunProjectTests(m_, runner_, dir_ / "nope", {});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, "pipeline.not_generated");
}

TEST(IsProjectTestFile, OnlyPlainRelativeFilesOfTheProject) {
  fs::path dir = fs::temp_directory_path() / ("bf-test-file-" + std::to_string(::getpid()));
  fs::create_directories(dir / "test");
  std::ofstream(dir / "test/a.test.ts") << "";
  std::ofstream(dir / "-x.test.ts") << "";
  EXPECT_TRUE(IsProjectTestFile(dir, "test/a.test.ts"));
  EXPECT_FALSE(IsProjectTestFile(dir, "test"));              // a folder
  EXPECT_FALSE(IsProjectTestFile(dir, "test/b.test.ts"));    // missing
  EXPECT_FALSE(IsProjectTestFile(dir, "-x.test.ts"));        // would read as an option
  EXPECT_FALSE(IsProjectTestFile(dir, "/etc/passwd"));
  EXPECT_FALSE(IsProjectTestFile(dir, "test/../../etc/passwd"));
  fs::remove_all(dir);
}

}  // namespace
}  // namespace bf::run
