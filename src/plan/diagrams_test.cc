#include "plan/diagrams.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "plan/test_util.h"

namespace bf::plan {
namespace {

using testing::MiniSpec;
using testing::SpecFromJson;

bool Has(const std::string& text, std::string_view needle) {
  return text.find(needle) != std::string::npos;
}

std::string Er(const spec::AppSpec& s) { return ErDiagram(s).source; }

TEST(ErDiagram, CardinalityPerRelationKind) {
  const char* ents =
      R"({"name":"A","fields":[]},{"name":"B","fields":[]},{"name":"C","fields":[]},{"name":"D","fields":[]})";
  const char* rels =
      R"({"from":"A","to":"B","kind":"one-to-many","name":"bs","inverse":"a","required":true},
    {"from":"A","to":"C","kind":"one-to-many","name":"cs","inverse":"a"},
    {"from":"B","to":"C","kind":"one-to-one","name":"c","inverse":"b","required":true},
    {"from":"C","to":"D","kind":"one-to-one","name":"d","inverse":"c"},
    {"from":"A","to":"D","kind":"many-to-many","name":"ds","inverse":"as"})";
  std::string er = Er(SpecFromJson(MiniSpec(ents, rels)));
  EXPECT_TRUE(Has(er, "  A ||--o{ B : \"bs / a\"\n"));  // required one-to-many: exactly one parent
  EXPECT_TRUE(Has(er, "  A |o--o{ C : \"cs / a\"\n"));  // optional one-to-many
  EXPECT_TRUE(Has(er, "  B ||--o| C : \"c / b\"\n"));   // required one-to-one
  EXPECT_TRUE(Has(er, "  C |o--o| D : \"d / c\"\n"));   // optional one-to-one
  // many-to-many through a join table, both sides one-to-many into it.
  EXPECT_TRUE(Has(er, "  ADs {\n    uuid aId PK, FK \"required, references A.id\"\n"));
  EXPECT_TRUE(Has(er, "    uuid dId PK, FK \"required, references D.id\"\n"));
  EXPECT_TRUE(Has(er, "  A ||--o{ ADs : \"ds\"\n"));
  EXPECT_TRUE(Has(er, "  D ||--o{ ADs : \"as\"\n"));
  EXPECT_FALSE(Has(er, "}|"));
}

TEST(ErDiagram, AttributesWithKeysAndConstraints) {
  std::string er = Er(testing::TestdataSpec("blog-realtime"));
  EXPECT_TRUE(er.starts_with("erDiagram\n  User {\n    uuid id PK\n"));
  EXPECT_TRUE(Has(er, "    email email UK \"required\"\n"));
  EXPECT_TRUE(Has(er, "    string passwordHash \"required, argon2id hash, never returned\"\n"));
  EXPECT_TRUE(Has(er, "    string slug UK \"required, max 200 chars\"\n"));
  EXPECT_TRUE(Has(er, "    enum status \"values draft|published|archived, default 'draft'\"\n"));
  EXPECT_TRUE(Has(er, "    uuid authorId FK \"required, references User.id\"\n"));
  EXPECT_TRUE(Has(er, "    uuid postId FK \"required, references Post.id\"\n"));
  EXPECT_TRUE(Has(er, "  PostTags {\n"));  // default join name <From><Name>
  EXPECT_TRUE(Has(er, "    datetime createdAt \"set by the server\"\n"));
}

TEST(ErDiagram, SelfRelations) {
  std::string shop = Er(testing::TestdataSpec("shop"));
  EXPECT_TRUE(Has(shop, "  Category |o--o{ Category : \"children / parent\"\n"));
  EXPECT_TRUE(Has(shop, "    uuid parentId FK \"references Category.id\"\n"));
  EXPECT_TRUE(Has(shop, "  Order ||--o| Payment : \"payment / order\"\n"));
  EXPECT_TRUE(Has(shop, "    uuid orderId FK, UK \"required, unique, references Order.id\"\n"));
  std::string chat = Er(testing::TestdataSpec("chat"));
  // Self many-to-many: the join columns are named after each side's role.
  EXPECT_TRUE(Has(chat,
                  "  Follow {\n    uuid followerId PK, FK \"required, references User.id\"\n"
                  "    uuid followingId PK, FK \"required, references User.id\"\n"));
  EXPECT_TRUE(
      Has(chat, "  User ||--o{ Follow : \"following\"\n  User ||--o{ Follow : \"followers\"\n"));
}

TEST(ErDiagram, KeywordNamesAreQuoted) {
  std::string er = Er(testing::TestdataSpec("escaping-stress"));
  EXPECT_TRUE(Has(er, "  \"Class\" {\n"));
  EXPECT_TRUE(Has(er, "  \"End\" {\n"));
  EXPECT_TRUE(Has(er, "  Graph {\n"));  // not a keyword of erDiagram
  EXPECT_TRUE(Has(er, "  User ||--o{ \"Class\" : \"classes / teacher\"\n"));
  EXPECT_TRUE(Has(er, "    string `pk`\n"));  // would read as the PK marker
  EXPECT_TRUE(Has(er, "    string `fk`\n"));
  // Free text in comments: double quotes become single quotes, nothing else breaks out.
  EXPECT_TRUE(Has(er, "    string title \"required, default 'Intro '101' ; #1 % done'\"\n"));
  EXPECT_EQ(ErEntityName("Order"), "Order");
  EXPECT_EQ(ErEntityName("Many"), "\"Many\"");
}

TEST(Sequences, MainEntityIsTheBestConnectedOwnedEntity) {
  EXPECT_EQ(MainEntity(testing::TestdataSpec("blog-realtime"))->name, "Post");
  EXPECT_EQ(MainEntity(testing::TestdataSpec("shop"))->name, "Order");
  EXPECT_EQ(MainEntity(SpecFromJson(MiniSpec("", "")))->name, "User");
}

TEST(Sequences, CreateShowsTheOwnershipCheck) {
  auto s = testing::TestdataSpec("blog-realtime");
  Diagram d = CreateSequence(s, *MainEntity(s));
  EXPECT_EQ(d.id, "sequence-create-post");
  EXPECT_TRUE(d.source.starts_with("sequenceDiagram\n"));
  EXPECT_TRUE(Has(d.source, "C->>A: POST /api/posts {title, slug, body, ...} + Bearer token\n"));
  EXPECT_TRUE(Has(d.source, "S->>D: INSERT Post (authorId = caller.id)\n"));
  EXPECT_TRUE(
      Has(d.source, "else caller is not the owner (authorId != caller.id) and not admin\n"));
  EXPECT_TRUE(Has(d.source, "A-->>C: 403 problem+json (ownership check, OWASP API1)\n"));
}

TEST(Sequences, RoleRestrictedEntityShowsTheRoleCheck) {
  auto s = testing::TestdataSpec("shop");
  Diagram d = CreateSequence(s, *s.FindEntity("Product"));
  EXPECT_TRUE(Has(d.source, "check role: staff or admin (403 otherwise)"));
  EXPECT_TRUE(Has(d.source, "else caller is not staff or admin\n"));
}

TEST(Sequences, AuthFlowHasLoginAndRefreshRotation) {
  Diagram d = AuthSequence(testing::TestdataSpec("blog-realtime"));
  EXPECT_TRUE(Has(d.source, "POST /auth/login {email, password}"));
  EXPECT_TRUE(Has(d.source, "POST /auth/refresh {refreshToken}"));
  EXPECT_TRUE(Has(d.source, "revoke the whole token family"));
  EXPECT_TRUE(Has(d.source, "argon2id"));
  // ';' would end a mermaid message: it is written as an entity code.
  EXPECT_TRUE(Has(d.source, "find the token hash#59; check not expired or revoked"));
}

TEST(Diagrams, SetDependsOnFeatures) {
  auto ids = [](const std::vector<Diagram>& ds) {
    std::vector<std::string> out;
    for (const auto& d : ds) out.push_back(d.id);
    return out;
  };
  auto blog = testing::TestdataSpec("blog-realtime");
  auto rec = RecommendStack(blog);
  EXPECT_EQ(ids(BuildDiagrams(blog, rec)),
            (std::vector<std::string>{"er", "sequence-auth", "sequence-create-post",
                                      "sequence-events", "architecture"}));
  auto shop = testing::TestdataSpec("shop");
  EXPECT_EQ(
      ids(BuildDiagrams(shop, RecommendStack(shop))),
      (std::vector<std::string>{"er", "sequence-auth", "sequence-create-order", "architecture"}));
}

TEST(Architecture, ServicesPerEntityAndHubWhenRealtime) {
  auto chat = testing::TestdataSpec("chat");
  std::string f = ArchitectureFlowchart(chat, RecommendStack(chat)).source;
  EXPECT_TRUE(f.starts_with("flowchart LR\n"));
  EXPECT_TRUE(Has(f, "      svc_Message[\"MessageService: /api/messages\"]\n"));
  EXPECT_TRUE(Has(f, "    hub[[\"SSE hub: GET /api/events\"]]\n"));
  EXPECT_TRUE(Has(f, "  hub -.->|\"text/event-stream\"| client\n"));
  EXPECT_TRUE(Has(f, "files[\"File storage adapter\"]"));
  auto shop = testing::TestdataSpec("shop");
  std::string g = ArchitectureFlowchart(shop, RecommendStack(shop)).source;
  EXPECT_FALSE(Has(g, "hub"));
  EXPECT_TRUE(Has(g, "db[(\"PostgreSQL (SQLite in tests)\")]"));
  EXPECT_TRUE(Has(g, "services --> pay"));
}

TEST(Architecture, TitleIsEscaped) {
  auto s = testing::TestdataSpec("escaping-stress");
  std::string f = ArchitectureFlowchart(s, RecommendStack(s)).source;
  EXPECT_TRUE(Has(f,
                  "subgraph backend[\"The #quot;Quoted#quot; [Bracket] {Brace} #lt;Tag#gt; "
                  "100#37;#37; #35;1#59; "
                  "Café ☕ — naïve #96;tick#96; | pipe API (node-express)\"]\n"));
}

}  // namespace
}  // namespace bf::plan
