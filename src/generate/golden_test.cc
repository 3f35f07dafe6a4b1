// Golden outputs: for every spec in testdata/golden/specs and every target folder in
// testdata/golden/<target>/<spec>/, the generator's output must equal the committed files byte
// for byte. `make golden` regenerates them on purpose; review the diff before committing.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "generate/generator.h"
#include "spec/spec_json.h"

namespace bf::generate {
namespace {

namespace fs = std::filesystem;
const fs::path kGolden = fs::path(BF_SOURCE_DIR) / "testdata/golden";

std::string FirstDifference(const std::string& want, const std::string& got) {
  std::istringstream a(want), b(got);
  std::string la, lb;
  for (int line = 1;; ++line) {
    bool ea = !std::getline(a, la), eb = !std::getline(b, lb);
    if (ea && eb) return "same lines, different line endings";
    if (ea || eb || la != lb) {
      return "line " + std::to_string(line) + ": expected " + (ea ? "<end of file>" : "\"" + la + "\"") + ", got " +
             (eb ? "<end of file>" : "\"" + lb + "\"");
    }
  }
}

TEST(Golden, GeneratedFilesMatchTheCommittedOutputs) {
  auto registry = TargetRegistry::Default();
  ASSERT_TRUE(registry.ok()) << registry.error().message;
  int compared = 0;
  for (const auto& target_dir : fs::directory_iterator(kGolden)) {
    std::string target_id = target_dir.path().filename().string();
    if (!target_dir.is_directory() || target_id == "specs") continue;
    auto target = registry->Find(target_id);
    ASSERT_TRUE(target.ok()) << target.error().message;
    for (const auto& case_dir : fs::directory_iterator(target_dir.path())) {
      std::string name = case_dir.path().filename().string();
      std::ifstream in(kGolden / "specs" / (name + ".json"));
      ASSERT_TRUE(in) << "no spec testdata/golden/specs/" << name << ".json for " << case_dir.path();
      std::stringstream ss;
      ss << in.rdbuf();
      auto loaded = spec::LoadSpecText(ss.str());
      ASSERT_TRUE(loaded.spec) << name << ": " << loaded.issues.front().ToString();
      auto tree = Generate(*loaded.spec, **target, {});
      ASSERT_TRUE(tree.ok()) << tree.error().message;
      auto expected = ReadTree(case_dir.path());
      ASSERT_TRUE(expected.ok()) << expected.error().message;
      std::vector<std::string> problems;
      for (const auto& [path, content] : expected->files()) {
        const std::string* got = tree->Get(path);
        if (!got) problems.push_back("no longer generated: " + path);
        else if (*got != content) problems.push_back("changed: " + path + " (" + FirstDifference(content, *got) + ")");
      }
      for (const auto& [path, content] : tree->files()) {
        if (!expected->Contains(path)) problems.push_back("new file: " + path);
      }
      std::string report;
      for (size_t i = 0; i < problems.size() && i < 20; ++i) report += "\n  " + problems[i];
      EXPECT_TRUE(problems.empty()) << target_id << "/" << name << " drifted from its golden output (" << problems.size()
                                    << " files; run `make golden` if intended):" << report;
      ++compared;
    }
  }
  EXPECT_GE(compared, 3) << "expected golden outputs for at least 3 specs";
}

}  // namespace
}  // namespace bf::generate
