#include "run/pipeline.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

#include "spec/testing_specs.h"

namespace bf::run {
namespace {

namespace fs = std::filesystem;

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// Simulates a target's toolchain: "test" writes a JUnit report whose results depend on whether
// the project holds the stub or the real service (like a real test suite would); git runs for real.
class FakeToolchain : public ProcessRunner {
 public:
  ProcessResult Run(const ProcessSpec& spec, const LineSink& sink, const std::atomic<bool>* cancel) override {
    calls.push_back(spec.label.empty() ? spec.argv[0] : spec.label);
    ProcessResult r;
    r.reason = EndReason::kExited;
    r.exitCode = 0;
    if (spec.argv[0] == "git") return real_->Run(spec, sink, cancel);
    if (spec.label.empty()) {  // toolchain version probe
      if (missing_tool) {
        r.reason = EndReason::kFailedToStart;
        return r;
      }
      r.output = "v20.20.2\n";
      return r;
    }
    if (spec.label == "install" && offline) {
      r.exitCode = 1;
      r.output = "npm error code ENOTFOUND\nnpm error network request to https://registry.npmjs.org/x failed\n";
      return r;
    }
    if (spec.label == "test") {
      bool impl = ReadFile(spec.cwd / "src/post/service.ts").find("implemented: true") != std::string::npos;
      std::string cases;
      int failures = 0;
      auto add = [&](const std::string& suite, const std::string& name, bool pass) {
        cases += "<testsuite name=\"" + suite + "\"><testcase classname=\"" + suite + "\" name=\"" + name + "\">";
        if (!pass) {
          cases += "<failure message=\"expected 501 to be 201\">at " + suite + ":3</failure>";
          ++failures;
        }
        cases += "</testcase></testsuite>";
      };
      add("test/system.test.ts", "health", true);
      add("test/post.test.ts", "creates a post", impl && !break_green);
      add("test/post.test.ts", "lists posts", impl || hollow_test);
      fs::create_directories(spec.cwd / "reports");
      std::ofstream(spec.cwd / "reports/junit.xml") << "<testsuites>" << cases << "</testsuites>";
      r.exitCode = failures ? 1 : 0;
      if (sink) sink(std::to_string(failures) + " failed");
      return r;
    }
    return r;
  }
  std::vector<std::string> calls;
  bool offline = false, hollow_test = false, break_green = false, missing_tool = false;

 private:
  std::unique_ptr<ProcessRunner> real_ = MakeLocalRunner();
};

class FixedClock : public Clock {
 public:
  std::chrono::system_clock::time_point Now() const override {
    return std::chrono::system_clock::time_point(std::chrono::milliseconds(1705312800000 + 100 * ticks_++));
  }
 private:
  mutable int64_t ticks_ = 0;
};

class PipelineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto reg = generate::TargetRegistry::Default(std::string(BF_SOURCE_DIR) + "/testdata/generate/templates");
    ASSERT_TRUE(reg.ok()) << reg.error().message;
    registry_ = std::move(*reg);
    root_ = fs::temp_directory_path() / ("bf-pipe-" + std::to_string(::getpid()) + "-" +
                                         ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
  }
  void TearDown() override { fs::remove_all(root_); }

  PipelineResult RunIt() {
    const generate::Target* target = *registry_.Find("mini");
    Pipeline p(*target, tools_, clock_);
    PipelineOptions o;
    o.outDir = root_ / "app";
    o.description = "a blog";
    return p.Run(spec::testing::BlogSpec(), o, [&](const ProgressEvent& e) {
      if (e.logLine.empty()) events_.push_back(e.step->name + ":" + e.step->status);
    });
  }

  generate::TargetRegistry registry_;
  FakeToolchain tools_;
  FixedClock clock_;
  fs::path root_;
  std::vector<std::string> events_;
};

TEST_F(PipelineTest, RedThenGreenThenCommit) {
  PipelineResult r = RunIt();
  ASSERT_TRUE(r.ok) << r.error;
  ASSERT_EQ(r.steps.size(), Pipeline::Steps().size());
  const StepRecord& red = r.steps[3];
  EXPECT_EQ(red.name, "test-red");
  EXPECT_EQ(red.tests->failed, 2);
  EXPECT_EQ(red.tests->passed, 1) << "health may pass against stubs";
  EXPECT_EQ(r.steps[6].tests->Summary(), "3 passed, 0 failed");
  EXPECT_EQ(r.steps[0].startedAt, "2024-01-15T10:00:00.000Z");
  // The implementation replaced the stubs on disk.
  EXPECT_NE(ReadFile(root_ / "app/src/post/service.ts").find("implemented: true"), std::string::npos);
  // Records.
  auto record = nlohmann::json::parse(ReadFile(root_ / "app/.backendforge/pipeline.json"));
  EXPECT_EQ(record["steps"][3]["name"], "test-red");
  EXPECT_EQ(record["steps"][3]["tests"]["failed"], 2);
  EXPECT_EQ(record["steps"][6]["tests"]["passed"], 3);
  EXPECT_EQ(record["steps"][3]["log"], ".backendforge/logs/test-red.log");
  std::string tdd = ReadFile(root_ / "app/docs/TDD.md");
  EXPECT_NE(tdd.find("## Red: against the stubs"), std::string::npos);
  EXPECT_NE(tdd.find("failed: test/post.test.ts > creates a post"), std::string::npos);
  EXPECT_TRUE(fs::exists(root_ / "app/.git"));
  EXPECT_NE(ReadFile(root_ / "app/.backendforge/logs/test-red.log").find("2 failed"), std::string::npos);
  EXPECT_EQ(events_.front(), "toolchain:running");
  EXPECT_EQ(events_.back(), "commit:ok");
}

TEST_F(PipelineTest, ATestThatPassesAgainstStubsTestsNothing) {
  tools_.hollow_test = true;
  PipelineResult r = RunIt();
  ASSERT_FALSE(r.ok);
  EXPECT_EQ(r.steps.back().name, "test-red");
  EXPECT_NE(r.error.find("1 behavioural test(s) passed against the stubs, so they test nothing: test/post.test.ts > lists posts"),
            std::string::npos)
      << r.error;
  EXPECT_NE(r.error.find("log: "), std::string::npos);
  EXPECT_TRUE(fs::exists(root_ / "app/.backendforge/pipeline.json")) << "the record is kept on failure";
}

TEST_F(PipelineTest, GreenFailureNamesTheTest) {
  tools_.break_green = true;
  PipelineResult r = RunIt();
  ASSERT_FALSE(r.ok);
  EXPECT_EQ(r.steps.back().name, "test-green");
  EXPECT_NE(r.error.find("test/post.test.ts > creates a post (test/post.test.ts:3): expected 501 to be 201"), std::string::npos)
      << r.error;
}

TEST_F(PipelineTest, UnreachableRegistryIsExplained) {
  tools_.offline = true;
  PipelineResult r = RunIt();
  ASSERT_FALSE(r.ok);
  EXPECT_EQ(r.steps.back().name, "install");
  EXPECT_NE(r.error.find("the package registry is unreachable"), std::string::npos) << r.error;
}

TEST_F(PipelineTest, MissingToolchainIsExplainedBeforeWritingAnything) {
  tools_.missing_tool = true;
  PipelineResult r = RunIt();
  ASSERT_FALSE(r.ok);
  EXPECT_EQ(r.steps.back().name, "toolchain");
  EXPECT_NE(r.error.find("node is not installed or not in PATH (install it with: apt install nodejs npm)"), std::string::npos)
      << r.error;
  EXPECT_FALSE(fs::exists(root_ / "app"));
}

TEST_F(PipelineTest, ANonEmptyOutputFolderIsLeftAlone) {
  fs::create_directories(root_ / "app");
  std::ofstream(root_ / "app/mine.txt") << "keep";
  PipelineResult r = RunIt();
  ASSERT_FALSE(r.ok);
  EXPECT_EQ(r.steps.back().name, "generate-tests");
  EXPECT_EQ(ReadFile(root_ / "app/mine.txt"), "keep");
  EXPECT_FALSE(fs::exists(root_ / "app/.backendforge"));
}

TEST(RedClassification, OnlyAllowedSuitesMayPass) {
  TestReport r;
  r.cases.push_back(TestCase{.suite = "test/system.test.ts", .name = "health", .status = TestStatus::kPassed});
  r.cases.push_back(TestCase{.suite = "test/post.test.ts", .name = "lists", .status = TestStatus::kPassed});
  r.cases.push_back(TestCase{.suite = "test/post.test.ts", .name = "creates", .status = TestStatus::kFailed});
  EXPECT_EQ(TestsThatTestNothing(r, {"system.test"}), std::vector<std::string>{"test/post.test.ts > lists"});
}

}  // namespace
}  // namespace bf::run
