// Test-only helpers for the server layer (included by *_test.cc files only, never linked into
// the product): a deterministic fake Assistant, a fake ProjectPipeline, and an App over a
// temporary SQLite file with a settable clock.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <thread>

#include "server/app.h"
#include "server/log.h"
#include "spec/spec_json.h"
#include "spec/testing_specs.h"
#include "store/ids.h"
#include "store/sqlite_store.h"
#include "vcs/repo.h"

namespace bf::server::testing {

// Answers like the analyzer would, deterministically: a first message containing "vague" gets a
// question, "malware" a refusal, anything else the blog spec; later "add <field> to <Entity>"
// adds a string field, "undo" reverts the last edit.
class FakeAssistant final : public Assistant {
 public:
  std::string name() const override { return "fake"; }
  AssistantReply Reply(AssistantState& state, const std::string& description, const std::string& message,
                       const std::map<std::string, std::string>& answers) override {
    AssistantReply r;
    state.turns.push_back({"user", message});
    seen_turns = state.turns.size();
    if (!state.spec) {
      std::string all = description + " " + message;
      if (all.find("malware") != std::string::npos) {
        r.kind = "refused";
        r.text = "I can't help build that.";
      } else if (all.find("vague") != std::string::npos && answers.empty()) {
        r.kind = "clarify";
        r.text = "What is it for?";
        r.questions = nlohmann::json::array({{{"id", "domain"}, {"text", "What is it for?"}, {"options", {"blog", "shop"}}, {"default", "blog"}}});
      } else {
        r.kind = "planned";
        r.text = "Planned a blog.";
        state.spec = spec::testing::BlogSpec();
        r.assumptions = {"a blog"};
      }
    } else if (message == "undo") {
      if (state.undo.empty()) {
        r.kind = "no_change";
        r.text = "Nothing to undo.";
      } else {
        auto inv = spec::Apply(*state.spec, state.undo.back());
        state.undo.pop_back();
        r.kind = inv.ok() ? "undone" : "no_change";
        r.text = "Undone.";
      }
    } else if (message.rfind("add ", 0) == 0) {
      // "add subtitle to Post"
      auto to = message.find(" to ");
      std::string field = message.substr(4, to - 4);
      std::string entity = message.substr(to + 4);
      spec::SpecEdit e{spec::edit::AddField{entity, spec::Field{.name = field}, std::nullopt}};
      auto inv = spec::Apply(*state.spec, e);
      if (inv.ok()) {
        state.undo.push_back(*inv);
        r.kind = "edited";
        r.text = spec::Describe(e);
        r.applied.push_back(nlohmann::json::parse(spec::ToJson(e).dump()));
      } else {
        r.kind = "no_change";
        r.text = inv.error().message;
      }
    } else {
      r.kind = "no_change";
      r.text = "Noted.";
    }
    state.turns.push_back({"assistant", r.text});
    return r;
  }
  std::string Plan(const spec::AppSpec& spec, const std::vector<std::string>&, const std::string&) override {
    return "# Plan for " + spec.title + "\n\n" + std::to_string(spec.entities.size()) + " entities\n";
  }
  size_t seen_turns = 0;
};

// Writes a small project whose src/model.ts lists the spec's entities and fields (so a spec
// change changes it) and records it like the real pipeline's last step: a first generation is
// the root of `generated` and `main` by the acting user, with node_modules/ as if installed.
// With a stagingDir (a regeneration) the same happens in that folder, plus a run record
// (.backendforge/pipeline.json) committed on its main, and the project folder is not touched.
// Reports progress and one test run per phase; honours cancellation while "working" for
// `delay_ms`.
class FakePipeline final : public ProjectPipeline {
 public:
  static generate::FileTree Output(const spec::AppSpec& spec) {
    generate::FileTree tree;
    tree.Put("README.md", "# " + spec.title + "\n");
    tree.Put("src/index.ts", "export {};\n");
    std::string model = "// One line per entity: its fields.\n";
    for (const auto& e : spec.entities) {
      model += "export const " + e.name + "Fields = [";
      for (size_t i = 0; i < e.fields.size(); ++i) model += (i ? ", '" : "'") + e.fields[i].name + "'";
      model += "];\n";
    }
    tree.Put("src/model.ts", model);
    tree.Put("docs/TDD.md", "# TDD\nred then green\n");
    return tree;
  }
  std::vector<std::string> Stacks() const override { return {"node-express", "python-fastapi"}; }
  Result<GenerateOutcome> Generate(JobContext& ctx, const GenerateRequest& r) override {
    ctx.Progress(10, "writing");
    ctx.Log("wrote README.md");
    for (int waited = 0; waited < delay_ms; waited += 10) {
      if (ctx.Cancelled()) return MakeError("jobs.cancelled", "cancelled");
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    if (fail) return MakeError("pipeline.failed", "the red run passed: tests test nothing");
    ++generations;
    const bool staged = !r.stagingDir.empty();
    const std::filesystem::path dir = staged ? r.stagingDir : r.projectDir;
    generate::FileTree tree = Output(r.spec);
    for (const auto& [path, content] : tree.files()) {
      std::filesystem::create_directories((dir / path).parent_path());
      std::ofstream(dir / path, std::ios::binary) << content;
    }
    std::filesystem::create_directories(dir / "node_modules");
    std::ofstream(dir / "node_modules" / ".installed") << "install " << generations << "\n";
    // Like the real pipeline's last step: the output is recorded on `generated` and `main` by
    // the acting user (without a `generated` branch, a second generation is a plain commit).
    vcs::Author author{r.authorName, r.authorEmail, std::nullopt};
    if (!staged && std::filesystem::exists(dir / ".git")) {
      auto repo = vcs::Repo::Open(dir);
      if (!repo) return repo.error();
      if (auto c = repo->CommitAll("Generate " + r.spec.title, author); !c) return c.error();
    } else {
      auto repo = vcs::Repo::Init(dir);
      if (!repo) return repo.error();
      if (auto c = repo->RecordGeneration(tree, "Generate " + r.spec.title, author); !c) return c.error();
      if (staged) {
        std::filesystem::create_directories(dir / ".backendforge");
        std::ofstream(dir / ".backendforge" / "pipeline.json") << "{\"run\": " << generations << "}\n";
        if (auto c = repo->CommitAll("Record the test-first run", author); !c) return c.error();
      }
    }
    WriteExamples(dir);
    ctx.Emit("test.result", {{"phase", "red"}, {"passed", 0}, {"failed", 3}});
    ctx.Emit("test.result", {{"phase", "green"}, {"passed", 3}, {"failed", 0}});
    GenerateOutcome out;
    out.stack = r.stack.empty() ? "node-express" : r.stack;
    out.database = r.database.empty() ? "sqlite" : r.database;
    out.record = nlohmann::json::array({{{"name", "generate-tests"}, {"status", "ok"}}});
    out.testRuns = nlohmann::json::array(
        {{{"phase", "red"}, {"status", "failed"}, {"passed", 0}, {"failed", 3}, {"skipped", 0}, {"durationMs", 5}, {"results", nlohmann::json::array()}},
         {{"phase", "green"}, {"status", "passed"}, {"passed", 3}, {"failed", 0}, {"skipped", 0}, {"durationMs", 6}, {"results", nlohmann::json::array()}}});
    return out;
  }
  Result<TestOutcome> RunTests(JobContext& ctx, const TestRequest& r) override {
    ctx.Log("running tests in " + r.projectDir.string());
    WriteExamples(r.projectDir);
    TestOutcome o;
    if (!require_file.empty() && !std::filesystem::exists(r.projectDir / require_file)) {
      o.status = "failed";
      o.failed = 1;
      o.results = nlohmann::json::array({{{"name", "posts > create"}, {"status", "failed"},
                                          {"message", "Cannot find module '../" + require_file + "'"},
                                          {"location", "test/posts.test.ts:12"}}});
      o.summary = "0 passed, 1 failed";
      return o;
    }
    o.status = "passed";
    o.passed = 3;
    o.results = nlohmann::json::array({{{"name", "posts > create"}, {"status", "passed"}}});
    o.summary = "3 passed, 0 failed";
    return o;
  }
  Result<RunCommand> PreviewCommand(const std::string& stack, const std::filesystem::path&) const override {
    if (preview_argv.empty()) return MakeError("preview.command", "the stack " + stack + " has no run command");
    return RunCommand{preview_argv, {{"NODE_ENV", "test"}}, 600};
  }
  int delay_ms = 0;
  bool fail = false;
  int generations = 0;  // successful Generate calls
  std::vector<std::string> preview_argv;  // the "run" command tests give their fake app
  std::string require_file;  // RunTests fails while this project file is missing
  std::string examples;  // non-empty: what each test run leaves in reports/examples.json

 private:
  void WriteExamples(const std::filesystem::path& dir) const {
    if (examples.empty()) return;
    std::filesystem::create_directories(dir / "reports");
    std::ofstream(dir / "reports" / "examples.json", std::ios::binary) << examples;
  }
};

// An App over a fresh SQLite file in a temporary folder.
class AppFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    log::Init(log::Level::kError);  // handlers log expected failures at info/warn
    dir_ = std::filesystem::temp_directory_path() / ("bf-app-" + store::NewId());
    std::filesystem::create_directories(dir_);
    auto s = store::SqliteStore::Open((dir_ / "bf.db").string(), {}, clock_.NowMillis());
    ASSERT_TRUE(s.ok()) << s.error().message;
    store_ = std::move(*s);
    ServerConfig c = Config();
    auto assistant = std::make_unique<FakeAssistant>();
    assistant_ = assistant.get();
    auto pipeline = std::make_unique<FakePipeline>();
    pipeline_ = pipeline.get();
    app_ = std::make_unique<App>(c, *store_, clock_, std::string(40, 'k'), std::move(assistant), std::move(pipeline));
    app_->SetReady(true);
  }
  void TearDown() override {
    app_.reset();
    store_.reset();
    std::filesystem::remove_all(dir_);
  }
  virtual ServerConfig Config() {
    ServerConfig c;
    c.dataDir = dir_.string();
    c.accessLog = false;
    c.maxFailedLogins = 5;
    c.costlyLimit = RateLimit{1000, 100000};
    return c;
  }

  Response Call(const std::string& method, const std::string& target, const nlohmann::json& body = nullptr,
                const std::string& token = "", std::vector<std::pair<std::string, std::string>> headers = {}) {
    Request r;
    r.method = method;
    r.target = target;
    auto split = ParseTarget(target);
    EXPECT_TRUE(split.has_value()) << target;
    r.path = split->path;
    r.query = split->query;
    r.remote = "127.0.0.1";
    if (!body.is_null()) {
      r.body = body.dump();
      r.headers.Set("Content-Type", "application/json");
    }
    if (!token.empty()) r.headers.Set("Authorization", "Bearer " + token);
    for (auto& [k, v] : headers) r.headers.Set(k, v);
    return app_->Handle(r);
  }
  static nlohmann::json Body(const Response& r) { return nlohmann::json::parse(r.body, nullptr, false); }

  struct User {
    std::string id, token, refresh, workspace, email;
  };
  // PUT of raw bytes to the files API (not JSON, as Call sends).
  Response PutFile(const User& u, const std::string& pid, const std::string& path, const std::string& body) {
    Request q;
    q.method = "PUT";
    q.target = "/api/projects/" + pid + "/files/" + path;
    q.path = ParseTarget(q.target)->path;
    q.body = body;
    q.headers.Set("Authorization", "Bearer " + u.token);
    return app_->Handle(q);
  }
  User Register(const std::string& email, const std::string& password = "correct horse battery") {
    Response r = Call("POST", "/api/auth/register", {{"email", email}, {"password", password}, {"name", "User " + email}});
    EXPECT_EQ(r.status, 201) << r.body;
    auto j = Body(r);
    User u{j["user"]["id"], j["accessToken"], j["refreshToken"], "", email};
    auto me = Body(Call("GET", "/api/auth/me", nullptr, u.token));
    u.workspace = me["workspaces"][0]["id"];
    return u;
  }
  std::string CreateProject(const User& u, const std::string& name = "Blog", const std::string& ws = "") {
    Response r = Call("POST", "/api/workspaces/" + (ws.empty() ? u.workspace : ws) + "/projects",
                      {{"name", name}, {"description", "A blog with posts and comments"}}, u.token);
    EXPECT_EQ(r.status, 201) << r.body;
    return Body(r)["id"];
  }
  // Polls until the job has finished (or 5 s passed).
  nlohmann::json WaitJob(const User& u, const std::string& id) {
    for (int i = 0; i < 500; ++i) {
      auto j = Body(Call("GET", "/api/jobs/" + id, nullptr, u.token));
      std::string s = j.value("status", "");
      if (s != "queued" && s != "running") return j;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    ADD_FAILURE() << "job " << id << " did not finish";
    return nullptr;
  }

  std::filesystem::path dir_;
  FakeClock clock_;
  std::unique_ptr<store::SqliteStore> store_;
  std::unique_ptr<App> app_;
  FakeAssistant* assistant_ = nullptr;
  FakePipeline* pipeline_ = nullptr;
};

}  // namespace bf::server::testing
