#include "verify/openapi_diff.h"

#include <gtest/gtest.h>

#include "generate/openapi.h"
#include "spec/testing_specs.h"

namespace bf::verify {
namespace {

using nlohmann::json;

class OpenApiDiffTest : public ::testing::Test {
 protected:
  json expected_ = generate::BuildOpenApi(spec::testing::BlogSpec());
  json actual_ = expected_;
  static bool Has(const std::vector<std::string>& v, const std::string& needle) {
    for (const auto& s : v) {
      if (s.find(needle) != std::string::npos) return true;
    }
    return false;
  }
};

TEST_F(OpenApiDiffTest, TheCoreDocumentMatchesItself) {
  OpenApiDiff d = DiffOpenApi(expected_, actual_);
  EXPECT_TRUE(d.missing_operations.empty());
  EXPECT_TRUE(d.extra_operations.empty());
  EXPECT_TRUE(d.schema_problems.empty()) << d.schema_problems.front();
  EXPECT_TRUE(d.status_problems.empty());
}

TEST_F(OpenApiDiffTest, ReportsMissingAndExtraOperationsButNotRenamedParameters) {
  actual_["paths"].erase("/api/tags/{id}/posts");
  actual_["paths"]["/api/posts/{postId}"] = actual_["paths"]["/api/posts/{id}"];
  actual_["paths"].erase("/api/posts/{id}");
  actual_["paths"]["/auth/logout"]["post"] = {{"responses", {{"204", {{"description", "ok"}}}}}};
  actual_["paths"]["/docs"]["get"] = {{"responses", {{"200", {{"description", "html"}}}}}};
  OpenApiDiff d = DiffOpenApi(expected_, actual_);
  EXPECT_EQ(d.missing_operations, (std::vector<std::string>{"GET /api/tags/{id}/posts"}));
  EXPECT_EQ(d.extra_operations, (std::vector<std::string>{"POST /auth/logout"}))
      << "/docs is a contract route";
}

TEST_F(OpenApiDiffTest, ReportsPropertyTypeAndRequiredDifferencesThroughRefs) {
  json& post = actual_["components"]["schemas"]["Post"];
  post["properties"].erase("tagIds");
  post["properties"]["views"]["type"] = "string";
  post["properties"]["secret"] = {{"type", "string"}};
  json& create = actual_["components"]["schemas"]["PostCreate"];
  create["required"].push_back("status");
  OpenApiDiff d = DiffOpenApi(expected_, actual_);
  EXPECT_TRUE(Has(d.schema_problems, "GET /api/posts/{id} 200 (Post): property tagIds missing"));
  EXPECT_TRUE(Has(d.schema_problems, "views has type string, expected integer|null"));
  EXPECT_TRUE(Has(d.schema_problems, "property secret not in the spec"));
  EXPECT_TRUE(Has(d.schema_problems,
                  "POST /api/posts request body (PostCreate): status should not be required"));
}

TEST_F(OpenApiDiffTest, ReportsStatusCodes) {
  json& responses = actual_["paths"]["/api/posts"]["post"]["responses"];
  responses.erase("422");
  responses["418"] = {{"description", "a teapot"}};
  OpenApiDiff d = DiffOpenApi(expected_, actual_);
  ASSERT_EQ(d.status_problems.size(), 1u);
  EXPECT_EQ(d.status_problems[0], "POST /api/posts: missing 422; not in the contract 418");
}

TEST_F(OpenApiDiffTest, SurvivesGarbage) {
  OpenApiDiff d = DiffOpenApi(expected_, json::array({1, 2}));
  EXPECT_FALSE(d.missing_operations.empty());
  json broken = expected_;
  broken["paths"]["/api/posts/{id}"]["get"]["responses"]["200"] = {{"$ref", "#/nowhere"}};
  broken["components"]["schemas"]["Post"] = {{"$ref", "#/components/schemas/Post"}};  // a cycle
  EXPECT_NO_THROW(DiffOpenApi(expected_, broken));
}

}  // namespace
}  // namespace bf::verify
