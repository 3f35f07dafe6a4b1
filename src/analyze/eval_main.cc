// analyze_eval: runs the offline analyzer over an evaluation cases file and writes predictions in
// the scorer's format (see shared/eval/score.py). Usage:
//   analyze_eval CASES.json OUT.json [--trace TRACE.jsonl]
// --trace also writes, one JSON line per case, the rule lines behind each record and relation of
// the draft (trace.h): the input of scripts/rule_audit.py.
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

#include "analyze/analyzer.h"
#include "analyze/trace.h"
#include "spec/spec_json.h"

namespace {

using bf::analyze::AnalysisResult;
using nlohmann::ordered_json;

// The prediction lists what the analyzer understood from the text: parts of the spec that exist
// only because every backend has them (the login User when no login was asked for, the auth
// feature then, the default admin/user roles) are reported in raw_output but not predicted.
ordered_json Prediction(const AnalysisResult& r) {
  ordered_json p;
  p["behavior"] = std::string(bf::analyze::ToString(r.status));
  p["entities"] = ordered_json::array();
  p["relations"] = ordered_json::array();
  p["features"] = ordered_json::array();
  p["roles"] = ordered_json::array();
  if (r.spec) {
    const auto& s = *r.spec;
    std::set<std::string> skip(r.defaultedEntities.begin(), r.defaultedEntities.end());
    for (const auto& e : s.entities) {
      if (skip.count(e.name)) continue;
      ordered_json fields = ordered_json::array();
      for (const auto& f : e.fields) fields.push_back({{"name", f.name}, {"type", std::string(bf::spec::ToString(f.type))}});
      p["entities"].push_back({{"name", e.name}, {"fields", fields}});
    }
    for (const auto& rel : s.relations) {
      if (skip.count(rel.from) || skip.count(rel.to)) continue;
      p["relations"].push_back({{"from", rel.from}, {"to", rel.to}, {"kind", std::string(bf::spec::ToString(rel.kind))}});
    }
    for (auto f : s.features) {
      if (std::find(r.defaultedFeatures.begin(), r.defaultedFeatures.end(), f) != r.defaultedFeatures.end()) continue;
      p["features"].push_back(std::string(bf::spec::ToString(f)));
    }
    for (const auto& role : s.roles) {
      if (std::find(r.defaultedRoles.begin(), r.defaultedRoles.end(), role) != r.defaultedRoles.end()) continue;
      p["roles"].push_back(role);
    }
  }
  p["raw_output"] = bf::analyze::ToJson(r).dump();
  return p;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 3 && std::string(argv[1]) == "--text") {
    std::cout << bf::analyze::ToJson(bf::analyze::Analyze(argv[2])).dump(2) << "\n";
    return 0;
  }
  if (argc != 3 && !(argc == 5 && std::string(argv[3]) == "--trace")) {
    std::cerr << "usage: analyze_eval CASES.json OUT.json [--trace TRACE.jsonl]\n";
    return 2;
  }
  std::ofstream trace_out;  // --trace
  if (argc == 5) {
    trace_out.open(argv[4]);
    if (!trace_out) {
      std::cerr << "analyze_eval: cannot write " << argv[4] << "\n";
      return 1;
    }
  }
  std::ifstream in(argv[1]);
  if (!in) {
    std::cerr << "analyze_eval: cannot read " << argv[1] << "\n";
    return 1;
  }
  nlohmann::json cases;
  try {
    cases = nlohmann::json::parse(in);
  } catch (const std::exception& e) {
    std::cerr << "analyze_eval: " << argv[1] << " is not valid JSON: " << e.what() << "\n";
    return 1;
  }
  ordered_json out = ordered_json::object();
  for (const auto& c : cases) {
    std::string id = c.value("id", "");
    std::string desc = c.value("description", "");
    bf::analyze::RuleTrace trace;
    if (trace_out.is_open()) bf::analyze::CaptureRuleTrace(&trace);
    out[id] = Prediction(bf::analyze::Analyze(desc));
    bf::analyze::CaptureRuleTrace(nullptr);
    if (trace_out.is_open()) {
      ordered_json line = {{"id", id}, {"records", ordered_json::array()}, {"relations", ordered_json::array()}};
      for (const auto& r : trace.records) line["records"].push_back({{"name", r.name}, {"origin", r.origin}});
      line["rejected"] = ordered_json::array();
      for (const auto& r : trace.rejected) line["rejected"].push_back({{"name", r.name}, {"rule", r.origin}});
      for (const auto& r : trace.relations) {
        line["relations"].push_back({{"from", r.from}, {"to", r.to}, {"kind", r.kind}, {"origin", r.origin}});
      }
      trace_out << line.dump() << "\n";
    }
  }
  std::ofstream o(argv[2]);
  if (!o) {
    std::cerr << "analyze_eval: cannot write " << argv[2] << "\n";
    return 1;
  }
  o << out.dump(2) << "\n";
  std::cout << "analyze_eval: wrote " << out.size() << " predictions to " << argv[2] << "\n";
  return 0;
}
