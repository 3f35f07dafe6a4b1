#include "spec/validate.h"

#include <gtest/gtest.h>

#include "spec/testing_specs.h"

namespace bf::spec {
namespace {

std::vector<std::string> Errors(const AppSpec& s) {
  std::vector<std::string> out;
  for (const auto& i : Validate(s)) out.push_back(i.ToString());
  return out;
}

bool HasError(const AppSpec& s, const std::string& text) {
  for (const auto& e : Errors(s)) {
    if (e.find(text) != std::string::npos) return true;
  }
  return false;
}

TEST(Validate, BlogSpecIsValid) { EXPECT_TRUE(Errors(testing::BlogSpec()).empty()) << ::testing::PrintToString(Errors(testing::BlogSpec())); }

TEST(Validate, UnknownRelationTargetSuggestsTheClosestEntity) {
  AppSpec s = testing::BlogSpec();
  s.relations[1].to = "Usr";
  s.relations[1].from = "Post";
  auto errors = Errors(s);
  EXPECT_NE(std::find(errors.begin(), errors.end(), "relations[1].to: no entity named \"Usr\"; did you mean \"User\"?"),
            errors.end())
      << ::testing::PrintToString(errors);
}

TEST(Validate, ReturnsAllErrorsNotTheFirst) {
  AppSpec s = testing::BlogSpec();
  s.name = "Blog API";
  s.entities[1].name = "posts";
  s.entities[3].fields[0].name = "Name";
  s.relations[3].to = "Tags";
  auto errors = Errors(s);
  EXPECT_GE(errors.size(), 4u) << ::testing::PrintToString(errors);
  EXPECT_TRUE(HasError(s, "name: \"Blog API\" must be kebab-case"));
  EXPECT_TRUE(HasError(s, "entities[1].name: entity name \"posts\" must be singular PascalCase (e.g. \"Posts\")"));
  EXPECT_TRUE(HasError(s, "entities[3].fields[0].name: field name \"Name\" must be camelCase (e.g. \"name\")"));
  EXPECT_TRUE(HasError(s, "relations[3].to: no entity named \"Tags\"; did you mean \"Tag\"?"));
}

TEST(Validate, FieldConstraints) {
  AppSpec s = testing::BlogSpec();
  Entity& post = s.entities[1];
  post.fields[0].min = 1;                     // string with min
  post.fields[2].enumValues.clear();          // enum without values
  post.fields[4].min = 10;
  post.fields[4].max = 5;                     // min > max
  post.fields[3].maxLength = 10;              // datetime with maxLength
  post.fields[1].enumValues = {"a"};          // text with enum values
  EXPECT_TRUE(HasError(s, "entities[1].fields[0].min: min and max apply to integer and number fields"));
  EXPECT_TRUE(HasError(s, "entities[1].fields[2].enumValues: an enum field needs at least one value"));
  EXPECT_TRUE(HasError(s, "entities[1].fields[4].min: min (10) is greater than max (5)"));
  EXPECT_TRUE(HasError(s, "entities[1].fields[3].maxLength: maxLength applies to"));
  EXPECT_TRUE(HasError(s, "entities[1].fields[1].enumValues: only fields of type enum take enumValues"));
}

TEST(Validate, DefaultsMustFitTheirType) {
  AppSpec s = testing::BlogSpec();
  s.entities[1].fields[2].defaultValue = "archived";
  s.entities[1].fields[4].defaultValue = -1;
  s.entities[1].fields[0].defaultValue = 3;
  EXPECT_TRUE(HasError(s, "entities[1].fields[2].default: default \"archived\" is not one of the enum values (draft, published)"));
  EXPECT_TRUE(HasError(s, "entities[1].fields[4].default: default -1 is below min 0"));
  EXPECT_TRUE(HasError(s, "entities[1].fields[0].default: default 3 does not fit type string"));
}

TEST(Validate, ImplicitAndAuthManagedFieldsAreRejected) {
  AppSpec s = testing::BlogSpec();
  s.entities[0].fields.push_back(Field{.name = "password"});
  s.entities[1].fields.push_back(Field{.name = "createdAt", .type = FieldType::kDateTime});
  EXPECT_TRUE(HasError(s, "entities[0].fields[3].name: \"password\" of the user entity is managed by auth"));
  EXPECT_TRUE(HasError(s, "entities[1].fields[5].name: \"createdAt\" is added to every entity automatically"));
}

TEST(Validate, DuplicatesAreFound) {
  AppSpec s = testing::BlogSpec();
  s.entities.push_back(s.entities[3]);
  s.entities[1].fields.push_back(Field{.name = "Title"});
  s.roles.push_back("user");
  EXPECT_TRUE(HasError(s, "entities[4].name: duplicate entity \"Tag\" (also entities[3])"));
  EXPECT_TRUE(HasError(s, "duplicate field \"Title\" (also fields[0])"));
  EXPECT_TRUE(HasError(s, "roles[2]: duplicate role \"user\""));
}

TEST(Validate, AuthNeedsAnIdentityFieldAndRoles) {
  AppSpec s = testing::BlogSpec();
  s.entities[0].fields[1].unique = false;
  s.auth.defaultRole = "member";
  EXPECT_TRUE(HasError(s, "auth.identityField: field \"email\" of \"User\" must be of type email or string, required and unique"));
  EXPECT_TRUE(HasError(s, "auth.defaultRole: role \"member\" is not in roles (admin, user); add it to roles"));
  s.auth.userEntity = "Account";
  EXPECT_TRUE(HasError(s, "auth.userEntity: no entity named \"Account\""));
}

TEST(Validate, OwnerMustMatchARelationFromTheUserEntity) {
  AppSpec s = testing::BlogSpec();
  s.entities[3].owner = "creator";
  EXPECT_TRUE(HasError(s, "entities[3].owner: no one-to-many relation from \"User\" to \"Tag\" with inverse \"creator\""));
}

TEST(Validate, AccessPrincipals) {
  AppSpec s = testing::BlogSpec();
  s.entities[3].access = Access{.read = {"public"}, .create = {"admn"}, .update = {"owner"}, .remove = {}};
  EXPECT_TRUE(HasError(s, "entities[3].access.create[0]: unknown principal \"admn\""));
  EXPECT_TRUE(HasError(s, "did you mean \"admin\"?"));
  EXPECT_TRUE(HasError(s, "entities[3].access.update[0]: \"owner\" needs the entity to have an owner"));
  EXPECT_TRUE(HasError(s, "entities[3].access.delete: list at least one principal"));
}

TEST(Validate, RelationAccessorsMustNotClash) {
  AppSpec s = testing::BlogSpec();
  s.entities[1].fields.push_back(Field{.name = "tags", .type = FieldType::kJson});
  EXPECT_TRUE(HasError(s, "relations[3].name: \"tags\" on \"Post\" clashes with the field of the same name"));
  AppSpec t = testing::BlogSpec();
  t.entities[2].fields.push_back(Field{.name = "postId", .type = FieldType::kUuid});
  EXPECT_TRUE(HasError(t, "relations[2].inverse: \"postId\" on \"Comment\" clashes with the field of the same name"));
}

TEST(Validate, RequiredReferenceCannotBeSetNull) {
  AppSpec s = testing::BlogSpec();
  s.relations[2].onDelete = OnDelete::kSetNull;
  EXPECT_TRUE(HasError(s, "relations[2].onDelete: a required reference cannot be set to null on delete"));
}

TEST(Validate, SelfRelationsNeedDistinctNames) {
  AppSpec s = testing::BlogSpec();
  s.relations.push_back(Relation{.from = "User", .to = "User", .kind = RelationKind::kManyToMany,
                                 .name = "follows", .inverse = "follows"});
  EXPECT_TRUE(HasError(s, "a self-relation needs different names on each side"));
  s.relations.back().inverse = "followers";
  EXPECT_TRUE(Errors(s).empty()) << ::testing::PrintToString(Errors(s));
}

TEST(Validate, StackValues) {
  AppSpec s = testing::BlogSpec();
  s.stack = Stack{.language = "pyhton", .framework = "", .database = "postgresql"};
  EXPECT_TRUE(HasError(s, "stack.language: unknown language \"pyhton\""));
  EXPECT_TRUE(HasError(s, "did you mean \"python\"?"));
  EXPECT_TRUE(HasError(s, "stack.database: unknown database \"postgresql\""));
}

TEST(Normalize, IsIdempotent) {
  AppSpec s = testing::BlogSpec();
  AppSpec t = s;
  Normalize(t);
  EXPECT_EQ(s, t);
}

TEST(EffectiveAccess, Defaults) {
  AppSpec s = testing::BlogSpec();
  Access post = EffectiveAccess(s, s.entities[1]);
  EXPECT_EQ(post.read, std::vector<std::string>{"authenticated"});
  EXPECT_EQ(post.update, std::vector<std::string>{"owner"});
  Access tag = EffectiveAccess(s, s.entities[3]);
  EXPECT_EQ(tag.create, std::vector<std::string>{"admin"});
  Access user = EffectiveAccess(s, s.entities[0]);
  EXPECT_EQ(user.update, std::vector<std::string>{"owner"});
  EXPECT_EQ(user.remove, std::vector<std::string>{"admin"});
}

}  // namespace
}  // namespace bf::spec
