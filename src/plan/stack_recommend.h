// Stack recommendation: ranks every target in the catalogue (stack_targets.h) and every
// database by weighted criteria, explains each score, and applies the user's choices from
// spec.stack, which always win. Without an override the chosen target is the best one that
// BackendForge can generate today; higher-ranked planned targets are named in the reasons.
#pragma once

#include <string>
#include <vector>

#include "plan/signals.h"
#include "spec/app_spec.h"

namespace bf::plan {

// One criterion's contribution to a score: points = weight * fit.
struct ScoreItem {
  std::string criterion;
  double weight = 0;
  double fit = 0;
  double points = 0;
  std::string why;  // what made the criterion apply
};

struct StackChoice {
  std::string target;     // catalogue id, e.g. "node-express" (or "<language>-<framework>")
  std::string language;   // spec language value
  std::string framework;  // spec framework value
  std::string database;   // spec database value
  double score = 0;       // the target's score (sum of breakdown points)
  std::vector<std::string> reasons;
  std::string label;       // "Node.js + TypeScript + Express"
  bool available = false;  // BackendForge generates this target today ("planned" otherwise)
  std::vector<ScoreItem> breakdown;
};

struct DatabaseChoice {
  std::string database;  // "postgres", ...
  std::string label;     // "PostgreSQL"
  double score = 0;
  bool available = false;
  std::vector<std::string> reasons;
  std::vector<ScoreItem> breakdown;
};

struct StackRecommendation {
  StackChoice chosen;
  std::vector<StackChoice> alternatives;  // other targets, best first, with why they rank lower
  bool userOverride = false;              // any of language/framework/database came from the spec
  bool languageOverride = false;
  bool databaseOverride = false;
  DatabaseChoice database;                           // the chosen database (also chosen.database)
  std::vector<DatabaseChoice> databaseAlternatives;  // best first
  SpecSignals signals;
};

// Deterministic: the same spec and text give the same recommendation.
StackRecommendation RecommendStack(const spec::AppSpec& spec, std::string_view extra_text = {});

}  // namespace bf::plan
