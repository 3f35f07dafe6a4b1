#include "server/rate_limit.h"

#include <algorithm>
#include <cmath>

namespace bf::server {

RateLimiter::RateLimiter(const Clock& clock, RateLimit limit) : clock_(clock), limit_(limit) {}

RateLimiter::Decision RateLimiter::Take(const std::string& key, double cost) {
  int64_t now = clock_.NowMillis();
  double per_ms = limit_.perMinute / 60000.0;
  std::lock_guard lock(mu_);
  Prune(now);
  auto [it, inserted] = buckets_.try_emplace(key, Bucket{limit_.burst, now});
  Bucket& b = it->second;
  b.tokens = std::min(limit_.burst, b.tokens + static_cast<double>(now - b.at) * per_ms);
  b.at = now;
  if (b.tokens >= cost) {
    b.tokens -= cost;
    return {true, 0};
  }
  double missing_ms = per_ms > 0 ? (cost - b.tokens) / per_ms : 3600'000.0;
  return {false, std::max(1, static_cast<int>(std::ceil(missing_ms / 1000.0)))};
}

void RateLimiter::Prune(int64_t now) {
  if (now - last_prune_ < 60'000 || buckets_.size() < 10'000) return;
  last_prune_ = now;
  double per_ms = limit_.perMinute / 60000.0;
  std::erase_if(buckets_, [&](const auto& kv) {
    return kv.second.tokens + static_cast<double>(now - kv.second.at) * per_ms >= limit_.burst;
  });
}

}  // namespace bf::server
