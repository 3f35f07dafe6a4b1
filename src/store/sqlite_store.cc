// SqliteStore: opening, users, sessions, tokens and workspaces. Projects and chat are in
// sqlite_projects.cc; jobs, runs, docs, audit and analytics in sqlite_jobs.cc.
#include "store/sqlite_store.h"

#include "store/migrations.h"
#include "store/sqlite_db.h"

namespace bf::store {

using sqlite::Conn;
using sqlite::Pool;

namespace {

User ReadUser(SQLite::Statement& q) {
  User u;
  u.id = q.getColumn(0).getString();
  u.email = q.getColumn(1).getString();
  u.name = q.getColumn(2).getString();
  u.passwordHash = q.getColumn(3).getString();
  u.analyticsOptIn = q.getColumn(4).getInt() != 0;
  u.createdAt = q.getColumn(5).getInt64();
  return u;
}
constexpr const char* kUserCols = "id, email, name, password_hash, analytics_opt_in, created_at";

Workspace ReadWorkspace(SQLite::Statement& q) {
  Workspace w;
  w.id = q.getColumn(0).getString();
  w.name = q.getColumn(1).getString();
  w.personal = q.getColumn(2).getInt() != 0;
  w.ownerId = q.getColumn(3).getString();
  w.createdAt = q.getColumn(4).getInt64();
  return w;
}

ApiToken ReadApiToken(SQLite::Statement& q) {
  ApiToken t;
  t.id = q.getColumn(0).getString();
  t.userId = q.getColumn(1).getString();
  t.name = q.getColumn(2).getString();
  t.tokenHash = q.getColumn(3).getString();
  t.prefix = q.getColumn(4).getString();
  t.createdAt = q.getColumn(5).getInt64();
  t.lastUsedAt = q.getColumn(6).getInt64();
  t.revokedAt = q.getColumn(7).getInt64();
  return t;
}
constexpr const char* kApiTokenCols = "id, user_id, name, token_hash, prefix, created_at, last_used_at, revoked_at";

void InsertWorkspace(Conn& c, const Workspace& ws) {
  auto q = c.Q("INSERT INTO workspaces(id, name, personal, owner_id, created_at) VALUES (?, ?, ?, ?, ?)");
  q->bind(1, ws.id);
  q->bind(2, ws.name);
  q->bind(3, ws.personal ? 1 : 0);
  q->bind(4, ws.ownerId);
  q->bind(5, ws.createdAt);
  q->exec();
  auto m = c.Q("INSERT INTO memberships(workspace_id, user_id, role, created_at) VALUES (?, ?, 'owner', ?)");
  m->bind(1, ws.id);
  m->bind(2, ws.ownerId);
  m->bind(3, ws.createdAt);
  m->exec();
}

void InsertRefreshToken(Conn& c, const RefreshToken& t) {
  auto q = c.Q(
      "INSERT INTO refresh_tokens(token_hash, session_id, user_id, created_at, expires_at, used_at) "
      "VALUES (?, ?, ?, ?, ?, 0)");
  q->bind(1, t.tokenHash);
  q->bind(2, t.sessionId);
  q->bind(3, t.userId);
  q->bind(4, t.createdAt);
  q->bind(5, t.expiresAt);
  q->exec();
}

}  // namespace

SqliteStore::SqliteStore(std::unique_ptr<Pool> pool) : pool_(std::move(pool)) {}
SqliteStore::~SqliteStore() = default;

Result<std::unique_ptr<SqliteStore>> SqliteStore::Open(const std::string& path, const SqliteOptions& options,
                                                       Millis now) {
  std::unique_ptr<Pool> pool;
  try {
    // The writer first: it creates the file and switches it to WAL before readers attach.
    pool = std::make_unique<Pool>(path, 0);
  } catch (const std::exception& e) {
    return MakeError("store.open", "cannot open the database " + path + ": " + e.what());
  }
  auto migrated = sqlite::Migrate(pool->writer(), now);
  if (!migrated) return migrated.error();
  std::unique_ptr<SqliteStore> store(new SqliteStore(nullptr));
  try {
    pool.reset();
    store->pool_ = std::make_unique<Pool>(path, options.readers < 1 ? 1 : options.readers);
    store->schema_version_ =
        store->pool_->writer().db().execAndGet("SELECT MAX(version) FROM schema_migrations").getInt();
  } catch (const std::exception& e) {
    return MakeError("store.open", "cannot open the database " + path + ": " + e.what());
  }
  if (options.integrityCheck) {
    auto check = store->IntegrityCheck();
    if (!check) return check.error();
    if (*check != "ok") {
      return MakeError("store.corrupt", "the database " + path + " failed its integrity check: " + *check +
                                            "; restore it from a backup");
    }
  }
  return store;
}

Result<std::string> SqliteStore::IntegrityCheck() {
  return pool_->Read([](Conn& c) -> Result<std::string> {
    auto q = c.Q("PRAGMA integrity_check");
    std::string out;
    while (q->executeStep()) {
      if (!out.empty()) out += "; ";
      out += q->getColumn(0).getString();
    }
    return out;
  });
}

Status SqliteStore::Ping() {
  return pool_->Read([](Conn& c) -> Status {
    auto q = c.Q("SELECT 1");
    q->executeStep();
    return Status::Ok();
  });
}

// ---- users

Status SqliteStore::CreateUser(const User& user, const Workspace& personal) {
  return pool_->Write([&](Conn& c) -> Status {
    auto exists = c.Q("SELECT 1 FROM users WHERE email = ?");
    exists->bind(1, user.email);
    if (exists->executeStep()) sqlite::Conflict("an account with this email already exists");
    auto q = c.Q(
        "INSERT INTO users(id, email, name, password_hash, analytics_opt_in, created_at) VALUES (?, ?, ?, ?, ?, ?)");
    q->bind(1, user.id);
    q->bind(2, user.email);
    q->bind(3, user.name);
    q->bind(4, user.passwordHash);
    q->bind(5, user.analyticsOptIn ? 1 : 0);
    q->bind(6, user.createdAt);
    q->exec();
    InsertWorkspace(c, personal);
    return Status::Ok();
  });
}

Result<User> SqliteStore::FindUserByEmail(const std::string& email) {
  return pool_->Read([&](Conn& c) -> Result<User> {
    auto q = c.Q(std::string("SELECT ") + kUserCols + " FROM users WHERE email = ?");
    q->bind(1, email);
    if (!q->executeStep()) sqlite::NotFound("user");
    return ReadUser(*q);
  });
}

Result<User> SqliteStore::GetUser(const std::string& id) {
  return pool_->Read([&](Conn& c) -> Result<User> {
    auto q = c.Q(std::string("SELECT ") + kUserCols + " FROM users WHERE id = ?");
    q->bind(1, id);
    if (!q->executeStep()) sqlite::NotFound("user");
    return ReadUser(*q);
  });
}

Status SqliteStore::UpdateUser(const std::string& id, const std::optional<std::string>& name,
                               const std::optional<bool>& analyticsOptIn) {
  return pool_->Write([&](Conn& c) -> Status {
    auto q = c.Q(
        "UPDATE users SET name = COALESCE(?, name), analytics_opt_in = COALESCE(?, analytics_opt_in) WHERE id = ?");
    if (name) q->bind(1, *name);
    if (analyticsOptIn) q->bind(2, *analyticsOptIn ? 1 : 0);
    q->bind(3, id);
    if (q->exec() == 0) sqlite::NotFound("user");
    return Status::Ok();
  });
}

Status SqliteStore::RecordLoginFailure(const std::string& email, Millis at) {
  return pool_->Write([&](Conn& c) -> Status {
    // Keep the table small: failures older than a day never matter.
    auto prune = c.Q("DELETE FROM login_failures WHERE email = ? AND at < ?");
    prune->bind(1, email);
    prune->bind(2, static_cast<int64_t>(at - int64_t{24} * 3600 * 1000));
    prune->exec();
    auto q = c.Q("INSERT INTO login_failures(email, at) VALUES (?, ?)");
    q->bind(1, email);
    q->bind(2, at);
    q->exec();
    return Status::Ok();
  });
}

Result<Store::FailureCount> SqliteStore::CountLoginFailures(const std::string& email, Millis since) {
  return pool_->Read([&](Conn& c) -> Result<FailureCount> {
    auto q = c.Q("SELECT COUNT(*), COALESCE(MIN(at), 0) FROM login_failures WHERE email = ? AND at >= ?");
    q->bind(1, email);
    q->bind(2, since);
    q->executeStep();
    return FailureCount{q->getColumn(0).getInt(), q->getColumn(1).getInt64()};
  });
}

// ---- sessions and refresh tokens

Status SqliteStore::CreateSession(const Session& session, const RefreshToken& first) {
  return pool_->Write([&](Conn& c) -> Status {
    auto q = c.Q("INSERT INTO sessions(id, user_id, created_at, expires_at, revoked_at) VALUES (?, ?, ?, ?, 0)");
    q->bind(1, session.id);
    q->bind(2, session.userId);
    q->bind(3, session.createdAt);
    q->bind(4, session.expiresAt);
    q->exec();
    InsertRefreshToken(c, first);
    return Status::Ok();
  });
}

Result<Session> SqliteStore::GetSession(const std::string& id) {
  return pool_->Read([&](Conn& c) -> Result<Session> {
    auto q = c.Q("SELECT id, user_id, created_at, expires_at, revoked_at FROM sessions WHERE id = ?");
    q->bind(1, id);
    if (!q->executeStep()) sqlite::NotFound("session");
    return Session{q->getColumn(0).getString(), q->getColumn(1).getString(), q->getColumn(2).getInt64(),
                   q->getColumn(3).getInt64(), q->getColumn(4).getInt64()};
  });
}

Status SqliteStore::RevokeSession(const std::string& id, Millis at) {
  return pool_->Write([&](Conn& c) -> Status {
    auto q = c.Q("UPDATE sessions SET revoked_at = ? WHERE id = ? AND revoked_at = 0");
    q->bind(1, at);
    q->bind(2, id);
    q->exec();
    return Status::Ok();
  });
}

Result<RefreshResult> SqliteStore::RotateRefreshToken(const std::string& presentedHash, RefreshToken next,
                                                      Millis now) {
  // The check and the rotation happen in one write transaction: two concurrent uses of the same
  // token cannot both succeed; the second is a reuse and revokes the session.
  auto r = pool_->Write([&](Conn& c) -> Result<RefreshResult> {
    auto q = c.Q(
        "SELECT t.session_id, t.user_id, t.expires_at, t.used_at, s.revoked_at, s.expires_at "
        "FROM refresh_tokens t JOIN sessions s ON s.id = t.session_id WHERE t.token_hash = ?");
    q->bind(1, presentedHash);
    if (!q->executeStep()) return RefreshResult{RefreshOutcome::kUnknown, "", ""};
    RefreshResult out{RefreshOutcome::kRotated, q->getColumn(1).getString(), q->getColumn(0).getString()};
    Millis expires = q->getColumn(2).getInt64();
    Millis used = q->getColumn(3).getInt64();
    Millis revoked = q->getColumn(4).getInt64();
    Millis session_expires = q->getColumn(5).getInt64();
    if (revoked != 0) {
      out.outcome = RefreshOutcome::kRevoked;
      return out;
    }
    if (used != 0) {
      auto rev = c.Q("UPDATE sessions SET revoked_at = ? WHERE id = ?");
      rev->bind(1, now);
      rev->bind(2, out.sessionId);
      rev->exec();
      out.outcome = RefreshOutcome::kReused;
      return out;
    }
    if (expires <= now || session_expires <= now) {
      out.outcome = RefreshOutcome::kExpired;
      return out;
    }
    auto use = c.Q("UPDATE refresh_tokens SET used_at = ? WHERE token_hash = ?");
    use->bind(1, now);
    use->bind(2, presentedHash);
    use->exec();
    next.sessionId = out.sessionId;
    next.userId = out.userId;
    InsertRefreshToken(c, next);
    return out;
  });
  return r;
}

Result<std::string> SqliteStore::SessionOfRefreshToken(const std::string& tokenHash) {
  return pool_->Read([&](Conn& c) -> Result<std::string> {
    auto q = c.Q("SELECT session_id FROM refresh_tokens WHERE token_hash = ?");
    q->bind(1, tokenHash);
    if (!q->executeStep()) sqlite::NotFound("refresh token");
    return q->getColumn(0).getString();
  });
}

// ---- personal API tokens

Status SqliteStore::CreateApiToken(const ApiToken& t) {
  return pool_->Write([&](Conn& c) -> Status {
    auto q = c.Q(
        "INSERT INTO api_tokens(id, user_id, name, token_hash, prefix, created_at, last_used_at, revoked_at) "
        "VALUES (?, ?, ?, ?, ?, ?, 0, 0)");
    q->bind(1, t.id);
    q->bind(2, t.userId);
    q->bind(3, t.name);
    q->bind(4, t.tokenHash);
    q->bind(5, t.prefix);
    q->bind(6, t.createdAt);
    q->exec();
    return Status::Ok();
  });
}

Result<std::vector<ApiToken>> SqliteStore::ListApiTokens(const std::string& userId) {
  return pool_->Read([&](Conn& c) -> Result<std::vector<ApiToken>> {
    auto q = c.Q(std::string("SELECT ") + kApiTokenCols + " FROM api_tokens WHERE user_id = ? ORDER BY created_at, id");
    q->bind(1, userId);
    std::vector<ApiToken> out;
    while (q->executeStep()) out.push_back(ReadApiToken(*q));
    return out;
  });
}

Status SqliteStore::RevokeApiToken(const std::string& userId, const std::string& tokenId, Millis at) {
  return pool_->Write([&](Conn& c) -> Status {
    auto q = c.Q("UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND user_id = ? AND revoked_at = 0");
    q->bind(1, at);
    q->bind(2, tokenId);
    q->bind(3, userId);
    if (q->exec() == 0) sqlite::NotFound("API token");
    return Status::Ok();
  });
}

Result<ApiToken> SqliteStore::UseApiToken(const std::string& tokenHash, Millis at) {
  auto found = pool_->Read([&](Conn& c) -> Result<ApiToken> {
    auto q = c.Q(std::string("SELECT ") + kApiTokenCols + " FROM api_tokens WHERE token_hash = ? AND revoked_at = 0");
    q->bind(1, tokenHash);
    if (!q->executeStep()) sqlite::NotFound("API token");
    return ReadApiToken(*q);
  });
  if (!found) return found;
  // Record the use at most once a minute: a busy CLI must not turn every read into a write.
  if (at - found->lastUsedAt > 60'000) {
    auto touched = pool_->Write([&](Conn& c) -> Status {
      auto q = c.Q("UPDATE api_tokens SET last_used_at = ? WHERE token_hash = ?");
      q->bind(1, at);
      q->bind(2, tokenHash);
      q->exec();
      return Status::Ok();
    });
    if (!touched) return touched.error();
    found->lastUsedAt = at;
  }
  return found;
}

// ---- workspaces

Status SqliteStore::CreateWorkspace(const Workspace& ws) {
  return pool_->Write([&](Conn& c) -> Status {
    InsertWorkspace(c, ws);
    return Status::Ok();
  });
}

Result<std::vector<WorkspaceView>> SqliteStore::ListWorkspaces(const std::string& userId) {
  return pool_->Read([&](Conn& c) -> Result<std::vector<WorkspaceView>> {
    auto q = c.Q(
        "SELECT w.id, w.name, w.personal, w.owner_id, w.created_at, m.role FROM workspaces w "
        "JOIN memberships m ON m.workspace_id = w.id WHERE m.user_id = ? ORDER BY w.personal DESC, w.created_at, w.id");
    q->bind(1, userId);
    std::vector<WorkspaceView> out;
    while (q->executeStep()) {
      out.push_back(WorkspaceView{ReadWorkspace(*q), ParseRole(q->getColumn(5).getString()).value_or(Role::kViewer)});
    }
    return out;
  });
}

Result<WorkspaceView> SqliteStore::GetWorkspace(const std::string& userId, const std::string& workspaceId) {
  return pool_->Read([&](Conn& c) -> Result<WorkspaceView> {
    auto q = c.Q(
        "SELECT w.id, w.name, w.personal, w.owner_id, w.created_at, m.role FROM workspaces w "
        "JOIN memberships m ON m.workspace_id = w.id WHERE w.id = ? AND m.user_id = ?");
    q->bind(1, workspaceId);
    q->bind(2, userId);
    if (!q->executeStep()) sqlite::NotFound("workspace");
    return WorkspaceView{ReadWorkspace(*q), ParseRole(q->getColumn(5).getString()).value_or(Role::kViewer)};
  });
}

Status SqliteStore::PutMember(const std::string& workspaceId, const std::string& userId, Role role, Millis at) {
  return pool_->Write([&](Conn& c) -> Status {
    auto q = c.Q(
        "INSERT INTO memberships(workspace_id, user_id, role, created_at) VALUES (?, ?, ?, ?) "
        "ON CONFLICT(workspace_id, user_id) DO UPDATE SET role = excluded.role");
    q->bind(1, workspaceId);
    q->bind(2, userId);
    q->bind(3, std::string(ToString(role)));
    q->bind(4, at);
    q->exec();
    return Status::Ok();
  });
}

Result<std::vector<Member>> SqliteStore::ListMembers(const std::string& workspaceId) {
  return pool_->Read([&](Conn& c) -> Result<std::vector<Member>> {
    auto q = c.Q(
        "SELECT u.id, u.email, u.name, m.role, m.created_at FROM memberships m JOIN users u ON u.id = m.user_id "
        "WHERE m.workspace_id = ? ORDER BY m.created_at, u.id");
    q->bind(1, workspaceId);
    std::vector<Member> out;
    while (q->executeStep()) {
      out.push_back(Member{q->getColumn(0).getString(), q->getColumn(1).getString(), q->getColumn(2).getString(),
                           ParseRole(q->getColumn(3).getString()).value_or(Role::kViewer),
                           q->getColumn(4).getInt64()});
    }
    return out;
  });
}

}  // namespace bf::store
