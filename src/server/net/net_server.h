// The network front of the server: HTTP/1.1 and WebSocket on one port (plain or TLS), Asio
// coroutines on a few I/O threads, request handling on a separate pool of handler threads so a
// slow handler (argon2id, SQLite fsync, analysis) never stalls I/O. This header does not include
// Beast or Asio: only net_server.cc does (one translation unit).
#pragma once

#include <memory>
#include <string>

#include "common/result.h"

namespace bf::server {

class App;

struct NetOptions {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port
  std::string tlsCert, tlsKey;  // PEM; both set = TLS
  int ioThreads = 2;
  int handlerThreads = 8;
  size_t maxWsMessageBytes = 64 << 10;
  int wsIdleSeconds = 60;
  size_t wsSendQueueFrames = 4096;  // a client this far behind is closed (1008)
  int requestTimeoutSeconds = 30;   // to read one request (slowloris)
  int keepAliveSeconds = 60;        // idle keep-alive connections are closed after this
  int shutdownGraceSeconds = 10;
};

class NetServer {
 public:
  NetServer(App& app, NetOptions options);
  ~NetServer();
  NetServer(const NetServer&) = delete;
  NetServer& operator=(const NetServer&) = delete;

  // Binds and listens. Returns the bound port. Errors: "net.tls", "net.bind".
  Result<int> Listen();
  // Serves until SIGINT/SIGTERM (or Stop()), then shuts down gracefully: stops accepting, lets
  // in-flight requests finish (up to the grace period), closes WebSockets with 1001 (going
  // away), marks running jobs interrupted, and returns. Call from the main thread.
  void Run();
  // Asks Run() to shut down as if a signal had arrived. Thread-safe.
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace bf::server
