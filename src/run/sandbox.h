// The sandbox for untrusted generated code (DESIGN.md §6): every install, build, test and
// preview command runs under bubblewrap in fresh user/pid/ipc/uts/mount (and, except for the
// install step, network) namespaces, as an unprivileged uid, with read-only toolchains, only
// the project copy writable plus a size-capped tmpfs /tmp, an empty environment except what
// the step needs, and limits from cgroup v1 where this machine offers them, rlimits otherwise.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "run/process.h"

namespace bf::run {

struct SandboxPolicy {
  std::filesystem::path projectDir;  // bound read-write at the same path inside
  bool network = false;              // share the host network (dependency install only)
  // Toolchain folders outside /usr to expose read-only (e.g. ~/.cargo, /usr/local/go).
  std::vector<std::filesystem::path> readOnly;
  // Host folders bound read-write (e.g. a package cache for the install step).
  std::vector<std::filesystem::path> writable;
  size_t tmpfsBytes = 256u << 20;
  unsigned uid = 65534;  // nobody
  unsigned gid = 65534;
  // Limits for every run whose spec leaves them unset, so no caller can forget them: tasks
  // (processes and threads: the pids cgroup, else RLIMIT_NPROC of the sandbox uid), memory (the
  // memory cgroup only: RLIMIT_AS would break runtimes that reserve address space, as V8 does)
  // and the size of any file written (RLIMIT_FSIZE).
  int defaultProcesses = 1024;
  size_t defaultMemoryBytes = size_t{4} << 30;
  size_t defaultFileSizeBytes = size_t{2} << 30;
};

// What the machine allows; probed once.
struct SandboxSupport {
  bool bwrap = false;          // bubblewrap found and working
  bool canDropUid = false;     // running as root: setpriv to an unprivileged uid
  bool memoryCgroup = false;   // cgroup v1 memory controller writable
  bool pidsCgroup = false;     // cgroup v1 pids controller writable
  std::string bwrapPath;
  std::string problem;         // why bwrap is unusable, when it is
};
const SandboxSupport& ProbeSandbox();

// A ProcessRunner that wraps every command in the sandbox. `spec.cwd` must be inside the
// policy's project folder. The result's limitsInForce lists the isolation and limits applied.
class SandboxRunner final : public ProcessRunner {
 public:
  explicit SandboxRunner(SandboxPolicy policy);
  ProcessResult Run(const ProcessSpec& spec, const LineSink& sink = {}, const std::atomic<bool>* cancel = nullptr) override;

  // The full command line the sandbox would run (for logs and tests).
  std::vector<std::string> WrapArgv(const ProcessSpec& spec) const;

 private:
  SandboxPolicy policy_;
  std::unique_ptr<ProcessRunner> local_;
};

// Makes `dir` (recursively) owned by the sandbox uid so the unprivileged process can write
// the project copy; a no-op when not running as root.
Status PrepareProjectForSandbox(const std::filesystem::path& dir, const SandboxPolicy& policy);

}  // namespace bf::run
