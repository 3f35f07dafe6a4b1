#include "plan/plan.h"

#include <gtest/gtest.h>

#include "plan/test_util.h"

namespace bf::plan {
namespace {

bool Has(const std::string& text, std::string_view needle) {
  return text.find(needle) != std::string::npos;
}

const char* kSpecs[] = {"blog-realtime", "shop", "booking", "chat", "escaping-stress"};

TEST(Plan, MarkdownHasEverySection) {
  PlanOptions opts;
  opts.assumptions = {"Posts are public once published", "Tags are managed by editors"};
  Plan p = MakePlan(testing::TestdataSpec("blog-realtime"), opts);
  std::string md = RenderMarkdown(p);
  for (std::string_view heading :
       {"# Blog API: backend plan\n", "## Overview\n", "### Features\n", "## Assumptions\n",
        "## Recommended stack\n", "### Stack alternatives\n", "### Database alternatives\n",
        "## Data model\n", "### `Post`\n", "### Relations\n", "### ER diagram\n", "## API\n",
        "## Flows\n", "## Architecture\n", "## Security\n", "## Testing strategy\n"}) {
    EXPECT_TRUE(Has(md, heading)) << heading;
  }
  EXPECT_TRUE(Has(md, "- Posts are public once published\n"));
  EXPECT_TRUE(
      Has(md, "| GET | `/api/posts/{id}/comments` | any signed-in user | 200, 400, 401, 404 |"));
  EXPECT_TRUE(Has(md, "| `rust-axum` | Rust + Axum |"));
  EXPECT_TRUE(Has(md, "| planned |"));
  EXPECT_TRUE(Has(md,
                  "| `Post` | many-to-many | `Tag` | `tags` | `posts` | join table `PostTags` "
                  "(`postId`, `tagId`)"));
  EXPECT_TRUE(Has(md, "| read | public | spec |"));  // Tag's explicit rule
  EXPECT_TRUE(Has(md, "**API1:2023 Broken Object Level Authorization**"));
  EXPECT_TRUE(Has(md, "Post (authorId)"));
  EXPECT_TRUE(Has(md, "/api/order-items"));  // the URL convention is stated
}

TEST(Plan, EveryMermaidBlockIsADiagramSource) {
  for (const char* name : kSpecs) {
    Plan p = MakePlan(testing::TestdataSpec(name));
    std::string md = RenderMarkdown(p);
    for (const auto& d : p.diagrams) {
      EXPECT_TRUE(Has(md, "```mermaid\n" + d.source + "```\n")) << name << " " << d.id;
      EXPECT_FALSE(Has(d.source, "```")) << name << " " << d.id;
      EXPECT_TRUE(d.source.ends_with("\n"));
    }
    size_t blocks = 0;
    for (size_t pos = 0; (pos = md.find("```mermaid\n", pos)) != std::string::npos; ++pos) ++blocks;
    EXPECT_EQ(blocks, p.diagrams.size()) << name;
  }
}

TEST(Plan, FreeTextIsEscapedInMarkdown) {
  PlanOptions opts;
  opts.assumptions = {"# looks like a heading", "a | pipe and <script>"};
  Plan p = MakePlan(testing::TestdataSpec("escaping-stress"), opts);
  std::string md = RenderMarkdown(p);
  EXPECT_TRUE(
      md.starts_with("# The \"Quoted\" \\[Bracket\\] {Brace} &lt;Tag> 100%% #1; Café ☕ — naïve "
                     "\\`tick\\` \\| pipe"));
  EXPECT_TRUE(Has(md, "- \\# looks like a heading\n"));
  EXPECT_TRUE(Has(md, "- a \\| pipe and &lt;script>\n"));
  EXPECT_FALSE(Has(md, "<script>"));
  EXPECT_FALSE(Has(md, "<b>"));
  // The entity description with a pipe stays inside one paragraph; a field description with a
  // newline stays inside its table cell.
  EXPECT_TRUE(Has(md, "| Title with \"quotes\" and %% and newline |"));
}

TEST(Plan, DeterministicBytes) {
  for (const char* name : kSpecs) {
    auto s = testing::TestdataSpec(name);
    PlanOptions opts;
    opts.assumptions = {"one", "two"};
    EXPECT_EQ(RenderMarkdown(MakePlan(s, opts)), RenderMarkdown(MakePlan(s, opts))) << name;
  }
}

TEST(Plan, DataIsExposedForTheUiAndGenerators) {
  Plan p = MakePlan(testing::TestdataSpec("booking"));
  EXPECT_EQ(p.stack.chosen.target, "node-express");
  EXPECT_FALSE(p.endpoints.empty());
  EXPECT_EQ(p.endpoints.back().path, "/api/events");  // notifications
  ASSERT_FALSE(p.diagrams.empty());
  EXPECT_EQ(p.diagrams.front().kind, DiagramKind::kEr);
  EXPECT_EQ(p.diagrams.back().kind, DiagramKind::kFlowchart);
  EXPECT_FALSE(p.security.empty());
  EXPECT_FALSE(p.testing.empty());
}

TEST(Plan, SecurityNotesFollowTheSpec) {
  auto ids = [](const std::vector<SecurityNote>& notes) {
    std::vector<std::string> out;
    for (const auto& n : notes) out.push_back(n.id);
    return out;
  };
  auto shop = testing::TestdataSpec("shop");
  EXPECT_EQ(
      ids(SecurityNotes(shop, BuildEndpoints(shop))),
      (std::vector<std::string>{"API1:2023", "API2:2023", "API3:2023", "API4:2023", "API5:2023",
                                "API6:2023", "API8:2023", "API9:2023", "API10:2023"}));
  auto chat_spec = testing::TestdataSpec("chat");
  auto chat = SecurityNotes(chat_spec, BuildEndpoints(chat_spec));
  EXPECT_EQ(chat[6].id, "API7:2023");  // url fields and uploads
  EXPECT_TRUE(Has(chat[3].measure, "SSE streams"));
}

TEST(Plan, TestingStrategyNamesEntitiesAndRules) {
  auto s = testing::TestdataSpec("shop");
  auto lines = TestingStrategy(s, BuildEndpoints(s));
  ASSERT_GE(lines.size(), 4u);
  EXPECT_TRUE(lines[0].starts_with("Test-first"));
  bool order = false, product = false;
  for (const auto& l : lines) {
    if (l.starts_with("Order:")) order = Has(l, "another user's PATCH/DELETE gets 403");
    if (l.starts_with("Product:"))
      product = Has(l, "409 on a duplicate sku") && Has(l, "create as a \"user\" gets 403");
  }
  EXPECT_TRUE(order);
  EXPECT_TRUE(product);
  EXPECT_TRUE(lines.back().starts_with("Black-box conformance"));
}

}  // namespace
}  // namespace bf::plan
