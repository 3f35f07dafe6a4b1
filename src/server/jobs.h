// Jobs: long work (generation, test runs) on a bounded pool of worker threads. A job is
// persisted when submitted and at every state change, so it survives the client that started it
// (and a restart marks it "interrupted" instead of losing it). Progress and log lines go to the
// job's project subscribers as `job.progress` / `job.log` events. Thread-safe.
#pragma once

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "common/result.h"
#include "server/clock.h"
#include "store/store.h"

namespace bf::server {

class EventHub;
class Metrics;

// What a running job can do. Used from the job's thread only.
class JobContext {
 public:
  virtual ~JobContext() = default;
  virtual const store::Job& job() const = 0;
  // 0..100 and a short status line.
  virtual void Progress(int percent, const std::string& message) = 0;
  virtual void Log(const std::string& line) = 0;
  // Any other event for the project's subscribers (e.g. "test.result", "spec.updated").
  virtual void Emit(const std::string& type, const nlohmann::json& data) = 0;
  // True once cancellation was requested (by a user or by shutdown). Check it between steps.
  virtual bool Cancelled() const = 0;
};

// The work: returns the job's result document, or a failure whose message the user sees.
using JobFn = std::function<Result<nlohmann::json>(JobContext&)>;

struct JobRunnerOptions {
  int workers = 2;
  int maxQueued = 32;             // beyond this, Submit answers "jobs.busy"
  int64_t persistEveryMs = 250;   // progress/log writes to the store are batched this often
  size_t logTailBytes = 16 * 1024;
};

class JobRunner {
 public:
  JobRunner(store::Store& store, EventHub& hub, const Clock& clock, Metrics* metrics, JobRunnerOptions options);
  ~JobRunner();  // Shutdown(0)

  // Persists `job` as queued and schedules `fn`. Fills id/status/createdAt when empty.
  // Errors: "jobs.busy" (queue full), "jobs.shutting_down", store errors.
  Result<store::Job> Submit(store::Job job, JobFn fn);
  // Requests cancellation of a queued or running job. A queued job is cancelled at once.
  Status Cancel(const std::string& job_id);
  // Stops taking jobs, asks running ones to stop, waits up to `grace_ms`, and marks every job
  // that did not finish (running or queued) "interrupted". Idempotent.
  void Shutdown(int64_t grace_ms);

  // Called with each job as it finishes (on the thread that finished it), before its final state
  // is stored and announced, so what it writes is there when a client sees the job finished.
  // Set before jobs are submitted.
  void SetOnFinished(std::function<void(const store::Job&)> fn) { onFinished_ = std::move(fn); }

  int running() const { return running_.load(); }
  int queued() const;

 private:
  struct Entry;
  class Context;
  void WorkerLoop();
  void Run(const std::shared_ptr<Entry>& e);
  void Finish(const std::shared_ptr<Entry>& e, const std::string& status, const std::string& message,
              const nlohmann::json& result);

  std::function<void(const store::Job&)> onFinished_;
  store::Store& store_;
  EventHub& hub_;
  const Clock& clock_;
  Metrics* metrics_;
  JobRunnerOptions options_;

  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::shared_ptr<Entry>> queue_;
  std::map<std::string, std::shared_ptr<Entry>> active_;  // queued or running, by id
  bool closing_ = false;   // Shutdown began: no new jobs
  bool stopping_ = false;  // workers must exit
  std::atomic<int> running_{0};
  std::vector<std::thread> workers_;
};

}  // namespace bf::server
