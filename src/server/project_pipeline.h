// The seam between jobs and the code that generates and tests a project: the product uses
// run::Pipeline (test-first: red, green, lint) with every command in the bubblewrap sandbox;
// handler tests use a fake. Implementations are thread-safe; each call runs on a job thread.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "common/result.h"
#include "server/jobs.h"
#include "spec/app_spec.h"

namespace bf::server {

struct GenerateRequest {
  spec::AppSpec spec;
  std::string stack;     // target id; empty = from the spec
  std::string database;  // empty = spec / target default
  std::string description;
  std::filesystem::path projectDir;  // replaced only when generation succeeds (unless stagingDir is set)
  std::string authorName;   // the acting user: author of the generation commits
  std::string authorEmail;
  // The package cache of the install step (per workspace: one tenant's install never writes
  // what another tenant's install reads); empty: none (every install downloads and compiles).
  std::filesystem::path packageCacheDir;
  // Regeneration (see project_regenerate.h): non-empty means build and prove the project in this
  // folder (which must not exist yet) and leave it there, with its repository's `generated`
  // branch holding the generator's output; projectDir is then not touched, the caller merges
  // the output into it. On failure the folder is removed.
  std::filesystem::path stagingDir;
};

struct GenerateOutcome {
  std::string stack;
  std::string database;
  nlohmann::json record;  // steps with timings and test counts (red and green runs)
  nlohmann::json testRuns = nlohmann::json::array();  // [{phase,status,passed,failed,skipped,durationMs,results}]
};

struct TestRequest {
  std::string stack;
  std::filesystem::path projectDir;
  std::string filter;  // substring of test names to keep; empty = all
};

struct TestOutcome {
  std::string status;  // "passed" | "failed" | "error"
  int passed = 0, failed = 0, skipped = 0;
  int64_t durationMs = 0;
  nlohmann::json results = nlohmann::json::array();  // [{name,status,message,timeMs}]
  std::string summary;
};

// How a stack's generated backend is started (the target manifest's "run" command and env).
struct RunCommand {
  std::vector<std::string> argv;
  std::map<std::string, std::string> env;  // the target's own variables (NODE_ENV=test, ...)
  int timeoutSeconds = 86400;
  bool buildsFirst = false;  // the build output is stale: argv builds (and stamps it), then serves
};

class ProjectPipeline {
 public:
  virtual ~ProjectPipeline() = default;
  // The stacks (target ids) available, for validation and the API.
  virtual std::vector<std::string> Stacks() const = 0;
  virtual Result<GenerateOutcome> Generate(JobContext& ctx, const GenerateRequest& request) = 0;
  virtual Result<TestOutcome> RunTests(JobContext& ctx, const TestRequest& request) = 0;
  // The command that serves the generated project in `projectDir` of `stack` (live preview); it
  // builds the project first when its build output is older than its sources.
  virtual Result<RunCommand> PreviewCommand(const std::string& stack, const std::filesystem::path& projectDir) const = 0;
};

struct SandboxedPipelineOptions {
  std::string templatesDir;  // empty = embedded templates
  bool requireSandbox = true;  // refuse to run commands when bubblewrap is unusable
};

// run::Pipeline over the target registry, every command in run::SandboxRunner.
Result<std::unique_ptr<ProjectPipeline>> MakeSandboxedPipeline(const SandboxedPipelineOptions& options);

}  // namespace bf::server
