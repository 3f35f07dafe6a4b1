// Time behind an interface so records can be tested with a fake clock.
#pragma once

#include <chrono>
#include <string>

namespace bf::run {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual std::chrono::system_clock::time_point Now() const = 0;
};

// The real clock.
const Clock& SystemClock();

// "2024-01-15T10:00:00.123Z"
std::string Iso8601(std::chrono::system_clock::time_point t);

}  // namespace bf::run
