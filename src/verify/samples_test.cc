#include "verify/samples.h"

#include <gtest/gtest.h>

#include "spec/testing_specs.h"
#include "verify/expect.h"

namespace bf::verify {
namespace {

using spec::Field;
using spec::FieldType;

TEST(SamplesTest, ValuesSatisfyTheirConstraintsAndAscendWithSeq) {
  std::vector<Field> fields = {
      {.name = "code", .type = FieldType::kString, .maxLength = 4},
      {.name = "title", .type = FieldType::kString, .maxLength = 200},
      {.name = "mail", .type = FieldType::kEmail, .maxLength = 20},
      {.name = "site", .type = FieldType::kUrl},
      {.name = "ref", .type = FieldType::kUuid},
      {.name = "age", .type = FieldType::kInteger, .min = 18.0, .max = 20.0},
      {.name = "price", .type = FieldType::kNumber, .min = 0.5},
      {.name = "at", .type = FieldType::kDateTime},
      {.name = "day", .type = FieldType::kDate},
      {.name = "kind", .type = FieldType::kEnum, .enumValues = {"a", "b"}},
  };
  for (const auto& f : fields) {
    for (int seq = 1; seq <= 30; ++seq) {
      nlohmann::json v = SampleValue(f, seq, "run123");
      if (f.maxLength) {
        EXPECT_LE(static_cast<int64_t>(v.get<std::string>().size()), *f.maxLength) << f.name << seq;
      }
      if (f.min) {
        EXPECT_GE(v.get<double>(), *f.min) << f.name;
      }
      if (f.max) {
        EXPECT_LE(v.get<double>(), *f.max) << f.name;
      }
      if (f.type == FieldType::kUuid) {
        EXPECT_TRUE(IsUuid(v.get<std::string>())) << v;
      }
      if (f.type == FieldType::kDateTime) {
        EXPECT_TRUE(IsUtcInstant(v.get<std::string>())) << v;
      }
      if (f.type == FieldType::kDate) {
        EXPECT_TRUE(IsDate(v.get<std::string>())) << v;
      }
      if (f.type == FieldType::kEmail) {
        EXPECT_NE(v.get<std::string>().find('@'), std::string::npos);
      }
    }
  }
  // Ordered by seq for the first records (what the sort checks compare).
  for (const auto& f : fields) {
    if (f.type == FieldType::kEnum) continue;
    nlohmann::json a = SampleValue(f, 1, "run123"), b = SampleValue(f, 2, "run123"),
                   c = SampleValue(f, 3, "run123");
    if (f.name == "age") {
      EXPECT_LT(a, b);
      continue;  // clamped at the maximum from seq 2 on
    }
    EXPECT_LT(a, b) << f.name;
    EXPECT_LT(b, c) << f.name;
  }
}

TEST(SamplesTest, OtherValueDiffersUnlessOnlyOneValueIsValid) {
  Field kind{.name = "kind", .type = FieldType::kEnum, .enumValues = {"a", "b"}};
  EXPECT_NE(OtherValue(kind, "a", 1, "r"), "a");
  Field only{.name = "only", .type = FieldType::kEnum, .enumValues = {"x"}};
  EXPECT_EQ(OtherValue(only, "x", 1, "r"), "x");
  Field flag{.name = "flag", .type = FieldType::kBoolean};
  EXPECT_EQ(OtherValue(flag, true, 1, "r"), false);
}

TEST(SamplesTest, InvalidBodiesBreakExactlyOneThing) {
  spec::AppSpec s = spec::testing::BlogSpec();
  SuiteModel m = BuildModel(s);
  const EntityModel& post = *m.Find("Post");
  nlohmann::json valid = {
      {"title", "t"}, {"body", "b"}, {"status", "draft"}, {"views", 1}, {"publishedAt", nullptr}};
  auto missing = MakeInvalid(InvalidKind::kMissingRequired, post, valid);
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->field, "title");
  EXPECT_FALSE(missing->body.contains("title"));
  auto enum_bad = MakeInvalid(InvalidKind::kEnum, post, valid);
  ASSERT_TRUE(enum_bad);
  EXPECT_EQ(enum_bad->field, "status");
  auto too_long = MakeInvalid(InvalidKind::kTooLong, post, valid);
  ASSERT_TRUE(too_long);
  EXPECT_EQ(too_long->body["title"].get<std::string>().size(), 201u);
  auto below = MakeInvalid(InvalidKind::kBelowMin, post, valid);
  ASSERT_TRUE(below);
  EXPECT_EQ(below->body["views"], -1);
  EXPECT_FALSE(MakeInvalid(InvalidKind::kAboveMax, post, valid)) << "views has no maximum";
  auto wrong = MakeInvalid(InvalidKind::kWrongType, post, valid);
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->body["title"], 12345);
  auto format = MakeInvalid(InvalidKind::kBadFormat, post, valid);
  ASSERT_TRUE(format);
  EXPECT_EQ(format->field, "publishedAt");
}

}  // namespace
}  // namespace bf::verify
