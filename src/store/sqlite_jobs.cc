// SqliteStore: jobs, test runs, audit log and analytics events.
#include "store/sqlite_db.h"
#include "store/sqlite_store.h"

namespace bf::store {

using sqlite::Conn;

namespace {

constexpr const char* kJobCols =
    "j.id, j.project_id, j.workspace_id, j.kind, j.status, j.progress, j.message, j.params, j.result, j.log_tail, "
    "j.cancel_requested, j.created_by, j.created_at, j.started_at, j.finished_at";

Job ReadJob(SQLite::Statement& q) {
  Job j;
  j.id = q.getColumn(0).getString();
  j.projectId = q.getColumn(1).getString();
  j.workspaceId = q.getColumn(2).getString();
  j.kind = q.getColumn(3).getString();
  j.status = q.getColumn(4).getString();
  j.progress = q.getColumn(5).getInt();
  j.message = q.getColumn(6).getString();
  j.params = sqlite::ParseJsonColumn(q.getColumn(7), nlohmann::json::object());
  j.result = sqlite::ParseJsonColumn(q.getColumn(8), nlohmann::json::object());
  j.logTail = q.getColumn(9).getString();
  j.cancelRequested = q.getColumn(10).getInt() != 0;
  j.createdBy = q.getColumn(11).getString();
  j.createdAt = q.getColumn(12).getInt64();
  j.startedAt = q.getColumn(13).getInt64();
  j.finishedAt = q.getColumn(14).getInt64();
  return j;
}

TestRun ReadRun(SQLite::Statement& q) {
  TestRun r;
  r.id = q.getColumn(0).getString();
  r.projectId = q.getColumn(1).getString();
  r.jobId = q.getColumn(2).getString();
  r.phase = q.getColumn(3).getString();
  r.status = q.getColumn(4).getString();
  r.passed = q.getColumn(5).getInt();
  r.failed = q.getColumn(6).getInt();
  r.skipped = q.getColumn(7).getInt();
  r.durationMs = q.getColumn(8).getInt64();
  r.results = sqlite::ParseJsonColumn(q.getColumn(9), nlohmann::json::array());
  r.createdAt = q.getColumn(10).getInt64();
  return r;
}

}  // namespace

Status SqliteStore::CreateJob(const Job& j) {
  return pool_->Write([&](Conn& c) -> Status {
    auto q = c.Q(
        "INSERT INTO jobs(id, project_id, workspace_id, kind, status, progress, message, params, result, log_tail, "
        "cancel_requested, created_by, created_at, started_at, finished_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, 0, 0)");
    q->bind(1, j.id);
    q->bind(2, j.projectId);
    q->bind(3, j.workspaceId);
    q->bind(4, j.kind);
    q->bind(5, j.status);
    q->bind(6, j.progress);
    q->bind(7, j.message);
    q->bind(8, j.params.dump());
    q->bind(9, j.result.dump());
    q->bind(10, j.logTail);
    q->bind(11, j.createdBy);
    q->bind(12, j.createdAt);
    q->exec();
    return Status::Ok();
  });
}

Result<Job> SqliteStore::GetJob(const std::string& userId, const std::string& jobId) {
  return pool_->Read([&](Conn& c) -> Result<Job> {
    auto q = c.Q(std::string("SELECT ") + kJobCols +
                 " FROM jobs j JOIN memberships m ON m.workspace_id = j.workspace_id WHERE j.id = ? AND m.user_id = ?");
    q->bind(1, jobId);
    q->bind(2, userId);
    if (!q->executeStep()) sqlite::NotFound("job");
    return ReadJob(*q);
  });
}

Result<Job> SqliteStore::GetJobUnscoped(const std::string& jobId) {
  return pool_->Read([&](Conn& c) -> Result<Job> {
    auto q = c.Q(std::string("SELECT ") + kJobCols + " FROM jobs j WHERE j.id = ?");
    q->bind(1, jobId);
    if (!q->executeStep()) sqlite::NotFound("job");
    return ReadJob(*q);
  });
}

Result<std::vector<Job>> SqliteStore::ListJobs(const std::string& projectId, int limit) {
  return pool_->Read([&](Conn& c) -> Result<std::vector<Job>> {
    auto q = c.Q(std::string("SELECT ") + kJobCols +
                 " FROM jobs j WHERE j.project_id = ? ORDER BY j.created_at DESC, j.id LIMIT ?");
    q->bind(1, projectId);
    q->bind(2, limit);
    std::vector<Job> out;
    while (q->executeStep()) out.push_back(ReadJob(*q));
    return out;
  });
}

Status SqliteStore::UpdateJob(const Job& j) {
  return pool_->Write([&](Conn& c) -> Status {
    // The cancel flag only ever goes up: a runner's stale copy must not clear a user's request.
    auto q = c.Q(
        "UPDATE jobs SET status = ?, progress = ?, message = ?, result = ?, log_tail = ?, "
        "cancel_requested = MAX(cancel_requested, ?), started_at = ?, finished_at = ? WHERE id = ?");
    q->bind(1, j.status);
    q->bind(2, j.progress);
    q->bind(3, j.message);
    q->bind(4, j.result.dump());
    q->bind(5, j.logTail);
    q->bind(6, j.cancelRequested ? 1 : 0);
    q->bind(7, j.startedAt);
    q->bind(8, j.finishedAt);
    q->bind(9, j.id);
    if (q->exec() == 0) sqlite::NotFound("job");
    return Status::Ok();
  });
}

Status SqliteStore::RequestCancel(const std::string& jobId) {
  return pool_->Write([&](Conn& c) -> Status {
    auto q = c.Q("UPDATE jobs SET cancel_requested = 1 WHERE id = ?");
    q->bind(1, jobId);
    if (q->exec() == 0) sqlite::NotFound("job");
    return Status::Ok();
  });
}

Result<int> SqliteStore::MarkUnfinishedJobsInterrupted(Millis at) {
  return pool_->Write([&](Conn& c) -> Result<int> {
    auto q = c.Q(
        "UPDATE jobs SET status = 'interrupted', finished_at = ?, "
        "message = 'interrupted: the server stopped before the job finished; start it again' "
        "WHERE status IN ('queued', 'running')");
    q->bind(1, at);
    return q->exec();
  });
}

Status SqliteStore::AddTestRun(const TestRun& r) {
  return pool_->Write([&](Conn& c) -> Status {
    auto q = c.Q(
        "INSERT INTO test_runs(id, project_id, job_id, phase, status, passed, failed, skipped, duration_ms, results, "
        "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    q->bind(1, r.id);
    q->bind(2, r.projectId);
    q->bind(3, r.jobId);
    q->bind(4, r.phase);
    q->bind(5, r.status);
    q->bind(6, r.passed);
    q->bind(7, r.failed);
    q->bind(8, r.skipped);
    q->bind(9, r.durationMs);
    q->bind(10, r.results.dump());
    q->bind(11, r.createdAt);
    q->exec();
    return Status::Ok();
  });
}

Result<std::vector<TestRun>> SqliteStore::ListTestRuns(const std::string& projectId, int limit) {
  return pool_->Read([&](Conn& c) -> Result<std::vector<TestRun>> {
    auto q = c.Q(
        "SELECT id, project_id, job_id, phase, status, passed, failed, skipped, duration_ms, results, created_at "
        "FROM test_runs WHERE project_id = ? ORDER BY created_at DESC, id LIMIT ?");
    q->bind(1, projectId);
    q->bind(2, limit);
    std::vector<TestRun> out;
    while (q->executeStep()) out.push_back(ReadRun(*q));
    return out;
  });
}

Status SqliteStore::AppendAudit(const AuditEvent& e) {
  return pool_->Write([&](Conn& c) -> Status {
    auto q = c.Q(
        "INSERT INTO audit_log(at, actor_id, workspace_id, action, target, ip, details) VALUES (?, ?, ?, ?, ?, ?, ?)");
    q->bind(1, e.at);
    q->bind(2, e.actorId);
    q->bind(3, e.workspaceId);
    q->bind(4, e.action);
    q->bind(5, e.target);
    q->bind(6, e.ip);
    q->bind(7, e.details.dump());
    q->exec();
    return Status::Ok();
  });
}

Result<std::vector<AuditEvent>> SqliteStore::ListAudit(const std::string& workspaceId, int limit) {
  return pool_->Read([&](Conn& c) -> Result<std::vector<AuditEvent>> {
    auto q = c.Q(
        "SELECT id, at, actor_id, workspace_id, action, target, ip, details FROM audit_log WHERE workspace_id = ? "
        "ORDER BY id DESC LIMIT ?");
    q->bind(1, workspaceId);
    q->bind(2, limit);
    std::vector<AuditEvent> out;
    while (q->executeStep()) {
      out.push_back(AuditEvent{q->getColumn(0).getInt64(), q->getColumn(1).getInt64(), q->getColumn(2).getString(),
                               q->getColumn(3).getString(), q->getColumn(4).getString(), q->getColumn(5).getString(),
                               q->getColumn(6).getString(),
                               sqlite::ParseJsonColumn(q->getColumn(7), nlohmann::json::object())});
    }
    return out;
  });
}

Status SqliteStore::RecordAnalytics(const AnalyticsEvent& e) {
  return pool_->Write([&](Conn& c) -> Status {
    auto q = c.Q("INSERT INTO analytics_events(at, user_id, name, props) VALUES (?, ?, ?, ?)");
    q->bind(1, e.at);
    q->bind(2, e.userId);
    q->bind(3, e.name);
    q->bind(4, e.props.dump());
    q->exec();
    return Status::Ok();
  });
}

Result<int64_t> SqliteStore::CountAnalytics(const std::string& userId) {
  return pool_->Read([&](Conn& c) -> Result<int64_t> {
    auto q = c.Q("SELECT COUNT(*) FROM analytics_events WHERE user_id = ?");
    q->bind(1, userId);
    q->executeStep();
    return q->getColumn(0).getInt64();
  });
}

}  // namespace bf::store
