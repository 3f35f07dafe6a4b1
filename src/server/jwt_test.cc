// Access tokens: every attack the issue lists (alg none, other algorithms, tampering, expiry,
// not-before, issuer, audience, malformed shapes) is refused.
#include "server/jwt.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "server/crypto.h"

namespace bf::server {
namespace {

const std::string kSecret(40, 's');
constexpr int64_t kNow = 1'700'000'000;

Jwt MakeJwt() { return Jwt(kSecret, "backendforge", "backendforge-api", 900); }

std::string Part(const nlohmann::json& j) { return Base64UrlEncode(j.dump()); }

// A token with any header and payload, signed (HS256) with `secret`.
std::string Forge(const nlohmann::json& header, const nlohmann::json& payload, const std::string& secret = kSecret) {
  std::string input = Part(header) + "." + Part(payload);
  return input + "." + Base64UrlEncode(HmacSha256(secret, input));
}

nlohmann::json GoodPayload() {
  return {{"iss", "backendforge"}, {"aud", "backendforge-api"}, {"sub", "u1"}, {"sid", "s1"},
          {"iat", kNow},          {"nbf", kNow},               {"exp", kNow + 900}};
}

std::string Code(const Result<JwtClaims>& r) { return r.ok() ? "ok" : r.error().code; }

TEST(Jwt, SignsAndVerifiesItsOwnTokens) {
  Jwt jwt = MakeJwt();
  std::string t = jwt.Sign(JwtClaims{.sub = "u1", .sid = "s1", .csrf = "c"}, kNow);
  auto c = jwt.Verify(t, kNow + 10);
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->sub, "u1");
  EXPECT_EQ(c->sid, "s1");
  EXPECT_EQ(c->csrf, "c");
  EXPECT_EQ(c->exp, kNow + 900);
  EXPECT_EQ(Code(jwt.Verify(Forge({{"alg", "HS256"}, {"typ", "JWT"}}, GoodPayload()), kNow)), "ok");
}

TEST(Jwt, RefusesAlgNoneAndEveryOtherAlgorithm) {
  Jwt jwt = MakeJwt();
  std::string none = Part({{"alg", "none"}, {"typ", "JWT"}}) + "." + Part(GoodPayload()) + ".";
  EXPECT_EQ(Code(jwt.Verify(none, kNow)), "auth.token_algorithm");
  std::string none_sig = Part({{"alg", "none"}}) + "." + Part(GoodPayload()) + "." + Base64UrlEncode("x");
  EXPECT_EQ(Code(jwt.Verify(none_sig, kNow)), "auth.token_algorithm");
  for (const char* alg : {"None", "NONE", "HS512", "HS384", "RS256", "ES256", "PS256"}) {
    EXPECT_EQ(Code(jwt.Verify(Forge({{"alg", alg}}, GoodPayload()), kNow)), "auth.token_algorithm") << alg;
  }
  EXPECT_EQ(Code(jwt.Verify(Forge({{"typ", "JWT"}}, GoodPayload()), kNow)), "auth.token_algorithm");
  EXPECT_EQ(Code(jwt.Verify(Forge({{"alg", nullptr}}, GoodPayload()), kNow)), "auth.token_algorithm");
  EXPECT_EQ(Code(jwt.Verify(Forge({{"alg", "HS256"}, {"crit", {"exp"}}}, GoodPayload()), kNow)), "auth.token_algorithm");
  EXPECT_EQ(Code(jwt.Verify(Forge({{"alg", "HS256"}, {"jku", "https://evil"}}, GoodPayload()), kNow)), "auth.token_algorithm");
}

TEST(Jwt, RefusesTamperedTokens) {
  Jwt jwt = MakeJwt();
  std::string t = jwt.Sign(JwtClaims{.sub = "u1", .sid = "s1"}, kNow);
  size_t d1 = t.find('.'), d2 = t.rfind('.');
  // Another payload under the old signature.
  auto p = GoodPayload();
  p["sub"] = "admin";
  std::string swapped = t.substr(0, d1) + "." + Part(p) + t.substr(d2);
  EXPECT_EQ(Code(jwt.Verify(swapped, kNow)), "auth.token_signature");
  // A flipped signature bit.
  std::string sig = *Base64UrlDecode(t.substr(d2 + 1));
  sig[0] = static_cast<char>(sig[0] ^ 1);
  EXPECT_EQ(Code(jwt.Verify(t.substr(0, d2 + 1) + Base64UrlEncode(sig), kNow)), "auth.token_signature");
  // Signed with another secret.
  EXPECT_EQ(Code(jwt.Verify(Forge({{"alg", "HS256"}}, GoodPayload(), std::string(40, 'x')), kNow)), "auth.token_signature");
  // A truncated signature.
  EXPECT_NE(Code(jwt.Verify(t.substr(0, t.size() - 4), kNow)), "ok");
}

TEST(Jwt, ChecksTimeIssuerAndAudience) {
  Jwt jwt = MakeJwt();
  auto with = [&](const char* k, nlohmann::json v) {
    auto p = GoodPayload();
    if (v.is_null()) {
      p.erase(k);
    } else {
      p[k] = v;
    }
    return jwt.Verify(Forge({{"alg", "HS256"}}, p), kNow);
  };
  EXPECT_EQ(Code(jwt.Verify(Forge({{"alg", "HS256"}}, GoodPayload()), kNow + 900)), "auth.token_expired");
  EXPECT_EQ(Code(with("exp", kNow - 1)), "auth.token_expired");
  EXPECT_EQ(Code(with("exp", nullptr)), "auth.token_malformed");
  EXPECT_EQ(Code(with("exp", "9999999999")), "auth.token_malformed");  // exp must be a number
  EXPECT_EQ(Code(with("nbf", kNow + 60)), "auth.token_not_yet_valid");
  EXPECT_EQ(Code(with("iat", kNow + 60)), "auth.token_not_yet_valid");
  EXPECT_EQ(Code(with("iss", "someone-else")), "auth.token_issuer");
  EXPECT_EQ(Code(with("iss", nullptr)), "auth.token_issuer");
  EXPECT_EQ(Code(with("aud", "another-api")), "auth.token_audience");
  EXPECT_EQ(Code(with("aud", nullptr)), "auth.token_audience");
  EXPECT_EQ(Code(with("aud", nlohmann::json::array({"x", "backendforge-api"}))), "ok");
  EXPECT_EQ(Code(with("aud", nlohmann::json::array({"x"}))), "auth.token_audience");
  EXPECT_EQ(Code(with("sub", nullptr)), "auth.token_malformed");
}

TEST(Jwt, RefusesMalformedShapes) {
  Jwt jwt = MakeJwt();
  std::string good = jwt.Sign(JwtClaims{.sub = "u1", .sid = "s1"}, kNow);
  for (const std::string& t : {std::string(""), std::string("abc"), std::string("a.b"), good + ".x", std::string("..."),
                               std::string("!!.!!.!!"), std::string(5000, 'a'), "eyJhbGciOiJIUzI1NiJ9=." + good}) {
    EXPECT_NE(Code(jwt.Verify(t, kNow)), "ok") << t.substr(0, 40);
  }
  std::string not_json = Base64UrlEncode("not json") + "." + Part(GoodPayload()) + ".x";
  EXPECT_EQ(Code(jwt.Verify(not_json, kNow)), "auth.token_malformed");
  std::string array_header = Forge(nlohmann::json::array({"HS256"}), GoodPayload());
  EXPECT_EQ(Code(jwt.Verify(array_header, kNow)), "auth.token_malformed");
}

}  // namespace
}  // namespace bf::server
