// Tenancy checks for handlers. Everything a client names by id is looked up as the acting user
// (store calls scoped by membership): another tenant's resource is "not found" (404, never 403,
// so ids do not leak existence); a member whose role is too low gets 403.
#pragma once

#include <optional>
#include <string>

#include "server/app.h"
#include "store/records.h"

namespace bf::server {

struct ProjectAccess {
  std::optional<store::ProjectView> view;
  std::optional<Response> error;  // set when access is refused (or the store failed)
};
ProjectAccess RequireProject(App& app, const Request& req, const std::string& project_id, store::Role min_role);

struct WorkspaceAccess {
  std::optional<store::WorkspaceView> view;
  std::optional<Response> error;
};
WorkspaceAccess RequireWorkspace(App& app, const Request& req, const std::string& workspace_id, store::Role min_role);

// Records an audit event (failures are logged, never fatal).
void Audit(App& app, const Request& req, const std::string& workspace_id, const std::string& action,
           const std::string& target, nlohmann::json details = nlohmann::json::object());

}  // namespace bf::server
