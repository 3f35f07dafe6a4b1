// The real generator (the `mini` test target) through generation, a user edit, a spec change
// and regeneration.
#include <gtest/gtest.h>

#include "generate/generator.h"
#include "spec/spec_edit.h"
#include "spec/testing_specs.h"
#include "vcs/repo.h"
#include "vcs/test_util.h"

namespace bf::vcs {
namespace {

using namespace testing;  // NOLINT

class GeneratorRegenTest : public TempDirTest {};

TEST_F(GeneratorRegenTest, RealGeneratorOutputSurvivesRegeneration) {
  auto registry = generate::TargetRegistry::Default(std::string(BF_SOURCE_DIR) + "/testdata/generate/templates");
  ASSERT_TRUE(registry.ok()) << registry.error().message;
  const generate::Target* target = *registry->Find("mini");
  spec::AppSpec spec = spec::testing::BlogSpec();
  auto v1 = generate::Generate(spec, *target, {});
  ASSERT_TRUE(v1.ok()) << v1.error().message;

  fs::path dir = root_ / "blog";
  auto repo = Repo::Init(dir);
  ASSERT_TRUE(repo.ok());
  ASSERT_TRUE(repo->RecordGeneration(*v1, "Generate Blog API (mini, sqlite)", kBot).ok());
  EXPECT_TRUE(IsExecutable(dir / "run.sh"));

  // The user adds a helper to the generated model and a file of their own.
  const std::string helper = "export const isPublished = (p: Post) => p.status === 'published';\n";
  Spit(dir / "src/post/model.ts", Slurp(dir / "src/post/model.ts") + helper);
  Spit(dir / "src/post/featured.ts", "export const featured = [];\n");
  ASSERT_TRUE(repo->CommitAll("Add isPublished and featured", kAlice)->has_value());

  // The spec changes: Post gets a subtitle.
  spec::SpecEdit add{spec::edit::AddField{"Post", spec::Field{.name = "subtitle", .type = spec::FieldType::kString}}};
  auto inverse = spec::Apply(spec, add);
  ASSERT_TRUE(inverse.ok()) << inverse.error().message;
  auto v2 = generate::Generate(spec, *target, {});
  ASSERT_TRUE(v2.ok());
  auto o = repo->Regenerate(*v2, "Regenerate: " + spec::Describe(add), kBot);
  ASSERT_TRUE(o.ok()) << o.error().message;
  EXPECT_EQ(o->kind, MergeOutcome::Kind::kMerged) << (o->conflicts.empty() ? "" : o->conflicts[0].path);

  std::string model = Slurp(dir / "src/post/model.ts");
  EXPECT_TRUE(Contains(model, "  subtitle?: string;\n")) << model;
  EXPECT_TRUE(Contains(model, helper)) << model;
  EXPECT_TRUE(fs::exists(dir / "src/post/featured.ts"));
  EXPECT_TRUE(Contains(Slurp(dir / ".backendforge/spec.json"), "subtitle"));
  EXPECT_TRUE(IsExecutable(dir / "run.sh"));
  bool changed_model = false;
  for (const auto& c : o->generatorChanges) changed_model |= c.path == "src/post/model.ts";
  EXPECT_TRUE(changed_model);
  EXPECT_EQ(Git(dir, "status --porcelain").output, "");

  // Undoing the spec change and regenerating takes the field out again, keeping the helper.
  ASSERT_TRUE(spec::Apply(spec, *inverse).ok());
  auto v3 = generate::Generate(spec, *target, {});
  auto back = repo->Regenerate(*v3, "Regenerate: undo", kBot);
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(back->kind, MergeOutcome::Kind::kMerged);
  model = Slurp(dir / "src/post/model.ts");
  EXPECT_FALSE(Contains(model, "subtitle")) << model;
  EXPECT_TRUE(Contains(model, helper));
  EXPECT_EQ(**repo->ReadFile("generated", "src/post/model.ts"), *v1->Get("src/post/model.ts"));
}

}  // namespace
}  // namespace bf::vcs
