#include "run/test_run.h"

#include <fstream>
#include <iterator>

#include "common/strings.h"

namespace bf::run {

namespace fs = std::filesystem;

bool IsProjectTestFile(const fs::path& projectDir, const std::string& file) {
  if (file.empty() || file.front() == '-' || file.front() == '/') return false;
  fs::path rel = fs::path(file).lexically_normal();
  for (const auto& part : rel) {
    if (part == "..") return false;
  }
  std::error_code ec;
  return fs::is_regular_file(projectDir / rel, ec);
}

Result<TestRunResult> RunProjectTests(const generate::Manifest& m, ProcessRunner& runner, const fs::path& projectDir,
                                      const TestRunOptions& o) {
  auto cmd = m.commands.find("test");
  if (cmd == m.commands.end()) return MakeError("pipeline.command", "the stack " + m.id + " has no test command");
  std::error_code ec;
  if (!fs::is_directory(projectDir, ec)) {
    return MakeError("pipeline.not_generated", "the project has no generated code yet (" + projectDir.string() + " is not a folder); generate it first");
  }
  fs::path report = projectDir / m.testReportPath;
  fs::remove(report, ec);
  ProcessSpec ps;
  ps.argv = cmd->second.argv;
  for (auto& a : generate::TestFilterArguments(m, o.filter, [&](const std::string& f) { return IsProjectTestFile(projectDir, f); })) {
    ps.argv.push_back(std::move(a));
  }
  ps.cwd = projectDir;
  std::map<std::string, std::string> env = m.env;
  for (const auto& [k, v] : o.env) env[k] = v;
  ps.env = BaseEnvironment(env);
  ps.limits.wallTime = std::chrono::seconds(cmd->second.timeoutSeconds);
  ps.label = "test";
  if (o.log) o.log("$ " + Join(ps.argv, " "));
  TestRunResult out;
  out.process = runner.Run(ps, o.log, o.cancel);
  const ProcessResult& pr = out.process;
  if (pr.reason == EndReason::kCancelled) return MakeError("run.cancelled", "the test run was cancelled");
  if (pr.reason == EndReason::kFailedToStart) return MakeError("pipeline.command", pr.Summary());
  const std::string limit = pr.limitHit.empty() ? "" : "the run reached the sandbox's " + pr.limitHit + " (" + pr.Summary() + ")";
  std::ifstream in(report, std::ios::binary);
  if (!in) {
    out.status = "error";
    out.summary = !limit.empty() ? limit + "; the test runner wrote no report"
                                 : "the test runner wrote no report at " + m.testReportPath + " (" + pr.Summary() + ")";
    return out;
  }
  std::string xml((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto parsed = ParseJUnit(xml);
  if (!parsed) {
    out.status = "error";
    out.summary = !limit.empty() ? limit + "; its test report is unusable (" + parsed.error().message + ")" : parsed.error().message;
    return out;
  }
  out.report = std::move(*parsed);
  TestReport& rep = out.report;
  if (!o.filter.empty()) {
    std::erase_if(rep.cases, [&](const TestCase& c) { return c.FullName().find(o.filter) == std::string::npos; });
    rep.passed = rep.failed = rep.skipped = 0;
    for (const auto& c : rep.cases) {
      if (c.status == TestStatus::kPassed) ++rep.passed;
      else if (c.status == TestStatus::kSkipped) ++rep.skipped;
      else ++rep.failed;
    }
  }
  out.status = rep.failed == 0 && pr.ok() && limit.empty() ? "passed" : "failed";
  out.summary = rep.Summary();
  if (!limit.empty()) out.summary += "; " + limit;
  else if (rep.failed == 0 && !pr.ok()) out.summary += "; the test command " + pr.Summary();
  if (!o.filter.empty() && rep.total() == 0) {
    out.status = "failed";
    out.summary = "no test matches " + Quote(o.filter) + " (" + out.summary + ")";
  }
  return out;
}

}  // namespace bf::run
