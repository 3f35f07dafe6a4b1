#include "store/sqlite_db.h"

#include <nlohmann/json.hpp>

namespace bf::store::sqlite {

void NotFound(const std::string& what) { throw Abort(MakeError("store.not_found", what + " not found")); }
void Conflict(const std::string& what) { throw Abort(MakeError("store.conflict", what)); }

Conn::Conn(const std::string& path, bool writer)
    : db_(path, writer ? (SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_FULLMUTEX)
                       : (SQLite::OPEN_READONLY | SQLite::OPEN_FULLMUTEX),
          5000) {
  // Every connection: wait for locks instead of failing, enforce foreign keys.
  db_.exec("PRAGMA foreign_keys=ON");
  db_.exec("PRAGMA temp_store=MEMORY");
  if (writer) {
    // WAL lets readers work while one writer commits; FULL syncs the WAL on every commit, so an
    // acknowledged write survives a crash or power loss.
    db_.exec("PRAGMA journal_mode=WAL");
    db_.exec("PRAGMA synchronous=FULL");
  }
}

Query Conn::Q(const std::string& sql) {
  auto it = cache_.find(sql);
  if (it == cache_.end()) it = cache_.emplace(sql, std::make_unique<SQLite::Statement>(db_, sql)).first;
  return Query(*it->second);
}

Pool::Pool(const std::string& path, int readers) {
  writer_ = std::make_unique<Conn>(path, true);
  for (int i = 0; i < readers; ++i) {
    readers_.push_back(std::make_unique<Conn>(path, false));
    free_.push_back(readers_.back().get());
  }
}

Conn* Pool::AcquireReader() {
  std::unique_lock lock(read_mu_);
  read_cv_.wait(lock, [&] { return !free_.empty(); });
  Conn* c = free_.back();
  free_.pop_back();
  return c;
}

void Pool::ReleaseReader(Conn* c) {
  {
    std::lock_guard lock(read_mu_);
    free_.push_back(c);
  }
  read_cv_.notify_one();
}

nlohmann::json ParseJsonColumn(const SQLite::Column& c, nlohmann::json fallback) {
  if (c.isNull()) return fallback;
  auto j = nlohmann::json::parse(c.getString(), nullptr, false);
  return j.is_discarded() ? fallback : j;
}

}  // namespace bf::store::sqlite
