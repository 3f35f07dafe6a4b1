// Installing dependencies fast on repeat: every install of a target uses a BackendForge-owned
// package cache (one folder per target), and after a successful install a per-target hook may
// put expensive build products into that cache so the next install reuses them.
//
// node-express: better-sqlite3 compiles its native addon from source on every `npm ci`
// (~2.5 CPU-minutes; prebuilt binaries cannot be downloaded here). Its install script runs
// prebuild-install first, which looks in `<npm cache>/_prebuilds/<sha512(url)[0:6]>-<file>`
// before downloading. The hook tars the addon that the install just compiled under that name,
// so every later install of the same version on the same Node ABI unpacks it instead.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>

#include "common/result.h"
#include "run/process.h"

namespace bf::run {

// The package cache of a target: $BF_CACHE_DIR/<target>, else $XDG_CACHE_HOME/backendforge/<target>,
// else $HOME/.cache/backendforge/<target>. Not created here.
std::filesystem::path InstallCacheDir(const std::string& targetId);

// Runs the target's after-install hook, if it has one (`detail` says what it did, for the
// pipeline record). A hook failure is returned as an error but never fails an install: the
// caller records it and goes on (the next install just compiles again).
Status AfterInstall(const std::string& targetId, const std::filesystem::path& projectDir,
                    const std::filesystem::path& cacheDir, ProcessRunner& runner, std::string& detail);

// Variables the target's install step needs besides the package cache. node-express: Debian's
// nodejs ships its headers in /usr/include/node; naming them keeps node-gyp from downloading
// them from nodejs.org, which an install with registry-only network (the sandbox) cannot reach.
std::map<std::string, std::string> InstallEnvironment(const std::string& targetId);

// Pieces of the node-express hook, exposed for tests.
std::string Sha512Hex(std::string_view data);
// "better-sqlite3-v12.11.1-node-v115-linux-x64.tar.gz"
std::string BetterSqlitePrebuildFile(const std::string& version, const std::string& abi, const std::string& platform,
                                     const std::string& arch);
// The cache path prebuild-install checks: <cache>/_prebuilds/<sha512(download url)[0:6]>-<file>.
std::filesystem::path BetterSqlitePrebuildPath(const std::filesystem::path& cacheDir, const std::string& version,
                                               const std::string& abi, const std::string& platform,
                                               const std::string& arch);

}  // namespace bf::run
