// Project files (path traversal and symlink escapes), the static UI, and the Postman export.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "generate/openapi.h"
#include "server/postman.h"
#include "server/project_files.h"
#include "server/static_ui.h"
#include "spec/testing_specs.h"
#include "store/ids.h"

namespace bf::server {
namespace {

namespace fs = std::filesystem;

class FilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    base_ = fs::temp_directory_path() / ("bf-files-" + store::NewId());
    root_ = base_ / "project";
    fs::create_directories(root_ / "src");
    fs::create_directories(root_ / "node_modules/x");
    std::ofstream(root_ / "src/a.ts") << "export const a = 1;\n";
    std::ofstream(root_ / "node_modules/x/index.js") << "junk";
    std::ofstream(base_ / "secret.txt") << "top secret";
  }
  void TearDown() override { fs::remove_all(base_); }
  fs::path base_, root_;
};

TEST_F(FilesTest, ReadsWritesAndListsInsideTheProject) {
  ProjectFiles files(root_);
  EXPECT_EQ(*files.Read("src/a.ts", 1 << 20), "export const a = 1;\n");
  ASSERT_TRUE(files.Write("src/new/b.ts", "b").ok());
  EXPECT_EQ(*files.Read("src/new/b.ts", 1 << 20), "b");
  auto list = files.List();
  ASSERT_TRUE(list.ok());
  std::vector<std::string> paths;
  for (auto& f : *list) paths.push_back(f.path);
  EXPECT_EQ(paths, (std::vector<std::string>{"src/a.ts", "src/new/b.ts"}));  // node_modules skipped
  EXPECT_EQ(files.Read("src/missing.ts", 100).error().code, "files.not_found");
  EXPECT_EQ(files.Read("src/a.ts", 3).error().code, "files.too_large");
}

TEST_F(FilesTest, RefusesTraversal) {
  ProjectFiles files(root_);
  for (const std::string& p : std::vector<std::string>{"../secret.txt", "src/../../secret.txt", "/etc/passwd", "src//a.ts", "./src/a.ts",
                               "src/./a.ts", "..", "", "src\\..\\..\\secret.txt", std::string("src/a.ts\0x", 10)}) {
    auto r = files.Read(p, 1 << 20);
    ASSERT_FALSE(r.ok()) << p;
    EXPECT_EQ(r.error().code, "files.bad_path") << p;
    EXPECT_FALSE(files.Write(p, "x").ok()) << p;
  }
  EXPECT_EQ(std::ifstream(base_ / "secret.txt").get(), 't');  // untouched
}

TEST_F(FilesTest, RefusesSymlinksThatLeadOutside) {
  fs::create_symlink(base_ / "secret.txt", root_ / "link.txt");
  fs::create_directory_symlink(base_, root_ / "up");
  fs::create_symlink(root_ / "src/a.ts", root_ / "inside.ts");
  ProjectFiles files(root_);
  EXPECT_EQ(files.Read("link.txt", 1 << 20).error().code, "files.bad_path");
  EXPECT_EQ(files.Read("up/secret.txt", 1 << 20).error().code, "files.bad_path");
  EXPECT_FALSE(files.Write("up/evil.txt", "x").ok());
  EXPECT_FALSE(fs::exists(base_ / "evil.txt"));
  EXPECT_FALSE(files.Write("link.txt", "x").ok());
  EXPECT_EQ(std::ifstream(base_ / "secret.txt").get(), 't');
  EXPECT_TRUE(files.Resolve("inside.ts", true).ok());
  auto listed = files.List();
  for (auto& f : *listed) EXPECT_NE(f.path, "link.txt");  // symlinks are not listed
}

TEST_F(FilesTest, RemovesFilesAndTheFoldersTheyLeaveEmpty) {
  ProjectFiles files(root_);
  ASSERT_TRUE(files.Write("src/deep/er/c.ts", "c").ok());
  ASSERT_TRUE(files.Remove("src/deep/er/c.ts").ok());
  EXPECT_FALSE(fs::exists(root_ / "src/deep"));           // emptied folders go too
  EXPECT_TRUE(fs::exists(root_ / "src/a.ts"));            // not their non-empty parents
  EXPECT_EQ(files.Remove("src/deep/er/c.ts").error().code, "files.not_found");
  EXPECT_EQ(files.Remove("src").error().code, "files.bad_path");  // a folder
  ASSERT_TRUE(files.Remove("src/a.ts").ok());
  EXPECT_TRUE(fs::exists(root_));                          // never the project itself
}

TEST_F(FilesTest, RemoveRefusesTraversalAndDeletesALinkNotItsTarget) {
  fs::create_symlink(root_ / "src/a.ts", root_ / "inside.ts");
  fs::create_symlink(base_ / "secret.txt", root_ / "link.txt");
  fs::create_directory_symlink(base_, root_ / "up");
  ProjectFiles files(root_);
  for (const std::string p : {"../secret.txt", "up/secret.txt", "link.txt", "/etc/passwd", "src/../../secret.txt"}) {
    auto st = files.Remove(p);
    ASSERT_FALSE(st.ok()) << p;
    EXPECT_EQ(st.error().code, "files.bad_path") << p;
  }
  EXPECT_TRUE(fs::exists(base_ / "secret.txt"));
  ASSERT_TRUE(files.Remove("inside.ts").ok());
  EXPECT_FALSE(fs::is_symlink(root_ / "inside.ts"));
  EXPECT_TRUE(fs::exists(root_ / "src/a.ts"));            // the link's target stays
}

TEST_F(FilesTest, ServesTheBuiltUiWithTypesAndCaching) {
  fs::path ui = base_ / "dist";
  fs::create_directories(ui / "assets");
  std::ofstream(ui / "index.html") << "<!doctype html><div id=root></div>";
  std::ofstream(ui / "assets/app-1234.js") << "console.log(1)";
  StaticUi s(ui);
  ASSERT_TRUE(s.built());
  auto get = [&](const std::string& path) {
    Request r;
    r.method = "GET";
    r.path = path;
    return s.Serve(r);
  };
  Response js = get("/assets/app-1234.js");
  EXPECT_EQ(js.status, 200);
  EXPECT_EQ(js.headers.Get("Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(js.headers.Get("Cache-Control"), "public, max-age=31536000, immutable");
  Response page = get("/projects/123");  // client-side route
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("id=root"), std::string::npos);
  EXPECT_EQ(page.headers.Get("Cache-Control"), "no-cache");
  EXPECT_NE(page.headers.Get("Content-Security-Policy").find("frame-ancestors 'none'"), std::string::npos);
  EXPECT_EQ(get("/assets/missing.js").status, 404);
  EXPECT_EQ(get("/%2e%2e/secret.txt").body.find("top secret"), std::string::npos);
  EXPECT_EQ(get("/../secret.txt").body.find("top secret"), std::string::npos);
  StaticUi none(base_ / "nope");
  EXPECT_FALSE(none.built());
  EXPECT_NE(get("/").body.find("id=root"), std::string::npos);
  Request r;
  r.path = "/";
  EXPECT_NE(none.Serve(r).body.find("not built"), std::string::npos);
}

TEST(Postman, BuildsACollectionFromTheOpenApiDocument) {
  auto doc = generate::BuildOpenApi(spec::testing::BlogSpec());
  auto c = OpenApiToPostman(doc);
  EXPECT_EQ(c["info"]["schema"], "https://schema.getpostman.com/json/collection/v2.1.0/collection.json");
  EXPECT_EQ(c["auth"]["type"], "bearer");
  bool found = false;
  for (const auto& folder : c["item"]) {
    for (const auto& item : folder["item"]) {
      const auto& url = item["request"]["url"];
      if (item["request"]["method"] == "GET" && url["raw"] == "{{baseUrl}}/api/posts/:id") {
        found = true;
        EXPECT_EQ(url["variable"][0]["key"], "id");
      }
      if (item["request"]["method"] == "POST" && url["raw"] == "{{baseUrl}}/api/posts") {
        auto body = nlohmann::json::parse(item["request"]["body"]["raw"].get<std::string>());
        EXPECT_TRUE(body.contains("title"));
      }
    }
  }
  EXPECT_TRUE(found);
  EXPECT_EQ(c.dump(), OpenApiToPostman(doc).dump());  // deterministic
}

}  // namespace
}  // namespace bf::server
