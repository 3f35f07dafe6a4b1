#include "server/jobs.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <thread>

#include "server/event_hub.h"
#include "server/log.h"
#include "server/metrics.h"
#include "store/ids.h"
#include "store/sqlite_store.h"

namespace bf::server {
namespace {

class Recorder : public EventSink {
 public:
  bool Deliver(const std::shared_ptr<const std::string>& frame) override {
    std::lock_guard lock(mu);
    events.push_back(nlohmann::json::parse(*frame));
    return true;
  }
  std::vector<std::string> Types() {
    std::lock_guard lock(mu);
    std::vector<std::string> t;
    for (auto& e : events) t.push_back(e["type"]);
    return t;
  }
  std::mutex mu;
  std::vector<nlohmann::json> events;
};

class JobsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    log::Init(log::Level::kError);
    dir_ = std::filesystem::temp_directory_path() / ("bf-jobs-" + store::NewId());
    std::filesystem::create_directories(dir_);
    auto opened = store::SqliteStore::Open((dir_ / "j.db").string());
    ASSERT_TRUE(opened.ok());
    store_ = std::move(*opened);
    store::User u{store::NewId(), "a@example.com", "A", "h", false, 1};
    ws_ = store::NewId();
    ASSERT_TRUE(store_->CreateUser(u, store::Workspace{ws_, "W", true, u.id, 1}).ok());
    project_ = store::NewId();
    store::Project p;
    p.id = project_;
    p.workspaceId = ws_;
    p.name = "P";
    p.createdBy = u.id;
    ASSERT_TRUE(store_->CreateProject(p).ok());
    user_ = u.id;
    sink_ = std::make_shared<Recorder>();
    hub_.Subscribe(EventHub::ProjectTopic(project_), sink_);
  }
  void TearDown() override {
    runner_.reset();
    store_.reset();
    std::filesystem::remove_all(dir_);
  }
  void Start(int workers, int max_queued) {
    JobRunnerOptions o;
    o.workers = workers;
    o.maxQueued = max_queued;
    runner_ = std::make_unique<JobRunner>(*store_, hub_, clock_, &metrics_, o);
  }
  store::Job NewJob() {
    store::Job j;
    j.projectId = project_;
    j.workspaceId = ws_;
    j.kind = "generate";
    j.createdBy = user_;
    return j;
  }
  store::Job WaitFinished(const std::string& id) {
    for (int i = 0; i < 500; ++i) {
      auto j = store_->GetJobUnscoped(id);
      if (j.ok() && store::IsFinished(*j)) return *j;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    ADD_FAILURE() << "job did not finish";
    return {};
  }

  std::filesystem::path dir_;
  std::unique_ptr<store::SqliteStore> store_;
  SystemClock clock_;
  Metrics metrics_;
  EventHub hub_;
  std::unique_ptr<JobRunner> runner_;
  std::shared_ptr<Recorder> sink_;
  std::string ws_, project_, user_;
};

TEST_F(JobsTest, RunsAJobAndPersistsItsResultLogAndEvents) {
  Start(1, 4);
  auto job = runner_->Submit(NewJob(), [](JobContext& ctx) -> Result<nlohmann::json> {
    ctx.Progress(50, "half");
    ctx.Log("line one");
    ctx.Emit("test.result", {{"passed", 3}});
    return nlohmann::json{{"answer", 42}};
  });
  ASSERT_TRUE(job.ok());
  store::Job done = WaitFinished(job->id);
  EXPECT_EQ(done.status, "succeeded");
  EXPECT_EQ(done.progress, 100);
  EXPECT_EQ(done.result["answer"], 42);
  EXPECT_NE(done.logTail.find("line one"), std::string::npos);
  auto types = sink_->Types();
  for (const char* t : {"job.progress", "job.log", "test.result"}) {
    EXPECT_NE(std::find(types.begin(), types.end(), t), types.end()) << t;
  }
  EXPECT_NE(metrics_.Render().find("backendforge_jobs_finished_total{kind=\"generate\",status=\"succeeded\"} 1"), std::string::npos);
}

TEST_F(JobsTest, AFailureIsRecordedWithItsMessage) {
  Start(1, 4);
  auto job = runner_->Submit(NewJob(), [](JobContext&) -> Result<nlohmann::json> {
    return MakeError("pipeline.failed", "the red run passed");
  });
  store::Job done = WaitFinished(job->id);
  EXPECT_EQ(done.status, "failed");
  EXPECT_EQ(done.message, "the red run passed");
  EXPECT_EQ(done.result["error"]["code"], "pipeline.failed");
  auto thrown = runner_->Submit(NewJob(), [](JobContext&) -> Result<nlohmann::json> { throw std::runtime_error("boom"); });
  EXPECT_EQ(WaitFinished(thrown->id).status, "failed");
}

TEST_F(JobsTest, CancelsQueuedAndRunningJobs) {
  Start(1, 4);
  std::atomic<bool> started{false};
  auto slow = runner_->Submit(NewJob(), [&](JobContext& ctx) -> Result<nlohmann::json> {
    started = true;
    while (!ctx.Cancelled()) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    return MakeError("jobs.cancelled", "cancelled");
  });
  auto queued = runner_->Submit(NewJob(), [](JobContext&) -> Result<nlohmann::json> { return nlohmann::json::object(); });
  while (!started) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  ASSERT_TRUE(runner_->Cancel(queued->id).ok());
  EXPECT_EQ(WaitFinished(queued->id).status, "cancelled");
  ASSERT_TRUE(runner_->Cancel(slow->id).ok());
  EXPECT_EQ(WaitFinished(slow->id).status, "cancelled");
}

TEST_F(JobsTest, ABoundedQueueRefusesWhenFull) {
  Start(1, 1);
  std::atomic<bool> release{false}, started{false};
  auto block = [&](JobContext&) -> Result<nlohmann::json> {
    started = true;
    while (!release) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    return nlohmann::json::object();
  };
  auto a = runner_->Submit(NewJob(), block);
  while (!started) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  auto b = runner_->Submit(NewJob(), block);
  auto c = runner_->Submit(NewJob(), block);
  ASSERT_TRUE(a.ok());
  ASSERT_TRUE(b.ok());
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.error().code, "jobs.busy");
  release = true;
  WaitFinished(b->id);
}

TEST_F(JobsTest, ShutdownMarksUnfinishedJobsInterrupted) {
  Start(1, 4);
  std::atomic<bool> started{false};
  auto running = runner_->Submit(NewJob(), [&](JobContext& ctx) -> Result<nlohmann::json> {
    started = true;
    while (!ctx.Cancelled()) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    return MakeError("jobs.cancelled", "cancelled");
  });
  auto waiting = runner_->Submit(NewJob(), [](JobContext&) -> Result<nlohmann::json> { return nlohmann::json::object(); });
  while (!started) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  runner_->Shutdown(2000);
  EXPECT_EQ(store_->GetJobUnscoped(running->id)->status, "interrupted");
  EXPECT_EQ(store_->GetJobUnscoped(waiting->id)->status, "interrupted");
  auto late = runner_->Submit(NewJob(), [](JobContext&) -> Result<nlohmann::json> { return nlohmann::json::object(); });
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.error().code, "jobs.shutting_down");
}

}  // namespace
}  // namespace bf::server
