// Helpers shared by the analyze tests.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "analyze/analyzer.h"
#include "spec/spec_json.h"
#include "spec/validate.h"

namespace bf::analyze::testing {

inline const spec::AppSpec& PlanOf(const AnalysisResult& r) {
  EXPECT_EQ(r.status, Status::kPlan) << r.reason;
  static const spec::AppSpec kEmpty;
  return r.spec ? *r.spec : kEmpty;
}

inline bool HasRelation(const spec::AppSpec& s, const std::string& a, const std::string& b, spec::RelationKind k) {
  for (const auto& r : s.relations) {
    if (r.kind == k && ((r.from == a && r.to == b) || (r.from == b && r.to == a))) return true;
  }
  return false;
}

// Directed: `from` is the "one" side of a one-to-many.
inline bool HasDirected(const spec::AppSpec& s, const std::string& from, const std::string& to,
                        spec::RelationKind k) {
  for (const auto& r : s.relations) {
    if (r.kind == k && r.from == from && r.to == to) return true;
  }
  return false;
}

// Undirected: any relation between a and b, whatever its kind.
inline bool Linked(const spec::AppSpec& s, const std::string& a, const std::string& b) {
  for (const auto& r : s.relations) {
    if ((r.from == a && r.to == b) || (r.from == b && r.to == a)) return true;
  }
  return false;
}

// The entity exists and has the field (false when either is missing).
inline bool HasField(const spec::AppSpec& s, const std::string& entity, const std::string& field) {
  const spec::Entity* e = s.FindEntity(entity);
  return e && e->FindField(field);
}

inline std::string Dump(const AnalysisResult& r) { return ToJson(r).dump(); }

// No entity's name contains `part` ("Forty" of "FortyPerson"); the failure names the entity.
inline ::testing::AssertionResult NoEntityNamedWith(const spec::AppSpec& s, std::string_view part) {
  for (const auto& e : s.entities) {
    if (e.name.find(part) != std::string::npos) return ::testing::AssertionFailure() << "entity " << e.name;
  }
  return ::testing::AssertionSuccess();
}

inline ::testing::AssertionResult Valid(const spec::AppSpec& s) {
  auto issues = spec::Validate(s);
  if (issues.empty()) return ::testing::AssertionSuccess();
  auto out = ::testing::AssertionFailure();
  for (const auto& i : issues) out << i.ToString() << "; ";
  return out;
}

}  // namespace bf::analyze::testing
