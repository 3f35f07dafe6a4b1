// The libcurl client against a real HTTP server on loopback (a few lines of sockets here), so
// the transport is tested for real and still in milliseconds.
#include "verify/curl_client.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <functional>
#include <thread>

namespace bf::verify {
namespace {

using namespace std::chrono_literals;

// Serves connections one at a time: reads a request (headers and Content-Length body) and
// hands it to `handle`, which writes the answer to the socket; then closes the connection.
class LoopbackServer {
 public:
  explicit LoopbackServer(std::function<void(int, const std::string&)> handle)
      : handle_(std::move(handle)) {
    fd_ = socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    setsockopt(fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    socklen_t len = sizeof addr;
    getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    listen(fd_, 8);
    thread_ = std::thread([this] { Loop(); });
  }
  ~LoopbackServer() {
    stop_ = true;
    thread_.join();
    close(fd_);
  }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }

  static void Write(int fd, const std::string& s) {
    size_t off = 0;
    while (off < s.size()) {
      ssize_t n = send(fd, s.data() + off, s.size() - off, MSG_NOSIGNAL);
      if (n <= 0) return;
      off += static_cast<size_t>(n);
    }
  }
  // Waits until the peer closes the connection (or `limit` passes).
  static void AwaitClose(int fd, std::chrono::milliseconds limit) {
    auto end = std::chrono::steady_clock::now() + limit;
    char buf[256];
    while (std::chrono::steady_clock::now() < end) {
      pollfd p{fd, POLLIN, 0};
      if (poll(&p, 1, 20) > 0 && recv(fd, buf, sizeof buf, 0) <= 0) return;
    }
  }

 private:
  void Loop() {
    while (!stop_) {
      pollfd p{fd_, POLLIN, 0};
      if (poll(&p, 1, 20) <= 0) continue;
      int c = accept(fd_, nullptr, nullptr);
      if (c < 0) continue;
      std::string req;
      char buf[4096];
      size_t need = std::string::npos;
      while (need == std::string::npos || req.size() < need) {
        ssize_t n = recv(c, buf, sizeof buf, 0);
        if (n <= 0) break;
        req.append(buf, static_cast<size_t>(n));
        size_t end = req.find("\r\n\r\n");
        if (end != std::string::npos && need == std::string::npos) {
          size_t cl = req.find("Content-Length: ");
          size_t body = cl == std::string::npos || cl > end ? 0 : std::stoul(req.substr(cl + 16));
          need = end + 4 + body;
        }
      }
      handle_(c, req);
      close(c);
    }
  }

  std::function<void(int, const std::string&)> handle_;
  int fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

TEST(CurlClientTest, SendsRequestsAndReadsStatusHeadersAndBody) {
  std::string seen;
  LoopbackServer server([&](int fd, const std::string& req) {
    seen = req;
    std::string body = R"({"ok":true})";
    LoopbackServer::Write(fd,
                          "HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nLocation: "
                          "/api/x/1\r\nContent-Length: " +
                              std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
  });
  auto client = MakeCurlClient(server.url(), 2000ms);
  auto r = client->Send({"POST",
                         "/api/x?a=1",
                         {{"Authorization", "Bearer t"}, {"Content-Type", "application/json"}},
                         std::string(R"({"name":"n"})")});
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->status, 201);
  EXPECT_EQ(r->Header("Location"), "/api/x/1");
  EXPECT_EQ(r->MediaType(), "application/json");
  EXPECT_EQ(r->body, R"({"ok":true})");
  EXPECT_EQ(seen.rfind("POST /api/x?a=1 HTTP/1.1\r\n", 0), 0u) << seen;
  EXPECT_NE(seen.find("Authorization: Bearer t\r\n"), std::string::npos);
  EXPECT_NE(seen.find("\r\n\r\n{\"name\":\"n\"}"), std::string::npos);
  EXPECT_EQ(seen.find("Expect:"), std::string::npos) << "no 100-continue round trip";

  auto patch = client->Send({"PATCH", "/api/x/1", {}, std::string("{}")});
  ASSERT_TRUE(patch.ok());
  EXPECT_EQ(seen.rfind("PATCH /api/x/1 HTTP/1.1", 0), 0u);
}

TEST(CurlClientTest, RefusedConnectionsAndTimeoutsAreErrors) {
  int port;
  {
    LoopbackServer gone([](int, const std::string&) {});
    port = std::stoi(gone.url().substr(gone.url().rfind(':') + 1));
  }
  auto refused = MakeCurlClient("http://127.0.0.1:" + std::to_string(port), 1000ms)
                     ->Send({"GET", "/health", {}, std::nullopt});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, "http.connect");
  EXPECT_NE(refused.error().message.find("connection refused"), std::string::npos)
      << refused.error().message;

  LoopbackServer slow([](int fd, const std::string&) {
    std::this_thread::sleep_for(600ms);
    LoopbackServer::Write(fd, "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
  });
  auto late = MakeCurlClient(slow.url(), 150ms)->Send({"GET", "/health", {}, std::nullopt});
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.error().code, "http.timeout");
}

TEST(CurlClientTest, StreamsDeliverBytesAsTheyArriveAndCloseOnDestruction) {
  std::atomic<bool> closed_by_client{false};
  LoopbackServer server([&](int fd, const std::string& req) {
    if (req.find("Authorization") == std::string::npos) {
      std::string body = R"({"status":401})";
      LoopbackServer::Write(fd,
                            "HTTP/1.1 401 Unauthorized\r\nContent-Type: "
                            "application/problem+json\r\nContent-Length: " +
                                std::to_string(body.size()) + "\r\n\r\n" + body);
      return;
    }
    LoopbackServer::Write(fd,
                          "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: "
                          "no-cache\r\n\r\n: hi\n\n");
    std::this_thread::sleep_for(50ms);
    LoopbackServer::Write(fd, "event: x.created\ndata: {\"id\":1}\n\n");
    LoopbackServer::AwaitClose(fd, 3000ms);
    closed_by_client = true;
  });
  auto client = MakeCurlClient(server.url(), 2000ms);
  auto denied = client->Open({"GET", "/api/events", {}, std::nullopt});
  ASSERT_TRUE(denied.ok());
  EXPECT_EQ((*denied)->head().status, 401);
  EXPECT_EQ((*denied)->head().body, R"({"status":401})");
  denied->reset();

  auto opened = client->Open({"GET", "/api/events", {{"Authorization", "Bearer t"}}, std::nullopt});
  ASSERT_TRUE(opened.ok()) << opened.error().message;
  auto& stream = *opened;
  EXPECT_EQ(stream->head().status, 200);
  EXPECT_EQ(stream->head().MediaType(), "text/event-stream");
  std::string got;
  auto deadline = std::chrono::steady_clock::now() + 2s;
  while (got.find("data: {\"id\":1}") == std::string::npos &&
         std::chrono::steady_clock::now() < deadline) {
    got += stream->Read(200ms);
  }
  EXPECT_NE(got.find(": hi"), std::string::npos);
  EXPECT_NE(got.find("event: x.created\ndata: {\"id\":1}"), std::string::npos) << got;
  EXPECT_TRUE(stream->Read(30ms).empty()) << "nothing more arrived";
  EXPECT_FALSE(stream->ended());
  auto start = std::chrono::steady_clock::now();
  stream.reset();
  EXPECT_LT(std::chrono::steady_clock::now() - start, 1500ms)
      << "closing does not wait for the server";
  for (int i = 0; i < 100 && !closed_by_client; ++i) std::this_thread::sleep_for(10ms);
  EXPECT_TRUE(closed_by_client);
}

}  // namespace
}  // namespace bf::verify
