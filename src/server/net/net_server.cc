// The only translation unit with Beast and Asio: it instantiates the listener and the sessions
// (listener.h, http_session.h, websocket_session.h: one class per file) for plain and TLS streams.
#include "server/net/net_server.h"

#include <csignal>
#include <thread>
#include <vector>

#include "server/net/listener.h"

namespace bf::server {

using namespace net;  // NOLINT: aliases for Beast/Asio namespaces

struct NetServer::Impl {
  Impl(App& app, NetOptions o)
      : options(o), ioc(std::max(1, o.ioThreads)), state(std::make_shared<SharedState>(app, o)), signals(ioc, SIGINT, SIGTERM) {}

  asio::awaitable<void> GracefulStop() {
    if (state->stopping.exchange(true)) co_return;
    state->app.SetReady(false);
    log::Info("server.stopping", {{"inflight", state->inflight.load()}, {"sessions", state->sessions()}});
    if (listener) listener->Close();
    signals.cancel();
    state->ShutdownAll();  // WebSockets: close 1001; idle HTTP connections: closed now
    // In-flight requests finish and their responses are written; WebSocket close handshakes
    // get up to 2 s. Nothing waits longer than the grace period.
    auto begin = std::chrono::steady_clock::now();
    auto deadline = begin + std::chrono::seconds(options.shutdownGraceSeconds);
    asio::steady_timer t(ioc);
    for (;;) {
      auto now = std::chrono::steady_clock::now();
      bool requests_done = state->inflight.load() == 0;
      bool sockets_done = state->sessions() == 0 || now - begin > std::chrono::seconds(2);
      if ((requests_done && sockets_done) || now >= deadline) break;
      t.expires_after(std::chrono::milliseconds(20));
      co_await t.async_wait(asio::as_tuple(asio::use_awaitable));
    }
    ioc.stop();
  }

  NetOptions options;
  asio::io_context ioc;
  std::shared_ptr<SharedState> state;
  asio::signal_set signals;
  std::unique_ptr<asio::ssl::context> tls;
  std::shared_ptr<Listener> listener;
};

NetServer::NetServer(App& app, NetOptions options) : impl_(std::make_unique<Impl>(app, std::move(options))) {}

NetServer::~NetServer() {
  impl_->state->handlers.join();
  impl_->state->previews.join();
}

Result<int> NetServer::Listen() {
  auto& o = impl_->options;
  if (!o.tlsCert.empty() && !o.tlsKey.empty()) {
    impl_->tls = std::make_unique<asio::ssl::context>(asio::ssl::context::tls_server);
    auto& ctx = *impl_->tls;
    ctx.set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_sslv2 |
                    asio::ssl::context::no_sslv3 | asio::ssl::context::no_tlsv1 | asio::ssl::context::no_tlsv1_1 |
                    asio::ssl::context::single_dh_use);
    beast::error_code ec;
    ctx.use_certificate_chain_file(o.tlsCert, ec);
    if (!ec) ctx.use_private_key_file(o.tlsKey, asio::ssl::context::pem, ec);
    if (ec) return MakeError("net.tls", "cannot load the TLS certificate or key: " + ec.message());
  }
  impl_->listener = std::make_shared<Listener>(impl_->ioc, impl_->state, impl_->tls.get());
  int bound = 0;
  if (auto ec = impl_->listener->Bind(o.host, o.port, bound)) {
    return MakeError("net.bind", "cannot listen on " + o.host + ":" + std::to_string(o.port) + ": " + ec.message());
  }
  return bound;
}

void NetServer::Run() {
  auto* impl = impl_.get();
  asio::co_spawn(impl->ioc, Listener::Accept(impl->listener), asio::detached);
  impl->signals.async_wait([impl](beast::error_code ec, int sig) {
    if (ec) return;
    log::Info("server.signal", {{"signal", sig == SIGINT ? "SIGINT" : "SIGTERM"}});
    asio::co_spawn(impl->ioc, impl->GracefulStop(), asio::detached);
  });
  impl->state->app.SetReady(true);
  std::vector<std::thread> threads;
  for (int i = 1; i < std::max(1, impl->options.ioThreads); ++i) threads.emplace_back([impl] { impl->ioc.run(); });
  impl->ioc.run();
  for (auto& t : threads) t.join();
  // I/O is over; now jobs: running ones are asked to stop and recorded as interrupted.
  impl->state->app.ShutdownJobs();
  impl->state->handlers.join();
  impl->state->previews.join();
  log::Info("server.stopped");
}

void NetServer::Stop() {
  auto* impl = impl_.get();
  asio::post(impl->ioc, [impl] { asio::co_spawn(impl->ioc, impl->GracefulStop(), asio::detached); });
}

}  // namespace bf::server
