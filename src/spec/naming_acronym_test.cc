// Acronyms in identifiers: the casings must keep "IDs"/"URLs" whole (they become URL paths).
#include <gtest/gtest.h>

#include "spec/naming.h"

namespace bf::naming {
namespace {

TEST(NamingAcronyms, PluralAcronymStaysOneWord) {
  EXPECT_EQ(SplitWords("UserIDs"), (std::vector<std::string>{"User", "IDs"}));
  EXPECT_EQ(ToKebabCase("relatedURLs"), "related-urls");
  EXPECT_EQ(ToSnakeCase("APIsList"), "apis_list");
  EXPECT_EQ(ToKebabCase("UserIDs"), "user-ids");
}

TEST(NamingAcronyms, AcronymBeforeAWordStillSplits) {
  EXPECT_EQ(SplitWords("HTTPServer"), (std::vector<std::string>{"HTTP", "Server"}));
  EXPECT_EQ(SplitWords("userID"), (std::vector<std::string>{"user", "ID"}));
  EXPECT_EQ(ToKebabCase("XMLSchemas"), "xml-schemas");
  EXPECT_EQ(ToKebabCase("OrderItems"), "order-items");
}

}  // namespace
}  // namespace bf::naming
