// Live preview: the proxy's request and response rules (pure), and the whole lifecycle against
// a tiny real app (node, a local runner instead of the sandbox): start, healthy, proxied
// requests, events, tenancy, the per-user limit, idle stop, and DELETE leaving nothing running.
#include <arpa/inet.h>
#include <dirent.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <fstream>

#include "run/sandbox.h"
#include "server/preview_proxy.h"
#include "server/test_support.h"
#include "verify/curl_client.h"

namespace bf::server {
namespace {

using testing::AppFixture;

TEST(PreviewProxy, PreviewPathsAreTheProxyRoutesAndNothingElse) {
  EXPECT_TRUE(IsPreviewPath("/preview"));
  EXPECT_TRUE(IsPreviewPath("/preview/p1/api/posts"));
  EXPECT_FALSE(IsPreviewPath("/previews"));
  EXPECT_FALSE(IsPreviewPath("/api/preview/p1"));
}

// The net layer picks the preview threads by path before routing; every route of the app must
// agree with it: the proxy routes are preview paths, no other route is.
TEST_F(AppFixture, OnlyTheProxyRoutesArePreviewPaths) {
  int proxied = 0;
  for (const auto& r : app_->router.routes()) {
    std::string sample;  // the pattern with its parameters filled in
    for (size_t i = 0; i < r.pattern.size(); ++i) {
      if (r.pattern[i] == '{') {
        sample += r.pattern.compare(r.pattern.find('}', i) - 1, 2, "+}") == 0 ? "a/b" : "x";
        i = r.pattern.find('}', i);
      } else {
        sample += r.pattern[i];
      }
    }
    const bool proxy = r.pattern.starts_with(std::string(kPreviewPrefix) + "/{projectId}");
    EXPECT_EQ(IsPreviewPath(sample), proxy) << r.method << " " << r.pattern;
    proxied += proxy;
  }
  EXPECT_EQ(proxied, 10);  // GET, POST, PUT, PATCH, DELETE on /preview/{projectId} and below it
}

TEST(PreviewProxy, ForwardsTheRequestWithoutBackendForgeCredentials) {
  Request req;
  req.method = "POST";
  req.path = "/preview/p1/api/posts/a%20b";
  req.query = "page=2&q=x%2Fy";
  req.body = "{\"title\":\"t\"}";
  req.remote = "10.0.0.7";
  req.headers.Set("Content-Type", "application/json");
  req.headers.Set("Cookie", "bf_access=secret");
  req.headers.Set("Authorization", "Bearer backendforge-token");
  req.headers.Set("X-CSRF-Token", "csrf");
  req.headers.Set("X-Preview-Authorization", "Bearer app-token");
  req.headers.Set("Connection", "keep-alive");
  req.headers.Set("Content-Length", "13");
  req.headers.Set("Host", "backendforge.example");
  req.headers.Set("X-Custom", "kept");
  verify::HttpRequest up = UpstreamRequest(req);
  EXPECT_EQ(up.method, "POST");
  EXPECT_EQ(up.target, "/api/posts/a%20b?page=2&q=x%2Fy");
  ASSERT_TRUE(up.body.has_value());
  EXPECT_EQ(*up.body, req.body);
  EXPECT_EQ(up.Header("Authorization"), "Bearer app-token");
  EXPECT_EQ(up.Header("Content-Type"), "application/json");
  EXPECT_EQ(up.Header("X-Custom"), "kept");
  EXPECT_EQ(up.Header("X-Forwarded-For"), "10.0.0.7");
  for (const char* gone : {"Cookie", "X-CSRF-Token", "X-Preview-Authorization", "Connection", "Content-Length", "Host"}) {
    EXPECT_EQ(up.Header(gone), "") << gone;
  }
  int authorizations = 0;
  for (const auto& h : up.headers) authorizations += EqualsIgnoreCase(h.name, "authorization");
  EXPECT_EQ(authorizations, 1);

  req.method = "GET";
  req.path = "/preview/p1";
  req.query.clear();
  req.headers = Headers();
  up = UpstreamRequest(req);
  EXPECT_EQ(up.target, "/");
  EXPECT_FALSE(up.body.has_value());
  EXPECT_EQ(up.Header("Authorization"), "");  // none given, none invented
}

TEST(PreviewProxy, AnswersCannotSetCookiesOrScriptTheOrigin) {
  verify::HttpResponse up;
  up.status = 201;
  up.headers = {{"content-type", "text/html"},
                {"set-cookie", "bf_access=evil; Path=/"},
                {"content-security-policy", "script-src *"},
                {"transfer-encoding", "chunked"},
                {"location", "/api/posts/1"}};
  up.body = "<script>alert(1)</script>";
  Response r = DownstreamResponse(up);
  EXPECT_EQ(r.status, 201);
  EXPECT_FALSE(r.headers.Has("Set-Cookie"));
  EXPECT_FALSE(r.headers.Has("Transfer-Encoding"));
  EXPECT_EQ(r.headers.Get("Content-Security-Policy"), kPreviewCsp);
  EXPECT_EQ(r.headers.Get("Location"), "/api/posts/1");
  EXPECT_EQ(r.headers.Get("Content-Type"), "text/html");
  EXPECT_EQ(r.body, up.body);
}

// A stand-in for a generated backend: /health, and an echo of everything else.
constexpr char kFakeApp[] = R"JS(
const http = require('http');
const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    if (req.url.startsWith('/reach/')) {  // can this process open a connection to a host port?
      const sock = require('net').connect(Number(req.url.slice(7)), '127.0.0.1');
      const done = (reached, why) => { sock.destroy(); res.writeHead(200, { 'content-type': 'application/json' });
                                        res.end(JSON.stringify({ reached, why })); };
      sock.setTimeout(1000, () => done(false, 'timeout'));
      sock.on('connect', () => done(true, 'connected'));
      sock.on('error', (e) => done(false, e.code));
      return;
    }
    if (req.url === '/health') {
      res.writeHead(200, { 'content-type': 'application/json', 'set-cookie': 'app=1' });
      res.end(JSON.stringify({ status: 'ok' }));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({
      method: req.method, url: req.url, headers: req.headers, body,
      env: { NODE_ENV: process.env.NODE_ENV, HOST: process.env.HOST, DATABASE_URL: process.env.DATABASE_URL,
             jwtSecretLength: (process.env.JWT_SECRET || '').length },
    }));
  });
});
server.listen(Number(process.env.PORT), process.env.HOST, () => console.log('listening on ' + process.env.PORT));
)JS";

// Collects the events of one topic.
class Recorder final : public EventSink {
 public:
  bool Deliver(const std::shared_ptr<const std::string>& frame) override {
    std::lock_guard lock(mu);
    events.push_back(nlohmann::json::parse(*frame));
    return true;
  }
  bool Saw(const std::string& type, const std::string& key, const std::string& value) {
    std::lock_guard lock(mu);
    for (const auto& e : events) {
      if (e["type"] == type && e["data"].value(key, "") == value) return true;
    }
    return false;
  }
  std::mutex mu;
  std::vector<nlohmann::json> events;
};

class PreviewApi : public AppFixture {
 protected:
  void SetUp() override {
    AppFixture::SetUp();
    if (run::FindInPath("node", run::BaseEnvironment()["PATH"]).empty()) GTEST_SKIP() << "node is not installed";
    script_ = "fake-app-" + store::NewId() + ".js";
    pipeline_->preview_argv = {"node", script_};
    PreviewOptions o;
    o.maxPerUser = 1;
    o.idleMillis = 60'000;
    o.healthInterval = std::chrono::milliseconds(100);
    o.runner = [](const PreviewLaunch&) { return run::MakeLocalRunner(); };  // no sandbox in unit tests
    o.isolateNetwork = false;  // the local runner has no network namespace to bridge into
    app_->previews = std::make_unique<PreviewManager>(app_->hub, clock_, o);
  }

  // A generated project holding the fake app.
  std::string Generated(const User& u, const std::string& name = "Blog") {
    std::string pid = CreateProject(u, name);
    Call("POST", "/api/projects/" + pid + "/messages", {{"text", "A blog"}}, u.token);
    Response g = Call("POST", "/api/generate", {{"projectId", pid}}, u.token);
    EXPECT_EQ(g.status, 202) << g.body;
    EXPECT_EQ(WaitJob(u, Body(g)["jobId"])["status"], "succeeded");
    std::ofstream(app_->ProjectDir(pid) / script_) << kFakeApp;
    return pid;
  }

  nlohmann::json WaitState(const User& u, const std::string& pid, const std::string& state) {
    nlohmann::json s;
    for (int i = 0; i < 300; ++i) {
      s = Body(Call("GET", "/api/preview/" + pid, nullptr, u.token));
      if (s["state"] == state) return s;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ADD_FAILURE() << "preview of " << pid << " never became " << state << ": " << s.dump();
    return s;
  }

  // Processes whose command line names this test's fake app.
  int FakeAppProcesses() const {
    int n = 0;
    DIR* d = ::opendir("/proc");
    if (!d) return -1;
    while (dirent* ent = ::readdir(d)) {
      std::ifstream in(std::string("/proc/") + ent->d_name + "/cmdline", std::ios::binary);
      std::string cmd((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      if (cmd.find(script_) != std::string::npos) ++n;
    }
    ::closedir(d);
    return n;
  }

  static bool Answers(int port) {
    auto c = verify::MakeCurlClient("http://127.0.0.1:" + std::to_string(port), std::chrono::milliseconds(500));
    return c->Send(verify::HttpRequest{.method = "GET", .target = "/health", .headers = {}, .body = std::nullopt}).ok();
  }

  std::string script_;
};

TEST_F(PreviewApi, StartsProxiesAndStopsWithNothingLeft) {
  auto alice = Register("alice@example.com");
  auto mallory = Register("mallory@example.com");
  std::string pid = Generated(alice);
  auto events = std::make_shared<Recorder>();
  app_->hub.Subscribe(EventHub::ProjectTopic(pid), events);

  EXPECT_EQ(Call("GET", "/api/preview/" + pid, nullptr, alice.token).status, 200);
  EXPECT_EQ(Body(Call("GET", "/api/preview/" + pid, nullptr, alice.token))["state"], "stopped");
  Response start = Call("POST", "/api/preview", {{"projectId", pid}}, alice.token);
  ASSERT_EQ(start.status, 202) << start.body;
  EXPECT_EQ(Body(start)["state"], "starting");
  auto s = WaitState(alice, pid, "healthy");
  int port = s["port"];
  EXPECT_GT(port, 0);
  EXPECT_TRUE(s["startedAt"].is_string());
  // Starting again answers the running preview.
  Response again = Call("POST", "/api/preview", {{"projectId", pid}}, alice.token);
  EXPECT_EQ(again.status, 200);
  EXPECT_EQ(Body(again)["port"], port);

  Response health = Call("GET", "/preview/" + pid + "/health", nullptr, alice.token);
  ASSERT_EQ(health.status, 200) << health.body;
  EXPECT_EQ(Body(health)["status"], "ok");
  EXPECT_FALSE(health.headers.Has("Set-Cookie"));
  EXPECT_EQ(health.headers.Get("Content-Security-Policy"), kPreviewCsp);

  Response echo = Call("POST", "/preview/" + pid + "/api/posts?draft=1", {{"title", "Hello"}}, alice.token,
                       {{"X-Preview-Authorization", "Bearer app-token"}, {"Cookie", "bf_access=x"}});
  ASSERT_EQ(echo.status, 200) << echo.body;
  auto e = Body(echo);
  EXPECT_EQ(e["method"], "POST");
  EXPECT_EQ(e["url"], "/api/posts?draft=1");
  EXPECT_EQ(nlohmann::json::parse(e["body"].get<std::string>())["title"], "Hello");
  EXPECT_EQ(e["headers"]["authorization"], "Bearer app-token");
  EXPECT_FALSE(e["headers"].contains("cookie"));
  EXPECT_EQ(e["env"]["NODE_ENV"], "production");
  EXPECT_EQ(e["env"]["HOST"], "127.0.0.1");
  EXPECT_EQ(e["env"]["DATABASE_URL"], "sqlite:" + (dir_ / "previews" / pid / "app.db").string());
  EXPECT_EQ(e["env"]["jwtSecretLength"], 43);

  // Another tenant sees nothing and can do nothing.
  EXPECT_EQ(Call("GET", "/api/preview/" + pid, nullptr, mallory.token).status, 404);
  EXPECT_EQ(Call("GET", "/preview/" + pid + "/health", nullptr, mallory.token).status, 404);
  EXPECT_EQ(Call("DELETE", "/api/preview/" + pid, nullptr, mallory.token).status, 404);
  EXPECT_EQ(Call("POST", "/api/preview", {{"projectId", pid}}, mallory.token).status, 404);
  EXPECT_EQ(Call("GET", "/preview/" + pid + "/health").status, 401);

  EXPECT_TRUE(events->Saw("preview.health", "state", "healthy"));
  EXPECT_TRUE(events->Saw("preview.log", "line", "listening on " + std::to_string(port)));
  EXPECT_EQ(FakeAppProcesses(), 1);

  EXPECT_EQ(Call("DELETE", "/api/preview/" + pid, nullptr, alice.token).status, 204);
  auto stopped = Body(Call("GET", "/api/preview/" + pid, nullptr, alice.token));
  EXPECT_EQ(stopped["state"], "stopped");
  EXPECT_EQ(stopped["reason"], "stopped by a user");
  EXPECT_EQ(FakeAppProcesses(), 0);
  EXPECT_FALSE(Answers(port));
  EXPECT_TRUE(events->Saw("preview.health", "state", "stopped"));
  Response gone = Call("GET", "/preview/" + pid + "/health", nullptr, alice.token);
  EXPECT_EQ(gone.status, 503);
  EXPECT_EQ(Body(gone)["code"], "preview.not_running");
  EXPECT_EQ(Call("DELETE", "/api/preview/" + pid, nullptr, alice.token).status, 204);  // idempotent
}

TEST_F(PreviewApi, ARegenerationRestartsARunningPreviewOnTheMergedCode) {
  auto alice = Register("alice@example.com");
  std::string pid = Generated(alice);
  // The fake app becomes a committed file of the project (a regeneration needs a clean folder).
  Request put;
  put.method = "PUT";
  put.target = put.path = "/api/projects/" + pid + "/files/" + script_;
  put.body = kFakeApp;
  put.headers.Set("Authorization", "Bearer " + alice.token);
  ASSERT_EQ(app_->Handle(put).status, 200);
  ASSERT_EQ(Call("POST", "/api/preview", {{"projectId", pid}}, alice.token).status, 202);
  WaitState(alice, pid, "healthy");
  auto events = std::make_shared<Recorder>();
  app_->hub.Subscribe(EventHub::ProjectTopic(pid), events);

  Call("POST", "/api/projects/" + pid + "/messages", {{"text", "add subtitle to Post"}}, alice.token);
  Response g = Call("POST", "/api/generate", {{"projectId", pid}}, alice.token);
  ASSERT_EQ(g.status, 202) << g.body;
  auto job = WaitJob(alice, Body(g)["jobId"]);
  ASSERT_EQ(job["status"], "succeeded") << job.dump();
  EXPECT_EQ(job["result"]["regeneration"]["result"], "merged");
  EXPECT_EQ(job["result"]["preview"]["reason"], "restarted on the merged code") << job.dump();
  // It was stopped (one preview.health "stopped" event) and runs again, once.
  EXPECT_TRUE(events->Saw("preview.health", "state", "stopped"));
  WaitState(alice, pid, "healthy");
  EXPECT_EQ(FakeAppProcesses(), 1);
  EXPECT_TRUE(app_->previews->Stop(pid, "test over"));
}

TEST_F(PreviewApi, LimitsPreviewsPerUserAndStopsIdleOnes) {
  auto alice = Register("alice@example.com");
  std::string first = Generated(alice, "First");
  std::string second = Generated(alice, "Second");
  ASSERT_EQ(Call("POST", "/api/preview", {{"projectId", first}}, alice.token).status, 202);
  Response over = Call("POST", "/api/preview", {{"projectId", second}}, alice.token);
  EXPECT_EQ(over.status, 429) << over.body;
  EXPECT_EQ(Body(over)["code"], "preview.limit");
  WaitState(alice, first, "healthy");

  clock_.Advance(61'000);  // no proxied request for longer than idleMillis
  auto s = WaitState(alice, first, "stopped");
  EXPECT_NE(s["reason"].get<std::string>().find("without requests"), std::string::npos) << s.dump();
  EXPECT_EQ(FakeAppProcesses(), 0);
  // The slot is free again.
  ASSERT_EQ(Call("POST", "/api/preview", {{"projectId", second}}, alice.token).status, 202);
  WaitState(alice, second, "healthy");
}

TEST_F(PreviewApi, ViewersWatchButDoNotStartAndUngeneratedProjectsCannotRun) {
  auto alice = Register("alice@example.com");
  auto carol = Register("carol@example.com");
  ASSERT_EQ(Call("POST", "/api/workspaces/" + alice.workspace + "/members", {{"email", "carol@example.com"}, {"role", "viewer"}}, alice.token).status, 201);
  std::string pid = Generated(alice);
  EXPECT_EQ(Call("POST", "/api/preview", {{"projectId", pid}}, carol.token).status, 403);
  ASSERT_EQ(Call("POST", "/api/preview", {{"projectId", pid}}, alice.token).status, 202);
  WaitState(alice, pid, "healthy");
  EXPECT_EQ(Call("GET", "/preview/" + pid + "/health", nullptr, carol.token).status, 200);
  EXPECT_EQ(Call("DELETE", "/api/preview/" + pid, nullptr, carol.token).status, 403);

  std::string fresh = CreateProject(alice, "Fresh");
  EXPECT_EQ(Call("POST", "/api/preview", {{"projectId", fresh}}, alice.token).status, 409);
  EXPECT_EQ(Call("POST", "/api/preview", nlohmann::json::object(), alice.token).status, 422);
  // The server stopping stops its previews.
  app_->previews->StopAll();
  EXPECT_EQ(FakeAppProcesses(), 0);
}

// The product's runner: bubblewrap with its own network namespace; the server reaches the app
// through the socket bridge, while the app reaches nothing on the host (not even its loopback)
// and its port is not on the host's loopback.
TEST_F(PreviewApi, TheSandboxedPreviewIsReachableOnlyThroughItsSocket) {
  if (!run::ProbeSandbox().bwrap) GTEST_SKIP() << "no sandbox here: " << run::ProbeSandbox().problem;
  PreviewOptions o;
  o.healthInterval = std::chrono::milliseconds(100);
  app_->previews = std::make_unique<PreviewManager>(app_->hub, clock_, o);  // default runner
  auto alice = Register("alice@example.com");
  std::string pid = Generated(alice);
  ASSERT_EQ(Call("POST", "/api/preview", {{"projectId", pid}}, alice.token).status, 202);
  auto s = WaitState(alice, pid, "healthy");
  ASSERT_EQ(s["state"], "healthy") << s.dump();
  Response echo = Call("GET", "/preview/" + pid + "/whoami", nullptr, alice.token);
  ASSERT_EQ(echo.status, 200) << echo.body;
  EXPECT_EQ(Body(echo)["env"]["NODE_ENV"], "production");
  EXPECT_FALSE(Answers(s["port"])) << "the preview's port is on the host's loopback";
  // A listener on the host's loopback, which the preview must not reach.
  int listener = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  ASSERT_GE(listener, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(::bind(listener, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  ASSERT_EQ(::listen(listener, 4), 0);
  socklen_t len = sizeof addr;
  ASSERT_EQ(::getsockname(listener, reinterpret_cast<sockaddr*>(&addr), &len), 0);
  Response reach = Call("GET", "/preview/" + pid + "/reach/" + std::to_string(ntohs(addr.sin_port)), nullptr, alice.token);
  ::close(listener);
  ASSERT_EQ(reach.status, 200) << reach.body;
  EXPECT_EQ(Body(reach)["reached"], false) << reach.body;
  EXPECT_EQ(Call("DELETE", "/api/preview/" + pid, nullptr, alice.token).status, 204);
  EXPECT_EQ(FakeAppProcesses(), 0);
  EXPECT_FALSE(Answers(s["port"]));
  // The folder was handed to the sandbox user; its history still reads.
  Response history = Call("GET", "/api/projects/" + pid + "/history", nullptr, alice.token);
  EXPECT_EQ(history.status, 200) << history.body;
}

}  // namespace
}  // namespace bf::server
