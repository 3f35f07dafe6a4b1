#include "plan/stack_recommend.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>

#include "plan/stack_targets.h"
#include "plan/test_util.h"

namespace bf::plan {
namespace {

using testing::MiniSpec;
using testing::SpecFromJson;

const char* kPost =
    R"({"name":"Post","owner":"author","fields":[{"name":"title","type":"string","required":true}]})";
const char* kPostRel =
    R"({"from":"User","to":"Post","kind":"one-to-many","name":"posts","inverse":"author"})";

bool AnyContains(const std::vector<std::string>& lines, std::string_view needle) {
  return std::any_of(lines.begin(), lines.end(),
                     [&](const std::string& l) { return l.find(needle) != std::string::npos; });
}

const StackChoice* Alt(const StackRecommendation& r, std::string_view target) {
  for (const auto& a : r.alternatives) {
    if (a.target == target) return &a;
  }
  return nullptr;
}

TEST(StackTargets, CatalogueHasEverySupportedLanguageAndOneAvailableTarget) {
  for (std::string_view lang : {"typescript", "python", "go", "rust", "java", "cpp"}) {
    EXPECT_NE(FindTargetByLanguage(lang), nullptr) << lang;
  }
  EXPECT_TRUE(FindTarget("node-express")->available);
  EXPECT_FALSE(FindTarget("rust-axum")->available);
  for (std::string_view db : {"sqlite", "postgres", "mongodb", "mysql"})
    EXPECT_NE(FindDatabase(db), nullptr) << db;
  EXPECT_DOUBLE_EQ(Info(TargetCriterion::kTeamLanguage).weight, 5.0);
}

TEST(StackRecommend, DefaultIsTheBestAvailableTarget) {
  auto rec = RecommendStack(SpecFromJson(MiniSpec(kPost, kPostRel)));
  EXPECT_EQ(rec.chosen.target, "node-express");
  EXPECT_EQ(rec.chosen.language, "typescript");
  EXPECT_EQ(rec.chosen.framework, "express");
  EXPECT_TRUE(rec.chosen.available);
  EXPECT_FALSE(rec.userOverride);
  EXPECT_EQ(rec.alternatives.size(), Targets().size() - 1);
  EXPECT_TRUE(AnyContains(rec.chosen.reasons, "generates today"));
  for (size_t i = 1; i < rec.alternatives.size(); ++i) {
    EXPECT_GE(rec.alternatives[i - 1].score, rec.alternatives[i].score);
  }
  EXPECT_TRUE(AnyContains(Alt(rec, "rust-axum")->reasons, "planned target"));
}

TEST(StackRecommend, PerformanceHintRanksRustFirstButChoosesAnAvailableTarget) {
  auto spec = SpecFromJson(
      MiniSpec(kPost, kPostRel, "\"auth\"", "an ingest API with high throughput and low latency"));
  auto rec = RecommendStack(spec);
  EXPECT_TRUE(rec.signals.performance.present);
  EXPECT_EQ(rec.chosen.target, "node-express");
  const StackChoice* rust = Alt(rec, "rust-axum");
  ASSERT_NE(rust, nullptr);
  EXPECT_GT(rust->score, rec.chosen.score);
  EXPECT_EQ(rec.alternatives.front().target, "rust-axum");  // ties with cpp keep catalogue order
  EXPECT_TRUE(AnyContains(rec.chosen.reasons, "rust-axum scores higher"));
  EXPECT_TRUE(AnyContains(rust->reasons, "scores higher"));
  EXPECT_TRUE(AnyContains(rust->reasons, "high throughput"));
}

TEST(StackRecommend, RealtimeAddsTheSseCriterion) {
  auto rec = RecommendStack(SpecFromJson(MiniSpec(kPost, kPostRel, "\"auth\",\"realtime\"")));
  auto it = std::find_if(rec.chosen.breakdown.begin(), rec.chosen.breakdown.end(),
                         [](const ScoreItem& i) { return i.criterion == "realtime / SSE"; });
  ASSERT_NE(it, rec.chosen.breakdown.end());
  EXPECT_DOUBLE_EQ(it->points, 2.0);
  EXPECT_LT(Alt(rec, "java-spring")->score, rec.chosen.score);
  EXPECT_TRUE(AnyContains(Alt(rec, "java-spring")->reasons, "lower on realtime / SSE"));
}

TEST(StackRecommend, TeamLanguageHintIsWeightedButPlannedTargetsAreNotChosen) {
  auto rec = RecommendStack(
      SpecFromJson(MiniSpec(kPost, kPostRel, "\"auth\"", "our team writes Python with Django")));
  ASSERT_EQ(rec.signals.teamLanguages, std::vector<std::string>{"python"});
  EXPECT_EQ(rec.alternatives.front().target, "python-fastapi");
  EXPECT_GT(rec.alternatives.front().score, rec.chosen.score);
  EXPECT_EQ(rec.chosen.target, "node-express");
  EXPECT_TRUE(AnyContains(rec.chosen.reasons, "python-fastapi scores higher"));
}

TEST(StackRecommend, TextHintsFromTheRequestCount) {
  auto spec = SpecFromJson(MiniSpec(kPost, kPostRel));
  auto rec = RecommendStack(spec, "we are a Go shop, written in Go");
  ASSERT_EQ(rec.signals.teamLanguages, std::vector<std::string>{"go"});
  EXPECT_EQ(rec.alternatives.front().target, "go-gin");
}

TEST(StackRecommend, LanguageOverrideWinsEvenForAPlannedTarget) {
  auto rec = RecommendStack(
      SpecFromJson(MiniSpec(kPost, kPostRel, "\"auth\"", "", R"({"language":"rust"})")));
  EXPECT_TRUE(rec.userOverride);
  EXPECT_TRUE(rec.languageOverride);
  EXPECT_FALSE(rec.databaseOverride);
  EXPECT_EQ(rec.chosen.target, "rust-axum");
  EXPECT_FALSE(rec.chosen.available);
  EXPECT_TRUE(AnyContains(rec.chosen.reasons, "user override"));
  EXPECT_TRUE(AnyContains(rec.chosen.reasons, "planned target"));
  EXPECT_TRUE(AnyContains(rec.chosen.reasons, "would be node-express"));
  EXPECT_TRUE(AnyContains(Alt(rec, "node-express")->reasons, "not chosen: the spec sets"));
}

TEST(StackRecommend, UnknownFrameworkOverrideIsHonouredAndMarkedUnavailable) {
  auto rec = RecommendStack(SpecFromJson(
      MiniSpec(kPost, kPostRel, "\"auth\"", "", R"({"language":"python","framework":"django"})")));
  EXPECT_EQ(rec.chosen.target, "python-django");
  EXPECT_EQ(rec.chosen.framework, "django");
  EXPECT_FALSE(rec.chosen.available);
  EXPECT_TRUE(AnyContains(rec.chosen.reasons, "not in the target catalogue"));
  EXPECT_EQ(rec.alternatives.size(), Targets().size());
}

TEST(StackRecommend, FrameworkOnlyOverrideFindsItsTarget) {
  auto rec = RecommendStack(
      SpecFromJson(MiniSpec(kPost, kPostRel, "\"auth\"", "", R"({"framework":"spring"})")));
  EXPECT_EQ(rec.chosen.target, "java-spring");
  EXPECT_EQ(rec.chosen.language, "java");
}

TEST(StackRecommend, SmallSpecGetsSqlite) {
  auto rec = RecommendStack(SpecFromJson(MiniSpec(kPost, kPostRel)));
  EXPECT_EQ(rec.database.database, "sqlite");
  EXPECT_EQ(rec.chosen.database, "sqlite");
}

TEST(StackRecommend, RelationalProductionSpecGetsPostgres) {
  auto rec = RecommendStack(testing::TestdataSpec("shop"));
  EXPECT_EQ(rec.database.database, "postgres");
  EXPECT_TRUE(AnyContains(rec.database.reasons, "transactions"));
  EXPECT_TRUE(AnyContains(rec.database.reasons, "relational data"));
  // MySQL is close but planned; MongoDB is far behind on relations.
  ASSERT_FALSE(rec.databaseAlternatives.empty());
  EXPECT_GT(rec.database.score, rec.databaseAlternatives.back().score);
}

TEST(StackRecommend, JsonHeavyDocumentSpecGetsMongo) {
  const char* doc =
      R"({"name":"Event","fields":[{"name":"payload","type":"json"},{"name":"meta","type":"json"},
      {"name":"source","type":"string"}]})";
  auto rec = RecommendStack(
      SpecFromJson(MiniSpec(doc, "", "\"auth\"", "a schemaless event store, production scale")));
  EXPECT_TRUE(rec.signals.document.present);
  EXPECT_EQ(rec.database.database, "mongodb");
}

TEST(StackRecommend, PaymentsAndTenancyPreferPostgres) {
  auto rec = RecommendStack(
      SpecFromJson(MiniSpec(kPost, kPostRel, "\"auth\",\"payments\",\"multi_tenancy\"")));
  EXPECT_EQ(rec.database.database, "postgres");
}

TEST(StackRecommend, NamedDatabaseInTextIsATeamHint) {
  auto rec =
      RecommendStack(SpecFromJson(MiniSpec(kPost, kPostRel, "\"auth\"", "we already run MongoDB")));
  EXPECT_EQ(rec.database.database, "mongodb");
}

TEST(StackRecommend, DatabaseOverrideWinsAndPlannedDatabaseIsSaid) {
  auto rec = RecommendStack(
      SpecFromJson(MiniSpec(kPost, kPostRel, "\"auth\"", "", R"({"database":"mysql"})")));
  EXPECT_TRUE(rec.userOverride);
  EXPECT_TRUE(rec.databaseOverride);
  EXPECT_FALSE(rec.languageOverride);
  EXPECT_EQ(rec.database.database, "mysql");
  EXPECT_EQ(rec.chosen.database, "mysql");
  EXPECT_TRUE(AnyContains(rec.database.reasons, "user override"));
  EXPECT_TRUE(AnyContains(rec.database.reasons, "planned database"));
  EXPECT_EQ(rec.chosen.target, "node-express");  // the target is still recommended
}

TEST(StackRecommend, Deterministic) {
  auto spec = testing::TestdataSpec("chat");
  auto a = RecommendStack(spec);
  auto b = RecommendStack(spec);
  EXPECT_EQ(a.chosen.reasons, b.chosen.reasons);
  ASSERT_EQ(a.alternatives.size(), b.alternatives.size());
  for (size_t i = 0; i < a.alternatives.size(); ++i)
    EXPECT_EQ(a.alternatives[i].target, b.alternatives[i].target);
}

TEST(Signals, TokenizeKeepsLanguageNames) {
  EXPECT_EQ(Tokenize("Node.js & C++ / C#"), (std::vector<std::string>{"node", "js", "c++", "c#"}));
}

TEST(Signals, GoNeedsContextButGolangDoesNot) {
  auto spec = SpecFromJson(MiniSpec(kPost, kPostRel, "\"auth\"", "users can go to their posts"));
  EXPECT_TRUE(ExtractSignals(spec).teamLanguages.empty());
  EXPECT_EQ(ExtractSignals(spec, "Golang please").teamLanguages, std::vector<std::string>{"go"});
}

TEST(Signals, LanguagesInMentionOrder) {
  auto s = ExtractSignals(SpecFromJson(MiniSpec(kPost, kPostRel)), "Java today, maybe Rust later");
  EXPECT_EQ(s.teamLanguages, (std::vector<std::string>{"java", "rust"}));
}

}  // namespace
}  // namespace bf::plan

namespace bf::plan {
namespace {

std::string OneDecimal(double d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.1f", d);
  return buf;
}

// Concatenates pieces by appending (GCC 12's -Wrestrict misfires on "literal" + std::string).
std::string Cat(std::initializer_list<std::string_view> parts) {
  std::string out;
  for (auto p : parts) out.append(p);
  return out;
}

// docs/PLAN.md shows the catalogue; this keeps the two from drifting apart.
TEST(StackTargets, DocsStateEveryWeightAndFit) {
  std::string doc = testing::ReadSourceFile("docs/PLAN.md");
  auto expect_row = [&](const std::string& row) {
    EXPECT_NE(doc.find(row), std::string::npos) << row;
  };
  for (size_t i = 0; i < kTargetCriteria; ++i) {
    const CriterionInfo& c = Info(static_cast<TargetCriterion>(i));
    expect_row(Cat({"| ", c.name, " | ", OneDecimal(c.weight), " |"}));
  }
  for (size_t i = 0; i < kDbCriteria; ++i) {
    const CriterionInfo& c = Info(static_cast<DbCriterion>(i));
    expect_row(Cat({"| ", c.name, " | ", OneDecimal(c.weight), " |"}));
  }
  for (const auto& t : Targets()) {
    std::string row =
        Cat({"| `", t.id, "` (", t.label, ") | ", t.available ? "generated" : "planned", " |"});
    for (size_t i = 0; i < kTargetCriteria; ++i) {
      if (static_cast<TargetCriterion>(i) != TargetCriterion::kTeamLanguage)
        row += Cat({" ", OneDecimal(t.fit[i]), " |"});
    }
    expect_row(row);
  }
  for (const auto& d : Databases()) {
    std::string row =
        Cat({"| ", d.label, " (`", d.id, "`) | ", d.available ? "supported" : "planned", " |"});
    for (size_t i = 0; i < kDbCriteria; ++i) {
      if (static_cast<DbCriterion>(i) != DbCriterion::kTeamDatabase)
        row += Cat({" ", OneDecimal(d.fit[i]), " |"});
    }
    expect_row(row);
  }
}

}  // namespace
}  // namespace bf::plan
