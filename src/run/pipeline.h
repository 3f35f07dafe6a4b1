// The test-first pipeline: from a spec to a backend that is proven by its own tests.
//   generate tests + stubs -> install -> test (must fail: red) -> implement -> build ->
//   test (must pass: green) -> format + lint -> test again -> git commit,
// with a machine-readable record (.backendforge/pipeline.json) and a human one (docs/TDD.md).
#pragma once

#include <atomic>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "generate/generator.h"
#include "run/clock.h"
#include "run/junit.h"
#include "run/process.h"
#include "spec/app_spec.h"

namespace bf::run {

struct StepRecord {
  std::string name;     // "generate-tests", "install", "test-red", ...
  std::string title;    // "Write the tests and stub implementation"
  std::string status;   // "ok" | "failed" | "skipped"
  std::string startedAt;
  int64_t durationMs = 0;
  std::optional<TestReport> tests;
  std::string detail;   // one line: what happened (and why it failed)
  std::string logPath;  // relative to the project, when the step ran a command
};

struct PipelineResult {
  bool ok = false;
  std::vector<StepRecord> steps;
  std::string error;  // when !ok: which step, why, and where the log is
  std::filesystem::path projectDir;
};

// Progress as it happens: a step started (status "running") or ended; log lines as they come.
struct ProgressEvent {
  int stepIndex = 0;
  int stepCount = 0;
  const StepRecord* step = nullptr;
  std::string logLine;  // non-empty for log events
};
using ProgressSink = std::function<void(const ProgressEvent&)>;

struct PipelineOptions {
  std::filesystem::path outDir;         // must not exist or be empty
  std::string database;                 // empty: spec / target default
  // Extra environment for test commands (e.g. TEST_DATABASE_URL=postgres://...).
  std::map<std::string, std::string> testEnv;
  bool commit = true;                   // git init + commit at the end
  std::string authorName = "BackendForge";
  std::string authorEmail = "backendforge@localhost";
  std::string description;              // the user's words, for docs/TDD.md
  const std::atomic<bool>* cancel = nullptr;
};

class Pipeline {
 public:
  Pipeline(const generate::Target& target, ProcessRunner& runner, const Clock& clock = SystemClock())
      : target_(target), runner_(runner), clock_(clock) {}

  // Runs every step; stops at the first failure (the project folder is kept for inspection,
  // with the logs). Returns an error only for problems before anything was written.
  PipelineResult Run(const spec::AppSpec& spec, const PipelineOptions& options, const ProgressSink& progress = {});

  // The names and titles of the steps, in order (for progress bars and docs).
  static const std::vector<std::pair<std::string, std::string>>& Steps();

 private:
  const generate::Target& target_;
  ProcessRunner& runner_;
  const Clock& clock_;
};

// Classifies a red run: every test not matched by `stubMayPass` must fail. Returns the full
// names of behavioural tests that passed against stubs (they test nothing).
std::vector<std::string> TestsThatTestNothing(const TestReport& red, const std::vector<std::string>& stubMayPass);

// Checks the target's toolchain (e.g. node >= 20, npm); the error names what is missing and
// how to install it.
Status CheckToolchain(const generate::Manifest& manifest, ProcessRunner& runner);

// Renders docs/TDD.md from the records.
std::string RenderTddMarkdown(const spec::AppSpec& spec, const generate::Manifest& manifest, const std::string& database,
                              const std::vector<StepRecord>& steps, const std::string& description);
nlohmann::ordered_json ToJson(const StepRecord& s);

}  // namespace bf::run
