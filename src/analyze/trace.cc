#include "analyze/trace.h"

#include "analyze/draft.h"

namespace bf::analyze {
namespace {

thread_local RuleTrace* g_trace = nullptr;

}  // namespace

void CaptureRuleTrace(RuleTrace* sink) {
  g_trace = sink;
  g_tracing_rules = sink != nullptr;
}

void RecordRuleTrace(const Draft& d) {
  if (!g_trace) return;
  g_trace->records.clear();
  g_trace->relations.clear();
  g_trace->rejected = d.rejected;
  for (const auto& e : d.entities) {
    std::string origin = e.origin;
    if (origin.empty()) origin = e.fromArchetype ? "archetype" : "other";
    g_trace->records.push_back({e.name, origin});
  }
  for (const auto& r : d.relations) {
    g_trace->relations.push_back(
        {r.from, r.to, std::string(spec::ToString(r.kind)), r.origin.empty() ? "other" : r.origin});
  }
}

}  // namespace bf::analyze
