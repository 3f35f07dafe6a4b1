// backendforge analyze | plan | new: from a description to a spec, a plan, a backend.
#include <unistd.h>

#include <fstream>
#include <iostream>

#include "analyze/analyzer.h"
#include "cli/commands.h"
#include "cli/describe.h"
#include "cli/pipeline_output.h"
#include "common/strings.h"
#include "generate/generator.h"
#include "plan/plan.h"
#include "spec/spec_json.h"

namespace bf::cli {

int Analyze(const AnalyzeOptions& o) {
  auto described = Describe(o.in, /*need_plan=*/false);
  if (!described) return described.error();
  const analyze::AnalysisResult& r = described->result;
  bool json = o.json || !::isatty(1);
  if (json) {
    std::cout << analyze::ToJson(r).dump(2) << "\n";
  } else {
    PrintHuman(r);
  }
  switch (r.status) {
    case analyze::Status::kPlan: return kExitOk;
    case analyze::Status::kClarify: return kExitClarify;
    case analyze::Status::kRefuse: return kExitRefused;
  }
  return kExitFailed;
}

int Plan(const PlanOptions& o) {
  auto described = Describe(o.in, /*need_plan=*/true);
  if (!described) return described.error();
  spec::AppSpec spec = *described->result.spec;
  if (int rc = ApplyStackOverride(spec, o.stack, o.database); rc != kExitOk) return rc;
  plan::PlanOptions po;
  po.assumptions = described->result.assumptions;
  po.requestText = described->text;
  plan::Plan p = plan::MakePlan(spec, po);
  std::string md = plan::RenderMarkdown(p);
  if (!o.specOut.empty()) {
    if (!WriteText(o.specOut, spec::ToJson(spec).dump(2) + "\n")) return kExitFailed;
  }
  if (o.out.empty()) {
    std::cout << md;
  } else {
    if (!WriteText(o.out, md)) return kExitFailed;
    std::cerr << "wrote the plan of " << spec.title << " (" << spec.entities.size() << " entities, "
              << p.endpoints.size() << " endpoints) to " << o.out << "\n";
  }
  return kExitOk;
}

int New(const NewOptions& o) {
  if (o.gen.out.empty()) {
    PrintError("--out DIR is required (a new or empty folder for the backend)");
    return kExitUsage;
  }
  auto described = Describe(o.in, /*need_plan=*/true);
  if (!described) return described.error();
  spec::AppSpec spec = *described->result.spec;
  if (int rc = ApplyStackOverride(spec, o.gen.stack, o.gen.database); rc != kExitOk) return rc;
  for (const auto& a : described->result.assumptions) std::cerr << "assumed: " << a << "\n";
  plan::PlanOptions po;
  po.assumptions = described->result.assumptions;
  po.requestText = described->text;
  plan::Plan p = plan::MakePlan(spec, po);
  auto registry = generate::TargetRegistry::Default(o.gen.templatesDir);
  if (!registry) {
    PrintError(registry.error().message);
    return kExitUsage;
  }
  std::string target_id = o.gen.stack.empty() ? p.stack.chosen.target : StackFromSpec(spec);
  auto target = registry->Find(target_id);
  if (!target) {
    PrintError(target.error().message + ". The planner recommends " + p.stack.chosen.label +
               "; only generated targets can be used with `new`");
    return kExitUsage;
  }
  GenerateOptions gen = o.gen;
  if (gen.database.empty()) gen.database = spec.stack.database.empty() ? p.stack.chosen.database : spec.stack.database;
  std::cerr << "Plan: " << spec.entities.size() << " entities, " << spec.relations.size() << " relations, "
            << p.endpoints.size() << " endpoints; stack " << (*target)->manifest.displayName << ", database "
            << gen.database << "\n";
  return RunGeneration(spec, **target, gen, described->text);
}

}  // namespace bf::cli
