// Running commands of generated projects as separate processes with limits. The runner is an
// interface: the local runner below uses fork/exec with a process group and rlimits; the
// sandbox runner (bubblewrap) implements the same interface.
#pragma once

#include <atomic>
#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"

namespace bf::run {

struct Limits {
  std::chrono::milliseconds wallTime{600'000};
  std::optional<int> cpuSeconds;            // RLIMIT_CPU
  std::optional<size_t> memoryBytes;        // RLIMIT_AS
  std::optional<size_t> fileSizeBytes;      // RLIMIT_FSIZE
  std::optional<int> processes;             // RLIMIT_NPROC (needs a non-root uid to hold)
  size_t maxOutputBytes = 4 * 1024 * 1024;  // output kept; the rest is counted, not stored
};

struct ProcessSpec {
  std::vector<std::string> argv;  // argv[0] is looked up in PATH of `env` (or the runner's)
  std::filesystem::path cwd;
  std::map<std::string, std::string> env;  // the complete environment of the child
  Limits limits;
  std::string label;              // for messages: "install", "test (red)"
  // cgroup v1 `cgroup.procs` files the child joins before exec (used by the sandbox).
  std::vector<std::string> joinCgroups;
};

// Why a run ended.
enum class EndReason { kExited, kSignaled, kWallTimeout, kCancelled, kOutputLimit, kFailedToStart };
std::string_view ToString(EndReason r);

struct ProcessResult {
  EndReason reason = EndReason::kExited;
  int exitCode = -1;      // when kExited
  int signal = 0;         // when kSignaled
  std::string output;     // stdout and stderr interleaved, capped at limits.maxOutputBytes
  size_t outputBytes = 0; // total produced
  std::chrono::milliseconds duration{0};
  std::vector<std::string> limitsInForce;  // e.g. "wall 600s", "cpu 300s (rlimit)"
  std::string limitHit;                    // which limit ended the run, if any

  bool ok() const { return reason == EndReason::kExited && exitCode == 0; }
  // One line for humans: "exited with code 1 after 3.2s", "killed: wall-time limit 600s".
  std::string Summary() const;
};

// Called with each complete line of output (without the newline) as it arrives.
using LineSink = std::function<void(const std::string& line)>;

class ProcessRunner {
 public:
  virtual ~ProcessRunner() = default;
  // Runs to completion (or a limit). `cancel`, when set, is polled; setting it kills the run.
  // Returns an error only when the process could not be started at all.
  virtual ProcessResult Run(const ProcessSpec& spec, const LineSink& sink = {},
                            const std::atomic<bool>* cancel = nullptr) = 0;
};

// fork/exec in a new session; on timeout or cancel the whole process group gets SIGTERM, then
// SIGKILL after a grace period; after exit any process left in the group is killed.
std::unique_ptr<ProcessRunner> MakeLocalRunner();

// Looks `program` up in `path` (a PATH value); empty when not found or not executable.
std::string FindInPath(const std::string& program, const std::string& path);

// A minimal environment for child processes: PATH, HOME, LANG, TERM=dumb, TMPDIR from this
// process (no tokens, no secrets), plus `extra`.
std::map<std::string, std::string> BaseEnvironment(const std::map<std::string, std::string>& extra = {});

}  // namespace bf::run
