// Accounts and credentials: registration, login with brute-force protection, refresh-token
// rotation with reuse detection, logout, personal API tokens, and turning a request's credential
// into a verified Principal. Thread-safe (state lives in the store).
#pragma once

#include <string>
#include <utility>

#include "common/result.h"
#include "server/clock.h"
#include "server/http.h"
#include "server/jwt.h"
#include "server/password.h"
#include "store/store.h"

namespace bf::server {

struct AuthOptions {
  int maxFailedLogins = 100;       // per account within `failureWindowSeconds`
  int64_t failureWindowSeconds = 3600;
  int64_t refreshTokenSeconds = 30LL * 24 * 3600;
};

// Cookie names used by the web UI.
inline constexpr const char* kAccessCookie = "bf_access";
inline constexpr const char* kRefreshCookie = "bf_refresh";
inline constexpr const char* kCsrfCookie = "bf_csrf";
inline constexpr const char* kCsrfHeader = "X-CSRF-Token";

struct IssuedTokens {
  std::string accessToken;
  std::string refreshToken;
  std::string csrf;  // also inside the access token (claim "csrf")
  int64_t expiresIn = 0;  // seconds until the access token expires
  std::string sessionId;
};

struct LoginResult {
  store::User user;
  IssuedTokens tokens;
};

class AuthService {
 public:
  AuthService(store::Store& store, PasswordHasher& hasher, const Jwt& jwt, const Clock& clock, AuthOptions options);

  // Creates the account and its personal workspace and logs it in. Inputs must be validated
  // (ValidateRegistration). Errors: "auth.email_taken", store errors.
  Result<LoginResult> Register(const std::string& email, const std::string& password, const std::string& name);
  // Errors: "auth.invalid_credentials" (same answer whether the email exists or not, after the
  // same work); "auth.locked" when the account had maxFailedLogins failures in the window, with
  // `retry_after` set to the seconds until the oldest of them leaves the window.
  Result<LoginResult> Login(const std::string& email, const std::string& password, int* retry_after);
  // Errors: "auth.invalid_refresh" (unknown, expired, revoked), "auth.refresh_reused" (the
  // token was already rotated: the whole session is now revoked).
  Result<IssuedTokens> Refresh(const std::string& refresh_token);
  // Revokes the session of `refresh_token` and/or `session_id` (either may be empty).
  Status Logout(const std::string& refresh_token, const std::string& session_id);

  // A new personal API token (returned once, stored hashed) for the CLI.
  Result<std::pair<store::ApiToken, std::string>> CreateApiToken(const std::string& user_id, const std::string& name);

  // The verified principal of a request: `Authorization: Bearer <JWT | bfp_ API token>`, else
  // the access cookie. Errors: "auth.required" (no credential), the Jwt::Verify codes,
  // "auth.session_revoked", "auth.invalid_token".
  Result<Principal> Authenticate(const Request& req);
  Result<Principal> AuthenticateToken(const std::string& token, Principal::Via via);

  // Field errors of a registration body as [{"path","message"}] (empty = valid).
  static nlohmann::json ValidateRegistration(const nlohmann::json& body);
  static std::string NormalizeEmail(const std::string& email);

  const Jwt& jwt() const { return jwt_; }

 private:
  Result<IssuedTokens> StartSession(const std::string& user_id);
  IssuedTokens AccessFor(const std::string& user_id, const std::string& session_id);

  store::Store& store_;
  PasswordHasher& hasher_;
  const Jwt& jwt_;
  const Clock& clock_;
  AuthOptions options_;
};

}  // namespace bf::server
