// Compares the OpenAPI document a backend serves with the one BackendForge's core builds from
// the spec (generate::BuildOpenApi). Names of components do not matter: schemas are found
// through the operations (response of GET item, request bodies of POST and PATCH) and $refs
// are resolved; path parameter names do not matter either ("/api/posts/{postId}" matches).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace bf::verify {

struct OpenApiDiff {
  std::vector<std::string> missing_operations;  // "GET /api/posts"
  std::vector<std::string> extra_operations;
  std::vector<std::string>
      schema_problems;  // "GET /api/posts/{id} 200 (Post): property tagIds missing"
  std::vector<std::string> status_problems;  // "POST /api/posts: missing 422; undocumented 415"
};

// `expected` and `actual` are whole documents.
OpenApiDiff DiffOpenApi(const nlohmann::json& expected, const nlohmann::json& actual);

}  // namespace bf::verify
