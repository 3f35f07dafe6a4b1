// Shared by analyze, plan, new and chat: read a description, run the analyzer (answering
// clarifying questions from --answer / --yes), and print results.
#pragma once

#include <string>

#include "analyze/analyzer.h"
#include "cli/commands.h"
#include "spec/app_spec.h"

namespace bf::cli {

struct Described {
  std::string text;                 // the description as read
  analyze::AnalysisResult result;
};

// Exit code on failure (usage, clarify, refuse) after printing why; with need_plan a
// clarify or refuse result is a failure, otherwise it is returned for the caller to print.
struct DescribeOutcome {
  std::optional<Described> value;
  int code = kExitOk;
  explicit operator bool() const { return value.has_value(); }
  const Described* operator->() const { return &*value; }
  int error() const { return code; }
};
DescribeOutcome Describe(const DescribeInput& in, bool need_plan);

// Human summary of an analysis (entities, relations, features, roles, questions, reason).
void PrintHuman(const analyze::AnalysisResult& r);
// Prints the questions with their options and how to answer them.
void PrintQuestions(const analyze::AnalysisResult& r);

// --stack (target id or language) and --db onto the spec; exit code (kExitOk on success).
int ApplyStackOverride(spec::AppSpec& spec, const std::string& stack, const std::string& database);

bool WriteText(const std::string& path, const std::string& text);

}  // namespace bf::cli
