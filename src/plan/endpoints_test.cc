#include "plan/endpoints.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "plan/plan.h"
#include "plan/test_util.h"

namespace bf::plan {
namespace {

using testing::MiniSpec;
using testing::SpecFromJson;

std::vector<std::string> Routes(const std::vector<Endpoint>& eps) {
  std::vector<std::string> out;
  for (const auto& e : eps) out.push_back(e.method + " " + e.path);
  return out;
}

const Endpoint& Find(const std::vector<Endpoint>& eps, std::string_view method,
                     std::string_view path) {
  auto it = std::find_if(eps.begin(), eps.end(),
                         [&](const Endpoint& e) { return e.method == method && e.path == path; });
  if (it == eps.end()) {
    ADD_FAILURE() << "no endpoint " << method << " " << path;
    static Endpoint none;
    return none;
  }
  return *it;
}

TEST(Endpoints, BlogTableIsExactlyTheContract) {
  auto eps = BuildEndpoints(testing::TestdataSpec("blog-realtime"));
  std::vector<std::string> expected = {"GET /health",
                                       "GET /ready",
                                       "GET /openapi.json",
                                       "GET /docs",
                                       "POST /auth/register",
                                       "POST /auth/login",
                                       "POST /auth/refresh",
                                       "GET /auth/me",
                                       "GET /api/users",
                                       "GET /api/users/{id}",
                                       "PATCH /api/users/{id}",
                                       "DELETE /api/users/{id}",
                                       "GET /api/users/{id}/posts",
                                       "GET /api/users/{id}/comments",
                                       "GET /api/posts",
                                       "POST /api/posts",
                                       "GET /api/posts/{id}",
                                       "PATCH /api/posts/{id}",
                                       "DELETE /api/posts/{id}",
                                       "GET /api/posts/{id}/comments",
                                       "GET /api/posts/{id}/tags",
                                       "GET /api/comments",
                                       "POST /api/comments",
                                       "GET /api/comments/{id}",
                                       "PATCH /api/comments/{id}",
                                       "DELETE /api/comments/{id}",
                                       "GET /api/tags",
                                       "POST /api/tags",
                                       "GET /api/tags/{id}",
                                       "PATCH /api/tags/{id}",
                                       "DELETE /api/tags/{id}",
                                       "GET /api/tags/{id}/posts",
                                       "GET /api/events"};
  EXPECT_EQ(Routes(eps), expected);
}

TEST(Endpoints, AccessFollowsEffectiveAccess) {
  auto eps = BuildEndpoints(testing::TestdataSpec("blog-realtime"));
  // Default rules for an owned entity: any signed-in user reads/creates, the owner edits.
  EXPECT_EQ(Find(eps, "GET", "/api/posts").access, std::vector<std::string>{"authenticated"});
  EXPECT_EQ(Find(eps, "POST", "/api/posts").access, std::vector<std::string>{"authenticated"});
  EXPECT_EQ(Find(eps, "PATCH", "/api/posts/{id}").access,
            (std::vector<std::string>{"owner", "admin"}));
  EXPECT_EQ(Find(eps, "DELETE", "/api/posts/{id}").AccessText(), "owner, admin");
  // Explicit rules: Tag is public to read, editors write, admins delete.
  const Endpoint& tags = Find(eps, "GET", "/api/tags");
  EXPECT_EQ(tags.access, std::vector<std::string>{"public"});
  EXPECT_FALSE(tags.requiresAuth);
  EXPECT_EQ(tags.statuses, (std::vector<int>{200, 400}));
  EXPECT_EQ(Find(eps, "POST", "/api/tags").access, (std::vector<std::string>{"editor", "admin"}));
  EXPECT_EQ(Find(eps, "DELETE", "/api/tags/{id}").access, std::vector<std::string>{"admin"});
  // The user entity: accounts come from /auth/register only.
  EXPECT_EQ(std::count_if(eps.begin(), eps.end(), [](const Endpoint& e) { return e.method == "POST" && e.path == "/api/users"; }), 0);
  EXPECT_EQ(Find(eps, "POST", "/auth/register").AccessText(), "anyone");
  EXPECT_EQ(Find(eps, "GET", "/auth/me").AccessText(), "any signed-in user");
  EXPECT_FALSE(Find(eps, "POST", "/auth/refresh").requiresAuth);
}

TEST(Endpoints, StatusCodes) {
  auto eps = BuildEndpoints(testing::TestdataSpec("blog-realtime"));
  EXPECT_EQ(Find(eps, "POST", "/api/posts").statuses,
            (std::vector<int>{201, 400, 401, 409, 422}));  // slug unique
  EXPECT_EQ(Find(eps, "POST", "/api/comments").statuses, (std::vector<int>{201, 400, 401, 422}));
  EXPECT_EQ(Find(eps, "PATCH", "/api/posts/{id}").statuses,
            (std::vector<int>{200, 400, 401, 403, 404, 409, 422}));
  EXPECT_EQ(Find(eps, "DELETE", "/api/comments/{id}").statuses,
            (std::vector<int>{204, 401, 403, 404}));
  EXPECT_EQ(Find(eps, "GET", "/api/posts/{id}").statuses, (std::vector<int>{200, 401, 404}));
  EXPECT_EQ(Find(eps, "GET", "/ready").statuses, (std::vector<int>{200, 503}));
  EXPECT_EQ(Find(eps, "GET", "/api/events").statuses, (std::vector<int>{200, 401}));
}

TEST(Endpoints, KebabCasePluralsAndNestedReads) {
  auto eps = BuildEndpoints(testing::TestdataSpec("shop"));
  auto routes = Routes(eps);
  auto has = [&](std::string_view r) {
    return std::find(routes.begin(), routes.end(), r) != routes.end();
  };
  EXPECT_TRUE(has("GET /api/order-items"));
  EXPECT_TRUE(has("PATCH /api/order-items/{id}"));
  EXPECT_TRUE(has("GET /api/categories/{id}/children"));   // self one-to-many
  EXPECT_TRUE(has("GET /api/products/{id}/order-items"));  // accessor in kebab-case
  EXPECT_TRUE(has("GET /api/orders/{id}/items"));
  EXPECT_EQ(Find(eps, "GET", "/api/orders/{id}/payment").kind, EndpointKind::kNestedRead);  // one-to-one
  EXPECT_FALSE(has("GET /api/events"));               // no realtime, no notifications
  const Endpoint& nested = Find(eps, "GET", "/api/orders/{id}/items");
  EXPECT_EQ(nested.kind, EndpointKind::kNestedList);
  EXPECT_EQ(nested.parent, "Order");
  EXPECT_EQ(nested.entity, "OrderItem");
  EXPECT_EQ(nested.relation, "items");
}

// The convention text in every plan names what the endpoint builder (and so the contract) does:
// one-to-one nested reads, the other side of a many-to-many, and foreign-key filters.
TEST(Endpoints, UrlConventionTextMatchesTheEndpoints) {
  const std::string text(kUrlConvention);
  EXPECT_NE(text.find("one-to-one"), std::string::npos);
  EXPECT_NE(text.find("/api/tags/{id}/posts"), std::string::npos);
  EXPECT_NE(text.find("?postId="), std::string::npos);
  EXPECT_EQ(text.find("from the side that declares the relation."), std::string::npos);
  auto eps = BuildEndpoints(testing::TestdataSpec("shop"));
  EXPECT_EQ(Find(eps, "GET", "/api/orders/{id}/payment").kind, EndpointKind::kNestedRead);
}

TEST(Endpoints, SelfManyToManyNestedRead) {
  auto eps = BuildEndpoints(testing::TestdataSpec("chat"));
  EXPECT_EQ(Find(eps, "GET", "/api/users/{id}/following").kind, EndpointKind::kNestedList);
  EXPECT_EQ(Find(eps, "GET", "/api/rooms/{id}/members").entity, "User");
  EXPECT_EQ(Find(eps, "GET", "/api/events").kind, EndpointKind::kEvents);  // realtime
}

TEST(Endpoints, NotificationsAloneEnableTheEventStream) {
  auto eps = BuildEndpoints(SpecFromJson(MiniSpec("", "", "\"auth\",\"notifications\"")));
  EXPECT_EQ(eps.back().path, "/api/events");
}

TEST(Endpoints, WithoutAuthEverythingIsPublicAndThereAreNoAuthRoutes) {
  const char* text = R"({"name":"open","auth":{"enabled":false},"features":["realtime"],
    "entities":[{"name":"Note","fields":[{"name":"text","type":"string"}]}],"relations":[]})";
  auto eps = BuildEndpoints(SpecFromJson(text));
  for (const auto& e : eps) {
    EXPECT_FALSE(e.path.starts_with("/auth")) << e.path;
    EXPECT_EQ(e.access, std::vector<std::string>{"public"}) << e.path;
    EXPECT_FALSE(std::count(e.statuses.begin(), e.statuses.end(), 401)) << e.path;
  }
  EXPECT_EQ(Find(eps, "GET", "/api/notes").path, "/api/notes");
  EXPECT_EQ(Find(eps, "GET", "/api/events").access, std::vector<std::string>{"public"});
}

TEST(Endpoints, PathHelpers) {
  spec::Entity e;
  e.name = "OrderItem";
  e.plural = "OrderItems";
  EXPECT_EQ(CollectionPath(e), "/api/order-items");
  e.name = "Person";
  e.plural = "People";
  EXPECT_EQ(CollectionPath(e), "/api/people");
  EXPECT_EQ(PathSegment("lineItems"), "line-items");
}

}  // namespace
}  // namespace bf::plan
