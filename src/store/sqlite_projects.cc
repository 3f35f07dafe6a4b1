// SqliteStore: projects, spec versions, the chat (messages with FTS5 search) and plans.
#include <algorithm>
#include <cctype>

#include "store/sqlite_db.h"
#include "store/sqlite_store.h"

namespace bf::store {

using sqlite::Conn;

namespace {

constexpr const char* kProjectCols =
    "p.id, p.workspace_id, p.name, p.description, p.status, p.stack, p.database, p.spec_version, p.spec, "
    "p.chat_state, p.created_by, p.created_at, p.updated_at";

Project ReadProject(SQLite::Statement& q) {
  Project p;
  p.id = q.getColumn(0).getString();
  p.workspaceId = q.getColumn(1).getString();
  p.name = q.getColumn(2).getString();
  p.description = q.getColumn(3).getString();
  p.status = q.getColumn(4).getString();
  p.stack = q.getColumn(5).getString();
  p.database = q.getColumn(6).getString();
  p.specVersion = q.getColumn(7).getInt();
  p.spec = sqlite::ParseJsonColumn(q.getColumn(8), nullptr);
  p.chatState = sqlite::ParseJsonColumn(q.getColumn(9), nlohmann::json::object());
  p.createdBy = q.getColumn(10).getString();
  p.createdAt = q.getColumn(11).getInt64();
  p.updatedAt = q.getColumn(12).getInt64();
  return p;
}

constexpr const char* kMessageCols = "m.id, m.project_id, m.role, m.text, m.payload, m.author_id, m.created_at";

ChatMessage ReadMessage(SQLite::Statement& q) {
  ChatMessage m;
  m.id = q.getColumn(0).getInt64();
  m.projectId = q.getColumn(1).getString();
  m.role = q.getColumn(2).getString();
  m.text = q.getColumn(3).getString();
  m.payload = sqlite::ParseJsonColumn(q.getColumn(4), nlohmann::json::object());
  m.authorId = q.getColumn(5).getString();
  m.createdAt = q.getColumn(6).getInt64();
  return m;
}

int64_t InsertMessage(Conn& c, const std::string& projectId, const ChatMessage& m, Millis at) {
  auto q = c.Q("INSERT INTO messages(project_id, role, text, payload, author_id, created_at) VALUES (?, ?, ?, ?, ?, ?)");
  q->bind(1, projectId);
  q->bind(2, m.role);
  q->bind(3, m.text);
  q->bind(4, m.payload.dump());
  q->bind(5, m.authorId);
  q->bind(6, m.createdAt != 0 ? m.createdAt : at);
  q->exec();
  return c.db().getLastInsertRowid();
}

int CurrentSpecVersion(Conn& c, const std::string& projectId) {
  auto q = c.Q("SELECT spec_version FROM projects WHERE id = ?");
  q->bind(1, projectId);
  if (!q->executeStep()) sqlite::NotFound("project");
  return q->getColumn(0).getInt();
}

// Appends version current+1 and makes it the project's spec. Returns the new number.
int InsertSpecVersion(Conn& c, const SpecVersion& v, int current, Millis at) {
  int next = current + 1;
  std::string text = v.spec.dump();
  auto q = c.Q(
      "INSERT INTO spec_versions(project_id, version, spec, source, summary, author_id, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?)");
  q->bind(1, v.projectId);
  q->bind(2, next);
  q->bind(3, text);
  q->bind(4, v.source);
  q->bind(5, v.summary);
  q->bind(6, v.authorId);
  q->bind(7, v.createdAt != 0 ? v.createdAt : at);
  q->exec();
  auto u = c.Q("UPDATE projects SET spec_version = ?, spec = ?, updated_at = ? WHERE id = ?");
  u->bind(1, next);
  u->bind(2, text);
  u->bind(3, v.createdAt != 0 ? v.createdAt : at);
  u->bind(4, v.projectId);
  u->exec();
  return next;
}

void UpsertPlan(Conn& c, const PlanRecord& p) {
  auto q = c.Q(
      "INSERT INTO plans(project_id, spec_version, markdown, created_at) VALUES (?, ?, ?, ?) "
      "ON CONFLICT(project_id, spec_version) DO UPDATE SET markdown = excluded.markdown, "
      "created_at = excluded.created_at");
  q->bind(1, p.projectId);
  q->bind(2, p.specVersion);
  q->bind(3, p.markdown);
  q->bind(4, p.createdAt);
  q->exec();
}

// Plain words to an FTS5 query: each word quoted (so no FTS syntax from users), OR-ed.
std::string FtsQuery(const std::string& text) {
  std::string out, word;
  auto flush = [&] {
    if (word.empty()) return;
    if (!out.empty()) out += " OR ";
    out += "\"" + word + "\"";
    word.clear();
  };
  for (unsigned char ch : text) {
    if (std::isalnum(ch) || ch >= 0x80) {
      word += static_cast<char>(ch);
    } else {
      flush();
    }
  }
  flush();
  return out;
}

}  // namespace

Status SqliteStore::CreateProject(const Project& p) {
  return pool_->Write([&](Conn& c) -> Status {
    auto q = c.Q(
        "INSERT INTO projects(id, workspace_id, name, description, status, stack, database, spec_version, spec, "
        "chat_state, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, NULL, ?, ?, ?, ?)");
    q->bind(1, p.id);
    q->bind(2, p.workspaceId);
    q->bind(3, p.name);
    q->bind(4, p.description);
    q->bind(5, p.status);
    q->bind(6, p.stack);
    q->bind(7, p.database);
    q->bind(8, p.chatState.dump());
    q->bind(9, p.createdBy);
    q->bind(10, p.createdAt);
    q->bind(11, p.updatedAt != 0 ? p.updatedAt : p.createdAt);
    q->exec();
    return Status::Ok();
  });
}

Result<std::vector<Project>> SqliteStore::ListProjects(const std::string& workspaceId) {
  return pool_->Read([&](Conn& c) -> Result<std::vector<Project>> {
    auto q = c.Q(std::string("SELECT ") + kProjectCols +
                 " FROM projects p WHERE p.workspace_id = ? ORDER BY p.created_at DESC, p.id");
    q->bind(1, workspaceId);
    std::vector<Project> out;
    while (q->executeStep()) out.push_back(ReadProject(*q));
    return out;
  });
}

Result<ProjectView> SqliteStore::GetProject(const std::string& userId, const std::string& projectId) {
  return pool_->Read([&](Conn& c) -> Result<ProjectView> {
    auto q = c.Q(std::string("SELECT ") + kProjectCols +
                 ", m.role FROM projects p JOIN memberships m ON m.workspace_id = p.workspace_id "
                 "WHERE p.id = ? AND m.user_id = ?");
    q->bind(1, projectId);
    q->bind(2, userId);
    if (!q->executeStep()) sqlite::NotFound("project");
    ProjectView v{ReadProject(*q), ParseRole(q->getColumn(13).getString()).value_or(Role::kViewer)};
    return v;
  });
}

Status SqliteStore::UpdateProject(const std::string& projectId, const ProjectPatch& patch, Millis at) {
  return pool_->Write([&](Conn& c) -> Status {
    auto q = c.Q(
        "UPDATE projects SET name = COALESCE(?, name), description = COALESCE(?, description), "
        "stack = COALESCE(?, stack), database = COALESCE(?, database), status = COALESCE(?, status), "
        "updated_at = ? WHERE id = ?");
    if (patch.name) q->bind(1, *patch.name);
    if (patch.description) q->bind(2, *patch.description);
    if (patch.stack) q->bind(3, *patch.stack);
    if (patch.database) q->bind(4, *patch.database);
    if (patch.status) q->bind(5, *patch.status);
    q->bind(6, at);
    q->bind(7, projectId);
    if (q->exec() == 0) sqlite::NotFound("project");
    return Status::Ok();
  });
}

Status SqliteStore::DeleteProject(const std::string& projectId) {
  return pool_->Write([&](Conn& c) -> Status {
    auto q = c.Q("DELETE FROM projects WHERE id = ?");
    q->bind(1, projectId);
    if (q->exec() == 0) sqlite::NotFound("project");
    return Status::Ok();
  });
}

Result<int> SqliteStore::SaveSpec(const SpecVersion& version, int expectedVersion) {
  return pool_->Write([&](Conn& c) -> Result<int> {
    int current = CurrentSpecVersion(c, version.projectId);
    if (expectedVersion >= 0 && current != expectedVersion) {
      sqlite::Conflict("the spec changed meanwhile (now version " + std::to_string(current) + ", expected " +
                       std::to_string(expectedVersion) + "); reload it and apply your change again");
    }
    return InsertSpecVersion(c, version, current, version.createdAt);
  });
}

Result<std::vector<SpecVersion>> SqliteStore::ListSpecVersions(const std::string& projectId) {
  return pool_->Read([&](Conn& c) -> Result<std::vector<SpecVersion>> {
    auto q = c.Q(
        "SELECT project_id, version, spec, source, summary, author_id, created_at FROM spec_versions "
        "WHERE project_id = ? ORDER BY version");
    q->bind(1, projectId);
    std::vector<SpecVersion> out;
    while (q->executeStep()) {
      out.push_back(SpecVersion{q->getColumn(0).getString(), q->getColumn(1).getInt(),
                                sqlite::ParseJsonColumn(q->getColumn(2), nullptr), q->getColumn(3).getString(),
                                q->getColumn(4).getString(), q->getColumn(5).getString(),
                                q->getColumn(6).getInt64()});
    }
    return out;
  });
}

Result<SpecVersion> SqliteStore::GetSpecVersion(const std::string& projectId, int version) {
  return pool_->Read([&](Conn& c) -> Result<SpecVersion> {
    auto q = c.Q(
        "SELECT project_id, version, spec, source, summary, author_id, created_at FROM spec_versions "
        "WHERE project_id = ? AND version = ?");
    q->bind(1, projectId);
    q->bind(2, version);
    if (!q->executeStep()) sqlite::NotFound("spec version");
    return SpecVersion{q->getColumn(0).getString(), q->getColumn(1).getInt(),
                       sqlite::ParseJsonColumn(q->getColumn(2), nullptr), q->getColumn(3).getString(),
                       q->getColumn(4).getString(), q->getColumn(5).getString(), q->getColumn(6).getInt64()};
  });
}

Result<ChatTurnIds> SqliteStore::CommitChatTurn(const ChatTurn& t) {
  return pool_->Write([&](Conn& c) -> Result<ChatTurnIds> {
    int current = CurrentSpecVersion(c, t.projectId);
    if (current != t.expectedSpecVersion) {
      sqlite::Conflict("the spec changed while this message was processed; send it again");
    }
    ChatTurnIds ids;
    ids.userMessageId = InsertMessage(c, t.projectId, t.user, t.at);
    ids.assistantMessageId = InsertMessage(c, t.projectId, t.assistant, t.at);
    ids.specVersion = current;
    if (t.newSpec) {
      SpecVersion v = *t.newSpec;
      v.projectId = t.projectId;
      ids.specVersion = InsertSpecVersion(c, v, current, t.at);
    }
    if (t.planMarkdown) UpsertPlan(c, PlanRecord{t.projectId, ids.specVersion, *t.planMarkdown, t.at});
    auto q = c.Q("UPDATE projects SET chat_state = ?, status = COALESCE(?, status), updated_at = ? WHERE id = ?");
    q->bind(1, t.chatState.is_null() ? std::string("{}") : t.chatState.dump());
    if (!t.status.empty()) q->bind(2, t.status);
    q->bind(3, t.at);
    q->bind(4, t.projectId);
    q->exec();
    return ids;
  });
}

Result<std::vector<ChatMessage>> SqliteStore::ListMessages(const std::string& projectId, int64_t afterId, int limit) {
  return pool_->Read([&](Conn& c) -> Result<std::vector<ChatMessage>> {
    auto q = c.Q(std::string("SELECT ") + kMessageCols +
                 " FROM messages m WHERE m.project_id = ? AND m.id > ? ORDER BY m.id LIMIT ?");
    q->bind(1, projectId);
    q->bind(2, afterId);
    q->bind(3, limit);
    std::vector<ChatMessage> out;
    while (q->executeStep()) out.push_back(ReadMessage(*q));
    return out;
  });
}

Result<std::vector<ChatMessage>> SqliteStore::RecentMessages(const std::string& projectId, int limit) {
  return pool_->Read([&](Conn& c) -> Result<std::vector<ChatMessage>> {
    auto q = c.Q(std::string("SELECT ") + kMessageCols +
                 " FROM messages m WHERE m.project_id = ? ORDER BY m.id DESC LIMIT ?");
    q->bind(1, projectId);
    q->bind(2, limit);
    std::vector<ChatMessage> out;
    while (q->executeStep()) out.push_back(ReadMessage(*q));
    std::reverse(out.begin(), out.end());
    return out;
  });
}

Result<std::vector<ChatHit>> SqliteStore::SearchMessages(const std::string& projectId, const std::string& query,
                                                         int limit) {
  std::string fts = FtsQuery(query);
  if (fts.empty()) return std::vector<ChatHit>{};
  return pool_->Read([&](Conn& c) -> Result<std::vector<ChatHit>> {
    auto q = c.Q(std::string("SELECT ") + kMessageCols +
                 ", snippet(messages_fts, 0, '[', ']', '...', 12), bm25(messages_fts) AS rank "
                 "FROM messages_fts JOIN messages m ON m.id = messages_fts.rowid "
                 "WHERE messages_fts MATCH ? AND m.project_id = ? ORDER BY rank, m.id LIMIT ?");
    q->bind(1, fts);
    q->bind(2, projectId);
    q->bind(3, limit);
    std::vector<ChatHit> out;
    while (q->executeStep()) {
      out.push_back(ChatHit{ReadMessage(*q), q->getColumn(7).getString(), q->getColumn(8).getDouble()});
    }
    return out;
  });
}

Result<PlanRecord> SqliteStore::LatestPlan(const std::string& projectId) {
  return pool_->Read([&](Conn& c) -> Result<PlanRecord> {
    auto q = c.Q(
        "SELECT project_id, spec_version, markdown, created_at FROM plans WHERE project_id = ? "
        "ORDER BY spec_version DESC LIMIT 1");
    q->bind(1, projectId);
    if (!q->executeStep()) sqlite::NotFound("plan");
    return PlanRecord{q->getColumn(0).getString(), q->getColumn(1).getInt(), q->getColumn(2).getString(),
                      q->getColumn(3).getInt64()};
  });
}

Status SqliteStore::SavePlan(const PlanRecord& plan) {
  return pool_->Write([&](Conn& c) -> Status {
    UpsertPlan(c, plan);
    return Status::Ok();
  });
}

}  // namespace bf::store
