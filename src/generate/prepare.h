// "Prepare" steps: AppSpec -> the view model templates read. Every decision is made here
// (names in every casing, language types, flags); templates only test flags and loop.
#pragma once

#include <nlohmann/json.hpp>

#include "common/result.h"
#include "generate/generator.h"
#include "spec/app_spec.h"

namespace bf::generate {

// The language-neutral part shared by every target: app names, features, roles, auth, and per
// entity: names in every casing, table and route, fields with flags, references (foreign keys
// it holds), collections (one-to-many it is the "one" side of), many-to-many links on both
// sides, access rules as flags, and a creation order (parents before children).
nlohmann::json CommonViewModel(const spec::AppSpec& spec, const std::string& database);

// node-express: the common model plus TypeScript types, zod schemas, SQL column types,
// sample values for factories and tests.
Result<nlohmann::json> PrepareNodeExpress(const spec::AppSpec& spec, const PrepareOptions& options);

// Route segment of an entity collection: "/api/order-items" (kebab-case plural).
std::string EntityRoute(const spec::Entity& e);

}  // namespace bf::generate
