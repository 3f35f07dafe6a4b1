// vcs benchmark: the git work behind every change of a ~60-file generated project (about
// 150 KiB of TypeScript-sized files), with fsync of the git directory on (the product setting)
// and, as the baseline measured in the same run, off. The difference is the price of
// durability on this disk.
#include <benchmark/benchmark.h>
#include <git2.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "vcs/repo.h"

namespace {

namespace fs = std::filesystem;
using bf::vcs::Author;
using bf::vcs::Repo;

constexpr int kFiles = 60;
const Author kAuthor{"Bench", "bench@localhost", 1705312800};

// 60 files of ~2.5 KiB in 6 folders; `version` changes one line in every tenth file.
bf::generate::FileTree Project(int version) {
  bf::generate::FileTree t;
  for (int i = 0; i < kFiles; ++i) {
    std::string s;
    for (int line = 0; line < 80; ++line) {
      s += "export const value" + std::to_string(line) + " = computeSomething(" + std::to_string(i) + ");";
      if (line == 40 && i % 10 == 0) s += " // v" + std::to_string(version);
      s += "\n";
    }
    t.Put("src/module" + std::to_string(i % 6) + "/file" + std::to_string(i) + ".ts", s, i == 0);
  }
  return t;
}

fs::path FreshDir() {
  static int n = 0;
  fs::path p = fs::temp_directory_path() / ("bf-vcs-bench-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
  fs::remove_all(p);
  return p;
}

// libgit2 reads the option when a repository opens its object store: set it before Init.
void SetFsync(bool on) {
  git_libgit2_init();
  git_libgit2_opts(GIT_OPT_ENABLE_FSYNC_GITDIR, on ? 1 : 0);
}

void BM_RecordGeneration(benchmark::State& state) {
  for (auto _ : state) {
    state.PauseTiming();
    fs::path dir = FreshDir();
    auto repo = Repo::Init(dir);  // first: it sets the process default (fsync on)
    SetFsync(state.range(0) != 0);
    repo = Repo::Open(dir);
    state.ResumeTiming();
    auto sha = repo->RecordGeneration(Project(1), "Generate", kAuthor);
    if (!sha) state.SkipWithError(sha.error().message.c_str());
    state.PauseTiming();
    fs::remove_all(dir);
    state.ResumeTiming();
  }
  SetFsync(true);
}
BENCHMARK(BM_RecordGeneration)->Arg(1)->Arg(0)->ArgName("fsync")->Unit(benchmark::kMillisecond)->Iterations(10);

// One edited file committed (a file saved in the UI).
void BM_CommitOneEdit(benchmark::State& state) {
  Repo::Init(FreshDir()).ok();
  SetFsync(state.range(0) != 0);
  fs::path dir = FreshDir();
  auto repo = Repo::Init(dir);
  (void)repo->RecordGeneration(Project(1), "Generate", kAuthor);
  int i = 0;
  for (auto _ : state) {
    state.PauseTiming();
    std::ofstream(dir / "src/module1/file1.ts", std::ios::app) << "// edit " << i++ << "\n";
    state.ResumeTiming();
    auto c = repo->CommitAll("Edit", kAuthor);
    if (!c || !c->has_value()) state.SkipWithError("no commit");
  }
  fs::remove_all(dir);
  SetFsync(true);
}
BENCHMARK(BM_CommitOneEdit)->Arg(1)->Arg(0)->ArgName("fsync")->Unit(benchmark::kMillisecond)->Iterations(20);

// Nothing changed: the status scan alone.
void BM_CommitNothing(benchmark::State& state) {
  fs::path dir = FreshDir();
  auto repo = Repo::Init(dir);
  (void)repo->RecordGeneration(Project(1), "Generate", kAuthor);
  for (auto _ : state) {
    auto c = repo->CommitAll("Nothing", kAuthor);
    if (!c || c->has_value()) state.SkipWithError("unexpected commit");
  }
  fs::remove_all(dir);
}
BENCHMARK(BM_CommitNothing)->Unit(benchmark::kMillisecond);

// A spec change regenerates 6 of 60 files while the user edited another: a merge commit.
void BM_RegenerateMerge(benchmark::State& state) {
  for (auto _ : state) {
    state.PauseTiming();
    fs::path dir = FreshDir();
    Repo::Init(FreshDir()).ok();
    SetFsync(state.range(0) != 0);
    auto repo = Repo::Init(dir);
    (void)repo->RecordGeneration(Project(1), "Generate", kAuthor);
    std::ofstream(dir / "src/module1/file1.ts", std::ios::app) << "// user edit\n";
    (void)repo->CommitAll("Edit", kAuthor);
    state.ResumeTiming();
    auto o = repo->Regenerate(Project(2), "Regenerate", kAuthor);
    if (!o || o->kind != bf::vcs::MergeOutcome::Kind::kMerged) state.SkipWithError("not merged");
    state.PauseTiming();
    fs::remove_all(dir);
    state.ResumeTiming();
  }
  SetFsync(true);
}
BENCHMARK(BM_RegenerateMerge)->Arg(1)->Arg(0)->ArgName("fsync")->Unit(benchmark::kMillisecond)->Iterations(10);

// A regeneration whose output did not change: no commit at all.
void BM_RegenerateUnchanged(benchmark::State& state) {
  fs::path dir = FreshDir();
  auto repo = Repo::Init(dir);
  (void)repo->RecordGeneration(Project(1), "Generate", kAuthor);
  for (auto _ : state) {
    auto o = repo->Regenerate(Project(1), "Regenerate", kAuthor);
    if (!o || o->kind != bf::vcs::MergeOutcome::Kind::kUpToDate) state.SkipWithError("not up to date");
  }
  fs::remove_all(dir);
}
BENCHMARK(BM_RegenerateUnchanged)->Unit(benchmark::kMillisecond);

// The history endpoint: 50 commits with their files, and one diff.
void BM_LogAndDiff(benchmark::State& state) {
  fs::path dir = FreshDir();
  auto repo = Repo::Init(dir);
  SetFsync(false);
  repo = Repo::Open(dir);
  (void)repo->RecordGeneration(Project(1), "Generate", kAuthor);
  for (int i = 0; i < 50; ++i) {
    std::ofstream(dir / ("src/module2/file" + std::to_string(2 + 6 * (i % 9)) + ".ts"), std::ios::app) << "// " << i << "\n";
    (void)repo->CommitAll("Edit " + std::to_string(i), kAuthor);
  }
  SetFsync(true);
  std::string sha = *repo->Resolve("main");
  for (auto _ : state) {
    auto log = repo->Log({.limit = 50});
    auto diff = repo->Diff(sha);
    benchmark::DoNotOptimize(log);
    benchmark::DoNotOptimize(diff);
  }
  fs::remove_all(dir);
}
BENCHMARK(BM_LogAndDiff)->Unit(benchmark::kMillisecond);

}  // namespace
