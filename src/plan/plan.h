// The plan: everything BackendForge shows before it generates code. MakePlan derives it from
// a validated AppSpec (stack recommendation, endpoints, diagrams, security and testing notes);
// RenderMarkdown writes it as one Markdown document with Mermaid blocks. Both are pure and
// deterministic: the same spec and options give the same bytes.
#pragma once

#include <string>
#include <vector>

#include "plan/diagrams.h"
#include "plan/endpoints.h"
#include "plan/stack_recommend.h"
#include "spec/app_spec.h"

namespace bf::plan {

struct PlanOptions {
  // Assumptions the analyzer made while reading the description, shown verbatim (escaped).
  std::vector<std::string> assumptions;
  // The user's original request when it differs from spec.description; read for stack hints.
  std::string requestText;
};

// One OWASP API Security Top 10 (2023) item that applies, with what the plan does about it.
struct SecurityNote {
  std::string id;     // "API1:2023"
  std::string title;  // "Broken Object Level Authorization"
  std::string measure;
};

struct Plan {
  spec::AppSpec spec;  // a copy: the plan is self-contained
  std::vector<std::string> assumptions;
  StackRecommendation stack;
  std::vector<Endpoint> endpoints;
  std::vector<Diagram> diagrams;
  std::vector<SecurityNote> security;
  std::vector<std::string> testing;  // the testing strategy, one step per line
};

// The URL convention, for the plan and the generators' docs.
inline constexpr std::string_view kUrlConvention =
    "Collections are `/api/{plural in kebab-case}` (OrderItem -> `/api/order-items`); one record is "
    "`/api/{plural}/{id}` (a UUID). Nested reads are `/api/{plural}/{id}/{relation name in kebab-case}`: "
    "on the side that declares a relation, a page of records for one-to-many and many-to-many and the "
    "single record for one-to-one; and from the other side of a many-to-many (`/api/tags/{id}/posts`). "
    "The other side of a one-to-many is a foreign-key filter on the list (`/api/comments?postId=...`).";

// `spec` should be valid (spec::Validate returns nothing); an invalid spec still gives a plan
// but names that do not resolve are skipped.
Plan MakePlan(const spec::AppSpec& spec, const PlanOptions& options = {});

std::string RenderMarkdown(const Plan& plan);

// The notes MakePlan fills; exposed for tests.
std::vector<SecurityNote> SecurityNotes(const spec::AppSpec& spec,
                                        const std::vector<Endpoint>& endpoints);
std::vector<std::string> TestingStrategy(const spec::AppSpec& spec,
                                         const std::vector<Endpoint>& endpoints);

}  // namespace bf::plan
