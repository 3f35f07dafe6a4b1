// The persistence interface of BackendForge. Handlers and jobs talk to this, never to SQL: the
// embedded default is SqliteStore (sqlite_store.h); a document database can implement the same
// calls later. Every call is thread-safe, returns failures as values and is atomic (a call either
// happens whole or not at all). Error codes: "store.not_found", "store.conflict" (a unique key
// or an expected version did not hold), "store.io" (the database failed; message says why).
//
// Tenancy: reads of tenant data that start from an id a client sent (project, job) take the
// acting user and answer "store.not_found" unless that user is a member of the owning
// workspace, so a handler cannot forget the check.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "store/records.h"

namespace bf::store {

// Outcome of presenting a refresh token.
enum class RefreshOutcome {
  kRotated,  // valid: it is now used and `next` replaces it
  kUnknown,  // no such token
  kReused,   // already rotated: its whole session was revoked just now
  kExpired,
  kRevoked,  // its session was revoked before (logout or an earlier reuse)
};
struct RefreshResult {
  RefreshOutcome outcome = RefreshOutcome::kUnknown;
  std::string userId;
  std::string sessionId;
};

struct ProjectPatch {
  std::optional<std::string> name;
  std::optional<std::string> description;
  std::optional<std::string> stack;
  std::optional<std::string> database;
  std::optional<std::string> status;
};

// One chat exchange, written at once: both messages, the spec version it produced (if any), the
// plan of that version and the analyzer's state. Conflicts when the project's spec version is no
// longer `expectedSpecVersion` (another writer got there first): the caller retries.
struct ChatTurn {
  std::string projectId;
  int expectedSpecVersion = 0;
  ChatMessage user;
  ChatMessage assistant;
  std::optional<SpecVersion> newSpec;  // version number is assigned by the store
  std::optional<std::string> planMarkdown;
  nlohmann::json chatState;
  std::string status;  // new project status; empty = unchanged
  Millis at = 0;
};
struct ChatTurnIds {
  int64_t userMessageId = 0;
  int64_t assistantMessageId = 0;
  int specVersion = 0;  // the project's spec version after the turn
};

class Store {
 public:
  virtual ~Store() = default;

  // ---- users, sessions, tokens
  // Creates the user, their personal workspace and the owner membership. Conflict: email taken.
  virtual Status CreateUser(const User& user, const Workspace& personal) = 0;
  virtual Result<User> FindUserByEmail(const std::string& email) = 0;
  virtual Result<User> GetUser(const std::string& id) = 0;
  virtual Status UpdateUser(const std::string& id, const std::optional<std::string>& name,
                            const std::optional<bool>& analyticsOptIn) = 0;

  // Failed logins per account (by email, known or not): record one, count those since `since`
  // (and the time of the oldest of them, for Retry-After).
  virtual Status RecordLoginFailure(const std::string& email, Millis at) = 0;
  struct FailureCount {
    int count = 0;
    Millis oldest = 0;
  };
  virtual Result<FailureCount> CountLoginFailures(const std::string& email, Millis since) = 0;

  // A session with its first refresh token.
  virtual Status CreateSession(const Session& session, const RefreshToken& first) = 0;
  virtual Result<Session> GetSession(const std::string& id) = 0;
  virtual Status RevokeSession(const std::string& id, Millis at) = 0;
  // Rotation with reuse detection, atomically (see RefreshOutcome). `next` is stored only when
  // the outcome is kRotated; its sessionId/userId are filled from the presented token.
  virtual Result<RefreshResult> RotateRefreshToken(const std::string& presentedHash, RefreshToken next,
                                                   Millis now) = 0;
  // The session of a refresh token, if the token exists (for logout).
  virtual Result<std::string> SessionOfRefreshToken(const std::string& tokenHash) = 0;

  virtual Status CreateApiToken(const ApiToken& token) = 0;
  virtual Result<std::vector<ApiToken>> ListApiTokens(const std::string& userId) = 0;
  virtual Status RevokeApiToken(const std::string& userId, const std::string& tokenId, Millis at) = 0;
  // The active token with this hash; records its use.
  virtual Result<ApiToken> UseApiToken(const std::string& tokenHash, Millis at) = 0;

  // ---- workspaces
  virtual Status CreateWorkspace(const Workspace& ws) = 0;  // the owner becomes a member
  virtual Result<std::vector<WorkspaceView>> ListWorkspaces(const std::string& userId) = 0;
  virtual Result<WorkspaceView> GetWorkspace(const std::string& userId, const std::string& workspaceId) = 0;
  // Adds a member or changes their role.
  virtual Status PutMember(const std::string& workspaceId, const std::string& userId, Role role, Millis at) = 0;
  virtual Result<std::vector<Member>> ListMembers(const std::string& workspaceId) = 0;

  // ---- projects
  virtual Status CreateProject(const Project& project) = 0;
  virtual Result<std::vector<Project>> ListProjects(const std::string& workspaceId) = 0;
  virtual Result<ProjectView> GetProject(const std::string& userId, const std::string& projectId) = 0;
  virtual Status UpdateProject(const std::string& projectId, const ProjectPatch& patch, Millis at) = 0;
  // Deletes the project and everything that belongs to it.
  virtual Status DeleteProject(const std::string& projectId) = 0;

  // A new spec version (conflict unless the current one is `expectedVersion`); returns its number.
  virtual Result<int> SaveSpec(const SpecVersion& version, int expectedVersion) = 0;
  virtual Result<std::vector<SpecVersion>> ListSpecVersions(const std::string& projectId) = 0;
  virtual Result<SpecVersion> GetSpecVersion(const std::string& projectId, int version) = 0;

  virtual Result<ChatTurnIds> CommitChatTurn(const ChatTurn& turn) = 0;
  // Messages in order; `afterId` > 0 pages forward; at most `limit`.
  virtual Result<std::vector<ChatMessage>> ListMessages(const std::string& projectId, int64_t afterId,
                                                        int limit) = 0;
  // The last `limit` messages, oldest first.
  virtual Result<std::vector<ChatMessage>> RecentMessages(const std::string& projectId, int limit) = 0;
  // Full-text search over one project's conversation (FTS5, best first). `query` is plain
  // words (no FTS syntax is interpreted).
  virtual Result<std::vector<ChatHit>> SearchMessages(const std::string& projectId, const std::string& query,
                                                      int limit) = 0;
  virtual Result<PlanRecord> LatestPlan(const std::string& projectId) = 0;
  virtual Status SavePlan(const PlanRecord& plan) = 0;

  // ---- jobs and test runs
  virtual Status CreateJob(const Job& job) = 0;
  // Jobs a user can see (member of the job's workspace).
  virtual Result<Job> GetJob(const std::string& userId, const std::string& jobId) = 0;
  virtual Result<Job> GetJobUnscoped(const std::string& jobId) = 0;  // for the job runner only
  virtual Result<std::vector<Job>> ListJobs(const std::string& projectId, int limit) = 0;
  // Writes status, progress, message, result, log tail, times and the cancel flag.
  virtual Status UpdateJob(const Job& job) = 0;
  virtual Status RequestCancel(const std::string& jobId) = 0;
  // At start: every queued or running job becomes "interrupted". Returns how many.
  virtual Result<int> MarkUnfinishedJobsInterrupted(Millis at) = 0;

  virtual Status AddTestRun(const TestRun& run) = 0;
  virtual Result<std::vector<TestRun>> ListTestRuns(const std::string& projectId, int limit) = 0;

  // ---- documentation entries with history
  virtual Result<int> PutDoc(const DocEntry& entry) = 0;  // returns the new version
  virtual Result<DocEntry> GetDoc(const std::string& projectId, const std::string& path) = 0;
  virtual Result<std::vector<DocEntry>> ListDocs(const std::string& projectId) = 0;  // latest of each
  virtual Result<std::vector<DocEntry>> DocHistory(const std::string& projectId, const std::string& path) = 0;
  // The sections of the latest version of one document (all documents when `path` is empty), in
  // document order. PutDoc keeps them in step, in its own transaction.
  virtual Result<std::vector<DocSection>> ListDocSections(const std::string& projectId, const std::string& path) = 0;
  // Full-text search over the sections of one project's documents (FTS5, best first). `query` is
  // words (all must match), "quoted phrases", word* prefixes and OR between terms; nothing else
  // is interpreted. Error "store.bad_query" (message says what to fix) for a query with no words,
  // an unclosed quote or more than 200 characters.
  virtual Result<std::vector<DocHit>> SearchDocs(const std::string& projectId, const std::string& query,
                                                 int limit) = 0;

  // ---- audit and analytics
  virtual Status AppendAudit(const AuditEvent& event) = 0;
  virtual Result<std::vector<AuditEvent>> ListAudit(const std::string& workspaceId, int limit) = 0;
  // Stored only for users who opted in (the caller checks; the store just writes).
  virtual Status RecordAnalytics(const AnalyticsEvent& event) = 0;
  virtual Result<int64_t> CountAnalytics(const std::string& userId) = 0;

  // ---- health
  virtual Status Ping() = 0;  // a trivial read
};

}  // namespace bf::store
