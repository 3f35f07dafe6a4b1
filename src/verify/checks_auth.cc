// Registration, login, /auth/me, token validation and refresh-token rotation.
#include <cmath>

#include "common/strings.h"
#include "verify/checks.h"
#include "verify/expect.h"
#include "verify/jwt.h"

namespace bf::verify {

namespace {

constexpr const char* kLoginCheck = "auth: login";
constexpr const char* kJwtCheck = "auth: access token is an HS256 JWT with the contract's claims";
constexpr const char* kRotateCheck = "auth: refresh rotates the token pair";
constexpr const char* kRotatedRejectedCheck = "auth: a rotated refresh token is rejected";
constexpr const char* kSession =
    "alice-session";  // a second sign-in of the owner, for refresh checks

// The AuthResponse of the contract, with a user that leaks no secret.
Failure ExpectAuthResponse(const Context& ctx, const Exchange& ex, int status,
                           const std::string& expected, nlohmann::json& body) {
  if (auto f = ExpectStatus(ex, status, expected)) return f;
  if (auto f = ExpectJson(ex, expected, body)) return f;
  for (const char* key : {"accessToken", "refreshToken"}) {
    if (!body.contains(key) || !body[key].is_string() || body[key].get<std::string>().empty()) {
      return Fail(std::string("no \"") + key + "\" string in the answer", expected, ex);
    }
  }
  if (ToLower(StrOf(body, "tokenType")) != "bearer") {
    return Fail("\"tokenType\" is " +
                    (body.contains("tokenType") ? body["tokenType"].dump() : "missing") +
                    ", not \"Bearer\"",
                expected, ex);
  }
  if (!body.contains("expiresIn") || !body["expiresIn"].is_number_integer() ||
      body["expiresIn"].get<int64_t>() <= 0) {
    return Fail("\"expiresIn\" is not a positive integer of seconds", expected, ex);
  }
  if (!body.contains("user") || !body["user"].is_object())
    return Fail("no \"user\" object in the answer", expected, ex);
  const auto& user = body["user"];
  if (!IsUuid(StrOf(user, "id"))) return Fail("user.id is not a UUID", expected, ex);
  (void)ctx;
  return std::nullopt;
}

Principal FromAuth(const nlohmann::json& body, const std::string& identity,
                   const std::string& password) {
  Principal p;
  p.id = StrOf(body["user"], "id");
  p.identity = identity;
  p.password = password;
  p.accessToken = StrOf(body, "accessToken");
  p.refreshToken = StrOf(body, "refreshToken");
  p.role = StrOf(body["user"], "role");
  p.user = body["user"];
  p.answer = body;
  return p;
}

Outcome Register(Context& ctx, const std::string& key, int seq) {
  nlohmann::json sent = ctx.RegisterBody(seq);
  std::string expected =
      "201 with {accessToken, refreshToken, tokenType: \"Bearer\", expiresIn, user} and the user's "
      "role \"" +
      ctx.spec.auth.defaultRole + "\"";
  Exchange ex = ctx.Send("POST", "/auth/register", sent);
  nlohmann::json body;
  if (auto f = ExpectAuthResponse(ctx, ex, 201, expected, body)) return *f;
  const auto& user = body["user"];
  const std::string& id_field = ctx.spec.auth.identityField;
  if (!SameValue(ctx.spec.FindEntity(ctx.spec.auth.userEntity)->FindField(id_field), sent[id_field],
                 user.value(id_field, nlohmann::json()))) {
    return Fail("user." + id_field + " is " + user.value(id_field, nlohmann::json()).dump() +
                    ", sent " + sent[id_field].dump(),
                expected, ex);
  }
  if (StrOf(user, "role") != ctx.spec.auth.defaultRole) {
    return Fail("user.role is " + user.value("role", nlohmann::json()).dump(), expected, ex);
  }
  ctx.principals[key] = FromAuth(body, ctx.Identity(seq), ctx.Password(seq));
  ctx.records[ctx.model.userEntity].push_back(Record{user, key, seq});
  return Pass();
}

Outcome Login(Context& ctx, const std::string& identity, const std::string& password, int status,
              const std::string& expected, nlohmann::json* out = nullptr) {
  nlohmann::json req = {{ctx.spec.auth.identityField, identity}, {"password", password}};
  Exchange ex = ctx.Send("POST", "/auth/login", req);
  if (status != 200) {
    if (auto f = ExpectProblem(ex, status, expected)) return *f;
    return Pass();
  }
  nlohmann::json body;
  if (auto f = ExpectAuthResponse(ctx, ex, 200, expected, body)) return *f;
  if (out) *out = body;
  return Pass();
}

// GET /auth/me with an Authorization header value; 401 problem expected for each.
Outcome AllRejected(Context& ctx, const std::vector<ForgedToken>& tokens, bool bearer_prefix) {
  if (tokens.empty()) return Skip("no tokens of this kind could be made from the access token");
  for (const auto& t : tokens) {
    std::string header = bearer_prefix ? "Bearer " + t.token : t.token;
    Exchange ex = ctx.SendRaw("GET", "/auth/me", std::nullopt, {{"Authorization", header}});
    if (auto f = ExpectProblem(ex, 401, "401 problem for a token with " + t.name)) {
      f->message = t.name + ": " + f->message;
      return *f;
    }
  }
  return Pass(std::to_string(tokens.size()) + " tokens rejected");
}

std::vector<ForgedToken> Forged(const Context& ctx, const std::string& kind) {
  std::vector<ForgedToken> out;
  const Principal* p = ctx.Who(kOwner);
  if (!p) return out;
  for (auto& t : ForgeInvalidTokens(p->accessToken, ctx.spec.auth.adminRole)) {
    if (t.kind == kind) out.push_back(t);
  }
  return out;
}

Outcome Refresh(Context& ctx, const std::string& token, int status, const std::string& expected,
                nlohmann::json* out) {
  Exchange ex = ctx.Send("POST", "/auth/refresh", nlohmann::json{{"refreshToken", token}});
  if (status != 200) {
    if (auto f = ExpectProblem(ex, status, expected)) return *f;
    return Pass();
  }
  nlohmann::json body;
  if (auto f = ExpectAuthResponse(ctx, ex, 200, expected, body)) return *f;
  if (out) *out = body;
  return Pass();
}

}  // namespace

void AddAuthChecks(Context& ctx, std::vector<Check>& out) {
  if (!ctx.model.auth) return;
  const std::string idf = ctx.spec.auth.identityField;
  out.push_back({kRegisterCheck, "auth", {}, [&ctx] { return Register(ctx, kOwner, 1); }});
  out.push_back({kRegisterOtherCheck, "auth", {}, [&ctx] { return Register(ctx, kOther, 2); }});
  out.push_back(
      {kJwtCheck, "auth", {kRegisterCheck}, [&ctx] {
         const Principal& p = *ctx.Who(kOwner);
         std::string expected =
             "a JWT signed with HS256 whose claims are sub (the user id), role, iat, exp (" +
             std::to_string(ctx.spec.auth.accessTokenMinutes) + " minutes after iat), iss and aud";
         auto jwt = DecodeJwt(p.accessToken);
         if (!jwt)
           return Fail("the access token is not a JWT: " + p.accessToken.substr(0, 60), expected);
         if (StrOf(jwt->header, "alg") != "HS256") {
           return Fail("the token's alg is " + jwt->header.value("alg", nlohmann::json()).dump(),
                       expected);
         }
         const auto& c = jwt->payload;
         if (StrOf(c, "sub") != p.id)
           return Fail(
               "sub is " + c.value("sub", nlohmann::json()).dump() + ", not the user id " + p.id,
               expected);
         if (StrOf(c, "role") != ctx.spec.auth.defaultRole)
           return Fail("role claim is " + c.value("role", nlohmann::json()).dump(), expected);
         for (const char* k : {"iat", "exp"}) {
           if (!c.contains(k) || !c[k].is_number())
             return Fail(std::string("no numeric ") + k + " claim", expected);
         }
         for (const char* k : {"iss", "aud"}) {
           if (!c.contains(k)) return Fail(std::string("no ") + k + " claim", expected);
         }
         double life = c["exp"].get<double>() - c["iat"].get<double>();
         double want = ctx.spec.auth.accessTokenMinutes * 60.0;
         if (std::fabs(life - want) > 5) {
           return Fail("the token lives " + std::to_string(static_cast<int64_t>(life)) +
                           " s, the spec says " + std::to_string(static_cast<int64_t>(want)) + " s",
                       expected);
         }
         return Pass();
       }});
  out.push_back({"auth: register cannot choose a role", "auth", {}, [&ctx] {
                   nlohmann::json body = ctx.RegisterBody(4);
                   body["role"] = ctx.spec.auth.adminRole;
                   std::string expected =
                       "422 (role is not a registration field) or 201 with role \"" +
                       ctx.spec.auth.defaultRole + "\"";
                   Exchange ex = ctx.Send("POST", "/auth/register", body);
                   if (ex.response && ex.response->status == 422) {
                     if (auto f = ExpectProblem(ex, 422, expected)) return *f;
                     return Pass("rejected with 422");
                   }
                   if (auto f = RefusedWith400(ex, "role", expected)) return *f;
                   if (auto f = ExpectStatus(ex, 201, expected)) return *f;
                   nlohmann::json got = nlohmann::json::parse(ex.response->body, nullptr, false);
                   std::string role =
                       got.is_object() && got.contains("user") ? StrOf(got["user"], "role") : "";
                   if (role != ctx.spec.auth.defaultRole) {
                     return Fail("the account was created with role \"" + role +
                                     "\" taken from the request body",
                                 expected, ex);
                   }
                   return Pass("role ignored");
                 }});
  out.push_back(
      {"auth: duplicate register is 409", "auth", {kRegisterCheck}, [&ctx] {
         Exchange ex = ctx.Send("POST", "/auth/register", ctx.RegisterBody(1));
         if (auto f = ExpectProblem(
                 ex, 409, "409 problem: the " + ctx.spec.auth.identityField + " is taken"))
           return *f;
         return Pass();
       }});
  auto invalid_register = [&ctx, &out](const std::string& name, const std::string& field,
                                       std::function<void(nlohmann::json&)> edit) {
    out.push_back({name, "auth", {}, [&ctx, field, edit] {
                     nlohmann::json body = ctx.RegisterBody(5);
                     edit(body);
                     std::string expected = "422 problem whose errors name " + field;
                     Exchange ex = ctx.Send("POST", "/auth/register", body);
                     if (auto f = ExpectProblem(ex, 422, expected)) return *f;
                     if (auto f = ExpectFieldError(ex, field, expected)) return *f;
                     return Pass();
                   }});
  };
  invalid_register("auth: register rejects a short password", "password",
                   [](nlohmann::json& b) { b["password"] = "short"; });
  invalid_register("auth: register rejects a missing password", "password",
                   [](nlohmann::json& b) { b.erase("password"); });
  invalid_register("auth: register rejects an unknown property", "verifyUnknownProperty",
                   [](nlohmann::json& b) { b["verifyUnknownProperty"] = true; });
  const spec::Entity* user = ctx.spec.FindEntity(ctx.spec.auth.userEntity);
  const spec::Field* idfield = user ? user->FindField(idf) : nullptr;
  if (idfield && idfield->type == spec::FieldType::kEmail) {
    invalid_register("auth: register rejects an invalid " + idf, idf,
                     [idf](nlohmann::json& b) { b[idf] = "not-an-email"; });
  }

  out.push_back({kLoginCheck, "auth", {kRegisterCheck}, [&ctx] {
                   const Principal& p = *ctx.Who(kOwner);
                   nlohmann::json body;
                   Outcome o = Login(ctx, p.identity, p.password, 200,
                                     "200 with the AuthResponse of the same user", &body);
                   if (o.verdict != Verdict::kPass) return o;
                   if (StrOf(body["user"], "id") != p.id) {
                     return Fail("signed in as user " + StrOf(body["user"], "id") +
                                     ", registered as " + p.id,
                                 "the registered user");
                   }
                   ctx.principals[kSession] = FromAuth(body, p.identity, p.password);
                   return Pass();
                 }});
  out.push_back({"auth: login with a wrong password is 401", "auth", {kRegisterCheck}, [&ctx] {
                   const Principal& p = *ctx.Who(kOwner);
                   return Login(ctx, p.identity, p.password + "-wrong", 401, "401 problem");
                 }});
  out.push_back({"auth: login with an unknown account is 401", "auth", {}, [&ctx] {
                   return Login(ctx, ctx.Identity(99), ctx.Password(99), 401, "401 problem");
                 }});
  out.push_back({"auth: me", "auth", {kRegisterCheck}, [&ctx] {
                   const Principal& p = *ctx.Who(kOwner);
                   std::string expected = "200 with the signed-in user and no password hash";
                   Exchange ex = ctx.Send("GET", "/auth/me", std::nullopt, kOwner);
                   if (auto f = ExpectStatus(ex, 200, expected)) return *f;
                   nlohmann::json body;
                   if (auto f = ExpectJson(ex, expected, body)) return *f;
                   if (StrOf(body, "id") != p.id)
                     return Fail(
                         "id is " + body.value("id", nlohmann::json()).dump() + ", not " + p.id,
                         expected, ex);
                   return Pass();
                 }});
  out.push_back({"auth: no password hash in any answer", "auth", {kRegisterCheck}, [&ctx] {
                   std::string expected =
                       "user objects without any password, hash or salt property";
                   const Principal& p = *ctx.Who(kOwner);
                   std::string leak = LeakedSecret(p.answer);
                   if (!leak.empty())
                     return Fail("the /auth/register answer exposes " + leak, expected);
                   if (const Principal* s = ctx.Who(kSession)) {
                     leak = LeakedSecret(s->answer);
                     if (!leak.empty())
                       return Fail("the /auth/login answer exposes " + leak, expected);
                   }
                   std::string users = ctx.model.Find(ctx.model.userEntity)->route;
                   for (const std::string& target :
                        {std::string("/auth/me"), users + "/" + p.id, users + "?limit=100"}) {
                     Exchange ex = ctx.Send("GET", target, std::nullopt, kOwner);
                     nlohmann::json body = nlohmann::json::parse(
                         ex.response ? ex.response->body : "", nullptr, false);
                     leak = LeakedSecret(body);
                     if (!leak.empty())
                       return Fail("GET " + target + " exposes " + leak, expected, ex);
                   }
                   return Pass();
                 }});
  out.push_back({"auth: me without a token is 401", "auth", {}, [&ctx] {
                   Exchange ex = ctx.Send("GET", "/auth/me", std::nullopt);
                   if (auto f = ExpectProblem(ex, 401, "401 problem")) return *f;
                   return Pass();
                 }});
  out.push_back({"auth: malformed tokens are rejected", "auth", {}, [&ctx] {
                   return AllRejected(ctx, MalformedAuthorizations(), false);
                 }});
  out.push_back({"auth: alg none tokens are rejected", "auth", {kJwtCheck}, [&ctx] {
                   return AllRejected(ctx, Forged(ctx, "none"), true);
                 }});
  out.push_back({"auth: tampered tokens are rejected", "auth", {kJwtCheck}, [&ctx] {
                   return AllRejected(ctx, Forged(ctx, "tampered"), true);
                 }});
  out.push_back({"auth: expired token is rejected", "auth", {kJwtCheck}, [&ctx] {
                   return AllRejected(ctx, Forged(ctx, "expired"), true);
                 }});
  out.push_back(
      {kRotateCheck, "auth", {kLoginCheck}, [&ctx] {
         Principal& s = ctx.principals[kSession];
         nlohmann::json body;
         Outcome o = Refresh(ctx, s.refreshToken, 200, "200 with a new token pair", &body);
         if (o.verdict != Verdict::kPass) return o;
         std::string fresh = StrOf(body, "refreshToken");
         if (fresh == s.refreshToken) {
           return Fail(
               "the refresh token was not rotated: the answer returned the same refresh token",
               "a new refresh token on every refresh");
         }
         Principal next = FromAuth(body, s.identity, s.password);
         ctx.principals["alice-rotated"] = next;
         Exchange me = ctx.Send("GET", "/auth/me", std::nullopt, "alice-rotated");
         if (auto f = ExpectStatus(me, 200, "the new access token works on /auth/me")) return *f;
         return Pass();
       }});
  out.push_back({kRotatedRejectedCheck, "auth", {kRotateCheck}, [&ctx] {
                   return Refresh(ctx, ctx.principals[kSession].refreshToken, 401,
                                  "401 problem: a refresh token works once", nullptr);
                 }});
  out.push_back(
      {"auth: reusing a rotated token revokes its family", "auth", {kRotatedRejectedCheck}, [&ctx] {
         return Refresh(
             ctx, ctx.principals["alice-rotated"].refreshToken, 401,
             "401 problem: after the reuse of a rotated token, the newer token of the same family "
             "is revoked too",
             nullptr);
       }});
  out.push_back({"auth: unknown refresh token is rejected", "auth", {}, [&ctx] {
                   return Refresh(ctx, "verify-not-a-refresh-token-" + ctx.run, 401, "401 problem",
                                  nullptr);
                 }});
  out.push_back({kAdminCheck, "auth", {}, [&ctx] {
                   if (ctx.options.adminIdentity.empty() || ctx.options.adminPassword.empty()) {
                     return Skip(
                         "no admin credentials (--admin-email/--admin-password or "
                         "ADMIN_EMAIL/ADMIN_PASSWORD)");
                   }
                   nlohmann::json body;
                   Outcome o = Login(ctx, ctx.options.adminIdentity, ctx.options.adminPassword, 200,
                                     "200: the ADMIN_EMAIL account exists from the start", &body);
                   if (o.verdict != Verdict::kPass) return o;
                   Principal p =
                       FromAuth(body, ctx.options.adminIdentity, ctx.options.adminPassword);
                   if (p.role != ctx.spec.auth.adminRole) {
                     return Fail("the admin account has role \"" + p.role + "\"",
                                 "role \"" + ctx.spec.auth.adminRole + "\"");
                   }
                   ctx.principals[kAdmin] = p;
                   return Pass();
                 }});
}

void AddThrottleCheck(Context& ctx, std::vector<Check>& out) {
  if (!ctx.model.auth) return;
  out.push_back(
      {"auth: repeated failed logins are throttled", "auth", {}, [&ctx] {
         constexpr int kAttempts = 50;
         nlohmann::json body = ctx.RegisterBody(88);
         Exchange reg = ctx.Send("POST", "/auth/register", body);
         if (auto f = ExpectStatus(reg, 201, "201 (registering the account to attack)")) return *f;
         std::string expected = "429 problem with Retry-After within " + std::to_string(kAttempts) +
                                " failed logins of one account";
         nlohmann::json wrong = {{ctx.spec.auth.identityField, body[ctx.spec.auth.identityField]},
                                 {"password", "wrong-password-verify"}};
         Exchange ex;
         for (int i = 1; i <= kAttempts; ++i) {
           ex = ctx.Send("POST", "/auth/login", wrong);
           if (!ex.response) return Fail("no response: " + ex.transportError, expected, ex);
           if (ex.response->status == 429) {
             if (auto f = ExpectProblem(ex, 429, expected)) return *f;
             if (ex.response->Header("retry-after").empty())
               return Fail("429 without a Retry-After header", expected, ex);
             return Pass("throttled after " + std::to_string(i) + " attempts");
           }
           if (ex.response->status != 401)
             return Fail("a failed login answered " + std::to_string(ex.response->status), expected,
                         ex);
         }
         return Fail(std::to_string(kAttempts) + " failed logins in a row were all answered 401",
                     expected, ex);
       }});
}

}  // namespace bf::verify
