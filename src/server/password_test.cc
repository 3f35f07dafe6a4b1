#include "server/password.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>

namespace bf::server {
namespace {

TEST(PasswordHasher, HashesWithArgon2idAtLeastAtOwaspCost) {
  PasswordHasher h;
  auto start = std::chrono::steady_clock::now();
  auto hash = h.Hash("correct horse battery staple");
  double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  std::printf("argon2id m=19 MiB t=2 p=1: one hash took %.1f ms\n", ms);
  ASSERT_TRUE(hash.ok());
  // m in KiB, t iterations, p lanes, encoded in the hash itself.
  EXPECT_EQ(hash->rfind("$argon2id$v=19$m=19456,t=2,p=1$", 0), 0u) << *hash;
  EXPECT_TRUE(h.Verify(*hash, "correct horse battery staple"));
  EXPECT_FALSE(h.Verify(*hash, "correct horse battery stapl"));
  EXPECT_FALSE(h.Verify("", "x"));
  EXPECT_FALSE(h.Verify("$argon2i$v=19$m=4096,t=3,p=1$c2FsdHNhbHQ$aGFzaA", "x"));
  EXPECT_FALSE(h.NeedsRehash(*hash));
  EXPECT_NE(*hash, *h.Hash("correct horse battery staple"));  // salted
}

TEST(PasswordHasher, NeverGoesBelowTheMinimum) {
  PasswordHasher weak(PasswordCost{1, 1 << 20});
  EXPECT_EQ(weak.cost().opslimit, 2u);
  EXPECT_EQ(weak.cost().memlimit, size_t{19} << 20);
  PasswordHasher strong(PasswordCost{3, size_t{32} << 20});
  auto hash = weak.Hash("password123");
  ASSERT_TRUE(hash.ok());
  EXPECT_TRUE(strong.NeedsRehash(*hash));
  EXPECT_TRUE(strong.Verify(*hash, "password123"));  // old hashes still verify
}

}  // namespace
}  // namespace bf::server
