#include "generate/file_tree.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

namespace bf::generate {
namespace {

namespace fs = std::filesystem;

class FileTreeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("bf-tree-" + std::to_string(::getpid()) + "-" +
                                         ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_);
  }
  void TearDown() override { fs::remove_all(root_); }
  static std::string Read(const fs::path& p) {
    std::ifstream in(p);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  }
  fs::path root_;
};

TEST(FileTreePaths, SafeRelativePaths) {
  EXPECT_TRUE(IsSafeRelativePath("src/app.ts"));
  EXPECT_TRUE(IsSafeRelativePath(".env.example"));
  EXPECT_FALSE(IsSafeRelativePath("/etc/passwd"));
  EXPECT_FALSE(IsSafeRelativePath("../escape"));
  EXPECT_FALSE(IsSafeRelativePath("src/../../escape"));
  EXPECT_FALSE(IsSafeRelativePath("src//x"));
  EXPECT_FALSE(IsSafeRelativePath(""));
  EXPECT_FALSE(IsSafeRelativePath("a\\b"));
}

TEST_F(FileTreeTest, WritesEveryFileIntoANewFolder) {
  FileTree t;
  t.Put("a.txt", "alpha");
  t.Put("src/deep/b.ts", "beta");
  t.Put("run.sh", "#!/bin/sh", true);
  fs::path out = root_ / "project";
  ASSERT_TRUE(WriteTreeAtomically(t, out).ok());
  EXPECT_EQ(Read(out / "a.txt"), "alpha");
  EXPECT_EQ(Read(out / "src/deep/b.ts"), "beta");
  EXPECT_NE(fs::status(out / "run.sh").permissions() & fs::perms::owner_exec, fs::perms::none);
  auto back = ReadTree(out);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->files(), t.files());
  EXPECT_TRUE(back->IsExecutable("run.sh"));
}

TEST_F(FileTreeTest, AnEmptyExistingFolderIsFine) {
  fs::create_directories(root_ / "empty");
  FileTree t;
  t.Put("x", "1");
  EXPECT_TRUE(WriteTreeAtomically(t, root_ / "empty").ok());
  EXPECT_EQ(Read(root_ / "empty/x"), "1");
}

TEST_F(FileTreeTest, RefusesANonEmptyFolderAndTouchesNothing) {
  fs::create_directories(root_ / "busy");
  std::ofstream(root_ / "busy/keep.txt") << "mine";
  FileTree t;
  t.Put("keep.txt", "overwritten?");
  Status s = WriteTreeAtomically(t, root_ / "busy");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().message.find("already exists and is not empty"), std::string::npos);
  EXPECT_EQ(Read(root_ / "busy/keep.txt"), "mine");
}

TEST_F(FileTreeTest, AnErrorLeavesNoHalfWrittenProject) {
  FileTree t;
  t.Put("a.txt", "alpha");
  t.Put("b/../../escape.txt", "evil");
  Status s = WriteTreeAtomically(t, root_ / "project");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().message.find("unsafe path"), std::string::npos);
  EXPECT_FALSE(fs::exists(root_ / "project"));
  EXPECT_FALSE(fs::exists(root_ / "escape.txt"));
  size_t leftovers = 0;
  for (const auto& e : fs::directory_iterator(root_)) { (void)e; ++leftovers; }
  EXPECT_EQ(leftovers, 0u) << "the temporary folder must be removed";
}

TEST_F(FileTreeTest, OverlayReplacesFilesInPlace) {
  FileTree base;
  base.Put("src/service.ts", "stub");
  base.Put("test/x.test.ts", "test");
  ASSERT_TRUE(WriteTreeAtomically(base, root_ / "p").ok());
  FileTree impl;
  impl.Put("src/service.ts", "real");
  ASSERT_TRUE(OverlayTree(impl, root_ / "p").ok());
  EXPECT_EQ(Read(root_ / "p/src/service.ts"), "real");
  EXPECT_EQ(Read(root_ / "p/test/x.test.ts"), "test");
  EXPECT_FALSE(fs::exists(root_ / "p/src/service.ts.bf-tmp"));
}

TEST_F(FileTreeTest, ReadTreeSkipsNamedFolders) {
  fs::create_directories(root_ / "p/node_modules/x");
  std::ofstream(root_ / "p/node_modules/x/index.js") << "dep";
  std::ofstream(root_ / "p/app.ts") << "app";
  auto t = ReadTree(root_ / "p", {"node_modules"});
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->size(), 1u);
  EXPECT_TRUE(t->Contains("app.ts"));
}

}  // namespace
}  // namespace bf::generate
