// Versioned schema migrations of the SQLite store. Each runs once, in its own transaction, in
// order; the applied versions are recorded in `schema_migrations`. Never edit a released
// migration: add a new one.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "common/result.h"

namespace bf::store::sqlite {

class Conn;

struct Migration {
  int version;
  std::string name;
  std::string sql;
  // Runs after `sql`, in the same transaction: data that SQL alone cannot derive (may be empty).
  std::function<void(Conn&)> fill;
};

const std::vector<Migration>& Migrations();

// Applies the missing migrations. Fails (leaving the database at the last good version) when a
// migration fails or when the database is newer than this binary.
Result<int> Migrate(Conn& writer, long long now_ms);

}  // namespace bf::store::sqlite
