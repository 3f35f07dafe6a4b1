// What jobs leave in the store besides themselves (handlers_jobs.cc).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "store/records.h"

namespace bf::server {

class App;

// Stores one test run of `job` ({status, passed, failed, skipped, durationMs, results}); a
// failure is logged, never fatal.
void RecordTestRun(App& app, const store::Job& job, const std::string& phase, const nlohmann::json& run);

// Sets the project's status (a failure is logged, never fatal).
void SetProjectStatus(App& app, const std::string& project_id, const std::string& status);

// Keeps the project's docs/TDD.md (written by the pipeline) as a versioned documentation entry
// and publishes `docs.updated`; does nothing when the file is missing.
void RecordTddDoc(App& app, const store::Job& job);

}  // namespace bf::server
