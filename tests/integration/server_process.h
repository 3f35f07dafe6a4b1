// Starts the real `backendforge serve` on a free port with a fresh data folder, for integration
// tests and benchmarks; stops it with a signal.
#pragma once

#include <signal.h>
#include <sys/types.h>

#include <filesystem>
#include <map>
#include <string>

namespace bf::testclient {

class ServerProcess {
 public:
  ~ServerProcess();
  // Runs `binary serve --port 0 --data <data>` with `env` added; waits for the "listening on"
  // line. False (with the log tail in `error`) when it did not come up.
  bool Start(const std::string& binary, const std::filesystem::path& data, const std::map<std::string, std::string>& env,
             std::string& error);
  void Signal(int sig);
  // Waits for the process to exit; its exit code, or -signal, or -1000 on timeout.
  int Wait(int timeout_ms);
  int port() const { return port_; }
  pid_t pid() const { return pid_; }
  std::string LogTail(size_t bytes = 4000) const;

 private:
  pid_t pid_ = -1;
  int port_ = 0;
  std::filesystem::path log_;
};

}  // namespace bf::testclient
