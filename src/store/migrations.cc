#include "store/migrations.h"

#include "store/doc_sections.h"
#include "store/sqlite_db.h"

namespace bf::store::sqlite {

const std::vector<Migration>& Migrations() {
  static const std::vector<Migration> kMigrations = {
      {1, "initial schema", R"sql(
CREATE TABLE users(
  id TEXT PRIMARY KEY, email TEXT NOT NULL UNIQUE, name TEXT NOT NULL, password_hash TEXT NOT NULL,
  analytics_opt_in INTEGER NOT NULL DEFAULT 0, created_at INTEGER NOT NULL);
CREATE TABLE workspaces(
  id TEXT PRIMARY KEY, name TEXT NOT NULL, personal INTEGER NOT NULL DEFAULT 0,
  owner_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE, created_at INTEGER NOT NULL);
CREATE TABLE memberships(
  workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK(role IN ('owner','editor','viewer')), created_at INTEGER NOT NULL,
  PRIMARY KEY(workspace_id, user_id)) WITHOUT ROWID;
CREATE INDEX memberships_user ON memberships(user_id);
CREATE TABLE projects(
  id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  name TEXT NOT NULL, description TEXT NOT NULL DEFAULT '', status TEXT NOT NULL,
  stack TEXT NOT NULL DEFAULT '', database TEXT NOT NULL DEFAULT '',
  spec_version INTEGER NOT NULL DEFAULT 0, spec TEXT, chat_state TEXT NOT NULL DEFAULT '{}',
  created_by TEXT NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);
CREATE INDEX projects_workspace ON projects(workspace_id, created_at);
CREATE TABLE spec_versions(
  project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE, version INTEGER NOT NULL,
  spec TEXT NOT NULL, source TEXT NOT NULL, summary TEXT NOT NULL DEFAULT '', author_id TEXT NOT NULL,
  created_at INTEGER NOT NULL, PRIMARY KEY(project_id, version)) WITHOUT ROWID;
CREATE TABLE messages(
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  role TEXT NOT NULL, text TEXT NOT NULL, payload TEXT NOT NULL DEFAULT '{}', author_id TEXT NOT NULL,
  created_at INTEGER NOT NULL);
CREATE INDEX messages_project ON messages(project_id, id);
CREATE VIRTUAL TABLE messages_fts USING fts5(
  text, content='messages', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER messages_ai AFTER INSERT ON messages BEGIN
  INSERT INTO messages_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER messages_ad AFTER DELETE ON messages BEGIN
  INSERT INTO messages_fts(messages_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TABLE plans(
  project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE, spec_version INTEGER NOT NULL,
  markdown TEXT NOT NULL, created_at INTEGER NOT NULL, PRIMARY KEY(project_id, spec_version)) WITHOUT ROWID;
CREATE TABLE jobs(
  id TEXT PRIMARY KEY, project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  workspace_id TEXT NOT NULL, kind TEXT NOT NULL, status TEXT NOT NULL, progress INTEGER NOT NULL DEFAULT 0,
  message TEXT NOT NULL DEFAULT '', params TEXT NOT NULL DEFAULT '{}', result TEXT NOT NULL DEFAULT '{}',
  log_tail TEXT NOT NULL DEFAULT '', cancel_requested INTEGER NOT NULL DEFAULT 0, created_by TEXT NOT NULL,
  created_at INTEGER NOT NULL, started_at INTEGER NOT NULL DEFAULT 0, finished_at INTEGER NOT NULL DEFAULT 0);
CREATE INDEX jobs_project ON jobs(project_id, created_at);
CREATE INDEX jobs_status ON jobs(status);
CREATE TABLE test_runs(
  id TEXT PRIMARY KEY, project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  job_id TEXT NOT NULL, phase TEXT NOT NULL, status TEXT NOT NULL, passed INTEGER NOT NULL,
  failed INTEGER NOT NULL, skipped INTEGER NOT NULL, duration_ms INTEGER NOT NULL,
  results TEXT NOT NULL DEFAULT '[]', created_at INTEGER NOT NULL);
CREATE INDEX test_runs_project ON test_runs(project_id, created_at);
CREATE TABLE docs(
  project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE, path TEXT NOT NULL,
  version INTEGER NOT NULL, content TEXT NOT NULL, author_id TEXT NOT NULL, created_at INTEGER NOT NULL,
  PRIMARY KEY(project_id, path, version)) WITHOUT ROWID;
CREATE TABLE sessions(
  id TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL, revoked_at INTEGER NOT NULL DEFAULT 0);
CREATE INDEX sessions_user ON sessions(user_id);
CREATE TABLE refresh_tokens(
  token_hash TEXT PRIMARY KEY, session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  user_id TEXT NOT NULL, created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL,
  used_at INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;
CREATE INDEX refresh_tokens_session ON refresh_tokens(session_id);
CREATE TABLE api_tokens(
  id TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE, name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE, prefix TEXT NOT NULL, created_at INTEGER NOT NULL,
  last_used_at INTEGER NOT NULL DEFAULT 0, revoked_at INTEGER NOT NULL DEFAULT 0);
CREATE INDEX api_tokens_user ON api_tokens(user_id);
CREATE TABLE login_failures(email TEXT NOT NULL, at INTEGER NOT NULL);
CREATE INDEX login_failures_email ON login_failures(email, at);
CREATE TABLE audit_log(
  id INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL, actor_id TEXT NOT NULL DEFAULT '',
  workspace_id TEXT NOT NULL DEFAULT '', action TEXT NOT NULL, target TEXT NOT NULL DEFAULT '',
  ip TEXT NOT NULL DEFAULT '', details TEXT NOT NULL DEFAULT '{}');
CREATE INDEX audit_workspace ON audit_log(workspace_id, id);
CREATE TABLE analytics_events(
  id INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL, user_id TEXT NOT NULL, name TEXT NOT NULL,
  props TEXT NOT NULL DEFAULT '{}');
CREATE INDEX analytics_user ON analytics_events(user_id);
)sql",
       {}},
      // The latest version of each document split at its headings, with an FTS5 index over the
      // sections (title and body). PutDoc rewrites a document's sections in its transaction.
      {2, "doc sections with full-text search", R"sql(
CREATE TABLE doc_sections(
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  path TEXT NOT NULL, section_id TEXT NOT NULL, position INTEGER NOT NULL, level INTEGER NOT NULL,
  title TEXT NOT NULL, body TEXT NOT NULL, updated_at INTEGER NOT NULL,
  UNIQUE(project_id, section_id));
CREATE INDEX doc_sections_path ON doc_sections(project_id, path, position);
CREATE VIRTUAL TABLE doc_sections_fts USING fts5(
  title, body, content='doc_sections', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER doc_sections_ai AFTER INSERT ON doc_sections BEGIN
  INSERT INTO doc_sections_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER doc_sections_ad AFTER DELETE ON doc_sections BEGIN
  INSERT INTO doc_sections_fts(doc_sections_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;
)sql",
       IndexAllDocs},
  };
  return kMigrations;
}

Result<int> Migrate(Conn& writer, long long now_ms) {
  try {
    auto& db = writer.db();
    db.exec(
        "CREATE TABLE IF NOT EXISTS schema_migrations(version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
        "applied_at INTEGER NOT NULL)");
    int current = db.execAndGet("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").getInt();
    int latest = Migrations().back().version;
    if (current > latest) {
      return MakeError("store.version", "the database is at schema version " + std::to_string(current) +
                                            ", newer than this binary (" + std::to_string(latest) +
                                            "); use a newer backendforge");
    }
    int applied = 0;
    for (const auto& m : Migrations()) {
      if (m.version <= current) continue;
      SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
      db.exec(m.sql);
      if (m.fill) m.fill(writer);
      SQLite::Statement ins(db, "INSERT INTO schema_migrations(version, name, applied_at) VALUES (?, ?, ?)");
      ins.bind(1, m.version);
      ins.bind(2, m.name);
      ins.bind(3, static_cast<int64_t>(now_ms));
      ins.exec();
      tx.commit();
      ++applied;
    }
    return applied;
  } catch (const std::exception& e) {
    return MakeError("store.migrate", std::string("schema migration failed: ") + e.what());
  }
}

}  // namespace bf::store::sqlite
