// The WebSocket protocol of GET /api/chat, independent of the socket (the net layer owns the
// socket and implements WsConnection). Client messages are JSON objects:
//   {"type":"subscribe","projectId":"..."}   -> {"type":"subscribed","projectId"} then every event
//   {"type":"unsubscribe","projectId":"..."} -> {"type":"unsubscribed","projectId"}
//   {"type":"chat","projectId":"...","text":"...","answers"?:{}} -> the reply arrives as chat.message events
//   {"type":"ping"}                           -> {"type":"pong"}
// Errors come back as {"type":"error","code","message"}. Events: {"type","topic","seq","data"}.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <set>
#include <string>

#include "server/event_hub.h"
#include "server/http.h"

namespace bf::server {

class App;

// Implemented by the net layer. Thread-safe.
class WsConnection {
 public:
  virtual ~WsConnection() = default;
  // Queues a text frame. False when the connection's queue is full (it is then closed, 1008).
  virtual bool Send(std::shared_ptr<const std::string> frame) = 0;
  virtual void Close(uint16_t code, const std::string& reason) = 0;
};

class WsSession final : public EventSink, public std::enable_shared_from_this<WsSession> {
 public:
  WsSession(App& app, Principal principal, std::weak_ptr<WsConnection> conn);
  ~WsSession() override;

  // One client message (the net layer calls these one at a time, off the I/O threads).
  void OnMessage(const std::string& text);
  void OnClose();
  bool Deliver(const std::shared_ptr<const std::string>& frame) override;

  const Principal& principal() const { return principal_; }

 private:
  void Reply(const nlohmann::json& j);
  void Fail(const std::string& code, const std::string& message);
  bool SessionStillValid();

  App& app_;
  Principal principal_;
  std::weak_ptr<WsConnection> conn_;
  std::mutex mu_;
  std::set<std::string> topics_;
};

}  // namespace bf::server
