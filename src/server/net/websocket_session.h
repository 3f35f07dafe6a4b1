// Internal to server/net: one WebSocket connection (GET /api/chat after the upgrade). Reads run
// as a coroutine; client messages go to the app's WsSession on the handler pool, one at a time
// and in order; outgoing frames queue on the connection's strand (bounded: a client that falls
// too far behind is closed with 1008).
#pragma once

#include <deque>
#include <memory>
#include <string>

#include "server/net/shared_state.h"
#include "server/ws_session.h"

namespace bf::server::net {

template <class Stream>
class WebSocketSession final : public WsConnection,
                               public Closable,
                               public std::enable_shared_from_this<WebSocketSession<Stream>> {
 public:
  WebSocketSession(Stream&& stream, std::shared_ptr<SharedState> state)
      : ws_(std::move(stream)), state_(std::move(state)), handler_strand_(asio::make_strand(state_->handlers)) {}

  // Accepts the upgrade `req` and serves the connection. The caller keeps a shared_ptr to this
  // session (and `req`, `principal`) alive until the coroutine ends.
  asio::awaitable<void> Serve(const http::request<http::string_body>* req, const Principal* principal) {
    std::shared_ptr<WebSocketSession> self = this->shared_from_this();
    websocket::stream_base::timeout t{};
    t.handshake_timeout = std::chrono::seconds(30);
    t.idle_timeout = std::chrono::seconds(state_->options.wsIdleSeconds);
    t.keep_alive_pings = true;  // a ping after idle/2; closed when nothing comes back by idle
    beast::get_lowest_layer(ws_).expires_never();
    ws_.set_option(t);
    ws_.set_option(websocket::stream_base::decorator(
        [](websocket::response_type& res) { res.set(http::field::server, "BackendForge"); }));
    ws_.read_message_max(state_->options.maxWsMessageBytes);
    auto [ec] = co_await ws_.async_accept(*req, asio::as_tuple(asio::use_awaitable));
    if (ec) {
      Fail(ec, "ws.accept");
      co_return;
    }
    ws_.text(true);
    app_session_ = state_->app.OpenWebSocket(*principal, std::weak_ptr<WsConnection>(self));
    state_->Join(self);
    if (state_->stopping) ShutdownGracefully();
    beast::flat_buffer buffer;
    for (;;) {
      auto [rec, n] = co_await ws_.async_read(buffer, asio::as_tuple(asio::use_awaitable));
      if (rec) {
        Fail(rec, "ws.read");
        break;
      }
      if (!ws_.got_text()) {
        buffer.consume(buffer.size());
        Send(std::make_shared<const std::string>(
            R"({"type":"error","code":"ws.bad_message","message":"send text frames with JSON"})"));
        continue;
      }
      std::string text = beast::buffers_to_string(buffer.data());
      buffer.consume(buffer.size());
      asio::post(handler_strand_, [s = app_session_, text = std::move(text)] { s->OnMessage(text); });
    }
    // The app side unsubscribes now; it is destroyed once pending messages are handled.
    asio::post(handler_strand_, [s = std::move(app_session_)] { s->OnClose(); });
    state_->Leave(this);
  }

  bool Send(std::shared_ptr<const std::string> frame) override {
    if (queued_.load() >= state_->options.wsSendQueueFrames) {
      Close(1008, "too slow: events are not being read");
      return false;
    }
    ++queued_;
    asio::post(ws_.get_executor(), [self = this->shared_from_this(), frame = std::move(frame)] {
      self->queue_.push_back(frame);
      if (!self->writing_) self->WriteNext();
    });
    return true;
  }

  void Close(uint16_t code, const std::string& reason) override {
    asio::post(ws_.get_executor(), [self = this->shared_from_this(), code, reason] {
      if (self->close_requested_) return;
      self->close_requested_ = true;
      self->close_reason_ = websocket::close_reason(static_cast<websocket::close_code>(code), reason);
      if (!self->writing_) self->WriteNext();
    });
  }

  void ShutdownGracefully() override { Close(websocket::close_code::going_away, "server shutting down"); }

 private:
  // On the strand: the next queued frame, else the requested close (a close counts as a write:
  // Beast allows one at a time).
  void WriteNext() {
    if (closed_) {
      queue_.clear();
      queued_ = 0;
      return;
    }
    if (close_requested_) {
      writing_ = true;
      closed_ = true;
      queue_.clear();
      queued_ = 0;
      ws_.async_close(close_reason_, [self = this->shared_from_this()](beast::error_code ec) {
        self->writing_ = false;
        Fail(ec, "ws.close");
      });
      return;
    }
    if (queue_.empty()) {
      writing_ = false;
      return;
    }
    writing_ = true;
    ws_.async_write(asio::buffer(*queue_.front()), [self = this->shared_from_this()](beast::error_code ec, size_t) {
      self->queue_.pop_front();
      --self->queued_;
      if (ec) {
        Fail(ec, "ws.write");
        self->closed_ = true;
        self->writing_ = false;
        self->queue_.clear();
        self->queued_ = 0;
        return;
      }
      self->WriteNext();
    });
  }

  websocket::stream<Stream> ws_;
  std::shared_ptr<SharedState> state_;
  asio::strand<asio::thread_pool::executor_type> handler_strand_;
  std::shared_ptr<WsSession> app_session_;
  std::deque<std::shared_ptr<const std::string>> queue_;  // strand only
  std::atomic<size_t> queued_{0};
  bool writing_ = false;          // strand only
  bool close_requested_ = false;  // strand only
  bool closed_ = false;           // strand only
  websocket::close_reason close_reason_;
};

}  // namespace bf::server::net
