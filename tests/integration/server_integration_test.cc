// The real binary over real loopback HTTP and WebSocket, against a real SQLite file: endpoints,
// validation, token attacks, brute force, tenancy, limits, malformed HTTP, events, generation in
// the sandbox, graceful shutdown and crash safety. Label: slow.
#include <gtest/gtest.h>
#include <signal.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <set>
#include <thread>

#include "../client/client.h"
#include "server/crypto.h"
#include "server/jwt.h"
#include "server_process.h"
#include "spec/spec_json.h"
#include "spec/testing_specs.h"
#include "store/ids.h"
#include "store/sqlite_store.h"

namespace bf::testclient {
namespace {

namespace fs = std::filesystem;

const std::string kBinary = std::string(BF_BINARY_DIR) + "/backendforge";
const std::string kTemplates = std::string(BF_SOURCE_DIR) + "/testdata/server/templates";

std::map<std::string, std::string> BaseEnv() {
  return {{"BACKENDFORGE_TEMPLATES", kTemplates}, {"BACKENDFORGE_LOG_LEVEL", "warn"}, {"BACKENDFORGE_SHUTDOWN_GRACE_SECONDS", "5"}};
}

nlohmann::json SpecJson() { return nlohmann::json::parse(spec::ToJson(spec::testing::BlogSpec()).dump()); }

struct Account {
  std::string id, token, refresh, workspace, email;
};

class Live : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    data_ = fs::temp_directory_path() / ("bf-it-" + store::NewId());
    server_ = new ServerProcess();
    std::string error;
    ASSERT_TRUE(server_->Start(kBinary, data_, BaseEnv(), error)) << error;
  }
  static void TearDownTestSuite() {
    server_->Signal(SIGTERM);
    EXPECT_EQ(server_->Wait(15000), 0) << server_->LogTail();
    delete server_;
    fs::remove_all(data_);
  }
  void TearDown() override {
    if (HasFailure()) std::cerr << "--- server log ---\n" << server_->LogTail() << "\n";
  }
  int port() { return server_->port(); }

  Account Register(const std::string& email) {
    HttpClient c(port());
    auto r = c.Json("POST", "/api/auth/register", {{"email", email}, {"password", "correct horse battery"}, {"name", email}});
    EXPECT_EQ(r.status, 201) << r.body;
    auto j = r.Json();
    Account a{j["user"]["id"], j["accessToken"], j["refreshToken"], "", email};
    a.workspace = c.Get("/api/auth/me", a.token).Json()["workspaces"][0]["id"];
    return a;
  }
  std::string Project(const Account& a) {
    HttpClient c(port());
    auto r = c.Json("POST", "/api/workspaces/" + a.workspace + "/projects", {{"name", "Blog"}, {"stack", "tiny"}}, a.token);
    EXPECT_EQ(r.status, 201) << r.body;
    return r.Json()["id"];
  }
  nlohmann::json WaitJob(const Account& a, const std::string& id, int timeout_ms = 60000) {
    HttpClient c(port());
    auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    while (std::chrono::steady_clock::now() < deadline) {
      auto j = c.Get("/api/jobs/" + id, a.token).Json();
      std::string s = j.value("status", "");
      if (s != "queued" && s != "running") return j;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ADD_FAILURE() << "job " << id << " did not finish";
    return nullptr;
  }
  std::string Secret() {
    std::ifstream in(data_ / "jwt.secret");
    std::string s;
    std::getline(in, s);
    return s;
  }

  static inline fs::path data_;
  static inline ServerProcess* server_ = nullptr;
};

TEST_F(Live, SystemEndpoints) {
  HttpClient c(port());
  EXPECT_EQ(c.Get("/health").status, 200);
  EXPECT_EQ(c.Get("/ready").Json()["status"], "ready");
  auto m = c.Get("/metrics");
  EXPECT_EQ(m.status, 200);
  EXPECT_NE(m.body.find("backendforge_websocket_connections"), std::string::npos);
  EXPECT_NE(m.body.find("backendforge_http_request_duration_seconds_bucket"), std::string::npos);
  auto doc = c.Get("/api/openapi.json");
  EXPECT_EQ(doc.Json()["info"]["title"], "BackendForge API");
  auto head = c.Send("HEAD", "/health");
  EXPECT_EQ(head.status, 200);
  EXPECT_TRUE(head.body.empty());
  auto ui = c.Get("/");
  EXPECT_EQ(ui.status, 200);
  EXPECT_NE(ui.Header("Content-Security-Policy").find("frame-ancestors 'none'"), std::string::npos);
}

TEST_F(Live, TwoTenantsThreeRolesNoUnauthorizedSuccess) {
  Account owner = Register("owner@example.com"), editor = Register("editor@example.com"),
          viewer = Register("viewer@example.com"), other = Register("other@example.com");
  HttpClient c(port());
  ASSERT_EQ(c.Json("POST", "/api/workspaces/" + owner.workspace + "/members", {{"email", editor.email}, {"role", "editor"}}, owner.token).status, 201);
  ASSERT_EQ(c.Json("POST", "/api/workspaces/" + owner.workspace + "/members", {{"email", viewer.email}, {"role", "viewer"}}, owner.token).status, 201);
  std::string pid = Project(owner);
  std::string other_pid = Project(other);
  ASSERT_EQ(c.Json("PUT", "/api/projects/" + pid + "/spec", SpecJson(), owner.token).status, 200);
  struct Probe {
    std::string method, target;
    nlohmann::json body;
    int min_role;  // 0 viewer, 1 editor, 2 owner
  };
  std::string pp = "/api/projects/" + pid;
  std::vector<Probe> probes = {
      {"GET", pp, nullptr, 0}, {"GET", pp + "/spec", nullptr, 0}, {"GET", pp + "/messages", nullptr, 0},
      {"GET", pp + "/files", nullptr, 0}, {"GET", pp + "/runs", nullptr, 0},
      {"GET", "/api/export?projectId=" + pid + "&format=postman", nullptr, 0},
      {"PATCH", pp, {{"description", "x"}}, 1}, {"PUT", pp + "/spec", SpecJson(), 1},
      {"POST", "/api/workspaces/" + owner.workspace + "/projects", {{"name", "P2"}}, 1},
      {"POST", "/api/workspaces/" + owner.workspace + "/members", {{"email", other.email}, {"role", "viewer"}}, 2},
      {"DELETE", "/api/projects/" + other_pid, nullptr, 3},  // nobody here may delete another tenant's project
  };
  std::vector<std::pair<Account*, int>> who = {{&other, -1}, {&viewer, 0}, {&editor, 1}, {&owner, 2}};
  int unauthorized_2xx = 0, checked = 0;
  for (const auto& p : probes) {
    for (auto& [acct, role] : who) {
      if (p.min_role == 3 && acct == &other) continue;  // their own project
      auto r = c.Json(p.method, p.target, p.body, acct->token);
      bool allowed = role >= p.min_role;
      ++checked;
      if (!allowed && r.status >= 200 && r.status < 300) ++unauthorized_2xx;
      if (allowed) {
        EXPECT_LT(r.status, 300) << p.method << " " << p.target << " role " << role << " " << r.body;
      } else {
        EXPECT_EQ(r.status, role < 0 || p.min_role == 3 ? 404 : 403) << p.method << " " << p.target << " role " << role;
      }
    }
  }
  EXPECT_EQ(unauthorized_2xx, 0) << "of " << checked << " probes";
}

TEST_F(Live, TokenAttacksAreRefused) {
  Account a = Register("attacks@example.com");
  HttpClient c(port());
  std::string secret = Secret();
  ASSERT_GE(secret.size(), 32u);
  int64_t now = std::time(nullptr);
  auto forge = [&](nlohmann::json header, nlohmann::json payload, const std::string& key) {
    std::string input = server::Base64UrlEncode(header.dump()) + "." + server::Base64UrlEncode(payload.dump());
    return input + "." + server::Base64UrlEncode(server::HmacSha256(key, input));
  };
  auto claims = server::Jwt(secret, "backendforge", "backendforge-api", 900).Verify(a.token, now);
  ASSERT_TRUE(claims.ok());
  nlohmann::json good = {{"iss", "backendforge"}, {"aud", "backendforge-api"}, {"sub", a.id}, {"sid", claims->sid},
                         {"iat", now}, {"nbf", now}, {"exp", now + 600}};
  ASSERT_EQ(c.Get("/api/auth/me", forge({{"alg", "HS256"}}, good, secret)).status, 200);  // the forging works
  std::map<std::string, std::string> attacks;
  attacks["alg none"] = server::Base64UrlEncode(R"({"alg":"none","typ":"JWT"})") + "." + server::Base64UrlEncode(good.dump()) + ".";
  attacks["alg HS512"] = forge({{"alg", "HS512"}}, good, secret);
  attacks["wrong key"] = forge({{"alg", "HS256"}}, good, std::string(64, 'x'));
  auto tampered = a.token;
  tampered[tampered.find('.') + 5] ^= 1;
  attacks["tampered"] = tampered;
  auto expired = good;
  expired["exp"] = now - 1;
  attacks["expired"] = forge({{"alg", "HS256"}}, expired, secret);
  auto aud = good;
  aud["aud"] = "some-other-api";
  attacks["wrong audience"] = forge({{"alg", "HS256"}}, aud, secret);
  auto iss = good;
  iss["iss"] = "evil";
  attacks["wrong issuer"] = forge({{"alg", "HS256"}}, iss, secret);
  auto nbf = good;
  nbf["nbf"] = now + 3600;
  attacks["not yet valid"] = forge({{"alg", "HS256"}}, nbf, secret);
  for (const auto& [name, token] : attacks) {
    auto r = c.Get("/api/auth/me", token);
    EXPECT_EQ(r.status, 401) << name << ": " << r.body;
    EXPECT_EQ(r.Header("Content-Type"), "application/problem+json") << name;
  }
  // Refresh replay: the second use of a rotated token revokes the whole session.
  auto r1 = c.Json("POST", "/api/auth/refresh", {{"refreshToken", a.refresh}});
  ASSERT_EQ(r1.status, 200);
  std::string access2 = r1.Json()["accessToken"], refresh2 = r1.Json()["refreshToken"];
  EXPECT_EQ(c.Json("POST", "/api/auth/refresh", {{"refreshToken", a.refresh}}).status, 401);
  EXPECT_EQ(c.Json("POST", "/api/auth/refresh", {{"refreshToken", refresh2}}).status, 401);
  EXPECT_EQ(c.Get("/api/auth/me", access2).status, 401);
}

TEST_F(Live, BruteForceLocksAnAccountAfter100FailuresPerHour) {
  Account a = Register("brute@example.com");
  std::atomic<int> unauthorized{0}, other{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      HttpClient c(port());
      for (int i = 0; i < 25; ++i) {
        auto r = c.Json("POST", "/api/auth/login", {{"email", a.email}, {"password", "guess-" + std::to_string(t * 100 + i)}});
        (r.status == 401 ? unauthorized : other)++;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(unauthorized.load(), 100);
  EXPECT_EQ(other.load(), 0);
  HttpClient c(port());
  auto locked = c.Json("POST", "/api/auth/login", {{"email", a.email}, {"password", "guess-again"}});
  EXPECT_EQ(locked.status, 429);
  EXPECT_GT(std::atoi(locked.Header("Retry-After").c_str()), 3000);
  // Even the right password waits: the lock is per account, not per guess.
  EXPECT_EQ(c.Json("POST", "/api/auth/login", {{"email", a.email}, {"password", "correct horse battery"}}).status, 429);
  // Other accounts are unaffected.
  Account b = Register("not-brute@example.com");
  EXPECT_EQ(c.Json("POST", "/api/auth/login", {{"email", b.email}, {"password", "correct horse battery"}}).status, 200);
}

TEST_F(Live, LimitsAndMalformedHttp) {
  Account a = Register("limits@example.com");
  std::string pid = Project(a);
  // A declared body over the limit is refused before it is read.
  auto big = RawExchange(port(), "POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2000000\r\n\r\n");
  EXPECT_EQ(big.status, 413);
  HttpClient c(port());
  auto chunky = c.Send("POST", "/api/auth/login", std::string(1100 * 1024, 'x'), {{"Content-Type", "application/json"}});
  EXPECT_EQ(chunky.status, 413);
  // The files API takes up to 5 MiB.
  HttpClient f(port());
  EXPECT_EQ(f.Send("PUT", "/api/projects/" + pid + "/files/big.bin", std::string(3 << 20, 'a'), {{"Authorization", "Bearer " + a.token}}).status, 200);
  EXPECT_EQ(f.Send("PUT", "/api/projects/" + pid + "/files/huge.bin", std::string(6 << 20, 'a'), {{"Authorization", "Bearer " + a.token}}).status, 413);
  EXPECT_EQ(RawExchange(port(), "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(20000, 'a') + "\r\n\r\n").status, 431);
  EXPECT_EQ(RawExchange(port(), "this is not http\r\n\r\n").status, 400);
  EXPECT_EQ(RawExchange(port(), "GET /health HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n").status, 400);
  EXPECT_EQ(RawExchange(port(), "GET /health HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab").status, 400);
  EXPECT_EQ(RawExchange(port(), "GET http://evil.example/health HTTP/1.1\r\nHost: x\r\n\r\n").status, 400);
  EXPECT_EQ(RawExchange(port(), "GET /api/projects/%zz HTTP/1.1\r\nHost: x\r\n\r\n").status, 400);
  EXPECT_EQ(RawExchange(port(), "GET /health HTTP/9.9\r\nHost: x\r\n\r\n").status, 400);
  // Path traversal through the files API, as raw bytes (no client-side normalisation).
  for (const std::string& p : std::vector<std::string>{"../../jwt.secret", "..%2F..%2Fjwt.secret", "%2e%2e/%2e%2e/jwt.secret", "src/../../../jwt.secret"}) {
    auto r = RawExchange(port(), "GET /api/projects/" + pid + "/files/" + p + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + a.token + "\r\n\r\n");
    EXPECT_TRUE(r.status == 404 || r.status == 422) << p << " -> " << r.status;
    EXPECT_EQ(r.body.find(Secret()), std::string::npos) << p;
  }
  // The server is still fine.
  EXPECT_EQ(c.Get("/health").status, 200);
}

TEST_F(Live, WebSocketAuthOriginLimitsAndEvents) {
  Account a = Register("ws@example.com");
  Account other = Register("ws-other@example.com");
  std::string pid = Project(a);
  std::string host = "127.0.0.1:" + std::to_string(port());
  {
    WsClient ws;
    EXPECT_EQ(ws.Connect(port(), "/api/chat"), 401);
  }
  {
    WsClient ws;
    EXPECT_EQ(ws.Connect(port(), "/api/chat", {{"Authorization", "Bearer " + a.token}, {"Origin", "https://evil.example"}}), 403);
  }
  {
    WsClient ws;
    EXPECT_EQ(ws.Connect(port(), "/api/other", {{"Authorization", "Bearer " + a.token}}), 404);
  }
  WsClient ws;
  ASSERT_EQ(ws.Connect(port(), "/api/chat", {{"Authorization", "Bearer " + a.token}, {"Origin", "http://" + host}}), 101);
  ws.SendText(R"({"type":"ping"})");
  EXPECT_TRUE(ws.WaitFor("pong"));
  ws.SendText(nlohmann::json{{"type", "subscribe"}, {"projectId", pid}}.dump());
  EXPECT_TRUE(ws.WaitFor("subscribed"));
  // Another tenant cannot subscribe to it.
  WsClient spy;
  ASSERT_EQ(spy.Connect(port(), "/api/chat?access_token=" + other.token), 101);
  spy.SendText(nlohmann::json{{"type", "subscribe"}, {"projectId", pid}}.dump());
  auto refused = spy.WaitFor("error");
  ASSERT_TRUE(refused);
  EXPECT_EQ((*refused)["code"], "not_found");
  // Writes become events.
  HttpClient c(port());
  ASSERT_EQ(c.Json("PUT", "/api/projects/" + pid + "/spec", SpecJson(), a.token).status, 200);
  auto ev = ws.WaitFor("spec.updated");
  ASSERT_TRUE(ev);
  EXPECT_EQ((*ev)["data"]["version"], 1);
  // A frame over 64 KiB closes the connection with 1009 (message too big).
  WsClient big;
  ASSERT_EQ(big.Connect(port(), "/api/chat", {{"Authorization", "Bearer " + a.token}}), 101);
  big.SendText(std::string(70 * 1024, 'x'));
  EXPECT_FALSE(big.ReadText(5000));
  EXPECT_EQ(big.closeCode(), 1009);
  // An unmasked client frame is a protocol error (1002).
  WsClient bad;
  ASSERT_EQ(bad.Connect(port(), "/api/chat", {{"Authorization", "Bearer " + a.token}}), 101);
  bad.SendFrame(0x1, R"({"type":"ping"})", true, false);
  EXPECT_FALSE(bad.ReadText(5000));
  EXPECT_EQ(bad.closeCode(), 1002);
  // Chat with the analyzer: the reply comes back and as events.
  auto chat = c.Json("POST", "/api/projects/" + pid + "/messages", {{"text", "add a subtitle to posts"}}, a.token);
  ASSERT_EQ(chat.status, 200) << chat.body;
  EXPECT_EQ(chat.Json()["reply"]["payload"]["kind"], "edited") << chat.body;
  EXPECT_TRUE(ws.WaitFor("chat.message"));
  // And through the WebSocket itself.
  ws.SendText(nlohmann::json{{"type", "chat"}, {"projectId", pid}, {"text", "undo"}}.dump());
  auto done = ws.WaitFor("chat.done");
  ASSERT_TRUE(done);
  EXPECT_TRUE((*done)["specChanged"]);
}

TEST_F(Live, GenerationRunsTestFirstInTheSandboxWithEvents) {
  Account a = Register("gen@example.com");
  std::string pid = Project(a);
  HttpClient c(port());
  ASSERT_EQ(c.Json("PUT", "/api/projects/" + pid + "/spec", SpecJson(), a.token).status, 200);
  WsClient ws;
  ASSERT_EQ(ws.Connect(port(), "/api/chat", {{"Authorization", "Bearer " + a.token}}), 101);
  ws.SendText(nlohmann::json{{"type", "subscribe"}, {"projectId", pid}}.dump());
  ASSERT_TRUE(ws.WaitFor("subscribed"));
  auto g = c.Json("POST", "/api/generate", {{"projectId", pid}}, a.token);
  ASSERT_EQ(g.status, 202) << g.body;
  std::string job_id = g.Json()["jobId"];
  std::set<std::string> seen;
  nlohmann::json last_result;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(90);
  while (std::chrono::steady_clock::now() < deadline) {
    auto t = ws.ReadText(2000);
    if (!t) continue;
    auto j = nlohmann::json::parse(*t);
    seen.insert(j["type"]);
    if (j["type"] == "test.result") last_result = j["data"];
    if (j["type"] == "job.progress" && j["data"]["jobId"] == job_id) {
      std::string s = j["data"]["status"];
      if (s == "succeeded" || s == "failed") break;
    }
  }
  auto job = WaitJob(a, job_id);
  ASSERT_EQ(job["status"], "succeeded") << job.dump(2);
  for (const char* t : {"job.progress", "job.log", "test.result", "docs.updated"}) EXPECT_TRUE(seen.count(t)) << t;
  auto runs = c.Get("/api/projects/" + pid + "/runs", a.token).Json()["data"];
  ASSERT_EQ(runs.size(), 2u);
  EXPECT_EQ(runs[1]["phase"], "red");
  EXPECT_GT(runs[1]["failed"].get<int>(), 0);
  EXPECT_EQ(runs[0]["phase"], "green");
  EXPECT_EQ(runs[0]["failed"], 0);
  auto files = c.Get("/api/projects/" + pid + "/files", a.token).Json()["data"];
  std::set<std::string> paths;
  for (auto& f : files) paths.insert(f["path"]);
  EXPECT_TRUE(paths.count("README.md"));
  EXPECT_TRUE(paths.count("docs/TDD.md"));
  auto zip = c.Get("/api/export?projectId=" + pid + "&format=zip", a.token);
  EXPECT_EQ(zip.status, 200);
  EXPECT_EQ(zip.body.substr(0, 2), "PK");
  // A later test run of one test, by the full name the green run reported (the Tests tab's
  // "run one"): the runner itself runs only that file and that test (the tiny target's runner
  // narrows like vitest, through the manifest's testFilter).
  std::string one;
  for (const auto& r : runs[0]["results"]) {
    std::string n = r["name"];
    if (n.rfind("src/post.status > ", 0) == 0 && r["status"] == "passed") {
      one = n;
      break;
    }
  }
  ASSERT_FALSE(one.empty()) << runs[0].dump(2);
  auto t = c.Json("POST", "/api/test/run", {{"projectId", pid}, {"filter", one}}, a.token);
  ASSERT_EQ(t.status, 202) << t.body;
  auto tj = WaitJob(a, t.Json()["jobId"]);
  EXPECT_EQ(tj["status"], "succeeded") << tj.dump(2);
  EXPECT_EQ(tj["result"]["status"], "passed") << tj.dump(2);
  EXPECT_EQ(tj["result"]["passed"], 1) << tj.dump(2);
  EXPECT_EQ(tj["result"]["failed"], 0);
  auto latest = [&] { return c.Get("/api/projects/" + pid + "/runs", a.token).Json()["data"][0]; };
  auto run_one = latest();
  ASSERT_EQ(run_one["results"].size(), 1u) << run_one.dump(2);
  EXPECT_EQ(run_one["results"][0]["name"], one);
  std::string junit = c.Get("/api/projects/" + pid + "/files/reports/junit.xml", a.token).body;
  auto count = [&](const std::string& needle) {
    size_t n = 0;
    for (size_t at = junit.find(needle); at != std::string::npos; at = junit.find(needle, at + 1)) ++n;
    return n;
  };
  EXPECT_EQ(count("<testsuite "), 1u) << "only src/post.status ran:\n" << junit.substr(0, 2000);
  EXPECT_EQ(count("<testcase "), 1u) << junit.substr(0, 2000);
  EXPECT_TRUE(ws.WaitFor("test.result", 10000));
  // A test file alone runs that file; a part of a name runs the tests whose name has it.
  auto f = WaitJob(a, c.Json("POST", "/api/test/run", {{"projectId", pid}, {"filter", "src/comment.status"}}, a.token).Json()["jobId"]);
  EXPECT_EQ(f["result"]["status"], "passed") << f.dump(2);
  EXPECT_EQ(f["result"]["passed"], 1) << f.dump(2);
  EXPECT_EQ(latest()["results"][0]["name"], "src/comment.status > works");
  auto all = WaitJob(a, c.Json("POST", "/api/test/run", {{"projectId", pid}, {"filter", "works"}}, a.token).Json()["jobId"]);
  EXPECT_EQ(all["result"]["passed"].get<size_t>(), runs[0]["results"].size()) << all.dump(2);
  // A filter that names nothing is a failed run that says so.
  auto none = WaitJob(a, c.Json("POST", "/api/test/run", {{"projectId", pid}, {"filter", "no such test"}}, a.token).Json()["jobId"]);
  EXPECT_EQ(none["result"]["status"], "failed") << none.dump(2);
  EXPECT_NE(none["result"]["summary"].get<std::string>().find("no test matches"), std::string::npos) << none.dump(2);
  // Control characters are refused with the field named.
  auto bad = c.Json("POST", "/api/test/run", {{"projectId", pid}, {"filter", "a\nb"}}, a.token);
  EXPECT_EQ(bad.status, 422) << bad.body;
  EXPECT_NE(bad.body.find("control characters"), std::string::npos) << bad.body;
}

// A code change restarts a running preview on the new code, built first: the tiny target's
// preview serves out/health, built from src/*.status by its build command. The generation
// stamps the build, so the first start serves without building; an edit and a deletion through
// the files API each restart the preview, which builds and then serves the changed files.
TEST_F(Live, APreviewRestartsOnEditedCodeAndServesItBuilt) {
  Account a = Register("preview-edit@example.com");
  std::string pid = Project(a);
  HttpClient c(port());
  ASSERT_EQ(c.Json("PUT", "/api/projects/" + pid + "/spec", SpecJson(), a.token).status, 200);
  auto gen = WaitJob(a, c.Json("POST", "/api/generate", {{"projectId", pid}}, a.token).Json()["jobId"]);
  ASSERT_EQ(gen["status"], "succeeded") << gen.dump(2);
  auto healthy = [&] {
    for (int i = 0; i < 600; ++i) {
      auto st = c.Get("/api/preview/" + pid, a.token).Json();
      if (st["state"] == "healthy" || st["state"] == "unhealthy" || st["state"] == "stopped") return st;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return nlohmann::json{{"state", "timeout"}};
  };
  auto logged = [](const nlohmann::json& st, const std::string& line) {
    for (const auto& l : st.value("log", nlohmann::json::array())) {
      if (l.get<std::string>().find(line) != std::string::npos) return true;
    }
    return false;
  };
  const std::vector<std::pair<std::string, std::string>> bearer = {{"Authorization", "Bearer " + a.token}};
  ASSERT_EQ(c.Json("POST", "/api/preview", {{"projectId", pid}}, a.token).status, 202);
  auto first = healthy();
  ASSERT_EQ(first["state"], "healthy") << first.dump(2);
  EXPECT_FALSE(logged(first, "building")) << "the generated build is current: " << first.dump(2);
  auto served = c.Get("/preview/" + pid + "/health", a.token);
  ASSERT_EQ(served.status, 200) << served.body;
  EXPECT_EQ(served.body.find("edited"), std::string::npos);
  const auto lines = std::count(served.body.begin(), served.body.end(), '\n');

  auto put = c.Send("PUT", "/api/projects/" + pid + "/files/src/post.status", "impl, edited\n", bearer);
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(put.Json()["preview"]["reason"], "restarted on the changed code") << put.body;
  auto second = healthy();
  ASSERT_EQ(second["state"], "healthy") << second.dump(2);
  EXPECT_TRUE(logged(second, "building")) << second.dump(2);
  served = c.Get("/preview/" + pid + "/health", a.token);
  EXPECT_NE(served.body.find("impl, edited"), std::string::npos) << "the restarted preview serves the edit: " << served.body;

  // A documentation edit does not restart it.
  auto doc = c.Send("PUT", "/api/projects/" + pid + "/files/docs/NOTES.md", "notes\n", bearer);
  ASSERT_EQ(doc.status, 200) << doc.body;
  EXPECT_FALSE(doc.Json().contains("preview")) << doc.body;

  auto del = c.Send("DELETE", "/api/projects/" + pid + "/files/src/tag.status", "", bearer);
  ASSERT_EQ(del.status, 200) << del.body;
  EXPECT_TRUE(del.Json()["commit"].is_string()) << del.body;
  EXPECT_EQ(del.Json()["preview"]["reason"], "restarted on the changed code") << del.body;
  ASSERT_EQ(healthy()["state"], "healthy");
  served = c.Get("/preview/" + pid + "/health", a.token);
  EXPECT_EQ(std::count(served.body.begin(), served.body.end(), '\n'), lines - 1) << served.body;
  EXPECT_EQ(c.Get("/api/projects/" + pid + "/files/src/tag.status", a.token).status, 404);
  auto history = c.Get("/api/projects/" + pid + "/history", a.token).Json()["data"];
  ASSERT_FALSE(history.empty());
  EXPECT_EQ(history[0]["summary"], "Delete src/tag.status") << history[0].dump(2);
  EXPECT_EQ(c.Send("DELETE", "/api/projects/" + pid + "/files/src/tag.status", "", bearer).status, 404);
  EXPECT_EQ(c.Send("DELETE", "/api/projects/" + pid + "/files/src", "", bearer).status, 422);
  EXPECT_EQ(c.Send("DELETE", "/api/projects/" + pid + "/files/.git/HEAD", "", bearer).status, 422);
  EXPECT_EQ(c.Send("DELETE", "/api/projects/" + pid + "/files/src/post.status", "", {}).status, 401);
  EXPECT_EQ(c.Send("DELETE", "/api/preview/" + pid, "", bearer).status, 204);
}

// Processes whose command line contains `marker` (zombies not counted), waiting up to 3 s for
// killed ones to finish exiting.
int ProcessesWith(const std::string& marker) {
  auto count = [&] {
    int n = 0;
    for (const auto& e : fs::directory_iterator("/proc")) {
      std::string name = e.path().filename().string();
      if (name.empty() || !std::isdigit(static_cast<unsigned char>(name[0]))) continue;
      std::ifstream in(e.path() / "cmdline", std::ios::binary);
      std::string cmd((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      if (cmd.find(marker) == std::string::npos) continue;
      std::ifstream status(e.path() / "status");
      std::string line;
      bool zombie = false;
      while (std::getline(status, line)) {
        if (line.rfind("State:", 0) == 0) zombie = line.find("Z (zombie)") != std::string::npos;
      }
      if (!zombie) ++n;
    }
    return n;
  };
  int n = count();
  for (int i = 0; n > 0 && i < 150; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    n = count();
  }
  return n;
}

// The sandbox's acceptance through the API: malicious test code written through the files API
// (the tiny target runs test.sh) is run by POST /api/test/run. A fork bomb ends with the process
// limit named in the run's summary while the server keeps answering, and none of its processes
// survives; attempts to reach the host's loopback and the internet, to read the data folder and
// the server's environment, and to write outside the project all fail inside the run.
TEST_F(Live, MaliciousTestCodeWrittenThroughTheFilesApiIsContained) {
  Account a = Register("malicious@example.com");
  std::string pid = Project(a);
  HttpClient c(port());
  ASSERT_EQ(c.Json("PUT", "/api/projects/" + pid + "/spec", SpecJson(), a.token).status, 200);
  auto gen = WaitJob(a, c.Json("POST", "/api/generate", {{"projectId", pid}}, a.token).Json()["jobId"]);
  ASSERT_EQ(gen["status"], "succeeded") << gen.dump(2);
  const std::vector<std::pair<std::string, std::string>> bearer = {{"Authorization", "Bearer " + a.token}};

  // 1. A fork bomb: every copy carries the marker in its command line; the script itself gives
  // up after 8 s (the bomb's copies are the sandbox's to end).
  const std::string marker = "bf-bomb-" + store::NewId();
  std::string bomb = "#!/bin/sh\nsh -c ': " + marker + "; b() { b | b & }; b' &\nsleep 8\nexit 1\n";
  ASSERT_EQ(c.Send("PUT", "/api/projects/" + pid + "/files/test.sh", bomb, bearer).status, 200);
  auto run = c.Json("POST", "/api/test/run", {{"projectId", pid}}, a.token);
  ASSERT_EQ(run.status, 202) << run.body;
  std::string job_id = run.Json()["jobId"];
  int health_ok = 0, health_asked = 0;
  nlohmann::json bombed;
  for (int i = 0; i < 1200; ++i) {
    HttpClient probe(port());
    ++health_asked;
    if (probe.Get("/health").status == 200) ++health_ok;
    bombed = c.Get("/api/jobs/" + job_id, a.token).Json();
    std::string st = bombed.value("status", "");
    if (st != "queued" && st != "running") break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_EQ(health_ok, health_asked) << "the server answered /health during the bomb";
  ASSERT_EQ(bombed["status"], "succeeded") << bombed.dump(2);  // the job ran; the tests did not pass
  EXPECT_NE(bombed["result"]["status"], "passed") << bombed.dump(2);
  // Where the pids cgroup exists the summary names the limit; with the RLIMIT_NPROC fallback
  // (machines without it) the bomb's failed forks show in the run's log instead.
  std::string summary = bombed["result"]["summary"], log = bombed.value("log", std::string());
  EXPECT_TRUE(summary.find("process limit") != std::string::npos || log.find("fork") != std::string::npos ||
              log.find("Resource temporarily unavailable") != std::string::npos)
      << bombed.dump(2);
  EXPECT_EQ(ProcessesWith(marker), 0) << "a process of the bomb survived its run";

  // 2. Egress, the data folder, the server's environment, writing outside: each attempt is a
  // test case that passes when the attempt fails. Two controls show the checks can succeed.
  // Another tenant's generated project is on the same disk.
  Account b = Register("other-tenant@example.com");
  std::string other = Project(b);
  ASSERT_EQ(c.Json("PUT", "/api/projects/" + other + "/spec", SpecJson(), b.token).status, 200);
  ASSERT_EQ(WaitJob(b, c.Json("POST", "/api/generate", {{"projectId", other}}, b.token).Json()["jobId"])["status"], "succeeded");
  ASSERT_TRUE(fs::exists(data_ / "projects" / other / "README.md"));
  std::string data = data_.string();
  std::string probe_script = R"SH(#!/bin/sh
mkdir -p reports
cases=""
ok() { cases="$cases<testcase classname=\"contained\" name=\"$1\"/>"; }
bad() { cases="$cases<testcase classname=\"contained\" name=\"$1\"><failure message=\"$2\"/></testcase>"; }
refused() { name=$1; shift; if "$@" >/dev/null 2>&1; then bad "$name" "it worked"; else ok "$name"; fi; }
works() { name=$1; shift; if "$@" >/dev/null 2>&1; then ok "$name"; else bad "$name" "the control failed"; fi; }
works "control: python runs" python3 -c "print(1)"
works "control: the project is readable" cat test.sh
refused "reach the server on the host loopback" python3 -c "import socket; socket.create_connection(('127.0.0.1', @PORT@), timeout=3)"
refused "reach an outside address" python3 -c "import socket; socket.create_connection(('1.1.1.1', 80), timeout=3)"
refused "read the JWT secret" cat "@DATA@/jwt.secret"
refused "read the store" cat "@DATA@/backendforge.db"
refused "see another project" sh -c 'ls -a "@DATA@/projects" | grep -qv -e "^@PID@$" -e "^\.\.\?$"'
refused "read another project's file" cat "@DATA@/projects/@OTHER@/README.md"
refused "see the server's environment" sh -c 'env | grep -q BACKENDFORGE_'
refused "read another process's environment" sh -c 'cat /proc/1/environ | tr "\0" "\n" | grep -q BACKENDFORGE_'
refused "write outside the project" sh -c 'echo x > /usr/bf-pwned'
printf '<?xml version="1.0"?><testsuites><testsuite name="contained">%s</testsuite></testsuites>\n' "$cases" > reports/junit.xml
)SH";
  for (auto [key, value] : std::vector<std::pair<std::string, std::string>>{{"@PORT@", std::to_string(port())}, {"@DATA@", data}, {"@PID@", pid}, {"@OTHER@", other}}) {
    for (size_t at = probe_script.find(key); at != std::string::npos; at = probe_script.find(key)) probe_script.replace(at, key.size(), value);
  }
  ASSERT_EQ(c.Send("PUT", "/api/projects/" + pid + "/files/test.sh", probe_script, bearer).status, 200);
  auto probed = WaitJob(a, c.Json("POST", "/api/test/run", {{"projectId", pid}}, a.token).Json()["jobId"], 120000);
  ASSERT_EQ(probed["status"], "succeeded") << probed.dump(2);
  EXPECT_EQ(probed["result"]["status"], "passed") << probed.dump(2);
  EXPECT_EQ(probed["result"]["passed"], 11) << probed.dump(2);
  auto latest = c.Get("/api/projects/" + pid + "/runs", a.token).Json()["data"][0];
  for (const auto& r : latest["results"]) EXPECT_EQ(r["status"], "passed") << r.dump();
  EXPECT_FALSE(fs::exists("/usr/bf-pwned"));
}

// The acceptance of regeneration over real HTTP, with the real pipeline in the sandbox and real
// git: an edit made through the files API survives a regeneration after a spec change, and the
// history shows both with their diffs.
TEST_F(Live, AnEditSurvivesARegenerationAfterASpecChange) {
  Account a = Register("regen@example.com");
  std::string pid = Project(a);
  HttpClient c(port());
  ASSERT_EQ(c.Json("PUT", "/api/projects/" + pid + "/spec", SpecJson(), a.token).status, 200);
  auto first = WaitJob(a, c.Json("POST", "/api/generate", {{"projectId", pid}}, a.token).Json()["jobId"]);
  ASSERT_EQ(first["status"], "succeeded") << first.dump(2);
  std::string readme = c.Get("/api/projects/" + pid + "/files/README.md", a.token).body;
  ASSERT_NE(readme.find("# Blog API"), std::string::npos) << readme;
  auto put = c.Send("PUT", "/api/projects/" + pid + "/files/README.md", readme + "\nNotes kept by hand.\n",
                    {{"Authorization", "Bearer " + a.token}});
  ASSERT_EQ(put.status, 200) << put.body;
  std::string edit_sha = put.Json()["commit"];

  spec::AppSpec changed = spec::testing::BlogSpec();
  changed.entities.push_back(spec::Entity{.name = "Category", .plural = "Categories", .fields = {spec::Field{.name = "label"}}});
  auto spec_put = c.Json("PUT", "/api/projects/" + pid + "/spec", nlohmann::json::parse(spec::ToJson(changed).dump()), a.token);
  ASSERT_EQ(spec_put.status, 200) << spec_put.body;
  auto second = WaitJob(a, c.Json("POST", "/api/generate", {{"projectId", pid}}, a.token).Json()["jobId"]);
  ASSERT_EQ(second["status"], "succeeded") << second.dump(2);
  EXPECT_EQ(second["result"]["regeneration"]["result"], "merged") << second.dump(2);
  EXPECT_EQ(second["result"]["tests"]["status"], "passed") << second.dump(2);

  // The edit and the spec's new entity are both on main.
  EXPECT_NE(c.Get("/api/projects/" + pid + "/files/README.md", a.token).body.find("Notes kept by hand."), std::string::npos);
  EXPECT_EQ(c.Get("/api/projects/" + pid + "/files/src/category.status", a.token).body, "impl\n");
  auto history = c.Get("/api/projects/" + pid + "/history", a.token).Json()["data"];
  ASSERT_GE(history.size(), 4u) << history.dump(2);
  EXPECT_EQ(history[0]["summary"], "Record the test-first run of the regeneration");
  std::string merge_summary = history[1]["summary"];
  EXPECT_EQ(merge_summary.rfind("Merge generated output: Regenerate Blog API from spec v2", 0), 0u) << merge_summary;
  EXPECT_EQ(history[2]["sha"], edit_sha);
  auto merge = c.Get("/api/projects/" + pid + "/history/" + std::string(history[1]["sha"]), a.token).Json();
  bool added = false;
  for (const auto& f : merge["files"]) added |= f["path"] == "src/category.status" && f["status"] == "added";
  EXPECT_TRUE(added) << merge.dump(2);
  auto edit = c.Get("/api/projects/" + pid + "/history/" + edit_sha, a.token).Json();
  EXPECT_NE(std::string(edit["files"][0]["patch"]).find("+Notes kept by hand."), std::string::npos) << edit.dump(2);
  auto runs = c.Get("/api/projects/" + pid + "/runs", a.token).Json()["data"];
  ASSERT_FALSE(runs.empty());
  EXPECT_EQ(runs[0]["phase"], "merged");
  EXPECT_EQ(runs[0]["status"], "passed");
}

// One server of its own: SIGTERM with a WebSocket open and a job running.
TEST(LiveShutdown, GracefulStopClosesWebSocketsAndMarksJobsInterrupted) {
  fs::path data = fs::temp_directory_path() / ("bf-it-stop-" + store::NewId());
  std::string job_id, token;
  {
    ServerProcess server;
    std::string error;
    ASSERT_TRUE(server.Start(kBinary, data, BaseEnv(), error)) << error;
    HttpClient c(server.port());
    auto reg = c.Json("POST", "/api/auth/register", {{"email", "stop@example.com"}, {"password", "correct horse battery"}, {"name", "S"}});
    token = reg.Json()["accessToken"];
    std::string ws_id = c.Get("/api/auth/me", token).Json()["workspaces"][0]["id"];
    std::string pid = c.Json("POST", "/api/workspaces/" + ws_id + "/projects", {{"name", "P"}, {"stack", "tiny"}}, token).Json()["id"];
    ASSERT_EQ(c.Json("PUT", "/api/projects/" + pid + "/spec", SpecJson(), token).status, 200);
    auto g = c.Json("POST", "/api/generate", {{"projectId", pid}}, token);
    std::string gen_id = g.Json()["jobId"];
    for (int i = 0; i < 1200 && c.Get("/api/jobs/" + gen_id, token).Json()["status"] != "succeeded"; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ASSERT_EQ(c.Get("/api/jobs/" + gen_id, token).Json()["status"], "succeeded") << server.LogTail();
    // The next test run sleeps: it is running when the signal arrives.
    ASSERT_EQ(c.Send("PUT", "/api/projects/" + pid + "/files/slow", "1", {{"Authorization", "Bearer " + token}}).status, 200);
    job_id = c.Json("POST", "/api/test/run", {{"projectId", pid}}, token).Json()["jobId"];
    for (int i = 0; i < 200 && c.Get("/api/jobs/" + job_id, token).Json()["status"] != "running"; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    WsClient ws;
    ASSERT_EQ(ws.Connect(server.port(), "/api/chat", {{"Authorization", "Bearer " + token}}), 101);
    auto start = std::chrono::steady_clock::now();
    server.Signal(SIGTERM);
    EXPECT_FALSE(ws.ReadText(10000));
    EXPECT_EQ(ws.closeCode(), 1001);
    EXPECT_EQ(server.Wait(20000), 0) << server.LogTail();
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_LT(secs, 15.0);
  }
  // After a restart the job reads as interrupted, never silently lost.
  ServerProcess again;
  std::string error;
  ASSERT_TRUE(again.Start(kBinary, data, BaseEnv(), error)) << error;
  HttpClient c(again.port());
  auto login = c.Json("POST", "/api/auth/login", {{"email", "stop@example.com"}, {"password", "correct horse battery"}});
  auto job = c.Get("/api/jobs/" + job_id, login.Json()["accessToken"]).Json();
  EXPECT_EQ(job["status"], "interrupted") << job.dump();
  again.Signal(SIGTERM);
  EXPECT_EQ(again.Wait(15000), 0);
  fs::remove_all(data);
}

// TLS: with a certificate and key the same port speaks HTTPS (checked with curl).
TEST(LiveTls, ServesHttpsWithACertificate) {
  fs::path data = fs::temp_directory_path() / ("bf-it-tls-" + store::NewId());
  fs::create_directories(data);
  std::string cert = (data / "cert.pem").string(), key = (data / "key.pem").string();
  std::string gen = "openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1 -keyout " + key + " -out " + cert +
                    " > /dev/null 2>&1";
  ASSERT_EQ(std::system(gen.c_str()), 0) << "openssl is needed (scripts/setup.sh installs it)";
  auto env = BaseEnv();
  env["BACKENDFORGE_TLS_CERT"] = cert;
  env["BACKENDFORGE_TLS_KEY"] = key;
  ServerProcess server;
  std::string error;
  ASSERT_TRUE(server.Start(kBinary, data / "d", env, error)) << error;
  std::string cmd = "curl -sk -D - https://127.0.0.1:" + std::to_string(server.port()) + "/health";
  FILE* p = ::popen(cmd.c_str(), "r");
  ASSERT_TRUE(p);
  std::string out;
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  ::pclose(p);
  EXPECT_NE(out.find("{\"status\":\"ok\"}"), std::string::npos) << out;
  EXPECT_NE(out.find("Strict-Transport-Security: max-age="), std::string::npos) << out;
  // Plain HTTP on the TLS port gets nothing useful.
  EXPECT_NE(RawExchange(server.port(), "GET /health HTTP/1.1\r\nHost: x\r\n\r\n", 3000).status, 200);
  server.Signal(SIGTERM);
  EXPECT_EQ(server.Wait(15000), 0) << server.LogTail();
  fs::remove_all(data);
}

// SIGKILL during concurrent writes: on restart the database passes integrity_check and every
// write the server acknowledged is there.
TEST(LiveCrash, AcknowledgedWritesSurviveSigkill) {
  fs::path data = fs::temp_directory_path() / ("bf-it-crash-" + store::NewId());
  std::vector<std::string> acked_projects;
  std::vector<std::pair<std::string, int>> acked_specs;
  std::mutex mu;
  {
    ServerProcess server;
    std::string error;
    ASSERT_TRUE(server.Start(kBinary, data, BaseEnv(), error)) << error;
    HttpClient c(server.port());
    auto reg = c.Json("POST", "/api/auth/register", {{"email", "crash@example.com"}, {"password", "correct horse battery"}, {"name", "C"}});
    std::string token = reg.Json()["accessToken"];
    std::string ws_id = c.Get("/api/auth/me", token).Json()["workspaces"][0]["id"];
    std::atomic<bool> stop{false};
    std::vector<std::thread> writers;
    for (int t = 0; t < 4; ++t) {
      writers.emplace_back([&, t] {
        HttpClient w(server.port());
        for (int i = 0; !stop; ++i) {
          auto r = w.Json("POST", "/api/workspaces/" + ws_id + "/projects", {{"name", "p" + std::to_string(t) + "-" + std::to_string(i)}}, token);
          if (r.status != 201) break;  // the server is gone
          std::string pid = r.Json()["id"];
          {
            std::lock_guard lock(mu);
            acked_projects.push_back(pid);
          }
          auto s = w.Json("PUT", "/api/projects/" + pid + "/spec", SpecJson(), token);
          if (s.status != 200) break;
          std::lock_guard lock(mu);
          acked_specs.emplace_back(pid, s.Json()["version"].get<int>());
        }
      });
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2500));
    server.Signal(SIGKILL);
    EXPECT_EQ(server.Wait(5000), -SIGKILL);
    stop = true;
    for (auto& th : writers) th.join();
  }
  ASSERT_GT(acked_projects.size(), 10u);
  std::cout << "acknowledged before SIGKILL: " << acked_projects.size() << " projects, " << acked_specs.size() << " specs\n";
  // Open the file directly: Open() runs PRAGMA integrity_check and refuses a corrupt database.
  auto st = store::SqliteStore::Open((data / "backendforge.db").string());
  ASSERT_TRUE(st.ok()) << st.error().message;
  EXPECT_EQ(*(*st)->IntegrityCheck(), "ok");
  auto user = (*st)->FindUserByEmail("crash@example.com");
  ASSERT_TRUE(user.ok());
  for (const auto& pid : acked_projects) EXPECT_TRUE((*st)->GetProject(user->id, pid).ok()) << pid;
  for (const auto& [pid, v] : acked_specs) EXPECT_GE((*st)->GetProject(user->id, pid)->project.specVersion, v) << pid;
  st->reset();
  // And the server starts on it again.
  ServerProcess again;
  std::string error;
  ASSERT_TRUE(again.Start(kBinary, data, BaseEnv(), error)) << error;
  EXPECT_EQ(HttpClient(again.port()).Get("/ready").status, 200);
  again.Signal(SIGTERM);
  again.Wait(15000);
  fs::remove_all(data);
}

}  // namespace
}  // namespace bf::testclient
