// Offline analyzer latency: a one-line description, a paragraph, and a ~600-word description.
// Target: well under 5 ms per analysis in a release build.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <string>

#include "analyze/analyzer.h"

namespace {

const char* kOneLine = "A social media backend with user authentication, posts, and notifications";

const char* kParagraph =
    "We run a small veterinary clinic. We register the clients (name, email, phone, address) and each client has "
    "animals: name, species, breed, birth date, sex and whether it is castrated. Every visit belongs to an animal and "
    "has a date, a reason, the weight and notes; a visit can include vaccinations (vaccine, lot, booster date) and "
    "exams (exam type, result file). Payments are registered per visit with the amount and method (cash, card). "
    "Vets and receptionists log in; receptionists see the calendar and send email reminders for boosters.";

std::string Long() {
  // ~600 words: a rambling project-tracker description in several paragraphs.
  std::string p1 =
      "We're a forty-person software consultancy and we want to replace a patchwork of tools with one self-hosted "
      "issue tracker and project management backend. Everything is organised in projects. A project has a name, a "
      "short identifier used in URLs, a description, a homepage link, and can be public or private. Projects nest, so "
      "a client project can have subprojects for the web app and the mobile app. People join a project as members, "
      "and a member can hold one or more roles in that project - manager, developer, reporter. ";
  std::string p2 =
      "The central object is the issue. Each issue belongs to a project and has a tracker (bug, feature, support), a "
      "status (new, in progress, resolved, feedback, closed, rejected), a priority, a subject, a description, a start "
      "date, a due date, estimated hours, percent done and a private flag. It has an author and optionally an "
      "assignee, can be filed under one of the project's issue categories, and can be targeted at a version. "
      "Versions are the project's milestones: name, description, due date, status (open, locked, closed). ";
  std::string p3 =
      "We need a complete change history. Every time someone updates an issue we store a journal entry - who, when, "
      "optional notes - and one detail row per changed property with its old and new value. People can watch issues; "
      "watchers get an email notification on every change. A time entry records the user, the project, optionally "
      "the issue, the hours, the day the time was spent, an activity and a short comment. Files get attached to "
      "issues, with the original filename, size, content type, a checksum and who uploaded them. ";
  std::string all;
  while (std::count(all.begin(), all.end(), ' ') < 620) all += p1 + p2 + p3;
  // Cut at the 600th word.
  size_t words = 0, i = 0;
  for (; i < all.size() && words < 600; ++i) {
    if (all[i] == ' ') ++words;
  }
  return all.substr(0, i);
}

void BM_AnalyzeOneLine(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(bf::analyze::Analyze(kOneLine));
}
BENCHMARK(BM_AnalyzeOneLine)->Unit(benchmark::kMicrosecond);

void BM_AnalyzeParagraph(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(bf::analyze::Analyze(kParagraph));
}
BENCHMARK(BM_AnalyzeParagraph)->Unit(benchmark::kMicrosecond);

void BM_Analyze600Words(benchmark::State& state) {
  const std::string text = Long();
  state.counters["words"] = static_cast<double>(std::count(text.begin(), text.end(), ' '));
  for (auto _ : state) benchmark::DoNotOptimize(bf::analyze::Analyze(text));
}
BENCHMARK(BM_Analyze600Words)->Unit(benchmark::kMicrosecond);

}  // namespace
