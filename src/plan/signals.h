// What the stack recommendation looks at: facts about the spec's shape and keyword hints in the
// description. Pure; deterministic. Each hint keeps the phrase that triggered it so a reason can
// quote it ("the description says \"high throughput\"").
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "spec/app_spec.h"

namespace bf::plan {

struct Hint {
  bool present = false;
  std::string phrase;  // the first matching phrase, or the spec fact that triggered it
};

struct SpecSignals {
  // Shape of the data.
  int entities = 0;
  int relations = 0;
  int manyToMany = 0;
  int fields = 0;
  int jsonFields = 0;
  // Hints for the target ranking.
  Hint realtime;
  Hint performance;
  Hint enterprise;
  Hint dataScience;
  Hint prototype;
  std::vector<std::string> teamLanguages;  // spec language values named in the text, in text order
  std::vector<std::string> teamLanguagePhrases;
  // Hints for the database ranking.
  Hint document;
  Hint production;
  Hint transactions;
  bool multiTenancy = false;               // the multi_tenancy feature
  bool search = false;                     // the search feature
  std::vector<std::string> teamDatabases;  // stack.database values named in the text
  std::vector<std::string> teamDatabasePhrases;
};

// Reads `spec` (features, entities, relations, description) and `extra_text` (e.g. the user's
// original request when it differs from spec.description).
SpecSignals ExtractSignals(const spec::AppSpec& spec, std::string_view extra_text = {});

// Lowercase word tokens of `text`: letters, digits, '+' and '#' ("C++" -> "c++",
// "node.js" -> "node", "js"). Exposed for tests.
std::vector<std::string> Tokenize(std::string_view text);

}  // namespace bf::plan
