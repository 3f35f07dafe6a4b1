// JSON views of stored documents as the API shows them (camelCase, ISO 8601 times, no secrets:
// a password hash or token hash never appears in a view).
#pragma once

#include <nlohmann/json.hpp>

#include <vector>

#include "store/records.h"

namespace bf::server {

nlohmann::ordered_json UserView(const store::User& u);
nlohmann::ordered_json WorkspaceJson(const store::WorkspaceView& w);
nlohmann::ordered_json MemberView(const store::Member& m);
// `with_spec`: include the current spec document.
nlohmann::ordered_json ProjectJson(const store::Project& p, store::Role role, bool with_spec);
nlohmann::ordered_json MessageView(const store::ChatMessage& m);
nlohmann::ordered_json JobView(const store::Job& j);
nlohmann::ordered_json TestRunView(const store::TestRun& r);
// A document's id is its path. `sections` (of the latest version) are listed when not null.
nlohmann::ordered_json DocView(const store::DocEntry& d, bool with_content,
                               const std::vector<store::DocSection>* sections = nullptr);
// `with_body`: include the section's Markdown (without its heading line).
nlohmann::ordered_json DocSectionView(const store::DocSection& s, bool with_body);
nlohmann::ordered_json DocHitView(const store::DocHit& h);
nlohmann::ordered_json ApiTokenView(const store::ApiToken& t);
nlohmann::ordered_json AuditView(const store::AuditEvent& e);

}  // namespace bf::server
