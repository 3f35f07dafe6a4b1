#include "verify/model.h"

#include <gtest/gtest.h>

#include "spec/testing_specs.h"

namespace bf::verify {
namespace {

std::vector<std::string> Names(const SuiteModel& m) {
  std::vector<std::string> out;
  for (const auto& e : m.entities) out.push_back(e.name);
  return out;
}

TEST(ModelTest, CreatesParentsAndLinkTargetsFirst) {
  spec::AppSpec s = spec::testing::BlogSpec();
  SuiteModel m = BuildModel(s);
  // Tag before Post: a post can link tags at creation; Post before Comment (required reference).
  EXPECT_EQ(Names(m), (std::vector<std::string>{"User", "Tag", "Post", "Comment"}));
  EXPECT_TRUE(m.auth);
  EXPECT_EQ(m.userEntity, "User");
}

TEST(ModelTest, DescribesReferencesLinksNestedReadsAndOwners) {
  spec::AppSpec s = spec::testing::BlogSpec();
  SuiteModel m = BuildModel(s);
  const EntityModel* post = m.Find("Post");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->route, "/api/posts");
  EXPECT_EQ(post->ownerField, "authorId");
  ASSERT_EQ(post->refs.size(), 1u);
  EXPECT_TRUE(post->refs[0].isOwner);
  ASSERT_EQ(post->links.size(), 1u);
  EXPECT_EQ(post->links[0].field, "tagIds");
  ASSERT_EQ(post->nested.size(), 2u);
  EXPECT_EQ(post->nested[0].segment, "comments");
  EXPECT_EQ(post->nested[0].kind, NestedModel::Kind::kChildren);
  EXPECT_EQ(post->nested[0].field, "postId");
  EXPECT_EQ(post->nested[1].kind, NestedModel::Kind::kLinked);
  const EntityModel* tag = m.Find("Tag");
  ASSERT_EQ(tag->nested.size(), 1u);
  EXPECT_EQ(tag->nested[0].segment, "posts");
  EXPECT_EQ(tag->nested[0].kind, NestedModel::Kind::kLinkedBy);
  EXPECT_EQ(tag->nested[0].field, "tagIds");
  const EntityModel* user = m.Find("User");
  EXPECT_TRUE(user->isUser);
  for (const auto* f : user->writable)
    EXPECT_NE(f->name, "email") << "the identity is not writable";
  // Text is neither sortable nor filterable; booleans filter but do not sort.
  EXPECT_EQ(post->sortable, (std::vector<std::string>{"title", "status", "publishedAt", "views",
                                                      "createdAt", "updatedAt"}));
  for (const auto* f : post->filterable) EXPECT_NE(f->name, "body");
}

TEST(ModelTest, CyclesOfRequiredReferencesStillListEveryEntity) {
  spec::AppSpec s = spec::testing::BlogSpec();
  s.relations.push_back({.from = "Comment",
                         .to = "Post",
                         .kind = spec::RelationKind::kOneToMany,
                         .name = "quotedBy",
                         .inverse = "quotes",
                         .required = true});
  SuiteModel m = BuildModel(s);
  EXPECT_EQ(m.entities.size(), 4u);
}

TEST(ModelTest, AllowsFollowsThePrincipalList) {
  EXPECT_TRUE(Allows({"public"}, false, "", false));
  EXPECT_FALSE(Allows({"authenticated"}, false, "", false));
  EXPECT_TRUE(Allows({"authenticated"}, true, "user", false));
  EXPECT_FALSE(Allows({"owner"}, true, "user", false));
  EXPECT_TRUE(Allows({"owner"}, true, "user", true));
  EXPECT_TRUE(Allows({"editor"}, true, "editor", false));
  EXPECT_FALSE(Allows({"admin"}, true, "user", true));
}

}  // namespace
}  // namespace bf::verify
