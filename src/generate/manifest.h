// A target's manifest (templates/<target>/manifest.json): what it is, which files it writes
// under which conditions, and the commands that install, build, test and run its output.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
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
  // Test files or suites allowed to pass against the stubs (health, served OpenAPI); every
  // other test must fail there, or it tests nothing. Matched as substrings of the suite name.
  std::vector<std::string> stubMayPass;
  // Files the generator never owns (written by tools): kept out of golden comparisons.
  std::vector<std::string> generatedByTools;
  std::vector<FileRule> files;
};

// Parses and checks a manifest; errors name the key and the target.
Result<Manifest> ParseManifest(const nlohmann::json& j, const std::string& where);

}  // namespace bf::generate
