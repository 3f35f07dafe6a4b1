// Mermaid diagrams of a plan, as data: the ER diagram of the data model, sequence diagrams of
// the auth flow, of creating the main entity (with the ownership check) and of the SSE stream,
// and a flowchart of the services. Sources are deterministic and parse with mermaid 11
// (tests/mermaid/check.sh proves it); free text goes through mermaid_text.h.
#pragma once

#include <string>
#include <vector>

#include "plan/endpoints.h"
#include "plan/stack_recommend.h"
#include "spec/app_spec.h"

namespace bf::plan {

enum class DiagramKind { kEr, kSequence, kFlowchart };
std::string_view ToString(DiagramKind k);  // "er", "sequence", "flowchart"

struct Diagram {
  DiagramKind kind = DiagramKind::kEr;
  std::string id;      // stable slug: "er", "sequence-auth", "sequence-create-post", ...
  std::string title;   // plain text, for headings and tabs
  std::string source;  // mermaid source, newline-terminated
};

// The entity the create/ownership sequence shows: the owned entity with the most relations
// (ties: most fields, then spec order); else, by the same order, the best entity that is not
// the user entity; else the first entity. Null for a spec without entities.
const spec::Entity* MainEntity(const spec::AppSpec& spec);

// An entity name as an erDiagram entity token: the name itself, or quoted when mermaid would
// read it as a keyword (class, style, end, one, many, to, ...).
std::string ErEntityName(std::string_view name);

Diagram ErDiagram(const spec::AppSpec& spec);
Diagram AuthSequence(const spec::AppSpec& spec);  // needs auth.enabled
Diagram CreateSequence(const spec::AppSpec& spec, const spec::Entity& main);
Diagram EventsSequence(const spec::AppSpec& spec,
                       const spec::Entity& main);  // realtime/notifications
Diagram ArchitectureFlowchart(const spec::AppSpec& spec, const StackRecommendation& stack);

// All diagrams that apply to `spec`, in the order above.
std::vector<Diagram> BuildDiagrams(const spec::AppSpec& spec, const StackRecommendation& stack);

}  // namespace bf::plan
