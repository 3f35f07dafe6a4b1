// Helpers for the vcs tests: a temporary folder per test, file I/O, and plain git (the CLI)
// for what a user would do outside BackendForge.
#pragma once

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "vcs/repo.h"

namespace bf::vcs::testing {

namespace fs = std::filesystem;

inline const Author kBot{"BackendForge", "backendforge@localhost", 1705312800};
inline const Author kAlice{"Alice Example", "alice@example.com", 1705316400};

inline std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

inline void Spit(const fs::path& p, const std::string& content) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary | std::ios::trunc) << content;
}

inline bool IsExecutable(const fs::path& p) {
  return (fs::status(p).permissions() & fs::perms::owner_exec) != fs::perms::none;
}

inline bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

struct GitRun {
  int exitCode = -1;
  std::string output;
};

// Runs plain `git` in `dir` with an isolated configuration (no system or user config).
inline GitRun Git(const fs::path& dir, const std::string& args) {
  std::string cmd = "cd '" + dir.string() +
                    "' && env GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null HOME=/nonexistent "
                    "GIT_AUTHOR_NAME='Plain Git' GIT_AUTHOR_EMAIL=plain@example.com "
                    "GIT_COMMITTER_NAME='Plain Git' GIT_COMMITTER_EMAIL=plain@example.com git " +
                    args + " 2>&1";
  GitRun r;
  FILE* p = ::popen(cmd.c_str(), "r");
  if (!p) return r;
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) r.output.append(buf, n);
  int status = ::pclose(p);
  r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

// The files of a folder (without .git), for byte-for-byte comparisons.
inline std::map<std::string, std::string> Snapshot(const fs::path& dir) {
  std::map<std::string, std::string> out;
  for (auto it = fs::recursive_directory_iterator(dir); it != fs::recursive_directory_iterator(); ++it) {
    if (it->path().filename() == ".git") {
      it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file()) {
      out[fs::relative(it->path(), dir).generic_string()] = Slurp(it->path()) + (IsExecutable(it->path()) ? "[x]" : "");
    }
  }
  return out;
}

class TempDirTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("bf-vcs-" + std::to_string(::getpid()) + "-" +
                                         ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_);
  }
  void TearDown() override {
    if (!HasFailure()) fs::remove_all(root_);
  }
  fs::path root_;
};

}  // namespace bf::vcs::testing
