// Shared by `new` and `generate`: run the test-first pipeline with progress on the terminal.
#pragma once

#include <string>
#include <utility>

#include "cli/commands.h"
#include "generate/generator.h"
#include "spec/app_spec.h"

namespace bf::cli {

// The target id a spec asks for (its stack), or the default target.
std::string StackFromSpec(const spec::AppSpec& spec);

// The target id and database a generated project was made with ("" when unknown): the trailers
// of its `generated` branch, else its .backendforge/pipeline.json.
std::pair<std::string, std::string> RecordedTarget(const std::string& project);

// Writes the files only (files_only) or runs the whole pipeline, printing progress to stderr
// and a summary to stdout. Returns the exit code.
int RunGeneration(const spec::AppSpec& spec, const generate::Target& target, const GenerateOptions& o,
                  const std::string& description);

}  // namespace bf::cli
