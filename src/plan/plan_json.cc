#include "plan/plan_json.h"

#include "spec/spec_json.h"

namespace bf::plan {
namespace {

using nlohmann::ordered_json;

ordered_json Breakdown(const std::vector<ScoreItem>& items) {
  ordered_json out = ordered_json::array();
  for (const auto& i : items) {
    out.push_back({{"criterion", i.criterion},
                   {"weight", i.weight},
                   {"fit", i.fit},
                   {"points", i.points},
                   {"why", i.why}});
  }
  return out;
}

}  // namespace

ordered_json ToJson(const StackChoice& c) {
  return {
      {"target", c.target},       {"label", c.label},       {"language", c.language},
      {"framework", c.framework}, {"database", c.database}, {"available", c.available},
      {"score", c.score},         {"reasons", c.reasons},   {"breakdown", Breakdown(c.breakdown)}};
}

ordered_json ToJson(const DatabaseChoice& c) {
  return {{"database", c.database}, {"label", c.label},     {"available", c.available},
          {"score", c.score},       {"reasons", c.reasons}, {"breakdown", Breakdown(c.breakdown)}};
}

ordered_json ToJson(const StackRecommendation& r) {
  ordered_json alts = ordered_json::array();
  for (const auto& a : r.alternatives) alts.push_back(ToJson(a));
  ordered_json dbs = ordered_json::array();
  for (const auto& d : r.databaseAlternatives) dbs.push_back(ToJson(d));
  return {{"chosen", ToJson(r.chosen)},
          {"alternatives", alts},
          {"userOverride", r.userOverride},
          {"languageOverride", r.languageOverride},
          {"databaseOverride", r.databaseOverride},
          {"database", ToJson(r.database)},
          {"databaseAlternatives", dbs}};
}

ordered_json ToJson(const Endpoint& e) {
  ordered_json j = {{"method", e.method}, {"path", e.path}, {"kind", ToString(e.kind)}};
  if (!e.entity.empty()) j["entity"] = e.entity;
  if (!e.parent.empty()) j["parent"] = e.parent;
  if (!e.relation.empty()) j["relation"] = e.relation;
  j["summary"] = e.summary;
  j["access"] = e.access;
  j["accessText"] = e.AccessText();
  j["requiresAuth"] = e.requiresAuth;
  j["statuses"] = e.statuses;
  return j;
}

ordered_json ToJson(const Diagram& d) {
  return {{"id", d.id}, {"kind", ToString(d.kind)}, {"title", d.title}, {"source", d.source}};
}

ordered_json ToJson(const Plan& p) {
  ordered_json endpoints = ordered_json::array();
  for (const auto& e : p.endpoints) endpoints.push_back(ToJson(e));
  ordered_json diagrams = ordered_json::array();
  for (const auto& d : p.diagrams) diagrams.push_back(ToJson(d));
  ordered_json security = ordered_json::array();
  for (const auto& n : p.security)
    security.push_back({{"id", n.id}, {"title", n.title}, {"measure", n.measure}});
  return {{"spec", spec::ToJson(p.spec)}, {"assumptions", p.assumptions},
          {"stack", ToJson(p.stack)},     {"endpoints", endpoints},
          {"diagrams", diagrams},         {"security", security},
          {"testing", p.testing}};
}

}  // namespace bf::plan
