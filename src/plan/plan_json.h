// JSON form of a plan, for the server's API and the web UI (Plan, Endpoints, Diagrams tabs).
// Fixed key order, so the same plan always serializes to the same bytes.
#pragma once

#include <nlohmann/json.hpp>

#include "plan/plan.h"

namespace bf::plan {

nlohmann::ordered_json ToJson(const StackChoice& choice);
nlohmann::ordered_json ToJson(const DatabaseChoice& choice);
nlohmann::ordered_json ToJson(const StackRecommendation& rec);
nlohmann::ordered_json ToJson(const Endpoint& endpoint);
nlohmann::ordered_json ToJson(const Diagram& diagram);
// {"spec", "assumptions", "stack", "endpoints", "diagrams", "security", "testing"}; the
// Markdown is not included (RenderMarkdown produces it on demand).
nlohmann::ordered_json ToJson(const Plan& plan);

}  // namespace bf::plan
