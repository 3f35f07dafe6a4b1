#include "cli/pipeline_output.h"

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iostream>

#include "generate/file_tree.h"
#include "run/pipeline.h"
#include "vcs/repo.h"

namespace bf::cli {

std::string StackFromSpec(const spec::AppSpec& spec) {
  const std::string& lang = spec.stack.language;
  if (lang == "python") return "python-fastapi";
  if (lang == "go") return "go-gin";
  if (lang == "rust") return "rust-axum";
  if (lang == "java") return "java-spring";
  if (lang == "cpp") return "cpp-drogon";
  return "node-express";
}

// The target and database of a project's last generation: the trailers of the `generated`
// branch's tip, else the pipeline record (.backendforge/pipeline.json).
std::pair<std::string, std::string> RecordedTarget(const std::string& project) {
  std::pair<std::string, std::string> out;
  if (auto repo = vcs::Repo::Open(project); repo.ok()) {
    if (auto last = repo->Log({.branch = vcs::kGeneratedBranch, .limit = 1, .withFiles = false}); last.ok() && !last->empty()) {
      for (const auto& [key, value] : last->front().trailers) {
        if (key == vcs::kTargetTrailer) out.first = value;
        if (key == vcs::kDatabaseTrailer) out.second = value;
      }
    }
  }
  if (!out.first.empty()) return out;
  std::ifstream in(project + "/.backendforge/pipeline.json");
  if (!in) return out;
  auto j = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return out;
  return {j.value("target", ""), j.value("database", "")};
}

namespace {

std::string Seconds(int64_t ms) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f s", static_cast<double>(ms) / 1000.0);
  return buf;
}

std::string Bar(int done, int total) {
  const int width = 20;
  int filled = total ? done * width / total : 0;
  return "[" + std::string(static_cast<size_t>(filled), '#') + std::string(static_cast<size_t>(width - filled), '.') + "]";
}

}  // namespace

int RunGeneration(const spec::AppSpec& spec, const generate::Target& target, const GenerateOptions& o,
                  const std::string& description) {
  auto db = generate::ResolveDatabase(spec, target, o.database);
  if (!db) {
    PrintError(db.error().message);
    return kExitUsage;
  }
  if (o.filesOnly) {
    auto tree = generate::Generate(spec, target, {.mode = generate::Mode::kImpl, .database = *db});
    if (!tree) {
      PrintError(tree.error().message);
      return kExitFailed;
    }
    if (Status s = generate::WriteTreeAtomically(*tree, o.out); !s) {
      PrintError(s.error().message);
      return kExitFailed;
    }
    std::string committed;
    if (o.commit) {
      // Every generated project is a git repository: the output on `generated` and `main`.
      auto repo = vcs::Repo::Init(o.out);
      if (!repo) {
        PrintError(repo.error().message);
        return kExitFailed;
      }
      auto sha = repo->RecordGeneration(*tree,
                                        "Generate " + spec.title + " (" + target.manifest.id + ", " + *db +
                                            ")\n\nFiles only: the tests were not run.\n" +
                                            vcs::GenerationTrailers(target.manifest.id, *db),
                                        vcs::Author{"BackendForge", "backendforge@localhost", std::nullopt});
      if (!sha) {
        PrintError(sha.error().message);
        return kExitFailed;
      }
      committed = ", committed " + sha->substr(0, 7) + " on branches generated and main";
    }
    std::cout << "wrote " << tree->size() << " files (" << tree->TotalBytes() / 1024 << " KiB) to " << o.out << committed << "\n";
    return kExitOk;
  }
  auto runner = run::MakeLocalRunner();
  run::Pipeline pipeline(target, *runner);
  run::PipelineOptions po;
  po.outDir = o.out;
  po.database = *db;
  po.commit = o.commit;
  po.description = description.empty() ? spec.description : description;
  if (!o.testDatabaseUrl.empty()) po.testEnv["TEST_DATABASE_URL"] = o.testDatabaseUrl;
  const bool tty = ::isatty(2);
  std::cerr << "Generating " << spec.title << " with " << target.manifest.displayName << " and " << *db << " into " << o.out
            << "\n";
  run::PipelineResult r = pipeline.Run(spec, po, [&](const run::ProgressEvent& e) {
    if (!e.logLine.empty() || !e.step) return;
    std::string head = "[" + std::to_string(e.stepIndex + 1) + "/" + std::to_string(e.stepCount) + "] ";
    if (e.step->status == "running") {
      if (tty) std::cerr << Bar(e.stepIndex, e.stepCount) << " " << head << e.step->title << " ..." << std::flush;
      return;
    }
    if (tty) std::cerr << "\r\033[2K";
    std::cerr << (tty ? Bar(e.stepIndex + 1, e.stepCount) + " " : std::string()) << head << e.step->title << ": "
              << e.step->status << " (" << Seconds(e.step->durationMs) << ")";
    if (!e.step->detail.empty() && e.step->status != "failed") std::cerr << " - " << e.step->detail;
    std::cerr << "\n";
  });
  if (o.json) {
    nlohmann::ordered_json j;
    j["ok"] = r.ok;
    j["projectDir"] = r.projectDir.string();
    if (!r.ok) j["error"] = r.error;
    j["steps"] = nlohmann::ordered_json::array();
    for (const auto& s : r.steps) j["steps"].push_back(run::ToJson(s));
    std::cout << j.dump(2) << "\n";
  }
  if (!r.ok) {
    PrintError(r.error);
    return kExitFailed;
  }
  if (!o.json) {
    const run::StepRecord* red = nullptr;
    const run::StepRecord* green = nullptr;
    for (const auto& s : r.steps) {
      if (s.name == "test-red") red = &s;
      if (s.name == "test-green") green = &s;
    }
    std::cout << "Verified backend in " << o.out << ": red " << (red && red->tests ? red->tests->Summary() : "?")
              << " against stubs, green " << (green && green->tests ? green->tests->Summary() : "?") << ".\n"
              << "Start it: cd " << o.out << " && " << [&] {
                   std::string s;
                   for (const auto& a : target.manifest.commands.at("run").argv) s += (s.empty() ? "" : " ") + a;
                   return s;
                 }() << "\n";
  }
  return kExitOk;
}

}  // namespace bf::cli
