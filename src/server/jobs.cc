#include "server/jobs.h"

#include "server/event_hub.h"
#include "server/log.h"
#include "server/metrics.h"
#include "store/ids.h"

namespace bf::server {

struct JobRunner::Entry {
  std::mutex mu;  // guards job (the runner thread writes, Cancel/Shutdown read)
  store::Job job;
  JobFn fn;
  std::atomic<bool> cancel{false};
  std::atomic<bool> interrupted{false};  // cancelled because the server stops
  bool started = false;
  bool finished = false;
};

class JobRunner::Context final : public JobContext {
 public:
  Context(JobRunner& r, std::shared_ptr<Entry> e) : r_(r), e_(std::move(e)) {}

  const store::Job& job() const override { return snapshot_; }

  void Progress(int percent, const std::string& message) override {
    percent = std::clamp(percent, 0, 100);
    {
      std::lock_guard lock(e_->mu);
      e_->job.progress = percent;
      e_->job.message = message;
    }
    r_.hub_.Publish(EventHub::ProjectTopic(e_->job.projectId), "job.progress",
                    {{"jobId", e_->job.id}, {"kind", e_->job.kind}, {"status", "running"}, {"progress", percent},
                     {"message", message}});
    MaybePersist(false);
  }

  void Log(const std::string& line) override {
    {
      std::lock_guard lock(e_->mu);
      std::string& tail = e_->job.logTail;
      tail += line;
      tail += '\n';
      if (tail.size() > r_.options_.logTailBytes) {
        size_t cut = tail.size() - r_.options_.logTailBytes;
        size_t nl = tail.find('\n', cut);
        tail.erase(0, nl == std::string::npos ? cut : nl + 1);
      }
    }
    r_.hub_.Publish(EventHub::ProjectTopic(e_->job.projectId), "job.log", {{"jobId", e_->job.id}, {"line", line}});
    MaybePersist(false);
  }

  void Emit(const std::string& type, const nlohmann::json& data) override {
    r_.hub_.Publish(EventHub::ProjectTopic(e_->job.projectId), type, data);
  }

  bool Cancelled() const override { return e_->cancel.load(); }

  void SetSnapshot(const store::Job& j) { snapshot_ = j; }

  // Writes the job to the store at most every persistEveryMs (always when `force`).
  void MaybePersist(bool force) {
    int64_t now = r_.clock_.NowMillis();
    if (!force && now - last_persist_ < r_.options_.persistEveryMs) return;
    last_persist_ = now;
    store::Job copy;
    {
      std::lock_guard lock(e_->mu);
      copy = e_->job;
    }
    if (auto st = r_.store_.UpdateJob(copy); !st.ok()) {
      log::Warn("job.persist_failed", {{"jobId", copy.id}, {"error", st.error().message}});
    }
    // A cancel request made through another server process (or before this job started) is
    // only in the store: pick it up here.
    if (!e_->cancel.load()) {
      if (auto fresh = r_.store_.GetJobUnscoped(copy.id); fresh.ok() && fresh->cancelRequested) e_->cancel = true;
    }
  }

 private:
  JobRunner& r_;
  std::shared_ptr<Entry> e_;
  store::Job snapshot_;
  int64_t last_persist_ = 0;
};

JobRunner::JobRunner(store::Store& store, EventHub& hub, const Clock& clock, Metrics* metrics,
                     JobRunnerOptions options)
    : store_(store), hub_(hub), clock_(clock), metrics_(metrics), options_(options) {
  for (int i = 0; i < std::max(1, options_.workers); ++i) workers_.emplace_back([this] { WorkerLoop(); });
}

JobRunner::~JobRunner() { Shutdown(0); }

int JobRunner::queued() const {
  std::lock_guard lock(mu_);
  return static_cast<int>(queue_.size());
}

Result<store::Job> JobRunner::Submit(store::Job job, JobFn fn) {
  if (job.id.empty()) job.id = store::NewId();
  job.status = "queued";
  job.progress = 0;
  if (job.createdAt == 0) job.createdAt = clock_.NowMillis();
  {
    std::lock_guard lock(mu_);
    if (closing_) return MakeError("jobs.shutting_down", "the server is shutting down; try again in a moment");
    if (static_cast<int>(queue_.size()) >= options_.maxQueued) {
      return MakeError("jobs.busy", "too many jobs are waiting; try again in a minute");
    }
  }
  if (auto st = store_.CreateJob(job); !st.ok()) return st.error();
  auto e = std::make_shared<Entry>();
  e->job = job;
  e->fn = std::move(fn);
  {
    std::lock_guard lock(mu_);
    queue_.push_back(e);
    active_[job.id] = e;
  }
  cv_.notify_one();
  hub_.Publish(EventHub::ProjectTopic(job.projectId), "job.progress",
               {{"jobId", job.id}, {"kind", job.kind}, {"status", "queued"}, {"progress", 0}, {"message", "queued"}});
  return job;
}

Status JobRunner::Cancel(const std::string& job_id) {
  std::shared_ptr<Entry> e;
  bool was_queued = false;
  {
    std::lock_guard lock(mu_);
    auto it = active_.find(job_id);
    if (it != active_.end()) {
      e = it->second;
      auto q = std::find(queue_.begin(), queue_.end(), e);
      if (q != queue_.end()) {
        queue_.erase(q);
        was_queued = true;
      }
    }
  }
  if (auto st = store_.RequestCancel(job_id); !st.ok()) return st;
  if (!e) return Status::Ok();  // finished already, or running in another process
  e->cancel = true;
  if (was_queued) Finish(e, "cancelled", "cancelled before it started", nlohmann::json::object());
  return Status::Ok();
}

void JobRunner::WorkerLoop() {
  for (;;) {
    std::shared_ptr<Entry> e;
    {
      std::unique_lock lock(mu_);
      cv_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (stopping_) return;
      e = queue_.front();
      queue_.pop_front();
      e->started = true;
    }
    ++running_;
    Run(e);
    --running_;
  }
}

void JobRunner::Run(const std::shared_ptr<Entry>& e) {
  Context ctx(*this, e);
  {
    std::lock_guard lock(e->mu);
    e->job.status = "running";
    e->job.startedAt = clock_.NowMillis();
    e->job.message = "started";
    ctx.SetSnapshot(e->job);
  }
  ctx.MaybePersist(true);
  hub_.Publish(EventHub::ProjectTopic(e->job.projectId), "job.progress",
               {{"jobId", e->job.id}, {"kind", e->job.kind}, {"status", "running"}, {"progress", 0},
                {"message", "started"}});
  Result<nlohmann::json> out = MakeError("jobs.failed", "the job did not run");
  try {
    out = e->fn(ctx);
  } catch (const std::exception& x) {
    out = MakeError("jobs.crashed", std::string("the job failed unexpectedly: ") + x.what());
  }
  if (e->interrupted.load()) {
    Finish(e, "interrupted", "interrupted: the server stopped before the job finished; start it again",
           out.ok() ? *out : nlohmann::json::object());
  } else if (e->cancel.load() && !out.ok()) {
    Finish(e, "cancelled", "cancelled", nlohmann::json::object());
  } else if (out.ok()) {
    Finish(e, "succeeded", "done", *out);
  } else {
    Finish(e, "failed", out.error().message, {{"error", {{"code", out.error().code}, {"message", out.error().message}}}});
  }
}

void JobRunner::Finish(const std::shared_ptr<Entry>& e, const std::string& status, const std::string& message,
                       const nlohmann::json& result) {
  store::Job copy;
  {
    std::lock_guard lock(e->mu);
    if (e->finished) return;
    e->finished = true;
    e->job.status = status;
    e->job.message = message;
    e->job.result = result;
    if (status == "succeeded") e->job.progress = 100;
    e->job.finishedAt = clock_.NowMillis();
    e->job.cancelRequested = e->cancel.load();
    copy = e->job;
  }
  if (onFinished_) onFinished_(copy);
  if (auto st = store_.UpdateJob(copy); !st.ok()) {
    log::Error("job.persist_failed", {{"jobId", copy.id}, {"error", st.error().message}});
  }
  {
    std::lock_guard lock(mu_);
    active_.erase(copy.id);
  }
  if (metrics_) metrics_->JobFinished(copy.kind, status);
  log::Info("job.finished", {{"jobId", copy.id}, {"kind", copy.kind}, {"status", status}});
  hub_.Publish(EventHub::ProjectTopic(copy.projectId), "job.progress",
               {{"jobId", copy.id}, {"kind", copy.kind}, {"status", status}, {"progress", copy.progress},
                {"message", message}, {"result", result}});
}

void JobRunner::Shutdown(int64_t grace_ms) {
  std::vector<std::shared_ptr<Entry>> queued, running;
  {
    std::lock_guard lock(mu_);
    if (closing_ && workers_.empty()) return;
    closing_ = true;
    for (auto& [id, e] : active_) {
      if (e->started) {
        running.push_back(e);
      } else {
        queued.push_back(e);
      }
    }
    queue_.clear();
  }
  for (auto& e : queued) Finish(e, "interrupted", "interrupted: the server stopped before the job started; start it again",
                                nlohmann::json::object());
  for (auto& e : running) {
    e->interrupted = true;
    e->cancel = true;
  }
  // Real time, not clock_: a settable test clock must not make the wait endless.
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(grace_ms);
  while (running_.load() > 0 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  // Jobs still running past the grace period are recorded as interrupted now; when their
  // thread ends, Finish() sees them finished and writes nothing more.
  for (auto& e : running) Finish(e, "interrupted", "interrupted: the server stopped before the job finished; start it again",
                                 nlohmann::json::object());
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  for (auto& t : workers_) {
    if (t.joinable()) t.join();
  }
  workers_.clear();
}

}  // namespace bf::server
