// One run of a generated project's tests outside the pipeline (the Tests tab, POST
// /api/test/run, `backendforge test`): the target's test command, narrowed to a filter when the
// runner supports it, with the JUnit report read back and narrowed to the filter again.
#pragma once

#include <atomic>
#include <filesystem>
#include <map>
#include <string>

#include "common/result.h"
#include "generate/manifest.h"
#include "run/junit.h"
#include "run/process.h"

namespace bf::run {

struct TestRunOptions {
  // A test's full name as reports show it ("test/posts.test.ts > Post > rejects ..."), a test
  // file, or a part of a name; empty runs every test.
  std::string filter;
  std::map<std::string, std::string> env;  // added to the target's own environment
  const std::atomic<bool>* cancel = nullptr;
  LineSink log;
};

struct TestRunResult {
  std::string status;  // "passed" | "failed" | "error" (no usable report)
  TestReport report;   // the tests the filter names
  ProcessResult process;
  std::string summary;  // "12 passed, 0 failed", or what went wrong (a limit reached, no report)
};

// Errors: the target has no test command, the project folder is missing, the command could not
// start, or the run was cancelled ("run.cancelled").
Result<TestRunResult> RunProjectTests(const generate::Manifest& manifest, ProcessRunner& runner,
                                      const std::filesystem::path& projectDir, const TestRunOptions& options);

// A filter's file part names a test file only when it is a plain relative path to a regular file
// of the project (no "..", not absolute, not an option).
bool IsProjectTestFile(const std::filesystem::path& projectDir, const std::string& file);

}  // namespace bf::run
