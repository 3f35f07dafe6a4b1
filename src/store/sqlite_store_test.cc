#include "store/sqlite_store.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "store/ids.h"

namespace bf::store {
namespace {

namespace fs = std::filesystem;

class SqliteStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("bf-store-" + NewId());
    fs::create_directories(dir_);
    path_ = (dir_ / "bf.db").string();
    Reopen();
  }
  void TearDown() override {
    store_.reset();
    fs::remove_all(dir_);
  }
  void Reopen() {
    store_.reset();
    auto s = SqliteStore::Open(path_, {}, 1000);
    ASSERT_TRUE(s.ok()) << s.error().message;
    store_ = std::move(*s);
  }
  // A user with a personal workspace; returns {user id, workspace id}.
  std::pair<std::string, std::string> AddUser(const std::string& email) {
    User u{NewId(), email, "Name", "hash", false, 10};
    Workspace w{NewId(), "Personal", true, u.id, 10};
    EXPECT_TRUE(store_->CreateUser(u, w).ok());
    return {u.id, w.id};
  }
  Project AddProject(const std::string& ws, const std::string& by) {
    Project p;
    p.id = NewId();
    p.workspaceId = ws;
    p.name = "Blog";
    p.createdBy = by;
    p.createdAt = 20;
    EXPECT_TRUE(store_->CreateProject(p).ok());
    return p;
  }

  fs::path dir_;
  std::string path_;
  std::unique_ptr<SqliteStore> store_;
};

TEST_F(SqliteStoreTest, OpensMigratesAndChecksIntegrity) {
  EXPECT_EQ(store_->schemaVersion(), 2);
  auto check = store_->IntegrityCheck();
  ASSERT_TRUE(check.ok());
  EXPECT_EQ(*check, "ok");
  Reopen();  // migrations are not applied twice
  EXPECT_EQ(store_->schemaVersion(), 2);
  EXPECT_TRUE(store_->Ping().ok());
}

TEST_F(SqliteStoreTest, RefusesAGarbageFile) {
  store_.reset();
  fs::remove(path_);
  fs::remove(path_ + "-wal");
  fs::remove(path_ + "-shm");
  { std::ofstream(path_) << std::string(8192, 'x'); }
  auto s = SqliteStore::Open(path_);
  ASSERT_FALSE(s.ok());
}

TEST_F(SqliteStoreTest, UsersAreUniqueByEmailAndGetAPersonalWorkspace) {
  auto [uid, wid] = AddUser("a@example.com");
  User dup{NewId(), "a@example.com", "Other", "h", false, 11};
  auto st = store_->CreateUser(dup, Workspace{NewId(), "P", true, dup.id, 11});
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().code, "store.conflict");
  auto found = store_->FindUserByEmail("a@example.com");
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->id, uid);
  auto list = store_->ListWorkspaces(uid);
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ((*list)[0].workspace.id, wid);
  EXPECT_EQ((*list)[0].role, Role::kOwner);
  EXPECT_EQ(store_->FindUserByEmail("nobody@example.com").error().code, "store.not_found");
  ASSERT_TRUE(store_->UpdateUser(uid, std::string("New"), true).ok());
  EXPECT_EQ(store_->GetUser(uid)->name, "New");
  EXPECT_TRUE(store_->GetUser(uid)->analyticsOptIn);
}

TEST_F(SqliteStoreTest, ProjectsAreScopedByMembership) {
  auto [alice, alice_ws] = AddUser("alice@example.com");
  auto [bob, bob_ws] = AddUser("bob@example.com");
  Project p = AddProject(alice_ws, alice);
  ASSERT_TRUE(store_->GetProject(alice, p.id).ok());
  EXPECT_EQ(store_->GetProject(bob, p.id).error().code, "store.not_found");
  EXPECT_EQ(store_->GetWorkspace(bob, alice_ws).error().code, "store.not_found");
  ASSERT_TRUE(store_->PutMember(alice_ws, bob, Role::kViewer, 30).ok());
  auto seen = store_->GetProject(bob, p.id);
  ASSERT_TRUE(seen.ok());
  EXPECT_EQ(seen->role, Role::kViewer);
  ASSERT_TRUE(store_->PutMember(alice_ws, bob, Role::kEditor, 31).ok());
  EXPECT_EQ(store_->GetProject(bob, p.id)->role, Role::kEditor);
  auto members = store_->ListMembers(alice_ws);
  ASSERT_TRUE(members.ok());
  EXPECT_EQ(members->size(), 2u);
}

TEST_F(SqliteStoreTest, SpecVersionsUseOptimisticConcurrency) {
  auto [uid, wid] = AddUser("a@example.com");
  Project p = AddProject(wid, uid);
  SpecVersion v{p.id, 0, {{"name", "v1"}}, "put", "first", uid, 40};
  auto n1 = store_->SaveSpec(v, 0);
  ASSERT_TRUE(n1.ok());
  EXPECT_EQ(*n1, 1);
  auto stale = store_->SaveSpec(v, 0);
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().code, "store.conflict");
  v.spec = {{"name", "v2"}};
  EXPECT_EQ(*store_->SaveSpec(v, 1), 2);
  auto got = store_->GetProject(uid, p.id);
  EXPECT_EQ(got->project.specVersion, 2);
  EXPECT_EQ(got->project.spec["name"], "v2");
  EXPECT_EQ(store_->ListSpecVersions(p.id)->size(), 2u);
  EXPECT_EQ(store_->GetSpecVersion(p.id, 1)->spec["name"], "v1");
}

TEST_F(SqliteStoreTest, ChatTurnsAreAtomicAndSearchable) {
  auto [uid, wid] = AddUser("a@example.com");
  Project p = AddProject(wid, uid);
  ChatTurn t;
  t.projectId = p.id;
  t.expectedSpecVersion = 0;
  t.user = ChatMessage{0, p.id, "user", "A recipe sharing backend with ratings", {}, uid, 0};
  t.assistant = ChatMessage{0, p.id, "assistant", "Planned: Recipe, Rating, User", {{"kind", "planned"}}, "", 0};
  t.newSpec = SpecVersion{p.id, 0, {{"name", "recipes"}}, "analysis", "analysis", uid, 0};
  t.planMarkdown = "# Plan";
  t.chatState = {{"undo", nlohmann::json::array()}};
  t.status = "planned";
  t.at = 50;
  auto ids = store_->CommitChatTurn(t);
  ASSERT_TRUE(ids.ok()) << ids.error().message;
  EXPECT_EQ(ids->specVersion, 1);
  EXPECT_LT(ids->userMessageId, ids->assistantMessageId);
  // A second turn computed from the old version conflicts and writes nothing.
  auto again = store_->CommitChatTurn(t);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(store_->ListMessages(p.id, 0, 100)->size(), 2u);
  EXPECT_EQ(store_->LatestPlan(p.id)->markdown, "# Plan");
  EXPECT_EQ(store_->GetProject(uid, p.id)->project.status, "planned");

  auto recent = store_->RecentMessages(p.id, 1);
  ASSERT_EQ(recent->size(), 1u);
  EXPECT_EQ((*recent)[0].role, "assistant");
  EXPECT_EQ(store_->RecentMessages(p.id, 10)->front().role, "user");
  auto hits = store_->SearchMessages(p.id, "ratings recipe", 10);
  ASSERT_TRUE(hits.ok()) << hits.error().message;
  ASSERT_FALSE(hits->empty());
  EXPECT_EQ((*hits)[0].message.role, "user");
  EXPECT_NE((*hits)[0].snippet.find("[ratings]"), std::string::npos);
  // FTS syntax in the query is treated as words.
  EXPECT_TRUE(store_->SearchMessages(p.id, "\"unbalanced AND (", 10).ok());
  // Deleting the project removes its messages from the index too.
  ASSERT_TRUE(store_->DeleteProject(p.id).ok());
  EXPECT_TRUE(store_->SearchMessages(p.id, "ratings", 10)->empty());
}

TEST_F(SqliteStoreTest, RefreshTokensRotateAndReuseRevokesTheSession) {
  auto [uid, wid] = AddUser("a@example.com");
  Session s{NewId(), uid, 100, 1'000'000, 0};
  ASSERT_TRUE(store_->CreateSession(s, RefreshToken{"h1", s.id, uid, 100, 500'000, 0}).ok());
  auto r1 = store_->RotateRefreshToken("h1", RefreshToken{"h2", "", "", 200, 500'000, 0}, 200);
  ASSERT_TRUE(r1.ok());
  EXPECT_EQ(r1->outcome, RefreshOutcome::kRotated);
  EXPECT_EQ(r1->userId, uid);
  EXPECT_EQ(store_->RotateRefreshToken("nope", RefreshToken{"x", "", "", 0, 0, 0}, 200)->outcome,
            RefreshOutcome::kUnknown);
  // Replaying h1 revokes the session; h2 then stops working.
  EXPECT_EQ(store_->RotateRefreshToken("h1", RefreshToken{"h3", "", "", 300, 500'000, 0}, 300)->outcome,
            RefreshOutcome::kReused);
  EXPECT_NE(store_->GetSession(s.id)->revokedAt, 0);
  EXPECT_EQ(store_->RotateRefreshToken("h2", RefreshToken{"h4", "", "", 300, 500'000, 0}, 300)->outcome,
            RefreshOutcome::kRevoked);
}

TEST_F(SqliteStoreTest, ExpiredRefreshTokensAreRefused) {
  auto [uid, wid] = AddUser("a@example.com");
  Session s{NewId(), uid, 100, 1'000'000, 0};
  ASSERT_TRUE(store_->CreateSession(s, RefreshToken{"h1", s.id, uid, 100, 150, 0}).ok());
  EXPECT_EQ(store_->RotateRefreshToken("h1", RefreshToken{"h2", "", "", 200, 500, 0}, 200)->outcome,
            RefreshOutcome::kExpired);
}

TEST_F(SqliteStoreTest, ApiTokensCanBeUsedAndRevoked) {
  auto [uid, wid] = AddUser("a@example.com");
  ASSERT_TRUE(store_->CreateApiToken(ApiToken{"t1", uid, "cli", "hash1", "bfp_abcd", 10, 0, 0}).ok());
  auto used = store_->UseApiToken("hash1", 100'000);
  ASSERT_TRUE(used.ok());
  EXPECT_EQ(used->userId, uid);
  EXPECT_EQ(store_->ListApiTokens(uid)->at(0).lastUsedAt, 100'000);
  ASSERT_TRUE(store_->RevokeApiToken(uid, "t1", 200).ok());
  EXPECT_FALSE(store_->UseApiToken("hash1", 300).ok());
  EXPECT_FALSE(store_->RevokeApiToken("someone-else", "t1", 200).ok());
}

TEST_F(SqliteStoreTest, LoginFailuresAreCountedInAWindow) {
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(store_->RecordLoginFailure("a@example.com", 1000 + i).ok());
  auto n = store_->CountLoginFailures("a@example.com", 1002);
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(n->count, 3);
  EXPECT_EQ(n->oldest, 1002);
  EXPECT_EQ(store_->CountLoginFailures("b@example.com", 0)->count, 0);
}

TEST_F(SqliteStoreTest, UnfinishedJobsBecomeInterruptedAtRestart) {
  auto [uid, wid] = AddUser("a@example.com");
  Project p = AddProject(wid, uid);
  Job j;
  j.id = NewId();
  j.projectId = p.id;
  j.workspaceId = wid;
  j.kind = "generate";
  j.status = "running";
  j.createdBy = uid;
  j.createdAt = 60;
  ASSERT_TRUE(store_->CreateJob(j).ok());
  Job done = j;
  done.id = NewId();
  ASSERT_TRUE(store_->CreateJob(done).ok());
  done.status = "succeeded";
  ASSERT_TRUE(store_->UpdateJob(done).ok());
  Reopen();
  EXPECT_EQ(*store_->MarkUnfinishedJobsInterrupted(70), 1);
  EXPECT_EQ(store_->GetJob(uid, j.id)->status, "interrupted");
  EXPECT_EQ(store_->GetJob(uid, done.id)->status, "succeeded");
  auto [other, other_ws] = AddUser("b@example.com");
  EXPECT_EQ(store_->GetJob(other, j.id).error().code, "store.not_found");
  ASSERT_TRUE(store_->RequestCancel(j.id).ok());
  j.status = "running";  // a stale copy must not clear the cancel flag
  ASSERT_TRUE(store_->UpdateJob(j).ok());
  EXPECT_TRUE(store_->GetJobUnscoped(j.id)->cancelRequested);
}

TEST_F(SqliteStoreTest, TestRunsDocsAuditAndAnalytics) {
  auto [uid, wid] = AddUser("a@example.com");
  Project p = AddProject(wid, uid);
  ASSERT_TRUE(store_->AddTestRun(TestRun{"r1", p.id, "j1", "red", "failed", 0, 3, 0, 120, nlohmann::json::array(), 70}).ok());
  ASSERT_TRUE(store_->AddTestRun(TestRun{"r2", p.id, "j1", "green", "passed", 3, 0, 0, 130, nlohmann::json::array(), 80}).ok());
  auto runs = store_->ListTestRuns(p.id, 10);
  ASSERT_EQ(runs->size(), 2u);
  EXPECT_EQ((*runs)[0].phase, "green");

  EXPECT_EQ(*store_->PutDoc(DocEntry{p.id, "history.md", "one", 0, uid, 1}), 1);
  EXPECT_EQ(*store_->PutDoc(DocEntry{p.id, "history.md", "two", 0, uid, 2}), 2);
  EXPECT_EQ(store_->GetDoc(p.id, "history.md")->content, "two");
  EXPECT_EQ(store_->DocHistory(p.id, "history.md")->size(), 2u);
  EXPECT_EQ(store_->ListDocs(p.id)->size(), 1u);

  ASSERT_TRUE(store_->AppendAudit(AuditEvent{0, 5, uid, wid, "project.create", p.id, "127.0.0.1", {}}).ok());
  EXPECT_EQ(store_->ListAudit(wid, 10)->size(), 1u);
  ASSERT_TRUE(store_->RecordAnalytics(AnalyticsEvent{5, uid, "ui.open", {}}).ok());
  EXPECT_EQ(*store_->CountAnalytics(uid), 1);
}

TEST_F(SqliteStoreTest, DocSectionsAreIndexedOnEveryWrite) {
  auto [uid, wid] = AddUser("a@example.com");
  Project p = AddProject(wid, uid);
  const std::string v1 =
      "# Test runs\nEvery run of the tests.\n\n## Red run\nfailed: posts can be created\n\n"
      "## Green run\npassed: posts can be created, comments need a post\n";
  ASSERT_TRUE(store_->PutDoc(DocEntry{p.id, "runs.md", v1, 0, uid, 100}).ok());
  ASSERT_TRUE(
      store_->PutDoc(DocEntry{p.id, "history.md", "# History\n\n## v1\nadded comments to posts\n", 0, uid, 100}).ok());

  auto sections = store_->ListDocSections(p.id, "runs.md");
  ASSERT_TRUE(sections.ok()) << sections.error().message;
  ASSERT_EQ(sections->size(), 3u);
  EXPECT_EQ((*sections)[1].id, "runs.md#red-run");
  EXPECT_EQ((*sections)[1].updatedAt, 100);
  EXPECT_EQ(store_->ListDocSections(p.id, "")->size(), 5u);

  auto hits = store_->SearchDocs(p.id, "comments", 10);
  ASSERT_TRUE(hits.ok()) << hits.error().message;
  ASSERT_EQ(hits->size(), 2u);
  EXPECT_NE((*hits)[0].snippet.find("[comments]"), std::string::npos);

  // Rewriting the document replaces its sections: the old text no longer matches, an unchanged
  // section keeps its time, a changed one gets the write's.
  const std::string v2 =
      "# Test runs\nEvery run of the tests.\n\n## Red run\nfailed: tags can be created\n\n"
      "## Green run\npassed: posts can be created, comments need a post\n";
  ASSERT_TRUE(store_->PutDoc(DocEntry{p.id, "runs.md", v2, 0, uid, 200}).ok());
  EXPECT_EQ(store_->SearchDocs(p.id, "tags", 10)->size(), 1u);
  auto old_words = store_->SearchDocs(p.id, "\"failed posts\"", 10);
  ASSERT_TRUE(old_words.ok());
  EXPECT_TRUE(old_words->empty());
  sections = store_->ListDocSections(p.id, "runs.md");
  EXPECT_EQ((*sections)[0].updatedAt, 100);
  EXPECT_EQ((*sections)[1].updatedAt, 200);
  EXPECT_EQ((*sections)[2].updatedAt, 100);

  // Other projects' docs are not searched; deleting the project empties its index.
  Project other = AddProject(wid, uid);
  EXPECT_TRUE(store_->SearchDocs(other.id, "comments", 10)->empty());
  ASSERT_TRUE(store_->DeleteProject(p.id).ok());
  EXPECT_TRUE(store_->SearchDocs(p.id, "comments", 10)->empty());
  EXPECT_TRUE(store_->ListDocSections(p.id, "")->empty());
}

TEST_F(SqliteStoreTest, DocSearchRanksTitlesFirstAndRefusesBadQueries) {
  auto [uid, wid] = AddUser("a@example.com");
  Project p = AddProject(wid, uid);
  const std::string doc =
      "# Overview\nThe blog keeps posts. Posts have comments.\n\n"
      "# Endpoints\nGET /posts lists posts\n\n# Comments\nA comment belongs to a post.\n";
  ASSERT_TRUE(store_->PutDoc(DocEntry{p.id, "a.md", doc, 0, uid, 10}).ok());
  auto hits = store_->SearchDocs(p.id, "comments", 10);
  ASSERT_TRUE(hits.ok());
  ASSERT_EQ(hits->size(), 2u);
  EXPECT_EQ((*hits)[0].section.id, "a.md#comments");  // the title match ranks first
  EXPECT_LE((*hits)[0].rank, (*hits)[1].rank);
  EXPECT_EQ(store_->SearchDocs(p.id, "post*", 10)->size(), 3u);
  EXPECT_EQ(store_->SearchDocs(p.id, "endpoints OR overview", 10)->size(), 2u);
  EXPECT_EQ(store_->SearchDocs(p.id, "comments", 1)->size(), 1u);

  auto bad = store_->SearchDocs(p.id, "\"unclosed", 10);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, "store.bad_query");
  // FTS5 operators typed by a user are words, never a syntax error.
  for (const char* q : {"NEAR(", "title:x", "a AND", "(b", "-c", "^d", "e:*", "\"\"", "posts \"\" OR"}) {
    auto r = store_->SearchDocs(p.id, q, 10);
    EXPECT_TRUE(r.ok() || r.error().code == "store.bad_query") << q << ": " << r.error().message;
  }
}

TEST_F(SqliteStoreTest, MigrationIndexesDocsWrittenBeforeIt) {
  auto [uid, wid] = AddUser("a@example.com");
  Project p = AddProject(wid, uid);
  ASSERT_TRUE(store_->PutDoc(DocEntry{p.id, "history.md", "# History\n\n## v1\nold words\n", 0, uid, 10}).ok());
  ASSERT_TRUE(store_->PutDoc(DocEntry{p.id, "history.md", "# History\n\n## v1\nnewer words\n", 0, uid, 20}).ok());
  store_.reset();
  {  // back to schema version 1: the index as if it had never existed
    SQLite::Database db(path_, SQLite::OPEN_READWRITE);
    db.exec("DROP TABLE doc_sections_fts; DROP TABLE doc_sections; DELETE FROM schema_migrations WHERE version = 2");
  }
  Reopen();
  EXPECT_EQ(store_->schemaVersion(), 2);
  EXPECT_EQ(store_->SearchDocs(p.id, "newer", 10)->size(), 1u);
  EXPECT_TRUE(store_->SearchDocs(p.id, "old", 10)->empty());
  EXPECT_EQ(store_->ListDocSections(p.id, "history.md")->back().updatedAt, 20);
}

TEST_F(SqliteStoreTest, ConcurrentWritersAndReadersDoNotLoseWrites) {
  auto [uid, wid] = AddUser("a@example.com");
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 25; ++i) {
        Project p;
        p.id = NewId();
        p.workspaceId = wid;
        p.name = "p" + std::to_string(t * 100 + i);
        p.createdBy = uid;
        p.createdAt = i;
        EXPECT_TRUE(store_->CreateProject(p).ok());
        EXPECT_TRUE(store_->ListProjects(wid).ok());
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(store_->ListProjects(wid)->size(), 100u);
}

}  // namespace
}  // namespace bf::store
