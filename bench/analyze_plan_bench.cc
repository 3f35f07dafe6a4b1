// The product's first step end to end: analyze a description, then plan it (MakePlan +
// RenderMarkdown with every Mermaid diagram). Target: a paragraph in under 5 ms (median,
// release build). Compare with analyze_bench to see the planner's share.
#include <benchmark/benchmark.h>

#include <string>

#include "analyze/analyzer.h"
#include "plan/plan.h"

namespace {

const char* kOneLine = "An e-commerce backend with inventory";

const char* kParagraph =
    "A booking platform for a network of yoga studios. Studios have a name, address, city and opening hours; each "
    "studio runs classes (title, level beginner/intermediate/advanced, capacity, start time, duration in minutes) "
    "taught by an instructor. Members sign up with their name, email and phone, buy class packs (number of credits, "
    "price, expiry date) and book classes; a booking has a status (booked, cancelled, attended). Instructors see "
    "their schedule, admins manage studios. Members get notified when a waitlisted class frees up.";

std::string SixHundredWords() {
  std::string p =
      "We run a network of community libraries and want one backend for all branches. Each branch has a name, an "
      "address, a phone number and opening hours. The catalogue lists books with title, subtitle, ISBN, publication "
      "year, language, number of pages and a summary; a book has one or more authors (name, birth year, nationality) "
      "and belongs to genres. Every branch owns physical copies of books, each with a barcode, a shelf location, a "
      "condition (new, good, worn, damaged) and an acquisition date. Members register with name, email, phone, "
      "address and date of birth; children need a guardian who is also a member. Members borrow copies: a loan "
      "records the copy, the member, the checkout date, the due date and the return date, and librarians can renew "
      "a loan twice. When a copy is late the member pays a fine with an amount and a paid flag. Members can reserve "
      "a book when no copy is available and are notified by email when one comes back. Librarians log in to manage "
      "the catalogue and loans; branch managers see statistics for their branch; members see their own loans, "
      "reservations and fines. ";
  std::string out;
  while (out.size() < 3800) out += p;
  return out;
}

void Run(benchmark::State& state, const std::string& text) {
  for (auto _ : state) {
    auto result = bf::analyze::Analyze(text);
    if (result.spec) {
      bf::plan::PlanOptions po;
      po.assumptions = result.assumptions;
      benchmark::DoNotOptimize(bf::plan::RenderMarkdown(bf::plan::MakePlan(*result.spec, po)));
    }
  }
}

void BM_AnalyzePlanOneLine(benchmark::State& state) { Run(state, kOneLine); }
void BM_AnalyzePlanParagraph(benchmark::State& state) { Run(state, kParagraph); }
void BM_AnalyzePlan600Words(benchmark::State& state) { Run(state, SixHundredWords()); }

BENCHMARK(BM_AnalyzePlanOneLine)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_AnalyzePlanParagraph)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_AnalyzePlan600Words)->Unit(benchmark::kMicrosecond);

}  // namespace
