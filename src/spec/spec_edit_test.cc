#include "spec/spec_edit.h"

#include <gtest/gtest.h>

#include "spec/spec_json.h"
#include "spec/testing_specs.h"

namespace bf::spec {
namespace {

using namespace edit;  // NOLINT

// Applies `e`, checks it succeeded, then applies the inverse and checks the spec is restored
// byte for byte. Returns the spec after the edit.
AppSpec ApplyAndUndo(const SpecEdit& e) {
  AppSpec original = testing::BlogSpec();
  AppSpec s = original;
  auto inverse = Apply(s, e);
  EXPECT_TRUE(inverse.ok()) << (inverse.ok() ? "" : inverse.error().message);
  if (!inverse.ok()) return s;
  EXPECT_NE(s, original) << "the edit changed nothing: " << Describe(e);
  AppSpec edited = s;
  auto redo = Apply(s, *inverse);
  EXPECT_TRUE(redo.ok()) << (redo.ok() ? "" : redo.error().message);
  EXPECT_EQ(ToJson(s).dump(2), ToJson(original).dump(2)) << "undo of " << Describe(e);
  return edited;
}

TEST(SpecEdit, AddField) {
  AppSpec s = ApplyAndUndo(SpecEdit{AddField{"Post", Field{.name = "subtitle", .type = FieldType::kString}}});
  ASSERT_NE(s.FindEntity("Post")->FindField("subtitle"), nullptr);
}

TEST(SpecEdit, RemoveFieldRestoresPosition) {
  AppSpec s = ApplyAndUndo(SpecEdit{RemoveField{"Post", "body"}});
  EXPECT_EQ(s.FindEntity("Post")->FindField("body"), nullptr);
}

TEST(SpecEdit, RenameField) {
  AppSpec s = ApplyAndUndo(SpecEdit{RenameField{"Post", "body", "content"}});
  EXPECT_NE(s.FindEntity("Post")->FindField("content"), nullptr);
}

TEST(SpecEdit, RenamingTheIdentityFieldFollowsInAuth) {
  AppSpec s = ApplyAndUndo(SpecEdit{RenameField{"User", "email", "emailAddress"}});
  EXPECT_EQ(s.auth.identityField, "emailAddress");
}

TEST(SpecEdit, UpdateFieldChangesTypeAndConstraints) {
  Field f = *testing::BlogSpec().FindEntity("User")->FindField("name");
  f.unique = true;
  f.maxLength = 50;
  AppSpec s = ApplyAndUndo(SpecEdit{UpdateField{"User", f}});
  EXPECT_TRUE(s.FindEntity("User")->FindField("name")->unique);
}

TEST(SpecEdit, AddAndRemoveEntity) {
  Entity like{.name = "Like", .fields = {}};
  AppSpec s = ApplyAndUndo(SpecEdit{AddEntity{like, std::nullopt}});
  EXPECT_EQ(s.FindEntity("Like")->plural, "Likes");
  AppSpec r = ApplyAndUndo(SpecEdit{RemoveEntity{"Tag"}});
  EXPECT_EQ(r.FindEntity("Tag"), nullptr);
  EXPECT_EQ(r.relations.size(), 3u) << "relations touching Tag go with it";
}

TEST(SpecEdit, RemovingACommentEntityRestoresItsRelationsInOrder) {
  AppSpec s = ApplyAndUndo(SpecEdit{RemoveEntity{"Comment"}});
  EXPECT_EQ(s.relations.size(), 2u);
}

TEST(SpecEdit, RenameEntityFollowsEverywhere) {
  AppSpec s = ApplyAndUndo(SpecEdit{RenameEntity{"Post", "Article", ""}});
  const Entity* a = s.FindEntity("Article");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->plural, "Articles");
  EXPECT_EQ(s.relations[0].to, "Article");
  EXPECT_EQ(s.relations[0].name, "articles") << "derived accessor follows the rename";
  EXPECT_EQ(s.relations[2].from, "Article");
  EXPECT_EQ(s.relations[2].inverse, "article") << "Comment.post becomes Comment.article";
  EXPECT_EQ(s.relations[3].inverse, "articles");
}

TEST(SpecEdit, RenameUserEntityUpdatesAuth) {
  AppSpec s = ApplyAndUndo(SpecEdit{RenameEntity{"User", "Member", ""}});
  EXPECT_EQ(s.auth.userEntity, "Member");
  EXPECT_EQ(s.FindEntity("Post")->owner, "author") << "custom accessor names stay";
}

TEST(SpecEdit, Relations) {
  Relation likes{.from = "User", .to = "Post", .kind = RelationKind::kManyToMany, .name = "likedPosts", .inverse = "likedBy"};
  AppSpec s = ApplyAndUndo(SpecEdit{AddRelation{likes, std::nullopt}});
  EXPECT_EQ(s.relations.size(), 5u);
  AppSpec r = ApplyAndUndo(SpecEdit{RenameRelation{"Post", "tags", "labels"}});
  EXPECT_EQ(r.relations[3].name, "labels");
  AppSpec d = ApplyAndUndo(SpecEdit{RemoveRelation{"Post", "tags"}});
  EXPECT_EQ(d.relations.size(), 3u);
}

TEST(SpecEdit, AddRelationDerivesNames) {
  AppSpec s = testing::BlogSpec();
  Relation follow{.from = "User", .to = "User", .kind = RelationKind::kManyToMany};
  ASSERT_TRUE(Apply(s, SpecEdit{AddRelation{follow, std::nullopt}}).ok());
  EXPECT_EQ(s.relations.back().name, "users");
  EXPECT_EQ(s.relations.back().inverse, "usersOf");
}

TEST(SpecEdit, Roles) {
  AppSpec s = ApplyAndUndo(SpecEdit{AddRole{"editor", std::nullopt}});
  EXPECT_EQ(s.roles.size(), 3u);
  AppSpec r = ApplyAndUndo(SpecEdit{RenameRole{"user", "member"}});
  EXPECT_EQ(r.auth.defaultRole, "member");
}

TEST(SpecEdit, RemoveRoleAlsoLeavesAccessListsAndUndoRestoresThem) {
  AppSpec base = testing::BlogSpec();
  ASSERT_TRUE(Apply(base, SpecEdit{AddRole{"editor", std::nullopt}}).ok());
  Entity tag = *base.FindEntity("Tag");
  tag.fields.clear();
  tag.access = Access{.read = {"public"}, .create = {"editor", "admin"}, .update = {"admin"}, .remove = {"admin"}};
  ASSERT_TRUE(Apply(base, SpecEdit{UpdateEntity{tag}}).ok());
  AppSpec s = base;
  auto inverse = Apply(s, SpecEdit{RemoveRole{"editor"}});
  ASSERT_TRUE(inverse.ok()) << inverse.error().message;
  EXPECT_EQ(s.FindEntity("Tag")->access->create, std::vector<std::string>{"admin"});
  ASSERT_TRUE(Apply(s, *inverse).ok());
  EXPECT_EQ(ToJson(s).dump(), ToJson(base).dump());
}

TEST(SpecEdit, FeaturesAndStack) {
  AppSpec s = ApplyAndUndo(SpecEdit{AddFeature{Feature::kNotifications}});
  EXPECT_TRUE(s.HasFeature(Feature::kNotifications));
  AppSpec r = ApplyAndUndo(SpecEdit{RemoveFeature{Feature::kRealtime}});
  EXPECT_FALSE(r.HasFeature(Feature::kRealtime));
  AppSpec st = ApplyAndUndo(SpecEdit{SetStack{Stack{"python", "fastapi", "postgres"}}});
  EXPECT_EQ(st.stack.language, "python");
  AppSpec db = ApplyAndUndo(SpecEdit{SetDatabase{"sqlite"}});
  EXPECT_EQ(db.stack.database, "sqlite");
}

TEST(SpecEdit, InvalidEditsAreRejectedAndLeaveTheSpecUnchanged) {
  AppSpec s = testing::BlogSpec();
  const AppSpec original = s;
  auto a = Apply(s, SpecEdit{RemoveEntity{"Usr"}});
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.error().message, "no entity named \"Usr\"; did you mean \"User\"?");
  auto b = Apply(s, SpecEdit{RemoveField{"User", "email"}});
  ASSERT_FALSE(b.ok());
  EXPECT_NE(b.error().message.find("needs the identity field \"email\""), std::string::npos) << b.error().message;
  auto c = Apply(s, SpecEdit{AddField{"Post", Field{.name = "title"}}});
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.error().message, "field \"title\" already exists in \"Post\"");
  auto d = Apply(s, SpecEdit{RemoveEntity{"User"}});
  ASSERT_FALSE(d.ok());
  auto e = Apply(s, SpecEdit{SetDatabase{"oracle"}});
  ASSERT_FALSE(e.ok());
  EXPECT_NE(e.error().message.find("unknown database \"oracle\""), std::string::npos);
  EXPECT_EQ(s, original);
}

TEST(SpecEdit, BatchIsAllOrNothing) {
  AppSpec s = testing::BlogSpec();
  const AppSpec original = s;
  Batch b;
  b.ops.push_back(SpecEdit{AddField{"Post", Field{.name = "subtitle"}}});
  b.ops.push_back(SpecEdit{RemoveField{"Post", "nope"}});
  EXPECT_FALSE(Apply(s, SpecEdit{b}).ok());
  EXPECT_EQ(s, original);
}

TEST(SpecEdit, BatchCanPassThroughInvalidIntermediateStates) {
  // Owning a new entity needs the entity, the relation and the owner: only valid together.
  Batch b;
  b.ops.push_back(SpecEdit{AddEntity{Entity{.name = "Like"}, std::nullopt}});
  b.ops.push_back(SpecEdit{AddRelation{Relation{.from = "User", .to = "Like", .kind = RelationKind::kOneToMany,
                                                .name = "likes", .inverse = "user", .required = true},
                                       std::nullopt}});
  Entity like{.name = "Like", .plural = "Likes", .owner = "user"};
  b.ops.push_back(SpecEdit{UpdateEntity{like}});
  AppSpec s = ApplyAndUndo(SpecEdit{b});
  EXPECT_EQ(s.FindEntity("Like")->owner, "user");
}

TEST(SpecEdit, JsonRoundTrip) {
  Batch b;
  b.ops.push_back(SpecEdit{AddField{"Post", Field{.name = "subtitle", .maxLength = 80}, 2}});
  b.ops.push_back(SpecEdit{RenameEntity{"Post", "Article", ""}});
  b.ops.push_back(SpecEdit{AddFeature{Feature::kSearch}});
  b.ops.push_back(SpecEdit{SetStack{Stack{"go", "", "postgres"}}});
  SpecEdit e{b};
  auto parsed = EditFromJson(nlohmann::json::parse(ToJson(e).dump()));
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(ToJson(*parsed).dump(), ToJson(e).dump());
  EXPECT_EQ(Describe(e), "added field Post.subtitle (string); renamed entity Post to Article; turned on search; "
                         "set stack to go with postgres");
}

TEST(SpecEdit, JsonErrorsAreClear) {
  auto a = EditFromJson(nlohmann::json{{"op", "explode"}});
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.error().message.rfind("unknown op \"explode\"", 0), 0u);
  auto b = EditFromJson(nlohmann::json{{"op", "addField"}, {"entity", "Post"}, {"field", {{"name", "x"}, {"type", "strin"}}}});
  ASSERT_FALSE(b.ok());
  EXPECT_NE(b.error().message.find("field.type: unknown type \"strin\""), std::string::npos) << b.error().message;
}

}  // namespace
}  // namespace bf::spec
