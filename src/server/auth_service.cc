#include "server/auth_service.h"

#include <algorithm>

#include "common/strings.h"
#include "server/crypto.h"
#include "store/ids.h"

namespace bf::server {

namespace {

constexpr const char* kRefreshPrefix = "bfr_";
constexpr const char* kApiTokenPrefix = "bfp_";

bool LooksLikeEmail(const std::string& e) {
  if (e.size() < 3 || e.size() > 254) return false;
  size_t at = e.find('@');
  if (at == std::string::npos || at == 0 || at != e.rfind('@') || at + 1 >= e.size()) return false;
  std::string domain = e.substr(at + 1);
  if (domain.find('.') == std::string::npos || domain.front() == '.' || domain.back() == '.') return false;
  return std::none_of(e.begin(), e.end(), [](unsigned char c) { return c <= ' ' || c == 0x7f; });
}

size_t Utf8Length(const std::string& s) {
  return static_cast<size_t>(std::count_if(s.begin(), s.end(), [](unsigned char c) { return (c & 0xC0) != 0x80; }));
}

}  // namespace

AuthService::AuthService(store::Store& store, PasswordHasher& hasher, const Jwt& jwt, const Clock& clock,
                         AuthOptions options)
    : store_(store), hasher_(hasher), jwt_(jwt), clock_(clock), options_(options) {}

std::string AuthService::NormalizeEmail(const std::string& email) { return ToLower(Trim(email)); }

nlohmann::json AuthService::ValidateRegistration(const nlohmann::json& body) {
  nlohmann::json errors = nlohmann::json::array();
  auto field = [&](const char* k) -> const nlohmann::json* {
    auto it = body.find(k);
    return it == body.end() ? nullptr : &*it;
  };
  const auto* email = field("email");
  if (!email || !email->is_string()) {
    errors.push_back({{"path", "email"}, {"message", "required: an email address"}});
  } else if (!LooksLikeEmail(NormalizeEmail(email->get<std::string>()))) {
    errors.push_back({{"path", "email"}, {"message", "not a valid email address"}});
  }
  const auto* password = field("password");
  if (!password || !password->is_string()) {
    errors.push_back({{"path", "password"}, {"message", "required: 8 to 128 characters"}});
  } else {
    size_t n = Utf8Length(password->get<std::string>());
    if (n < 8 || n > 128) errors.push_back({{"path", "password"}, {"message", "must be 8 to 128 characters long"}});
  }
  const auto* name = field("name");
  if (!name || !name->is_string() || Trim(name->get<std::string>()).empty()) {
    errors.push_back({{"path", "name"}, {"message", "required: 1 to 100 characters"}});
  } else if (Utf8Length(name->get<std::string>()) > 100) {
    errors.push_back({{"path", "name"}, {"message", "must be at most 100 characters long"}});
  }
  for (auto it = body.begin(); it != body.end(); ++it) {
    if (it.key() != "email" && it.key() != "password" && it.key() != "name") {
      errors.push_back({{"path", it.key()}, {"message", "unknown property"}});
    }
  }
  return errors;
}

IssuedTokens AuthService::AccessFor(const std::string& user_id, const std::string& session_id) {
  IssuedTokens t;
  t.sessionId = session_id;
  t.csrf = RandomToken("", 24);
  JwtClaims c;
  c.sub = user_id;
  c.sid = session_id;
  c.csrf = t.csrf;
  c.jti = store::NewId();
  t.accessToken = jwt_.Sign(c, clock_.NowSeconds());
  t.expiresIn = jwt_.ttl();
  return t;
}

Result<IssuedTokens> AuthService::StartSession(const std::string& user_id) {
  int64_t now = clock_.NowMillis();
  store::Session s{store::NewId(), user_id, now, now + options_.refreshTokenSeconds * 1000, 0};
  std::string refresh = RandomToken(kRefreshPrefix, 32);
  store::RefreshToken rt{Sha256Hex(refresh), s.id, user_id, now, s.expiresAt, 0};
  if (auto st = store_.CreateSession(s, rt); !st.ok()) return st.error();
  IssuedTokens t = AccessFor(user_id, s.id);
  t.refreshToken = refresh;
  return t;
}

Result<LoginResult> AuthService::Register(const std::string& email_in, const std::string& password, const std::string& name) {
  std::string email = NormalizeEmail(email_in);
  auto hash = hasher_.Hash(password);
  if (!hash) return hash.error();
  int64_t now = clock_.NowMillis();
  store::User u{store::NewId(), email, Trim(name), *hash, false, now};
  store::Workspace ws{store::NewId(), u.name + "'s workspace", true, u.id, now};
  if (auto st = store_.CreateUser(u, ws); !st.ok()) {
    if (st.error().code == "store.conflict") {
      return MakeError("auth.email_taken", "an account with this email already exists; log in instead");
    }
    return st.error();
  }
  auto tokens = StartSession(u.id);
  if (!tokens) return tokens.error();
  return LoginResult{u, *tokens};
}

Result<LoginResult> AuthService::Login(const std::string& email_in, const std::string& password, int* retry_after) {
  std::string email = NormalizeEmail(email_in);
  int64_t now = clock_.NowMillis();
  int64_t window = options_.failureWindowSeconds * 1000;
  auto failures = store_.CountLoginFailures(email, now - window);
  if (!failures) return failures.error();
  if (failures->count >= options_.maxFailedLogins) {
    if (retry_after) *retry_after = static_cast<int>(std::max<int64_t>(1, (failures->oldest + window - now + 999) / 1000));
    return MakeError("auth.locked", "too many failed logins for this account; try again later");
  }
  auto user = store_.FindUserByEmail(email);
  bool ok = false;
  if (user.ok()) {
    ok = hasher_.Verify(user->passwordHash, password);
  } else if (user.error().code == "store.not_found") {
    hasher_.VerifyDummy(password);  // same work as a real check: no account enumeration by timing
  } else {
    return user.error();
  }
  if (!ok) {
    if (auto st = store_.RecordLoginFailure(email, now); !st.ok()) return st.error();
    return MakeError("auth.invalid_credentials", "wrong email or password");
  }
  auto tokens = StartSession(user->id);
  if (!tokens) return tokens.error();
  return LoginResult{*user, *tokens};
}

Result<IssuedTokens> AuthService::Refresh(const std::string& refresh_token) {
  if (refresh_token.rfind(kRefreshPrefix, 0) != 0 || refresh_token.size() > 200) {
    return MakeError("auth.invalid_refresh", "the refresh token is not valid; log in again");
  }
  int64_t now = clock_.NowMillis();
  std::string next = RandomToken(kRefreshPrefix, 32);
  store::RefreshToken rt{Sha256Hex(next), "", "", now, now + options_.refreshTokenSeconds * 1000, 0};
  auto r = store_.RotateRefreshToken(Sha256Hex(refresh_token), rt, now);
  if (!r) return r.error();
  switch (r->outcome) {
    case store::RefreshOutcome::kRotated: {
      IssuedTokens t = AccessFor(r->userId, r->sessionId);
      t.refreshToken = next;
      return t;
    }
    case store::RefreshOutcome::kReused:
      return MakeError("auth.refresh_reused",
                       "this refresh token was already used; the session has been revoked, log in again");
    default:
      return MakeError("auth.invalid_refresh", "the refresh token is not valid; log in again");
  }
}

Status AuthService::Logout(const std::string& refresh_token, const std::string& session_id) {
  int64_t now = clock_.NowMillis();
  if (!refresh_token.empty()) {
    auto s = store_.SessionOfRefreshToken(Sha256Hex(refresh_token));
    if (s.ok()) {
      if (auto st = store_.RevokeSession(*s, now); !st.ok()) return st;
    }
  }
  if (!session_id.empty()) return store_.RevokeSession(session_id, now);
  return Status::Ok();
}

Result<std::pair<store::ApiToken, std::string>> AuthService::CreateApiToken(const std::string& user_id,
                                                                          const std::string& name) {
  std::string token = RandomToken(kApiTokenPrefix, 32);
  store::ApiToken t{store::NewId(), user_id, name, Sha256Hex(token), token.substr(0, 10), clock_.NowMillis(), 0, 0};
  if (auto st = store_.CreateApiToken(t); !st.ok()) return st.error();
  return std::make_pair(t, token);
}

Result<Principal> AuthService::AuthenticateToken(const std::string& token, Principal::Via via) {
  if (token.rfind(kApiTokenPrefix, 0) == 0) {
    if (via == Principal::Via::kCookie) return MakeError("auth.invalid_token", "API tokens are not accepted in cookies");
    auto t = store_.UseApiToken(Sha256Hex(token), clock_.NowMillis());
    if (!t) {
      if (t.error().code == "store.not_found") return MakeError("auth.invalid_token", "the API token is not valid");
      return t.error();
    }
    return Principal{t->userId, "", Principal::Via::kApiToken, ""};
  }
  auto claims = jwt_.Verify(token, clock_.NowSeconds());
  if (!claims) return claims.error();
  if (claims->sid.empty()) return MakeError("auth.invalid_token", "the token has no session");
  // Logout and refresh-token reuse revoke the session: its access tokens stop working at once.
  auto s = store_.GetSession(claims->sid);
  if (!s) {
    if (s.error().code == "store.not_found") return MakeError("auth.session_revoked", "the session has ended; log in again");
    return s.error();
  }
  if (s->revokedAt != 0 || s->userId != claims->sub || s->expiresAt <= clock_.NowMillis()) {
    return MakeError("auth.session_revoked", "the session has ended; log in again");
  }
  return Principal{claims->sub, claims->sid, via, claims->csrf};
}

Result<Principal> AuthService::Authenticate(const Request& req) {
  std::string authz = req.headers.Get("Authorization");
  if (!authz.empty()) {
    if (authz.size() < 8 || !EqualsIgnoreCase(authz.substr(0, 7), "Bearer ")) {
      return MakeError("auth.invalid_token", "use Authorization: Bearer <token>");
    }
    return AuthenticateToken(Trim(authz.substr(7)), Principal::Via::kBearer);
  }
  if (auto cookie = req.Cookie(kAccessCookie); cookie && !cookie->empty()) {
    return AuthenticateToken(*cookie, Principal::Via::kCookie);
  }
  return MakeError("auth.required", "log in first: send Authorization: Bearer <access token>");
}

}  // namespace bf::server
