#include "analyze/fields.h"

#include <gtest/gtest.h>

#include "analyze/lexicon.h"

namespace bf::analyze {
namespace {

using spec::FieldType;

std::vector<DField> Parse(const std::string& item) {
  auto s = Segment(item);
  return ParseFieldItem(s[0].tokens, 0, s[0].tokens.size());
}

TEST(FieldItem, SlashAlternativesShareTheHead) {
  auto f = Parse("first/last name");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].name, "firstName");
  EXPECT_EQ(f[1].name, "lastName");
  auto p = Parse("home/work/cell phone");
  ASSERT_EQ(p.size(), 3u);
  EXPECT_EQ(p[2].name, "cellPhone");
}

TEST(FieldItem, EnumValuesFromParenthesesSlashesAndOr) {
  auto a = Parse("status (open, reopened, resolved, closed)");
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].type, FieldType::kEnum);
  EXPECT_EQ(a[0].enumValues, (std::vector<std::string>{"open", "reopened", "resolved", "closed"}));
  auto b = Parse("type hearing/deadline/other");
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(b[0].name, "type");
  EXPECT_EQ(b[0].enumValues.size(), 3u);
  auto c = Parse("status draft or published");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].type, FieldType::kEnum);
  auto d = Parse("type (contract-to-hire, hire)");
  EXPECT_EQ(d[0].enumValues[0], "contract_to_hire");
}

TEST(FieldItem, FlagsHintsAndConstraints) {
  EXPECT_EQ(Parse("on-hold flag")[0].type, FieldType::kBoolean);
  EXPECT_EQ(Parse("a 'hot' flag")[0].name, "hot");
  EXPECT_EQ(Parse("whether they relocate")[0].type, FieldType::kBoolean);
  EXPECT_EQ(Parse("active or not")[0].type, FieldType::kBoolean);
  EXPECT_EQ(Parse("takes attendance Y/N")[0].type, FieldType::kBoolean);
  auto pk = Parse("emp_no int PK");
  EXPECT_EQ(pk[0].name, "empNo");
  EXPECT_EQ(pk[0].type, FieldType::kInteger);
  EXPECT_TRUE(pk[0].unique);
  auto u = Parse("email (unique)");
  EXPECT_EQ(u[0].type, FieldType::kEmail);
  EXPECT_TRUE(u[0].unique);
  EXPECT_EQ(Parse("number of openings")[0].type, FieldType::kInteger);
  EXPECT_EQ(Parse("priority 1-5")[0].type, FieldType::kInteger);
}

TEST(FieldItem, SubFieldsReplaceTheParent) {
  auto f = Parse("address (street, zip code, city)");
  ASSERT_EQ(f.size(), 3u);
  EXPECT_EQ(f[0].name, "street");
  EXPECT_EQ(f[1].name, "zipCode");
}

TEST(FieldItem, ImplicitColumnsAndClausesAreDropped) {
  EXPECT_TRUE(Parse("created_at").empty());
  EXPECT_EQ(Parse("optional inbound mailbox address we poll for new tickets")[0].name, "inboundMailboxAddress");
}

TEST(FieldList, TellsAttributesFromExamples) {
  auto list = Segment("name, email, phone");
  EXPECT_TRUE(LooksLikeFieldList(list[0].tokens, 0, list[0].tokens.size()));
  auto eg = Segment("e.g. 'IT', 'Billing'");
  EXPECT_FALSE(LooksLikeFieldList(eg[0].tokens, 0, eg[0].tokens.size()));
  auto alias = Segment("homeroom");
  EXPECT_FALSE(LooksLikeFieldList(alias[0].tokens, 0, alias[0].tokens.size()));
}

TEST(FieldType, InferredFromNames) {
  auto t = [](std::vector<std::string> w) { return lex::InferFieldType(w).type; };
  EXPECT_EQ(t({"email"}), FieldType::kEmail);
  EXPECT_EQ(t({"price"}), FieldType::kNumber);
  EXPECT_EQ(t({"created", "at"}), FieldType::kDateTime);
  EXPECT_EQ(t({"due", "date"}), FieldType::kDate);
  EXPECT_EQ(t({"is", "active"}), FieldType::kBoolean);
  EXPECT_EQ(t({"likes", "count"}), FieldType::kInteger);
  EXPECT_EQ(t({"website"}), FieldType::kUrl);
  EXPECT_EQ(t({"avatar"}), FieldType::kUrl);
  EXPECT_TRUE(lex::InferFieldType({"cover", "image"}).fileLike);
  EXPECT_EQ(t({"phone", "number"}), FieldType::kString);
  EXPECT_EQ(t({"description"}), FieldType::kText);
  EXPECT_EQ(t({"metadata"}), FieldType::kJson);
  EXPECT_EQ(t({"coordinates"}), FieldType::kJson);  // a point ({lat, lng}), not a child table
}

// "starts at", "expires on", "due at": a verb of time in the present, or "due", before "at" / "on"
// names a moment like a participle does ("starts at" was the column "starts"); "checked in at"
// keeps its particle (it was "checkedAt").
TEST(FieldItem, PresentTenseAndParticlesBeforeAtNameAMoment) {
  auto a = Parse("starts at");
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].name, "startsAt");
  EXPECT_EQ(a[0].type, FieldType::kDateTime);
  auto b = Parse("expires on");
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(b[0].name, "expiresOn");
  EXPECT_EQ(b[0].type, FieldType::kDate);
  EXPECT_EQ(Parse("due at")[0].name, "dueAt");
  EXPECT_EQ(Parse("checked in at")[0].name, "checkedInAt");
  EXPECT_EQ(Parse("picked up on")[0].name, "pickedUpOn");
  // Other words before "at" are no moment, and "by" still names who did it.
  EXPECT_EQ(Parse("approved by")[0].name, "approvedBy");
  EXPECT_EQ(Parse("comments on")[0].name, "comments");
}

}  // namespace
}  // namespace bf::analyze
