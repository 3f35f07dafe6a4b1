// libFuzzer target for the request path: raw bytes -> Beast's HTTP/1.1 parser (as the server
// configures it) -> the server's Request -> middleware, router and handlers (JSON bodies
// included) against a real SQLite store in a tmpfs folder. Invariants: nothing crashes or leaks,
// every answer has a valid status, and problem responses are valid JSON.
#include <boost/beast/http.hpp>

#include <cstdlib>
#include <filesystem>

#include "server/app.h"
#include "server/log.h"
#include "server/test_support.h"

namespace {

namespace http = boost::beast::http;
using bf::server::App;

struct World {
  std::filesystem::path dir;
  std::unique_ptr<bf::store::SqliteStore> store;
  bf::server::FakeClock clock;
  std::unique_ptr<App> app;
  std::string token, project;
};

World* MakeWorld() {
  auto* w = new World();
  std::filesystem::path base = std::filesystem::exists("/dev/shm") ? "/dev/shm" : std::filesystem::temp_directory_path();
  w->dir = base / ("bf-fuzz-" + bf::store::NewId());
  std::filesystem::create_directories(w->dir);
  auto opened = bf::store::SqliteStore::Open((w->dir / "f.db").string());
  if (!opened.ok()) std::abort();
  w->store = std::move(*opened);
  bf::server::ServerConfig c;
  c.dataDir = w->dir.string();
  c.accessLog = false;
  c.logLevel = "off";
  w->app = std::make_unique<App>(c, *w->store, w->clock, std::string(40, 'k'), std::make_unique<bf::server::testing::FakeAssistant>(),
                                 std::make_unique<bf::server::testing::FakePipeline>());
  w->app->SetReady(true);
  auto r = w->app->auth.Register("fuzz@example.com", "correct horse battery", "Fuzz");
  w->token = r->tokens.accessToken;
  auto ws = w->store->ListWorkspaces(r->user.id);
  bf::store::Project p;
  p.id = "11111111-1111-4111-8111-111111111111";
  p.workspaceId = (*ws)[0].workspace.id;
  p.name = "Fuzz";
  p.createdBy = r->user.id;
  (void)w->store->CreateProject(p);
  w->project = p.id;
  return w;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  bf::server::log::Init(bf::server::log::Level::kOff);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static World* world = MakeWorld();
  if (size < 1) return 0;
  // The first byte picks a credential, so the fuzzer reaches authenticated handlers too.
  uint8_t mode = data[0];
  std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);

  http::request_parser<http::string_body> parser;
  parser.header_limit(16 * 1024);
  parser.body_limit(1 << 20);
  parser.eager(true);
  boost::beast::error_code ec;
  parser.put(boost::asio::buffer(bytes.data(), bytes.size()), ec);
  if (ec || !parser.is_done()) return 0;
  auto& m = parser.get();

  bf::server::Request req;
  req.method = std::string(m.method_string());
  req.target = std::string(m.target());
  auto split = bf::server::ParseTarget(req.target);
  if (!split) return 0;
  req.path = split->path;
  req.query = split->query;
  for (const auto& f : m) req.headers.Add(std::string(f.name_string()), std::string(f.value()));
  req.body = m.body();
  req.remote = "127.0.0.1";
  if (mode % 3 == 1) req.headers.Set("Authorization", "Bearer " + world->token);
  if (mode % 3 == 2) {
    // Point the request at the existing project.
    std::string t = req.path;
    size_t at = t.find("PID");
    if (at != std::string::npos) req.path = t.replace(at, 3, world->project);
    req.headers.Set("Authorization", "Bearer " + world->token);
  }
  (void)world->app->BodyLimit(req.method, req.target);
  bf::server::Response r = world->app->Handle(req);
  if (r.status < 100 || r.status > 599) std::abort();
  if (r.headers.Get("Content-Type") == "application/problem+json") {
    auto j = nlohmann::json::parse(r.body, nullptr, false);
    if (j.is_discarded() || !j.contains("status") || j["status"] != r.status) std::abort();
  }
  return 0;
}
