// The product's ProjectPipeline: run::Pipeline (test-first) and test runs, with every command of
// the generated project inside the bubblewrap sandbox (network only for the install step).
#include <filesystem>
#include <fstream>
#include <thread>

#include "common/strings.h"
#include "generate/generator.h"
#include "run/build_stamp.h"
#include "run/junit.h"
#include "run/pipeline.h"
#include "run/sandbox.h"
#include "run/test_run.h"
#include "server/project_pipeline.h"
#include "store/ids.h"

namespace bf::server {

namespace fs = std::filesystem;

namespace {

bool IsInside(const fs::path& p, const fs::path& dir) {
  auto a = fs::weakly_canonical(p);
  auto b = fs::weakly_canonical(dir);
  auto [ai, bi] = std::mismatch(b.begin(), b.end(), a.begin(), a.end());
  return ai == b.end();
}

// Routes each command: those in the project folder run in the sandbox (with network only for
// "install"); the toolchain probes the pipeline runs from a temporary folder (`node --version`)
// run directly, as they execute nothing from the project.
// The package cache (when there is one) is writable only for the install step and the
// after-install hook, never for builds, tests or previews.
class StepRunner final : public run::ProcessRunner {
 public:
  explicit StepRunner(const fs::path& project, const fs::path& cache = {})
      : project_(project),
        offline_(run::SandboxPolicy{.projectDir = project, .network = false}),
        online_(Policy(project, cache, true)),
        hook_(Policy(project, cache, false)),
        local_(run::MakeLocalRunner()) {}

  run::ProcessResult Run(const run::ProcessSpec& spec, const run::LineSink& sink,
                         const std::atomic<bool>* cancel) override {
    if (!IsInside(spec.cwd, project_)) return local_->Run(spec, sink, cancel);
    run::SandboxPolicy policy{.projectDir = project_};
    if (auto st = run::PrepareProjectForSandbox(project_, policy); !st.ok()) {
      run::ProcessResult r;
      r.reason = run::EndReason::kFailedToStart;
      r.output = st.error().message;
      return r;
    }
    if (spec.label == "after-install") return hook_.Run(spec, sink, cancel);
    return (spec.label == "install" ? online_ : offline_).Run(spec, sink, cancel);
  }

 private:
  static run::SandboxPolicy Policy(const fs::path& project, const fs::path& cache, bool network) {
    run::SandboxPolicy p{.projectDir = project, .network = network};
    if (!cache.empty()) p.writable.push_back(cache);
    return p;
  }

  fs::path project_;
  run::SandboxRunner offline_;
  run::SandboxRunner online_;
  run::SandboxRunner hook_;
  std::unique_ptr<run::ProcessRunner> local_;
};

// Turns the job's cancellation (a server shutdown, a user's cancel) into the runner's flag while a
// command runs, also when the command prints nothing for a long time.
class CancelWatch {
 public:
  CancelWatch(JobContext& ctx, std::atomic<bool>& flag)
      : thread_([&ctx, &flag](std::stop_token stop) {
          while (!stop.stop_requested() && !flag) {
            if (ctx.Cancelled()) flag = true;
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
          }
        }) {}

 private:
  std::jthread thread_;
};

nlohmann::json CasesJson(const run::TestReport& r) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& c : r.cases) {
    out.push_back({{"name", c.FullName()},
                   {"status", std::string(run::ToString(c.status))},
                   {"message", c.message},
                   {"location", c.location},
                   {"timeMs", static_cast<int64_t>(c.seconds * 1000)}});
  }
  return out;
}

class SandboxedPipeline final : public ProjectPipeline {
 public:
  SandboxedPipeline(generate::TargetRegistry registry, SandboxedPipelineOptions options)
      : registry_(std::move(registry)), options_(std::move(options)) {}

  std::vector<std::string> Stacks() const override {
    std::vector<std::string> ids;
    for (const auto& t : registry_.targets()) ids.push_back(t.manifest.id);
    return ids;
  }

  Result<GenerateOutcome> Generate(JobContext& ctx, const GenerateRequest& req) override {
    if (auto st = CheckSandbox(); !st.ok()) return st.error();
    auto target = FindTarget(req.spec, req.stack);
    if (!target) return target.error();
    auto db = generate::ResolveDatabase(req.spec, **target, req.database);
    if (!db) return db.error();

    // Generate into a fresh sibling folder; the project folder is replaced only on success, so
    // a failed or cancelled run leaves the previous files in place. A regeneration names its own
    // staging folder and keeps it: the caller merges its output into the project's repository.
    const bool keep_staging = !req.stagingDir.empty();
    fs::path staging = keep_staging ? req.stagingDir
                                    : req.projectDir.parent_path() /
                                          (req.projectDir.filename().string() + ".gen-" + ctx.job().id);
    std::error_code ec;
    fs::remove_all(staging, ec);
    fs::path cache;
    if (!req.packageCacheDir.empty() && !(*target)->manifest.installCacheEnv.empty()) {
      cache = req.packageCacheDir / (*target)->manifest.id;
      fs::create_directories(cache, ec);
      // Owned by the sandbox uid, which writes it during installs.
      if (auto st = run::PrepareProjectForSandbox(req.packageCacheDir, run::SandboxPolicy{.projectDir = cache});
          !st.ok()) {
        return st.error();
      }
    }
    StepRunner runner(staging, cache);
    run::Pipeline pipeline(**target, runner);
    run::PipelineOptions po;
    po.installCacheDir = cache;
    po.outDir = staging;
    po.database = *db;
    po.description = req.description;
    if (!req.authorEmail.empty()) {
      po.authorName = req.authorName;
      po.authorEmail = req.authorEmail;
    }
    std::atomic<bool> cancel{false};
    CancelWatch watch(ctx, cancel);
    po.cancel = &cancel;
    auto steps = static_cast<int>(run::Pipeline::Steps().size());
    run::PipelineResult r = pipeline.Run(req.spec, po, [&](const run::ProgressEvent& e) {
      if (ctx.Cancelled()) cancel = true;
      if (!e.logLine.empty()) {
        ctx.Log(e.logLine);
        return;
      }
      if (!e.step) return;
      int done = e.stepIndex + (e.step->status == "running" ? 0 : 1);
      ctx.Progress(done * 100 / std::max(1, steps), e.step->title + (e.step->status == "running" ? "" : ": " + e.step->status));
      if (e.step->tests && (e.step->name == "test-red" || e.step->name == "test-green" || e.step->name == "test-final")) {
        ctx.Emit("test.result", {{"jobId", ctx.job().id},
                                 {"phase", e.step->name.substr(5)},
                                 {"passed", e.step->tests->passed},
                                 {"failed", e.step->tests->failed},
                                 {"skipped", e.step->tests->skipped},
                                 {"summary", e.step->tests->Summary()}});
      }
    });
    GenerateOutcome out;
    out.stack = (*target)->manifest.id;
    out.database = *db;
    out.record = nlohmann::json::array();
    for (const auto& s : r.steps) {
      out.record.push_back(nlohmann::json::parse(run::ToJson(s).dump()));
      if (s.tests && (s.name == "test-red" || s.name == "test-green")) {
        out.testRuns.push_back({{"phase", s.name.substr(5)},
                                {"status", s.tests->failed == 0 ? "passed" : "failed"},
                                {"passed", s.tests->passed},
                                {"failed", s.tests->failed},
                                {"skipped", s.tests->skipped},
                                {"durationMs", s.durationMs},
                                {"results", CasesJson(*s.tests)}});
      }
    }
    if (!r.ok) {
      fs::remove_all(staging, ec);
      if (ctx.Cancelled()) return MakeError("jobs.cancelled", "cancelled");
      return MakeError("pipeline.failed", r.error);
    }
    if (keep_staging) return out;
    if (auto st = Swap(staging, req.projectDir); !st.ok()) return st.error();
    return out;
  }

  Result<TestOutcome> RunTests(JobContext& ctx, const TestRequest& req) override {
    if (auto st = CheckSandbox(); !st.ok()) return st.error();
    spec::AppSpec none;
    auto target = FindTarget(none, req.stack);
    if (!target) return target.error();
    StepRunner runner(req.projectDir);
    std::atomic<bool> cancel{false};
    CancelWatch watch(ctx, cancel);
    ctx.Progress(5, req.filter.empty() ? "running the tests" : "running the tests matching " + Quote(req.filter));
    int lines = 0;
    run::TestRunOptions opt{.filter = req.filter, .cancel = &cancel, .log = [&](const std::string& line) {
                              if (ctx.Cancelled()) cancel = true;
                              ctx.Log(line);
                              if (++lines % 20 == 0) ctx.Progress(50, "running tests");
                            }};
    auto run = run::RunProjectTests((*target)->manifest, runner, req.projectDir, opt);
    if (ctx.Cancelled() || (!run && run.error().code == "run.cancelled")) return MakeError("jobs.cancelled", "cancelled");
    if (!run) return run.error();
    TestOutcome out;
    out.status = run->status;
    out.durationMs = run->process.duration.count();
    out.passed = run->report.passed;
    out.failed = run->report.failed;
    out.skipped = run->report.skipped;
    out.results = CasesJson(run->report);
    out.summary = run->summary;
    return out;
  }

  Result<RunCommand> PreviewCommand(const std::string& stack, const fs::path& projectDir) const override {
    auto target = registry_.Find(stack);
    if (!target) return target.error();
    const auto& m = (*target)->manifest;
    auto cmd = m.commands.find("run");
    if (cmd == m.commands.end()) return MakeError("preview.command", "the stack " + m.id + " has no run command");
    RunCommand out{cmd->second.argv, m.env, cmd->second.timeoutSeconds};
    if (run::BuildIsCurrent(m, projectDir)) return out;
    // Edited or merged sources: build (in the same sandbox), stamp the output with the sources
    // it was built from, then serve.
    auto build = m.commands.find("build");
    auto stamp = run::SourceStamp(m, projectDir);
    if (build == m.commands.end() || !stamp) return out;
    out.argv = run::BuildThenRun(build->second.argv, *stamp, run::BuildStampPath(m), cmd->second.argv);
    out.buildsFirst = true;
    return out;
  }

 private:
  Status CheckSandbox() const {
    if (!options_.requireSandbox) return Status::Ok();
    const auto& s = run::ProbeSandbox();
    if (!s.bwrap) {
      return MakeError("pipeline.sandbox", "generated code runs only in the sandbox, which is unusable here: " + s.problem +
                                               " (install bubblewrap: apt install bubblewrap)");
    }
    return Status::Ok();
  }

  Result<const generate::Target*> FindTarget(const spec::AppSpec& spec, const std::string& stack) const {
    if (!stack.empty()) return registry_.Find(stack);
    if (registry_.targets().empty()) {
      return MakeError("generate.target", "this build has no stacks to generate (the templates folder is empty)");
    }
    for (const auto& t : registry_.targets()) {
      bool lang = spec.stack.language.empty() || t.manifest.language == spec.stack.language;
      bool fw = spec.stack.framework.empty() || t.manifest.framework == spec.stack.framework;
      if (lang && fw && !spec.stack.language.empty()) return &t;
    }
    if (auto n = registry_.Find("node-express"); n.ok()) return n;
    return &registry_.targets().front();
  }

  static Status Swap(const fs::path& staging, const fs::path& dir) {
    std::error_code ec;
    fs::path old = dir.parent_path() / (dir.filename().string() + ".old-" + store::NewId());
    bool had = fs::exists(dir, ec);
    if (had) fs::rename(dir, old, ec);
    if (ec) return MakeError("io.write", "cannot move " + dir.string() + " aside: " + ec.message());
    fs::rename(staging, dir, ec);
    if (ec) {
      if (had) fs::rename(old, dir, ec);
      return MakeError("io.write", "cannot move the generated project into " + dir.string());
    }
    if (had) fs::remove_all(old, ec);
    return Status::Ok();
  }

  generate::TargetRegistry registry_;
  SandboxedPipelineOptions options_;
};

}  // namespace

Result<std::unique_ptr<ProjectPipeline>> MakeSandboxedPipeline(const SandboxedPipelineOptions& options) {
  auto registry = generate::TargetRegistry::Default(options.templatesDir);
  if (!registry) return registry.error();
  return std::unique_ptr<ProjectPipeline>(new SandboxedPipeline(std::move(*registry), options));
}

}  // namespace bf::server
