#include "run/install_cache.h"

#include <openssl/evp.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "common/strings.h"

namespace bf::run {

namespace fs = std::filesystem;

namespace {

std::string Env(const char* name) {
  const char* v = std::getenv(name);
  return v ? std::string(v) : std::string();
}

Result<ProcessResult> RunQuiet(ProcessRunner& runner, std::vector<std::string> argv, const fs::path& cwd) {
  ProcessSpec ps;
  ps.argv = std::move(argv);
  ps.cwd = cwd;
  ps.env = BaseEnvironment();
  ps.limits.wallTime = std::chrono::seconds(60);
  ps.label = "after-install";
  ProcessResult r = runner.Run(ps);
  if (!r.ok()) {
    return MakeError("run.after_install", Join(ps.argv, " ") + " " + r.Summary() + ": " + Trim(r.output));
  }
  return r;
}

// node-express: better-sqlite3's compiled addon into npm's prebuild cache.
Status SeedBetterSqlite(const fs::path& project, const fs::path& cache, ProcessRunner& runner, std::string& detail) {
  fs::path pkg = project / "node_modules/better-sqlite3";
  fs::path addon = pkg / "build/Release/better_sqlite3.node";
  std::error_code ec;
  if (!fs::exists(addon, ec)) {
    detail = "no compiled better-sqlite3 addon to reuse";
    return Status::Ok();
  }
  std::ifstream in(pkg / "package.json");
  std::stringstream ss;
  ss << in.rdbuf();
  std::string version;
  try {
    version = nlohmann::json::parse(ss.str()).at("version").get<std::string>();
  } catch (const nlohmann::json::exception& e) {
    return MakeError("run.after_install", (pkg / "package.json").string() + ": no version (" + e.what() + ")");
  }
  auto probe = RunQuiet(runner, {"node", "-p", "[process.versions.modules, process.platform, process.arch].join(' ')"}, project);
  if (!probe) return probe.error();
  auto parts = Split(Trim(probe->output), ' ');
  if (parts.size() != 3) return MakeError("run.after_install", "unexpected answer from node: " + Trim(probe->output));
  fs::path target = BetterSqlitePrebuildPath(cache, version, parts[0], parts[1], parts[2]);
  if (fs::exists(target, ec)) {
    detail = "better-sqlite3 " + version + " prebuild already cached";
    return Status::Ok();
  }
  fs::create_directories(target.parent_path(), ec);
  if (ec) return MakeError("run.after_install", "cannot create " + target.parent_path().string() + ": " + ec.message());
  // Written under a temporary name and renamed, so a concurrent install never sees half a file.
  fs::path tmp = target;
  tmp += ".tmp" + std::to_string(::getpid());
  auto tar = RunQuiet(runner, {"tar", "-C", pkg.string(), "-czf", tmp.string(), "build/Release/better_sqlite3.node"}, project);
  if (!tar) {
    fs::remove(tmp, ec);
    return tar.error();
  }
  fs::rename(tmp, target, ec);
  if (ec) return MakeError("run.after_install", "cannot rename to " + target.string() + ": " + ec.message());
  detail = "cached the compiled better-sqlite3 " + version + " for later installs";
  return Status::Ok();
}

}  // namespace

fs::path InstallCacheDir(const std::string& targetId) {
  if (std::string d = Env("BF_CACHE_DIR"); !d.empty()) return fs::path(d) / targetId;
  if (std::string d = Env("XDG_CACHE_HOME"); !d.empty()) return fs::path(d) / "backendforge" / targetId;
  std::string home = Env("HOME");
  return fs::path(home.empty() ? "/tmp" : home) / ".cache/backendforge" / targetId;
}

std::map<std::string, std::string> InstallEnvironment(const std::string& targetId) {
  std::map<std::string, std::string> env;
  if (targetId == "node-express" && fs::exists("/usr/include/node/common.gypi")) env["npm_config_nodedir"] = "/usr";
  return env;
}

Status AfterInstall(const std::string& targetId, const fs::path& projectDir, const fs::path& cacheDir,
                    ProcessRunner& runner, std::string& detail) {
  if (targetId == "node-express") return SeedBetterSqlite(projectDir, cacheDir, runner, detail);
  return Status::Ok();
}

std::string Sha512Hex(std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(data.data(), data.size(), digest, &len, EVP_sha512(), nullptr);
  static const char* kHex = "0123456789abcdef";
  std::string out;
  out.reserve(len * 2);
  for (unsigned int i = 0; i < len; ++i) {
    out.push_back(kHex[digest[i] >> 4]);
    out.push_back(kHex[digest[i] & 15]);
  }
  return out;
}

std::string BetterSqlitePrebuildFile(const std::string& version, const std::string& abi, const std::string& platform,
                                     const std::string& arch) {
  return "better-sqlite3-v" + version + "-node-v" + abi + "-" + platform + "-" + arch + ".tar.gz";
}

fs::path BetterSqlitePrebuildPath(const fs::path& cacheDir, const std::string& version, const std::string& abi,
                                  const std::string& platform, const std::string& arch) {
  std::string file = BetterSqlitePrebuildFile(version, abi, platform, arch);
  std::string url = "https://github.com/WiseLibs/better-sqlite3/releases/download/v" + version + "/" + file;
  return cacheDir / "_prebuilds" / (Sha512Hex(url).substr(0, 6) + "-" + file);
}

}  // namespace bf::run
