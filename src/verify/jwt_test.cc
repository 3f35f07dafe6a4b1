#include "verify/jwt.h"

#include <gtest/gtest.h>

namespace bf::verify {
namespace {

TEST(Base64UrlTest, RoundTripsEveryLength) {
  std::string s;
  for (int i = 0; i < 40; ++i) {
    s += static_cast<char>(i * 37 + 250);
    auto back = Base64UrlDecode(Base64UrlEncode(s));
    ASSERT_TRUE(back);
    EXPECT_EQ(*back, s);
  }
  EXPECT_EQ(Base64UrlEncode("hi?>"), "aGk_Pg");
  EXPECT_FALSE(Base64UrlDecode("a b"));
}

std::string Token(const nlohmann::json& header, const nlohmann::json& payload) {
  return Base64UrlEncode(header.dump()) + "." + Base64UrlEncode(payload.dump()) + ".c2lnbmF0dXJl";
}

TEST(JwtTest, DecodesAndForgesVariantsThatDifferFromTheOriginal) {
  std::string valid = Token({{"alg", "HS256"}, {"typ", "JWT"}},
                            {{"sub", "u1"}, {"role", "user"}, {"exp", 4000000000}});
  auto d = DecodeJwt(valid);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->header["alg"], "HS256");
  EXPECT_EQ(d->payload["sub"], "u1");
  auto forged = ForgeInvalidTokens(valid, "admin");
  ASSERT_GE(forged.size(), 8u);
  for (const auto& f : forged) {
    EXPECT_NE(f.token, valid) << f.name;
  }
  auto none = DecodeJwt(forged[0].token);
  ASSERT_TRUE(none);
  EXPECT_EQ(none->header["alg"], "none");
  EXPECT_EQ(none->signature, "");
  auto raised = DecodeJwt(forged[4].token);
  ASSERT_TRUE(raised);
  EXPECT_EQ(raised->payload["role"], "admin");
}

TEST(JwtTest, NonJwtsAreNotDecoded) {
  EXPECT_FALSE(DecodeJwt("opaque-token"));
  EXPECT_FALSE(DecodeJwt("a.b"));
  EXPECT_FALSE(DecodeJwt(Base64UrlEncode("[1]") + "." + Base64UrlEncode("{}") + ".x"));
  EXPECT_TRUE(ForgeInvalidTokens("opaque", "admin").empty());
}

}  // namespace
}  // namespace bf::verify
