// Internal to server/net: one HTTP/1.1 connection (plain or TLS). Reads the header first so the
// route's body limit applies before the body arrives (413 without reading it), answers
// "Expect: 100-continue", runs the app's handler on the handler pool, writes the response, and
// keeps the connection alive when both sides agree. A WebSocket upgrade of /api/chat hands the
// stream to a WebSocketSession. Malformed requests get 400 (431 for oversized headers) and the
// connection is closed.
#pragma once

#include <memory>
#include <string>

#include "server/net/shared_state.h"
#include "server/net/websocket_session.h"
#include "server/preview_proxy.h"

namespace bf::server::net {

template <class Stream>
class HttpSession final : public Closable, public std::enable_shared_from_this<HttpSession<Stream>> {
 public:
  HttpSession(Stream&& stream, std::shared_ptr<SharedState> state, bool tls)
      : stream_(std::move(stream)), executor_(stream_.get_executor()), state_(std::move(state)), tls_(tls) {
    beast::error_code ec;
    auto ep = beast::get_lowest_layer(stream_).socket().remote_endpoint(ec);
    if (!ec) remote_ = ep.address().to_string();
  }

  // `self` is the session's owner for the coroutine's lifetime: a coroutine starts later than the
  // call that creates it, so it must not rely on a caller's shared_ptr.
  static asio::awaitable<void> Run(std::shared_ptr<HttpSession> self) { co_await self->Serve(); }

 private:
  asio::awaitable<void> Serve() {
    state_->Join(this->shared_from_this());
    co_await Loop();
    state_->Leave(this);
  }

 public:
  void ShutdownGracefully() override {
    asio::post(executor_, [self = this->shared_from_this()] {
      self->close_after_ = true;
      if (self->idle_ && !self->moved_) {
        beast::error_code ec;
        beast::get_lowest_layer(self->stream_).socket().cancel(ec);
      }
    });
  }

 private:
  asio::awaitable<void> Loop() {
    const auto& opt = state_->options;
    if constexpr (std::is_same_v<Stream, TlsStream>) {
      beast::get_lowest_layer(stream_).expires_after(std::chrono::seconds(opt.requestTimeoutSeconds));
      auto [ec] = co_await stream_.async_handshake(asio::ssl::stream_base::server, asio::as_tuple(asio::use_awaitable));
      if (ec) {
        Fail(ec, "tls.handshake");
        co_return;
      }
    }
    for (;;) {
      http::request_parser<http::string_body> parser;
      parser.header_limit(16 * 1024);
      // No limit while the header is read (Beast would refuse a large Content-Length there with a
      // generic error); the route's own limit is applied below, with a 413.
      parser.body_limit(boost::none);
      idle_ = true;
      if (close_after_ || state_->stopping) break;
      beast::get_lowest_layer(stream_).expires_after(std::chrono::seconds(opt.keepAliveSeconds));
      auto [ec, n] = co_await http::async_read_header(stream_, buffer_, parser, asio::as_tuple(asio::use_awaitable));
      idle_ = false;
      if (ec) {
        if (ec.category() == http::make_error_code(http::error::bad_method).category() && ec != http::error::end_of_stream &&
            ec != http::error::partial_message) {
          co_await WriteError(ec == http::error::header_limit ? 431 : 400, kNotHttp);
        } else {
          Fail(ec, "http.read_header");
        }
        break;
      }
      beast::get_lowest_layer(stream_).expires_after(std::chrono::seconds(opt.requestTimeoutSeconds));
      auto& h = parser.get();
      std::string target(h.target());

      if (websocket::is_upgrade(h)) {
        state_->Leave(this);
        co_await Upgrade(parser);
        co_return;  // the stream now belongs to the WebSocket session (or was closed)
      }

      std::string method(h.method_string());
      size_t limit = state_->app.BodyLimit(method, target);
      const std::string too_large = "the body is larger than " + std::to_string(limit) + " bytes";
      if (auto len = parser.content_length(); len && *len > limit) {
        co_await WriteError(413, too_large);
        break;
      }
      parser.body_limit(limit);
      if (beast::iequals(h[http::field::expect], "100-continue")) {
        http::response<http::empty_body> cont{http::status::continue_, h.version()};
        auto [cec, cn] = co_await http::async_write(stream_, cont, asio::as_tuple(asio::use_awaitable));
        if (cec) break;
      }
      if (!parser.is_done()) {
        auto [bec, bn] = co_await http::async_read(stream_, buffer_, parser, asio::as_tuple(asio::use_awaitable));
        if (bec == http::error::body_limit) {
          co_await WriteError(413, too_large);
          break;
        }
        if (bec) {
          if (bec.category() == http::make_error_code(http::error::bad_method).category()) {
            co_await WriteError(400, kBadBody);
          } else {
            Fail(bec, "http.read_body");
          }
          break;
        }
      }
      bool keep_alive = parser.get().keep_alive();
      unsigned version = parser.get().version();
      Request req;
      if (!ToRequest(parser.release(), req)) {
        co_await WriteError(400, kBadTarget);
        break;
      }
      ++state_->inflight;
      auto handle = [st = state_, &req] { return st->app.Handle(req); };
      auto& pool = IsPreviewPath(req.path) ? state_->previews : state_->handlers;
      Response res = co_await OnPool<Response>(pool, std::move(handle));
      const bool head = req.method == "HEAD";
      const bool keep = keep_alive && !close_after_ && !state_->stopping;
      bool ok = co_await Write(res, version, head, keep);
      --state_->inflight;
      if (!ok || !keep_alive || close_after_ || state_->stopping) break;
    }
    co_await Close();
  }

  bool ToRequest(http::request<http::string_body>&& m, Request& req) {
    req.method = std::string(m.method_string());
    req.target = std::string(m.target());
    auto split = ParseTarget(req.target);
    if (!split) return false;
    req.path = std::move(split->path);
    req.query = std::move(split->query);
    for (const auto& f : m) req.headers.Add(std::string(f.name_string()), std::string(f.value()));
    req.body = std::move(m.body());
    req.remote = remote_;
    req.tls = tls_;
    return true;
  }

  asio::awaitable<bool> Write(Response& r, unsigned version, bool head, bool keep_alive) {
    http::response<http::string_body> res{static_cast<http::status>(r.status), version};
    res.set(http::field::server, "BackendForge");
    for (const auto& [k, v] : r.headers.fields()) res.insert(k, v);
    res.keep_alive(keep_alive);
    if (head) {
      res.content_length(r.body.size());
    } else {
      res.body() = std::move(r.body);
      res.prepare_payload();
    }
    auto [ec, n] = co_await http::async_write(stream_, res, asio::as_tuple(asio::use_awaitable));
    if (ec) Fail(ec, "http.write");
    co_return !ec;
  }

  static constexpr std::string_view kNotHttp = "the request is not valid HTTP/1.1";
  static constexpr std::string_view kBadBody = "the request body is not valid";
  static constexpr std::string_view kBadTarget = "the request target must be an absolute path";
  static constexpr std::string_view kWsOnly = "WebSocket upgrades are served at /api/chat only";
  static constexpr std::string_view kStopping = "the server is shutting down";

  asio::awaitable<void> WriteError(int status, std::string_view detail) {
    Response r = Problem(status, "request.malformed", detail);
    r.headers.Set("X-Content-Type-Options", "nosniff");
    co_await Write(r, 11, false, false);
  }

  asio::awaitable<void> Upgrade(http::request_parser<http::string_body>& parser) {
    if (!parser.is_done()) {
      auto [ec, n] = co_await http::async_read(stream_, buffer_, parser, asio::as_tuple(asio::use_awaitable));
      if (ec) {
        Fail(ec, "ws.read_upgrade");
        co_return;
      }
    }
    http::request<http::string_body> msg = parser.release();
    Request req;
    if (!ToRequest(http::request<http::string_body>(msg), req) || req.path != "/api/chat") {
      co_await WriteError(404, kWsOnly);
      co_return;
    }
    if (state_->stopping) {
      co_await WriteError(503, kStopping);
      co_return;
    }
    auto check = [st = state_, &req] { return st->app.CheckWebSocket(req); };
    App::WsDecision d = co_await OnPool<App::WsDecision>(state_->handlers, std::move(check));
    if (d.reject) {
      const unsigned version = msg.version();
      co_await Write(*d.reject, version, false, false);
      co_await Close();
      co_return;
    }
    moved_ = true;
    auto ws = std::make_shared<WebSocketSession<Stream>>(std::move(stream_), state_);
    co_await ws->Serve(&msg, &*d.principal);
  }

  asio::awaitable<void> Close() {
    beast::error_code ec;
    if constexpr (std::is_same_v<Stream, TlsStream>) {
      beast::get_lowest_layer(stream_).expires_after(std::chrono::seconds(5));
      auto [sec] = co_await stream_.async_shutdown(asio::as_tuple(asio::use_awaitable));
      (void)sec;
    } else {
      stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    }
    co_return;
  }

  Stream stream_;
  typename Stream::executor_type executor_;  // kept apart: stream_ is moved away on upgrade
  std::shared_ptr<SharedState> state_;
  bool tls_;
  std::string remote_;
  beast::flat_buffer buffer_;
  bool idle_ = true;         // waiting for the next request (safe to close at shutdown)
  bool close_after_ = false;  // shutdown asked: close after the response in flight
  bool moved_ = false;        // the stream went to a WebSocketSession
};

}  // namespace bf::server::net
