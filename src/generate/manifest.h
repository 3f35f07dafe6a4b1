// A target's manifest (templates/<target>/manifest.json): what it is, which files it writes
// under which conditions, and the commands that install, build, test and run its output.
#pragma once

#include <map>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"

namespace bf::generate {

enum class FileMode { kBoth, kStub, kImpl };       // which pipeline phase writes the file
enum class Overwrite { kAlways, kOnce };            // once: scaffolding the user owns afterwards

struct FileRule {
  std::string templatePath;  // relative to the target folder, e.g. "src/entity/routes.ts.mustache"
  std::string output;        // Mustache pattern, e.g. "src/entities/{{kebab}}/routes.ts"
  std::string forEach;       // name of a list in the view model; empty = rendered once
  std::string when;          // name of a boolean flag in the view model; "!flag" negates; empty = always
  FileMode mode = FileMode::kBoth;
  Overwrite overwrite = Overwrite::kAlways;
  bool executable = false;
  bool verbatim = false;     // copied as is, not rendered
};

struct Command {
  std::vector<std::string> argv;
  int timeoutSeconds = 600;
};

struct Toolchain {
  std::string command;     // e.g. "node"
  std::string versionArg;  // e.g. "--version"
  std::string minVersion;  // e.g. "20"
  std::string installHint; // e.g. "apt install nodejs npm"
};

// How the target's test runner narrows a run to one test file or to tests by name (the Tests
// tab's "run one", POST /api/test/run {filter}). A filter is a test's full name as reports
// show it ("test/posts.test.ts > Post > rejects a missing title"), a test file, or a part of a
// name. "{file}" and "{pattern}" in the argument lists are replaced.
struct TestFilter {
  std::vector<std::string> prefix;     // before any filter argument, e.g. "--" for npm scripts
  std::vector<std::string> fileArgs;   // when the filter names a test file, e.g. {"{file}"}
  std::vector<std::string> nameArgs;   // when it names tests, e.g. {"-t", "{pattern}"}
  std::string nameSeparator = " ";     // how the runner joins suite and test names in a pattern
  bool regex = true;                   // the runner reads the pattern as a regular expression
};

struct Manifest {
  std::string id;            // "node-express"
  std::string displayName;   // "Node.js + Express (TypeScript)"
  std::string language;      // "typescript"
  std::string framework;     // "express"
  std::vector<std::string> databases;  // first = default
  std::vector<Toolchain> toolchain;
  std::map<std::string, Command> commands;  // install, build, test, run, format, lint
  std::string testReportFormat = "junit";
  std::string testReportPath;               // e.g. "reports/junit.xml"
  std::string openapiPath = "openapi.json"; // where the core's OpenAPI document is written
  std::string healthPath = "/health";
  // Environment for every command of the generated project (e.g. NODE_ENV=test).
  std::map<std::string, std::string> env;
  // The environment variable that points the package manager at its cache (e.g.
  // "npm_config_cache"); the pipeline sets it to a BackendForge-owned folder for installs.
  std::string installCacheEnv;
  // Test files or suites allowed to pass against the stubs (health, served OpenAPI); every
  // other test must fail there, or it tests nothing. Matched as substrings of the suite name.
  std::vector<std::string> stubMayPass;
  // The build's output folder (e.g. "dist") and the files and folders it is built from; a
  // preview builds first when the output's stamp does not match these (run/build_stamp.h).
  std::string buildOutput;
  std::vector<std::string> buildInputs;
  // Absent when the runner cannot narrow a run; the run then executes every test and the
  // report is narrowed afterwards.
  std::optional<TestFilter> testFilter;
  // Files the generator never owns (written by tools): kept out of golden comparisons.
  std::vector<std::string> generatedByTools;
  std::vector<FileRule> files;
};

// Parses and checks a manifest; errors name the key and the target.
Result<Manifest> ParseManifest(const nlohmann::json& j, const std::string& where);

// The arguments that narrow the test command to `filter`. The part before the first " > " is
// taken as a test file when `isTestFile` says it is one; the rest (or the whole filter when no
// file is named) becomes a name pattern: with a file, matched at the start of a test's name up to
// a word end (the test itself, or every test of a named suite), otherwise matched anywhere, and escaped when the runner reads regular expressions. Empty when
// the manifest has no test filter or the filter is empty.
std::vector<std::string> TestFilterArguments(const Manifest& m, std::string_view filter,
                                             const std::function<bool(const std::string&)>& isTestFile);

}  // namespace bf::generate
