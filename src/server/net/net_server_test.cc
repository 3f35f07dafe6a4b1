// The network front over loopback with an in-process App: what the handler pools guarantee.
#include "server/net/net_server.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "client.h"
#include "server/test_support.h"

namespace bf::server {
namespace {

class NetServerTest : public testing::AppFixture {};

// A preview that stops answering holds its proxied requests until the proxy timeout. With one
// handler thread, a held preview request must not keep the UI, the API or the health check from
// answering: preview traffic runs on threads of its own.
TEST_F(NetServerTest, AHeldPreviewRequestDoesNotStarveTheApiOrTheUi) {
  std::mutex mu;
  std::condition_variable cv;
  bool release = false;
  std::atomic<int> held{0};
  // More literals than the real proxy route, so this one answers /preview/held/...
  app_->router.Add(
      "GET", "/preview/held/{rest+}",
      [&](Request&) {
        ++held;
        std::unique_lock lock(mu);
        cv.wait(lock, [&] { return release; });
        return Text(200, "late", "text/plain");
      },
      RouteOptions{.auth = false});

  NetOptions o;
  o.port = 0;
  o.ioThreads = 1;
  o.handlerThreads = 1;
  NetServer server(*app_, o);
  auto port = server.Listen();
  ASSERT_TRUE(port.ok()) << port.error().message;
  std::thread run([&] { server.Run(); });

  // Two held preview requests: the preview pool has at least two threads, so both are running.
  std::vector<std::thread> previews;
  std::vector<testclient::HttpResponse> preview_answers(2);
  for (int i = 0; i < 2; ++i) {
    previews.emplace_back([&, i] {
      testclient::HttpClient c(*port);
      preview_answers[static_cast<size_t>(i)] = c.Get("/preview/held/asset-" + std::to_string(i) + ".js");
    });
  }
  for (int i = 0; i < 500 && held.load() < 2; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  EXPECT_EQ(held.load(), 2);

  // While they are held, the single handler thread still serves everything else.
  testclient::HttpClient c(*port);
  EXPECT_EQ(c.Get("/health").status, 200);
  EXPECT_EQ(c.Get("/api/openapi.json").status, 200);
  EXPECT_EQ(c.Get("/").status, 200);  // the UI shell (or the "not built" page)
  EXPECT_EQ(held.load(), 2);          // ... and the preview requests are still waiting

  {
    std::lock_guard lock(mu);
    release = true;
  }
  cv.notify_all();
  for (auto& t : previews) t.join();
  for (const auto& a : preview_answers) {
    EXPECT_EQ(a.status, 200);
    EXPECT_EQ(a.body, "late");
  }
  server.Stop();
  run.join();
}

}  // namespace
}  // namespace bf::server
