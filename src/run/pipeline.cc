#include "run/pipeline.h"

#include <fstream>
#include <regex>
#include <set>

#include "common/strings.h"
#include "run/build_stamp.h"
#include "run/install_cache.h"
#include "spec/naming.h"
#include "spec/spec_json.h"
#include "vcs/repo.h"

namespace bf::run {

namespace fs = std::filesystem;
using nlohmann::ordered_json;

const std::vector<std::pair<std::string, std::string>>& Pipeline::Steps() {
  static const std::vector<std::pair<std::string, std::string>> steps = {
      {"toolchain", "Check the toolchain"},
      {"generate-tests", "Write the tests and a stub implementation"},
      {"install", "Install dependencies"},
      {"test-red", "Run the tests against the stubs (they must fail)"},
      {"implement", "Write the implementation"},
      {"build", "Build"},
      {"test-green", "Run the tests against the implementation (they must pass)"},
      {"format-lint", "Format and lint"},
      {"test-final", "Run the tests again after formatting"},
      {"commit", "Commit to git"},
  };
  return steps;
}

std::vector<std::string> TestsThatTestNothing(const TestReport& red, const std::vector<std::string>& stubMayPass) {
  std::vector<std::string> out;
  for (const auto& c : red.cases) {
    if (c.status != TestStatus::kPassed) continue;
    bool allowed = std::any_of(stubMayPass.begin(), stubMayPass.end(), [&](const std::string& p) {
      return c.suite.find(p) != std::string::npos || c.classname.find(p) != std::string::npos;
    });
    if (!allowed) out.push_back(c.FullName());
  }
  return out;
}

namespace {

// The numeric major version in "v20.20.2" / "git version 2.39.5" / "10.8.1".
int MajorVersion(const std::string& text) {
  static const std::regex kVersion(R"((\d+)(?:\.\d+)+)");
  std::smatch m;
  if (std::regex_search(text, m, kVersion)) return std::stoi(m[1]);
  return -1;
}

std::string LastLines(const std::string& text, size_t n) {
  std::vector<std::string> lines;
  for (auto& l : Split(text, '\n')) {
    if (!Trim(l).empty()) lines.push_back(l);
  }
  size_t from = lines.size() > n ? lines.size() - n : 0;
  return Join(std::vector<std::string>(lines.begin() + static_cast<ptrdiff_t>(from), lines.end()), "\n");
}

bool LooksLikeNetworkFailure(const std::string& out) {
  for (const char* marker : {"ENOTFOUND", "EAI_AGAIN", "ECONNREFUSED", "ETIMEDOUT", "ECONNRESET", "getaddrinfo",
                             "network request", "Could not resolve host", "Temporary failure in name resolution"}) {
    if (out.find(marker) != std::string::npos) return true;
  }
  return false;
}

// Failures that mean the tests never ran against the stubs (they could not load).
bool IsLoadError(const TestCase& c) {
  for (const char* marker : {"Cannot find module", "Failed to load", "SyntaxError", "Transform failed", "ERR_MODULE_NOT_FOUND",
                             "Failed to resolve import"}) {
    if (c.message.find(marker) != std::string::npos || c.details.find(marker) != std::string::npos) return true;
  }
  return false;
}

class Run {
 public:
  Run(const generate::Target& target, ProcessRunner& runner, const Clock& clock, const spec::AppSpec& spec,
      const PipelineOptions& options, const ProgressSink& progress)
      : target_(target), runner_(runner), clock_(clock), spec_(spec), opt_(options), progress_(progress) {}

  PipelineResult Go() {
    result_.projectDir = opt_.outDir;
    auto db = generate::ResolveDatabase(spec_, target_, opt_.database);
    if (!db) return Fail(db.error().message);
    database_ = *db;
    if (!Step("toolchain", [&] { return Toolchain(); })) return Finish();
    if (!Step("generate-tests", [&] { return WriteStubs(); })) return Finish();
    if (!Step("install", [&] { return Install(); })) return Finish();
    if (!Step("test-red", [&] { return TestRed(); })) return Finish();
    if (!Step("implement", [&] { return Implement(); })) return Finish();
    if (!Step("build", [&] { return Command("build", "build"); })) return Finish();
    if (!Step("test-green", [&] { return TestGreen("test-green"); })) return Finish();
    if (!Step("format-lint", [&] { return FormatAndLint(); })) return Finish();
    if (!Step("test-final", [&] { return TestGreen("test-final"); })) return Finish();
    if (!Step("commit", [&] { return Commit(); })) return Finish();
    result_.ok = true;
    return result_;
  }

 private:
  using StepFn = std::function<Status()>;

  PipelineResult Fail(const std::string& msg) {
    result_.ok = false;
    result_.error = msg;
    return result_;
  }

  PipelineResult Finish() {
    // Keep the record of what happened next to the project, even on failure.
    if (written_) WriteRecords();
    return result_;
  }

  int Index(const std::string& name) const {
    const auto& steps = Pipeline::Steps();
    for (size_t i = 0; i < steps.size(); ++i) {
      if (steps[i].first == name) return static_cast<int>(i);
    }
    return -1;
  }

  bool Step(const std::string& name, const StepFn& fn) {
    StepRecord rec;
    rec.name = name;
    rec.title = Pipeline::Steps()[static_cast<size_t>(Index(name))].second;
    rec.status = "running";
    auto start = clock_.Now();
    rec.startedAt = Iso8601(start);
    current_ = &rec;
    Emit(rec);
    Status s = Status::Ok();
    if (opt_.cancel && opt_.cancel->load()) {
      s = MakeError("pipeline.cancelled", "cancelled before " + rec.title);
    } else {
      s = fn();
    }
    rec.durationMs = std::chrono::duration_cast<std::chrono::milliseconds>(clock_.Now() - start).count();
    rec.status = s.ok() ? "ok" : "failed";
    if (!s.ok()) {
      if (rec.detail.empty()) rec.detail = s.error().message;
      result_.error = "step \"" + rec.title + "\" failed: " + s.error().message;
      if (!rec.logPath.empty()) result_.error += " (log: " + (opt_.outDir / rec.logPath).string() + ")";
    }
    result_.steps.push_back(rec);
    current_ = nullptr;
    Emit(result_.steps.back());
    return s.ok();
  }

  void Emit(const StepRecord& rec, const std::string& line = "") {
    if (!progress_) return;
    ProgressEvent ev;
    ev.stepIndex = Index(rec.name);
    ev.stepCount = static_cast<int>(Pipeline::Steps().size());
    ev.step = &rec;
    ev.logLine = line;
    progress_(ev);
  }

  std::map<std::string, std::string> Env(bool for_tests) const {
    std::map<std::string, std::string> env = target_.manifest.env;
    for (const auto& [k, v] : extra_env_) env[k] = v;
    if (for_tests) {
      for (const auto& [k, v] : opt_.testEnv) env[k] = v;
    }
    return BaseEnvironment(env);
  }

  // Runs a manifest command, logging to .backendforge/logs/<log>.log.
  Result<ProcessResult> Exec(const std::string& command, const std::string& log, bool for_tests) {
    auto it = target_.manifest.commands.find(command);
    if (it == target_.manifest.commands.end()) {
      return MakeError("pipeline.command", "the target has no \"" + command + "\" command");
    }
    ProcessSpec ps;
    ps.argv = it->second.argv;
    ps.cwd = opt_.outDir;
    ps.env = Env(for_tests);
    ps.limits.wallTime = std::chrono::seconds(it->second.timeoutSeconds);
    ps.label = command;
    std::string log_rel = ".backendforge/logs/" + log + ".log";
    if (current_) current_->logPath = log_rel;
    fs::create_directories(opt_.outDir / ".backendforge/logs");
    std::ofstream logf(opt_.outDir / log_rel, std::ios::binary | std::ios::trunc);
    logf << "$ " << Join(ps.argv, " ") << "\n";
    StepRecord* rec = current_;
    ProcessResult r = runner_.Run(ps, [&](const std::string& line) {
      logf << line << "\n";
      if (rec) Emit(*rec, line);
    }, opt_.cancel);
    logf << "# " << r.Summary() << "\n";
    if (r.reason == EndReason::kFailedToStart) {
      return MakeError("pipeline.command", Quote(Join(ps.argv, " ")) + " " + r.Summary());
    }
    if (r.reason == EndReason::kCancelled) return MakeError("pipeline.cancelled", "cancelled");
    return r;
  }

  Status Command(const std::string& command, const std::string& log) {
    auto r = Exec(command, log, false);
    if (!r) return r.error();
    if (r->ok()) {
      current_->detail = r->Summary();
      return Status::Ok();
    }
    std::string why = r->Summary();
    if (command == "install" && LooksLikeNetworkFailure(r->output)) {
      return MakeError("pipeline.network", "the package registry is unreachable (" + why +
                                               "); check the network connection and the registry setting of the toolchain. Last output:\n" +
                                               LastLines(r->output, 5));
    }
    return MakeError("pipeline." + command, Join(target_.manifest.commands.at(command).argv, " ") + " " + why +
                                                ". Last output:\n" + LastLines(r->output, 15));
  }

  Status Toolchain() { return CheckToolchain(target_.manifest, runner_); }

  // The install with a BackendForge-owned package cache, then the target's after-install hook
  // (whose failure is recorded, never fatal: the next install just does the slow thing again).
  Status Install() {
    fs::path cache;
    if (!target_.manifest.installCacheEnv.empty()) {
      cache = opt_.installCacheDir.empty() ? InstallCacheDir(target_.manifest.id) : opt_.installCacheDir;
      std::error_code ec;
      fs::create_directories(cache, ec);
      extra_env_[target_.manifest.installCacheEnv] = cache.string();
    }
    for (auto& [k, v] : InstallEnvironment(target_.manifest.id)) extra_env_.try_emplace(k, v);
    Status s = Command("install", "install");
    extra_env_.clear();
    if (!s || cache.empty()) return s;
    std::string what;
    Status hook = AfterInstall(target_.manifest.id, opt_.outDir, cache, runner_, what);
    if (!hook) what = "after-install hook failed: " + hook.error().message;
    if (!what.empty()) current_->detail += "; " + what;
    return Status::Ok();
  }

  Status WriteStubs() {
    auto stub = generate::Generate(spec_, target_, {.mode = generate::Mode::kStub, .database = database_});
    if (!stub) return stub.error();
    auto impl = generate::Generate(spec_, target_, {.mode = generate::Mode::kImpl, .database = database_});
    if (!impl) return impl.error();
    impl_ = std::move(*impl);
    stub_paths_.clear();
    for (const auto& [p, c] : stub->files()) stub_paths_.insert(p);
    if (Status s = generate::WriteTreeAtomically(*stub, opt_.outDir); !s) return s;
    written_ = true;
    current_->detail = std::to_string(stub->size()) + " files";
    return Status::Ok();
  }

  Result<TestReport> RunTests(const std::string& log, ProcessResult& proc) {
    fs::path report = opt_.outDir / target_.manifest.testReportPath;
    std::error_code ec;
    fs::remove(report, ec);
    auto r = Exec("test", log, true);
    if (!r) return r.error();
    proc = *r;
    std::ifstream in(report, std::ios::binary);
    if (!in) {
      return MakeError("pipeline.report", "the test runner wrote no report at " + target_.manifest.testReportPath + " (" +
                                              r->Summary() + "). Last output:\n" + LastLines(r->output, 15));
    }
    std::string xml((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto parsed = ParseJUnit(xml);
    if (!parsed) return parsed.error();
    return parsed;
  }

  Status TestRed() {
    ProcessResult proc;
    auto report = RunTests("test-red", proc);
    if (!report) return report.error();
    current_->tests = *report;
    red_ = *report;
    current_->detail = report->Summary() + " against the stubs";
    if (report->total() == 0) return MakeError("pipeline.red", "no tests ran");
    auto nothing = TestsThatTestNothing(*report, target_.manifest.stubMayPass);
    if (!nothing.empty()) {
      return MakeError("pipeline.red", std::to_string(nothing.size()) + " behavioural test(s) passed against the stubs, so they test nothing: " +
                                           Join(nothing, "; "));
    }
    if (report->failed == 0) return MakeError("pipeline.red", "no test failed against the stubs");
    int load_errors = 0;
    for (const auto& c : report->cases) {
      if ((c.status == TestStatus::kFailed || c.status == TestStatus::kError) && IsLoadError(c)) ++load_errors;
    }
    if (load_errors == report->failed) {
      return MakeError("pipeline.red", "the tests failed to load instead of failing on behaviour: " + report->cases.front().message);
    }
    if (proc.ok()) return MakeError("pipeline.red", "the test command exited 0 although tests failed");
    return Status::Ok();
  }

  Status Implement() {
    std::vector<std::string> stub_only;
    for (const auto& p : stub_paths_) {
      if (!impl_.Contains(p)) stub_only.push_back(p);
    }
    for (const auto& p : stub_only) {
      std::error_code ec;
      fs::remove(opt_.outDir / p, ec);
    }
    generate::FileTree changed;
    for (const auto& [p, c] : impl_.files()) changed.Put(p, c, impl_.IsExecutable(p));
    if (Status s = generate::OverlayTree(changed, opt_.outDir); !s) return s;
    current_->detail = std::to_string(impl_.size()) + " files (" + std::to_string(stub_only.size()) + " stub-only removed)";
    return Status::Ok();
  }

  Status TestGreen(const std::string& log) {
    ProcessResult proc;
    auto report = RunTests(log, proc);
    if (!report) return report.error();
    current_->tests = *report;
    current_->detail = report->Summary();
    if (report->failed > 0) {
      std::vector<std::string> names;
      for (const auto& c : report->cases) {
        if (c.status == TestStatus::kFailed || c.status == TestStatus::kError) {
          names.push_back(c.FullName() + (c.location.empty() ? "" : " (" + c.location + ")") + ": " + c.message);
        }
        if (names.size() >= 5) break;
      }
      return MakeError("pipeline.green", std::to_string(report->failed) + " test(s) failed: " + Join(names, "; "));
    }
    if (report->passed == 0) return MakeError("pipeline.green", "no test passed");
    if (report->total() != red_.total()) {
      return MakeError("pipeline.green", "the suite changed between the red and the green run (" + std::to_string(red_.total()) +
                                             " vs " + std::to_string(report->total()) + " tests)");
    }
    if (!proc.ok()) return MakeError("pipeline.green", "the test command " + proc.Summary() + " although every test passed");
    return Status::Ok();
  }

  Status FormatAndLint() {
    std::vector<std::string> done;
    for (const char* cmd : {"format", "lint"}) {
      if (!target_.manifest.commands.count(cmd)) continue;
      if (Status s = Command(cmd, cmd); !s) return s;
      done.push_back(cmd);
    }
    current_->detail = done.empty() ? "the target has no format or lint command" : Join(done, " and ") + " clean";
    // The build output was made before the formatter ran; formatting changes no behaviour, so
    // it is stamped as built from the sources as they are now (a preview then starts without
    // building again; run/build_stamp.h).
    return WriteBuildStamp(target_.manifest, opt_.outDir);
  }

  void WriteRecords() {
    ordered_json j;
    j["generator"] = "backendforge";
    j["target"] = target_.manifest.id;
    j["database"] = database_;
    j["steps"] = ordered_json::array();
    for (const auto& s : result_.steps) j["steps"].push_back(ToJson(s));
    fs::create_directories(opt_.outDir / ".backendforge");
    std::ofstream(opt_.outDir / ".backendforge/pipeline.json", std::ios::trunc) << j.dump(2) << "\n";
    fs::create_directories(opt_.outDir / "docs");
    std::ofstream(opt_.outDir / "docs/TDD.md", std::ios::trunc)
        << RenderTddMarkdown(spec_, target_.manifest, database_, result_.steps, opt_.description);
  }

  Status Commit() {
    if (!opt_.commit) {
      current_->status = "skipped";
      current_->detail = "commit disabled";
      WriteRecords();
      return Status::Ok();
    }
    // The records describe every step before the commit; the commit itself is in git.
    WriteRecords();
    auto repo = vcs::Repo::Init(opt_.outDir);
    if (!repo) return repo.error();
    const vcs::Author author{opt_.authorName, opt_.authorEmail,
                             std::chrono::duration_cast<std::chrono::seconds>(clock_.Now().time_since_epoch()).count()};
    // `generated` records the generator's files as the pipeline finished them (after the
    // formatter), so a later regeneration merges against exactly what the user received.
    generate::FileTree output;
    for (const auto& [path, content] : impl_.files()) {
      std::ifstream in(opt_.outDir / path, std::ios::binary);
      if (!in) continue;  // removed by a formatter: not part of the output
      output.Put(path, std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>()),
                 impl_.IsExecutable(path));
    }
    std::string green = result_.steps.empty() || !result_.steps.back().tests ? std::string("see docs/TDD.md")
                                                                             : result_.steps.back().tests->Summary();
    std::string msg = "Generate " + spec_.title + " (" + target_.manifest.id + ", " + database_ + ")\n\n" +
                      "Generated by BackendForge from .backendforge/spec.json, test-first:\n" + "red: " + red_.Summary() +
                      " against the stubs; green: " + green + ".\n" +
                      vcs::GenerationTrailers(target_.manifest.id, database_);
    auto generated = repo->RecordGeneration(output, msg, author);
    if (!generated) return generated.error();
    // Everything else the run produced (records, logs) is the project's own history, on main.
    auto records = repo->CommitAll("Record the test-first run\n\ndocs/TDD.md and .backendforge/: red " + red_.Summary() +
                                       ", green " + green + ".\n",
                                   author);
    if (!records) return records.error();
    current_->detail = "generated output " + generated->substr(0, 7) + " on branches generated and main" +
                       (records->has_value() ? ", records " + records->value().substr(0, 7) + " on main" : std::string());
    return Status::Ok();
  }

  const generate::Target& target_;
  ProcessRunner& runner_;
  const Clock& clock_;
  const spec::AppSpec& spec_;
  const PipelineOptions& opt_;
  const ProgressSink& progress_;
  PipelineResult result_;
  std::string database_;
  generate::FileTree impl_;
  std::set<std::string> stub_paths_;
  TestReport red_;
  StepRecord* current_ = nullptr;
  bool written_ = false;
  std::map<std::string, std::string> extra_env_;  // for the command running now
};

}  // namespace

PipelineResult Pipeline::Run(const spec::AppSpec& spec, const PipelineOptions& options, const ProgressSink& progress) {
  return ::bf::run::Run(target_, runner_, clock_, spec, options, progress).Go();
}

Status CheckToolchain(const generate::Manifest& manifest, ProcessRunner& runner) {
  std::vector<std::string> problems;
  for (const auto& t : manifest.toolchain) {
    ProcessSpec ps;
    ps.argv = {t.command, t.versionArg};
    ps.env = BaseEnvironment();
    ps.cwd = fs::temp_directory_path();
    ps.limits.wallTime = std::chrono::seconds(30);
    ProcessResult r = runner.Run(ps);
    std::string hint = t.installHint.empty() ? "" : " (install it with: " + t.installHint + ")";
    if (r.reason == EndReason::kFailedToStart) {
      problems.push_back(t.command + " is not installed or not in PATH" + hint);
      continue;
    }
    if (!r.ok()) {
      problems.push_back(t.command + " " + t.versionArg + " " + r.Summary() + hint);
      continue;
    }
    if (!t.minVersion.empty()) {
      int have = MajorVersion(r.output);
      int need = std::stoi(t.minVersion);
      if (have < need) {
        problems.push_back(t.command + " " + Trim(r.output) + " is too old; version " + t.minVersion + " or newer is needed" + hint);
      }
    }
  }
  if (problems.empty()) return Status::Ok();
  return MakeError("pipeline.toolchain", Join(problems, "; "));
}

ordered_json ToJson(const StepRecord& s) {
  ordered_json j;
  j["name"] = s.name;
  j["title"] = s.title;
  j["status"] = s.status;
  j["startedAt"] = s.startedAt;
  j["durationMs"] = s.durationMs;
  if (s.tests) {
    j["tests"] = {{"passed", s.tests->passed}, {"failed", s.tests->failed}, {"skipped", s.tests->skipped},
                  {"total", s.tests->total()}};
  }
  if (!s.detail.empty()) j["detail"] = s.detail;
  if (!s.logPath.empty()) j["log"] = s.logPath;
  return j;
}

std::string RenderTddMarkdown(const spec::AppSpec& spec, const generate::Manifest& manifest, const std::string& database,
                              const std::vector<StepRecord>& steps, const std::string& description) {
  std::string md = "# Test-first record\n\n";
  md += spec.title + " was generated by BackendForge for " + manifest.displayName + " with " + database +
        ". The tests were written first and run against a stub implementation, where every behavioural test must fail (red); "
        "then the implementation was written and the same tests must pass (green).\n\n";
  if (!description.empty()) md += "Request:\n\n> " + ReplaceAll(Trim(description), "\n", "\n> ") + "\n\n";
  md += "| step | status | started | duration | tests |\n|---|---|---|---|---|\n";
  for (const auto& s : steps) {
    std::string tests = s.tests ? s.tests->Summary() : "";
    char dur[32];
    std::snprintf(dur, sizeof dur, "%.1f s", static_cast<double>(s.durationMs) / 1000.0);
    md += "| " + s.title + " | " + s.status + " | " + s.startedAt + " | " + dur + " | " + tests + " |\n";
  }
  for (const auto& s : steps) {
    if (s.name != "test-red" || !s.tests) continue;
    md += "\n## Red: against the stubs\n\n";
    for (const auto& c : s.tests->cases) {
      md += "- " + std::string(c.status == TestStatus::kPassed ? "passed (allowed: infrastructure)" : "failed") + ": " +
            c.FullName() + "\n";
    }
  }
  for (const auto& s : steps) {
    if (s.name != "test-green" || !s.tests) continue;
    md += "\n## Green: against the implementation\n\n";
    for (const auto& c : s.tests->cases) md += "- " + std::string(ToString(c.status)) + ": " + c.FullName() + "\n";
  }
  md += "\nThe machine-readable record is `.backendforge/pipeline.json`; logs of each step are in `.backendforge/logs/`.\n";
  return md;
}

}  // namespace bf::run
