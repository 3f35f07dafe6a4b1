#include "server_process.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

extern char** environ;

namespace bf::testclient {

ServerProcess::~ServerProcess() {
  if (pid_ > 0) {
    ::kill(pid_, SIGKILL);
    int st;
    ::waitpid(pid_, &st, 0);
  }
}

bool ServerProcess::Start(const std::string& binary, const std::filesystem::path& data,
                          const std::map<std::string, std::string>& env, std::string& error) {
  std::filesystem::create_directories(data);
  log_ = data / "server.log";
  int out[2];
  if (::pipe2(out, O_CLOEXEC) != 0) return false;
  std::vector<std::string> envs;
  for (char** e = environ; *e; ++e) {
    std::string kv = *e;
    if (kv.rfind("BACKENDFORGE_", 0) != 0) envs.push_back(kv);
  }
  for (const auto& [k, v] : env) envs.push_back(k + "=" + v);
  pid_ = ::fork();
  if (pid_ == 0) {
    ::dup2(out[1], 1);
    int logfd = ::open(log_.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    ::dup2(logfd, 2);
    std::vector<char*> argv = {const_cast<char*>(binary.c_str()), const_cast<char*>("serve"), const_cast<char*>("--port"),
                               const_cast<char*>("0"), const_cast<char*>("--data"), const_cast<char*>(data.c_str()), nullptr};
    std::vector<char*> envp;
    for (auto& s : envs) envp.push_back(s.data());
    envp.push_back(nullptr);
    ::execve(binary.c_str(), argv.data(), envp.data());
    ::_exit(127);
  }
  ::close(out[1]);
  std::string text;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (std::chrono::steady_clock::now() < deadline) {
    pollfd p{out[0], POLLIN, 0};
    if (::poll(&p, 1, 200) > 0) {
      char buf[512];
      ssize_t n = ::read(out[0], buf, sizeof buf);
      if (n <= 0) break;
      text.append(buf, static_cast<size_t>(n));
      size_t at = text.find("listening on http");
      size_t nl = at == std::string::npos ? at : text.find('\n', at);
      if (nl != std::string::npos) {
        std::string line = text.substr(at, nl - at);
        port_ = std::atoi(line.substr(line.rfind(':') + 1).c_str());
        ::close(out[0]);
        return port_ > 0;
      }
    }
  }
  ::close(out[0]);
  error = "the server did not start: " + text + "\n" + LogTail();
  return false;
}

void ServerProcess::Signal(int sig) {
  if (pid_ > 0) ::kill(pid_, sig);
}

int ServerProcess::Wait(int timeout_ms) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (std::chrono::steady_clock::now() < deadline) {
    int st = 0;
    pid_t r = ::waitpid(pid_, &st, WNOHANG);
    if (r == pid_) {
      pid_ = -1;
      if (WIFEXITED(st)) return WEXITSTATUS(st);
      if (WIFSIGNALED(st)) return -WTERMSIG(st);
      return -1;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return -1000;
}

std::string ServerProcess::LogTail(size_t bytes) const {
  std::ifstream in(log_);
  std::stringstream s;
  s << in.rdbuf();
  std::string all = s.str();
  return all.size() > bytes ? all.substr(all.size() - bytes) : all;
}

}  // namespace bf::testclient
