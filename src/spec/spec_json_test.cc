#include "spec/spec_json.h"

#include <gtest/gtest.h>

#include "spec/testing_specs.h"

namespace bf::spec {
namespace {

using nlohmann::json;

std::vector<std::string> Messages(const std::vector<SpecIssue>& issues) {
  std::vector<std::string> out;
  for (const auto& i : issues) out.push_back(i.ToString());
  return out;
}

TEST(SpecJson, RoundTripIsExact) {
  AppSpec spec = testing::BlogSpec();
  json j = json::parse(ToJson(spec).dump());
  LoadedSpec loaded = LoadSpec(j);
  ASSERT_TRUE(loaded.spec) << ::testing::PrintToString(Messages(loaded.issues));
  EXPECT_EQ(*loaded.spec, spec);
  EXPECT_EQ(ToJson(*loaded.spec).dump(2), ToJson(spec).dump(2));
}

TEST(SpecJson, KeyOrderIsFixed) {
  std::string text = ToJson(testing::BlogSpec()).dump();
  EXPECT_EQ(text.rfind("{\"specVersion\":1,\"name\":\"blog-api\"", 0), 0u) << text.substr(0, 60);
}

TEST(SpecJson, ReportsEveryStructuralProblemWithItsPath) {
  json j = json::parse(ToJson(testing::BlogSpec()).dump());
  j["entities"][2]["fields"][0]["type"] = "strng";
  j["entities"][1]["fields"][1]["required"] = "yes";
  j["relations"][1]["kind"] = "many-to-one";
  j["features"].push_back("realtym");
  ParsedSpec parsed = ParseSpec(j);
  auto msgs = Messages(parsed.issues);
  ASSERT_EQ(msgs.size(), 4u) << ::testing::PrintToString(msgs);
  EXPECT_EQ(msgs[0].rfind("features[3]: unknown feature \"realtym\"", 0), 0u) << msgs[0];
  EXPECT_NE(msgs[0].find("did you mean \"realtime\"?"), std::string::npos);
  EXPECT_EQ(msgs[1], "entities[1].fields[1].required: expected true or false, got a string");
  EXPECT_EQ(msgs[2].rfind("entities[2].fields[0].type: unknown type \"strng\" (expected one of string, text, "
                          "integer, number, boolean, datetime, date, email, url, enum, uuid, json)",
                          0),
            0u)
      << msgs[2];
  EXPECT_NE(msgs[2].find("did you mean \"string\"?"), std::string::npos);
  EXPECT_EQ(msgs[3].rfind("relations[1].kind: unknown relation kind \"many-to-one\"", 0), 0u) << msgs[3];
}

TEST(SpecJson, UnknownKeysAreReportedWithASuggestion) {
  json j = json::parse(ToJson(testing::BlogSpec()).dump());
  j["entities"][0]["fields"][0]["requird"] = true;
  j["entitys"] = json::array();
  auto msgs = Messages(ParseSpec(j).issues);
  ASSERT_EQ(msgs.size(), 2u) << ::testing::PrintToString(msgs);
  EXPECT_EQ(msgs[0], "entities[0].fields[0].requird: unknown key \"requird\"; did you mean \"required\"?");
  EXPECT_EQ(msgs[1], "entitys: unknown key \"entitys\"; did you mean \"entities\"?");
}

TEST(SpecJson, WrongTopLevelTypeIsOneIssue) {
  auto parsed = ParseSpec(json::array());
  ASSERT_EQ(parsed.issues.size(), 1u);
  EXPECT_EQ(parsed.issues[0].message, "expected an object, got an array");
}

TEST(SpecJson, InvalidJsonTextSaysWhere) {
  LoadedSpec loaded = LoadSpecText("{\"name\": \"x\",,}");
  ASSERT_FALSE(loaded.spec);
  ASSERT_EQ(loaded.issues.size(), 1u);
  EXPECT_NE(loaded.issues[0].message.find("not valid JSON"), std::string::npos);
  EXPECT_NE(loaded.issues[0].message.find("column"), std::string::npos) << loaded.issues[0].message;
}

TEST(SpecJson, LoadFillsDerivableDefaults) {
  json j = {{"name", "shop"},
            {"entities",
             {{{"name", "User"},
               {"fields", {{{"name", "email"}, {"type", "email"}, {"required", true}, {"unique", true}}}}},
              {{"name", "Category"}, {"fields", json::array()}}}},
            {"relations", {{{"from", "Category"}, {"to", "Category"}, {"kind", "one-to-many"}}}}};
  LoadedSpec loaded = LoadSpec(j);
  ASSERT_TRUE(loaded.spec) << ::testing::PrintToString(Messages(loaded.issues));
  const AppSpec& s = *loaded.spec;
  EXPECT_EQ(s.title, "Shop");
  EXPECT_EQ(s.entities[1].plural, "Categories");
  EXPECT_EQ(s.relations[0].name, "children");
  EXPECT_EQ(s.relations[0].inverse, "parent");
  EXPECT_EQ(s.relations[0].onDelete, OnDelete::kSetNull) << "optional references default to set-null";
  EXPECT_EQ(s.roles, (std::vector<std::string>{"admin", "user"}));
  ASSERT_EQ(s.features.size(), 1u);
  EXPECT_EQ(s.features[0], Feature::kAuth);
}

TEST(SpecJson, NonAsciiAndInvalidUtf8DoNotThrow) {
  json j = json::parse(ToJson(testing::BlogSpec()).dump());
  j["title"] = "Café Blog \u2014 \"quotes\"";
  LoadedSpec loaded = LoadSpec(j);
  ASSERT_TRUE(loaded.spec);
  EXPECT_EQ(loaded.spec->title, "Café Blog \u2014 \"quotes\"");
  std::string bad_name = "\xff\xfe";
  j["entities"][0]["name"] = bad_name;
  LoadedSpec bad = LoadSpec(j);
  EXPECT_FALSE(bad.spec);
}

}  // namespace
}  // namespace bf::spec
