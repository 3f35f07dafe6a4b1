#include "plan/signals.h"

#include <algorithm>
#include <cctype>
#include <utility>

#include "common/strings.h"

namespace bf::plan {
namespace {

using Phrases = std::vector<std::string_view>;

const Phrases kRealtime = {
    "real time", "realtime",           "live",   "chat",          "websocket", "websockets", "push",
    "sse",       "server sent events", "notify", "notifications", "instant",   "streaming"};
const Phrases kPerformance = {"high throughput",
                              "throughput",
                              "low latency",
                              "latency",
                              "millions",
                              "million",
                              "billions",
                              "cpu",
                              "cpu heavy",
                              "compute heavy",
                              "heavy computation",
                              "image processing",
                              "video processing",
                              "transcoding",
                              "performance critical",
                              "high performance",
                              "requests per second",
                              "rps",
                              "telemetry",
                              "iot",
                              "high frequency",
                              "trading engine"};
const Phrases kEnterprise = {"enterprise", "bank",      "banking",    "insurance", "compliance",
                             "erp",        "corporate", "large team", "regulated"};
const Phrases kDataScience = {
    "machine learning", "ml",          "data science",          "pandas", "numpy",
    "ai model",         "predictions", "recommendation engine", "scikit"};
const Phrases kPrototype = {"prototype",    "mvp",   "hackathon", "poc",   "proof of concept",
                            "side project", "hobby", "demo",      "quick", "simple",
                            "small"};
const Phrases kDocument = {
    "document database", "document store", "document oriented", "schemaless",     "schema less",
    "flexible schema",   "nosql",          "unstructured data", "arbitrary json", "json documents"};
const Phrases kProduction = {"production",        "at scale", "scale",      "scalable",
                             "thousands",         "millions", "many users", "high traffic",
                             "high availability", "saas"};
const Phrases kTransactions = {"payment",   "payments", "billing",     "invoice",
                               "invoices",  "checkout", "ledger",      "transactions",
                               "booking",   "bookings", "reservation", "reservations",
                               "inventory", "stock",    "orders",      "wallet"};

// Phrases naming each spec language.
const std::vector<std::pair<std::string_view, Phrases>> kLanguages = {
    {"typescript", {"typescript", "node", "nodejs", "javascript", "express", "nestjs", "ts"}},
    {"python", {"python", "django", "fastapi", "flask", "pydantic"}},
    {"go",
     {"golang", "go lang", "in go", "using go", "with go", "written in go", "go backend",
      "go service", "gin", "chi router"}},
    {"rust", {"rust", "axum", "actix", "tokio"}},
    {"java", {"java", "spring", "spring boot", "kotlin", "jvm"}},
    {"cpp", {"c++", "cpp", "drogon"}},
};
const std::vector<std::pair<std::string_view, Phrases>> kDatabaseNames = {
    {"postgres", {"postgres", "postgresql", "psql", "supabase"}},
    {"mysql", {"mysql", "mariadb"}},
    {"mongodb", {"mongo", "mongodb", "mongoose"}},
    {"sqlite", {"sqlite", "sqlite3"}},
};

// Position of the first phrase of `phrases` in `tokens` (word-aligned), or npos.
std::pair<size_t, std::string> FindPhrase(const std::vector<std::string>& tokens,
                                          const Phrases& phrases) {
  size_t best = std::string::npos;
  std::string best_phrase;
  for (std::string_view p : phrases) {
    std::vector<std::string> words = Tokenize(p);
    if (words.empty() || words.size() > tokens.size()) continue;
    for (size_t i = 0; i + words.size() <= tokens.size() && i < best; ++i) {
      if (std::equal(words.begin(), words.end(), tokens.begin() + static_cast<std::ptrdiff_t>(i))) {
        best = i;
        best_phrase = std::string(p);
        break;
      }
    }
  }
  return {best, best_phrase};
}

Hint Match(const std::vector<std::string>& tokens, const Phrases& phrases) {
  auto [pos, phrase] = FindPhrase(tokens, phrases);
  if (pos == std::string::npos) return {};
  return {true, "the description says \"" + phrase + "\""};
}

// Names from `table` found in the text, ordered by first mention.
void MatchNames(const std::vector<std::string>& tokens,
                const std::vector<std::pair<std::string_view, Phrases>>& table,
                std::vector<std::string>& names, std::vector<std::string>& phrases) {
  std::vector<std::pair<size_t, std::pair<std::string, std::string>>> found;
  for (const auto& [name, ps] : table) {
    auto [pos, phrase] = FindPhrase(tokens, ps);
    if (pos != std::string::npos) found.push_back({pos, {std::string(name), phrase}});
  }
  std::stable_sort(found.begin(), found.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [pos, np] : found) {
    names.push_back(np.first);
    phrases.push_back(np.second);
  }
}

}  // namespace

std::vector<std::string> Tokenize(std::string_view text) {
  std::vector<std::string> out;
  std::string cur;
  for (char ch : text) {
    auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c == '+' || c == '#') {
      cur += static_cast<char>(std::tolower(c));
    } else if (!cur.empty()) {
      out.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

SpecSignals ExtractSignals(const spec::AppSpec& spec, std::string_view extra_text) {
  using spec::Feature;
  SpecSignals s;
  s.entities = static_cast<int>(spec.entities.size());
  s.relations = static_cast<int>(spec.relations.size());
  for (const auto& r : spec.relations) s.manyToMany += r.kind == spec::RelationKind::kManyToMany;
  for (const auto& e : spec.entities) {
    for (const auto& f : e.fields) {
      ++s.fields;
      s.jsonFields += f.type == spec::FieldType::kJson;
    }
  }
  std::string text = spec.title + "\n" + spec.description + "\n" + std::string(extra_text);
  std::vector<std::string> tokens = Tokenize(text);

  if (spec.HasFeature(Feature::kRealtime)) {
    s.realtime = {true, "the spec has the realtime feature"};
  } else if (spec.HasFeature(Feature::kNotifications)) {
    s.realtime = {true, "the spec has the notifications feature"};
  } else {
    s.realtime = Match(tokens, kRealtime);
  }
  s.performance = Match(tokens, kPerformance);
  s.enterprise = Match(tokens, kEnterprise);
  s.dataScience = Match(tokens, kDataScience);
  MatchNames(tokens, kLanguages, s.teamLanguages, s.teamLanguagePhrases);
  MatchNames(tokens, kDatabaseNames, s.teamDatabases, s.teamDatabasePhrases);

  if (s.jsonFields > 0 && s.jsonFields * 100 >= s.fields * 15) {
    s.document = {true, std::to_string(s.jsonFields) + " of " + std::to_string(s.fields) +
                            " fields are json"};
  } else {
    s.document = Match(tokens, kDocument);
  }
  if (s.entities >= 8) {
    s.production = {true, "the spec has " + std::to_string(s.entities) + " entities"};
  } else if (spec.HasFeature(Feature::kMultiTenancy)) {
    s.production = {true, "the spec is multi-tenant"};
  } else {
    s.production = Match(tokens, kProduction);
  }
  if (spec.HasFeature(Feature::kPayments)) {
    s.transactions = {true, "the spec has the payments feature"};
  } else {
    s.transactions = Match(tokens, kTransactions);
  }
  s.prototype = Match(tokens, kPrototype);
  // A small spec suggests a prototype, unless the text asks for performance or production use.
  if (!s.prototype.present && s.entities <= 3 && !s.performance.present && !s.production.present) {
    s.prototype = {true, "the spec is small (" + std::to_string(s.entities) + " entities)"};
  }
  s.multiTenancy = spec.HasFeature(Feature::kMultiTenancy);
  s.search = spec.HasFeature(Feature::kSearch);
  return s;
}

}  // namespace bf::plan
