// Planner benchmark: MakePlan + RenderMarkdown for synthetic specs of 5 and 50 entities
// (fields of every type, owner relations, a chain of one-to-many relations, a many-to-many
// every fifth entity, realtime on), plus each phase alone for the 50-entity spec.
#include <benchmark/benchmark.h>

#include "plan/plan.h"
#include "spec/naming.h"
#include "spec/validate.h"

namespace {

using namespace bf;

spec::AppSpec SyntheticSpec(int entities) {
  spec::AppSpec s;
  s.name = "bench-" + std::to_string(entities);
  s.title = "Bench " + std::to_string(entities);
  s.description = "A synthetic spec for the planner benchmark with realtime updates.";
  s.features = {spec::Feature::kAuth, spec::Feature::kRoles, spec::Feature::kRealtime};
  spec::Entity user;
  user.name = "User";
  spec::Field email;
  email.name = "email";
  email.type = spec::FieldType::kEmail;
  email.required = email.unique = true;
  user.fields.push_back(email);
  s.entities.push_back(user);
  const std::vector<spec::FieldType> types = {spec::FieldType::kString,  spec::FieldType::kText,
                                              spec::FieldType::kInteger, spec::FieldType::kNumber,
                                              spec::FieldType::kBoolean, spec::FieldType::kDateTime,
                                              spec::FieldType::kEnum};
  for (int i = 1; i < entities; ++i) {
    spec::Entity e;
    e.name = "Thing" + naming::ToPascalCase(std::string(1, static_cast<char>('a' + i % 26))) +
             std::to_string(i);
    e.owner = "owner";
    for (size_t k = 0; k < types.size(); ++k) {
      spec::Field f;
      f.name = "field" + std::to_string(k);
      f.type = types[k];
      f.required = k % 2 == 0;
      if (f.type == spec::FieldType::kEnum) f.enumValues = {"draft", "live"};
      if (f.type == spec::FieldType::kString) f.maxLength = 120;
      e.fields.push_back(f);
    }
    spec::Relation own;
    own.from = "User";
    own.to = e.name;
    own.name = naming::ToCamelCase(naming::PluralizeName(e.name));
    own.inverse = "owner";
    own.required = true;
    s.relations.push_back(own);
    if (i > 1) {
      spec::Relation chain;
      chain.from = s.entities.back().name;
      chain.to = e.name;
      chain.name = "children";
      chain.inverse = "parent";
      chain.onDelete = spec::OnDelete::kSetNull;
      s.relations.push_back(chain);
    }
    if (i % 5 == 0) {
      spec::Relation m2m;
      m2m.from = e.name;
      m2m.to = s.entities[1].name;
      m2m.kind = spec::RelationKind::kManyToMany;
      m2m.name = "links";
      m2m.inverse = "linkedFrom" + std::to_string(i);
      s.relations.push_back(m2m);
    }
    s.entities.push_back(e);
  }
  spec::Normalize(s);
  if (!spec::Validate(s).empty()) std::abort();  // the benchmark must plan a valid spec
  return s;
}

void BM_PlanAndRender(benchmark::State& state) {
  spec::AppSpec s = SyntheticSpec(static_cast<int>(state.range(0)));
  size_t bytes = 0;
  for (auto _ : state) {
    plan::Plan p = plan::MakePlan(s);
    std::string md = plan::RenderMarkdown(p);
    bytes = md.size();
    benchmark::DoNotOptimize(md.data());
  }
  state.counters["markdown_bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_PlanAndRender)->Arg(5)->Arg(50)->Unit(benchmark::kMicrosecond);

void BM_MakePlanOnly(benchmark::State& state) {
  spec::AppSpec s = SyntheticSpec(static_cast<int>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(plan::MakePlan(s));
}
BENCHMARK(BM_MakePlanOnly)->Arg(50)->Unit(benchmark::kMicrosecond);

void BM_RenderOnly(benchmark::State& state) {
  plan::Plan p = plan::MakePlan(SyntheticSpec(static_cast<int>(state.range(0))));
  for (auto _ : state) benchmark::DoNotOptimize(plan::RenderMarkdown(p));
}
BENCHMARK(BM_RenderOnly)->Arg(50)->Unit(benchmark::kMicrosecond);

}  // namespace
