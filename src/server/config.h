// Server configuration: defaults, then a JSON config file, then BACKENDFORGE_* environment
// variables, then command-line flags (each later source wins). Every setting has one key used in
// all three places: "jobWorkers" in the file, BACKENDFORGE_JOB_WORKERS in the environment.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "common/result.h"
#include "server/password.h"
#include "server/rate_limit.h"

namespace bf::server {

struct ServerConfig {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port (the bound one is printed)
  std::string dataDir = ".data";
  std::string tlsCert;  // PEM files; both set = HTTPS and WSS
  std::string tlsKey;
  std::string jwtSecret;  // empty: <dataDir>/jwt.secret (created with mode 0600 on first start)
  std::string issuer = "backendforge";
  std::string audience = "backendforge-api";
  int accessTokenSeconds = 900;
  int refreshTokenDays = 30;
  std::vector<std::string> allowedOrigins;  // WebSocket Origin allow-list; empty = this server's own
  std::string uiDir;         // built web UI (index.html + assets); empty = <exe>/../web/dist when present
  std::string templatesDir;  // generator templates; empty = the embedded ones
  std::string publicUrl;     // the URL users open (for the allow-list and the start banner)
  int ioThreads = 2;
  int handlerThreads = 8;    // blocking work (SQLite, argon2id, analysis) runs here
  int jobWorkers = 2;
  int maxQueuedJobs = 32;
  size_t maxBodyBytes = 1 << 20;
  size_t maxFileBodyBytes = 5 << 20;
  size_t maxWsMessageBytes = 64 << 10;
  int maxWsConnections = 10000;
  int wsIdleSeconds = 60;    // a ping after this much silence; closed after twice this
  int maxFailedLogins = 100;  // per account per hour
  RateLimit costlyLimit{20, 60};   // per user: analysis, generation, test runs
  RateLimit authLimit{300, 600};   // per client address: register, login, refresh
  PasswordCost passwordCost{};
  std::string logLevel = "info";
  bool accessLog = true;
  int shutdownGraceSeconds = 10;
  int previewIdleSeconds = 900;  // a live preview without proxied requests this long is stopped
  int maxPreviewsPerUser = 2;    // previews running at once, per user who started them

  bool tls() const { return !tlsCert.empty() && !tlsKey.empty(); }
};

// Applies `key = value` (a config-file key); errors name the key and the accepted values.
Status ApplySetting(ServerConfig& config, const std::string& key, const std::string& value);
// The keys ApplySetting knows, sorted.
std::vector<std::string> SettingKeys();
// "jobWorkers" -> "BACKENDFORGE_JOB_WORKERS"
std::string EnvName(const std::string& key);

// Layers the sources over the defaults: the JSON file (when `file` is not empty), then the
// environment (`env`, e.g. from environ), then `flags` (key -> value).
Result<ServerConfig> LoadConfig(const std::string& file, const std::map<std::string, std::string>& env,
                                const std::map<std::string, std::string>& flags);
std::map<std::string, std::string> ProcessEnvironment();

// Checks the combination (TLS files exist, ports, limits); errors say what to change.
Status Validate(const ServerConfig& config);

// The JWT secret: the configured one, else the content of <dataDir>/jwt.secret, created with 32
// random bytes (hex) and mode 0600 when missing.
Result<std::string> LoadOrCreateSecret(const ServerConfig& config);

}  // namespace bf::server
