// Starting a project's live preview from server code (the preview handler, and a regeneration
// that restarts a running preview on the new code). Defined in handlers_preview.cc.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "common/result.h"
#include "server/preview.h"

namespace bf::server {

class App;

// Starts the preview of the project `project_id` (generated with `stack`) for `user_id`: the
// stack's run command on a loopback port inside its sandbox, the SQLite file in <data>/previews/<project>.
// Errors: "generate.unavailable" (no pipeline), "preview.command" (the stack cannot run),
// "preview.limit" (the user runs too many previews), io errors.
Result<PreviewStatus> LaunchPreview(App& app, const std::string& project_id, const std::string& stack,
                                    const std::string& user_id);

// A code change (a file edited or deleted, a regeneration merged, a fix by Solve) restarts the
// project's running preview on the new code, built first when its sources changed. Returns the
// new state ({state, port, reason}) or nullopt when no preview was running. `why` completes
// "restarting on ..." in the stopped preview's reason.
std::optional<nlohmann::json> RestartPreviewIfRunning(App& app, const std::string& project_id, const std::string& stack,
                                                      const std::string& user_id, const std::string& why);

}  // namespace bf::server
