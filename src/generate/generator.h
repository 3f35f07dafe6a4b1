// The generator engine: a target registry (manifest + templates + a C++ prepare step) and
// Generate(spec, target) -> FileTree. Pure: no disk writes, no clock, same spec -> same bytes.
#pragma once

#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "common/result.h"
#include "generate/file_tree.h"
#include "generate/manifest.h"
#include "generate/template_source.h"
#include "spec/app_spec.h"

namespace bf::generate {

enum class Mode { kStub, kImpl };  // stub: tests + routes answering 501; impl: the real backend

struct PrepareOptions {
  std::string database;  // one of the target's databases
};

// A target's "prepare" step: AppSpec -> the typed view model its templates read.
using PrepareFn = std::function<Result<nlohmann::json>(const spec::AppSpec&, const PrepareOptions&)>;

struct Target {
  Manifest manifest;
  std::shared_ptr<TemplateSource> source;
  PrepareFn prepare;
};

class TargetRegistry {
 public:
  // Targets found in `source` (every "<id>/manifest.json"), each bound to the built-in
  // prepare step named by the manifest's "prepare" key (default: its id).
  static Result<TargetRegistry> Load(std::shared_ptr<TemplateSource> source);
  // The embedded templates, or the folder given (the --templates option).
  static Result<TargetRegistry> Default(const std::string& templates_dir = "");

  // The target `id`, or an error listing the available ones.
  Result<const Target*> Find(const std::string& id) const;
  const std::vector<Target>& targets() const { return targets_; }

 private:
  std::vector<Target> targets_;
};

// The names of the built-in prepare steps (one per supported target).
std::vector<std::string> BuiltinPrepareSteps();

struct GenerateOptions {
  Mode mode = Mode::kImpl;
  std::string database;  // empty: spec.stack.database, else the target's default
};

// Renders every file rule of `target` for `spec`. The spec must be valid. Also writes the
// core's OpenAPI document (manifest.openapiPath) and the spec (.backendforge/spec.json).
Result<FileTree> Generate(const spec::AppSpec& spec, const Target& target, const GenerateOptions& options);

// The database Generate() would use for these options.
Result<std::string> ResolveDatabase(const spec::AppSpec& spec, const Target& target, const std::string& requested);

}  // namespace bf::generate
