// SqliteStore: the embedded default Store, one SQLite file (WAL, synchronous=FULL, busy timeout,
// foreign keys, FTS5 for the chat memory and the docs). Opening runs the migrations and an integrity check.
#pragma once

#include <memory>
#include <string>

#include "store/store.h"

namespace bf::store {

namespace sqlite {
class Pool;
}

struct SqliteOptions {
  int readers = 4;  // read-only connections; reads run in parallel with the single writer
  bool integrityCheck = true;  // PRAGMA integrity_check at open; refuse to start when it fails
};

class SqliteStore final : public Store {
 public:
  // Opens (creating when missing) the database at `path`, migrates it and checks its integrity.
  // Errors: "store.open", "store.migrate", "store.version", "store.corrupt".
  static Result<std::unique_ptr<SqliteStore>> Open(const std::string& path, const SqliteOptions& options = {},
                                                   Millis now = 0);
  ~SqliteStore() override;

  // "ok", or what PRAGMA integrity_check reported.
  Result<std::string> IntegrityCheck();
  int schemaVersion() const { return schema_version_; }

  Status CreateUser(const User& user, const Workspace& personal) override;
  Result<User> FindUserByEmail(const std::string& email) override;
  Result<User> GetUser(const std::string& id) override;
  Status UpdateUser(const std::string& id, const std::optional<std::string>& name,
                    const std::optional<bool>& analyticsOptIn) override;
  Status RecordLoginFailure(const std::string& email, Millis at) override;
  Result<FailureCount> CountLoginFailures(const std::string& email, Millis since) override;
  Status CreateSession(const Session& session, const RefreshToken& first) override;
  Result<Session> GetSession(const std::string& id) override;
  Status RevokeSession(const std::string& id, Millis at) override;
  Result<RefreshResult> RotateRefreshToken(const std::string& presentedHash, RefreshToken next, Millis now) override;
  Result<std::string> SessionOfRefreshToken(const std::string& tokenHash) override;
  Status CreateApiToken(const ApiToken& token) override;
  Result<std::vector<ApiToken>> ListApiTokens(const std::string& userId) override;
  Status RevokeApiToken(const std::string& userId, const std::string& tokenId, Millis at) override;
  Result<ApiToken> UseApiToken(const std::string& tokenHash, Millis at) override;

  Status CreateWorkspace(const Workspace& ws) override;
  Result<std::vector<WorkspaceView>> ListWorkspaces(const std::string& userId) override;
  Result<WorkspaceView> GetWorkspace(const std::string& userId, const std::string& workspaceId) override;
  Status PutMember(const std::string& workspaceId, const std::string& userId, Role role, Millis at) override;
  Result<std::vector<Member>> ListMembers(const std::string& workspaceId) override;

  Status CreateProject(const Project& project) override;
  Result<std::vector<Project>> ListProjects(const std::string& workspaceId) override;
  Result<ProjectView> GetProject(const std::string& userId, const std::string& projectId) override;
  Status UpdateProject(const std::string& projectId, const ProjectPatch& patch, Millis at) override;
  Status DeleteProject(const std::string& projectId) override;
  Result<int> SaveSpec(const SpecVersion& version, int expectedVersion) override;
  Result<std::vector<SpecVersion>> ListSpecVersions(const std::string& projectId) override;
  Result<SpecVersion> GetSpecVersion(const std::string& projectId, int version) override;
  Result<ChatTurnIds> CommitChatTurn(const ChatTurn& turn) override;
  Result<std::vector<ChatMessage>> ListMessages(const std::string& projectId, int64_t afterId, int limit) override;
  Result<std::vector<ChatMessage>> RecentMessages(const std::string& projectId, int limit) override;
  Result<std::vector<ChatHit>> SearchMessages(const std::string& projectId, const std::string& query,
                                              int limit) override;
  Result<PlanRecord> LatestPlan(const std::string& projectId) override;
  Status SavePlan(const PlanRecord& plan) override;

  Status CreateJob(const Job& job) override;
  Result<Job> GetJob(const std::string& userId, const std::string& jobId) override;
  Result<Job> GetJobUnscoped(const std::string& jobId) override;
  Result<std::vector<Job>> ListJobs(const std::string& projectId, int limit) override;
  Status UpdateJob(const Job& job) override;
  Status RequestCancel(const std::string& jobId) override;
  Result<int> MarkUnfinishedJobsInterrupted(Millis at) override;
  Status AddTestRun(const TestRun& run) override;
  Result<std::vector<TestRun>> ListTestRuns(const std::string& projectId, int limit) override;

  Result<int> PutDoc(const DocEntry& entry) override;
  Result<DocEntry> GetDoc(const std::string& projectId, const std::string& path) override;
  Result<std::vector<DocEntry>> ListDocs(const std::string& projectId) override;
  Result<std::vector<DocEntry>> DocHistory(const std::string& projectId, const std::string& path) override;
  Result<std::vector<DocSection>> ListDocSections(const std::string& projectId, const std::string& path) override;
  Result<std::vector<DocHit>> SearchDocs(const std::string& projectId, const std::string& query, int limit) override;

  Status AppendAudit(const AuditEvent& event) override;
  Result<std::vector<AuditEvent>> ListAudit(const std::string& workspaceId, int limit) override;
  Status RecordAnalytics(const AnalyticsEvent& event) override;
  Result<int64_t> CountAnalytics(const std::string& userId) override;

  Status Ping() override;

 private:
  explicit SqliteStore(std::unique_ptr<sqlite::Pool> pool);
  std::unique_ptr<sqlite::Pool> pool_;
  int schema_version_ = 0;
};

}  // namespace bf::store
