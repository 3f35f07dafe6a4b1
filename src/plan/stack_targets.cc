#include "plan/stack_targets.h"

namespace bf::plan {
namespace {

// Fit columns: crud ecosystem, realtime/SSE, performance, team language (unused), enterprise,
// data science, prototyping speed.
constexpr std::array<TargetInfo, 6> kTargets = {{
    {"node-express",
     "typescript",
     "express",
     "Node.js + TypeScript + Express",
     true,
     {1.0, 1.0, 0.5, 0.0, 0.6, 0.3, 1.0},
     "event loop suits many open SSE connections; huge npm ecosystem; one language with the web "
     "UI"},
    {"python-fastapi",
     "python",
     "fastapi",
     "Python + FastAPI",
     false,
     {1.0, 0.7, 0.3, 0.0, 0.6, 1.0, 1.0},
     "typed request models (Pydantic) and OpenAPI for free; the data-science ecosystem"},
    {"go-gin",
     "go",
     "gin",
     "Go + Gin",
     false,
     {0.8, 0.9, 0.9, 0.0, 0.7, 0.2, 0.7},
     "small static binaries, goroutines for concurrent I/O, fast compile"},
    {"rust-axum",
     "rust",
     "axum",
     "Rust + Axum",
     false,
     {0.6, 0.9, 1.0, 0.0, 0.5, 0.2, 0.3},
     "memory safety without GC pauses; top throughput and latency"},
    {"java-spring",
     "java",
     "spring",
     "Java + Spring Boot",
     false,
     {0.9, 0.6, 0.8, 0.0, 1.0, 0.3, 0.5},
     "enterprise standard: Spring Security, JPA, mature tooling"},
    {"cpp-drogon",
     "cpp",
     "drogon",
     "C++ + Drogon",
     false,
     {0.4, 0.8, 1.0, 0.0, 0.4, 0.1, 0.2},
     "maximum raw performance for CPU-bound work; smallest ecosystem for CRUD APIs"},
}};

constexpr std::array<CriterionInfo, kTargetCriteria> kTargetCriteriaInfo = {{
    {"CRUD/REST ecosystem", 1.0, "always: maturity of web, validation, ORM and OpenAPI libraries"},
    {"realtime / SSE", 2.0,
     "the spec has realtime or notifications, or the text mentions live/chat/push"},
    {"CPU-heavy / high throughput", 3.0,
     "the text mentions throughput, latency, millions, CPU-heavy work"},
    {"team language", 5.0, "the text names a language or framework the team uses"},
    {"enterprise setting", 1.5, "the text mentions enterprise, banking, insurance, compliance"},
    {"data science / ML", 2.0, "the text mentions machine learning, data science, pandas"},
    {"prototype speed", 1.0,
     "the text mentions a prototype/MVP, or the spec is small (<= 3 entities) and nothing hints at "
     "performance or production"},
}};

// Fit columns: general purpose, relational, document, small scale, production, transactions,
// multi-tenancy, search, team database (unused).
constexpr std::array<DatabaseInfo, 4> kDatabases = {{
    {"postgres",
     "PostgreSQL",
     true,
     {1.0, 1.0, 0.7, 0.5, 1.0, 1.0, 1.0, 1.0, 0.0},
     "relational integrity, transactions, JSONB, full-text search, row-level security"},
    {"sqlite",
     "SQLite",
     true,
     {0.7, 0.8, 0.4, 1.0, 0.2, 0.6, 0.3, 0.7, 0.0},
     "zero setup, one file: ideal for development, tests and small single-node apps"},
    {"mongodb",
     "MongoDB",
     true,
     {0.7, 0.3, 1.0, 0.4, 0.8, 0.5, 0.6, 0.8, 0.0},
     "flexible documents for JSON-heavy, loosely related data; horizontal scale-out"},
    {"mysql",
     "MySQL",
     false,
     {0.8, 0.9, 0.5, 0.5, 0.8, 0.9, 0.7, 0.7, 0.0},
     "widely hosted relational database with transactions"},
}};

constexpr std::array<CriterionInfo, kDbCriteria> kDbCriteriaInfo = {{
    {"general purpose", 1.0, "always"},
    {"relational data", 2.0, "2+ relations, or any many-to-many"},
    {"document-shaped data", 3.0,
     "json fields are 15%+ of all fields, or the text says document store/schemaless/NoSQL"},
    {"small / development", 1.5,
     "<= 3 entities without production hints, or prototype/MVP in the text"},
    {"production scale", 2.0, "8+ entities, or the text mentions production/scale/many users"},
    {"transactions / consistency", 2.5,
     "payments feature, or the text mentions payments, billing, bookings, inventory"},
    {"multi-tenancy", 2.0, "multi_tenancy feature"},
    {"search", 1.0, "search feature"},
    {"team database", 5.0, "the text names a database"},
}};

}  // namespace

std::span<const TargetInfo> Targets() { return kTargets; }
std::span<const DatabaseInfo> Databases() { return kDatabases; }
const CriterionInfo& Info(TargetCriterion c) { return kTargetCriteriaInfo[static_cast<size_t>(c)]; }
const CriterionInfo& Info(DbCriterion c) { return kDbCriteriaInfo[static_cast<size_t>(c)]; }

const TargetInfo* FindTarget(std::string_view id) {
  for (const auto& t : kTargets) {
    if (t.id == id) return &t;
  }
  return nullptr;
}

const TargetInfo* FindTargetByLanguage(std::string_view language) {
  for (const auto& t : kTargets) {
    if (t.language == language) return &t;
  }
  return nullptr;
}

const TargetInfo* FindTargetByFramework(std::string_view framework) {
  for (const auto& t : kTargets) {
    if (t.framework == framework) return &t;
  }
  return nullptr;
}

const DatabaseInfo* FindDatabase(std::string_view id) {
  for (const auto& d : kDatabases) {
    if (d.id == id) return &d;
  }
  return nullptr;
}

}  // namespace bf::plan
