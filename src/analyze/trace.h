// Rule tracing, for audits of the extraction rules: while a capture is set, every record of a
// draft remembers the rule lines that gave it evidence, and every relation the rule line that
// drew it (and the pattern that found it). analyze_eval --trace writes them per case, and
// scripts/rule_audit.py scores each rule line against the gold of the read evaluation sets: a
// rule whose relations or records are mostly wrong shows up by its line. Off by default, when it
// costs nothing but a flag test per rule.
#pragma once

#include <source_location>
#include <string>
#include <utility>
#include <vector>

namespace bf::analyze {

struct Draft;

inline thread_local bool g_tracing_rules = false;

// True while a capture is set (this thread).
inline bool TracingRules() { return g_tracing_rules; }

// "file.cc:LINE" of the caller.
inline std::string Here(std::source_location loc = std::source_location::current()) {
  std::string f = loc.file_name();
  return f.substr(f.rfind('/') + 1) + ":" + std::to_string(loc.line());
}

struct RuleTrace {
  struct Record {
    std::string name;
    std::string origin;  // "rule line=evidence;..." (strong evidence counts 100), or "record@line"
  };
  struct Link {
    std::string from, to, kind;
    std::string origin;  // "line of AddRelation<line of the pattern|type|connective"
  };
  std::vector<Record> records;
  std::vector<Link> relations;
  std::vector<Record> rejected;  // candidates turned down; origin: the rejecting rule line and evidence
};

// While `sink` is not null, rules record where their evidence comes from, and each analysis
// stores its draft's trace (just before the spec is built) in it. Per thread.
void CaptureRuleTrace(RuleTrace* sink);

// Stores `d`'s trace in the capture, if one is set (the analyzer calls it).
void RecordRuleTrace(const Draft& d);

}  // namespace bf::analyze
