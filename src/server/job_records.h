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

}  // namespace bf::server
