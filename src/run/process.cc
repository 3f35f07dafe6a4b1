#include "run/process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "common/strings.h"

namespace bf::run {

std::string_view ToString(EndReason r) {
  switch (r) {
    case EndReason::kExited: return "exited";
    case EndReason::kSignaled: return "signaled";
    case EndReason::kWallTimeout: return "wall-time limit";
    case EndReason::kCancelled: return "cancelled";
    case EndReason::kOutputLimit: return "output limit";
    case EndReason::kFailedToStart: return "failed to start";
  }
  return "unknown";
}

namespace {

std::string Seconds(std::chrono::milliseconds d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1fs", static_cast<double>(d.count()) / 1000.0);
  return buf;
}

// The descriptor numbers a process can have: the RLIMIT_NOFILE soft limit, capped so the
// fallback loop below stays short.
int HighestDescriptorLimit() {
  struct rlimit rl {};
  if (::getrlimit(RLIMIT_NOFILE, &rl) != 0 || rl.rlim_cur == RLIM_INFINITY || rl.rlim_cur > (1u << 20)) return 1 << 20;
  return static_cast<int>(rl.rlim_cur);
}

// In the forked child before exec (async-signal-safe calls only): closes every descriptor above
// stderr. close_range does it in one call; kernels older than 5.9 get the loop.
void CloseInheritedDescriptors(int max_fd) {
  if (::close_range(3, ~0u, 0) == 0) return;
  for (int fd = 3; fd < max_fd; ++fd) ::close(fd);
}

}  // namespace

std::string ProcessResult::Summary() const {
  switch (reason) {
    case EndReason::kExited:
      return "exited with code " + std::to_string(exitCode) + " after " + Seconds(duration);
    case EndReason::kSignaled:
      return "killed by signal " + std::to_string(signal) + " (" + strsignal(signal) + ") after " + Seconds(duration) +
             (limitHit.empty() ? "" : "; limit: " + limitHit);
    case EndReason::kWallTimeout:
      return "stopped: " + limitHit + " reached";
    case EndReason::kCancelled:
      return "cancelled after " + Seconds(duration);
    case EndReason::kOutputLimit:
      return "stopped: " + limitHit + " reached";
    case EndReason::kFailedToStart:
      return "could not start: " + output;
  }
  return "unknown";
}

std::string FindInPath(const std::string& program, const std::string& path) {
  if (program.find('/') != std::string::npos) {
    return ::access(program.c_str(), X_OK) == 0 ? program : "";
  }
  for (const auto& dir : Split(path, ':')) {
    if (dir.empty()) continue;
    std::string candidate = dir + "/" + program;
    struct stat st {};
    if (::stat(candidate.c_str(), &st) == 0 && S_ISREG(st.st_mode) && ::access(candidate.c_str(), X_OK) == 0) {
      return candidate;
    }
  }
  return "";
}

std::map<std::string, std::string> BaseEnvironment(const std::map<std::string, std::string>& extra) {
  std::map<std::string, std::string> env;
  for (const char* key : {"PATH", "HOME", "LANG", "TMPDIR"}) {
    if (const char* v = std::getenv(key)) env[key] = v;
  }
  if (!env.count("PATH")) env["PATH"] = "/usr/local/bin:/usr/bin:/bin";
  if (!env.count("LANG")) env["LANG"] = "C.UTF-8";
  env["TERM"] = "dumb";
  env["NO_COLOR"] = "1";
  env["CI"] = "1";
  for (const auto& [k, v] : extra) env[k] = v;
  return env;
}

namespace {

class LocalRunner final : public ProcessRunner {
 public:
  ProcessResult Run(const ProcessSpec& spec, const LineSink& sink, const std::atomic<bool>* cancel) override {
    ProcessResult result;
    const Limits& lim = spec.limits;
    result.limitsInForce.push_back("wall " + Seconds(lim.wallTime));
    if (lim.cpuSeconds) result.limitsInForce.push_back("cpu " + std::to_string(*lim.cpuSeconds) + "s (rlimit)");
    if (lim.memoryBytes) result.limitsInForce.push_back("address space " + std::to_string(*lim.memoryBytes >> 20) + " MiB (rlimit)");
    if (lim.fileSizeBytes) result.limitsInForce.push_back("file size " + std::to_string(*lim.fileSizeBytes >> 20) + " MiB (rlimit)");
    if (lim.processes) {
      result.limitsInForce.push_back("processes " + std::to_string(*lim.processes) +
                                     (::getuid() == 0 ? " (rlimit, not enforced for root)" : " (rlimit)"));
    }
    result.limitsInForce.push_back("output " + std::to_string(lim.maxOutputBytes >> 10) + " KiB");

    auto start = std::chrono::steady_clock::now();
    auto elapsed = [&] {
      return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
    };
    if (spec.argv.empty()) {
      result.reason = EndReason::kFailedToStart;
      result.output = "empty command";
      return result;
    }
    std::string path_value = spec.env.count("PATH") ? spec.env.at("PATH") : "/usr/bin:/bin";
    std::string exe = FindInPath(spec.argv[0], path_value);
    if (exe.empty()) {
      result.reason = EndReason::kFailedToStart;
      result.output = Quote(spec.argv[0]) + " not found in PATH (" + path_value + ")";
      return result;
    }
    // Everything the child needs is prepared before fork: it only calls async-signal-safe functions.
    std::vector<std::string> env_strings;
    for (const auto& [k, v] : spec.env) env_strings.push_back(k + "=" + v);
    std::vector<char*> argv, envp;
    for (const auto& a : spec.argv) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    for (auto& e : env_strings) envp.push_back(e.data());
    envp.push_back(nullptr);
    std::string cwd = spec.cwd.string();
    std::vector<std::string> cgroup_files = spec.joinCgroups;

    const int max_fd = HighestDescriptorLimit();  // read before fork, where the child cannot allocate
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) {
      result.reason = EndReason::kFailedToStart;
      result.output = std::string("pipe: ") + std::strerror(errno);
      return result;
    }
    pid_t pid = ::fork();
    if (pid < 0) {
      ::close(fds[0]);
      ::close(fds[1]);
      result.reason = EndReason::kFailedToStart;
      result.output = std::string("fork: ") + std::strerror(errno);
      return result;
    }
    if (pid == 0) {
      ::setsid();
      int devnull = ::open("/dev/null", O_RDONLY);
      if (devnull >= 0) ::dup2(devnull, 0);
      ::dup2(fds[1], 1);
      ::dup2(fds[1], 2);
      // Only the standard streams go to the child. The server's descriptors are inheritable (Asio
      // opens its listener and accepted connections without close-on-exec): a child holding copies
      // keeps browser connections open after the server closes them and can read their traffic.
      CloseInheritedDescriptors(max_fd);
      if (!cwd.empty() && ::chdir(cwd.c_str()) != 0) _exit(126);
      for (const auto& f : cgroup_files) {  // async-signal-safe: open, write, close
        int cfd = ::open(f.c_str(), O_WRONLY | O_CLOEXEC);
        if (cfd < 0) _exit(125);
        char digits[24];
        int n = 0;
        for (pid_t v = ::getpid(); v > 0; v /= 10) digits[n++] = static_cast<char>('0' + v % 10);
        char out[24];
        for (int k = 0; k < n; ++k) out[k] = digits[n - 1 - k];
        if (::write(cfd, out, static_cast<size_t>(n)) != n) _exit(125);
        ::close(cfd);
      }
      auto limit = [](int resource, rlim_t v) {
        struct rlimit rl {v, v};
        ::setrlimit(resource, &rl);
      };
      if (lim.cpuSeconds) {  // soft limit sends SIGXCPU (reported), the hard one a second later SIGKILL
        struct rlimit rl {static_cast<rlim_t>(*lim.cpuSeconds), static_cast<rlim_t>(*lim.cpuSeconds + 1)};
        ::setrlimit(RLIMIT_CPU, &rl);
      }
      if (lim.memoryBytes) limit(RLIMIT_AS, *lim.memoryBytes);
      if (lim.fileSizeBytes) limit(RLIMIT_FSIZE, *lim.fileSizeBytes);
      if (lim.processes) limit(RLIMIT_NPROC, static_cast<rlim_t>(*lim.processes));
      ::signal(SIGPIPE, SIG_DFL);
      ::execve(exe.c_str(), argv.data(), envp.data());
      _exit(127);
    }
    ::close(fds[1]);
    ::fcntl(fds[0], F_SETFL, O_NONBLOCK);

    std::string pending;  // partial line
    bool killed = false;
    auto kill_group = [&](EndReason why, const std::string& limit_name) {
      if (killed) return;
      killed = true;
      result.reason = why;
      result.limitHit = limit_name;
      ::kill(-pid, SIGTERM);
    };
    auto kill_deadline = std::chrono::steady_clock::time_point::max();
    bool eof = false;
    int status = 0;
    bool reaped = false;
    char buf[8192];
    while (!eof || !reaped) {
      if (!reaped) {
        pid_t w = ::waitpid(pid, &status, WNOHANG);
        if (w == pid) reaped = true;
      }
      if (!killed) {
        if (elapsed() > lim.wallTime) kill_group(EndReason::kWallTimeout, "wall-time limit " + Seconds(lim.wallTime));
        else if (cancel && cancel->load()) kill_group(EndReason::kCancelled, "");
        if (killed) kill_deadline = std::chrono::steady_clock::now() + std::chrono::seconds(3);
      } else if (std::chrono::steady_clock::now() > kill_deadline) {
        ::kill(-pid, SIGKILL);
        kill_deadline = std::chrono::steady_clock::time_point::max();
      }
      if (eof) {
        if (!reaped) ::usleep(10'000);
        // A reaped leader whose pipe is still held open by a grandchild: stop waiting for EOF
        // shortly after, and kill what is left in the group below.
        if (reaped) break;
        continue;
      }
      struct pollfd pfd {fds[0], POLLIN, 0};
      int pr = ::poll(&pfd, 1, reaped ? 50 : 100);
      if (pr > 0) {
        ssize_t n = ::read(fds[0], buf, sizeof buf);
        if (n > 0) {
          result.outputBytes += static_cast<size_t>(n);
          if (result.output.size() < lim.maxOutputBytes) {
            result.output.append(buf, std::min(static_cast<size_t>(n), lim.maxOutputBytes - result.output.size()));
          } else if (!killed && result.outputBytes > lim.maxOutputBytes * 4) {
            kill_group(EndReason::kOutputLimit, "output limit " + std::to_string(lim.maxOutputBytes >> 10) + " KiB");
            kill_deadline = std::chrono::steady_clock::now() + std::chrono::seconds(3);
          }
          if (sink) {
            pending.append(buf, static_cast<size_t>(n));
            size_t nl;
            while ((nl = pending.find('\n')) != std::string::npos) {
              sink(pending.substr(0, nl));
              pending.erase(0, nl + 1);
            }
            if (pending.size() > 64 * 1024) {
              sink(pending);
              pending.clear();
            }
          }
        } else if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR)) {
          eof = true;
        }
      } else if (pr == 0 && reaped) {
        // Leader gone, nobody writing right now: give grandchildren a moment, then stop.
        eof = true;
      }
    }
    if (sink && !pending.empty()) sink(pending);
    ::close(fds[0]);
    ::kill(-pid, SIGKILL);  // anything left in the group (daemonized helpers, watchers)
    if (!reaped) ::waitpid(pid, &status, 0);
    result.duration = elapsed();
    if (!killed) {
      if (WIFEXITED(status)) {
        result.reason = EndReason::kExited;
        result.exitCode = WEXITSTATUS(status);
      } else if (WIFSIGNALED(status)) {
        result.reason = EndReason::kSignaled;
        result.signal = WTERMSIG(status);
        if (result.signal == SIGXCPU || (result.signal == SIGKILL && lim.cpuSeconds)) result.limitHit = "cpu-time limit";
        if (result.signal == SIGXFSZ) result.limitHit = "file-size limit";
      }
    } else if (WIFEXITED(status)) {
      result.exitCode = WEXITSTATUS(status);
    } else if (WIFSIGNALED(status)) {
      result.signal = WTERMSIG(status);
    }
    if (result.reason == EndReason::kExited && result.exitCode == 127 && result.outputBytes == 0) {
      result.reason = EndReason::kFailedToStart;
      result.output = "could not execute " + exe;
    }
    return result;
  }
};

}  // namespace

std::unique_ptr<ProcessRunner> MakeLocalRunner() { return std::make_unique<LocalRunner>(); }

}  // namespace bf::run
