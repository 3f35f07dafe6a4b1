// The stack and database catalogue the planner ranks: one table of targets, one of databases,
// and the scoring criteria with their weights. This file is the single place to add a target
// or change a weight; docs/PLAN.md shows the same numbers.
#pragma once

#include <array>
#include <span>
#include <string_view>

namespace bf::plan {

// Criteria for ranking language/framework targets.
enum class TargetCriterion {
  kCrudEcosystem,
  kRealtime,
  kPerformance,
  kTeamLanguage,
  kEnterprise,
  kDataScience,
  kPrototype
};
inline constexpr size_t kTargetCriteria = 7;

// Criteria for ranking databases.
enum class DbCriterion {
  kGeneralPurpose,
  kRelational,
  kDocument,
  kSmallScale,
  kProduction,
  kTransactions,
  kMultiTenancy,
  kSearch,
  kTeamDatabase
};
inline constexpr size_t kDbCriteria = 9;

struct CriterionInfo {
  std::string_view name;         // short label, e.g. "realtime / SSE"
  double weight;                 // points a perfect fit earns when the criterion applies
  std::string_view appliesWhen;  // for docs and reasons
};

struct TargetInfo {
  std::string_view id;                      // e.g. "node-express"
  std::string_view language;                // AppSpec stack.language value
  std::string_view framework;               // AppSpec stack.framework value
  std::string_view label;                   // "Node.js + TypeScript + Express"
  bool available;                           // true: BackendForge generates this target today
  std::array<double, kTargetCriteria> fit;  // 0..1 per TargetCriterion (kTeamLanguage unused)
  std::string_view strength;                // one line on what the stack is good at
};

struct DatabaseInfo {
  std::string_view id;                  // AppSpec stack.database value
  std::string_view label;               // "PostgreSQL"
  bool available;                       // true: the generators support it today
  std::array<double, kDbCriteria> fit;  // 0..1 per DbCriterion (kTeamDatabase unused)
  std::string_view strength;
};

// The catalogues, in a fixed order (ties in score keep this order).
std::span<const TargetInfo> Targets();
std::span<const DatabaseInfo> Databases();
const CriterionInfo& Info(TargetCriterion c);
const CriterionInfo& Info(DbCriterion c);

// Lookups; null when unknown.
const TargetInfo* FindTarget(std::string_view id);
const TargetInfo* FindTargetByLanguage(std::string_view language);
const TargetInfo* FindTargetByFramework(std::string_view framework);
const DatabaseInfo* FindDatabase(std::string_view id);

}  // namespace bf::plan
