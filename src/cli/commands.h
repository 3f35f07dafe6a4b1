// The CLI's commands as plain functions (no CLI11 here: it stays in main.cc only).
// Each returns the process exit code; errors are one clear line on stderr.
#pragma once

#include <string>
#include <vector>

namespace bf::cli {

// Exit codes shared by every command.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailed = 1;     // the command ran and found problems (e.g. invalid spec)
inline constexpr int kExitUsage = 2;      // bad usage or unreadable input
inline constexpr int kExitClarify = 3;    // the analyzer needs answers
inline constexpr int kExitRefused = 4;    // the analyzer refused the request

// Prints "backendforge: error: <message>" to stderr.
void PrintError(const std::string& message);

// Reads the input of a command: TEXT, or the file given, or stdin when file is "-".
// Returns false (after printing an error) when nothing usable was given.
bool ReadInput(const std::string& text, const std::string& file, std::string& out);

struct SpecValidateOptions {
  std::string file;
  bool json = false;
};
int SpecValidate(const SpecValidateOptions& o);
int SpecSchema();

}  // namespace bf::cli

namespace bf::cli {

struct GenerateOptions {
  std::string specFile;
  std::string stack;          // target id, e.g. node-express; empty: from the spec / default
  std::string database;
  std::string out;
  std::string templatesDir;   // --templates
  std::string testDatabaseUrl;
  bool filesOnly = false;     // write the files, skip the pipeline
  bool commit = true;
  bool json = false;          // print the pipeline record as JSON at the end
};
int Generate(const GenerateOptions& o);

}  // namespace bf::cli

namespace bf::cli {

// Inputs shared by analyze, plan and new.
struct DescribeInput {
  std::string text;      // TEXT argument ("-" = stdin)
  std::string file;      // --file
  std::vector<std::string> answers;  // --answer id=option (repeatable)
  bool yes = false;      // --yes: accept the default of every clarifying question
};

struct AnalyzeOptions {
  DescribeInput in;
  bool json = false;     // force JSON (default: JSON when stdout is not a terminal)
};
int Analyze(const AnalyzeOptions& o);

struct PlanOptions {
  DescribeInput in;
  std::string out;       // --out plan.md (default: stdout)
  std::string specOut;   // --spec-out spec.json
  std::string stack;     // --stack: a target id (node-express) or a language (python)
  std::string database;  // --db
};
int Plan(const PlanOptions& o);

struct ChatOptions {
  std::string specFile;  // --spec: start from this spec instead of a description
};
int Chat(const ChatOptions& o);

struct NewOptions {
  DescribeInput in;
  GenerateOptions gen;   // stack, database, out, templates, test database, commit
};
int New(const NewOptions& o);

}  // namespace bf::cli
