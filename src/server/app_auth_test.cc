// Handlers over a real SQLite file, without sockets: registration, login, brute force, refresh
// rotation and replay, logout, cookies + CSRF, personal API tokens, system endpoints.
#include "server/test_support.h"

namespace bf::server {
namespace {

using testing::AppFixture;

class AuthApi : public AppFixture {};

TEST_F(AuthApi, RegistersLogsInAndAnswersMe) {
  auto u = Register("Alice@Example.com");
  Response me = Call("GET", "/api/auth/me", nullptr, u.token);
  ASSERT_EQ(me.status, 200);
  auto j = Body(me);
  EXPECT_EQ(j["email"], "alice@example.com");
  EXPECT_FALSE(j.contains("passwordHash"));
  EXPECT_EQ(j["workspaces"][0]["personal"], true);
  EXPECT_EQ(j["workspaces"][0]["role"], "owner");
  Response login = Call("POST", "/api/auth/login", {{"email", "alice@example.com"}, {"password", "correct horse battery"}});
  ASSERT_EQ(login.status, 200) << login.body;
  auto lj = Body(login);
  for (const char* k : {"accessToken", "refreshToken", "user", "expiresIn", "csrfToken"}) EXPECT_TRUE(lj.contains(k)) << k;
  EXPECT_EQ(lj["expiresIn"], 900);
  // The web UI's cookies: HttpOnly + SameSite=Strict; the CSRF cookie readable by scripts.
  int cookies = 0;
  for (const auto& [k, v] : login.headers.fields()) {
    if (k != "Set-Cookie") continue;
    ++cookies;
    EXPECT_NE(v.find("SameSite=Strict"), std::string::npos);
    if (v.rfind("bf_csrf=", 0) != 0) {
      EXPECT_NE(v.find("HttpOnly"), std::string::npos) << v;
    }
    EXPECT_EQ(v.find("Secure"), std::string::npos);  // no TLS in this test
  }
  EXPECT_EQ(cookies, 3);
  EXPECT_EQ(Call("POST", "/api/auth/register", {{"email", "alice@example.com"}, {"password", "password123"}, {"name", "A"}}).status, 409);
}

TEST_F(AuthApi, ListsEveryRegistrationProblemWithItsPath) {
  Response r = Call("POST", "/api/auth/register", {{"email", "nope"}, {"password", "short"}, {"role", "admin"}});
  ASSERT_EQ(r.status, 422);
  auto j = Body(r);
  std::set<std::string> paths;
  for (auto& e : j["errors"]) paths.insert(e["path"]);
  EXPECT_EQ(paths, (std::set<std::string>{"email", "password", "name", "role"}));
  EXPECT_EQ(Call("POST", "/api/auth/register", nlohmann::json::array()).status, 400);
  Request raw;
  raw.method = "POST";
  raw.target = raw.path = "/api/auth/register";
  raw.body = "{not json";
  raw.headers.Set("Content-Type", "application/json");
  EXPECT_EQ(app_->Handle(raw).status, 400);
  raw.headers.Set("Content-Type", "text/plain");
  EXPECT_EQ(app_->Handle(raw).status, 415);
}

TEST_F(AuthApi, WrongPasswordsAndUnknownAccountsLookTheSame) {
  Register("bob@example.com");
  Response wrong = Call("POST", "/api/auth/login", {{"email", "bob@example.com"}, {"password", "wrong password"}});
  Response unknown = Call("POST", "/api/auth/login", {{"email", "nobody@example.com"}, {"password", "wrong password"}});
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(unknown.status, 401);
  EXPECT_EQ(Body(wrong)["detail"], Body(unknown)["detail"]);
}

TEST_F(AuthApi, LocksAnAccountAfterTooManyFailuresWithRetryAfter) {
  Register("carol@example.com");
  // maxFailedLogins is 5 in this fixture (100 in the product; the integration test uses 100).
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(Call("POST", "/api/auth/login", {{"email", "carol@example.com"}, {"password", "guess" + std::to_string(i)}}).status, 401);
  }
  Response locked = Call("POST", "/api/auth/login", {{"email", "carol@example.com"}, {"password", "correct horse battery"}});
  EXPECT_EQ(locked.status, 429);
  int retry = std::stoi(locked.headers.Get("Retry-After"));
  EXPECT_GT(retry, 3500);
  EXPECT_LE(retry, 3600);
  clock_.Advance(3601 * 1000);
  EXPECT_EQ(Call("POST", "/api/auth/login", {{"email", "carol@example.com"}, {"password", "correct horse battery"}}).status, 200);
}

TEST_F(AuthApi, RefreshRotatesAndAReplayRevokesTheWholeSession) {
  auto u = Register("dave@example.com");
  Response r1 = Call("POST", "/api/auth/refresh", {{"refreshToken", u.refresh}});
  ASSERT_EQ(r1.status, 200) << r1.body;
  std::string second = Body(r1)["refreshToken"];
  std::string access2 = Body(r1)["accessToken"];
  EXPECT_NE(second, u.refresh);
  EXPECT_EQ(Call("GET", "/api/auth/me", nullptr, access2).status, 200);
  // The first token again: reuse. The session (every token and access token of it) ends.
  Response replay = Call("POST", "/api/auth/refresh", {{"refreshToken", u.refresh}});
  EXPECT_EQ(replay.status, 401);
  EXPECT_EQ(Body(replay)["code"], "auth.refresh_reused");
  EXPECT_EQ(Call("POST", "/api/auth/refresh", {{"refreshToken", second}}).status, 401);
  EXPECT_EQ(Call("GET", "/api/auth/me", nullptr, access2).status, 401);
  EXPECT_EQ(Call("GET", "/api/auth/me", nullptr, u.token).status, 401);
  EXPECT_EQ(Call("POST", "/api/auth/refresh", {{"refreshToken", "bfr_made_up"}}).status, 401);
}

TEST_F(AuthApi, LogoutEndsTheSessionAtOnce) {
  auto u = Register("erin@example.com");
  EXPECT_EQ(Call("POST", "/api/auth/logout", {{"refreshToken", u.refresh}}, u.token).status, 204);
  EXPECT_EQ(Call("GET", "/api/auth/me", nullptr, u.token).status, 401);
  EXPECT_EQ(Call("POST", "/api/auth/refresh", {{"refreshToken", u.refresh}}).status, 401);
}

TEST_F(AuthApi, AccessTokensExpire) {
  auto u = Register("fay@example.com");
  clock_.Advance(901 * 1000);
  Response r = Call("GET", "/api/auth/me", nullptr, u.token);
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(Body(r)["code"], "auth.token_expired");
  EXPECT_NE(r.headers.Get("WWW-Authenticate").find("Bearer"), std::string::npos);
}

TEST_F(AuthApi, CookieLoginsNeedTheCsrfHeaderForWrites) {
  auto u = Register("gus@example.com");
  Response login = Call("POST", "/api/auth/login", {{"email", "gus@example.com"}, {"password", "correct horse battery"}});
  std::string access = Body(login)["accessToken"], csrf = Body(login)["csrfToken"];
  std::string cookie = std::string(kAccessCookie) + "=" + access + "; " + kCsrfCookie + "=" + csrf;
  EXPECT_EQ(Call("GET", "/api/auth/me", nullptr, "", {{"Cookie", cookie}}).status, 200);
  nlohmann::json ws = {{"name", "Team"}};
  Response no_header = Call("POST", "/api/workspaces", ws, "", {{"Cookie", cookie}});
  EXPECT_EQ(no_header.status, 403);
  EXPECT_EQ(Body(no_header)["code"], "auth.csrf");
  EXPECT_EQ(Call("POST", "/api/workspaces", ws, "", {{"Cookie", cookie}, {kCsrfHeader, "wrong"}}).status, 403);
  EXPECT_EQ(Call("POST", "/api/workspaces", ws, "", {{"Cookie", cookie}, {kCsrfHeader, csrf}}).status, 201);
  // Bearer clients are not subject to CSRF (browsers never add that header by themselves).
  EXPECT_EQ(Call("POST", "/api/workspaces", ws, u.token).status, 201);
}

TEST_F(AuthApi, PersonalApiTokensWorkUntilRevoked) {
  auto u = Register("hal@example.com");
  Response created = Call("POST", "/api/auth/tokens", {{"name", "laptop cli"}}, u.token);
  ASSERT_EQ(created.status, 201);
  std::string token = Body(created)["token"], id = Body(created)["id"];
  EXPECT_EQ(token.rfind("bfp_", 0), 0u);
  EXPECT_EQ(Call("GET", "/api/auth/me", nullptr, token).status, 200);
  auto list = Body(Call("GET", "/api/auth/tokens", nullptr, u.token));
  EXPECT_EQ(list["data"].size(), 1u);
  EXPECT_FALSE(list["data"][0].contains("token"));  // shown once only
  EXPECT_EQ(Call("DELETE", "/api/auth/tokens/" + id, nullptr, u.token).status, 204);
  EXPECT_EQ(Call("GET", "/api/auth/me", nullptr, token).status, 401);
  // A token in a cookie is not accepted.
  EXPECT_EQ(Call("GET", "/api/auth/me", nullptr, "", {{"Cookie", std::string(kAccessCookie) + "=" + token}}).status, 401);
}

TEST_F(AuthApi, RefusesMissingAndMalformedCredentials) {
  EXPECT_EQ(Call("GET", "/api/auth/me").status, 401);
  EXPECT_EQ(Call("GET", "/api/auth/me", nullptr, "", {{"Authorization", "Basic dTpw"}}).status, 401);
  EXPECT_EQ(Call("GET", "/api/auth/me", nullptr, "not.a.jwt").status, 401);
  EXPECT_EQ(Call("GET", "/api/workspaces", nullptr, "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.").status, 401);
}

TEST_F(AuthApi, AnalyticsAreStoredOnlyAfterOptIn) {
  auto u = Register("ivy@example.com");
  EXPECT_EQ(Body(Call("POST", "/api/analytics", {{"name", "ui.open"}}, u.token))["recorded"], false);
  EXPECT_EQ(Call("PATCH", "/api/auth/me", {{"analyticsOptIn", true}}, u.token).status, 200);
  EXPECT_EQ(Body(Call("POST", "/api/analytics", {{"name", "ui.open"}}, u.token))["recorded"], true);
  EXPECT_EQ(*store_->CountAnalytics(u.id), 1);
  EXPECT_EQ(Call("PATCH", "/api/auth/me", {{"email", "x@example.com"}}, u.token).status, 422);
}

TEST_F(AuthApi, SystemEndpointsAndSecurityHeaders) {
  Response h = Call("GET", "/health");
  EXPECT_EQ(h.status, 200);
  EXPECT_EQ(h.headers.Get("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(h.headers.Get("Referrer-Policy"), "no-referrer");
  EXPECT_NE(h.headers.Get("Content-Security-Policy").find("frame-ancestors 'none'"), std::string::npos);
  EXPECT_FALSE(h.headers.Get("X-Request-Id").empty());
  EXPECT_EQ(Call("GET", "/health", nullptr, "", {{"X-Request-Id", "abc-123"}}).headers.Get("X-Request-Id"), "abc-123");
  EXPECT_NE(Call("GET", "/health", nullptr, "", {{"X-Request-Id", "bad id\n"}}).headers.Get("X-Request-Id"), "bad id\n");
  EXPECT_EQ(Call("GET", "/ready").status, 200);
  app_->SetReady(false);
  EXPECT_EQ(Call("GET", "/ready").status, 503);
  Response m = Call("GET", "/metrics");
  EXPECT_EQ(m.status, 200);
  EXPECT_NE(m.body.find("backendforge_http_requests_total{method=\"GET\",route=\"/health\",status=\"200\"}"), std::string::npos);
  Response doc = Call("GET", "/api/openapi.json");
  EXPECT_EQ(doc.status, 200);
  EXPECT_EQ(Body(doc)["openapi"], "3.1.0");
  EXPECT_EQ(Call("GET", "/api/nothing-here").status, 404);
  EXPECT_EQ(Call("DELETE", "/api/auth/me").status, 405);
  Response page = Call("GET", "/some/ui/route");
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.headers.Get("Content-Type").find("text/html"), std::string::npos);
}

}  // namespace
}  // namespace bf::server
