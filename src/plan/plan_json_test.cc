#include "plan/plan_json.h"

#include <gtest/gtest.h>

#include "plan/test_util.h"

namespace bf::plan {
namespace {

TEST(PlanJson, ShapeAndDeterminism) {
  PlanOptions opts;
  opts.assumptions = {"a"};
  Plan p = MakePlan(testing::TestdataSpec("chat"), opts);
  nlohmann::ordered_json j = ToJson(p);
  EXPECT_EQ(j["spec"]["name"], "chat-api");
  EXPECT_EQ(j["assumptions"], nlohmann::ordered_json::array({"a"}));
  EXPECT_EQ(j["stack"]["chosen"]["target"], "node-express");
  EXPECT_EQ(j["stack"]["chosen"]["available"], true);
  EXPECT_EQ(j["stack"]["alternatives"].size(), 5u);
  EXPECT_EQ(j["endpoints"].size(), p.endpoints.size());
  const auto& events = j["endpoints"].back();
  EXPECT_EQ(events["path"], "/api/events");
  EXPECT_EQ(events["kind"], "events");
  EXPECT_EQ(events["statuses"], nlohmann::ordered_json::array({200, 401}));
  EXPECT_EQ(j["diagrams"][0]["kind"], "er");
  EXPECT_EQ(j["diagrams"][0]["source"], p.diagrams[0].source);
  EXPECT_EQ(j["security"][0]["id"], "API1:2023");
  EXPECT_EQ(ToJson(MakePlan(testing::TestdataSpec("chat"), opts)).dump(), j.dump());
}

TEST(PlanJson, NestedEndpointNamesItsRelation) {
  Plan p = MakePlan(testing::TestdataSpec("shop"));
  int nested = 0;
  for (const auto& e : p.endpoints) {
    if (e.kind != EndpointKind::kNestedList) continue;
    ++nested;
    auto je = ToJson(e);
    EXPECT_EQ(je["parent"], e.parent);
    EXPECT_EQ(je["relation"], e.relation);
    EXPECT_EQ(je["entity"], e.entity);
    EXPECT_EQ(je["kind"], "nested-list");
  }
  EXPECT_EQ(nested, 6);
}

}  // namespace
}  // namespace bf::plan
