// Access tokens: compact JWS with HS256 only. Verification checks, in order: the shape (three
// base64url parts), the header's algorithm against an allow-list of one ("HS256"; "none",
// RS256 and everything else are refused), the signature (constant-time), then the claims
// exp, nbf, iss, aud (and that sub is present). Immutable after construction; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "common/result.h"

namespace bf::server {

struct JwtClaims {
  std::string sub;   // user id
  std::string sid;   // session id (refresh-token family)
  std::string csrf;  // CSRF value bound to this token (double-submit check for cookie logins)
  std::string jti;
  int64_t iat = 0;
  int64_t nbf = 0;
  int64_t exp = 0;
};

class Jwt {
 public:
  // `secret` must hold at least 32 bytes.
  Jwt(std::string secret, std::string issuer, std::string audience, int64_t ttl_seconds);

  // Signs `claims` with iss/aud added; iat/nbf/exp default to now .. now + ttl when zero.
  std::string Sign(JwtClaims claims, int64_t now) const;
  // Error codes: "auth.token_malformed", "auth.token_algorithm", "auth.token_signature",
  // "auth.token_expired", "auth.token_not_yet_valid", "auth.token_issuer", "auth.token_audience".
  Result<JwtClaims> Verify(std::string_view token, int64_t now) const;

  int64_t ttl() const { return ttl_; }

 private:
  std::string secret_;
  std::string issuer_;
  std::string audience_;
  int64_t ttl_;
};

}  // namespace bf::server
