// Semantic validation of an AppSpec, and the normalisation that fills derivable defaults.
#pragma once

#include <vector>

#include "spec/app_spec.h"
#include "spec/spec_json.h"

namespace bf::spec {

// Fills what can be derived and was left empty: plurals, relation accessor names, the title,
// the project name, default roles; orders features canonically. Idempotent.
void Normalize(AppSpec& spec);

// Every semantic problem, each with the JSON path of the offending value and a hint on how to
// fix it (e.g. `relations[1].to: no entity named "Usr"; did you mean "User"?`). Empty = valid.
std::vector<SpecIssue> Validate(const AppSpec& spec);

}  // namespace bf::spec
