#include "generate/generator.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <optional>
#include <thread>

#include "spec/spec_edit.h"
#include "spec/testing_specs.h"

namespace bf::generate {
namespace {

const std::string kTemplates = std::string(BF_SOURCE_DIR) + "/testdata/generate/templates";

class GeneratorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto reg = TargetRegistry::Default(kTemplates);
    ASSERT_TRUE(reg.ok()) << reg.error().message;
    registry_ = std::move(*reg);
    auto t = registry_.Find("mini");
    ASSERT_TRUE(t.ok()) << t.error().message;
    target_ = *t;
  }
  TargetRegistry registry_;
  const Target* target_ = nullptr;
};

TEST_F(GeneratorTest, RendersPerEntityFilesWithPaths) {
  auto tree = Generate(spec::testing::BlogSpec(), *target_, {});
  ASSERT_TRUE(tree.ok()) << tree.error().message;
  const std::string* model = tree->Get("src/post/model.ts");
  ASSERT_NE(model, nullptr);
  EXPECT_NE(model->find("export interface Post {"), std::string::npos);
  EXPECT_NE(model->find("  publishedAt?: string;"), std::string::npos) << *model;
  EXPECT_NE(model->find("  views?: number;"), std::string::npos);
  EXPECT_NE(model->find("  authorId: string;"), std::string::npos) << "required reference";
  EXPECT_NE(model->find("// app: blog-api"), std::string::npos) << "root context visible inside items";
  ASSERT_NE(tree->Get("src/comment/model.ts"), nullptr);
  EXPECT_NE(tree->Get("src/comment/model.ts")->find("  postId: string;"), std::string::npos);
}

TEST_F(GeneratorTest, NoHtmlEscapingAndPartialsWork) {
  auto tree = Generate(spec::testing::BlogSpec(), *target_, {});
  ASSERT_TRUE(tree.ok());
  EXPECT_NE(tree->Get("src/tag/service.ts")->find("<b>/api/tags</b>"), std::string::npos);
  EXPECT_NE(tree->Get("README.md")->find("Database: sqlite"), std::string::npos) << *tree->Get("README.md");
  EXPECT_NE(tree->Get("README.md")->find("- Tag at /api/tags\n"), std::string::npos);
}

TEST_F(GeneratorTest, StubAndImplModesPickTheirFiles) {
  auto stub = Generate(spec::testing::BlogSpec(), *target_, {.mode = Mode::kStub});
  auto impl = Generate(spec::testing::BlogSpec(), *target_, {.mode = Mode::kImpl});
  ASSERT_TRUE(stub.ok() && impl.ok());
  EXPECT_NE(stub->Get("src/post/service.ts")->find("implemented: false"), std::string::npos);
  EXPECT_NE(impl->Get("src/post/service.ts")->find("implemented: true"), std::string::npos);
  EXPECT_EQ(stub->size(), impl->size());
}

TEST_F(GeneratorTest, ConditionsAndVerbatimFiles) {
  auto tree = Generate(spec::testing::BlogSpec(), *target_, {});
  ASSERT_TRUE(tree.ok());
  EXPECT_TRUE(tree->Contains("events.ts"));
  EXPECT_FALSE(tree->Contains("no-events.txt"));
  EXPECT_EQ(*tree->Get("run.sh"), "#!/bin/sh\necho {{verbatim}}\n");
  EXPECT_TRUE(tree->IsExecutable("run.sh"));
  spec::AppSpec s = spec::testing::BlogSpec();
  ASSERT_TRUE(spec::Apply(s, spec::SpecEdit{spec::edit::RemoveFeature{spec::Feature::kRealtime}}).ok());
  auto quiet = Generate(s, *target_, {});
  ASSERT_TRUE(quiet.ok());
  EXPECT_FALSE(quiet->Contains("events.ts"));
  EXPECT_EQ(*quiet->Get("no-events.txt"), "no realtime: {{not rendered}}\n");
}

TEST_F(GeneratorTest, WritesOpenApiAndSpec) {
  auto tree = Generate(spec::testing::BlogSpec(), *target_, {});
  ASSERT_TRUE(tree.ok());
  ASSERT_TRUE(tree->Contains("openapi.json"));
  ASSERT_TRUE(tree->Contains(".backendforge/spec.json"));
  EXPECT_EQ(nlohmann::json::parse(*tree->Get("openapi.json"))["openapi"], "3.1.0");
}

TEST_F(GeneratorTest, IsDeterministic) {
  auto a = Generate(spec::testing::BlogSpec(), *target_, {});
  auto b = Generate(spec::testing::BlogSpec(), *target_, {});
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->files(), b->files());
}

TEST_F(GeneratorTest, DatabaseChoice) {
  auto pg = Generate(spec::testing::BlogSpec(), *target_, {.database = "postgres"});
  ASSERT_TRUE(pg.ok());
  EXPECT_NE(pg->Get("README.md")->find("Database: postgres"), std::string::npos);
  auto bad = Generate(spec::testing::BlogSpec(), *target_, {.database = "mongodb"});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().message, "stack \"mini\" does not support database \"mongodb\" (supported: sqlite, postgres)");
}

TEST_F(GeneratorTest, InvalidSpecIsRefused) {
  spec::AppSpec s = spec::testing::BlogSpec();
  s.relations[0].to = "Nope";
  auto tree = Generate(s, *target_, {});
  ASSERT_FALSE(tree.ok());
  EXPECT_NE(tree.error().message.find("the spec is not valid: relations[0].to: no entity named \"Nope\""), std::string::npos)
      << tree.error().message;
}

TEST_F(GeneratorTest, UnknownTargetSuggests) {
  auto t = registry_.Find("minni");
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.error().message, "unknown stack \"minni\" (available: mini); did you mean \"mini\"?");
}

TEST(TargetRegistry, BrokenTemplateNamesTheFile) {
  auto dir = std::filesystem::temp_directory_path() / ("bf-gen-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir / "bad");
  {
    std::ofstream(dir / "bad/manifest.json") << R"({"id":"bad","prepare":"node-express","language":"x","framework":"y",
      "databases":["sqlite"],"commands":{"install":{"argv":["true"]},"build":{"argv":["true"]},"test":{"argv":["true"]},
      "run":{"argv":["true"]}},"files":[{"template":"x.mustache"},{"template":"gone.mustache"}]})";
    std::ofstream(dir / "bad/x.mustache") << "{{#entities}}unclosed";
  }
  auto reg = TargetRegistry::Default(dir.string());
  ASSERT_TRUE(reg.ok()) << reg.error().message;
  auto tree = Generate(spec::testing::BlogSpec(), *reg->Find("bad").value(), {});
  ASSERT_FALSE(tree.ok());
  EXPECT_EQ(tree.error().message.rfind("x.mustache: ", 0), 0u) << tree.error().message;
  std::ofstream(dir / "bad/x.mustache") << "fine";
  auto missing = Generate(spec::testing::BlogSpec(), *reg->Find("bad").value(), {});
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find("template \"bad/gone.mustache\" is listed in the manifest but missing"), std::string::npos)
      << missing.error().message;
  std::filesystem::remove_all(dir);
}

TEST_F(GeneratorTest, ConcurrentGenerationsGiveTheSameFiles) {
  // Parsed templates are shared across generations and checked out for one render at a time.
  auto reference = Generate(spec::testing::BlogSpec(), *target_, {});
  ASSERT_TRUE(reference.ok()) << reference.error().message;
  std::vector<std::optional<FileTree>> trees(4);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < trees.size(); ++i) {
    threads.emplace_back([&, i] {
      for (int round = 0; round < 3; ++round) {
        auto tree = Generate(spec::testing::BlogSpec(), *target_, {});
        if (tree.ok()) trees[i] = std::move(*tree);
      }
    });
  }
  for (auto& t : threads) t.join();
  for (const auto& tree : trees) {
    ASSERT_TRUE(tree.has_value());
    EXPECT_EQ(tree->files(), reference->files());
  }
}

TEST(TargetRegistry, EditedTemplateIsRenderedAgain) {
  auto dir = std::filesystem::temp_directory_path() / ("bf-gen-edit-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir / "edit");
  std::ofstream(dir / "edit/manifest.json") << R"({"id":"edit","prepare":"node-express","language":"x","framework":"y",
    "databases":["sqlite"],"commands":{"install":{"argv":["true"]},"build":{"argv":["true"]},"test":{"argv":["true"]},
    "run":{"argv":["true"]}},"files":[{"template":"x.mustache","output":"x.txt"}]})";
  std::ofstream(dir / "edit/x.mustache") << "one {{app.id}}";
  auto reg = TargetRegistry::Default(dir.string());
  ASSERT_TRUE(reg.ok()) << reg.error().message;
  auto first = Generate(spec::testing::BlogSpec(), *reg->Find("edit").value(), {});
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ(*first->Get("x.txt"), "one blog-api");
  std::ofstream(dir / "edit/x.mustache") << "two {{app.id}}";
  auto second = Generate(spec::testing::BlogSpec(), *reg->Find("edit").value(), {});
  ASSERT_TRUE(second.ok()) << second.error().message;
  EXPECT_EQ(*second->Get("x.txt"), "two blog-api");
  std::filesystem::remove_all(dir);
}

TEST(TargetRegistry, ManifestErrorsAreClear) {
  auto m = ParseManifest(nlohmann::json{{"id", "x"}, {"language", "x"}, {"framework", "y"}, {"databases", {"sqlite"}},
                                        {"commands", {{"install", {{"argv", {"true"}}}}}}, {"files", nlohmann::json::array()}},
                         "x/manifest.json");
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.error().message, "x/manifest.json: commands.build is required");
}

}  // namespace
}  // namespace bf::generate
