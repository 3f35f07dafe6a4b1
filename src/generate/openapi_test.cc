#include "generate/openapi.h"

#include <gtest/gtest.h>

#include "plan/endpoints.h"
#include "spec/testing_specs.h"

namespace bf::generate {
namespace {

using nlohmann::ordered_json;

class OpenApiTest : public ::testing::Test {
 protected:
  ordered_json doc_ = BuildOpenApi(spec::testing::BlogSpec());
  const ordered_json& Op(const std::string& path, const std::string& method) { return doc_["paths"][path][method]; }
  static std::vector<std::string> Codes(const ordered_json& op) {
    std::vector<std::string> out;
    for (const auto& [k, v] : op["responses"].items()) out.push_back(k);
    return out;
  }
};

TEST_F(OpenApiTest, HasTheContractPaths) {
  for (const char* p : {"/health", "/ready", "/auth/register", "/auth/login", "/auth/refresh", "/auth/me", "/api/posts",
                        "/api/posts/{id}", "/api/posts/{id}/comments", "/api/posts/{id}/tags", "/api/tags/{id}/posts",
                        "/api/users/{id}/posts", "/api/events"}) {
    EXPECT_TRUE(doc_["paths"].contains(p)) << p;
  }
  EXPECT_EQ(doc_["openapi"], "3.1.0");
  EXPECT_FALSE(doc_["paths"]["/api/users"].contains("post")) << "users are created by /auth/register";
}

TEST_F(OpenApiTest, DocumentsEveryStatusCodeOfCreate) {
  auto codes = Codes(Op("/api/comments", "post"));
  EXPECT_EQ(codes, (std::vector<std::string>{"201", "400", "401", "422"})) << "any signed-in user may comment: no 403";
  auto tag_codes = Codes(Op("/api/tags", "post"));
  EXPECT_NE(std::find(tag_codes.begin(), tag_codes.end(), "409"), tag_codes.end()) << "Tag.name is unique";
}

TEST_F(OpenApiTest, FollowsThePlannersEndpointList) {
  for (const auto& ep : plan::BuildEndpoints(spec::testing::BlogSpec())) {
    std::string method = ep.method;
    for (auto& c : method) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    ASSERT_TRUE(doc_["paths"][ep.path].contains(method)) << ep.method << " " << ep.path;
    std::vector<std::string> want;
    for (int s : ep.statuses) want.push_back(std::to_string(s));
    EXPECT_EQ(Codes(Op(ep.path, method)), want) << ep.method << " " << ep.path;
    EXPECT_EQ(Op(ep.path, method).contains("security"), ep.requiresAuth) << ep.path;
  }
}

TEST_F(OpenApiTest, OwnerIsNotWritableButIsReturned) {
  const auto& schemas = doc_["components"]["schemas"];
  EXPECT_TRUE(schemas["Post"]["properties"].contains("authorId"));
  EXPECT_FALSE(schemas["PostCreate"]["properties"].contains("authorId"));
  EXPECT_TRUE(schemas["CommentCreate"]["properties"].contains("postId")) << "non-owner references are writable";
  EXPECT_EQ(schemas["PostCreate"]["additionalProperties"], false);
  EXPECT_TRUE(schemas["PostCreate"]["properties"].contains("tagIds"));
  auto req = schemas["PostCreate"]["required"].get<std::vector<std::string>>();
  EXPECT_EQ(req, (std::vector<std::string>{"title", "body"})) << "status has a default, publishedAt is optional";
}

TEST_F(OpenApiTest, FieldSchemas) {
  const auto& post = doc_["components"]["schemas"]["Post"]["properties"];
  EXPECT_EQ(post["title"], (ordered_json{{"type", "string"}, {"maxLength", 200}, {"minLength", 1}}));
  EXPECT_EQ(post["publishedAt"]["type"], (ordered_json{"string", "null"})) << "optional -> nullable";
  EXPECT_EQ(post["status"]["enum"], (ordered_json{"draft", "published", nullptr}));
  EXPECT_EQ(post["views"]["minimum"], 0);
  EXPECT_EQ(doc_["components"]["schemas"]["User"]["properties"]["role"]["enum"], (ordered_json{"admin", "user"}));
}

TEST_F(OpenApiTest, SecurityFollowsAccess) {
  EXPECT_FALSE(Op("/health", "get").contains("security"));
  EXPECT_TRUE(Op("/api/posts", "get").contains("security"));
  EXPECT_TRUE(Op("/auth/me", "get").contains("security"));
  EXPECT_FALSE(Op("/auth/login", "post").contains("security"));
}

TEST_F(OpenApiTest, ListParameters) {
  const auto& params = Op("/api/posts", "get")["parameters"];
  std::vector<std::string> names;
  for (const auto& p : params) names.push_back(p["name"]);
  EXPECT_EQ(names, (std::vector<std::string>{"page", "limit", "sort", "title", "status", "publishedAt", "views", "authorId"}));
  EXPECT_EQ(params[1]["schema"]["maximum"], 100);
}

TEST(OpenApiYaml, RendersScalarsSafely) {
  ordered_json doc = {{"a", "plain"}, {"b", "yes"}, {"c", "x: y"}, {"d", {1, 2}}, {"e", {{"f", nullptr}}}, {"g", ordered_json::array()},
                      {"h", {{{"k", "v"}, {"l", 1}}}}};
  EXPECT_EQ(ToYaml(doc), "a: plain\nb: \"yes\"\nc: \"x: y\"\nd:\n  - 1\n  - 2\ne:\n  f: null\ng: []\nh:\n  - k: v\n    l: 1\n");
}

}  // namespace
}  // namespace bf::generate
