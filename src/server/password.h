// Password hashing with argon2id (libsodium). The cost never goes below OWASP's minimum for
// argon2id (m = 19 MiB, t = 2, p = 1); hashes are self-describing strings ($argon2id$v=19$...).
// Hashing is memory-hard on purpose, so at most `concurrency` hashes run at once (the rest wait):
// a burst of logins cannot exhaust memory.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <string>
#include <string_view>

#include "common/result.h"

namespace bf::server {

struct PasswordCost {
  unsigned long long opslimit = 2;         // t (iterations)
  size_t memlimit = size_t{19} << 20;      // m in bytes
};
inline constexpr PasswordCost kOwaspMinimum{};

class PasswordHasher {
 public:
  // `cost` is raised to the OWASP minimum where lower. Thread-safe.
  explicit PasswordHasher(PasswordCost cost = kOwaspMinimum, int concurrency = 2);

  Result<std::string> Hash(std::string_view password);
  // True when `password` matches `encoded`. A malformed hash never matches.
  bool Verify(std::string_view encoded, std::string_view password);
  // Spends the same effort as a Verify against a real hash (for unknown accounts, so response
  // times do not reveal which emails are registered).
  void VerifyDummy(std::string_view password);
  // True when `encoded` uses weaker parameters than this hasher (rehash after a good login).
  bool NeedsRehash(std::string_view encoded) const;

  const PasswordCost& cost() const { return cost_; }

 private:
  void Acquire();
  void Release();

  PasswordCost cost_;
  int slots_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::string dummy_;
};

}  // namespace bf::server
