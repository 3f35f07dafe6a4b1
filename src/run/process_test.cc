#include "run/process.h"

#include <gtest/gtest.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <fstream>
#include <thread>

namespace bf::run {
namespace {

ProcessSpec Shell(const std::string& script) {
  ProcessSpec s;
  s.argv = {"/bin/sh", "-c", script};
  s.env = BaseEnvironment();
  s.cwd = std::filesystem::temp_directory_path();
  s.limits.wallTime = std::chrono::seconds(10);
  return s;
}

TEST(LocalRunner, CapturesOutputAndExitCode) {
  auto runner = MakeLocalRunner();
  std::vector<std::string> lines;
  auto r = runner->Run(Shell("echo one; echo two >&2; exit 3"), [&](const std::string& l) { lines.push_back(l); });
  EXPECT_EQ(r.reason, EndReason::kExited);
  EXPECT_EQ(r.exitCode, 3);
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(lines, (std::vector<std::string>{"one", "two"}));
  EXPECT_NE(r.Summary().find("exited with code 3"), std::string::npos);
}

TEST(LocalRunner, EnvironmentIsOnlyWhatWasGiven) {
  ::setenv("BF_TEST_SECRET", "hunter2", 1);
  auto runner = MakeLocalRunner();
  ProcessSpec s = Shell("echo \"[$BF_TEST_SECRET][$GIVEN]\"");
  s.env["GIVEN"] = "yes";
  auto r = runner->Run(s);
  EXPECT_EQ(r.output, "[][yes]\n");
  ::unsetenv("BF_TEST_SECRET");
}

// A child gets stdin, stdout and stderr only. The server's sockets (the listener, browser
// connections) are open without close-on-exec in the parent; a long-lived child that kept copies
// would hold idle connections open after the server closed them (the browser then sends requests
// nobody reads) and would let generated code read other clients' traffic.
TEST(LocalRunner, TheChildInheritsNoOtherDescriptors) {
  int sock = ::socket(AF_INET, SOCK_STREAM, 0);  // inheritable on purpose, like Asio's sockets
  ASSERT_GE(sock, 0);
  int file = ::open("/dev/null", O_RDONLY);
  ASSERT_GE(file, 0);
  auto runner = MakeLocalRunner();
  // The shell reports whether it holds either descriptor, and any socket at all.
  const std::string s = std::to_string(sock), f = std::to_string(file);
  auto r = runner->Run(Shell("[ -e /proc/$$/fd/" + s + " ] && echo socket " + s + "; [ -e /proc/$$/fd/" + f +
                             " ] && echo file " + f + "; ls -l /proc/$$/fd | grep -o 'socket:' ; echo done"));
  ::close(sock);
  ::close(file);
  EXPECT_TRUE(r.ok()) << r.Summary();
  EXPECT_EQ(r.output, "done\n");
}

TEST(LocalRunner, WallTimeKillsTheWholeGroup) {
  auto marker = std::filesystem::temp_directory_path() / ("bf-proc-" + std::to_string(::getpid()));
  auto runner = MakeLocalRunner();
  ProcessSpec s = Shell("(sleep 30; touch " + marker.string() + ") & sleep 30");
  s.limits.wallTime = std::chrono::milliseconds(300);
  auto r = runner->Run(s);
  EXPECT_EQ(r.reason, EndReason::kWallTimeout);
  EXPECT_NE(r.limitHit.find("wall-time limit"), std::string::npos);
  EXPECT_LT(r.duration.count(), 5000);
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  EXPECT_FALSE(std::filesystem::exists(marker)) << "the background child must be killed too";
}

// Alive and not a zombie (reparented children may stay zombies if nobody reaps them).
bool IsAlive(pid_t pid) {
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  if (!stat) return false;
  std::string line;
  std::getline(stat, line);
  auto close = line.rfind(')');
  return close != std::string::npos && close + 2 < line.size() && line[close + 2] != 'Z';
}

TEST(LocalRunner, LeftoverGroupMembersAreKilledAfterExit) {
  auto runner = MakeLocalRunner();
  auto pidfile = std::filesystem::temp_directory_path() / ("bf-proc-pid-" + std::to_string(::getpid()));
  auto r = runner->Run(Shell("sleep 60 > /dev/null 2>&1 & echo $! > " + pidfile.string() + "; exit 0"));
  EXPECT_TRUE(r.ok()) << r.Summary();
  std::ifstream in(pidfile);
  pid_t child = 0;
  in >> child;
  ASSERT_GT(child, 0);
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  EXPECT_FALSE(IsAlive(child)) << "background sleep must not outlive the run";
  std::filesystem::remove(pidfile);
}

TEST(LocalRunner, CancelStopsTheRun) {
  auto runner = MakeLocalRunner();
  std::atomic<bool> cancel{false};
  std::thread t([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    cancel = true;
  });
  auto r = runner->Run(Shell("sleep 20"), {}, &cancel);
  t.join();
  EXPECT_EQ(r.reason, EndReason::kCancelled);
}

TEST(LocalRunner, OutputIsCappedAndAFloodIsStopped) {
  auto runner = MakeLocalRunner();
  ProcessSpec s = Shell("yes 0123456789 | head -c 3000");
  s.limits.maxOutputBytes = 1000;
  auto r = runner->Run(s);
  EXPECT_TRUE(r.ok()) << r.Summary();
  EXPECT_EQ(r.output.size(), 1000u);
  EXPECT_EQ(r.outputBytes, 3000u);
  ProcessSpec flood = Shell("yes 0123456789");
  flood.limits.maxOutputBytes = 1000;
  auto f = runner->Run(flood);
  EXPECT_EQ(f.reason, EndReason::kOutputLimit);
  EXPECT_NE(f.Summary().find("output limit"), std::string::npos);
}

TEST(LocalRunner, MissingProgramIsAClearError) {
  auto runner = MakeLocalRunner();
  ProcessSpec s = Shell("");
  s.argv = {"definitely-not-a-program-bf"};
  auto r = runner->Run(s);
  EXPECT_EQ(r.reason, EndReason::kFailedToStart);
  EXPECT_NE(r.Summary().find("not found in PATH"), std::string::npos) << r.Summary();
}

TEST(LocalRunner, CpuLimitIsReported) {
  auto runner = MakeLocalRunner();
  ProcessSpec s = Shell("while :; do :; done");
  s.limits.cpuSeconds = 1;
  auto r = runner->Run(s);
  EXPECT_EQ(r.reason, EndReason::kSignaled);
  EXPECT_EQ(r.limitHit, "cpu-time limit");
}

}  // namespace
}  // namespace bf::run
