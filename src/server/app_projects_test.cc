// Handlers over a real SQLite file, without sockets: tenancy (two tenants, three roles), projects,
// the spec, chat with the (fake) assistant, jobs with the (fake) pipeline, exports and files.
#include <filesystem>
#include <fstream>

#include "server/test_support.h"
#include "server/ws_session.h"

namespace bf::server {
namespace {

using testing::AppFixture;

class ProjectsApi : public AppFixture {
 protected:
  // Alice owns a workspace with Bob as editor and Carol as viewer; Mallory is another tenant.
  void Team() {
    alice = Register("alice@example.com");
    bob = Register("bob@example.com");
    carol = Register("carol@example.com");
    mallory = Register("mallory@example.com");
    ASSERT_EQ(Call("POST", "/api/workspaces/" + alice.workspace + "/members", {{"email", "bob@example.com"}, {"role", "editor"}}, alice.token).status, 201);
    ASSERT_EQ(Call("POST", "/api/workspaces/" + alice.workspace + "/members", {{"email", "carol@example.com"}, {"role", "viewer"}}, alice.token).status, 201);
    project = CreateProject(alice);
    Register("dave@example.com");
  }
  User alice, bob, carol, mallory;
  std::string project;
};

TEST_F(ProjectsApi, CreatesReadsUpdatesAndDeletesProjects) {
  auto u = Register("alice@example.com");
  Response bad = Call("POST", "/api/workspaces/" + u.workspace + "/projects", {{"name", ""}, {"stack", "cobol"}, {"x", 1}}, u.token);
  ASSERT_EQ(bad.status, 422);
  EXPECT_EQ(Body(bad)["errors"].size(), 3u);
  std::string pid = CreateProject(u);
  auto p = Body(Call("GET", "/api/projects/" + pid, nullptr, u.token));
  EXPECT_EQ(p["name"], "Blog");
  EXPECT_EQ(p["status"], "draft");
  EXPECT_EQ(p["specVersion"], 0);
  Response patched = Call("PATCH", "/api/projects/" + pid, {{"name", "Blog 2"}, {"stack", "python-fastapi"}}, u.token);
  ASSERT_EQ(patched.status, 200) << patched.body;
  EXPECT_EQ(Body(patched)["stack"], "python-fastapi");
  EXPECT_EQ(Body(Call("GET", "/api/workspaces/" + u.workspace + "/projects", nullptr, u.token))["data"].size(), 1u);
  EXPECT_EQ(Call("DELETE", "/api/projects/" + pid, nullptr, u.token).status, 204);
  EXPECT_EQ(Call("GET", "/api/projects/" + pid, nullptr, u.token).status, 404);
}

TEST_F(ProjectsApi, AccessMatrixAcrossTwoTenantsAndThreeRoles) {
  Team();
  // Put a spec in place so every read has something to return.
  ASSERT_EQ(Call("PUT", "/api/projects/" + project + "/spec", nlohmann::json::parse(spec::ToJson(spec::testing::BlogSpec()).dump()), alice.token).status, 200);
  std::string pp = "/api/projects/" + project;
  struct Op {
    std::string method, target;
    nlohmann::json body;
    store::Role need;  // minimum role
  };
  std::vector<Op> ops = {
      {"GET", pp, nullptr, store::Role::kViewer},
      {"GET", pp + "/spec", nullptr, store::Role::kViewer},
      {"GET", pp + "/plan", nullptr, store::Role::kViewer},
      {"GET", pp + "/messages", nullptr, store::Role::kViewer},
      {"GET", pp + "/runs", nullptr, store::Role::kViewer},
      {"GET", pp + "/files", nullptr, store::Role::kViewer},
      {"GET", pp + "/history", nullptr, store::Role::kViewer},
      {"GET", "/api/export?projectId=" + project + "&format=openapi-json", nullptr, store::Role::kViewer},
      {"GET", "/api/workspaces/" + alice.workspace, nullptr, store::Role::kViewer},
      {"GET", "/api/workspaces/" + alice.workspace + "/projects", nullptr, store::Role::kViewer},
      {"PATCH", pp, {{"description", "changed"}}, store::Role::kEditor},
      {"PUT", pp + "/spec", nlohmann::json::parse(spec::ToJson(spec::testing::BlogSpec()).dump()), store::Role::kEditor},
      {"POST", pp + "/messages", {{"text", "add subtitle to Post"}}, store::Role::kEditor},
      {"PUT", pp + "/files/notes.txt", nullptr, store::Role::kEditor},
      {"POST", "/api/generate", {{"projectId", project}}, store::Role::kEditor},
      {"POST", "/api/workspaces/" + alice.workspace + "/projects", {{"name", "Other"}}, store::Role::kEditor},
      {"POST", "/api/workspaces/" + alice.workspace + "/members", {{"email", "dave@example.com"}, {"role", "viewer"}}, store::Role::kOwner},
      {"GET", "/api/workspaces/" + alice.workspace + "/audit", nullptr, store::Role::kOwner},
  };
  struct Who {
    User* user;
    std::optional<store::Role> role;  // nullopt: another tenant
  };
  std::vector<Who> who = {{&mallory, std::nullopt}, {&carol, store::Role::kViewer}, {&bob, store::Role::kEditor}, {&alice, store::Role::kOwner}};
  int unauthorized_2xx = 0;
  for (const auto& op : ops) {
    for (const auto& w : who) {
      Response r = op.target.find("/files/") != std::string::npos
                       ? [&] {
                           Request q;
                           q.method = op.method;
                           q.target = q.path = op.target;
                           q.body = "hello";
                           q.headers.Set("Authorization", "Bearer " + w.user->token);
                           return app_->Handle(q);
                         }()
                       : Call(op.method, op.target, op.body, w.user->token);
      bool allowed = w.role && *w.role >= op.need;
      if (!allowed && r.status >= 200 && r.status < 300) ++unauthorized_2xx;
      if (!w.role) {
        EXPECT_EQ(r.status, 404) << op.method << " " << op.target << " as another tenant: " << r.body;
      } else if (!allowed) {
        EXPECT_EQ(r.status, 403) << op.method << " " << op.target << " as " << store::ToString(*w.role);
      } else {
        EXPECT_LT(r.status, 300) << op.method << " " << op.target << " as " << store::ToString(*w.role) << ": " << r.body;
      }
    }
    // Mallory's own workspace is invisible to Alice the same way.
    EXPECT_EQ(Call("GET", "/api/workspaces/" + mallory.workspace, nullptr, alice.token).status, 404);
  }
  EXPECT_EQ(unauthorized_2xx, 0);
  // Deleting needs the owner.
  EXPECT_EQ(Call("DELETE", pp, nullptr, bob.token).status, 403);
  EXPECT_EQ(Call("DELETE", pp, nullptr, mallory.token).status, 404);
  // Jobs of another tenant are not found either.
  auto job = Body(Call("POST", "/api/generate", {{"projectId", project}}, alice.token));
  WaitJob(alice, job["jobId"]);
  EXPECT_EQ(Call("GET", "/api/jobs/" + job["jobId"].get<std::string>(), nullptr, mallory.token).status, 404);
  EXPECT_EQ(Call("GET", "/api/jobs/" + job["jobId"].get<std::string>(), nullptr, carol.token).status, 200);
  EXPECT_EQ(Call("POST", "/api/jobs/" + job["jobId"].get<std::string>() + "/cancel", nullptr, carol.token).status, 403);
}

TEST_F(ProjectsApi, PutSpecValidatesWithPathsAndKeepsVersions) {
  auto u = Register("alice@example.com");
  std::string pid = CreateProject(u);
  auto spec = nlohmann::json::parse(spec::ToJson(spec::testing::BlogSpec()).dump());
  auto broken = spec;
  broken["entities"][1]["fields"][0]["type"] = "strnig";
  broken["relations"][0]["to"] = "Pots";
  Response bad = Call("PUT", "/api/projects/" + pid + "/spec", broken, u.token);
  ASSERT_EQ(bad.status, 422);
  auto errors = Body(bad)["errors"];
  ASSERT_GE(errors.size(), 2u);
  std::set<std::string> paths;
  for (auto& e : errors) paths.insert(e["path"]);
  EXPECT_TRUE(paths.count("entities[1].fields[0].type")) << bad.body;
  EXPECT_TRUE(paths.count("relations[0].to")) << bad.body;
  Response ok = Call("PUT", "/api/projects/" + pid + "/spec", spec, u.token);
  ASSERT_EQ(ok.status, 200);
  EXPECT_EQ(Body(ok)["version"], 1);
  EXPECT_EQ(ok.headers.Get("ETag"), "\"1\"");
  // A conditional write against a stale version is refused.
  EXPECT_EQ(Call("PUT", "/api/projects/" + pid + "/spec", spec, u.token, {{"If-Match", "\"0\""}}).status, 412);
  EXPECT_EQ(Call("PUT", "/api/projects/" + pid + "/spec", spec, u.token, {{"If-Match", "\"1\""}}).status, 200);
  EXPECT_EQ(Body(Call("GET", "/api/projects/" + pid + "/spec/versions", nullptr, u.token))["data"].size(), 2u);
  EXPECT_EQ(Body(Call("GET", "/api/projects/" + pid, nullptr, u.token))["status"], "planned");
}

TEST_F(ProjectsApi, ChatAnalyzesEditsUndoesAndRemembers) {
  auto u = Register("alice@example.com");
  std::string pid = CreateProject(u);
  auto sink = std::make_shared<std::vector<std::string>>();
  struct Rec : EventSink {
    explicit Rec(std::shared_ptr<std::vector<std::string>> s) : out(std::move(s)) {}
    bool Deliver(const std::shared_ptr<const std::string>& f) override {
      out->push_back(nlohmann::json::parse(*f)["type"]);
      return true;
    }
    std::shared_ptr<std::vector<std::string>> out;
  };
  auto rec = std::make_shared<Rec>(sink);
  app_->hub.Subscribe(EventHub::ProjectTopic(pid), rec);

  Response first = Call("POST", "/api/projects/" + pid + "/messages", {{"text", "A blog with posts and comments"}}, u.token);
  ASSERT_EQ(first.status, 200) << first.body;
  auto j = Body(first);
  EXPECT_EQ(j["reply"]["payload"]["kind"], "planned");
  EXPECT_EQ(j["specVersion"], 1);
  EXPECT_TRUE(j["specChanged"]);
  Response plan = Call("GET", "/api/projects/" + pid + "/plan", nullptr, u.token);
  EXPECT_EQ(plan.status, 200);
  EXPECT_EQ(plan.headers.Get("Content-Type"), "text/markdown; charset=utf-8");
  EXPECT_NE(plan.body.find("# Plan for Blog API"), std::string::npos);

  auto edit = Body(Call("POST", "/api/projects/" + pid + "/messages", {{"text", "add subtitle to Post"}}, u.token));
  EXPECT_EQ(edit["reply"]["payload"]["kind"], "edited");
  EXPECT_EQ(edit["specVersion"], 2);
  EXPECT_EQ(assistant_->seen_turns, 3u);  // the earlier exchange was given back to the assistant
  auto undo = Body(Call("POST", "/api/projects/" + pid + "/messages", {{"text", "undo"}}, u.token));
  EXPECT_EQ(undo["reply"]["payload"]["kind"], "undone");
  EXPECT_EQ(undo["specVersion"], 3);
  auto spec = Body(Call("GET", "/api/projects/" + pid + "/spec", nullptr, u.token))["spec"];
  for (const auto& e : spec["entities"]) {
    if (e["name"] == "Post") {
      for (const auto& f : e["fields"]) EXPECT_NE(f["name"], "subtitle");
    }
  }
  auto msgs = Body(Call("GET", "/api/projects/" + pid + "/messages", nullptr, u.token))["data"];
  EXPECT_EQ(msgs.size(), 6u);
  auto hits = Body(Call("GET", "/api/projects/" + pid + "/messages?q=subtitle", nullptr, u.token))["data"];
  ASSERT_FALSE(hits.empty());
  EXPECT_NE(hits[0]["snippet"].get<std::string>().find("[subtitle]"), std::string::npos);
  for (const char* t : {"chat.message", "spec.updated", "docs.updated"}) {
    EXPECT_NE(std::find(sink->begin(), sink->end(), t), sink->end()) << t;
  }
  auto history = Body(Call("GET", "/api/projects/" + pid + "/docs/history.md", nullptr, u.token));
  EXPECT_EQ(history["version"], 3);
  EXPECT_EQ(Call("POST", "/api/projects/" + pid + "/messages", {{"text", ""}}, u.token).status, 422);
}

TEST_F(ProjectsApi, ChatAsksAndRefuses) {
  auto u = Register("alice@example.com");
  std::string vague = CreateProject(u);
  auto q = Body(Call("POST", "/api/projects/" + vague + "/messages", {{"text", "something vague"}}, u.token));
  EXPECT_EQ(q["reply"]["payload"]["kind"], "clarify");
  EXPECT_EQ(q["reply"]["payload"]["questions"][0]["id"], "domain");
  EXPECT_EQ(Body(Call("GET", "/api/projects/" + vague, nullptr, u.token))["status"], "clarifying");
  auto a = Body(Call("POST", "/api/projects/" + vague + "/messages", {{"text", "blog"}, {"answers", {{"domain", "blog"}}}}, u.token));
  EXPECT_EQ(a["reply"]["payload"]["kind"], "planned");
  std::string bad = CreateProject(u, "Bad");
  auto r = Body(Call("POST", "/api/projects/" + bad + "/messages", {{"text", "write malware"}}, u.token));
  EXPECT_EQ(r["reply"]["payload"]["kind"], "refused");
  EXPECT_EQ(r["specVersion"], 0);
}

TEST_F(ProjectsApi, GenerationAndTestRunsAreJobsWithRecords) {
  auto u = Register("alice@example.com");
  std::string pid = CreateProject(u);
  EXPECT_EQ(Call("POST", "/api/generate", {{"projectId", pid}}, u.token).status, 422);  // no spec yet
  EXPECT_EQ(Call("POST", "/api/test/run", {{"projectId", pid}}, u.token).status, 409);  // nothing generated
  Call("POST", "/api/projects/" + pid + "/messages", {{"text", "A blog"}}, u.token);
  EXPECT_EQ(Call("POST", "/api/generate", {{"projectId", pid}, {"stack", "cobol"}}, u.token).status, 422);
  Response g = Call("POST", "/api/generate", {{"projectId", pid}}, u.token);
  ASSERT_EQ(g.status, 202) << g.body;
  auto job = WaitJob(u, Body(g)["jobId"]);
  EXPECT_EQ(job["status"], "succeeded") << job.dump();
  EXPECT_NE(job["log"].get<std::string>().find("wrote README.md"), std::string::npos);
  auto proj = Body(Call("GET", "/api/projects/" + pid, nullptr, u.token));
  EXPECT_EQ(proj["status"], "generated");
  EXPECT_EQ(proj["stack"], "node-express");
  auto runs = Body(Call("GET", "/api/projects/" + pid + "/runs", nullptr, u.token))["data"];
  ASSERT_EQ(runs.size(), 2u);
  EXPECT_EQ(Body(Call("GET", "/api/projects/" + pid + "/docs/TDD.md", nullptr, u.token))["content"], "# TDD\nred then green\n");

  Response t = Call("POST", "/api/test/run", {{"projectId", pid}, {"filter", "posts"}}, u.token);
  ASSERT_EQ(t.status, 202) << t.body;
  EXPECT_EQ(WaitJob(u, Body(t)["jobId"])["status"], "succeeded");
  EXPECT_EQ(Body(Call("GET", "/api/projects/" + pid + "/runs", nullptr, u.token))["data"].size(), 3u);
  EXPECT_EQ(Body(Call("GET", "/api/projects/" + pid, nullptr, u.token))["status"], "tested");

  pipeline_->delay_ms = 5000;
  auto slow = Body(Call("POST", "/api/generate", {{"projectId", pid}}, u.token));
  std::string id = slow["jobId"];
  Response c = Call("POST", "/api/jobs/" + id + "/cancel", nullptr, u.token);
  EXPECT_EQ(c.status, 202);
  EXPECT_EQ(WaitJob(u, id)["status"], "cancelled");
  EXPECT_EQ(Call("POST", "/api/jobs/" + id + "/cancel", nullptr, u.token).status, 409);
  pipeline_->delay_ms = 0;
  pipeline_->fail = true;
  auto failed = WaitJob(u, Body(Call("POST", "/api/generate", {{"projectId", pid}}, u.token))["jobId"]);
  EXPECT_EQ(failed["status"], "failed");
  EXPECT_EQ(failed["message"], "the red run passed: tests test nothing");
}

TEST_F(ProjectsApi, ExportsOpenApiPostmanAndZip) {
  auto u = Register("alice@example.com");
  std::string pid = CreateProject(u);
  EXPECT_EQ(Call("GET", "/api/export?projectId=" + pid + "&format=openapi-json", nullptr, u.token).status, 409);
  Call("POST", "/api/projects/" + pid + "/messages", {{"text", "A blog"}}, u.token);
  Response json = Call("GET", "/api/export?projectId=" + pid + "&format=openapi-json", nullptr, u.token);
  ASSERT_EQ(json.status, 200);
  EXPECT_EQ(Body(json)["openapi"], "3.1.0");
  EXPECT_NE(json.headers.Get("Content-Disposition").find("attachment"), std::string::npos);
  Response yaml = Call("GET", "/api/export?projectId=" + pid + "&format=openapi-yaml", nullptr, u.token);
  EXPECT_EQ(yaml.status, 200);
  EXPECT_NE(yaml.body.find("openapi: \"3.1.0\""), std::string::npos) << yaml.body.substr(0, 100);
  Response postman = Call("GET", "/api/export?projectId=" + pid + "&format=postman", nullptr, u.token);
  EXPECT_EQ(Body(postman)["info"]["schema"], "https://schema.getpostman.com/json/collection/v2.1.0/collection.json");
  EXPECT_EQ(Call("GET", "/api/export?projectId=" + pid + "&format=zip", nullptr, u.token).status, 409);
  WaitJob(u, Body(Call("POST", "/api/generate", {{"projectId", pid}}, u.token))["jobId"]);
  Response zip = Call("GET", "/api/export?projectId=" + pid + "&format=zip", nullptr, u.token);
  ASSERT_EQ(zip.status, 200);
  EXPECT_EQ(zip.headers.Get("Content-Type"), "application/zip");
  EXPECT_EQ(zip.body.substr(0, 2), "PK");
  EXPECT_EQ(Call("GET", "/api/export?projectId=" + pid + "&format=tar", nullptr, u.token).status, 422);
}

TEST_F(ProjectsApi, FilesApiRefusesTraversal) {
  auto u = Register("alice@example.com");
  std::string pid = CreateProject(u);
  auto put = [&](const std::string& path, const std::string& body) { return PutFile(u, pid, path, body); };

  EXPECT_EQ(put("src/app.ts", "export {};").status, 200);
  EXPECT_EQ(Call("GET", "/api/projects/" + pid + "/files/src/app.ts", nullptr, u.token).body, "export {};");
  std::ofstream(dir_ / "outside.txt") << "secret";
  for (const std::string& p : std::vector<std::string>{"..%2F..%2Foutside.txt", "src/..%2F..%2F..%2Foutside.txt", "%2Fetc%2Fpasswd", "src/%2E%2E/%2E%2E/%2E%2E/outside.txt", ".git/config"}) {
    Response g = Call("GET", "/api/projects/" + pid + "/files/" + p, nullptr, u.token);
    EXPECT_TRUE(g.status == 422 || g.status == 404) << p << " " << g.status;
    EXPECT_EQ(g.body.find("secret"), std::string::npos);
    Response w = put(p, "x");
    EXPECT_GE(w.status, 400) << p;
  }
  auto list = Body(Call("GET", "/api/projects/" + pid + "/files", nullptr, u.token))["data"];
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0]["path"], "src/app.ts");
  // Served as inert text, whatever the extension says.
  EXPECT_EQ(put("index.html", "<script>alert(1)</script>").status, 200);
  EXPECT_EQ(Call("GET", "/api/projects/" + pid + "/files/index.html", nullptr, u.token).headers.Get("Content-Type"), "text/plain; charset=utf-8");
}

TEST_F(ProjectsApi, WebSocketProtocolChecksTenancy) {
  Team();
  class Conn : public WsConnection {
   public:
    bool Send(std::shared_ptr<const std::string> f) override {
      frames.push_back(nlohmann::json::parse(*f));
      return true;
    }
    void Close(uint16_t code, const std::string&) override { closed = code; }
    std::vector<nlohmann::json> frames;
    int closed = 0;
  };
  auto conn = std::make_shared<Conn>();
  auto p = app_->auth.AuthenticateToken(mallory.token, Principal::Via::kBearer);
  ASSERT_TRUE(p.ok());
  auto ws = app_->OpenWebSocket(*p, conn);
  ws->OnMessage(R"({"type":"subscribe","projectId":")" + project + "\"}");
  EXPECT_EQ(conn->frames.back()["type"], "error");
  EXPECT_EQ(conn->frames.back()["code"], "not_found");
  ws->OnMessage("not json");
  EXPECT_EQ(conn->frames.back()["code"], "ws.bad_message");
  ws->OnMessage(R"({"type":"ping"})");
  EXPECT_EQ(conn->frames.back()["type"], "pong");

  auto cconn = std::make_shared<Conn>();
  auto cp = app_->auth.AuthenticateToken(carol.token, Principal::Via::kBearer);
  auto cws = app_->OpenWebSocket(*cp, cconn);
  cws->OnMessage(R"({"type":"subscribe","projectId":")" + project + "\"}");
  EXPECT_EQ(cconn->frames.back()["type"], "subscribed");
  cws->OnMessage(R"({"type":"chat","projectId":")" + project + R"(","text":"A blog"})");
  EXPECT_EQ(cconn->frames.back()["code"], "access.forbidden");  // a viewer cannot chat
  Call("POST", "/api/projects/" + project + "/messages", {{"text", "A blog"}}, alice.token);
  bool saw_chat = false;
  for (auto& f : cconn->frames) saw_chat = saw_chat || f["type"] == "chat.message";
  EXPECT_TRUE(saw_chat);
  // Logout ends the WebSocket's rights too.
  Call("POST", "/api/auth/logout", nlohmann::json::object(), carol.token);
  cws->OnMessage(R"({"type":"subscribe","projectId":")" + project + "\"}");
  EXPECT_EQ(cconn->closed, 1008);

  Request up;
  up.method = "GET";
  up.target = up.path = "/api/chat";
  up.headers.Set("Host", "127.0.0.1:8080");
  up.headers.Set("Origin", "https://evil.example");
  up.headers.Set("Authorization", "Bearer " + alice.token);
  EXPECT_EQ(app_->CheckWebSocket(up).reject->status, 403);
  up.headers.Set("Origin", "http://127.0.0.1:8080");
  EXPECT_TRUE(app_->CheckWebSocket(up).principal.has_value());
  up.headers.Remove("Authorization");
  EXPECT_EQ(app_->CheckWebSocket(up).reject->status, 401);
}

}  // namespace
}  // namespace bf::server
