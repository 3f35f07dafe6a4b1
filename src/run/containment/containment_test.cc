// Containment of untrusted code: real processes in the real sandbox. Each attack must end
// contained, with a clear result, and leave nothing running.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <fstream>
#include <thread>

#include "run/sandbox.h"

namespace bf::run {
namespace {

namespace fs = std::filesystem;

class Containment : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!ProbeSandbox().bwrap) GTEST_FAIL() << "sandbox unavailable: " << ProbeSandbox().problem;
    root_ = fs::temp_directory_path() / ("bf-contain-" + std::to_string(::getpid()) + "-" +
                                         ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_ / "project");
    fs::create_directories(root_ / "data");
    std::ofstream(root_ / "data/secret.db") << "tenant data";
    policy_.projectDir = root_ / "project";
    ASSERT_TRUE(PrepareProjectForSandbox(policy_.projectDir, policy_).ok());
  }
  void TearDown() override { fs::remove_all(root_); }

  ProcessResult Sh(const std::string& script, Limits limits = Limits{}) {
    SandboxRunner runner(policy_);
    ProcessSpec s;
    s.argv = {"sh", "-c", script};
    s.cwd = policy_.projectDir;
    s.env = {{"PATH", "/usr/bin:/bin"}, {"HOME", "/tmp"}};
    if (limits.wallTime == Limits{}.wallTime) limits.wallTime = std::chrono::seconds(20);
    s.limits = limits;
    return runner.Run(s);
  }

  // A fork bomb that would run for ever without a process limit.
  ProcessResult Bomb(Limits limits) {
    limits.wallTime = std::chrono::seconds(15);
    return Sh("bomb() { bomb | bomb & }; bomb; sleep 2; echo survived", limits);
  }

  // The bomb met a process limit, did not keep the run alive and left nothing behind.
  static void ExpectBombContained(const ProcessResult& r) {
    EXPECT_NE(r.reason, EndReason::kWallTimeout) << "the bomb must not keep the run alive";
    bool contained = r.limitHit == "process limit" || r.output.find("fork") != std::string::npos ||
                     r.output.find("Resource temporarily unavailable") != std::string::npos;
    EXPECT_TRUE(contained) << r.Summary() << " / " << r.limitHit << "\n" << r.output.substr(0, 300);
    EXPECT_EQ(SandboxProcesses(), 0);
  }

  // No process of the sandbox user may survive a run. A killed process leaves its cgroup before
  // it has finished exiting, so this waits up to 2 s for the count to reach 0.
  static int SandboxProcesses() {
    int n = CountSandboxProcesses();
    for (int i = 0; n > 0 && i < 100; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      n = CountSandboxProcesses();
    }
    return n;
  }

  static int CountSandboxProcesses() {
    int n = 0;
    for (const auto& e : fs::directory_iterator("/proc")) {
      std::string name = e.path().filename().string();
      if (name.empty() || !std::isdigit(static_cast<unsigned char>(name[0]))) continue;
      std::ifstream status(e.path() / "status");
      std::string line;
      while (std::getline(status, line)) {
        if (line.rfind("Uid:", 0) == 0) {
          if (line.find("\t65534\t") != std::string::npos) ++n;
          break;
        }
        if (line.rfind("State:", 0) == 0 && line.find("Z (zombie)") != std::string::npos) break;
      }
    }
    return n;
  }

  SandboxPolicy policy_;
  fs::path root_;
};

TEST_F(Containment, ForkBombHitsTheProcessLimit) {
  Limits l;
  l.processes = 64;
  ExpectBombContained(Bomb(l));
}

// A caller that sets no limits (as the server's pipeline steps once did) still gets the policy's
// defaults: the bomb meets a process limit instead of the host's pid space.
TEST_F(Containment, ForkBombWithoutExplicitLimitsMeetsThePolicyDefault) {
  policy_.defaultProcesses = 64;
  auto r = Bomb(Limits{});
  bool reported = false;
  for (const auto& line : r.limitsInForce) reported = reported || line.find("64") != std::string::npos;
  EXPECT_TRUE(reported) << "the default process limit is listed among the limits in force";
  ExpectBombContained(r);
}

TEST_F(Containment, MemoryHogHitsTheMemoryLimit) {
  Limits l;
  l.memoryBytes = 128u << 20;
  auto r = Sh("python3 -c \"x = bytearray(1024*1024*1024); print('allocated', len(x))\"", l);
  EXPECT_FALSE(r.ok()) << r.Summary();
  EXPECT_EQ(r.output.find("allocated"), std::string::npos);
  EXPECT_TRUE(r.limitHit == "memory limit" || r.output.find("MemoryError") != std::string::npos) << r.Summary() << " " << r.output;
}

TEST_F(Containment, InfiniteLoopHitsTheWallClock) {
  Limits l;
  l.wallTime = std::chrono::milliseconds(1500);
  auto r = Sh("while :; do :; done", l);
  EXPECT_EQ(r.reason, EndReason::kWallTimeout) << r.Summary();
  EXPECT_LT(r.duration.count(), 8000);
  EXPECT_EQ(SandboxProcesses(), 0);
}

TEST_F(Containment, DaemonizedGrandchildDoesNotOutliveTheRun) {
  auto r = Sh("setsid sh -c 'sleep 120' > /dev/null 2>&1 < /dev/null & (nohup sleep 120 &) ; echo started");
  EXPECT_TRUE(r.ok()) << r.Summary();
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  EXPECT_EQ(SandboxProcesses(), 0);
}

TEST_F(Containment, NoNetworkBeyondItsOwnLoopback) {
  int srv = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(::bind(srv, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  ASSERT_EQ(::listen(srv, 4), 0);
  socklen_t len = sizeof addr;
  ::getsockname(srv, reinterpret_cast<sockaddr*>(&addr), &len);
  int port = ntohs(addr.sin_port);
  auto r = Sh("python3 - <<'EOF'\nimport socket\nfor host, port in [('127.0.0.1', " + std::to_string(port) +
              "), ('1.1.1.1', 443), ('registry.npmjs.org', 443)]:\n    try:\n        socket.create_connection((host, port), timeout=3)\n"
              "        print('REACHED', host)\n    except Exception as e:\n        print('blocked', host, type(e).__name__)\n"
              "s = socket.socket(); s.bind(('127.0.0.1', 5000)); s.listen(); print('own loopback ok')\nEOF");
  ::close(srv);
  EXPECT_EQ(r.output.find("REACHED"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("own loopback ok"), std::string::npos) << r.output;
}

TEST_F(Containment, CannotReadTheDataDirectorySshOrEnvironment) {
  ::setenv("BACKENDFORGE_JWT_SECRET", "super-secret-value", 1);
  auto r = Sh("cat " + (root_ / "data/secret.db").string() + " 2>&1; ls /root/.ssh 2>&1; ls /root 2>&1; cat /proc/1/environ 2>&1 | tr '\\0' '\\n'; env");
  ::unsetenv("BACKENDFORGE_JWT_SECRET");
  EXPECT_EQ(r.output.find("tenant data"), std::string::npos) << r.output;
  EXPECT_EQ(r.output.find("super-secret-value"), std::string::npos) << r.output;
  EXPECT_EQ(r.output.find("id_rsa"), std::string::npos);
  EXPECT_NE(r.output.find("No such file or directory"), std::string::npos) << r.output;
}

TEST_F(Containment, CannotWriteOutsideTheProject) {
  auto r = Sh("echo x > /usr/evil 2>&1; echo x > " + (root_ / "data/evil").string() + " 2>&1; echo x > /etc/evil 2>&1; "
              "echo ok > inside.txt && cat inside.txt");
  EXPECT_FALSE(fs::exists("/usr/evil"));
  EXPECT_FALSE(fs::exists(root_ / "data/evil"));
  EXPECT_FALSE(fs::exists("/etc/evil"));
  EXPECT_TRUE(fs::exists(policy_.projectDir / "inside.txt")) << r.output;
  EXPECT_NE(r.output.find("ok"), std::string::npos);
}

TEST_F(Containment, ReportsTheIsolationInForce) {
  Limits l;
  l.memoryBytes = 256u << 20;
  l.processes = 128;
  auto r = Sh("id -u", l);
  ASSERT_TRUE(r.ok()) << r.Summary() << r.output;
  std::string all;
  for (const auto& s : r.limitsInForce) all += s + "; ";
  EXPECT_NE(all.find("network namespaces"), std::string::npos) << all;
  EXPECT_NE(all.find("wall"), std::string::npos) << all;
  if (::geteuid() == 0) {
    EXPECT_EQ(r.output, "65534\n");
    EXPECT_NE(all.find("memory 256 MiB (cgroup v1)"), std::string::npos) << all;
  }
}

}  // namespace
}  // namespace bf::run
