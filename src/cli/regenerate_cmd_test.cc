// `backendforge regenerate` on a project made with the mini test target.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "cli/commands.h"
#include "common/strings.h"
#include "generate/generator.h"
#include "spec/spec_edit.h"
#include "spec/spec_json.h"
#include "spec/testing_specs.h"
#include "vcs/repo.h"

namespace bf::cli {
namespace {

namespace fs = std::filesystem;

const std::string kTemplates = std::string(BF_SOURCE_DIR) + "/testdata/generate/templates";

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

class RegenerateCmdTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("bf-regen-cmd-" + std::to_string(::getpid()) + "-" +
                                         ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_);
    auto registry = generate::TargetRegistry::Default(kTemplates);
    ASSERT_TRUE(registry.ok());
    auto tree = generate::Generate(spec_, **registry->Find("mini"), {});
    ASSERT_TRUE(tree.ok());
    auto repo = vcs::Repo::Init(root_ / "proj");
    ASSERT_TRUE(repo.ok());
    ASSERT_TRUE(repo->RecordGeneration(*tree, "Generate\n" + vcs::GenerationTrailers("mini", "sqlite"),
                                       {"BackendForge", "bf@localhost", 1})
                    .ok());
  }
  void TearDown() override { fs::remove_all(root_); }

  int Run(const spec::AppSpec& spec, bool commit_pending = false) {
    std::ofstream(root_ / "spec.json") << spec::ToJson(spec).dump(2);
    RegenerateOptions o;
    o.specFile = (root_ / "spec.json").string();
    o.project = (root_ / "proj").string();
    o.templatesDir = kTemplates;  // no --stack: the project's recorded target (mini)
    o.author = "Dev <dev@example.com>";
    o.commitPending = commit_pending;
    ::testing::internal::CaptureStdout();
    ::testing::internal::CaptureStderr();
    int rc = Regenerate(o);
    out_ = ::testing::internal::GetCapturedStdout();
    err_ = ::testing::internal::GetCapturedStderr();
    return rc;
  }

  spec::AppSpec spec_ = spec::testing::BlogSpec();
  fs::path root_;
  std::string out_, err_;
};

TEST_F(RegenerateCmdTest, MergesTheChangedSpecAndSaysTheTestsDidNotRun) {
  std::ofstream(root_ / "proj/src/post/model.ts", std::ios::app) << "export const mine = 1;\n";
  spec::AppSpec changed = spec_;
  ASSERT_TRUE(spec::Apply(changed, {spec::edit::AddField{"Post", {.name = "subtitle", .type = spec::FieldType::kString}}}).ok());

  EXPECT_EQ(Run(changed), kExitFailed) << "uncommitted edits are refused by default";
  EXPECT_NE(err_.find("--commit-pending"), std::string::npos) << err_;

  EXPECT_EQ(Run(changed, /*commit_pending=*/true), kExitOk) << err_;
  EXPECT_NE(out_.find("Regenerated (clean)"), std::string::npos) << out_;
  EXPECT_NE(out_.find("M src/post/model.ts"), std::string::npos) << out_;
  EXPECT_NE(out_.find("The tests were not run"), std::string::npos) << out_;
  std::string model = Slurp(root_ / "proj/src/post/model.ts");
  EXPECT_NE(model.find("subtitle?: string;"), std::string::npos) << model;
  EXPECT_NE(model.find("export const mine = 1;"), std::string::npos) << model;
  auto log = vcs::Repo::Open(root_ / "proj")->Log();
  ASSERT_EQ(log->size(), 3u);
  EXPECT_EQ((*log)[0].authorName, "Dev");
  EXPECT_EQ((*log)[1].summary, "Edits before regeneration");

  EXPECT_EQ(Run(changed), kExitOk);
  EXPECT_NE(out_.find("Nothing to regenerate"), std::string::npos) << out_;
}

TEST_F(RegenerateCmdTest, ConflictsAreListedWithTheBranch) {
  std::string model = Slurp(root_ / "proj/src/post/model.ts");
  std::ofstream(root_ / "proj/src/post/model.ts") << ReplaceAll(model, "  views?: number;\n", "  views?: bigint;\n");
  auto repo = vcs::Repo::Open(root_ / "proj");
  ASSERT_TRUE(repo->CommitAll("bigint views", {"Dev", "dev@example.com"})->has_value());
  spec::AppSpec changed = spec_;
  ASSERT_TRUE(spec::Apply(changed, {spec::edit::RemoveField{"Post", "views"}}).ok());
  EXPECT_EQ(Run(changed), kExitFailed);
  EXPECT_NE(out_.find("conflicts in 1 file(s); main and your files are unchanged"), std::string::npos) << out_;
  EXPECT_NE(out_.find("  src/post/model.ts (content)"), std::string::npos) << out_;
  EXPECT_NE(out_.find("git checkout regenerate/"), std::string::npos) << out_;
}

}  // namespace
}  // namespace bf::cli
