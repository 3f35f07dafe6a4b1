#include "server/password.h"

#include <sodium.h>

#include <algorithm>

#include "server/crypto.h"

namespace bf::server {

PasswordHasher::PasswordHasher(PasswordCost cost, int concurrency)
    : cost_{std::max(cost.opslimit, kOwaspMinimum.opslimit), std::max(cost.memlimit, kOwaspMinimum.memlimit)},
      slots_(std::max(concurrency, 1)) {
  InitCrypto();
}

void PasswordHasher::Acquire() {
  std::unique_lock lock(mu_);
  cv_.wait(lock, [&] { return slots_ > 0; });
  --slots_;
}

void PasswordHasher::Release() {
  {
    std::lock_guard lock(mu_);
    ++slots_;
  }
  cv_.notify_one();
}

Result<std::string> PasswordHasher::Hash(std::string_view password) {
  char out[crypto_pwhash_STRBYTES];
  Acquire();
  int rc = crypto_pwhash_str_alg(out, password.data(), password.size(), cost_.opslimit, cost_.memlimit,
                                 crypto_pwhash_ALG_ARGON2ID13);
  Release();
  if (rc != 0) return MakeError("auth.hash", "could not hash the password (out of memory)");
  return std::string(out);
}

bool PasswordHasher::Verify(std::string_view encoded, std::string_view password) {
  if (encoded.size() >= crypto_pwhash_STRBYTES || encoded.rfind("$argon2id$", 0) != 0) return false;
  std::string z(encoded);  // NUL-terminated copy
  Acquire();
  int rc = crypto_pwhash_str_verify(z.c_str(), password.data(), password.size());
  Release();
  return rc == 0;
}

void PasswordHasher::VerifyDummy(std::string_view password) {
  {
    std::lock_guard lock(mu_);
    if (dummy_.empty()) {
      char out[crypto_pwhash_STRBYTES];
      if (crypto_pwhash_str_alg(out, "dummy", 5, cost_.opslimit, cost_.memlimit, crypto_pwhash_ALG_ARGON2ID13) == 0) {
        dummy_ = out;
      }
    }
  }
  (void)Verify(dummy_, password);
}

bool PasswordHasher::NeedsRehash(std::string_view encoded) const {
  std::string z(encoded);
  return crypto_pwhash_str_needs_rehash(z.c_str(), cost_.opslimit, cost_.memlimit) != 0;
}

}  // namespace bf::server
