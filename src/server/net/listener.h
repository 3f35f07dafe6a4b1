// Internal to server/net: accepts connections and starts one HttpSession per connection on its
// own strand (so a session's handlers never run concurrently).
#pragma once

#include <memory>

#include "server/net/http_session.h"
#include "server/net/shared_state.h"

namespace bf::server::net {

class Listener : public std::enable_shared_from_this<Listener> {
 public:
  Listener(asio::io_context& ioc, std::shared_ptr<SharedState> state, asio::ssl::context* tls)
      : ioc_(ioc), acceptor_(ioc), state_(std::move(state)), tls_(tls) {}

  // Binds; returns the error or the bound port.
  beast::error_code Bind(const std::string& host, int port, int& bound) {
    beast::error_code ec;
    auto address = asio::ip::make_address(host, ec);
    if (ec) return ec;
    tcp::endpoint ep{address, static_cast<unsigned short>(port)};
    acceptor_.open(ep.protocol(), ec);
    if (ec) return ec;
    acceptor_.set_option(asio::socket_base::reuse_address(true), ec);
    if (ec) return ec;
    acceptor_.bind(ep, ec);
    if (ec) return ec;
    acceptor_.listen(asio::socket_base::max_listen_connections, ec);
    if (ec) return ec;
    bound = acceptor_.local_endpoint().port();
    return {};
  }

  // `self` keeps the listener alive while it accepts.
  static asio::awaitable<void> Accept(std::shared_ptr<Listener> self) { co_await self->Loop(); }

 private:
  asio::awaitable<void> Loop() {
    for (;;) {
      auto strand = asio::make_strand(ioc_);  // a named local: see the co_await rule in beast.h
      auto [ec, socket] = co_await acceptor_.async_accept(strand, asio::as_tuple(asio::use_awaitable));
      if (ec) {
        if (!acceptor_.is_open() || state_->stopping) co_return;
        Fail(ec, "accept");
        // Out of file descriptors: back off instead of spinning.
        asio::steady_timer t(ioc_, std::chrono::milliseconds(50));
        co_await t.async_wait(asio::as_tuple(asio::use_awaitable));
        continue;
      }
      beast::error_code opt_ec;
      socket.set_option(tcp::no_delay(true), opt_ec);
      auto ex = socket.get_executor();
      if (tls_) {
        auto s = std::make_shared<HttpSession<TlsStream>>(TlsStream(std::move(socket), *tls_), state_, true);
        asio::co_spawn(ex, HttpSession<TlsStream>::Run(std::move(s)), asio::detached);
      } else {
        auto s = std::make_shared<HttpSession<PlainStream>>(PlainStream(std::move(socket)), state_, false);
        asio::co_spawn(ex, HttpSession<PlainStream>::Run(std::move(s)), asio::detached);
      }
    }
  }


 public:
  void Close() {
    beast::error_code ec;
    acceptor_.close(ec);
  }

 private:
  asio::io_context& ioc_;
  tcp::acceptor acceptor_;
  std::shared_ptr<SharedState> state_;
  asio::ssl::context* tls_;
};

}  // namespace bf::server::net
