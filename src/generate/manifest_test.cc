#include "generate/manifest.h"

#include <gtest/gtest.h>

#include <set>

namespace bf::generate {
namespace {

using Args = std::vector<std::string>;

Manifest Vitest() {
  Manifest m;
  m.testFilter = TestFilter{.prefix = {"--"}, .fileArgs = {"{file}"}, .nameArgs = {"--testNamePattern={pattern}"}};
  return m;
}

bool Known(const std::string& f) {
  static const std::set<std::string> files = {"test/posts.test.ts", "test/auth.test.ts"};
  return files.count(f) > 0;
}

TEST(TestFilterArguments, AFullNameRunsOneFileAndAnchorsTheEscapedName) {
  EXPECT_EQ(TestFilterArguments(Vitest(), "test/auth.test.ts > auth: register > answers 422 (a role cannot be chosen)", Known),
            (Args{"--", "test/auth.test.ts", "--testNamePattern=^auth: register answers 422 \\(a role cannot be chosen\\)(?: |$)"}));
}

TEST(TestFilterArguments, AFileAndASuiteRunTheSuitesTests) {
  EXPECT_EQ(TestFilterArguments(Vitest(), "test/posts.test.ts > posts: CRUD", Known),
            (Args{"--", "test/posts.test.ts", "--testNamePattern=^posts: CRUD(?: |$)"}));
}

TEST(TestFilterArguments, AFileAloneRunsThatFile) {
  EXPECT_EQ(TestFilterArguments(Vitest(), "test/posts.test.ts", Known), (Args{"--", "test/posts.test.ts"}));
}

TEST(TestFilterArguments, APartOfANameIsMatchedAnywhereInEveryFile) {
  EXPECT_EQ(TestFilterArguments(Vitest(), "Post > rejects", Known), (Args{"--", "--testNamePattern=Post rejects"}));
  EXPECT_EQ(TestFilterArguments(Vitest(), "total $5.00?", Known), (Args{"--", "--testNamePattern=total \\$5\\.00\\?"}));
}

TEST(TestFilterArguments, AnUnknownFileIsPartOfTheName) {
  EXPECT_EQ(TestFilterArguments(Vitest(), "test/missing.test.ts > x", Known),
            (Args{"--", "--testNamePattern=test\\/missing\\.test\\.ts x"}));
}

TEST(TestFilterArguments, NothingWithoutAFilterOrWithoutRunnerSupport) {
  EXPECT_TRUE(TestFilterArguments(Vitest(), "", Known).empty());
  EXPECT_TRUE(TestFilterArguments(Manifest{}, "test/posts.test.ts", Known).empty());
}

TEST(TestFilterArguments, ALiteralRunnerGetsTheNameUnescaped) {
  Manifest m;
  m.testFilter = TestFilter{.nameArgs = {"-k", "{pattern}"}, .nameSeparator = " and ", .regex = false};
  EXPECT_EQ(TestFilterArguments(m, "Post > rejects (x)", Known), (Args{"-k", "Post and rejects (x)"}));
}

TEST(ParseManifest, ReadsTheTestFilterAndRequiresItsNameArguments) {
  nlohmann::json base = {{"id", "x"}, {"language", "x"}, {"framework", "y"}, {"databases", {"sqlite"}},
                         {"commands", {{"install", {{"argv", {"true"}}}}, {"build", {{"argv", {"true"}}}},
                                       {"test", {{"argv", {"true"}}}}, {"run", {{"argv", {"true"}}}}}},
                         {"files", nlohmann::json::array()}};
  auto plain = ParseManifest(base, "x/manifest.json");
  ASSERT_TRUE(plain.ok()) << plain.error().message;
  EXPECT_FALSE(plain->testFilter.has_value());
  base["testFilter"] = {{"prefix", {"--"}}, {"nameArgs", {"-t", "{pattern}"}}};
  auto with = ParseManifest(base, "x/manifest.json");
  ASSERT_TRUE(with.ok()) << with.error().message;
  ASSERT_TRUE(with->testFilter.has_value());
  EXPECT_EQ(with->testFilter->nameArgs, (Args{"-t", "{pattern}"}));
  EXPECT_EQ(with->testFilter->nameSeparator, " ");
  base["testFilter"] = {{"fileArgs", {"{file}"}}};
  auto bad = ParseManifest(base, "x/manifest.json");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("testFilter.nameArgs is required"), std::string::npos) << bad.error().message;
}

}  // namespace
}  // namespace bf::generate
