// The published JSON Schema (schemas/appspec.schema.json) and the C++ reader must agree:
// whatever the schema rejects, LoadSpec rejects too, and the enumerations are the same lists.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validator.hpp>

#include "spec/spec_json.h"
#include "spec/testing_specs.h"

namespace bf::spec {
namespace {

using nlohmann::json;

json LoadSchemaJson() {
  std::ifstream in(std::string(BF_SOURCE_DIR) + "/schemas/appspec.schema.json");
  std::stringstream ss;
  ss << in.rdbuf();
  return json::parse(ss.str());
}

class SchemaTest : public ::testing::Test {
 protected:
  void SetUp() override {
    schema_json_ = LoadSchemaJson();
    valijson::SchemaParser parser;
    valijson::adapters::NlohmannJsonAdapter adapter(schema_json_);
    parser.populateSchema(adapter, schema_);
  }

  bool SchemaAccepts(const json& doc, std::string* why = nullptr) {
    valijson::Validator validator;
    valijson::ValidationResults results;
    valijson::adapters::NlohmannJsonAdapter adapter(doc);
    bool ok = validator.validate(schema_, adapter, &results);
    if (!ok && why) {
      valijson::ValidationResults::Error err;
      while (results.popError(err)) *why += err.description + "; ";
    }
    return ok;
  }

  static bool CppAccepts(const json& doc) { return LoadSpec(doc).spec.has_value(); }

  static std::vector<std::string> EnumOf(const json& node) { return node["enum"].get<std::vector<std::string>>(); }

  json schema_json_;
  valijson::Schema schema_;
};

TEST_F(SchemaTest, ValidSpecIsAcceptedByBoth) {
  json doc = json::parse(ToJson(testing::BlogSpec()).dump());
  std::string why;
  EXPECT_TRUE(SchemaAccepts(doc, &why)) << why;
  EXPECT_TRUE(CppAccepts(doc));
}

TEST_F(SchemaTest, StructuralErrorsAreRejectedByBoth) {
  const json base = json::parse(ToJson(testing::BlogSpec()).dump());
  struct Mutation {
    const char* what;
    std::function<void(json&)> apply;
  };
  std::vector<Mutation> mutations = {
      {"unknown field type", [](json& j) { j["entities"][1]["fields"][0]["type"] = "strng"; }},
      {"missing name", [](json& j) { j.erase("name"); }},
      {"name not kebab", [](json& j) { j["name"] = "Blog API"; }},
      {"unknown top-level key", [](json& j) { j["entitys"] = json::array(); }},
      {"unknown field key", [](json& j) { j["entities"][0]["fields"][0]["requird"] = true; }},
      {"required not boolean", [](json& j) { j["entities"][0]["fields"][0]["required"] = "yes"; }},
      {"unknown relation kind", [](json& j) { j["relations"][0]["kind"] = "many-to-one"; }},
      {"unknown onDelete", [](json& j) { j["relations"][0]["onDelete"] = "nullify"; }},
      {"unknown feature", [](json& j) { j["features"].push_back("blockchain"); }},
      {"entity name not PascalCase", [](json& j) { j["entities"][1]["name"] = "post"; }},
      {"field name not camelCase", [](json& j) { j["entities"][1]["fields"][0]["name"] = "Title"; }},
      {"role not snake_case", [](json& j) { j["roles"].push_back("Team Lead"); }},
      {"token lifetime out of range", [](json& j) { j["auth"]["accessTokenMinutes"] = 0; }},
      {"no entities", [](json& j) { j["entities"] = json::array(); }},
      {"unknown database", [](json& j) { j["stack"]["database"] = "oracle"; }},
      {"specVersion 2", [](json& j) { j["specVersion"] = 2; }},
      {"maxLength zero", [](json& j) { j["entities"][1]["fields"][0]["maxLength"] = 0; }},
      {"access list empty", [](json& j) { j["entities"][3]["access"] = {{"read", json::array()}}; }},
      {"entities not an array", [](json& j) { j["entities"] = json::object(); }},
  };
  for (const auto& m : mutations) {
    json doc = base;
    m.apply(doc);
    EXPECT_FALSE(SchemaAccepts(doc)) << "schema accepted: " << m.what;
    EXPECT_FALSE(CppAccepts(doc)) << "C++ accepted: " << m.what;
  }
}

TEST_F(SchemaTest, SemanticErrorsAreOnlyCaughtByTheValidator) {
  json doc = json::parse(ToJson(testing::BlogSpec()).dump());
  doc["relations"][0]["to"] = "Usr";
  EXPECT_TRUE(SchemaAccepts(doc)) << "the schema cannot know entity names";
  EXPECT_FALSE(CppAccepts(doc));
}

TEST_F(SchemaTest, EnumerationsMatchTheCppTypes) {
  const json& defs = schema_json_["definitions"];
  EXPECT_EQ(EnumOf(defs["field"]["properties"]["type"]), FieldTypeNames());
  EXPECT_EQ(EnumOf(defs["relation"]["properties"]["kind"]), RelationKindNames());
  EXPECT_EQ(EnumOf(defs["relation"]["properties"]["onDelete"]), OnDeleteNames());
  EXPECT_EQ(EnumOf(schema_json_["properties"]["features"]["items"]), FeatureNames());
}

TEST_F(SchemaTest, EveryKeyTheCppWriterEmitsIsInTheSchema) {
  // Walk a fully populated spec and check each object key is declared by the schema.
  AppSpec s = testing::BlogSpec();
  s.entities[3].access = Access{.read = {"public"}, .create = {"admin"}, .update = {"admin"}, .remove = {"admin"}};
  s.entities[1].fields[0].description = "headline";
  s.entities[1].description = "a blog post";
  s.relations[3].through = "PostTag";
  s.stack = Stack{"typescript", "express", "sqlite"};
  json doc = json::parse(ToJson(s).dump());
  std::string why;
  EXPECT_TRUE(SchemaAccepts(doc, &why)) << why;
  EXPECT_TRUE(CppAccepts(doc));
}

}  // namespace
}  // namespace bf::spec
