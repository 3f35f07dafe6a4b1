#include "plan/data_model.h"

#include <gtest/gtest.h>

#include "plan/test_util.h"

namespace bf::plan {
namespace {

using testing::MiniSpec;
using testing::SpecFromJson;

const Column* FindColumn(const Table& t, std::string_view name) {
  for (const auto& c : t.columns) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

TEST(DataModel, EntityTablesHaveIdFieldsForeignKeysAndTimestamps) {
  auto s = testing::TestdataSpec("blog-realtime");
  auto tables = BuildTables(s);
  ASSERT_EQ(tables.size(), 5u);  // 4 entities + PostTags
  const Table& post = tables[1];
  EXPECT_EQ(post.name, "Post");
  std::vector<std::string> names;
  for (const auto& c : post.columns) names.push_back(c.name);
  EXPECT_EQ(names, (std::vector<std::string>{"id", "title", "slug", "body", "status", "publishedAt",
                                             "authorId", "createdAt", "updatedAt"}));
  const Column* fk = FindColumn(post, "authorId");
  ASSERT_NE(fk, nullptr);
  EXPECT_TRUE(fk->foreignKey);
  EXPECT_TRUE(fk->required);
  EXPECT_EQ(fk->references, "User");
  EXPECT_EQ(fk->relationName, "author");
  EXPECT_TRUE(FindColumn(post, "id")->primaryKey);
  // Auth-managed columns only on the user entity.
  EXPECT_NE(FindColumn(tables[0], "passwordHash"), nullptr);
  EXPECT_EQ(FindColumn(post, "passwordHash"), nullptr);
  const Table& join = tables[4];
  EXPECT_TRUE(join.isJoin);
  EXPECT_EQ(join.name, "PostTags");
  EXPECT_TRUE(FindColumn(join, "postId")->primaryKey);
  EXPECT_TRUE(FindColumn(join, "tagId")->foreignKey);
}

TEST(DataModel, FieldConstraintsText) {
  spec::Field f;
  f.name = "n";
  f.type = spec::FieldType::kInteger;
  f.required = true;
  f.unique = true;
  f.min = 0;
  f.max = 10.5;
  f.defaultValue = 3;
  EXPECT_EQ(FieldConstraints(f),
            (std::vector<std::string>{"required", "unique", "min 0.0", "max 10.5", "default 3"}));
}

TEST(DataModel, JoinTableNamesAvoidClashes) {
  // A's default join name for `bs` is "ABs", which is also an entity here.
  const char* ents =
      R"({"name":"A","fields":[]},{"name":"B","fields":[]},{"name":"ABs","plural":"AbsList","fields":[]})";
  const char* rels = R"({"from":"A","to":"B","kind":"many-to-many","name":"bs","inverse":"as"},
    {"from":"A","to":"B","kind":"many-to-many","name":"others","inverse":"otherAs","through":"ABs2"})";
  auto joins = JoinTables(SpecFromJson(MiniSpec(ents, rels)));
  ASSERT_EQ(joins.size(), 2u);
  EXPECT_EQ(joins[0].name, "ABs2");
  EXPECT_EQ(joins[1].name, "ABs22");  // "ABs2" was taken by the first
  EXPECT_EQ(joins[0].fromColumn, "aId");
  EXPECT_EQ(joins[0].toColumn, "bId");
}

TEST(DataModel, SelfManyToManyColumnsDiffer) {
  const char* rels =
      R"({"from":"User","to":"User","kind":"many-to-many","name":"friends","inverse":"friendsOf"})";
  auto joins = JoinTables(SpecFromJson(MiniSpec("", rels)));
  EXPECT_EQ(joins[0].name, "UserFriends");
  EXPECT_NE(joins[0].fromColumn, joins[0].toColumn);
  EXPECT_EQ(joins[0].toColumn, "friendId");
}

TEST(DataModel, OwnerRelation) {
  auto s = testing::TestdataSpec("shop");
  const spec::Relation* r = OwnerRelation(s, *s.FindEntity("Order"));
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->inverse, "customer");
  EXPECT_EQ(OwnerRelation(s, *s.FindEntity("Product")), nullptr);
}

}  // namespace
}  // namespace bf::plan
