// `backendforge serve`: configuration, the store, the app, the network front; then run until a
// signal arrives.
#include <sys/stat.h>

#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "server/app.h"
#include "server/config.h"
#include "server/log.h"
#include "server/net/net_server.h"
#include "store/sqlite_store.h"

namespace bf::cli {

int Serve(const ServeOptions& o) {
  namespace srv = bf::server;
  std::map<std::string, std::string> flags;
  if (!o.host.empty()) flags["host"] = o.host;
  if (o.port >= 0) flags["port"] = std::to_string(o.port);
  if (!o.data.empty()) flags["data"] = o.data;
  if (!o.templates.empty()) flags["templates"] = o.templates;
  if (!o.ui.empty()) flags["uiDir"] = o.ui;
  if (!o.tlsCert.empty()) flags["tlsCert"] = o.tlsCert;
  if (!o.tlsKey.empty()) flags["tlsKey"] = o.tlsKey;
  if (!o.logLevel.empty()) flags["logLevel"] = o.logLevel;
  auto config = srv::LoadConfig(o.config, srv::ProcessEnvironment(), flags);
  if (!config) {
    PrintError(config.error().message);
    return kExitUsage;
  }
  if (auto st = srv::Validate(*config); !st.ok()) {
    PrintError(st.error().message);
    return kExitUsage;
  }
  srv::log::Init(srv::log::ParseLevel(config->logLevel));

  namespace fs = std::filesystem;
  // Everything the server creates is private to its user (the database and its WAL, the JWT
  // secret, logs). The data folder and the project and cache folders are only traversable
  // (0711): the sandbox runs generated code as an unprivileged uid, and bubblewrap, running as
  // that uid, must reach the one project folder (owned by it) that it binds; nothing can be listed.
  ::umask(077);
  std::error_code ec;
  for (const char* sub : {"projects", "cache", "previews"}) {
    fs::create_directories(fs::path(config->dataDir) / sub, ec);
    if (ec) {
      PrintError("cannot create the data folder " + config->dataDir + ": " + ec.message());
      return kExitFailed;
    }
    ::chmod((fs::path(config->dataDir) / sub).c_str(), 0711);
  }
  ::chmod(config->dataDir.c_str(), 0711);
  for (const char* f : {"backendforge.db", "backendforge.db-wal", "backendforge.db-shm", "jwt.secret"}) {
    ::chmod((fs::path(config->dataDir) / f).c_str(), 0600);  // made by an older version with another umask
  }
  srv::SystemClock clock;
  std::string db_path = (fs::path(config->dataDir) / "backendforge.db").string();
  // One read connection per handler thread: reads never wait for each other.
  auto store = store::SqliteStore::Open(db_path, store::SqliteOptions{.readers = config->handlerThreads}, clock.NowMillis());
  if (!store) {
    PrintError(store.error().message);
    return kExitFailed;
  }
  // Jobs that were running when the previous process stopped are never silently lost.
  if (auto n = (*store)->MarkUnfinishedJobsInterrupted(clock.NowMillis()); n.ok() && *n > 0) {
    srv::log::Warn("jobs.interrupted_at_start", {{"count", *n}});
  }
  auto secret = srv::LoadOrCreateSecret(*config);
  if (!secret) {
    PrintError(secret.error().message);
    return kExitFailed;
  }
  std::unique_ptr<srv::ProjectPipeline> pipeline;
  if (auto p = srv::MakeSandboxedPipeline({config->templatesDir, true}); p.ok()) {
    pipeline = std::move(*p);
  } else {
    srv::log::Warn("pipeline.unavailable", {{"error", p.error().message}});
  }
  auto assistant = srv::MakeProductAssistant();

  srv::App app(*config, **store, clock, *secret, std::move(assistant), std::move(pipeline));
  srv::NetOptions net_options;
  net_options.host = config->host;
  net_options.port = config->port;
  net_options.tlsCert = config->tlsCert;
  net_options.tlsKey = config->tlsKey;
  net_options.ioThreads = config->ioThreads;
  net_options.handlerThreads = config->handlerThreads;
  net_options.maxWsMessageBytes = config->maxWsMessageBytes;
  net_options.wsIdleSeconds = config->wsIdleSeconds;
  net_options.shutdownGraceSeconds = config->shutdownGraceSeconds;
  srv::NetServer net(app, net_options);
  auto port = net.Listen();
  if (!port) {
    PrintError(port.error().message);
    return kExitFailed;
  }
  std::string host = config->host.find(':') != std::string::npos ? "[" + config->host + "]" : config->host;
  std::string url = (config->tls() ? "https://" : "http://") + host + ":" + std::to_string(*port);
  srv::log::Info("server.listening", {{"url", url}, {"data", config->dataDir}, {"ui", app.ui.built()}});
  std::cout << "BackendForge listening on " << url << std::endl;
  net.Run();
  return kExitOk;
}

}  // namespace bf::cli
