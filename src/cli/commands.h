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

struct VerifyOptions {
  std::string url;            // the backend's base URL, e.g. http://127.0.0.1:3000
  std::string specFile;       // the AppSpec it claims to implement
  bool json = false;
  std::string adminEmail;     // empty: $ADMIN_EMAIL
  std::string adminPassword;  // empty: $ADMIN_PASSWORD
  int timeoutMs = 10000;      // per request
  int eventWaitMs = 5000;     // per expected SSE event
  std::string only;           // run the checks whose name contains this (and what they need)
};
// Runs the conformance suite; exit 0 when every check that ran passed, 1 when any failed,
// 2 for bad usage or a backend that cannot be reached.
int Verify(const VerifyOptions& o);

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

// `backendforge serve`: flags override BACKENDFORGE_* environment variables, which override the
// config file. Runs until SIGINT/SIGTERM, then shuts down gracefully.
struct ServeOptions {
  std::string host;
  int port = -1;  // -1: not given
  std::string data;
  std::string config;
  std::string templates;
  std::string ui;
  std::string tlsCert;
  std::string tlsKey;
  std::string logLevel;
};
int Serve(const ServeOptions& o);

}  // namespace bf::cli

namespace bf::cli {

struct RegenerateOptions {
  std::string specFile;      // the changed spec
  std::string project;       // an existing generated project (a git repository)
  std::string stack;         // empty: the project's recorded target, else the spec's
  std::string database;      // empty: the project's recorded database, else the spec's
  std::string templatesDir;  // --templates
  std::string message;       // commit message; empty: "Regenerate <title> (...)"
  std::string author;        // "Name <email>"; empty: git config user.name/email, else BackendForge
  bool commitPending = false;  // commit uncommitted edits first instead of refusing
  bool json = false;
};
// Regenerates an existing project after a spec change: the new output is committed to the
// `generated` branch and merged into `main` (user edits kept). Exit 0 when clean (or nothing
// to do), kExitFailed on conflicts (listed; main untouched, the merge is on a branch).
int Regenerate(const RegenerateOptions& o);

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

namespace bf::cli {

struct TestOptions {
  std::string project;       // a generated project folder
  std::string filter;        // a test's full name, a test file, or a part of a name
  std::string stack;         // empty: the target the project was generated with
  std::string templatesDir;  // --templates
  bool json = false;
};
// Runs a generated project's tests (all, or those the filter names) and prints one line per
// test and a summary. Exit 0 when every selected test passed, kExitFailed when any failed or
// none matched, kExitUsage for a folder that is not a generated project.
int Test(const TestOptions& o);

}  // namespace bf::cli
