// Internal to server/net: what every session shares (the app, the options, the handler pool,
// the count of requests in flight) and the registry of live sessions used at shutdown. Like
// Beast's chat-multi shared_state: sessions are held weakly, copied under the lock and acted on
// outside it.
#pragma once

#include <algorithm>
#include <atomic>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "server/app.h"
#include "server/log.h"
#include "server/net/beast.h"
#include "server/net/net_server.h"

namespace bf::server::net {

// A session that can be asked to end at shutdown.
class Closable {
 public:
  virtual ~Closable() = default;
  // HTTP: close when idle, else after the response in flight. WebSocket: close with 1001.
  virtual void ShutdownGracefully() = 0;
};

class SharedState {
 public:
  SharedState(App& a, NetOptions o)
      : app(a),
        options(std::move(o)),
        handlers(static_cast<size_t>(options.handlerThreads)),
        previews(static_cast<size_t>(std::max(2, options.handlerThreads / 2))) {}

  void Join(const std::shared_ptr<Closable>& s) {
    std::lock_guard lock(mu_);
    sessions_[s.get()] = s;
  }
  void Leave(const Closable* s) {
    std::lock_guard lock(mu_);
    sessions_.erase(s);
  }
  void ShutdownAll() {
    std::vector<std::weak_ptr<Closable>> all;
    {
      std::lock_guard lock(mu_);
      for (auto& [k, w] : sessions_) all.push_back(w);
    }
    for (auto& w : all) {
      if (auto s = w.lock()) s->ShutdownGracefully();
    }
  }
  size_t sessions() {
    std::lock_guard lock(mu_);
    return sessions_.size();
  }

  App& app;
  NetOptions options;
  asio::thread_pool handlers;  // blocking request work runs here, never on I/O threads
  // Requests proxied to a generated app's preview wait on that app (up to the proxy timeout): they
  // get their own threads, so a preview that stops answering cannot starve the API and the UI.
  asio::thread_pool previews;
  std::atomic<int> inflight{0};
  std::atomic<bool> stopping{false};

 private:
  std::mutex mu_;
  std::unordered_map<const Closable*, std::weak_ptr<Closable>> sessions_;
};

// Runs `f()` on the handler pool and resumes the calling coroutine on its own executor with the
// result, holding work on that executor meanwhile. A plain function (not a coroutine) returning
// the awaitable, so no lambda temporaries live inside a co_await expression (see beast.h).
template <class T>
struct PoolInitiation {
  asio::thread_pool* pool;
  template <class Handler, class F>
  void operator()(Handler handler, F fn) const {
    auto work = asio::make_work_guard(asio::get_associated_executor(handler));
    asio::post(*pool, [fn = std::move(fn), handler = std::move(handler), work = std::move(work)]() mutable {
      T result = fn();
      auto ex = work.get_executor();
      asio::post(ex, [handler = std::move(handler), result = std::move(result), work = std::move(work)]() mutable {
        std::move(handler)(std::move(result));
      });
    });
  }
};
// `f` is taken by reference (no by-value parameter object in the caller's co_await expression)
// and copied inside async_initiate.
template <class T, class F>
auto OnPool(asio::thread_pool& pool, F&& f) {
  return asio::async_initiate<decltype(asio::use_awaitable), void(T)>(PoolInitiation<T>{&pool}, asio::use_awaitable,
                                                                      std::forward<F>(f));
}

// The one place that decides which network errors are worth a log line: a peer that goes away
// or a timeout is routine.
inline void Fail(beast::error_code ec, const char* what) {
  if (ec == asio::error::operation_aborted || ec == websocket::error::closed || ec == asio::error::eof ||
      ec == http::error::end_of_stream || ec == beast::error::timeout || ec == asio::error::connection_reset ||
      ec == asio::error::broken_pipe || ec == asio::ssl::error::stream_truncated) {
    return;
  }
  log::Debug("net.error", {{"where", what}, {"error", ec.message()}});
}

}  // namespace bf::server::net
