// Server metrics in the Prometheus text exposition format (version 0.0.4): request counts and
// latency histograms per route, WebSocket connections, events, jobs. Thread-safe.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <tuple>
#include <vector>

namespace bf::server {

class Metrics {
 public:
  static constexpr std::array<double, 12> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                      0.05,   0.1,   0.25,   0.5,   1.0,  2.5};

  // `route` is the route pattern (never the raw path: ids would explode the label set).
  void ObserveRequest(const std::string& method, const std::string& route, int status, double seconds);
  void WebSocketOpened() { ++ws_open_; ++ws_total_; }
  void WebSocketClosed() { --ws_open_; }
  void EventsSent(int64_t n) { events_sent_ += n; }
  void EventsDropped(int64_t n) { events_dropped_ += n; }
  void JobFinished(const std::string& kind, const std::string& status);
  // A gauge read at render time (e.g. jobs running, queued).
  void AddGauge(std::string name, std::string help, std::function<double()> read);

  std::string Render() const;

  int64_t webSocketsOpen() const { return ws_open_; }

 private:
  struct Histogram {
    std::array<uint64_t, kBuckets.size()> buckets{};
    uint64_t count = 0;
    double sum = 0;
  };
  mutable std::mutex mu_;
  std::map<std::tuple<std::string, std::string, int>, uint64_t> requests_;
  std::map<std::pair<std::string, std::string>, Histogram> latency_;
  std::map<std::pair<std::string, std::string>, uint64_t> jobs_;
  struct Gauge {
    std::string name, help;
    std::function<double()> read;
  };
  std::vector<Gauge> gauges_;
  std::atomic<int64_t> ws_open_{0};
  std::atomic<int64_t> ws_total_{0};
  std::atomic<int64_t> events_sent_{0};
  std::atomic<int64_t> events_dropped_{0};
};

}  // namespace bf::server
