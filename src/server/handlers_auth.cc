// /api/auth/*: register, login, refresh, logout, me, personal API tokens; /api/analytics.
#include "common/strings.h"
#include "server/access.h"
#include "server/app.h"
#include "server/crypto.h"
#include "server/log.h"
#include "server/views.h"

namespace bf::server {

namespace {

std::string StringField(const nlohmann::json& body, const char* key) {
  auto it = body.find(key);
  return it != body.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// The token answer plus the web UI's cookies.
Response TokenResponse(App& app, int status, const store::User& user, const IssuedTokens& t) {
  nlohmann::ordered_json body = {{"accessToken", t.accessToken}, {"refreshToken", t.refreshToken},
                                 {"tokenType", "Bearer"},        {"expiresIn", t.expiresIn},
                                 {"csrfToken", t.csrf},          {"user", UserView(user)}};
  Response r = Json(status, body);
  bool secure = app.config.tls();
  long refresh_age = static_cast<long>(app.config.refreshTokenDays) * 24 * 3600;
  r.headers.Add("Set-Cookie", SetCookie(kAccessCookie, t.accessToken, "/", true, secure, static_cast<long>(t.expiresIn)));
  r.headers.Add("Set-Cookie", SetCookie(kRefreshCookie, t.refreshToken, "/api/auth", true, secure, refresh_age));
  r.headers.Add("Set-Cookie", SetCookie(kCsrfCookie, t.csrf, "/", false, secure, refresh_age));
  return r;
}

void ClearCookies(const App& app, Response& r) {
  bool secure = app.config.tls();
  r.headers.Add("Set-Cookie", SetCookie(kAccessCookie, "", "/", true, secure, 0));
  r.headers.Add("Set-Cookie", SetCookie(kRefreshCookie, "", "/api/auth", true, secure, 0));
  r.headers.Add("Set-Cookie", SetCookie(kCsrfCookie, "", "/", false, secure, 0));
}

Response Register(App& app, Request& req) {
  auto body = ParseJsonObject(req);
  if (body.error) return *body.error;
  nlohmann::json errors = AuthService::ValidateRegistration(body.value);
  if (!errors.empty()) return Problem(422, "validation.failed", "the registration is not valid", errors);
  auto r = app.auth.Register(StringField(body.value, "email"), StringField(body.value, "password"),
                             StringField(body.value, "name"));
  if (!r) return ErrorResponse(req, r.error());
  req.principal = Principal{r->user.id, r->tokens.sessionId, Principal::Via::kBearer, ""};
  Audit(app, req, "", "auth.register", r->user.id);
  return TokenResponse(app, 201, r->user, r->tokens);
}

Response Login(App& app, Request& req) {
  auto body = ParseJsonObject(req);
  if (body.error) return *body.error;
  std::string email = StringField(body.value, "email");
  std::string password = StringField(body.value, "password");
  if (email.empty() || password.empty() || password.size() > 1024) {
    return Problem(422, "validation.failed", "email and password are required",
                   nlohmann::json::array({{{"path", "email"}, {"message", "required"}},
                                          {{"path", "password"}, {"message", "required"}}}));
  }
  int retry_after = 0;
  auto r = app.auth.Login(email, password, &retry_after);
  if (!r) {
    if (r.error().code == "auth.locked") {
      Response resp = Problem(429, "auth.locked", r.error().message);
      resp.headers.Set("Retry-After", std::to_string(retry_after));
      log::Warn("auth.locked", {{"requestId", req.requestId}, {"ip", req.remote}});
      return resp;
    }
    if (r.error().code == "auth.invalid_credentials") {
      log::Info("auth.login_failed", {{"requestId", req.requestId}, {"ip", req.remote}});
    }
    return ErrorResponse(req, r.error());
  }
  req.principal = Principal{r->user.id, r->tokens.sessionId, Principal::Via::kBearer, ""};
  return TokenResponse(app, 200, r->user, r->tokens);
}

Response Refresh(App& app, Request& req) {
  std::string token;
  if (!req.body.empty()) {
    auto body = ParseJsonObject(req);
    if (body.error) return *body.error;
    token = StringField(body.value, "refreshToken");
  }
  if (token.empty()) {
    if (auto c = req.Cookie(kRefreshCookie)) {
      // A cookie-carried refresh is a browser request: require the double-submit CSRF header.
      auto csrf = req.Cookie(kCsrfCookie);
      if (!csrf || csrf->empty() || !ConstantTimeEquals(*csrf, req.headers.Get(kCsrfHeader))) {
        return Problem(403, "auth.csrf", "missing or wrong X-CSRF-Token header (copy it from the bf_csrf cookie)");
      }
      token = *c;
    }
  }
  if (token.empty()) return Problem(422, "validation.failed", "refreshToken is required");
  auto t = app.auth.Refresh(token);
  if (!t) {
    if (t.error().code == "auth.refresh_reused") log::Warn("auth.refresh_reused", {{"requestId", req.requestId}, {"ip", req.remote}});
    Response r = ErrorResponse(req, t.error());
    ClearCookies(app, r);
    return r;
  }
  auto claims = app.jwt.Verify(t->accessToken, app.clock.NowSeconds());
  auto user = app.store.GetUser(claims.ok() ? claims->sub : "");
  if (!user) return ErrorResponse(req, user.error());
  return TokenResponse(app, 200, *user, *t);
}

Response Logout(App& app, Request& req) {
  std::string token;
  if (!req.body.empty()) {
    auto body = ParseJsonObject(req);
    if (body.error) return *body.error;
    token = StringField(body.value, "refreshToken");
  }
  if (token.empty()) token = req.Cookie(kRefreshCookie).value_or("");
  std::string session;
  if (auto p = app.auth.Authenticate(req); p.ok()) session = p->sessionId;
  if (auto st = app.auth.Logout(token, session); !st.ok()) return ErrorResponse(req, st.error());
  Response r = NoContent();
  ClearCookies(app, r);
  return r;
}

Response Me(App& app, Request& req) {
  auto user = app.store.GetUser(req.principal->userId);
  if (!user) return ErrorResponse(req, user.error());
  auto ws = app.store.ListWorkspaces(user->id);
  if (!ws) return ErrorResponse(req, ws.error());
  nlohmann::ordered_json j = UserView(*user);
  j["workspaces"] = nlohmann::ordered_json::array();
  for (const auto& w : *ws) j["workspaces"].push_back(WorkspaceJson(w));
  return Json(200, j);
}

Response UpdateMe(App& app, Request& req) {
  auto body = ParseJsonObject(req);
  if (body.error) return *body.error;
  std::optional<std::string> name;
  std::optional<bool> opt_in;
  nlohmann::json errors = nlohmann::json::array();
  for (auto it = body.value.begin(); it != body.value.end(); ++it) {
    if (it.key() == "name" && it->is_string() && !Trim(it->get<std::string>()).empty() && it->get<std::string>().size() <= 100) {
      name = Trim(it->get<std::string>());
    } else if (it.key() == "analyticsOptIn" && it->is_boolean()) {
      opt_in = it->get<bool>();
    } else {
      errors.push_back({{"path", it.key()}, {"message", it.key() == "name" || it.key() == "analyticsOptIn"
                                                            ? "invalid value"
                                                            : "unknown or read-only property"}});
    }
  }
  if (!errors.empty()) return Problem(422, "validation.failed", "the update is not valid", errors);
  if (auto st = app.store.UpdateUser(req.principal->userId, name, opt_in); !st.ok()) return ErrorResponse(req, st.error());
  return Me(app, req);
}

Response CreateToken(App& app, Request& req) {
  auto body = ParseJsonObject(req);
  if (body.error) return *body.error;
  std::string name = Trim(StringField(body.value, "name"));
  if (name.empty() || name.size() > 100) {
    return Problem(422, "validation.failed", "name is required (1 to 100 characters)",
                   nlohmann::json::array({{{"path", "name"}, {"message", "required"}}}));
  }
  auto t = app.auth.CreateApiToken(req.principal->userId, name);
  if (!t) return ErrorResponse(req, t.error());
  Audit(app, req, "", "auth.token_create", t->first.id);
  nlohmann::ordered_json j = ApiTokenView(t->first);
  j["token"] = t->second;  // shown once
  return Json(201, j);
}

Response ListTokens(App& app, Request& req) {
  auto list = app.store.ListApiTokens(req.principal->userId);
  if (!list) return ErrorResponse(req, list.error());
  nlohmann::ordered_json j = nlohmann::ordered_json::array();
  for (const auto& t : *list) j.push_back(ApiTokenView(t));
  return Json(200, nlohmann::ordered_json{{"data", j}});
}

Response RevokeToken(App& app, Request& req) {
  auto st = app.store.RevokeApiToken(req.principal->userId, req.Param("id"), app.clock.NowMillis());
  if (!st.ok()) return ErrorResponse(req, st.error());
  Audit(app, req, "", "auth.token_revoke", req.Param("id"));
  return NoContent();
}

Response Analytics(App& app, Request& req) {
  auto body = ParseJsonObject(req);
  if (body.error) return *body.error;
  std::string name = StringField(body.value, "name");
  if (name.empty() || name.size() > 100) return Problem(422, "validation.failed", "name is required");
  auto user = app.store.GetUser(req.principal->userId);
  if (!user) return ErrorResponse(req, user.error());
  // Opt-in only: without consent nothing is stored.
  if (!user->analyticsOptIn) return Json(200, nlohmann::json{{"recorded", false}});
  nlohmann::json props = body.value.value("props", nlohmann::json::object());
  if (!props.is_object() || props.dump().size() > 4096) return Problem(422, "validation.failed", "props must be a small object");
  auto st = app.store.RecordAnalytics(store::AnalyticsEvent{app.clock.NowMillis(), user->id, name, props});
  if (!st.ok()) return ErrorResponse(req, st.error());
  return Json(200, nlohmann::json{{"recorded", true}});
}

}  // namespace

void AddAuthRoutes(App& app) {
  RouteOptions open{.auth = false, .rateLimit = "auth"};
  app.router.Add("POST", "/api/auth/register", [&app](Request& r) { return Register(app, r); }, open);
  app.router.Add("POST", "/api/auth/login", [&app](Request& r) { return Login(app, r); }, open);
  app.router.Add("POST", "/api/auth/refresh", [&app](Request& r) { return Refresh(app, r); }, open);
  app.router.Add("POST", "/api/auth/logout", [&app](Request& r) { return Logout(app, r); }, RouteOptions{.auth = false});
  app.router.Add("GET", "/api/auth/me", [&app](Request& r) { return Me(app, r); });
  app.router.Add("PATCH", "/api/auth/me", [&app](Request& r) { return UpdateMe(app, r); });
  app.router.Add("GET", "/api/auth/tokens", [&app](Request& r) { return ListTokens(app, r); });
  app.router.Add("POST", "/api/auth/tokens", [&app](Request& r) { return CreateToken(app, r); });
  app.router.Add("DELETE", "/api/auth/tokens/{id}", [&app](Request& r) { return RevokeToken(app, r); });
  app.router.Add("POST", "/api/analytics", [&app](Request& r) { return Analytics(app, r); });
}

}  // namespace bf::server
