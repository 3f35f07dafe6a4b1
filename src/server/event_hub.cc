#include "server/event_hub.h"

#include "server/metrics.h"

namespace bf::server {

void EventHub::Subscribe(const std::string& topic, const std::shared_ptr<EventSink>& sink) {
  std::lock_guard lock(mu_);
  auto& subs = topics_[topic];
  std::erase_if(subs, [&](const std::weak_ptr<EventSink>& w) {
    auto s = w.lock();
    return !s || s == sink;
  });
  subs.push_back(sink);
}

void EventHub::Unsubscribe(const std::string& topic, const EventSink* sink) {
  std::lock_guard lock(mu_);
  auto it = topics_.find(topic);
  if (it == topics_.end()) return;
  std::erase_if(it->second, [&](const std::weak_ptr<EventSink>& w) {
    auto s = w.lock();
    return !s || s.get() == sink;
  });
  if (it->second.empty()) topics_.erase(it);
}

int EventHub::Publish(const std::string& topic, const std::string& type, const nlohmann::json& data) {
  std::vector<std::weak_ptr<EventSink>> targets;
  {
    std::lock_guard lock(mu_);
    auto it = topics_.find(topic);
    if (it == topics_.end()) return 0;
    std::erase_if(it->second, [](const std::weak_ptr<EventSink>& w) { return w.expired(); });
    targets = it->second;
  }
  if (targets.empty()) return 0;
  nlohmann::ordered_json event;
  event["type"] = type;
  event["topic"] = topic;
  event["seq"] = ++seq_;
  event["data"] = data;
  auto frame = std::make_shared<const std::string>(
      event.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
  int reached = 0, dropped = 0;
  for (const auto& w : targets) {
    if (auto s = w.lock()) {
      if (s->Deliver(frame)) {
        ++reached;
      } else {
        ++dropped;
      }
    }
  }
  if (metrics_) {
    metrics_->EventsSent(reached);
    metrics_->EventsDropped(dropped);
  }
  return reached;
}

size_t EventHub::SubscriberCount(const std::string& topic) {
  std::lock_guard lock(mu_);
  auto it = topics_.find(topic);
  if (it == topics_.end()) return 0;
  size_t n = 0;
  for (const auto& w : it->second) n += w.expired() ? 0 : 1;
  return n;
}

}  // namespace bf::server
