// A Postman Collection (v2.1) built from an OpenAPI 3.1 document: one folder per tag, one request
// per operation with path variables, query parameters, a JSON example body from the request
// schema, and bearer auth through the {{accessToken}} variable. Deterministic.
#pragma once

#include <nlohmann/json.hpp>

namespace bf::server {

nlohmann::ordered_json OpenApiToPostman(const nlohmann::ordered_json& openapi);

// An example value for `schema` (resolving local $refs in `doc`), depth-limited.
nlohmann::ordered_json ExampleFromSchema(const nlohmann::ordered_json& schema, const nlohmann::ordered_json& doc,
                                         int depth = 0);

}  // namespace bf::server
