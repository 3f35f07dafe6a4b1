// Internal to the store layer: SQLite connections with cached statements, a small pool of
// readers plus one writer, and the conversion of SQLite exceptions into failure values.
// Only the store's .cc files include this header.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <nlohmann/json.hpp>

#include <condition_variable>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

#include "common/result.h"

namespace bf::store::sqlite {

// Thrown inside a Read/Write body to abort it with a specific failure (never escapes the store).
struct Abort : std::exception {
  explicit Abort(Error e) : error(std::move(e)) {}
  const char* what() const noexcept override { return error.message.c_str(); }
  Error error;
};
[[noreturn]] void NotFound(const std::string& what);
[[noreturn]] void Conflict(const std::string& what);

// A prepared statement borrowed from a connection's cache; reset (and so releases its read
// snapshot) when the borrow ends.
class Query {
 public:
  explicit Query(SQLite::Statement& s) : s_(&s) {}
  Query(const Query&) = delete;
  Query& operator=(const Query&) = delete;
  ~Query() {
    try {
      s_->reset();
      s_->clearBindings();
    } catch (...) {  // reset reports the last step's error again; nothing to do here
    }
  }
  SQLite::Statement* operator->() { return s_; }
  SQLite::Statement& operator*() { return *s_; }

 private:
  SQLite::Statement* s_;
};

class Conn {
 public:
  Conn(const std::string& path, bool writer);
  Query Q(const std::string& sql);
  SQLite::Database& db() { return db_; }

 private:
  SQLite::Database db_;
  std::unordered_map<std::string, std::unique_ptr<SQLite::Statement>> cache_;
};

// Converts what a body threw into a failure of the body's return type (Result<T> or Status).
template <class R>
R ToFailure(std::exception_ptr e) {
  try {
    std::rethrow_exception(e);
  } catch (const Abort& a) {
    return R(a.error);
  } catch (const SQLite::Exception& x) {
    int code = x.getErrorCode() & 0xff;
    if (code == SQLITE_CONSTRAINT) return R(MakeError("store.conflict", std::string("already exists: ") + x.what()));
    return R(MakeError("store.io", std::string("database error: ") + x.what()));
  } catch (const std::exception& x) {
    return R(MakeError("store.io", std::string("database error: ") + x.what()));
  }
}

class Pool {
 public:
  // Opens the writer (creating the file) and `readers` read-only connections.
  Pool(const std::string& path, int readers);

  // Runs `f(Conn&)` on a free reader. `f` returns Result<T> or Status.
  template <class F>
  auto Read(F&& f) -> decltype(f(std::declval<Conn&>())) {
    using R = decltype(f(std::declval<Conn&>()));
    Conn* c = AcquireReader();
    try {
      R r = f(*c);
      ReleaseReader(c);
      return r;
    } catch (...) {
      ReleaseReader(c);
      return ToFailure<R>(std::current_exception());
    }
  }

  // Runs `f(Conn&)` on the writer inside BEGIN IMMEDIATE .. COMMIT; rolls back when `f` throws
  // or returns a failure.
  template <class F>
  auto Write(F&& f) -> decltype(f(std::declval<Conn&>())) {
    using R = decltype(f(std::declval<Conn&>()));
    std::lock_guard lock(write_mu_);
    try {
      writer_->db().exec("BEGIN IMMEDIATE");
    } catch (...) {
      return ToFailure<R>(std::current_exception());
    }
    try {
      R r = f(*writer_);
      if (r.ok()) {
        writer_->db().exec("COMMIT");
      } else {
        writer_->db().exec("ROLLBACK");
      }
      return r;
    } catch (...) {
      try {
        writer_->db().exec("ROLLBACK");
      } catch (...) {  // the transaction may already be gone
      }
      return ToFailure<R>(std::current_exception());
    }
  }

  // The writer outside any transaction (migrations, checks at open). Not thread-safe.
  Conn& writer() { return *writer_; }

 private:
  Conn* AcquireReader();
  void ReleaseReader(Conn* c);

  std::mutex write_mu_;
  std::unique_ptr<Conn> writer_;
  std::mutex read_mu_;
  std::condition_variable read_cv_;
  std::vector<std::unique_ptr<Conn>> readers_;
  std::vector<Conn*> free_;
};

// JSON column helpers.
nlohmann::json ParseJsonColumn(const SQLite::Column& c, nlohmann::json fallback);

}  // namespace bf::store::sqlite
