// Vagueness detection and one-click clarifying questions. A description is too vague to plan
// when it names no domain objects (or only hedges: "stuff", "kind of", "maybe"), or leans on
// context the analyzer cannot see ("the portal we talked about", "same objects as the old
// system"). Each question has options and a default; accepting the defaults yields a plan.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "analyze/analyzer.h"
#include "analyze/archetypes.h"
#include "analyze/guard_model.h"

namespace bf::analyze {

struct ClarityInput {
  std::string norm;  // NormalizeForPhrases of the sanitized text
  int words = 0;
  int textEntities = 0;    // entities extracted from the text (User excluded)
  int strongEntities = 0;  // of which had their own field lists
  int fieldedEntities = 0;  // of which have three or more fields from the text
  int listedEntities = 0;   // of which were named in a list of the records the text keeps
  std::vector<ArchetypeMatch> matches;
  GuardPrediction vagueness;  // the clarify model's reading of the text (guard_model.h)
  bool contradictionAnswered = false;  // the user already chose a side of a contradiction
  std::string analogyWithoutDomain;    // "Uber for our industry": a model to copy, but no domain
};

struct ClarityVerdict {
  bool clarify = false;
  std::string reason;
  std::vector<Question> questions;
};

ClarityVerdict AssessClarity(const ClarityInput& in);

// A question about two requirements of `norm` (NormalizeForPhrases text) that cannot both hold
// ("completely anonymous" patients who get "reminder SMS"; "no database" but "history forever";
// "offline only" but "live" updates), or nothing. Options keep one side; the default keeps the
// second, the data-bearing one.
std::optional<Question> FindContradiction(const std::string& norm);

// Reads answers to the questions above: the archetype chosen for "domain" (nullptr if none),
// whether payments were requested, and extra roles.
struct ClarifyAnswers {
  const Archetype* domain = nullptr;
  std::string contradiction;  // the side chosen for the "contradiction" question, empty if none
  bool payments = false;
  std::vector<std::string> roles;
};
ClarifyAnswers ReadAnswers(const std::map<std::string, std::string>& answers);

}  // namespace bf::analyze
