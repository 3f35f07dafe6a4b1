// Fan-out of events to WebSocket subscribers. Topics are strings ("project:<id>"). Subscribers
// are held weakly: a closed connection disappears by itself. Publishing copies the live
// subscribers under the lock and delivers outside it, so a slow subscriber never blocks others
// and no lock is held while sending. Thread-safe.
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <unordered_map>
#include <vector>

namespace bf::server {

class EventSink {
 public:
  virtual ~EventSink() = default;
  // Queues one serialized event for sending; must not block. Returns false when the sink had to
  // drop it (its queue is full).
  virtual bool Deliver(const std::shared_ptr<const std::string>& frame) = 0;
};

class Metrics;

class EventHub {
 public:
  explicit EventHub(Metrics* metrics = nullptr) : metrics_(metrics) {}

  void Subscribe(const std::string& topic, const std::shared_ptr<EventSink>& sink);
  void Unsubscribe(const std::string& topic, const EventSink* sink);
  // Builds {"type","topic","seq","data"} once and delivers it to the topic's subscribers.
  // Returns the number of sinks it reached.
  int Publish(const std::string& topic, const std::string& type, const nlohmann::json& data);
  size_t SubscriberCount(const std::string& topic);

  static std::string ProjectTopic(const std::string& project_id) { return "project:" + project_id; }

 private:
  Metrics* metrics_;
  std::mutex mu_;
  std::unordered_map<std::string, std::vector<std::weak_ptr<EventSink>>> topics_;
  std::atomic<int64_t> seq_{0};
};

}  // namespace bf::server
