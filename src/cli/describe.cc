#include "cli/describe.h"

#include <fstream>
#include <iostream>
#include <map>

#include "common/strings.h"
#include "plan/stack_targets.h"
#include "spec/validate.h"

namespace bf::cli {

DescribeOutcome Describe(const DescribeInput& in, bool need_plan) {
  DescribeOutcome out;
  Described d;
  if (!ReadInput(in.text == "-" ? "" : in.text, in.text == "-" ? "-" : in.file, d.text)) {
    out.code = kExitUsage;
    return out;
  }
  std::map<std::string, std::string> answers;
  for (const auto& a : in.answers) {
    auto eq = a.find('=');
    if (eq == std::string::npos || eq == 0) {
      PrintError("--answer " + Quote(a) + " must look like ID=OPTION (the ids are printed with the questions)");
      out.code = kExitUsage;
      return out;
    }
    answers[a.substr(0, eq)] = a.substr(eq + 1);
  }
  d.result = analyze::Analyze(d.text, {}, answers);
  // --yes: accept the default of every open question, then analyze again (bounded).
  for (int round = 0; in.yes && d.result.status == analyze::Status::kClarify && round < 3; ++round) {
    for (const auto& q : d.result.questions) {
      if (!answers.count(q.id)) {
        answers[q.id] = q.defaultOption;
        std::cerr << "answered " << Quote(q.text) << " with the default " << Quote(q.defaultOption) << "\n";
      }
    }
    d.result = analyze::Analyze(d.text, {}, answers);
  }
  if (need_plan && d.result.status == analyze::Status::kRefuse) {
    PrintError("the request was refused: " + d.result.reason);
    out.code = kExitRefused;
    return out;
  }
  if (need_plan && d.result.status == analyze::Status::kClarify) {
    PrintQuestions(d.result);
    out.code = kExitClarify;
    return out;
  }
  out.value = std::move(d);
  return out;
}

void PrintQuestions(const analyze::AnalysisResult& r) {
  std::cerr << "The description needs a few answers before it can be planned";
  if (!r.reason.empty()) std::cerr << " (" << r.reason << ")";
  std::cerr << ":\n";
  for (const auto& q : r.questions) {
    std::cerr << "  [" << q.id << "] " << q.text << "\n";
    for (const auto& opt : q.options) {
      std::cerr << "      - " << opt << (opt == q.defaultOption ? "  (default)" : "") << "\n";
    }
  }
  std::cerr << "Answer with --answer ID=OPTION (repeatable), or accept every default with --yes.\n";
}

void PrintHuman(const analyze::AnalysisResult& r) {
  switch (r.status) {
    case analyze::Status::kRefuse:
      std::cout << "Refused: " << r.reason << "\n";
      return;
    case analyze::Status::kClarify:
      PrintQuestions(r);
      return;
    case analyze::Status::kPlan:
      break;
  }
  const spec::AppSpec& s = *r.spec;
  std::cout << s.title << " (" << s.name << ")\n\nEntities:\n";
  for (const auto& e : s.entities) {
    std::vector<std::string> fields;
    for (const auto& f : e.fields) fields.push_back(f.name + ": " + std::string(spec::ToString(f.type)));
    std::cout << "  " << e.name << (e.owner ? " (owned via " + *e.owner + ")" : "") << " { " << Join(fields, ", ") << " }\n";
  }
  if (!s.relations.empty()) std::cout << "\nRelations:\n";
  for (const auto& rel : s.relations) {
    std::cout << "  " << rel.from << "." << rel.name << " " << spec::ToString(rel.kind) << " " << rel.to << "\n";
  }
  std::vector<std::string> features;
  for (auto f : s.features) features.emplace_back(spec::ToString(f));
  std::cout << "\nFeatures: " << Join(features, ", ") << "\nRoles: " << Join(s.roles, ", ") << "\n";
  if (!r.assumptions.empty()) {
    std::cout << "\nAssumptions:\n";
    for (const auto& a : r.assumptions) std::cout << "  - " << a << "\n";
  }
}

int ApplyStackOverride(spec::AppSpec& spec, const std::string& stack, const std::string& database) {
  if (!stack.empty()) {
    const plan::TargetInfo* t = plan::FindTarget(stack);
    if (!t) t = plan::FindTargetByLanguage(stack);
    if (!t) t = plan::FindTargetByFramework(stack);
    if (!t) {
      std::vector<std::string> ids;
      for (const auto& info : plan::Targets()) ids.emplace_back(info.id);
      std::string msg = "unknown stack " + Quote(stack) + " (expected one of " + Join(ids, ", ") + ", or a language)";
      std::string close = ClosestMatch(stack, ids);
      if (!close.empty()) msg += "; did you mean " + Quote(close) + "?";
      PrintError(msg);
      return kExitUsage;
    }
    spec.stack.language = std::string(t->language);
    spec.stack.framework = std::string(t->framework);
  }
  if (!database.empty()) {
    if (!plan::FindDatabase(database)) {
      std::vector<std::string> ids;
      for (const auto& info : plan::Databases()) ids.emplace_back(info.id);
      PrintError("unknown database " + Quote(database) + " (expected one of " + Join(ids, ", ") + ")");
      return kExitUsage;
    }
    spec.stack.database = database;
  }
  if (auto issues = spec::Validate(spec); !issues.empty()) {
    PrintError("the stack choice makes the spec invalid: " + issues.front().ToString());
    return kExitUsage;
  }
  return kExitOk;
}

bool WriteText(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  if (!out) {
    PrintError("cannot write " + Quote(path));
    return false;
  }
  return true;
}

}  // namespace bf::cli
