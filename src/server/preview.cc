#include "server/preview.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <string_view>
#include <thread>

#include "run/sandbox.h"
#include "server/log.h"
#include "verify/curl_client.h"

namespace bf::server {

namespace {

constexpr size_t kLogLines = 100;
constexpr size_t kMaxLineBytes = 4096;

// The sandbox runner after handing the folders to the sandbox uid (when running as root).
class PreparedSandboxRunner final : public run::ProcessRunner {
 public:
  explicit PreparedSandboxRunner(const PreviewLaunch& launch)
      : policy_{.projectDir = launch.projectDir, .network = launch.socket.empty(), .writable = {launch.privateDir}},
        runner_(policy_),
        socket_(launch.socket),
        port_(launch.port) {}

  run::ProcessResult Run(const run::ProcessSpec& spec, const run::LineSink& sink, const std::atomic<bool>* cancel) override {
    for (const auto& dir : {policy_.projectDir, policy_.writable.front()}) {
      if (auto st = run::PrepareProjectForSandbox(dir, policy_); !st.ok()) {
        run::ProcessResult r;
        r.reason = run::EndReason::kFailedToStart;
        r.output = st.error().message;
        return r;
      }
    }
    if (socket_.empty()) return runner_.Run(spec, sink, cancel);
    run::ProcessSpec bridged = spec;
    bridged.argv = BridgedCommand(spec.argv, socket_, port_);
    return runner_.Run(bridged, sink, cancel);
  }

 private:
  run::SandboxPolicy policy_;
  run::SandboxRunner runner_;
  std::filesystem::path socket_;
  int port_;
};

std::string StartingReason(const PreviewLaunch& l) {
  return l.startingReason.empty() ? "waiting for /health" : l.startingReason;
}

// sun_path holds 108 bytes with the terminating NUL.
constexpr size_t kMaxSocketPath = 107;

}  // namespace

std::unique_ptr<run::ProcessRunner> SandboxPreviewRunner(const PreviewLaunch& launch) {
  return std::make_unique<PreparedSandboxRunner>(launch);
}

std::vector<std::string> BridgedCommand(const std::vector<std::string>& argv, const std::filesystem::path& socket,
                                        int port) {
  // socat listens before the app starts; each connection forks a child that connects to the
  // app's port. Both live in the sandbox's pid namespace and end with it. The socket path is
  // checked by Start (no characters socat's address syntax would read).
  std::vector<std::string> cmd = {
      "/bin/sh", "-c",
      "socket=$1; port=$2; shift 2; "
      "socat UNIX-LISTEN:\"$socket\",fork,unlink-early,mode=600 TCP:127.0.0.1:\"$port\" & exec \"$@\"",
      "preview", socket.string(), std::to_string(port)};
  cmd.insert(cmd.end(), argv.begin(), argv.end());
  return cmd;
}

std::unique_ptr<verify::HttpClient> PreviewClient(const PreviewEndpoint& endpoint, std::chrono::milliseconds timeout) {
  if (!endpoint.socket.empty()) return verify::MakeUnixSocketClient(endpoint.socket.string(), timeout);
  return verify::MakeCurlClient("http://127.0.0.1:" + std::to_string(endpoint.port), timeout);
}

bool HttpHealthProbe(const PreviewEndpoint& endpoint) {
  auto client = PreviewClient(endpoint, std::chrono::milliseconds(1000));
  auto r = client->Send(verify::HttpRequest{.method = "GET", .target = "/health", .headers = {}, .body = std::nullopt});
  return r.ok() && r->status >= 200 && r->status < 300;
}

Result<int> FreeLoopbackPort() {
  int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return MakeError("preview.port", std::string("cannot open a socket: ") + std::strerror(errno));
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  socklen_t len = sizeof addr;
  int port = 0;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0) {
    port = ntohs(addr.sin_port);
  }
  int saved = errno;
  ::close(fd);
  if (port == 0) return MakeError("preview.port", std::string("no free loopback port: ") + std::strerror(saved));
  return port;
}

struct PreviewManager::Entry {
  PreviewLaunch launch;
  std::string state = "starting";
  std::string reason = "waiting for /health";
  int64_t startedAt = 0;
  int64_t lastUsed = 0;
  std::deque<std::string> log;
  std::atomic<bool> cancel{false};
  bool stopRequested = false;
  std::string stopReason;
  bool exited = false;
  std::string exitSummary;
  std::condition_variable cv;
  std::thread process;
  std::thread monitor;
};

PreviewManager::PreviewManager(EventHub& hub, const Clock& clock, PreviewOptions options)
    : hub_(hub), clock_(clock), options_(std::move(options)) {
  if (!options_.runner) options_.runner = SandboxPreviewRunner;
  if (!options_.probe) options_.probe = HttpHealthProbe;
}

PreviewManager::~PreviewManager() { StopAll(); }

PreviewStatus PreviewManager::Snapshot(const Entry& e) const {
  PreviewStatus s;
  s.projectId = e.launch.projectId;
  s.state = e.state;
  s.reason = e.reason;
  s.port = e.launch.port;
  s.startedAt = e.startedAt;
  s.log.assign(e.log.begin(), e.log.end());
  return s;
}

void PreviewManager::PublishHealth(const PreviewStatus& s) {
  hub_.Publish(EventHub::ProjectTopic(s.projectId), "preview.health",
               {{"projectId", s.projectId}, {"state", s.state}, {"reason", s.reason}, {"port", s.port}});
}

Result<PreviewStatus> PreviewManager::Start(PreviewLaunch launch) {
  if (options_.isolateNetwork && launch.socket.empty()) {
    launch.socket = launch.privateDir / "http.sock";
    std::string path = launch.socket.string();
    if (path.size() > kMaxSocketPath) {
      return MakeError("preview.socket", "the preview's socket path " + path + " is " + std::to_string(path.size()) +
                                             " bytes, more than a Unix socket allows (" + std::to_string(kMaxSocketPath) +
                                             "): start the server with a shorter --data path");
    }
    for (char c : path) {
      if (!std::isalnum(static_cast<unsigned char>(c)) && std::string_view("/._-").find(c) == std::string_view::npos) {
        return MakeError("preview.socket", "the preview's socket path " + path +
                                               " has a character other than letters, digits and / . _ -: start the "
                                               "server with a plainer --data path");
      }
    }
  }
  std::shared_ptr<Entry> e;
  std::thread old_monitor;
  {
    std::lock_guard lock(mu_);
    auto it = entries_.find(launch.projectId);
    if (it != entries_.end() && it->second->state != "stopped") return Snapshot(*it->second);
    int mine = 0;
    for (const auto& [pid, other] : entries_) {
      if (other->launch.userId == launch.userId && other->state != "stopped") ++mine;
    }
    if (mine >= options_.maxPerUser) {
      return MakeError("preview.limit", "you already run " + std::to_string(mine) + " preview" + (mine == 1 ? "" : "s") +
                                            " (the limit); stop one with DELETE /api/preview/{projectId} first");
    }
    if (it != entries_.end()) old_monitor = std::move(it->second->monitor);
    e = std::make_shared<Entry>();
    e->launch = std::move(launch);
    e->reason = StartingReason(e->launch);
    e->startedAt = e->lastUsed = clock_.NowMillis();
    entries_[e->launch.projectId] = e;
    // Both threads start under the lock so Stop() never sees a half-made entry.
    e->process = std::thread([this, e] { RunProcess(e); });
    e->monitor = std::thread([this, e] { Monitor(e); });
  }
  if (old_monitor.joinable()) old_monitor.join();  // a stopped preview's finished monitor
  PreviewStatus s;
  {
    std::lock_guard lock(mu_);
    s = Snapshot(*e);
  }
  PublishHealth(s);
  return s;
}

void PreviewManager::RunProcess(const std::shared_ptr<Entry>& e) {
  auto runner = options_.runner(e->launch);
  run::ProcessSpec spec;
  spec.argv = e->launch.argv;
  spec.cwd = e->launch.projectDir;
  spec.env = e->launch.env;
  spec.limits.wallTime = e->launch.wallTime;
  spec.limits.maxOutputBytes = options_.maxOutputBytes;
  spec.label = "preview";
  const std::string topic = EventHub::ProjectTopic(e->launch.projectId);
  auto sink = [&](const std::string& raw) {
    std::string line = raw.size() > kMaxLineBytes ? raw.substr(0, kMaxLineBytes) : raw;
    {
      std::lock_guard lock(mu_);
      e->log.push_back(line);
      if (e->log.size() > kLogLines) e->log.pop_front();
    }
    hub_.Publish(topic, "preview.log", {{"projectId", e->launch.projectId}, {"line", line}});
  };
  run::ProcessResult r = runner->Run(spec, sink, &e->cancel);
  std::string summary = r.Summary();
  if (r.reason == run::EndReason::kFailedToStart && !r.output.empty()) summary += ": " + r.output;
  if (!r.limitHit.empty() && r.reason != run::EndReason::kCancelled) summary += " (" + r.limitHit + ")";
  std::lock_guard lock(mu_);
  e->exited = true;
  e->exitSummary = summary;
  e->cv.notify_all();
}

void PreviewManager::Monitor(const std::shared_ptr<Entry>& e) {
  const PreviewEndpoint endpoint{e->launch.port, e->launch.socket};
  for (;;) {
    {
      std::unique_lock lock(mu_);
      auto interval = e->state == "starting" ? std::min(options_.startupHealthInterval, options_.healthInterval)
                                             : options_.healthInterval;
      e->cv.wait_for(lock, interval, [&] { return e->stopRequested || e->exited; });
      if (e->stopRequested || e->exited) break;
    }
    bool healthy = options_.probe(endpoint);  // no lock held while asking
    std::optional<PreviewStatus> changed;
    {
      std::lock_guard lock(mu_);
      if (e->stopRequested || e->exited) break;
      int64_t now = clock_.NowMillis();
      if (now - e->lastUsed >= options_.idleMillis) {
        e->stopRequested = true;
        e->stopReason = "stopped after " + std::to_string(options_.idleMillis / 1000) + " s without requests";
        break;
      }
      std::string state = healthy ? "healthy" : (e->state == "starting" && now - e->startedAt < options_.startupMillis ? "starting" : "unhealthy");
      std::string reason = healthy ? "GET /health answered 2xx"
                                   : (state == "starting" ? StartingReason(e->launch) : "GET /health did not answer 2xx");
      if (state != e->state) {
        e->state = state;
        e->reason = reason;
        changed = Snapshot(*e);
      }
    }
    if (changed) PublishHealth(*changed);
  }
  // Stop the process (the runner kills its process group, then the sandbox's cgroup and pid
  // namespace go with it) and wait for it.
  e->cancel = true;
  if (e->process.joinable()) e->process.join();
  PreviewStatus s;
  {
    std::lock_guard lock(mu_);
    e->state = "stopped";
    e->reason = e->stopRequested ? e->stopReason : "the process ended: " + e->exitSummary;
    s = Snapshot(*e);
  }
  log::Info("preview.stopped", {{"projectId", s.projectId}, {"reason", s.reason}});
  PublishHealth(s);
}

std::optional<PreviewStatus> PreviewManager::Get(const std::string& project_id) const {
  std::lock_guard lock(mu_);
  auto it = entries_.find(project_id);
  if (it == entries_.end()) return std::nullopt;
  return Snapshot(*it->second);
}

std::optional<PreviewEndpoint> PreviewManager::Use(const std::string& project_id) {
  std::lock_guard lock(mu_);
  auto it = entries_.find(project_id);
  if (it == entries_.end() || it->second->state == "stopped" || it->second->stopRequested) return std::nullopt;
  it->second->lastUsed = clock_.NowMillis();
  return PreviewEndpoint{it->second->launch.port, it->second->launch.socket};
}

bool PreviewManager::Stop(const std::string& project_id, const std::string& reason) {
  std::thread monitor;
  bool was_running = false;
  {
    std::lock_guard lock(mu_);
    auto it = entries_.find(project_id);
    if (it == entries_.end()) return false;
    Entry& e = *it->second;
    was_running = e.state != "stopped" && !e.stopRequested && !e.exited;
    if (!e.stopRequested && !e.exited) {
      e.stopRequested = true;
      e.stopReason = reason;
    }
    e.cv.notify_all();
    monitor = std::move(e.monitor);
  }
  if (monitor.joinable()) monitor.join();
  return was_running;
}

void PreviewManager::StopAll() {
  std::vector<std::string> ids;
  {
    std::lock_guard lock(mu_);
    for (const auto& [pid, e] : entries_) ids.push_back(pid);
  }
  for (const auto& id : ids) Stop(id, "the server is stopping");
}

size_t PreviewManager::Running() const {
  std::lock_guard lock(mu_);
  size_t n = 0;
  for (const auto& [pid, e] : entries_) n += e->state != "stopped";
  return n;
}

}  // namespace bf::server
