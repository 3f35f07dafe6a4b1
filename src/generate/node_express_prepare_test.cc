// The node-express view model (the data the templates read), not the rendered text.
#include <gtest/gtest.h>

#include "generate/prepare.h"
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

const json& FieldView(const json& e, const std::string& name) {
  for (const auto& f : e["fields"]) {
    if (f["name"] == name) return f;
  }
  static json none;
  return none;
}

json Model(const spec::AppSpec& s) {
  auto m = PrepareNodeExpress(s, {"sqlite"});
  EXPECT_TRUE(m.ok());
  return *m;
}

TEST(NodeExpressPrepare, FieldTypesValidationAndRowConversions) {
  json m = Model(spec::testing::BlogSpec());
  const json& post = EntityView(m, "Post");
  const json& status = FieldView(post, "status");
  EXPECT_EQ(status["dtoType"], R"("draft" | "published" | null)");
  EXPECT_EQ(status["zodCreate"], R"(z.enum(["draft", "published"]).nullable().default("draft"))");
  EXPECT_EQ(status["zodUpdate"], R"(z.enum(["draft", "published"]).nullable().optional())");
  const json& published = FieldView(post, "publishedAt");
  EXPECT_EQ(published["rowType"], "NullableTimestamp");
  EXPECT_EQ(published["fromRow"], "toIsoOrNull(row.published_at)");
  EXPECT_EQ(published["columnExpr"], "t.timestamp");
  EXPECT_TRUE(published["expectNull"].get<bool>());
  const json& views = FieldView(post, "views");
  EXPECT_EQ(views["zodBase"], "v.integer().min(0)");
  EXPECT_EQ(views["filterZod"], "filter.number(v.integer().min(0))");
  const json& title = FieldView(post, "title");
  EXPECT_EQ(title["zodCreate"], "v.text({ min: 1, max: 200 })");
  EXPECT_EQ(title["columnMods"], ", (c) => c.notNull()");
  EXPECT_EQ(post["importsDb"], json::array({"toIso", "toIsoOrNull"}));
}

TEST(NodeExpressPrepare, OwnershipAccessAndRouting) {
  json m = Model(spec::testing::BlogSpec());
  const json& post = EntityView(m, "Post");
  // The owner comes from the token: not in the body, and create needs a signed-in user.
  ASSERT_EQ(post["bodyRefs"].size(), 0u);
  EXPECT_EQ(post["ownerExpr"], "dto.authorId");
  EXPECT_EQ(post["rules"]["update"]["literal"], "{ public: false, authenticated: false, owner: true, roles: [] }");
  EXPECT_EQ(post["rules"]["create"]["mw"], "auth, ");
  EXPECT_TRUE(post["tests"]["ownerOnlyUpdate"].get<bool>());
  // Nested reads: comments by foreign key, tags through the join table's via-filter.
  ASSERT_EQ(post["nestedRoutes"].size(), 2u);
  EXPECT_EQ(post["nestedRoutes"][0]["segment"], "comments");
  EXPECT_EQ(post["nestedRoutes"][0]["filterKey"], "postId");
  EXPECT_EQ(post["nestedRoutes"][1]["filterKey"], "viaPosts");
  const json& tag = EntityView(m, "Tag");
  EXPECT_EQ(tag["viaFilters"][0]["key"], "viaPosts");
  EXPECT_EQ(tag["viaFilters"][0]["selfColumn"], "tag_id");
  EXPECT_EQ(tag["viaFilters"][0]["otherColumn"], "post_id");
  EXPECT_TRUE(tag["tests"]["memberForbiddenToCreate"].get<bool>());
  EXPECT_EQ(tag["creatorJs"], "admin()");
  // Router wiring: each service once, self first.
  const json& user = EntityView(m, "User");
  ASSERT_EQ(user["routerServices"].size(), 3u);
  EXPECT_TRUE(user["routerServices"][0]["isSelf"].get<bool>());
  EXPECT_EQ(user["allowCollection"], "GET");
  EXPECT_FALSE(user["hasCreate"].get<bool>());
  EXPECT_EQ(user["ownerColumnForAccess"], "id");
}

TEST(NodeExpressPrepare, ReservedWordsOneToOneRestrictAndCustomUser) {
  spec::AppSpec s = spec::testing::BlogSpec();
  s.auth.userEntity = "Customer";
  s.roles = {"admin", "customer"};
  s.auth.defaultRole = "customer";
  s.entities[0].name = "Customer";
  s.entities[0].plural = "Customers";
  for (auto& r : s.relations) {
    if (r.from == "User") r.from = "Customer";
  }
  spec::Entity cls{.name = "Class", .plural = "Classes"};
  cls.fields = {spec::Field{.name = "code", .type = spec::FieldType::kString, .required = true, .unique = true}};
  s.entities.push_back(cls);
  s.relations.push_back(spec::Relation{.from = "Post", .to = "Class", .kind = spec::RelationKind::kOneToOne,
                                       .name = "classInfo", .inverse = "post", .required = true,
                                       .onDelete = spec::OnDelete::kRestrict});
  spec::Normalize(s);
  ASSERT_TRUE(spec::Validate(s).empty()) << spec::Validate(s).front().ToString();
  json m = Model(s);
  const json& c = EntityView(m, "Class");
  EXPECT_EQ(c["varName"], "class_");
  EXPECT_EQ(c["table"], "classes");
  ASSERT_EQ(c["uniqueRefs"].size(), 1u);
  EXPECT_EQ(c["references"][0]["seedRefJs"], "ids.nth('Post', i)");
  EXPECT_EQ(c["references"][0]["columnMods"], ", (c) => c.notNull().unique().references('posts.id').onDelete('restrict')");
  const json& post = EntityView(m, "Post");
  EXPECT_TRUE(post["hasRestricts"].get<bool>());
  EXPECT_EQ(post["restricts"][0]["table"], "classes");
  EXPECT_TRUE(post["nestedRoutes"][1]["isOne"].get<bool>());
  EXPECT_EQ(m["userEntity"]["name"], "Customer");
  EXPECT_EQ(m["defaultRoleJson"], "\"customer\"");
  EXPECT_EQ(m["identityField"], "email");
}

TEST(NodeExpressPrepare, WithoutAuthEverythingIsPublic) {
  spec::AppSpec s = spec::testing::BlogSpec();
  s.auth.enabled = false;
  s.features = {spec::Feature::kRealtime};
  s.entities.erase(s.entities.begin());
  s.relations.erase(s.relations.begin(), s.relations.begin() + 2);
  for (auto& e : s.entities) e.owner.reset();
  spec::Normalize(s);
  ASSERT_TRUE(spec::Validate(s).empty()) << spec::Validate(s).front().ToString();
  json m = Model(s);
  EXPECT_FALSE(m["hasAuth"].get<bool>());
  EXPECT_FALSE(m["anyRouterUsesAuth"].get<bool>());
  const json& post = EntityView(m, "Post");
  EXPECT_EQ(post["rules"]["delete"]["mw"], "");
  EXPECT_EQ(post["creatorJs"], "anyone()");
}

}  // namespace
}  // namespace bf::generate
