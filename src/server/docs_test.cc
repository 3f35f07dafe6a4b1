// The living project docs: history.md, runs.md, plan.md and tests.md follow the project's changes
// and test runs, and GET /api/projects/{pid}/docs?q= searches their sections.
#include "server/project_docs.h"

#include <algorithm>

#include "server/clock.h"
#include "server/test_support.h"
#include "store/doc_sections.h"

namespace bf::server {
namespace {

using testing::AppFixture;

class DocsApi : public AppFixture {
 protected:
  nlohmann::json Get(const std::string& target, const User& u, int status = 200) {
    Response r = Call("GET", target, nullptr, u.token);
    EXPECT_EQ(r.status, status) << target << ": " << r.body;
    return Body(r);
  }
};

TEST_F(DocsApi, DocsListRedAndGreenRunsAndTheChangeHistory) {
  auto u = Register("alice@example.com");
  std::string pid = CreateProject(u);
  const std::string docs = "/api/projects/" + pid + "/docs";
  ASSERT_EQ(Call("POST", "/api/projects/" + pid + "/messages", {{"text", "A blog with posts"}}, u.token).status, 200);
  clock_.Advance(60'000);
  const std::string edited_at = IsoTime(clock_.NowMillis());
  auto edit = Call("POST", "/api/projects/" + pid + "/messages", {{"text", "add subtitle to Post"}}, u.token);
  ASSERT_EQ(edit.status, 200) << edit.body;
  clock_.Advance(60'000);
  const std::string generated_at = IsoTime(clock_.NowMillis());
  auto job = WaitJob(u, Body(Call("POST", "/api/generate", {{"projectId", pid}}, u.token))["jobId"]);
  ASSERT_EQ(job["status"], "succeeded") << job.dump();

  // Every document and every section has an id and a last-updated time.
  auto list = Get(docs, u)["data"];
  std::vector<std::string> paths;
  for (const auto& d : list) {
    paths.push_back(d["path"]);
    EXPECT_EQ(d["id"], d["path"]);
    EXPECT_TRUE(d["updatedAt"].is_string());
    ASSERT_FALSE(d["sections"].empty()) << d.dump();
    for (const auto& s : d["sections"]) {
      EXPECT_EQ(s["id"].get<std::string>().rfind(d["path"].get<std::string>() + "#", 0), 0u) << s.dump();
      EXPECT_TRUE(s["updatedAt"].is_string());
      EXPECT_FALSE(s.contains("body"));
    }
  }
  EXPECT_EQ(paths, (std::vector<std::string>{"TDD.md", "history.md", "logs.md", "plan.md", "runs.md"}));

  // runs.md: the red and the green run with their times.
  auto runs = Get(docs + "/runs.md", u);
  std::string text = runs["content"];
  EXPECT_NE(text.find("| red | failed | 0 | 3 |"), std::string::npos) << text;
  EXPECT_NE(text.find("| green | passed | 3 | 0 |"), std::string::npos) << text;
  EXPECT_NE(text.find("## red run, " + generated_at + ": failed"), std::string::npos) << text;
  EXPECT_NE(text.find("## green run, " + generated_at + ": passed"), std::string::npos) << text;
  EXPECT_NE(text.find("| " + generated_at + " | green |"), std::string::npos) << text;
  ASSERT_GE(runs["sections"].size(), 3u);
  EXPECT_TRUE(runs["sections"][1].contains("body"));

  // history.md: time, author, reason and what changed, for each spec version and the generation.
  std::string history = Get(docs + "/history.md", u)["content"];
  EXPECT_NE(history.find("## Spec v2 (chat), " + edited_at + "\n\n- time: " + edited_at + "\n"), std::string::npos)
      << history;
  EXPECT_NE(history.find("- author: User alice@example.com <alice@example.com>"), std::string::npos) << history;
  EXPECT_NE(history.find("- reason: chat: add subtitle to Post"), std::string::npos) << history;
  EXPECT_NE(history.find("  - Post: field subtitle added (string)"), std::string::npos) << history;
  EXPECT_NE(history.find("## Generated code (job "), std::string::npos) << history;
  EXPECT_NE(history.find("  - green run: passed, 3 passed, 0 failed"), std::string::npos) << history;

  // A later test run is listed too, newest first.
  clock_.Advance(60'000);
  auto t = WaitJob(u, Body(Call("POST", "/api/test/run", {{"projectId", pid}}, u.token))["jobId"]);
  ASSERT_EQ(t["status"], "succeeded");
  text = Get(docs + "/runs.md", u)["content"];
  ASSERT_NE(text.find("## test run, "), std::string::npos) << text;
  EXPECT_LT(text.find("## test run, "), text.find("## green run")) << text;

  // logs.md: the finished jobs, newest first.
  std::string logs = Get(docs + "/logs.md", u)["content"];
  ASSERT_NE(logs.find("## test succeeded, "), std::string::npos) << logs;
  ASSERT_NE(logs.find("## generate succeeded, " + generated_at), std::string::npos) << logs;
  EXPECT_LT(logs.find("## test succeeded, "), logs.find("## generate succeeded")) << logs;
}

TEST(ProjectDocs, LogsMarkdownShowsTheLastLinesOfFinishedJobs) {
  store::Job running{.id = "j3", .kind = "test", .status = "running", .logTail = "still going\n", .createdAt = 3000};
  store::Job test{.id = "j2", .kind = "test", .status = "failed", .message = "2 failed\nmore", .createdAt = 2000, .finishedAt = 2500};
  for (int i = 1; i <= 50; ++i) test.logTail += "line " + std::to_string(i) + "\n";
  test.logTail += "a ``` fence\n";
  store::Job quiet{.id = "j1", .kind = "generate", .status = "succeeded", .createdAt = 1000, .finishedAt = 1500};
  std::string md = RenderLogsMarkdown({running, test, quiet}, 40);
  EXPECT_EQ(md.find("still going"), std::string::npos) << md;  // not finished
  EXPECT_NE(md.find("## test failed, " + IsoTime(2500) + "\n\nJob `j2`: 2 failed\n"), std::string::npos) << md;
  EXPECT_EQ(md.find("line 11\n"), std::string::npos) << md;  // only the last 40 lines
  EXPECT_NE(md.find("```text\nline 12\n"), std::string::npos) << md;
  EXPECT_NE(md.find("line 50\na ''' fence\n```\n"), std::string::npos) << md;
  EXPECT_NE(md.find("## generate succeeded, " + IsoTime(1500) + "\n\nJob `j1`\n\n(no output)\n"), std::string::npos) << md;
  EXPECT_NE(RenderLogsMarkdown({running}).find("No job has finished yet."), std::string::npos);
}


TEST_F(DocsApi, SearchReturnsMatchingSectionsAndRefusesBadQueries) {
  auto u = Register("alice@example.com");
  auto mallory = Register("mallory@example.com");
  std::string pid = CreateProject(u);
  const std::string docs = "/api/projects/" + pid + "/docs";
  Call("POST", "/api/projects/" + pid + "/messages", {{"text", "A blog with posts"}}, u.token);
  Call("POST", "/api/projects/" + pid + "/messages", {{"text", "add subtitle to Post"}}, u.token);

  auto hits = Get(docs + "?q=subtitle", u);
  EXPECT_EQ(hits["query"], "subtitle");
  ASSERT_FALSE(hits["data"].empty());
  nlohmann::json top;
  for (const auto& h : hits["data"]) {
    if (h["path"] == "history.md") top = h;
  }
  ASSERT_TRUE(top.is_object()) << hits.dump();
  EXPECT_EQ(top["path"], "history.md");
  EXPECT_EQ(top["id"].get<std::string>().rfind("history.md#spec-v2-chat-", 0), 0u) << top.dump();
  EXPECT_EQ(top["title"].get<std::string>().rfind("Spec v2 (chat)", 0), 0u);
  EXPECT_TRUE(top["updatedAt"].is_string());
  EXPECT_NE(top["snippet"].get<std::string>().find("[subtitle]"), std::string::npos) << top.dump();
  EXPECT_NE(top["body"].get<std::string>().find("- author: "), std::string::npos);
  EXPECT_TRUE(Get(docs + "?q=nothinglikethis", u)["data"].empty());
  // Operators are words: no 500 whatever the user types.
  for (const char* q : {"NEAR%28", "title%3Asubtitle", "subtitle+AND", "%28post", "-x", "%5Ey", "sub*"}) {
    EXPECT_EQ(Call("GET", docs + "?q=" + q, nullptr, u.token).status, 200) << q;
  }
  auto bad = Get(docs + "?q=%22subtitle", u, 400);
  EXPECT_EQ(bad["code"], "docs.bad_query");
  EXPECT_NE(bad["detail"].get<std::string>().find("unclosed quote"), std::string::npos);
  EXPECT_EQ(Get(docs + "?q=%2A%2A", u, 400)["code"], "docs.bad_query");
  EXPECT_EQ(Get(docs + "?q=", u, 400)["code"], "docs.bad_query");
  // Other tenants cannot search.
  EXPECT_EQ(Call("GET", docs + "?q=subtitle", nullptr, mallory.token).status, 404);
}

// What the generated tests leave in reports/examples.json: one request/response per test.
const char* const kExamples = R"({"version": 1, "examples": [
  {"file": "test/posts.test.ts", "test": "posts > create",
   "request": {"method": "POST", "path": "/api/posts", "headers": {"authorization": "Bearer abc.def"},
               "body": {"title": "quokka diaries", "password": "hunter2"}},
   "response": {"status": 201, "headers": {"content-type": "application/json"},
                "body": {"id": "p1", "title": "quokka diaries", "accessToken": "tok-123"}}},
  {"file": "test/auth.test.ts", "test": "auth > login",
   "request": {"method": "POST", "path": "/auth/login", "body": {"email": "a@example.com"}},
   "response": {"status": 401, "body": {"title": "Unauthorized"}}}]})";

TEST_F(DocsApi, TestsDocShowsTheExamplesOfTheLatestRunAndIsSearchable) {
  auto u = Register("alice@example.com");
  std::string pid = CreateProject(u);
  const std::string docs = "/api/projects/" + pid + "/docs";
  pipeline_->examples = kExamples;
  ASSERT_EQ(Call("POST", "/api/projects/" + pid + "/messages", {{"text", "A blog with posts"}}, u.token).status, 200);
  auto job = WaitJob(u, Body(Call("POST", "/api/generate", {{"projectId", pid}}, u.token))["jobId"]);
  ASSERT_EQ(job["status"], "succeeded") << job.dump();

  std::vector<std::string> paths;
  auto list = Get(docs, u);
  for (const auto& d : list["data"]) paths.push_back(d["path"]);
  EXPECT_EQ(paths, (std::vector<std::string>{"TDD.md", "history.md", "logs.md", "plan.md", "runs.md", "tests.md"}));
  auto doc = Get(docs + "/tests.md", u);
  std::string md = doc["content"];
  const int version = doc["version"];
  EXPECT_NE(md.find("(green run: passed, 3 passed, 0 failed, 0 skipped)"), std::string::npos) << md;
  EXPECT_LT(md.find("## test/auth.test.ts"), md.find("## test/posts.test.ts")) << md;
  EXPECT_NE(md.find("### posts > create\n\n- status: not in the run\n"), std::string::npos) << md;
  EXPECT_NE(md.find("```http\nPOST /api/posts\nAuthorization: Bearer ***\n```"), std::string::npos) << md;
  EXPECT_NE(md.find("```http\nHTTP/1.1 201\nContent-Type: application/json\n```"), std::string::npos) << md;
  EXPECT_NE(md.find("\"password\": \"***\""), std::string::npos) << md;
  EXPECT_EQ(md.find("hunter2"), std::string::npos) << md;
  EXPECT_EQ(md.find("tok-123"), std::string::npos) << md;

  // A later run rewrites it with that run's statuses; the sections are searchable.
  auto t = WaitJob(u, Body(Call("POST", "/api/test/run", {{"projectId", pid}}, u.token))["jobId"]);
  ASSERT_EQ(t["status"], "succeeded") << t.dump();
  doc = Get(docs + "/tests.md", u);
  EXPECT_EQ(doc["version"], version + 1);
  md = doc["content"];
  EXPECT_NE(md.find("(test run: passed, 3 passed, 0 failed, 0 skipped)"), std::string::npos) << md;
  EXPECT_NE(md.find("### posts > create\n\n- status: passed\n"), std::string::npos) << md;
  auto hits = Get(docs + "?q=quokka", u)["data"];
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits[0]["id"], "tests.md#posts--create") << hits.dump();

  // A file that is not an examples document is skipped: the run succeeds, tests.md stays.
  pipeline_->examples = "{\"examples\": [";
  t = WaitJob(u, Body(Call("POST", "/api/test/run", {{"projectId", pid}}, u.token))["jobId"]);
  ASSERT_EQ(t["status"], "succeeded") << t.dump();
  EXPECT_EQ(Get(docs + "/tests.md", u)["version"], version + 1);
}

TEST_F(DocsApi, NoExamplesFileNoTestsDoc) {
  auto u = Register("alice@example.com");
  std::string pid = CreateProject(u);
  ASSERT_EQ(Call("POST", "/api/projects/" + pid + "/messages", {{"text", "A blog with posts"}}, u.token).status, 200);
  auto job = WaitJob(u, Body(Call("POST", "/api/generate", {{"projectId", pid}}, u.token))["jobId"]);
  ASSERT_EQ(job["status"], "succeeded") << job.dump();
  EXPECT_EQ(Call("GET", "/api/projects/" + pid + "/docs/tests.md", nullptr, u.token).status, 404);
}

TEST(ProjectDocs, MaskSecretsHidesSecretKeysAndTokens) {
  nlohmann::json in = {{"password", "p"},
                       {"newPassword", "p"},
                       {"accessToken", "t"},
                       {"tokenType", "Bearer"},
                       {"clientSecret", "s"},
                       {"apiKey", "k"},
                       {"note", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl"},
                       {"nested", {{{"refreshToken", "r"}, {"title", "keep"}}}},
                       {"token", nullptr}};
  nlohmann::json out = MaskSecrets(in);
  EXPECT_EQ(out, (nlohmann::json{{"password", "***"},
                                 {"newPassword", "***"},
                                 {"accessToken", "***"},
                                 {"tokenType", "Bearer"},
                                 {"clientSecret", "***"},
                                 {"apiKey", "***"},
                                 {"note", "***"},
                                 {"nested", {{{"refreshToken", "***"}, {"title", "keep"}}}},
                                 {"token", nullptr}}))
      << out.dump();
}

TEST(ProjectDocs, TestsMarkdownIsSortedMaskedCutAndFenced) {
  nlohmann::json examples = nlohmann::json::parse(kExamples);
  // Input order does not matter: the output is sorted by file, then test.
  std::reverse(examples["examples"].begin(), examples["examples"].end());
  examples["examples"].push_back(
      {{"file", "test/events.test.ts"},
       {"test", "events > stream"},
       {"request", {{"method", "GET"}, {"path", "/api/events?access_token=eyJx.eyJy.z&page=2"}}},
       {"response", {{"status", 200}, {"body", "data: 1\n```\n# not a heading\n"}}}});
  examples["examples"].push_back({{"file", "test/posts.test.ts"},
                                  {"test", "posts > big list"},
                                  {"request", {{"method", "GET"}, {"path", "/api/posts"}}},
                                  {"response", {{"status", 200}, {"body", {{"data", std::string(5000, 'x')}}}}}});
  nlohmann::json run = {{"status", "failed"},
                        {"passed", 1},
                        {"failed", 1},
                        {"skipped", 0},
                        {"results",
                         {{{"name", "test/posts.test.ts > posts > create"}, {"status", "passed"}},
                          {{"name", "test/auth.test.ts > auth > login"}, {"status", "failed"}}}}};
  std::string md = RenderTestsMarkdown(examples, "green", run);
  EXPECT_EQ(md, RenderTestsMarkdown(examples, "green", run));
  EXPECT_EQ(md.rfind("# Tests\n\nInput/output examples captured from the latest test run (green run: failed, 1 passed, "
                     "1 failed, 0 skipped)",
                     0),
            0u)
      << md;
  size_t auth = md.find("## test/auth.test.ts"), events = md.find("## test/events.test.ts"),
         posts = md.find("## test/posts.test.ts");
  ASSERT_NE(auth, std::string::npos) << md;
  EXPECT_LT(auth, events);
  EXPECT_LT(events, posts);
  EXPECT_LT(md.find("### posts > big list"), md.find("### posts > create"));
  EXPECT_NE(md.find("### auth > login\n\n- status: failed\n\nRequest:\n\n```http\nPOST /auth/login\n```\n\n```json\n{\n  "
                    "\"email\": \"a@example.com\"\n}\n```\n\nResponse:\n\n```http\nHTTP/1.1 401\n```\n"),
            std::string::npos)
      << md;
  EXPECT_NE(md.find("### events > stream\n\n- status: not in the run\n"), std::string::npos) << md;
  EXPECT_NE(md.find("GET /api/events?access_token=***&page=2\n"), std::string::npos) << md;
  // A body line that would close the fence is escaped, so the next line is no heading.
  EXPECT_NE(md.find("```text\ndata: 1\n\\```\n# not a heading\n```\n"), std::string::npos) << md;
  auto sections = store::SplitSections("tests.md", md);
  for (const auto& s : sections) EXPECT_NE(s.title, "not a heading");
  // Long bodies are cut.
  EXPECT_NE(md.find("xxxx\n... (cut)\n```"), std::string::npos) << md;
  EXPECT_EQ(md.find(std::string(3000, 'x')), std::string::npos);
  EXPECT_EQ(md.find("hunter2"), std::string::npos) << md;
  EXPECT_EQ(md.find("tok-123"), std::string::npos) << md;

  EXPECT_NE(RenderTestsMarkdown(nlohmann::json::object(), "run", run).find("No example was recorded."),
            std::string::npos);
}

TEST(ProjectDocs, SpecChangesSummariseWhatChanged) {
  nlohmann::json before = {{"name", "blog"},
                           {"entities",
                            {{{"name", "Post"}, {"fields", {{{"name", "title"}, {"type", "string"}}}}},
                             {{"name", "Tag"}, {"fields", nlohmann::json::array()}}}},
                           {"roles", {{{"name", "admin"}}}}};
  nlohmann::json after = before;
  after["entities"][0]["fields"][0]["type"] = "text";
  after["entities"][0]["fields"].push_back({{"name", "rating"}, {"type", "integer"}});
  after["entities"].erase(1);
  after["entities"].push_back({{"name", "Comment"}, {"fields", {{{"name", "body"}}}}});
  after["roles"].push_back({{"name", "editor"}});
  EXPECT_EQ(SpecChanges(before, after),
            (std::vector<std::string>{"entity Tag removed", "entity Comment added (1 field)",
                                      "Post: field rating added (integer)", "Post: field title changed",
                                      "role editor added"}));
  EXPECT_TRUE(SpecChanges(before, before).empty());
  EXPECT_EQ(SpecChanges(nullptr, before), (std::vector<std::string>{"first spec: 2 entities (Post, Tag)"}));
}

TEST(ProjectDocs, RunsMarkdownListsFailuresWithMessages) {
  auto results = nlohmann::json::array(
      {{{"name", "posts can be created"}, {"status", "failed"}, {"message", "501\nstack"}},
       {{"name", "health"}, {"status", "passed"}}});
  store::TestRun red{"r1", "p", "j1", "red", "failed", 0, 2, 0, 1500, results, 1'700'000'000'000};
  std::string md = RenderRunsMarkdown({red});
  EXPECT_NE(md.find("| 2023-11-14T22:13:20.000Z | red | failed | 0 | 2 | 0 | 1.5 s |"), std::string::npos) << md;
  EXPECT_NE(md.find("- failed: posts can be created: 501\n"), std::string::npos) << md;
  EXPECT_NE(md.find("- passed: health\n"), std::string::npos) << md;
  EXPECT_NE(RenderRunsMarkdown({}).find("No test run yet."), std::string::npos);
}

}  // namespace
}  // namespace bf::server
