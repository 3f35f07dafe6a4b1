// Expectations about entity records: their shape, a create's echo, and what must not change.
#pragma once

#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "verify/context.h"
#include "verify/expect.h"

namespace bf::verify {

// Everything wrong with a record of `e` as the contract describes it: missing or unexpected
// properties, values of the wrong type or format, null in required properties.
std::vector<std::string> ShapeProblems(const Context& ctx, const EntityModel& e,
                                       const nlohmann::json& record);

// A create answer: 201, Location: {route}/{id}, a JSON record with a UUID id, every sent value
// echoed, the owner reference set to `owner_id` (when owned), UTC timestamps.
Failure ExpectCreated(const Context& ctx, const EntityModel& e, const Exchange& ex,
                      const nlohmann::json& sent, const std::string& owner_id,
                      nlohmann::json& created);

// Properties of `after` that differ from `before`, ignoring `except` (and updatedAt).
std::vector<std::string> Changed(const EntityModel& e, const nlohmann::json& before,
                                 const nlohmann::json& after, const std::set<std::string>& except);

// The spec field behind a property of `e`, or null for id, references, links and timestamps.
const spec::Field* FieldOf(const EntityModel& e, const std::string& property);

std::string IdOf(const nlohmann::json& record);

}  // namespace bf::verify
