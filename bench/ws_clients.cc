// Opens N WebSocket connections to /api/chat, subscribes each to a project, then keeps them open
// (answering pings, counting events) until stdin closes or the time is up. Prints "ready" once
// every connection is subscribed, and the totals at the end. Used by bench/server_load.sh to put
// 1,000 idle subscribers behind the HTTP load.
//   ws_clients PORT TOKEN PROJECT_ID COUNT SECONDS
#include <poll.h>
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <memory>
#include <vector>

#include "client.h"

int main(int argc, char** argv) {
  if (argc != 6) {
    std::fprintf(stderr, "usage: ws_clients PORT TOKEN PROJECT_ID COUNT SECONDS\n");
    return 2;
  }
  int port = std::atoi(argv[1]);
  std::string token = argv[2], project = argv[3];
  int count = std::atoi(argv[4]);
  int seconds = std::atoi(argv[5]);
  rlimit rl{};
  getrlimit(RLIMIT_NOFILE, &rl);
  rl.rlim_cur = rl.rlim_max;
  setrlimit(RLIMIT_NOFILE, &rl);

  std::vector<std::unique_ptr<bf::testclient::WsClient>> clients;
  auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < count; ++i) {
    auto c = std::make_unique<bf::testclient::WsClient>();
    int status = c->Connect(port, "/api/chat", {{"Authorization", "Bearer " + token}});
    if (status != 101) {
      std::fprintf(stderr, "connection %d: HTTP %d\n", i, status);
      return 1;
    }
    c->SendText(R"({"type":"subscribe","projectId":")" + project + "\"}");
    if (!c->WaitFor("subscribed", 10000)) {
      std::fprintf(stderr, "connection %d: no subscription\n", i);
      return 1;
    }
    clients.push_back(std::move(c));
  }
  double open_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("ready %d connections subscribed in %.2f s\n", count, open_s);
  std::fflush(stdout);

  std::vector<pollfd> fds;
  for (auto& c : clients) fds.push_back(pollfd{c->fd(), POLLIN, 0});
  fds.push_back(pollfd{0, POLLIN, 0});  // stdin: closed = stop
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  int lost = 0;
  while (std::chrono::steady_clock::now() < deadline) {
    int n = ::poll(fds.data(), fds.size(), 200);
    if (n <= 0) continue;
    if (fds.back().revents) {
      char b[64];
      if (::read(0, b, sizeof b) <= 0) break;
    }
    for (size_t i = 0; i + 1 < fds.size(); ++i) {
      if (!fds[i].revents || fds[i].fd < 0) continue;
      if (!clients[i]->Pump()) {
        ++lost;
        fds[i].fd = -1;
      }
    }
  }
  int64_t events = 0;
  for (auto& c : clients) events += c->received();
  std::printf("done %d connections, %lld messages received, %d closed by the server\n", count,
              static_cast<long long>(events), lost);
  return lost == 0 ? 0 : 1;
}
