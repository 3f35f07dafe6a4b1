// Push to a local bare repository (file://), and errors that never leak secrets.
#include <gtest/gtest.h>

#include "vcs/repo.h"
#include "vcs/test_util.h"

namespace bf::vcs {
namespace {

using namespace testing;  // NOLINT

const std::string kToken = "ghp_s3cr3tT0kenValue";

class PushTest : public TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    auto r = Repo::Init(root_ / "p");
    ASSERT_TRUE(r.ok());
    repo_ = std::make_unique<Repo>(std::move(*r));
    generate::FileTree t;
    t.Put("README.md", "# Blog\n");
    t.Put("run.sh", "#!/bin/sh\n", true);
    ASSERT_TRUE(repo_->RecordGeneration(t, "Generate", kBot).ok());
    Spit(root_ / "p/notes.md", "mine\n");
    ASSERT_TRUE(repo_->CommitAll("Notes", kAlice)->has_value());
    ASSERT_EQ(Git(root_, "init -q --bare remote.git").exitCode, 0);
  }
  std::string BareUrl() const { return "file://" + (root_ / "remote.git").string(); }
  std::unique_ptr<Repo> repo_;
};

TEST_F(PushTest, PushesMainAndGeneratedToABareRepository) {
  Status s = repo_->Push({.url = BareUrl()});
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(Git(root_ / "remote.git", "rev-parse main").output, *repo_->Resolve("main") + "\n");
  EXPECT_EQ(Git(root_ / "remote.git", "rev-parse generated").output, *repo_->Resolve("generated") + "\n");
  EXPECT_EQ(Git(root_ / "remote.git", "show main:notes.md").output, "mine\n");
  // Later commits push as fast-forwards.
  Spit(root_ / "p/notes.md", "more\n");
  ASSERT_TRUE(repo_->CommitAll("More notes", kAlice)->has_value());
  ASSERT_TRUE(repo_->Push({.url = BareUrl()}).ok());
  EXPECT_EQ(Git(root_ / "remote.git", "rev-parse main").output, *repo_->Resolve("main") + "\n");
  // A plain path works too, and a token is simply not needed for it.
  ASSERT_TRUE(repo_->Push({.url = (root_ / "remote.git").string(), .token = kToken}).ok());
}

TEST_F(PushTest, ADivergedRemoteIsRefusedNotOverwritten) {
  ASSERT_TRUE(repo_->Push({.url = BareUrl()}).ok());
  // Someone else pushes to main.
  ASSERT_EQ(Git(root_, "clone -q -b main remote.git other").exitCode, 0);
  Spit(root_ / "other/theirs.md", "theirs\n");
  ASSERT_EQ(Git(root_ / "other", "add -A").exitCode, 0);
  ASSERT_EQ(Git(root_ / "other", "commit -q -m theirs").exitCode, 0);
  auto pushed = Git(root_ / "other", "push -q origin main");
  ASSERT_EQ(pushed.exitCode, 0) << pushed.output;
  std::string theirs = Git(root_ / "remote.git", "rev-parse main").output;
  Spit(root_ / "p/notes.md", "diverged\n");
  ASSERT_TRUE(repo_->CommitAll("Diverge", kAlice)->has_value());
  Status s = repo_->Push({.url = BareUrl()});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, "vcs.push");
  EXPECT_TRUE(Contains(s.error().message, "not present locally") || Contains(s.error().message, "fast-forward"))
      << s.error().message;
  EXPECT_EQ(Git(root_ / "remote.git", "rev-parse main").output, theirs) << "the remote keeps its commits";
}

TEST_F(PushTest, AWrongUrlIsAClearErrorWithoutTheToken) {
  Status s = repo_->Push({.url = "file://" + (root_ / "missing.git").string(), .token = kToken});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, "vcs.push");
  EXPECT_TRUE(Contains(s.error().message, "push to file://")) << s.error().message;
  EXPECT_TRUE(Contains(s.error().message, "missing.git")) << s.error().message;
  EXPECT_FALSE(Contains(s.error().message, kToken));

  // A token in the URL, or one the server echoes back, never reaches the message.
  Status in_url = repo_->Push({.url = "https://alice:" + kToken + "@127.0.0.1:1/blog.git", .token = kToken});
  ASSERT_FALSE(in_url.ok());
  EXPECT_FALSE(Contains(in_url.error().message, kToken)) << in_url.error().message;
  EXPECT_TRUE(Contains(in_url.error().message, "https://alice:***@127.0.0.1:1/blog.git")) << in_url.error().message;

  Status junk = repo_->Push({.url = "not a url " + kToken, .token = kToken});
  ASSERT_FALSE(junk.ok());
  EXPECT_FALSE(Contains(junk.error().message, kToken)) << junk.error().message;

  Status plain_http = repo_->Push({.url = "http://example.com/blog.git", .token = kToken});
  ASSERT_FALSE(plain_http.ok());
  EXPECT_TRUE(Contains(plain_http.error().message, "unencrypted http")) << plain_http.error().message;

  EXPECT_EQ(repo_->Push({.url = ""}).error().code, "vcs.remote");
}

TEST_F(PushTest, NothingToPushIsExplained) {
  auto empty = Repo::Init(root_ / "empty");
  Status s = empty->Push({.url = BareUrl()});
  ASSERT_FALSE(s.ok());
  EXPECT_TRUE(Contains(s.error().message, "nothing to push")) << s.error().message;
}

}  // namespace
}  // namespace bf::vcs
