#include "run/sandbox.h"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cstring>
#include <fstream>
#include <sstream>
#include <thread>

#include "common/strings.h"

namespace bf::run {

namespace fs = std::filesystem;

namespace {

constexpr const char* kMemoryRoot = "/sys/fs/cgroup/memory";
constexpr const char* kPidsRoot = "/sys/fs/cgroup/pids";

bool Writable(const fs::path& dir) {
  std::error_code ec;
  fs::path probe = dir / ("backendforge-probe-" + std::to_string(::getpid()));
  if (!fs::create_directory(probe, ec)) return false;
  fs::remove(probe, ec);
  return true;
}

bool WriteValue(const fs::path& file, const std::string& value) {
  std::ofstream out(file);
  out << value;
  out.flush();
  return static_cast<bool>(out);
}

std::string ReadValue(const fs::path& file) {
  std::ifstream in(file);
  std::stringstream ss;
  ss << in.rdbuf();
  return Trim(ss.str());
}

// One cgroup (memory and/or pids) per run, removed afterwards.
class RunCgroups {
 public:
  RunCgroups(const SandboxSupport& support, const Limits& limits) : limited_pids_(limits.processes.has_value()) {
    static std::atomic<int> counter{0};
    std::string name = "backendforge-" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
    if (support.memoryCgroup && limits.memoryBytes) {
      memory_ = fs::path(kMemoryRoot) / name;
      std::error_code ec;
      if (fs::create_directory(memory_, ec) && WriteValue(memory_ / "memory.limit_in_bytes", std::to_string(*limits.memoryBytes))) {
        WriteValue(memory_ / "memory.memsw.limit_in_bytes", std::to_string(*limits.memoryBytes));  // may not exist
        procs_.push_back((memory_ / "cgroup.procs").string());
        inForce_.push_back("memory " + std::to_string(*limits.memoryBytes >> 20) + " MiB (cgroup v1)");
      } else {
        memory_.clear();
      }
    }
    // The pids group is created for every run, limited or not: it is how every process of the
    // run is found and killed at the end, even ones that left the process group and session.
    if (support.pidsCgroup) {
      pids_ = fs::path(kPidsRoot) / name;
      std::error_code ec;
      std::string max = limits.processes ? std::to_string(*limits.processes) : "max";
      if (fs::create_directory(pids_, ec) && WriteValue(pids_ / "pids.max", max)) {
        procs_.push_back((pids_ / "cgroup.procs").string());
        if (limits.processes) inForce_.push_back("processes " + max + " (cgroup v1)");
        inForce_.push_back("every process tracked and killed at the end (cgroup v1)");
      } else {
        pids_.clear();
      }
    }
  }

  ~RunCgroups() {
    for (const fs::path& dir : {memory_, pids_}) {
      if (dir.empty()) continue;
      // Kill whatever is left inside, then remove the group (retry: exits are asynchronous).
      for (int attempt = 0; attempt < 50; ++attempt) {
        std::ifstream in(dir / "cgroup.procs");
        bool any = false;
        for (pid_t pid; in >> pid;) {
          ::kill(pid, SIGKILL);
          any = true;
        }
        std::error_code ec;
        if (!any && fs::remove(dir, ec)) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
      }
    }
  }

  const std::vector<std::string>& procs() const { return procs_; }
  const std::vector<std::string>& inForce() const { return inForce_; }
  bool hasMemory() const { return !memory_.empty(); }
  bool hasPids() const { return !pids_.empty() && limited_pids_; }

  // Which cgroup limit was hit during the run, if any.
  std::string LimitHit() const {
    if (!pids_.empty()) {
      std::string events = ReadValue(pids_ / "pids.events");  // "max N"
      auto pos = events.find("max ");
      if (pos != std::string::npos && std::atol(events.c_str() + pos + 4) > 0) return "process limit";
    }
    if (!memory_.empty()) {
      if (std::atol(ReadValue(memory_ / "memory.failcnt").c_str()) > 0) return "memory limit";
      std::string oom = ReadValue(memory_ / "memory.oom_control");
      if (oom.find("oom_kill 1") != std::string::npos || oom.find("under_oom 1") != std::string::npos) return "memory limit";
    }
    return "";
  }

 private:
  bool limited_pids_;
  fs::path memory_, pids_;
  std::vector<std::string> procs_;
  std::vector<std::string> inForce_;
};

}  // namespace

const SandboxSupport& ProbeSandbox() {
  static const SandboxSupport support = [] {
    SandboxSupport s;
    s.bwrapPath = FindInPath("bwrap", "/usr/bin:/bin:/usr/local/bin");
    s.canDropUid = ::geteuid() == 0 && !FindInPath("setpriv", "/usr/bin:/bin").empty();
    if (::geteuid() == 0) {
      s.memoryCgroup = fs::exists(fs::path(kMemoryRoot) / "memory.limit_in_bytes") && Writable(kMemoryRoot);
      s.pidsCgroup = fs::exists(kPidsRoot) && Writable(kPidsRoot);
    }
    if (s.bwrapPath.empty()) {
      s.problem = "bubblewrap (bwrap) is not installed; run scripts/setup.sh or `apt install bubblewrap`";
      return s;
    }
    auto local = MakeLocalRunner();
    ProcessSpec probe;
    probe.argv = {s.bwrapPath, "--unshare-user", "--unshare-pid", "--unshare-net", "--die-with-parent", "--ro-bind", "/usr",
                  "/usr", "--symlink", "usr/bin", "/bin", "--symlink", "usr/lib", "/lib", "--symlink", "usr/lib64", "/lib64",
                  "--proc", "/proc", "--dev", "/dev", "--", "/usr/bin/true"};
    if (s.canDropUid) {
      probe.argv.insert(probe.argv.begin(), {"/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"});
    }
    probe.env = BaseEnvironment();
    probe.cwd = "/";
    probe.limits.wallTime = std::chrono::seconds(20);
    ProcessResult r = local->Run(probe);
    s.bwrap = r.ok();
    if (!s.bwrap) s.problem = "bubblewrap cannot create namespaces here (" + r.Summary() + "): " + Trim(r.output);
    return s;
  }();
  return support;
}

SandboxRunner::SandboxRunner(SandboxPolicy policy) : policy_(std::move(policy)), local_(MakeLocalRunner()) {}

std::vector<std::string> SandboxRunner::WrapArgv(const ProcessSpec& spec) const {
  const SandboxSupport& sup = ProbeSandbox();
  std::vector<std::string> a;
  if (sup.canDropUid) {
    a = {"/usr/bin/setpriv", "--reuid=" + std::to_string(policy_.uid), "--regid=" + std::to_string(policy_.gid),
         "--clear-groups", "--"};
  }
  a.insert(a.end(), {sup.bwrapPath, "--unshare-user", "--unshare-pid", "--unshare-ipc", "--unshare-uts",
                     "--unshare-cgroup-try", "--die-with-parent", "--new-session", "--clearenv"});
  if (!policy_.network) a.push_back("--unshare-net");
  for (const auto& [k, v] : spec.env) a.insert(a.end(), {"--setenv", k, v});
  a.insert(a.end(), {"--ro-bind", "/usr", "/usr", "--symlink", "usr/bin", "/bin", "--symlink", "usr/lib", "/lib",
                     "--symlink", "usr/lib64", "/lib64", "--symlink", "usr/sbin", "/sbin"});
  // Read-only system files a toolchain needs; never /root, /home, the data directory or /proc of the host.
  for (const char* p : {"/etc/ssl", "/etc/ca-certificates", "/etc/alternatives", "/etc/localtime", "/etc/mime.types"}) {
    if (fs::exists(p)) a.insert(a.end(), {"--ro-bind", p, p});
  }
  // Name lookup: /etc/hosts always (test runners resolve "localhost" for their own loopback
  // servers), the resolver configuration only with network.
  for (const char* p : {"/etc/hosts", "/etc/nsswitch.conf", "/etc/gai.conf"}) {
    if (fs::exists(p)) a.insert(a.end(), {"--ro-bind", p, p});
  }
  if (policy_.network && fs::exists("/etc/resolv.conf")) a.insert(a.end(), {"--ro-bind", "/etc/resolv.conf", "/etc/resolv.conf"});
  for (const auto& p : policy_.readOnly) {
    if (fs::exists(p)) a.insert(a.end(), {"--ro-bind", p.string(), p.string()});
  }
  a.insert(a.end(), {"--proc", "/proc", "--dev", "/dev", "--size", std::to_string(policy_.tmpfsBytes), "--tmpfs", "/tmp"});
  for (const auto& p : policy_.writable) a.insert(a.end(), {"--bind", p.string(), p.string()});
  a.insert(a.end(), {"--bind", policy_.projectDir.string(), policy_.projectDir.string()});
  a.insert(a.end(), {"--chdir", spec.cwd.empty() ? policy_.projectDir.string() : spec.cwd.string(), "--hostname", "sandbox", "--"});
  a.insert(a.end(), spec.argv.begin(), spec.argv.end());
  return a;
}

ProcessResult SandboxRunner::Run(const ProcessSpec& spec, const LineSink& sink, const std::atomic<bool>* cancel) {
  const SandboxSupport& sup = ProbeSandbox();
  ProcessResult refused;
  refused.reason = EndReason::kFailedToStart;
  if (!sup.bwrap) {
    refused.output = "the sandbox is unavailable: " + sup.problem;
    return refused;
  }
  std::error_code ec;
  fs::path project = fs::weakly_canonical(policy_.projectDir, ec);
  fs::path cwd = spec.cwd.empty() ? project : fs::weakly_canonical(spec.cwd, ec);
  std::string rel = fs::relative(cwd, project, ec).generic_string();
  if (ec || rel.starts_with("..")) {
    refused.output = "the working folder " + Quote(spec.cwd.string()) + " is outside the sandboxed project " + Quote(project.string());
    return refused;
  }
  // Resolve the program with the step's PATH, as seen inside (same paths: /usr is bound as is).
  ProcessSpec inner = spec;
  std::string path_value = spec.env.count("PATH") ? spec.env.at("PATH") : "/usr/bin:/bin";
  if (inner.argv.empty()) {
    refused.output = "empty command";
    return refused;
  }
  std::string exe = FindInPath(inner.argv[0], path_value);
  if (exe.empty()) {
    refused.output = Quote(inner.argv[0]) + " not found in PATH (" + path_value + ")";
    return refused;
  }
  inner.argv[0] = exe;
  inner.cwd = cwd;
  // The host's home and temp folders do not exist inside (and naming them would leak where
  // BackendForge lives): tools that write caches and logs there get the sandbox's tmpfs.
  inner.env["HOME"] = "/tmp";
  inner.env["TMPDIR"] = "/tmp";

  Limits limits = spec.limits;
  if (!limits.processes) limits.processes = policy_.defaultProcesses;
  if (!limits.fileSizeBytes) limits.fileSizeBytes = policy_.defaultFileSizeBytes;
  const bool default_memory = !limits.memoryBytes;
  if (default_memory) limits.memoryBytes = policy_.defaultMemoryBytes;
  RunCgroups groups(sup, limits);
  ProcessSpec outer;
  outer.argv = WrapArgv(inner);
  outer.cwd = "/";
  outer.env = BaseEnvironment();  // only for setpriv/bwrap themselves; the child gets --clearenv + --setenv
  outer.limits = limits;
  // Memory is enforced by the cgroup; an explicit limit falls back to RLIMIT_AS, the default does not.
  if (groups.hasMemory() || default_memory) outer.limits.memoryBytes.reset();
  if (groups.hasPids()) outer.limits.processes.reset();
  outer.label = spec.label;
  outer.joinCgroups = groups.procs();
  ProcessResult r = local_->Run(outer, sink, cancel);

  std::vector<std::string> in_force = {"bubblewrap: user, pid, ipc, uts, mount" + std::string(policy_.network ? "" : ", network") + " namespaces",
                                       sup.canDropUid ? "uid " + std::to_string(policy_.uid) : "uid unchanged (not root)",
                                       "read-only /usr, writable project and " + std::to_string(policy_.tmpfsBytes >> 20) + " MiB /tmp",
                                       "empty environment plus " + std::to_string(spec.env.size()) + " variables"};
  in_force.insert(in_force.end(), groups.inForce().begin(), groups.inForce().end());
  in_force.insert(in_force.end(), r.limitsInForce.begin(), r.limitsInForce.end());
  r.limitsInForce = in_force;
  // A limit reached during the run is reported even when the command survived it (a fork bomb
  // whose shell carries on), unless another limit already ended the run.
  std::string hit = groups.LimitHit();
  if (!hit.empty() && r.limitHit.empty()) r.limitHit = hit;
  return r;
}

Status PrepareProjectForSandbox(const fs::path& dir, const SandboxPolicy& policy) {
  if (::geteuid() != 0) return Status::Ok();
  std::error_code ec;
  auto own = [&](const fs::path& p) {
    if (::lchown(p.c_str(), policy.uid, policy.gid) != 0) {
      return MakeError("sandbox.chown", "cannot hand " + Quote(p.string()) + " to the sandbox user: " + std::strerror(errno));
    }
    return Error{};
  };
  if (Error e = own(dir); !e.code.empty()) return e;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (Error e = own(it->path()); !e.code.empty()) return e;
  }
  if (ec) return MakeError("sandbox.chown", "cannot walk " + Quote(dir.string()) + ": " + ec.message());
  return Status::Ok();
}

}  // namespace bf::run
