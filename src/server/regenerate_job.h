// The generate job on a project that was generated before (handlers_jobs.cc decides): prove the
// new output test-first in a staging folder, merge it into the project's repository keeping the
// user's edits (project_regenerate.h), run the project's tests on the merged code, and restart a
// running preview on it.
#pragma once

#include <nlohmann/json.hpp>

#include "common/result.h"
#include "server/jobs.h"
#include "server/project_pipeline.h"

namespace bf::server {

class App;

// Runs on the job's thread. `request.projectDir` must hold a repository with a `generated`
// branch (HasGeneratedHistory). Returns the job's result {stack, database, steps, regeneration,
// tests, preview?}; errors leave the project folder and its repository as they were:
// "regenerate.conflict" (message: the conflicted files and the branch with the markers; the
// `regenerate.result` event carries them as data), pipeline and vcs errors.
Result<nlohmann::json> RunRegeneration(App& app, JobContext& ctx, GenerateRequest request);

}  // namespace bf::server
