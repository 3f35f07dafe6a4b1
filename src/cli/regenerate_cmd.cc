// `backendforge regenerate`: a changed spec into an existing project, keeping the user's edits.
#include <fstream>
#include <iostream>
#include <regex>

#include "cli/commands.h"
#include "cli/pipeline_output.h"
#include "common/strings.h"
#include "generate/generator.h"
#include "spec/spec_json.h"
#include "vcs/repo.h"

namespace bf::cli {

namespace {

std::optional<vcs::Author> ParseAuthor(const std::string& text) {
  static const std::regex kAuthor(R"(^\s*([^<>]+?)\s*<([^<>\s]+)>\s*$)");
  std::smatch m;
  if (!std::regex_match(text, m, kAuthor)) return std::nullopt;
  return vcs::Author{m[1], m[2], std::nullopt};
}

const char* KindName(vcs::MergeOutcome::Kind k) {
  switch (k) {
    case vcs::MergeOutcome::Kind::kUpToDate: return "up-to-date";
    case vcs::MergeOutcome::Kind::kFastForward: return "fast-forward";
    case vcs::MergeOutcome::Kind::kMerged: return "merged";
    case vcs::MergeOutcome::Kind::kConflict: return "conflict";
  }
  return "?";
}

void PrintJson(const vcs::MergeOutcome& o) {
  nlohmann::ordered_json j;
  j["result"] = KindName(o.kind);
  j["clean"] = o.clean;
  j["generatedCommit"] = o.generatedCommit;
  j["mainCommit"] = o.mainCommit;
  j["generatorChanges"] = nlohmann::ordered_json::array();
  for (const auto& c : o.generatorChanges) j["generatorChanges"].push_back({{"path", c.path}, {"status", std::string(1, c.status)}});
  j["conflicts"] = nlohmann::ordered_json::array();
  for (const auto& c : o.conflicts) j["conflicts"].push_back({{"path", c.path}, {"kind", c.kind}});
  if (!o.conflictBranch.empty()) j["conflictBranch"] = o.conflictBranch;
  j["testsRun"] = false;
  std::cout << j.dump(2) << "\n";
}

void PrintText(const vcs::MergeOutcome& o, const std::string& project, const generate::Target& target) {
  const std::string gen = o.generatedCommit.substr(0, 7);
  switch (o.kind) {
    case vcs::MergeOutcome::Kind::kUpToDate:
      std::cout << "Nothing to regenerate: the generator's output is unchanged and already in main.\n";
      return;
    case vcs::MergeOutcome::Kind::kFastForward:
    case vcs::MergeOutcome::Kind::kMerged:
      std::cout << "Regenerated (clean): " << o.generatorChanges.size() << " generated file(s) changed (generated " << gen
                << "), " << (o.kind == vcs::MergeOutcome::Kind::kMerged ? "merged into main with your edits kept"
                                                                        : "main fast-forwarded (it had no edits of its own)")
                << "; main is at " << o.mainCommit.substr(0, 7) << ".\n";
      for (const auto& c : o.generatorChanges) std::cout << "  " << c.status << " " << c.path << "\n";
      break;
    case vcs::MergeOutcome::Kind::kConflict:
      std::cout << "Regenerated with conflicts in " << o.conflicts.size()
                << " file(s); main and your files are unchanged.\n";
      for (const auto& c : o.conflicts) std::cout << "  " << c.path << " (" << c.kind << ")\n";
      std::cout << "The merge with conflict markers is on branch " << o.conflictBranch << ". To finish:\n"
                << "  cd " << project << " && git checkout " << o.conflictBranch
                << "\n  (fix the files above, then) git commit -am 'Resolve regeneration conflicts'\n"
                << "  git checkout main && git merge " << o.conflictBranch << "\n";
      return;
  }
  std::string test;
  if (auto it = target.manifest.commands.find("test"); it != target.manifest.commands.end()) test = Join(it->second.argv, " ");
  std::cout << "The tests were not run after regeneration" << (test.empty() ? "" : "; run them with: cd " + project + " && " + test)
            << "\n";
}

}  // namespace

int Regenerate(const RegenerateOptions& o) {
  std::string text;
  if (!ReadInput("", o.specFile, text)) return kExitUsage;
  spec::LoadedSpec loaded = spec::LoadSpecText(text);
  if (!loaded.spec) {
    PrintError(o.specFile + " is not a valid AppSpec (" + std::to_string(loaded.issues.size()) + " errors; run `backendforge spec validate " +
               o.specFile + "`): " + loaded.issues.front().ToString());
    return kExitUsage;
  }
  auto repo = vcs::Repo::Open(o.project);
  if (!repo) {
    PrintError(repo.error().message + "; regenerate works on a project made by `backendforge generate`");
    return kExitUsage;
  }
  auto [recorded_target, recorded_db] = RecordedTarget(o.project);
  if (!o.stack.empty() && !recorded_target.empty() && o.stack != recorded_target) {
    std::cerr << "warning: the project was generated with " << recorded_target << "; regenerating with " << o.stack
              << " replaces its files (your edits to them will conflict)\n";
  }
  auto registry = generate::TargetRegistry::Default(o.templatesDir);
  if (!registry) {
    PrintError(registry.error().message);
    return kExitUsage;
  }
  std::string stack = !o.stack.empty() ? o.stack : !recorded_target.empty() ? recorded_target : StackFromSpec(*loaded.spec);
  auto target = registry->Find(stack);
  if (!target) {
    PrintError(target.error().message);
    return kExitUsage;
  }
  auto db = generate::ResolveDatabase(*loaded.spec, **target, o.database.empty() ? recorded_db : o.database);
  if (!db) {
    PrintError(db.error().message);
    return kExitUsage;
  }
  auto tree = generate::Generate(*loaded.spec, **target, {.mode = generate::Mode::kImpl, .database = *db});
  if (!tree) {
    PrintError(tree.error().message);
    return kExitFailed;
  }

  vcs::Author author{"BackendForge", "backendforge@localhost", std::nullopt};
  if (!o.author.empty()) {
    auto parsed = ParseAuthor(o.author);
    if (!parsed) {
      PrintError("--author must look like \"Name <email>\", got " + Quote(o.author));
      return kExitUsage;
    }
    author = *parsed;
  } else if (auto configured = repo->ConfiguredAuthor()) {
    author = *configured;
  }

  auto pending = repo->PendingChanges();
  if (!pending) {
    PrintError(pending.error().message);
    return kExitFailed;
  }
  if (!pending->empty()) {
    if (!o.commitPending) {
      PrintError(std::to_string(pending->size()) + " uncommitted change(s) in " + o.project + " (" + pending->front() +
                 (pending->size() > 1 ? ", ..." : "") + "); commit them, or pass --commit-pending to commit them first");
      return kExitFailed;
    }
    auto c = repo->CommitAll("Edits before regeneration", author);
    if (!c) {
      PrintError(c.error().message);
      return kExitFailed;
    }
    std::cerr << "Committed " << pending->size() << " pending change(s) as " << c->value_or("").substr(0, 7) << "\n";
  }

  std::string message = (!o.message.empty() ? Trim(o.message) + "\n"
                                            : "Regenerate " + loaded.spec->title + " (" + (*target)->manifest.id + ", " + *db +
                                                  ")\n\nFrom the changed .backendforge/spec.json; the tests were not run.\n") +
                        vcs::GenerationTrailers((*target)->manifest.id, *db);
  auto outcome = repo->Regenerate(*tree, message, author);
  if (!outcome) {
    PrintError(outcome.error().message);
    return kExitFailed;
  }
  if (o.json) {
    PrintJson(*outcome);
  } else {
    PrintText(*outcome, o.project, **target);
  }
  return outcome->clean ? kExitOk : kExitFailed;
}

}  // namespace bf::cli
