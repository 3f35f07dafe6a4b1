// SqliteStore: documentation entries (every version kept) and their sections in the FTS5 index.
#include <map>

#include "store/doc_sections.h"
#include "store/sqlite_db.h"
#include "store/sqlite_store.h"

namespace bf::store {

using sqlite::Conn;

namespace {

constexpr const char* kSectionCols = "s.section_id, s.path, s.title, s.level, s.position, s.body, s.updated_at";

DocEntry ReadDoc(SQLite::Statement& q) {
  return DocEntry{q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                  q.getColumn(3).getInt(), q.getColumn(4).getString(), q.getColumn(5).getInt64()};
}

DocSection ReadSection(SQLite::Statement& q) {
  DocSection s;
  s.id = q.getColumn(0).getString();
  s.path = q.getColumn(1).getString();
  s.title = q.getColumn(2).getString();
  s.level = q.getColumn(3).getInt();
  s.position = q.getColumn(4).getInt();
  s.body = q.getColumn(5).getString();
  s.updatedAt = q.getColumn(6).getInt64();
  return s;
}

}  // namespace

namespace sqlite {

void IndexDocSections(Conn& c, const std::string& projectId, const std::string& path, const std::string& content,
                      Millis at) {
  struct Old {
    std::string title, body;
    Millis updatedAt;
  };
  std::map<std::string, Old> old;
  {
    auto q = c.Q("SELECT section_id, title, body, updated_at FROM doc_sections WHERE project_id = ? AND path = ?");
    q->bind(1, projectId);
    q->bind(2, path);
    while (q->executeStep()) {
      old[q->getColumn(0).getString()] = Old{q->getColumn(1).getString(), q->getColumn(2).getString(),
                                             q->getColumn(3).getInt64()};
    }
  }
  auto del = c.Q("DELETE FROM doc_sections WHERE project_id = ? AND path = ?");
  del->bind(1, projectId);
  del->bind(2, path);
  del->exec();
  auto ins = c.Q(
      "INSERT INTO doc_sections(project_id, path, section_id, position, level, title, body, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  for (const auto& s : SplitSections(path, content)) {
    auto it = old.find(s.id);
    bool same = it != old.end() && it->second.title == s.title && it->second.body == s.body;
    ins->bind(1, projectId);
    ins->bind(2, path);
    ins->bind(3, s.id);
    ins->bind(4, s.position);
    ins->bind(5, s.level);
    ins->bind(6, s.title);
    ins->bind(7, s.body);
    ins->bind(8, static_cast<int64_t>(same ? it->second.updatedAt : at));
    ins->exec();
    ins->reset();
  }
}

void IndexAllDocs(Conn& c) {
  struct Latest {
    std::string projectId, path, content;
    Millis at;
  };
  std::vector<Latest> docs;
  {
    auto q = c.Q(
        "SELECT d.project_id, d.path, d.content, d.created_at FROM docs d WHERE d.version = "
        "(SELECT MAX(version) FROM docs x WHERE x.project_id = d.project_id AND x.path = d.path)");
    while (q->executeStep()) {
      docs.push_back(Latest{q->getColumn(0).getString(), q->getColumn(1).getString(), q->getColumn(2).getString(),
                            q->getColumn(3).getInt64()});
    }
  }
  for (const auto& d : docs) IndexDocSections(c, d.projectId, d.path, d.content, d.at);
}

}  // namespace sqlite

Result<int> SqliteStore::PutDoc(const DocEntry& e) {
  return pool_->Write([&](Conn& c) -> Result<int> {
    auto cur = c.Q("SELECT COALESCE(MAX(version), 0) FROM docs WHERE project_id = ? AND path = ?");
    cur->bind(1, e.projectId);
    cur->bind(2, e.path);
    cur->executeStep();
    int next = cur->getColumn(0).getInt() + 1;
    auto q = c.Q(
        "INSERT INTO docs(project_id, path, version, content, author_id, created_at) VALUES (?, ?, ?, ?, ?, ?)");
    q->bind(1, e.projectId);
    q->bind(2, e.path);
    q->bind(3, next);
    q->bind(4, e.content);
    q->bind(5, e.authorId);
    q->bind(6, e.updatedAt);
    q->exec();
    sqlite::IndexDocSections(c, e.projectId, e.path, e.content, e.updatedAt);
    return next;
  });
}

Result<DocEntry> SqliteStore::GetDoc(const std::string& projectId, const std::string& path) {
  return pool_->Read([&](Conn& c) -> Result<DocEntry> {
    auto q = c.Q(
        "SELECT project_id, path, content, version, author_id, created_at FROM docs WHERE project_id = ? AND path = ? "
        "ORDER BY version DESC LIMIT 1");
    q->bind(1, projectId);
    q->bind(2, path);
    if (!q->executeStep()) sqlite::NotFound("document");
    return ReadDoc(*q);
  });
}

Result<std::vector<DocEntry>> SqliteStore::ListDocs(const std::string& projectId) {
  return pool_->Read([&](Conn& c) -> Result<std::vector<DocEntry>> {
    auto q = c.Q(
        "SELECT d.project_id, d.path, d.content, d.version, d.author_id, d.created_at FROM docs d "
        "WHERE d.project_id = ? AND d.version = (SELECT MAX(version) FROM docs x WHERE x.project_id = d.project_id "
        "AND x.path = d.path) ORDER BY d.path");
    q->bind(1, projectId);
    std::vector<DocEntry> out;
    while (q->executeStep()) out.push_back(ReadDoc(*q));
    return out;
  });
}

Result<std::vector<DocEntry>> SqliteStore::DocHistory(const std::string& projectId, const std::string& path) {
  return pool_->Read([&](Conn& c) -> Result<std::vector<DocEntry>> {
    auto q = c.Q(
        "SELECT project_id, path, content, version, author_id, created_at FROM docs WHERE project_id = ? AND path = ? "
        "ORDER BY version");
    q->bind(1, projectId);
    q->bind(2, path);
    std::vector<DocEntry> out;
    while (q->executeStep()) out.push_back(ReadDoc(*q));
    return out;
  });
}

Result<std::vector<DocSection>> SqliteStore::ListDocSections(const std::string& projectId, const std::string& path) {
  return pool_->Read([&](Conn& c) -> Result<std::vector<DocSection>> {
    auto q = c.Q(std::string("SELECT ") + kSectionCols +
                 " FROM doc_sections s WHERE s.project_id = ? AND (? = '' OR s.path = ?) ORDER BY s.path, s.position");
    q->bind(1, projectId);
    q->bind(2, path);
    q->bind(3, path);
    std::vector<DocSection> out;
    while (q->executeStep()) out.push_back(ReadSection(*q));
    return out;
  });
}

Result<std::vector<DocHit>> SqliteStore::SearchDocs(const std::string& projectId, const std::string& query, int limit) {
  auto fts = DocSearchQuery(query);
  if (!fts) return fts.error();
  return pool_->Read([&](Conn& c) -> Result<std::vector<DocHit>> {
    // A match in the title counts five times one in the body.
    auto q = c.Q(std::string("SELECT ") + kSectionCols +
                 ", snippet(doc_sections_fts, -1, '[', ']', '...', 16), bm25(doc_sections_fts, 5.0, 1.0) AS rank "
                 "FROM doc_sections_fts JOIN doc_sections s ON s.id = doc_sections_fts.rowid "
                 "WHERE doc_sections_fts MATCH ? AND s.project_id = ? ORDER BY rank, s.path, s.position LIMIT ?");
    q->bind(1, *fts);
    q->bind(2, projectId);
    q->bind(3, limit);
    std::vector<DocHit> out;
    while (q->executeStep()) {
      out.push_back(DocHit{ReadSection(*q), q->getColumn(7).getString(), q->getColumn(8).getDouble()});
    }
    return out;
  });
}

}  // namespace bf::store
