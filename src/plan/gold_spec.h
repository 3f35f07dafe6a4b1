// Converts a gold model of the analyzer's evaluation set (shared/eval/dev_cases.json, format
// in shared/eval/README.md) into a valid AppSpec, so the planner's diagrams can be checked on
// realistic schemas. Tooling only (library bf_plan_tools): not part of the planner.
#pragma once

#include <nlohmann/json.hpp>

#include "common/result.h"
#include "spec/app_spec.h"

namespace bf::plan {

// `gold_case` is one element of dev_cases.json. The spec gets: entities and fields (names
// camelCased; implicit and auth-managed columns dropped; enums get a placeholder value), the
// relations (accessor names made unique per entity), roles and features from the gold, plus a
// User entity with a unique email when the gold has none, and an owner for every entity that
// has a one-to-* relation from User. Fails with "plan.gold" when the case has no gold or the
// result does not validate (the message lists the issues).
Result<spec::AppSpec> GoldToSpec(const nlohmann::json& gold_case);

}  // namespace bf::plan
