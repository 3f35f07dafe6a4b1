// Generator benchmark: the node-express target for synthetic specs of 5, 10 and 50 entities
// (fields of every type, owned entities, a chain of one-to-many relations, a many-to-many every
// fifth entity, realtime on): spec -> FileTree (prepare + render, in memory), and spec -> files
// on disk (the same plus writing the tree to a fresh folder). Parsed templates are kept across
// generations in a process (as in the server); BM_GenerateTreeFirstInProcess measures without.
#include <benchmark/benchmark.h>

#include <unistd.h>

#include <filesystem>

#include "generate/file_tree.h"
#include "generate/generator.h"
#include "generate/render.h"
#include "spec/naming.h"
#include "spec/validate.h"

namespace {

using namespace bf;

spec::AppSpec SyntheticSpec(int entities) {
  spec::AppSpec s;
  s.name = "bench-" + std::to_string(entities);
  s.title = "Bench " + std::to_string(entities);
  s.description = "A synthetic spec for the generator benchmark with realtime updates.";
  s.features = {spec::Feature::kAuth, spec::Feature::kRoles, spec::Feature::kRealtime};
  spec::Entity user;
  user.name = "User";
  spec::Field email;
  email.name = "email";
  email.type = spec::FieldType::kEmail;
  email.required = email.unique = true;
  user.fields.push_back(email);
  s.entities.push_back(user);
  const std::vector<spec::FieldType> types = {
      spec::FieldType::kString, spec::FieldType::kText,  spec::FieldType::kInteger, spec::FieldType::kNumber,
      spec::FieldType::kBoolean, spec::FieldType::kDateTime, spec::FieldType::kDate, spec::FieldType::kEmail,
      spec::FieldType::kUrl,    spec::FieldType::kEnum,  spec::FieldType::kUuid,    spec::FieldType::kJson};
  for (int i = 1; i < entities; ++i) {
    spec::Entity e;
    e.name = "Thing" + naming::ToPascalCase(std::string(1, static_cast<char>('a' + i % 26))) + std::to_string(i);
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
  if (!spec::Validate(s).empty()) std::abort();  // the benchmark must generate a valid spec
  return s;
}

const generate::Target& NodeTarget() {
  static const generate::TargetRegistry registry = [] {
    auto r = generate::TargetRegistry::Default();
    if (!r) std::abort();
    return std::move(*r);
  }();
  auto t = registry.Find("node-express");
  if (!t) std::abort();
  return **t;
}

void BM_GenerateTree(benchmark::State& state) {
  spec::AppSpec s = SyntheticSpec(static_cast<int>(state.range(0)));
  const generate::Target& target = NodeTarget();
  size_t files = 0, bytes = 0;
  for (auto _ : state) {
    auto tree = generate::Generate(s, target, {});
    if (!tree) state.SkipWithError(tree.error().message.c_str());
    files = tree->size();
    bytes = 0;
    for (const auto& [p, c] : tree->files()) bytes += c.size();
    benchmark::DoNotOptimize(tree);
  }
  state.counters["files"] = static_cast<double>(files);
  state.counters["bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_GenerateTree)->Arg(5)->Arg(10)->Arg(50)->Unit(benchmark::kMillisecond);

// The same with no parsed template kept from earlier generations: what the first generation
// of a process costs (a CLI run), templates parsed included.
void BM_GenerateTreeFirstInProcess(benchmark::State& state) {
  spec::AppSpec s = SyntheticSpec(static_cast<int>(state.range(0)));
  const generate::Target& target = NodeTarget();
  for (auto _ : state) {
    state.PauseTiming();
    generate::DropParsedTemplates();
    state.ResumeTiming();
    auto tree = generate::Generate(s, target, {});
    if (!tree) state.SkipWithError(tree.error().message.c_str());
    benchmark::DoNotOptimize(tree);
  }
}
BENCHMARK(BM_GenerateTreeFirstInProcess)->Arg(10)->Unit(benchmark::kMillisecond);

void BM_GenerateToDisk(benchmark::State& state) {
  spec::AppSpec s = SyntheticSpec(static_cast<int>(state.range(0)));
  const generate::Target& target = NodeTarget();
  namespace fs = std::filesystem;
  fs::path root = fs::temp_directory_path() / ("bf-generate-bench-" + std::to_string(::getpid()));
  int run = 0;
  for (auto _ : state) {
    fs::path out = root / std::to_string(run++);
    auto tree = generate::Generate(s, target, {});
    if (!tree) state.SkipWithError(tree.error().message.c_str());
    if (auto st = generate::WriteTreeAtomically(*tree, out); !st) state.SkipWithError(st.error().message.c_str());
    state.PauseTiming();
    fs::remove_all(out);
    state.ResumeTiming();
  }
  fs::remove_all(root);
}
BENCHMARK(BM_GenerateToDisk)->Arg(5)->Arg(10)->Arg(50)->Unit(benchmark::kMillisecond);

}  // namespace
