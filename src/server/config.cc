#include "server/config.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <sstream>

#include "common/strings.h"
#include "server/crypto.h"
#include "store/ids.h"

extern char** environ;

namespace bf::server {

namespace {

Status ParseInt(const std::string& key, const std::string& v, long lo, long hi, long& out) {
  try {
    size_t used = 0;
    long n = std::stol(v, &used);
    if (used != v.size() || n < lo || n > hi) throw std::out_of_range(v);
    out = n;
    return Status::Ok();
  } catch (const std::exception&) {
    return MakeError("config.invalid", key + ": " + Quote(v) + " is not a whole number between " + std::to_string(lo) +
                                           " and " + std::to_string(hi));
  }
}

Status ParseBool(const std::string& key, const std::string& v, bool& out) {
  std::string l = ToLower(v);
  if (l == "true" || l == "1" || l == "yes" || l == "on") {
    out = true;
  } else if (l == "false" || l == "0" || l == "no" || l == "off") {
    out = false;
  } else {
    return MakeError("config.invalid", key + ": " + Quote(v) + " is not true or false");
  }
  return Status::Ok();
}

using Setter = std::function<Status(ServerConfig&, const std::string& key, const std::string& value)>;

Setter Str(std::string ServerConfig::*field) {
  return [field](ServerConfig& c, const std::string&, const std::string& v) {
    c.*field = v;
    return Status::Ok();
  };
}

template <class T>
Setter Int(T ServerConfig::*field, long lo, long hi) {
  return [=](ServerConfig& c, const std::string& k, const std::string& v) {
    long n = 0;
    if (auto st = ParseInt(k, v, lo, hi, n); !st.ok()) return st;
    c.*field = static_cast<T>(n);
    return Status::Ok();
  };
}

Setter Rate(RateLimit ServerConfig::*field, double RateLimit::*part) {
  return [=](ServerConfig& c, const std::string& k, const std::string& v) {
    long n = 0;
    if (auto st = ParseInt(k, v, 1, 100'000'000, n); !st.ok()) return st;
    (c.*field).*part = static_cast<double>(n);
    return Status::Ok();
  };
}

const std::map<std::string, Setter>& Setters() {
  static const std::map<std::string, Setter> kSetters = {
      {"host", Str(&ServerConfig::host)},
      {"port", Int(&ServerConfig::port, 0, 65535)},
      {"data", Str(&ServerConfig::dataDir)},
      {"tlsCert", Str(&ServerConfig::tlsCert)},
      {"tlsKey", Str(&ServerConfig::tlsKey)},
      {"jwtSecret", Str(&ServerConfig::jwtSecret)},
      {"issuer", Str(&ServerConfig::issuer)},
      {"audience", Str(&ServerConfig::audience)},
      {"accessTokenSeconds", Int(&ServerConfig::accessTokenSeconds, 30, 3600)},
      {"refreshTokenDays", Int(&ServerConfig::refreshTokenDays, 1, 365)},
      {"allowedOrigins",
       [](ServerConfig& c, const std::string&, const std::string& v) {
         c.allowedOrigins.clear();
         for (auto& o : Split(v, ',')) {
           std::string t = Trim(o);
           if (!t.empty()) c.allowedOrigins.push_back(t);
         }
         return Status::Ok();
       }},
      {"uiDir", Str(&ServerConfig::uiDir)},
      {"templates", Str(&ServerConfig::templatesDir)},
      {"publicUrl", Str(&ServerConfig::publicUrl)},
      {"ioThreads", Int(&ServerConfig::ioThreads, 1, 64)},
      {"handlerThreads", Int(&ServerConfig::handlerThreads, 1, 256)},
      {"jobWorkers", Int(&ServerConfig::jobWorkers, 1, 64)},
      {"maxQueuedJobs", Int(&ServerConfig::maxQueuedJobs, 1, 10000)},
      {"maxBodyBytes", Int(&ServerConfig::maxBodyBytes, 1024, 64L << 20)},
      {"maxFileBodyBytes", Int(&ServerConfig::maxFileBodyBytes, 1024, 256L << 20)},
      {"maxWsMessageBytes", Int(&ServerConfig::maxWsMessageBytes, 1024, 16L << 20)},
      {"maxWsConnections", Int(&ServerConfig::maxWsConnections, 1, 1'000'000)},
      {"wsIdleSeconds", Int(&ServerConfig::wsIdleSeconds, 5, 3600)},
      {"maxFailedLogins", Int(&ServerConfig::maxFailedLogins, 1, 100000)},
      {"costlyBurst", Rate(&ServerConfig::costlyLimit, &RateLimit::burst)},
      {"costlyPerMinute", Rate(&ServerConfig::costlyLimit, &RateLimit::perMinute)},
      {"authBurst", Rate(&ServerConfig::authLimit, &RateLimit::burst)},
      {"authPerMinute", Rate(&ServerConfig::authLimit, &RateLimit::perMinute)},
      {"argon2MemoryKib",
       [](ServerConfig& c, const std::string& k, const std::string& v) {
         long n = 0;
         if (auto st = ParseInt(k, v, 19 * 1024, 4 * 1024 * 1024, n); !st.ok()) return st;
         c.passwordCost.memlimit = static_cast<size_t>(n) * 1024;
         return Status::Ok();
       }},
      {"argon2Iterations",
       [](ServerConfig& c, const std::string& k, const std::string& v) {
         long n = 0;
         if (auto st = ParseInt(k, v, 2, 100, n); !st.ok()) return st;
         c.passwordCost.opslimit = static_cast<unsigned long long>(n);
         return Status::Ok();
       }},
      {"logLevel", Str(&ServerConfig::logLevel)},
      {"accessLog",
       [](ServerConfig& c, const std::string& k, const std::string& v) { return ParseBool(k, v, c.accessLog); }},
      {"shutdownGraceSeconds", Int(&ServerConfig::shutdownGraceSeconds, 0, 600)},
      {"previewIdleSeconds", Int(&ServerConfig::previewIdleSeconds, 10, 7 * 24 * 3600)},
      {"maxPreviewsPerUser", Int(&ServerConfig::maxPreviewsPerUser, 0, 100)},
  };
  return kSetters;
}

}  // namespace

Status ApplySetting(ServerConfig& config, const std::string& key, const std::string& value) {
  auto it = Setters().find(key);
  if (it == Setters().end()) {
    std::string msg = "unknown setting " + Quote(key);
    auto keys = SettingKeys();
    std::string close = ClosestMatch(key, keys);
    if (!close.empty()) msg += "; did you mean " + Quote(close) + "?";
    return MakeError("config.unknown", msg);
  }
  return it->second(config, key, value);
}

std::vector<std::string> SettingKeys() {
  std::vector<std::string> keys;
  for (const auto& [k, s] : Setters()) keys.push_back(k);
  return keys;
}

std::string EnvName(const std::string& key) {
  std::string out = "BACKENDFORGE_";
  for (char c : key) {
    if (std::isupper(static_cast<unsigned char>(c))) out += '_';
    out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return out;
}

std::map<std::string, std::string> ProcessEnvironment() {
  std::map<std::string, std::string> env;
  for (char** e = environ; e && *e; ++e) {
    std::string kv(*e);
    size_t eq = kv.find('=');
    if (eq != std::string::npos && kv.rfind("BACKENDFORGE_", 0) == 0) env[kv.substr(0, eq)] = kv.substr(eq + 1);
  }
  return env;
}

Result<ServerConfig> LoadConfig(const std::string& file, const std::map<std::string, std::string>& env,
                                const std::map<std::string, std::string>& flags) {
  ServerConfig c;
  if (!file.empty()) {
    std::ifstream in(file);
    if (!in) return MakeError("config.file", "cannot read the config file " + Quote(file));
    std::stringstream ss;
    ss << in.rdbuf();
    auto j = nlohmann::json::parse(ss.str(), nullptr, false);
    if (!j.is_object()) return MakeError("config.file", file + ": not a JSON object");
    for (auto it = j.begin(); it != j.end(); ++it) {
      const auto& v = it.value();
      std::string text;
      if (v.is_string()) {
        text = v.get<std::string>();
      } else if (v.is_array()) {
        std::vector<std::string> parts;
        for (const auto& x : v) parts.push_back(x.is_string() ? x.get<std::string>() : x.dump());
        text = Join(parts, ",");
      } else {
        text = v.dump();
      }
      if (auto st = ApplySetting(c, it.key(), text); !st.ok()) {
        return MakeError(st.error().code, file + ": " + st.error().message);
      }
    }
  }
  for (const auto& key : SettingKeys()) {
    auto it = env.find(EnvName(key));
    if (it == env.end()) continue;
    if (auto st = ApplySetting(c, key, it->second); !st.ok()) {
      return MakeError(st.error().code, EnvName(key) + ": " + st.error().message);
    }
  }
  for (const auto& [k, v] : flags) {
    if (auto st = ApplySetting(c, k, v); !st.ok()) return st.error();
  }
  return c;
}

Status Validate(const ServerConfig& c) {
  if (c.tlsCert.empty() != c.tlsKey.empty()) {
    return MakeError("config.invalid", "TLS needs both a certificate and a key (tlsCert and tlsKey)");
  }
  for (const auto& f : {c.tlsCert, c.tlsKey}) {
    if (!f.empty() && !std::filesystem::is_regular_file(f)) {
      return MakeError("config.invalid", "TLS file " + Quote(f) + " does not exist");
    }
  }
  if (!c.jwtSecret.empty() && c.jwtSecret.size() < 32) {
    return MakeError("config.invalid", "jwtSecret must be at least 32 characters long");
  }
  if (c.dataDir.empty()) return MakeError("config.invalid", "data must name a directory");
  return Status::Ok();
}

Result<std::string> LoadOrCreateSecret(const ServerConfig& c) {
  if (!c.jwtSecret.empty()) return c.jwtSecret;
  namespace fs = std::filesystem;
  fs::path p = fs::path(c.dataDir) / "jwt.secret";
  std::error_code ec;
  if (fs::exists(p, ec)) {
    std::ifstream in(p);
    std::string s;
    std::getline(in, s);
    s = Trim(s);
    if (s.size() < 32) return MakeError("config.secret", p.string() + " holds a secret shorter than 32 characters");
    return s;
  }
  fs::create_directories(c.dataDir, ec);
  std::string secret = ToHex(store::RandomBytes(32));
  std::string tmp = p.string() + ".tmp";
  {
    mode_t old = umask(077);
    std::ofstream out(tmp, std::ios::trunc);
    umask(old);
    if (!out) return MakeError("config.secret", "cannot write " + tmp);
    out << secret << "\n";
  }
  ::chmod(tmp.c_str(), 0600);
  fs::rename(tmp, p, ec);
  if (ec) return MakeError("config.secret", "cannot create " + p.string() + ": " + ec.message());
  return secret;
}

}  // namespace bf::server
