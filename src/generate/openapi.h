// The OpenAPI 3.1 document of a spec: the one description of the contract (DESIGN.md §4)
// that generated backends serve at /openapi.json and `backendforge verify` checks against.
#pragma once

#include <nlohmann/json.hpp>

#include "spec/app_spec.h"

namespace bf::generate {

// Deterministic (fixed key order). Documents every status code an operation can answer, so
// schema-based fuzzers (Schemathesis) can check conformance.
nlohmann::ordered_json BuildOpenApi(const spec::AppSpec& spec);

// JSON Schema of one field's value as it appears in responses (optional fields may be null).
nlohmann::ordered_json FieldSchema(const spec::Field& f, bool nullable);

// The e-mail syntax every target accepts, published as the `pattern` of e-mail fields (JSON
// Schema's "email" format is looser than any practical validator, so clients and fuzzers need
// the exact rule).
const std::string& EmailPattern();

// YAML rendering of a JSON document (for exports); block style, keys in document order.
std::string ToYaml(const nlohmann::ordered_json& doc);

}  // namespace bf::generate
