// Helpers shared by the plan layer's tests: specs from JSON text, testdata files.
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "spec/spec_json.h"

namespace bf::plan::testing {

// Loads (normalizes and validates) a spec from JSON text; fails the test when it is invalid.
inline spec::AppSpec SpecFromJson(std::string_view text) {
  spec::LoadedSpec loaded = spec::LoadSpecText(text);
  std::string issues;
  for (const auto& i : loaded.issues) issues += i.ToString() + "\n";
  EXPECT_TRUE(loaded.spec.has_value()) << issues;
  return loaded.spec ? *loaded.spec : spec::AppSpec{};
}

inline std::string ReadSourceFile(const std::string& relative) {
  std::ifstream in(std::string(BF_SOURCE_DIR) + "/" + relative, std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot read " << relative;
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline spec::AppSpec TestdataSpec(const std::string& name) {
  return SpecFromJson(ReadSourceFile("testdata/specs/" + name + ".json"));
}

// A minimal valid spec: User plus the given entities/relations JSON fragments.
inline std::string MiniSpec(std::string_view extra_entities, std::string_view relations,
                            std::string_view features = "\"auth\"",
                            std::string_view description = "", std::string_view stack = "{}") {
  // Appended piecewise: `"literal" + std::string` trips GCC 12's -Wrestrict false positive.
  std::string s = R"({"name":"mini","description":")";
  s.append(description)
      .append(R"(","stack":)")
      .append(stack)
      .append(R"(,"features":[)")
      .append(features);
  s.append(
      R"(],"entities":[{"name":"User","fields":[{"name":"email","type":"email","required":true,"unique":true}]})");
  if (!extra_entities.empty()) s.append(",").append(extra_entities);
  s.append(R"(],"relations":[)").append(relations).append("]}");
  return s;
}

}  // namespace bf::plan::testing
