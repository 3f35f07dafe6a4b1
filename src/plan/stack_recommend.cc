#include "plan/stack_recommend.h"

#include <algorithm>
#include <cstdio>

#include "common/strings.h"
#include "plan/stack_targets.h"

namespace bf::plan {
namespace {

std::string Fmt(double d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", d);
  return buf;
}

void Add(std::vector<ScoreItem>& items, const CriterionInfo& info, double fit, std::string why) {
  ScoreItem it;
  it.criterion = std::string(info.name);
  it.weight = info.weight;
  it.fit = fit;
  it.points = info.weight * fit;
  it.why = std::move(why);
  items.push_back(std::move(it));
}

double Sum(const std::vector<ScoreItem>& items) {
  double s = 0;
  for (const auto& i : items) s += i.points;
  return s;
}

std::string Describe(const ScoreItem& i) {
  return i.criterion + ": +" + Fmt(i.points) + " (weight " + Fmt(i.weight) + " x fit " +
         Fmt(i.fit) + "; " + i.why + ")";
}

// A named preference (team language / database) found in the text: fit 1 for a named
// candidate, 0 for the others.
void AddNamed(std::vector<ScoreItem>& items, const CriterionInfo& info, std::string_view candidate,
              const std::vector<std::string>& names, const std::vector<std::string>& phrases) {
  if (names.empty()) return;
  for (size_t i = 0; i < names.size(); ++i) {
    if (names[i] == candidate) {
      Add(items, info, 1.0, "the description mentions \"" + phrases[i] + "\"");
      return;
    }
  }
  Add(items, info, 0.0, "the description names " + Join(names, ", ") + " instead");
}

std::vector<ScoreItem> ScoreTarget(const TargetInfo& t, const SpecSignals& s) {
  using C = TargetCriterion;
  auto fit = [&](C c) { return t.fit[static_cast<size_t>(c)]; };
  std::vector<ScoreItem> items;
  Add(items, Info(C::kCrudEcosystem), fit(C::kCrudEcosystem), "always applies");
  if (s.realtime.present) Add(items, Info(C::kRealtime), fit(C::kRealtime), s.realtime.phrase);
  if (s.performance.present)
    Add(items, Info(C::kPerformance), fit(C::kPerformance), s.performance.phrase);
  AddNamed(items, Info(C::kTeamLanguage), t.language, s.teamLanguages, s.teamLanguagePhrases);
  if (s.enterprise.present)
    Add(items, Info(C::kEnterprise), fit(C::kEnterprise), s.enterprise.phrase);
  if (s.dataScience.present)
    Add(items, Info(C::kDataScience), fit(C::kDataScience), s.dataScience.phrase);
  if (s.prototype.present) Add(items, Info(C::kPrototype), fit(C::kPrototype), s.prototype.phrase);
  return items;
}

std::vector<ScoreItem> ScoreDatabase(const DatabaseInfo& d, const SpecSignals& s) {
  using C = DbCriterion;
  auto fit = [&](C c) { return d.fit[static_cast<size_t>(c)]; };
  std::vector<ScoreItem> items;
  Add(items, Info(C::kGeneralPurpose), fit(C::kGeneralPurpose), "always applies");
  if (s.relations >= 2 || s.manyToMany > 0) {
    Add(items, Info(C::kRelational), fit(C::kRelational),
        std::to_string(s.relations) + " relations, " + std::to_string(s.manyToMany) +
            " many-to-many");
  }
  if (s.document.present) Add(items, Info(C::kDocument), fit(C::kDocument), s.document.phrase);
  bool small = (s.entities <= 3 && !s.production.present) || s.prototype.present;
  if (small) {
    Add(items, Info(C::kSmallScale), fit(C::kSmallScale),
        s.entities <= 3 ? std::to_string(s.entities) + " entities" : s.prototype.phrase);
  }
  if (s.production.present)
    Add(items, Info(C::kProduction), fit(C::kProduction), s.production.phrase);
  if (s.transactions.present) {
    Add(items, Info(C::kTransactions), fit(C::kTransactions), s.transactions.phrase);
  }
  if (s.multiTenancy)
    Add(items, Info(C::kMultiTenancy), fit(C::kMultiTenancy), "the spec has multi_tenancy");
  if (s.search) Add(items, Info(C::kSearch), fit(C::kSearch), "the spec has the search feature");
  AddNamed(items, Info(C::kTeamDatabase), d.id, s.teamDatabases, s.teamDatabasePhrases);
  return items;
}

template <class Choice>
void SortByScore(std::vector<Choice>& v) {
  std::stable_sort(v.begin(), v.end(),
                   [](const Choice& a, const Choice& b) { return a.score > b.score; });
}

StackChoice MakeTargetChoice(const TargetInfo& t, const SpecSignals& s) {
  StackChoice c;
  c.target = std::string(t.id);
  c.language = std::string(t.language);
  c.framework = std::string(t.framework);
  c.label = std::string(t.label);
  c.available = t.available;
  c.breakdown = ScoreTarget(t, s);
  c.score = Sum(c.breakdown);
  return c;
}

DatabaseChoice MakeDbChoice(const DatabaseInfo& d, const SpecSignals& s) {
  DatabaseChoice c;
  c.database = std::string(d.id);
  c.label = std::string(d.label);
  c.available = d.available;
  c.breakdown = ScoreDatabase(d, s);
  c.score = Sum(c.breakdown);
  return c;
}

// Lines explaining a candidate's own score: non-zero contributions, then what it is good at.
template <class Choice>
std::vector<std::string> OwnReasons(const Choice& c, std::string_view strength) {
  std::vector<std::string> out;
  for (const auto& i : c.breakdown) {
    if (i.points > 0) out.push_back(Describe(i));
  }
  if (!strength.empty()) out.push_back("strength: " + std::string(strength));
  return out;
}

// Why `alt` was not chosen: the override, or its standing against `chosen`, then the criteria
// where it earned fewer (or more) points. `kind` names the catalogue ("target", "database").
template <class Choice>
std::vector<std::string> LowerBecause(const Choice& alt, const Choice& chosen,
                                      std::string_view kind, std::string_view chosen_name,
                                      bool override_chosen) {
  std::vector<std::string> out;
  bool planned_said = false;
  if (override_chosen) {
    out.push_back("not chosen: the spec sets " + std::string(chosen_name));
  } else if (alt.score >= chosen.score && !alt.available) {
    out.push_back(std::string(alt.score > chosen.score ? "scores higher (" : "ties (") +
                  Fmt(alt.score) + " vs " + Fmt(chosen.score) + ") but is a planned " +
                  std::string(kind) + ": BackendForge does not generate it yet");
    planned_said = true;
  } else if (alt.score == chosen.score) {
    out.push_back("ties with " + std::string(chosen_name) + " (" + Fmt(alt.score) +
                  "); the catalogue order breaks the tie");
  }
  for (size_t i = 0; i < alt.breakdown.size() && i < chosen.breakdown.size(); ++i) {
    const ScoreItem& a = alt.breakdown[i];
    const ScoreItem& b = chosen.breakdown[i];
    if (a.criterion != b.criterion || a.points == b.points) continue;
    out.push_back(std::string(a.points < b.points ? "lower" : "higher") + " on " + a.criterion +
                  ": " + Fmt(a.points) + " vs " + Fmt(b.points) + " for " +
                  std::string(chosen_name));
  }
  if (!alt.available && !planned_said) {
    out.push_back("planned " + std::string(kind) + ": not generated yet");
  }
  return out;
}

// The target the spec asks for, or null when it asks for none.
std::optional<StackChoice> OverrideTarget(const spec::Stack& st, const SpecSignals& s) {
  if (st.language.empty() && st.framework.empty()) return std::nullopt;
  const TargetInfo* t = nullptr;
  if (!st.language.empty()) {
    t = FindTargetByLanguage(st.language);
    if (t && !st.framework.empty() && t->framework != st.framework) t = nullptr;
  } else {
    t = FindTargetByFramework(st.framework);
  }
  if (t) return MakeTargetChoice(*t, s);
  // A framework outside the catalogue: honour it, but nothing can be generated for it.
  StackChoice c;
  c.language = st.language;
  c.framework = st.framework;
  c.target = (st.language.empty() ? std::string("custom") : st.language) + "-" + st.framework;
  c.label = c.target;
  c.available = false;
  c.reasons.push_back("\"" + c.target +
                      "\" is not in the target catalogue: BackendForge cannot generate it");
  return c;
}

std::string OverrideText(const spec::Stack& st) {
  std::vector<std::string> parts;
  if (!st.language.empty()) parts.push_back("language \"" + st.language + "\"");
  if (!st.framework.empty()) parts.push_back("framework \"" + st.framework + "\"");
  return Join(parts, " and ");
}

void ChooseTarget(StackRecommendation& rec, const spec::AppSpec& spec) {
  const SpecSignals& s = rec.signals;
  std::vector<StackChoice> ranked;
  for (const auto& t : Targets()) ranked.push_back(MakeTargetChoice(t, s));
  SortByScore(ranked);
  auto best_available =
      std::find_if(ranked.begin(), ranked.end(), [](const StackChoice& c) { return c.available; });

  std::optional<StackChoice> forced = OverrideTarget(spec.stack, s);
  rec.languageOverride = forced.has_value();
  StackChoice chosen;
  if (forced) {
    chosen = *forced;
    std::vector<std::string> why = {"user override: the spec sets " + OverrideText(spec.stack)};
    why.insert(why.end(), chosen.reasons.begin(), chosen.reasons.end());
    if (const TargetInfo* t = FindTarget(chosen.target)) {
      auto own = OwnReasons(chosen, t->strength);
      why.insert(why.end(), own.begin(), own.end());
      if (!t->available)
        why.push_back("planned target: BackendForge does not generate " + chosen.target +
                      " yet; the plan holds, generation needs an available target");
    }
    if (!ranked.empty() && ranked.front().target != chosen.target) {
      why.push_back("without the override the top-ranked target would be " + ranked.front().target +
                    " (" + Fmt(ranked.front().score) + ")");
    }
    chosen.reasons = std::move(why);
  } else {
    chosen = *best_available;  // the catalogue always holds an available target
    std::vector<std::string> why = {
        "recommended: the highest-scoring target BackendForge generates today (score " +
        Fmt(chosen.score) + ")"};
    for (const auto& c : ranked) {
      if (&c == &*best_available) break;
      why.push_back(
          c.target + " scores higher (" + Fmt(c.score) +
          ") but is a planned target, not generated yet; choose it with stack.language = \"" +
          c.language + "\" once available");
    }
    auto own = OwnReasons(chosen, FindTarget(chosen.target)->strength);
    why.insert(why.end(), own.begin(), own.end());
    chosen.reasons = std::move(why);
  }
  for (auto& c : ranked) {
    if (c.target == chosen.target) continue;
    c.reasons = LowerBecause(c, chosen, "target", chosen.target, forced.has_value());
    auto own = OwnReasons(c, FindTarget(c.target)->strength);
    c.reasons.insert(c.reasons.end(), own.begin(), own.end());
    rec.alternatives.push_back(std::move(c));
  }
  rec.chosen = std::move(chosen);
}

void ChooseDatabase(StackRecommendation& rec, const spec::AppSpec& spec) {
  const SpecSignals& s = rec.signals;
  std::vector<DatabaseChoice> ranked;
  for (const auto& d : Databases()) ranked.push_back(MakeDbChoice(d, s));
  SortByScore(ranked);
  DatabaseChoice chosen;
  const std::string& want = spec.stack.database;
  auto it = std::find_if(ranked.begin(), ranked.end(), [&](const DatabaseChoice& c) {
    return want.empty() ? c.available : c.database == want;
  });
  if (!want.empty()) {
    rec.databaseOverride = true;
    if (it == ranked.end()) {
      chosen.database = chosen.label = want;
      chosen.reasons.push_back("user override: the spec sets database \"" + want +
                               "\" (not in the catalogue)");
    } else {
      chosen = *it;
      chosen.reasons.push_back("user override: the spec sets database \"" + want + "\"");
      auto own = OwnReasons(chosen, FindDatabase(chosen.database)->strength);
      chosen.reasons.insert(chosen.reasons.end(), own.begin(), own.end());
      if (!chosen.available)
        chosen.reasons.push_back("planned database: the generators do not support it yet");
      if (ranked.front().database != chosen.database) {
        chosen.reasons.push_back("without the override the top-ranked database would be " +
                                 ranked.front().database + " (" + Fmt(ranked.front().score) + ")");
      }
    }
  } else {
    chosen = *it;
    chosen.reasons.push_back("recommended: the highest-scoring supported database (score " +
                             Fmt(chosen.score) + ")");
    for (auto c = ranked.begin(); c != it; ++c) {
      chosen.reasons.push_back(c->database + " scores higher (" + Fmt(c->score) +
                               ") but is not supported yet");
    }
    auto own = OwnReasons(chosen, FindDatabase(chosen.database)->strength);
    chosen.reasons.insert(chosen.reasons.end(), own.begin(), own.end());
    if (chosen.database != "sqlite") {
      chosen.reasons.push_back("tests and previews run on SQLite; " + chosen.label +
                               " is the production database");
    }
  }
  for (auto& c : ranked) {
    if (c.database == chosen.database) continue;
    c.reasons = LowerBecause(c, chosen, "database", chosen.database, rec.databaseOverride);
    auto own = OwnReasons(c, FindDatabase(c.database)->strength);
    c.reasons.insert(c.reasons.end(), own.begin(), own.end());
    rec.databaseAlternatives.push_back(std::move(c));
  }
  rec.database = std::move(chosen);
}

}  // namespace

StackRecommendation RecommendStack(const spec::AppSpec& spec, std::string_view extra_text) {
  StackRecommendation rec;
  rec.signals = ExtractSignals(spec, extra_text);
  ChooseTarget(rec, spec);
  ChooseDatabase(rec, spec);
  rec.chosen.database = rec.database.database;
  rec.chosen.reasons.push_back(
      "database " + rec.database.label + ": " +
      (rec.database.reasons.empty() ? std::string("-") : rec.database.reasons.front()));
  rec.userOverride = rec.languageOverride || rec.databaseOverride;
  return rec;
}

}  // namespace bf::plan
