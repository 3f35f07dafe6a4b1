#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iostream>

#include "cli/commands.h"
#include "cli/pipeline_output.h"
#include "generate/generator.h"
#include "run/pipeline.h"
#include "spec/spec_json.h"

namespace bf::cli {

int Generate(const GenerateOptions& o) {
  std::string text;
  if (!ReadInput("", o.specFile, text)) return kExitUsage;
  spec::LoadedSpec loaded = spec::LoadSpecText(text);
  if (!loaded.spec) {
    PrintError(o.specFile + " is not a valid AppSpec (" + std::to_string(loaded.issues.size()) + " errors; run `backendforge spec validate " +
               o.specFile + "`): " + loaded.issues.front().ToString());
    return kExitUsage;
  }
  if (o.out.empty()) {
    PrintError("--out DIR is required (a new or empty folder for the backend)");
    return kExitUsage;
  }
  auto registry = generate::TargetRegistry::Default(o.templatesDir);
  if (!registry) {
    PrintError(registry.error().message);
    return kExitUsage;
  }
  std::string stack = o.stack.empty() ? StackFromSpec(*loaded.spec) : o.stack;
  auto target = registry->Find(stack);
  if (!target) {
    PrintError(target.error().message);
    return kExitUsage;
  }
  return RunGeneration(*loaded.spec, **target, o, "");
}

}  // namespace bf::cli
