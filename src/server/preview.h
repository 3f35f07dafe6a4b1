// Live previews: a generated project's backend started with its target's "run" command, on a
// loopback port, watched (health every 500 ms, output lines, idle time) and stopped on
// request, after being idle, or when the server stops. State changes are published on the
// project's topic as `preview.health`, output lines as `preview.log` (docs/API.md).
//
// The process runs through a run::ProcessRunner made per preview (the product: the bubblewrap
// sandbox with its own network namespace, reached through a Unix socket, see
// docs/ARCHITECTURE.md; tests: a local runner on the host's loopback),
// and health is asked through a probe function, so the lifecycle is testable without a sandbox.
// Thread-safe; every preview owns two threads (the process and its monitor).
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "run/process.h"
#include "server/clock.h"
#include "server/event_hub.h"
#include "verify/http_client.h"

namespace bf::server {

// Everything needed to start one preview.
struct PreviewLaunch {
  std::string projectId;
  std::string userId;  // who started it (counted against their limit)
  std::filesystem::path projectDir;  // the working folder
  std::filesystem::path privateDir;  // writable, outside the project (the SQLite file)
  std::vector<std::string> argv;
  std::map<std::string, std::string> env;  // the complete environment of the process
  int port = 0;                            // 127.0.0.1:<port>, given to the process as PORT
  // When set, the process has no network but its own loopback, and the server reaches it through
  // this Unix socket, bridged inside the sandbox to 127.0.0.1:<port>. Empty: the port is on the
  // host's loopback (the local runner of unit tests).
  std::filesystem::path socket;
  std::chrono::seconds wallTime{86400};
  // Shown while "starting" (default "waiting for /health"), e.g. that the code is built first.
  std::string startingReason;
};

// Where the server sends a preview's requests.
struct PreviewEndpoint {
  int port = 0;
  std::filesystem::path socket;  // when set, the connection goes through it (port is then inside)
};

struct PreviewStatus {
  std::string projectId;
  std::string state = "stopped";  // starting | healthy | unhealthy | stopped
  std::string reason;             // why it is in that state, for humans
  int port = 0;
  int64_t startedAt = 0;          // epoch millis; 0 when never started
  std::vector<std::string> log;   // the last output lines (at most 100)
};

using PreviewRunnerFactory = std::function<std::unique_ptr<run::ProcessRunner>(const PreviewLaunch&)>;
// True when the app answers GET /health with 2xx.
using PreviewProbe = std::function<bool(const PreviewEndpoint&)>;

struct PreviewOptions {
  int64_t idleMillis = 15 * 60 * 1000;  // stopped after this long without a proxied request
  int maxPerUser = 2;                   // previews not stopped, per user who started them
  std::chrono::milliseconds healthInterval{500};
  // While "starting", /health is asked this often, so "healthy" is seen soon after the app listens.
  std::chrono::milliseconds startupHealthInterval{50};
  int64_t startupMillis = 120'000;  // "starting" until healthy or this long has passed, then "unhealthy"
  size_t maxOutputBytes = 8u << 20;  // output kept by the runner; a process writing 4x this is stopped
  PreviewRunnerFactory runner;       // default: SandboxPreviewRunner
  PreviewProbe probe;                // default: HttpHealthProbe
  // Each preview in its own network namespace, reached through `<privateDir>/http.sock`. Off only
  // with a runner that cannot make one (the local runner of unit tests).
  bool isolateNetwork = true;
};

// The product's runner: the sandbox as for tests (user, pid, ipc, uts, mount and network
// namespaces, unprivileged uid, read-only toolchains), the project and `privateDir` writable.
// With `launch.socket` set, socat inside the sandbox bridges that socket to the app's port, so
// the app can reach nothing outside (no host loopback, no internet) while the server reaches it;
// without it, the sandbox shares the host network.
std::unique_ptr<run::ProcessRunner> SandboxPreviewRunner(const PreviewLaunch& launch);
// The command that runs `argv` with the socket bridge beside it (socat, then exec of argv).
std::vector<std::string> BridgedCommand(const std::vector<std::string>& argv, const std::filesystem::path& socket,
                                        int port);
// GET /health on the endpoint with a 1 s timeout.
bool HttpHealthProbe(const PreviewEndpoint& endpoint);
// An HTTP client for the endpoint (Unix socket or loopback TCP).
std::unique_ptr<verify::HttpClient> PreviewClient(const PreviewEndpoint& endpoint, std::chrono::milliseconds timeout);
// A free TCP port on 127.0.0.1 (bound, read and released; another process could take it before
// the preview does, in which case the preview fails to listen and reports it).
Result<int> FreeLoopbackPort();

class PreviewManager {
 public:
  PreviewManager(EventHub& hub, const Clock& clock, PreviewOptions options);
  ~PreviewManager();  // stops every preview
  PreviewManager(const PreviewManager&) = delete;
  PreviewManager& operator=(const PreviewManager&) = delete;

  // Starts a preview, or returns the running one of that project. Errors: "preview.limit" when
  // the user already has maxPerUser previews that are not stopped.
  Result<PreviewStatus> Start(PreviewLaunch launch);
  // The current state; nullopt when the project never had a preview since the server started.
  std::optional<PreviewStatus> Get(const std::string& project_id) const;
  // Where to proxy to when the preview is running (not stopped); counts as activity.
  std::optional<PreviewEndpoint> Use(const std::string& project_id);
  // Stops the preview and waits until its processes are gone. False when none was running.
  bool Stop(const std::string& project_id, const std::string& reason);
  void StopAll();
  size_t Running() const;

  const PreviewOptions& options() const { return options_; }

 private:
  struct Entry;
  void RunProcess(const std::shared_ptr<Entry>& e);
  void Monitor(const std::shared_ptr<Entry>& e);
  PreviewStatus Snapshot(const Entry& e) const;  // mu_ held
  void PublishHealth(const PreviewStatus& s);

  EventHub& hub_;
  const Clock& clock_;
  PreviewOptions options_;
  mutable std::mutex mu_;
  std::map<std::string, std::shared_ptr<Entry>> entries_;  // by project id
};

}  // namespace bf::server
