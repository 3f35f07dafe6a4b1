// Shared by `new` and `generate`: run the test-first pipeline with progress on the terminal.
#pragma once

#include <string>

#include "cli/commands.h"
#include "generate/generator.h"
#include "spec/app_spec.h"

namespace bf::cli {

// The target id a spec asks for (its stack), or the default target.
std::string StackFromSpec(const spec::AppSpec& spec);

// Writes the files only (files_only) or runs the whole pipeline, printing progress to stderr
// and a summary to stdout. Returns the exit code.
int RunGeneration(const spec::AppSpec& spec, const generate::Target& target, const GenerateOptions& o,
                  const std::string& description);

}  // namespace bf::cli
