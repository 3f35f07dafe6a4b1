// HTTP types, router, crypto helpers, rate limiting, metrics, the event hub and the zip writer.
#include <gtest/gtest.h>

#include "server/clock.h"
#include "server/crypto.h"
#include "server/event_hub.h"
#include "server/http.h"
#include "server/metrics.h"
#include "server/rate_limit.h"
#include "server/router.h"
#include "server/zip.h"

namespace bf::server {
namespace {

TEST(Http, ParsesTargetsAndRefusesMalformedOnes) {
  auto t = ParseTarget("/api/projects/abc?x=1&y=a%20b");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->path, "/api/projects/abc");
  EXPECT_EQ(t->query, "x=1&y=a%20b");
  EXPECT_FALSE(ParseTarget("http://example.com/"));
  EXPECT_FALSE(ParseTarget("*"));
  EXPECT_FALSE(ParseTarget("/a%zz"));
  EXPECT_FALSE(ParseTarget("/a%2"));
  EXPECT_FALSE(ParseTarget(std::string("/a\x01", 3)));
  EXPECT_FALSE(PercentDecode("%00", false));
  EXPECT_EQ(*PercentDecode("a+b%2Fc", true), "a b/c");
}

TEST(Http, ReadsQueryParametersCookiesAndHeaders) {
  Request r;
  r.query = "projectId=p%201&format=zip&flag";
  r.headers.Add("cookie", "a=1; bf_access=tok; c=3");
  EXPECT_EQ(*r.QueryParam("projectId"), "p 1");
  EXPECT_EQ(*r.QueryParam("flag"), "");
  EXPECT_FALSE(r.QueryParam("missing"));
  EXPECT_EQ(*r.Cookie("bf_access"), "tok");
  EXPECT_FALSE(r.Cookie("bf"));
  EXPECT_EQ(r.headers.Get("COOKIE"), "a=1; bf_access=tok; c=3");
}

TEST(Http, ProblemsAreRfc9457) {
  Response r = Problem(422, "validation.failed", "bad", nlohmann::json::array({{{"path", "name"}, {"message", "required"}}}));
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(r.headers.Get("Content-Type"), "application/problem+json");
  auto j = nlohmann::json::parse(r.body);
  EXPECT_EQ(j["title"], "Unprocessable Content");
  EXPECT_EQ(j["status"], 422);
  EXPECT_EQ(j["errors"][0]["path"], "name");
  EXPECT_EQ(SetCookie("a", "b", "/", true, true, 60), "a=b; Path=/; SameSite=Strict; Max-Age=60; HttpOnly; Secure");
}

TEST(Http, JsonBodiesNeedTheRightTypeAndShape) {
  Request r;
  r.body = "{\"a\":1}";
  EXPECT_EQ(ParseJsonObject(r).error->status, 415);
  r.headers.Set("Content-Type", "application/json; charset=utf-8");
  EXPECT_FALSE(ParseJsonObject(r).error);
  r.body = "[1]";
  EXPECT_EQ(ParseJsonObject(r).error->status, 400);
  r.body = "{\"a\":";
  EXPECT_EQ(ParseJsonObject(r).error->status, 400);
}

Request Req(std::string method, std::string path) {
  Request r;
  r.method = std::move(method);
  r.path = std::move(path);
  return r;
}

TEST(Router, MatchesParametersAndPrefersLiterals) {
  Router router;
  router.Add("GET", "/api/projects/{pid}", [](Request& r) { return Text(200, "project " + r.Param("pid")); });
  router.Add("GET", "/api/projects/{pid}/files/{path+}", [](Request& r) { return Text(200, "file " + r.Param("path")); });
  router.Add("GET", "/api/projects/search", [](Request&) { return Text(200, "search"); });
  router.Add("PUT", "/api/projects/{pid}", [](Request&) { return Text(200, "put"); });
  auto a = Req("GET", "/api/projects/p%201");
  EXPECT_EQ(router.Handle(a).body, "project p 1");
  auto b = Req("GET", "/api/projects/search");
  EXPECT_EQ(router.Handle(b).body, "search");
  auto c = Req("GET", "/api/projects/p1/files/src/a%20b.ts");
  EXPECT_EQ(router.Handle(c).body, "file src/a b.ts");
  auto d = Req("DELETE", "/api/projects/p1");
  Response dr = router.Handle(d);
  EXPECT_EQ(dr.status, 405);
  EXPECT_EQ(dr.headers.Get("Allow"), "GET, PUT");
  auto e = Req("GET", "/api/nothing");
  EXPECT_EQ(router.Handle(e).status, 404);
  auto f = Req("HEAD", "/api/projects/x");
  EXPECT_EQ(router.Handle(f).status, 200);
  // An encoded slash never splits a single-segment parameter.
  auto g = Req("GET", "/api/projects/a%2Fb");
  EXPECT_EQ(router.Handle(g).status, 404);
}

TEST(Router, RunsMiddlewareInOrderAroundEveryRequest) {
  Router router;
  std::string trace;
  router.Use([&](Request& r, const Next& next) {
    trace += "a";
    Response res = next(r);
    trace += "A";
    res.headers.Set("X-Seen", "1");
    return res;
  });
  router.Use([&](Request& r, const Next& next) {
    trace += "b";
    if (r.path == "/blocked") return Problem(403, "x", "no");
    return next(r);
  });
  router.Add("GET", "/ok", [&](Request&) {
    trace += "h";
    return Text(200, "ok");
  });
  router.SetFallback([](Request&) { return Text(200, "ui"); });
  auto ok = Req("GET", "/ok");
  EXPECT_EQ(router.Handle(ok).headers.Get("X-Seen"), "1");
  EXPECT_EQ(trace, "abhA");
  auto blocked = Req("GET", "/blocked");
  EXPECT_EQ(router.Handle(blocked).status, 403);
  auto ui = Req("GET", "/some/page");
  EXPECT_EQ(router.Handle(ui).body, "ui");
  auto api = Req("GET", "/api/unknown");
  EXPECT_EQ(router.Handle(api).status, 404);
}

TEST(Crypto, Base64UrlIsStrictAndRoundTrips) {
  EXPECT_EQ(Base64UrlEncode(""), "");
  EXPECT_EQ(Base64UrlEncode("f"), "Zg");
  EXPECT_EQ(Base64UrlEncode("fo"), "Zm8");
  EXPECT_EQ(Base64UrlEncode("foo"), "Zm9v");
  EXPECT_EQ(Base64UrlEncode("\xfb\xff"), "-_8");
  EXPECT_EQ(*Base64UrlDecode("-_8"), "\xfb\xff");
  EXPECT_FALSE(Base64UrlDecode("Zg=="));  // padding
  EXPECT_FALSE(Base64UrlDecode("Zh"));    // non-canonical trailing bits
  EXPECT_FALSE(Base64UrlDecode("Z"));
  EXPECT_FALSE(Base64UrlDecode("a+b/"));  // standard alphabet
  for (int n = 0; n < 40; ++n) {
    std::string s = RandomToken("", static_cast<size_t>(n));
    EXPECT_EQ(Base64UrlEncode(*Base64UrlDecode(s)), s);
  }
}

TEST(Crypto, HashesMatchKnownVectors) {
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  // RFC 4231 test case 2.
  EXPECT_EQ(ToHex(HmacSha256("Jefe", "what do ya want for nothing?")),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  EXPECT_TRUE(ConstantTimeEquals("abc", "abc"));
  EXPECT_FALSE(ConstantTimeEquals("abc", "abd"));
  EXPECT_FALSE(ConstantTimeEquals("abc", "ab"));
  EXPECT_NE(RandomToken("rt_", 32), RandomToken("rt_", 32));
  EXPECT_EQ(RandomToken("rt_", 32).size(), 3u + 43u);
}

TEST(RateLimiter, RefillsOverTimeAndSaysWhenToRetry) {
  FakeClock clock;
  RateLimiter limiter(clock, RateLimit{3, 60});  // 1 per second
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(limiter.Take("u").allowed);
  auto d = limiter.Take("u");
  EXPECT_FALSE(d.allowed);
  EXPECT_EQ(d.retryAfterSeconds, 1);
  EXPECT_TRUE(limiter.Take("other").allowed);
  clock.Advance(1000);
  EXPECT_TRUE(limiter.Take("u").allowed);
  EXPECT_FALSE(limiter.Take("u").allowed);
}

TEST(Metrics, RendersPrometheusText) {
  Metrics m;
  m.ObserveRequest("GET", "/api/projects/{pid}", 200, 0.002);
  m.ObserveRequest("GET", "/api/projects/{pid}", 404, 0.2);
  m.WebSocketOpened();
  m.JobFinished("generate", "succeeded");
  m.AddGauge("backendforge_jobs_running", "Jobs running now.", [] { return 2.0; });
  std::string t = m.Render();
  EXPECT_NE(t.find("backendforge_http_requests_total{method=\"GET\",route=\"/api/projects/{pid}\",status=\"200\"} 1"), std::string::npos);
  EXPECT_NE(t.find("backendforge_http_request_duration_seconds_bucket{method=\"GET\",route=\"/api/projects/{pid}\",le=\"0.0025\"} 1"), std::string::npos);
  EXPECT_NE(t.find("backendforge_http_request_duration_seconds_count{method=\"GET\",route=\"/api/projects/{pid}\"} 2"), std::string::npos);
  EXPECT_NE(t.find("backendforge_websocket_connections 1"), std::string::npos);
  EXPECT_NE(t.find("backendforge_jobs_finished_total{kind=\"generate\",status=\"succeeded\"} 1"), std::string::npos);
  EXPECT_NE(t.find("backendforge_jobs_running 2"), std::string::npos);
}

class Sink : public EventSink {
 public:
  bool Deliver(const std::shared_ptr<const std::string>& frame) override {
    frames.push_back(*frame);
    return accept;
  }
  std::vector<std::string> frames;
  bool accept = true;
};

TEST(EventHub, DeliversToLiveSubscribersOnly) {
  Metrics m;
  EventHub hub(&m);
  auto a = std::make_shared<Sink>();
  auto b = std::make_shared<Sink>();
  hub.Subscribe("project:1", a);
  hub.Subscribe("project:1", b);
  hub.Subscribe("project:1", a);  // idempotent
  hub.Subscribe("project:2", b);
  EXPECT_EQ(hub.Publish("project:1", "job.log", {{"line", "x"}}), 2);
  ASSERT_EQ(a->frames.size(), 1u);
  auto ev = nlohmann::json::parse(a->frames[0]);
  EXPECT_EQ(ev["type"], "job.log");
  EXPECT_EQ(ev["data"]["line"], "x");
  b.reset();  // a closed connection just disappears
  EXPECT_EQ(hub.Publish("project:1", "job.log", {}), 1);
  EXPECT_EQ(hub.SubscriberCount("project:2"), 0u);
  hub.Unsubscribe("project:1", a.get());
  EXPECT_EQ(hub.Publish("project:1", "job.log", {}), 0);
  a->accept = false;
  hub.Subscribe("project:3", a);
  EXPECT_EQ(hub.Publish("project:3", "x", {}), 0);
  EXPECT_NE(m.Render().find("backendforge_events_dropped_total 1"), std::string::npos);
}

TEST(Zip, WritesAReadableStoredArchive) {
  EXPECT_EQ(Crc32("123456789"), 0xCBF43926u);
  auto z = MakeZip({{"p/a.txt", "hello"}, {"p/src/b.ts", std::string(1000, 'x')}});
  ASSERT_TRUE(z.ok());
  EXPECT_EQ(z->substr(0, 4), std::string("PK\x03\x04", 4));
  EXPECT_EQ(z->substr(z->size() - 22, 4), std::string("PK\x05\x06", 4));
  auto again = MakeZip({{"p/a.txt", "hello"}, {"p/src/b.ts", std::string(1000, 'x')}});
  EXPECT_EQ(*z, *again);  // deterministic
  EXPECT_FALSE(MakeZip({{"/abs", "x"}}).ok());
  // When python3 is around, check that a real zip reader accepts it.
  std::string path = ::testing::TempDir() + "/bf-zip-test.zip";
  FILE* f = std::fopen(path.c_str(), "wb");
  ASSERT_TRUE(f);
  std::fwrite(z->data(), 1, z->size(), f);
  std::fclose(f);
  std::string cmd = "python3 -c \"import zipfile,sys; z=zipfile.ZipFile('" + path +
                    "'); assert z.testzip() is None; assert z.read('p/a.txt')==b'hello'; sys.exit(0)\" 2>/dev/null";
  if (std::system("python3 -c 1 2>/dev/null") == 0) {
    EXPECT_EQ(std::system(cmd.c_str()), 0);
  }
}

}  // namespace
}  // namespace bf::server
