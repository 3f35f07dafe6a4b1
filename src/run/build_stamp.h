// Whether a generated project's build output (node-express: dist/) was built from its current
// sources. The pipeline stamps the output when it has built and proven a project; a preview
// whose stamp no longer matches (a file edited, a regeneration merged) builds before it starts.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "common/result.h"
#include "generate/manifest.h"

namespace bf::run {

// A digest of the manifest's build inputs (files and folders, relative paths and contents, in
// path order); symbolic links are not followed. Empty when the target declares no build output.
Result<std::string> SourceStamp(const generate::Manifest& manifest, const std::filesystem::path& projectDir);

// The stamp file inside the build output ("" when the target has none).
std::string BuildStampPath(const generate::Manifest& manifest);

// True when the target has no build output, or the output's stamp equals SourceStamp.
bool BuildIsCurrent(const generate::Manifest& manifest, const std::filesystem::path& projectDir);

// Writes the current SourceStamp into the build output (no-op without one).
Status WriteBuildStamp(const generate::Manifest& manifest, const std::filesystem::path& projectDir);

// One command line that runs `build`, then writes `stamp` to `stampPath` (relative to the working
// folder), then execs `run`; it stops at the first failure (a failed build does not serve the
// old output).
std::vector<std::string> BuildThenRun(const std::vector<std::string>& build, const std::string& stamp,
                                      const std::string& stampPath, const std::vector<std::string>& run);

}  // namespace bf::run
