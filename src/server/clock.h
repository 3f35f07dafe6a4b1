// Time as a dependency: the system clock in the product, a settable one in tests.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>

namespace bf::server {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual int64_t NowMillis() const = 0;  // Unix epoch, UTC
  int64_t NowSeconds() const { return NowMillis() / 1000; }
};

class SystemClock final : public Clock {
 public:
  int64_t NowMillis() const override {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
  }
};

// Thread-safe; starts at `start`.
class FakeClock final : public Clock {
 public:
  explicit FakeClock(int64_t start = 1'700'000'000'000) : now_(start) {}
  int64_t NowMillis() const override { return now_.load(); }
  void Advance(int64_t ms) { now_ += ms; }
  void Set(int64_t ms) { now_ = ms; }

 private:
  std::atomic<int64_t> now_;
};

// "2024-01-15T10:00:00.000Z"
std::string IsoTime(int64_t millis);

}  // namespace bf::server
