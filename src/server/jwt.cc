#include "server/jwt.h"

#include <nlohmann/json.hpp>

#include "server/crypto.h"

namespace bf::server {

namespace {

constexpr size_t kMaxTokenBytes = 4096;
constexpr int64_t kClockSkew = 5;  // seconds of tolerance for nbf/iat set by this same server

Error Bad(std::string code, std::string message) { return MakeError(std::move(code), std::move(message)); }

}  // namespace

Jwt::Jwt(std::string secret, std::string issuer, std::string audience, int64_t ttl_seconds)
    : secret_(std::move(secret)), issuer_(std::move(issuer)), audience_(std::move(audience)), ttl_(ttl_seconds) {}

std::string Jwt::Sign(JwtClaims c, int64_t now) const {
  if (c.iat == 0) c.iat = now;
  if (c.nbf == 0) c.nbf = now;
  if (c.exp == 0) c.exp = now + ttl_;
  nlohmann::ordered_json header = {{"alg", "HS256"}, {"typ", "JWT"}};
  nlohmann::ordered_json payload = {{"iss", issuer_}, {"aud", audience_}, {"sub", c.sub}, {"iat", c.iat},
                                    {"nbf", c.nbf},   {"exp", c.exp}};
  if (!c.sid.empty()) payload["sid"] = c.sid;
  if (!c.csrf.empty()) payload["csrf"] = c.csrf;
  if (!c.jti.empty()) payload["jti"] = c.jti;
  std::string signing_input = Base64UrlEncode(header.dump()) + "." + Base64UrlEncode(payload.dump());
  return signing_input + "." + Base64UrlEncode(HmacSha256(secret_, signing_input));
}

Result<JwtClaims> Jwt::Verify(std::string_view token, int64_t now) const {
  if (token.empty() || token.size() > kMaxTokenBytes) return Bad("auth.token_malformed", "the token is malformed");
  size_t d1 = token.find('.');
  size_t d2 = d1 == std::string_view::npos ? d1 : token.find('.', d1 + 1);
  if (d2 == std::string_view::npos || token.find('.', d2 + 1) != std::string_view::npos) {
    return Bad("auth.token_malformed", "the token is malformed");
  }
  auto header_text = Base64UrlDecode(token.substr(0, d1));
  auto payload_text = Base64UrlDecode(token.substr(d1 + 1, d2 - d1 - 1));
  auto signature = Base64UrlDecode(token.substr(d2 + 1));
  if (!header_text || !payload_text || !signature) return Bad("auth.token_malformed", "the token is malformed");

  auto header = nlohmann::json::parse(*header_text, nullptr, false);
  if (!header.is_object()) return Bad("auth.token_malformed", "the token header is not a JSON object");
  // The algorithm allow-list: exactly HS256. "none", "HS512", "RS256" (key confusion) and any
  // header that asks for special processing are refused before the signature is looked at.
  auto alg = header.find("alg");
  if (alg == header.end() || !alg->is_string() || *alg != "HS256") {
    return Bad("auth.token_algorithm", "the token algorithm is not accepted");
  }
  if (header.contains("crit") || header.contains("jku") || header.contains("jwk") || header.contains("x5u")) {
    return Bad("auth.token_algorithm", "the token header asks for unsupported processing");
  }
  if (auto typ = header.find("typ"); typ != header.end() && (!typ->is_string() || *typ != "JWT")) {
    return Bad("auth.token_malformed", "the token type is not JWT");
  }
  std::string expected = HmacSha256(secret_, token.substr(0, d2));
  if (!ConstantTimeEquals(expected, *signature)) return Bad("auth.token_signature", "the token signature is invalid");

  auto p = nlohmann::json::parse(*payload_text, nullptr, false);
  if (!p.is_object()) return Bad("auth.token_malformed", "the token payload is not a JSON object");
  auto str = [&](const char* k) -> std::string {
    auto it = p.find(k);
    return it != p.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  auto num = [&](const char* k) -> std::optional<int64_t> {
    auto it = p.find(k);
    if (it == p.end() || !it->is_number_integer()) return std::nullopt;
    return it->get<int64_t>();
  };
  auto exp = num("exp");
  auto iat = num("iat");
  if (!exp || !iat) return Bad("auth.token_malformed", "the token lacks exp or iat");
  if (now >= *exp) return Bad("auth.token_expired", "the token has expired");
  auto nbf = num("nbf");
  if (nbf && *nbf > now + kClockSkew) return Bad("auth.token_not_yet_valid", "the token is not valid yet");
  if (*iat > now + kClockSkew) return Bad("auth.token_not_yet_valid", "the token was issued in the future");
  if (str("iss") != issuer_) return Bad("auth.token_issuer", "the token issuer is not accepted");
  bool aud_ok = false;
  if (auto aud = p.find("aud"); aud != p.end()) {
    if (aud->is_string()) aud_ok = *aud == audience_;
    if (aud->is_array()) {
      for (const auto& a : *aud) aud_ok = aud_ok || (a.is_string() && a == audience_);
    }
  }
  if (!aud_ok) return Bad("auth.token_audience", "the token audience is not accepted");
  JwtClaims c;
  c.sub = str("sub");
  if (c.sub.empty()) return Bad("auth.token_malformed", "the token lacks a subject");
  c.sid = str("sid");
  c.csrf = str("csrf");
  c.jti = str("jti");
  c.iat = *iat;
  c.nbf = nbf.value_or(*iat);
  c.exp = *exp;
  return c;
}

}  // namespace bf::server
