// Vagueness detection and one-click clarifying questions. A description is too vague to plan
// when it names no domain objects (or only hedges: "stuff", "kind of", "maybe"), or leans on
// context the analyzer cannot see ("the portal we talked about", "same objects as the old
// system"). Each question has options and a default; accepting the defaults yields a plan.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "analyze/analyzer.h"
#include "analyze/archetypes.h"

namespace bf::analyze {

struct ClarityInput {
  std::string norm;  // NormalizeForPhrases of the sanitized text
  int words = 0;
  int textEntities = 0;    // entities extracted from the text (User excluded)
  int strongEntities = 0;  // of which had their own field lists
  std::vector<ArchetypeMatch> matches;
  bool learnedVague = false;  // the clarify model (guard_model.h) reads the text as too vague to plan
};

struct ClarityVerdict {
  bool clarify = false;
  std::string reason;
  std::vector<Question> questions;
};

ClarityVerdict AssessClarity(const ClarityInput& in);

// Reads answers to the questions above: the archetype chosen for "domain" (nullptr if none),
// whether payments were requested, and extra roles.
struct ClarifyAnswers {
  const Archetype* domain = nullptr;
  bool payments = false;
  std::vector<std::string> roles;
};
ClarifyAnswers ReadAnswers(const std::map<std::string, std::string>& answers);

}  // namespace bf::analyze
