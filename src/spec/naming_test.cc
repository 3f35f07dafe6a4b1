#include "spec/naming.h"

#include <gtest/gtest.h>

namespace bf::naming {
namespace {

struct PluralCase {
  const char* singular;
  const char* plural;
};

class PluralTest : public ::testing::TestWithParam<PluralCase> {};

TEST_P(PluralTest, PluralizesAndSingularizesBothWays) {
  const auto& c = GetParam();
  EXPECT_EQ(Pluralize(c.singular), c.plural);
  EXPECT_EQ(Singularize(c.plural), c.singular);
  EXPECT_EQ(Singularize(c.singular), c.singular) << "singular must stay singular";
}

INSTANTIATE_TEST_SUITE_P(
    English, PluralTest,
    ::testing::Values(PluralCase{"person", "people"}, PluralCase{"salesperson", "salespeople"},
                      PluralCase{"grandchild", "grandchildren"}, PluralCase{"category", "categories"},
                      PluralCase{"status", "statuses"}, PluralCase{"analysis", "analyses"},
                      PluralCase{"child", "children"}, PluralCase{"news", "news"},
                      PluralCase{"series", "series"}, PluralCase{"post", "posts"},
                      PluralCase{"box", "boxes"}, PluralCase{"address", "addresses"},
                      PluralCase{"course", "courses"}, PluralCase{"movie", "movies"},
                      PluralCase{"leaf", "leaves"}, PluralCase{"hero", "heroes"},
                      PluralCase{"photo", "photos"}, PluralCase{"quiz", "quizzes"},
                      PluralCase{"day", "days"}, PluralCase{"key", "keys"},
                      PluralCase{"company", "companies"}, PluralCase{"match", "matches"},
                      PluralCase{"dish", "dishes"}, PluralCase{"bus", "buses"},
                      PluralCase{"menu", "menus"}, PluralCase{"guru", "gurus"},
                      PluralCase{"campus", "campuses"}, PluralCase{"diagnosis", "diagnoses"},
                      PluralCase{"criterion", "criteria"}, PluralCase{"matrix", "matrices"},
                      PluralCase{"invoice", "invoices"}, PluralCase{"house", "houses"},
                      PluralCase{"purchase", "purchases"}, PluralCase{"database", "databases"},
                      PluralCase{"shoe", "shoes"}, PluralCase{"cookie", "cookies"},
                      PluralCase{"class", "classes"}, PluralCase{"feedback", "feedback"},
                      PluralCase{"species", "species"}, PluralCase{"woman", "women"},
                      PluralCase{"archive", "archives"}, PluralCase{"wife", "wives"},
                      PluralCase{"cache", "caches"}, PluralCase{"equipment", "equipment"},
                      PluralCase{"inventory", "inventories"}, PluralCase{"tax", "taxes"}));

TEST(Naming, KeepsCapitalisation) {
  EXPECT_EQ(Pluralize("Person"), "People");
  EXPECT_EQ(Pluralize("STATUS"), "STATUSES");
  EXPECT_EQ(Singularize("Categories"), "Category");
}

TEST(Naming, CompoundNamesChangeOnlyTheLastWord) {
  EXPECT_EQ(PluralizeName("OrderItem"), "OrderItems");
  EXPECT_EQ(PluralizeName("SalesPerson"), "SalesPeople");
  EXPECT_EQ(PluralizeName("order_status"), "order_statuses");
  EXPECT_EQ(PluralizeName("BlogNews"), "BlogNews");
  EXPECT_EQ(SingularizeName("ProductCategories"), "ProductCategory");
  EXPECT_EQ(SingularizeName("line-items"), "line-item");
  EXPECT_EQ(PluralizeName("HTTPRequest"), "HTTPRequests");
}

TEST(Naming, LooksPlural) {
  EXPECT_TRUE(LooksPlural("posts"));
  EXPECT_TRUE(LooksPlural("people"));
  EXPECT_FALSE(LooksPlural("status"));
  EXPECT_FALSE(LooksPlural("news"));
  EXPECT_FALSE(LooksPlural("analysis"));
}

TEST(Naming, IsListedNoun) {
  for (const char* w : {"movie", "movies", "Criteria", "status", "statuses", "analyses", "news", "people"}) {
    EXPECT_TRUE(IsListedNoun(w)) << w;
  }
  for (const char* w : {"moves", "post", "posts", "order"}) EXPECT_FALSE(IsListedNoun(w)) << w;
}

TEST(Naming, SplitsWordsFromEveryStyle) {
  using V = std::vector<std::string>;
  EXPECT_EQ(SplitWords("OrderItem"), (V{"Order", "Item"}));
  EXPECT_EQ(SplitWords("orderItem"), (V{"order", "Item"}));
  EXPECT_EQ(SplitWords("order_item"), (V{"order", "item"}));
  EXPECT_EQ(SplitWords("order-item"), (V{"order", "item"}));
  EXPECT_EQ(SplitWords("  order   item "), (V{"order", "item"}));
  EXPECT_EQ(SplitWords("HTTPServer"), (V{"HTTP", "Server"}));
  EXPECT_EQ(SplitWords("userID"), (V{"user", "ID"}));
  EXPECT_EQ(SplitWords("address2Line"), (V{"address2", "Line"}));
  EXPECT_TRUE(SplitWords("").empty());
  EXPECT_TRUE(SplitWords("--").empty());
}

TEST(Naming, ConvertsCasings) {
  EXPECT_EQ(ToPascalCase("order item"), "OrderItem");
  EXPECT_EQ(ToPascalCase("order_item"), "OrderItem");
  EXPECT_EQ(ToCamelCase("OrderItem"), "orderItem");
  EXPECT_EQ(ToCamelCase("created at"), "createdAt");
  EXPECT_EQ(ToSnakeCase("OrderItem"), "order_item");
  EXPECT_EQ(ToSnakeCase("publishedAt"), "published_at");
  EXPECT_EQ(ToKebabCase("OrderItem"), "order-item");
  EXPECT_EQ(ToScreamingSnake("maxLength"), "MAX_LENGTH");
  EXPECT_EQ(ToTitleWords("orderItem"), "Order Item");
  EXPECT_EQ(ToLowerWords("OrderItem"), "order item");
  EXPECT_EQ(ToCamelCase("HTTPServer"), "httpServer");
}

TEST(Naming, ReservedWordsPerLanguage) {
  EXPECT_TRUE(IsReservedWord("class", Language::kTypeScript));
  EXPECT_TRUE(IsReservedWord("from", Language::kPython));
  EXPECT_TRUE(IsReservedWord("type", Language::kRust));
  EXPECT_TRUE(IsReservedWord("type", Language::kGo));
  EXPECT_TRUE(IsReservedWord("package", Language::kJava));
  EXPECT_TRUE(IsReservedWord("delete", Language::kCpp));
  EXPECT_TRUE(IsReservedWord("ORDER", Language::kSql));
  EXPECT_TRUE(IsReservedWord("user", Language::kSql));
  EXPECT_FALSE(IsReservedWord("title", Language::kPython));
  EXPECT_FALSE(IsReservedWord("Class", Language::kTypeScript));
  EXPECT_EQ(SafeIdentifier("class", Language::kPython), "class_");
  EXPECT_EQ(SafeIdentifier("title", Language::kPython), "title");
}

TEST(Naming, ShapeChecks) {
  EXPECT_TRUE(IsPascalCase("OrderItem"));
  EXPECT_FALSE(IsPascalCase("orderItem"));
  EXPECT_FALSE(IsPascalCase("Order_Item"));
  EXPECT_TRUE(IsCamelCase("orderItem"));
  EXPECT_FALSE(IsCamelCase("OrderItem"));
  EXPECT_TRUE(IsKebabCase("blog-api"));
  EXPECT_FALSE(IsKebabCase("blog--api"));
  EXPECT_FALSE(IsKebabCase("blog-api-"));
  EXPECT_FALSE(IsKebabCase("Blog-api"));
  EXPECT_TRUE(IsSnakeCase("team_lead"));
  EXPECT_FALSE(IsSnakeCase("team lead"));
}

}  // namespace
}  // namespace bf::naming
