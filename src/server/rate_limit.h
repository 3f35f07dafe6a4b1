// Token-bucket rate limiting keyed by a string (a user id or an address). Thread-safe; memory
// stays bounded by forgetting buckets that have refilled completely.
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

#include "server/clock.h"

namespace bf::server {

struct RateLimit {
  double burst = 20;        // bucket size
  double perMinute = 60;    // refill rate
};

class RateLimiter {
 public:
  RateLimiter(const Clock& clock, RateLimit limit);

  struct Decision {
    bool allowed = true;
    int retryAfterSeconds = 0;  // when refused: when one token will be available again
  };
  Decision Take(const std::string& key, double cost = 1);

 private:
  struct Bucket {
    double tokens;
    int64_t at;
  };
  void Prune(int64_t now);

  const Clock& clock_;
  RateLimit limit_;
  std::mutex mu_;
  std::unordered_map<std::string, Bucket> buckets_;
  int64_t last_prune_ = 0;
};

}  // namespace bf::server
