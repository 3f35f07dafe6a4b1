#include "generate/prepare.h"

#include <gtest/gtest.h>

#include "spec/testing_specs.h"

namespace bf::generate {
namespace {

using nlohmann::json;

const json& EntityView(const json& m, const std::string& name) {
  for (const auto& e : m["entities"]) {
    if (e["name"] == name) return e;
  }
  static json none;
  return none;
}

TEST(Prepare, NamesInEveryCasing) {
  spec::AppSpec s = spec::testing::BlogSpec();
  s.entities.push_back(spec::Entity{.name = "OrderItem", .plural = "OrderItems"});
  json m = CommonViewModel(s, "sqlite");
  const json& oi = EntityView(m, "OrderItem");
  EXPECT_EQ(oi["camelPlural"], "orderItems");
  EXPECT_EQ(oi["snake"], "order_item");
  EXPECT_EQ(oi["table"], "order_items");
  EXPECT_EQ(oi["route"], "/api/order-items");
  EXPECT_EQ(oi["titlePlural"], "Order Items");
  EXPECT_EQ(m["app"]["pascal"], nullptr);
  EXPECT_EQ(m["app"]["name"], "BlogApi");
  EXPECT_EQ(m["app"]["kebab"], "blog-api");
}

TEST(Prepare, ReferencesCollectionsAndLinks) {
  json m = CommonViewModel(spec::testing::BlogSpec(), "postgres");
  const json& comment = EntityView(m, "Comment");
  ASSERT_EQ(comment["references"].size(), 2u);
  EXPECT_EQ(comment["references"][0]["field"], "authorId");
  EXPECT_TRUE(comment["references"][0]["isOwner"].get<bool>());
  EXPECT_EQ(comment["references"][1]["field"], "postId");
  EXPECT_EQ(comment["references"][1]["column"], "post_id");
  EXPECT_EQ(comment["references"][1]["onDelete"], "cascade");
  EXPECT_FALSE(comment["references"][1]["isOwner"].get<bool>());
  const json& post = EntityView(m, "Post");
  ASSERT_EQ(post["links"].size(), 1u);
  EXPECT_EQ(post["links"][0]["idsField"], "tagIds");
  EXPECT_EQ(post["links"][0]["joinTable"], "post_tags");
  EXPECT_TRUE(post["links"][0]["isOwningSide"].get<bool>());
  const json& tag = EntityView(m, "Tag");
  EXPECT_EQ(tag["links"][0]["name"], "posts");
  EXPECT_EQ(tag["links"][0]["selfColumn"], "tag_id");
  EXPECT_FALSE(tag["links"][0]["isOwningSide"].get<bool>());
  EXPECT_EQ(post["collections"][0]["name"], "comments");
  EXPECT_EQ(post["collections"][0]["fkColumn"], "post_id");
  EXPECT_EQ(m["joinTables"].size(), 1u);
  EXPECT_TRUE(m["isPostgres"].get<bool>());
}

TEST(Prepare, AccessFlags) {
  json m = CommonViewModel(spec::testing::BlogSpec(), "sqlite");
  const json& post = EntityView(m, "Post");
  EXPECT_TRUE(post["access"]["read"]["authenticated"].get<bool>());
  EXPECT_TRUE(post["access"]["update"]["owner"].get<bool>());
  const json& tag = EntityView(m, "Tag");
  EXPECT_EQ(tag["access"]["create"]["roles"][0]["name"], "admin");
  EXPECT_FALSE(tag["access"]["create"]["authenticated"].get<bool>());
}

TEST(Prepare, CreationOrderPutsParentsFirst) {
  json m = CommonViewModel(spec::testing::BlogSpec(), "sqlite");
  EXPECT_EQ(m["creationOrder"], (json{"User", "Post", "Comment", "Tag"}));
}

TEST(Prepare, SemanticsDriveSeedData) {
  json m = CommonViewModel(spec::testing::BlogSpec(), "sqlite");
  const json& user = EntityView(m, "User");
  EXPECT_EQ(user["fields"][0]["semantic"], "personName");
  EXPECT_EQ(user["fields"][1]["semantic"], "email");
  EXPECT_EQ(EntityView(m, "Post")["fields"][0]["semantic"], "title");
  EXPECT_EQ(EntityView(m, "Post")["fields"][1]["semantic"], "paragraph");
}

// The node-express model is tested in node_express_prepare_test.cc.

}  // namespace
}  // namespace bf::generate
