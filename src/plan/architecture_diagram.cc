// Flowchart of the generated backend: client -> middleware -> one service per entity ->
// database, the SSE hub when the spec streams events, and side services per feature.
#include "common/strings.h"
#include "plan/diagrams.h"
#include "plan/mermaid_text.h"

namespace bf::plan {
namespace {

using spec::Feature;

// Node ids are generated (never user text) and prefixed so no id is a mermaid keyword.
std::string ServiceId(const spec::Entity& e) { return "svc_" + e.name; }

void Node(std::string& s, std::string_view indent, std::string_view id, std::string_view open,
          std::string_view label, std::string_view close) {
  s += std::string(indent) + std::string(id) + std::string(open) + "\"" + MermaidLabel(label) +
       "\"" + std::string(close) + "\n";
}

}  // namespace

Diagram ArchitectureFlowchart(const spec::AppSpec& spec, const StackRecommendation& stack) {
  bool events = HasEventStream(spec);
  std::string title = spec.title.empty() ? spec.name : spec.title;
  std::string s = "flowchart LR\n";
  Node(s, "  ", "client", "([", "Client: web, mobile, scripts", "])");
  s += "  subgraph backend[\"" + MermaidLabel(title + " API (" + stack.chosen.target + ")") +
       "\"]\n";
  s += "    direction TB\n";
  Node(s, "    ", "mw", "[", "HTTP middleware: request id, JSON logs, rate limit, CORS", "]");
  Node(s, "    ", "router", "[", "Router: /health /ready /openapi.json /docs /api/*", "]");
  if (spec.auth.enabled) {
    Node(s, "    ", "authn", "[", "JWT auth + role and ownership checks", "]");
    Node(s, "    ", "auth_svc", "[", "AuthService: register, login, refresh, me (argon2id)", "]");
  }
  s += "    subgraph services[\"Services, one per entity\"]\n";
  for (const auto& e : spec.entities) {
    Node(s, "      ", ServiceId(e), "[", e.name + "Service: " + CollectionPath(e), "]");
  }
  s += "    end\n";
  if (events) Node(s, "    ", "hub", "[[", "SSE hub: GET /api/events", "]]");
  if (spec.HasFeature(Feature::kFileUploads))
    Node(s, "    ", "files", "[", "File storage adapter", "]");
  if (spec.HasFeature(Feature::kEmail))
    Node(s, "    ", "mailer", "[", "Mailer (SMTP adapter)", "]");
  if (spec.HasFeature(Feature::kScheduling))
    Node(s, "    ", "jobs", "[", "Scheduler: timed jobs", "]");
  if (spec.HasFeature(Feature::kPayments))
    Node(s, "    ", "pay", "[", "Payment provider adapter + webhooks", "]");
  if (spec.HasFeature(Feature::kAuditLog)) Node(s, "    ", "audit", "[", "Audit log writer", "]");
  if (spec.HasFeature(Feature::kSearch))
    Node(s, "    ", "search", "[", "Search: full-text index", "]");
  s += "  end\n";
  std::string db_label =
      stack.database.label.empty() ? stack.chosen.database : stack.database.label;
  Node(s, "  ", "db", "[(", db_label + " (SQLite in tests)", ")]");

  s += "  client -->|\"HTTPS + JSON\"| mw\n";
  s += "  mw --> router\n";
  if (spec.auth.enabled) {
    s += "  router --> auth_svc\n";
    s += "  router --> authn\n";
    s += "  authn --> services\n";
    s += "  auth_svc --> db\n";
  } else {
    s += "  router --> services\n";
  }
  s += "  services --> db\n";
  if (events) {
    s += "  services -.->|\"publish after commit\"| hub\n";
    s += "  hub -.->|\"text/event-stream\"| client\n";
  }
  if (spec.HasFeature(Feature::kFileUploads)) s += "  services --> files\n";
  if (spec.HasFeature(Feature::kEmail)) s += "  services --> mailer\n";
  if (spec.HasFeature(Feature::kScheduling)) s += "  jobs --> services\n";
  if (spec.HasFeature(Feature::kPayments)) s += "  services --> pay\n";
  if (spec.HasFeature(Feature::kAuditLog)) s += "  services --> audit\n  audit --> db\n";
  if (spec.HasFeature(Feature::kSearch)) s += "  services --> search\n";
  return {DiagramKind::kFlowchart, "architecture", "Architecture and services", s};
}

std::vector<Diagram> BuildDiagrams(const spec::AppSpec& spec, const StackRecommendation& stack) {
  std::vector<Diagram> out;
  out.push_back(ErDiagram(spec));
  if (spec.auth.enabled) out.push_back(AuthSequence(spec));
  if (const spec::Entity* main = MainEntity(spec)) {
    out.push_back(CreateSequence(spec, *main));
    if (HasEventStream(spec)) out.push_back(EventsSequence(spec, *main));
  }
  out.push_back(ArchitectureFlowchart(spec, stack));
  return out;
}

}  // namespace bf::plan
