// RenderMarkdown: the plan as one Markdown document. Identifiers are printed in code spans;
// every free-text value goes through MarkdownInline / MarkdownCell.
#include <algorithm>
#include <cstdio>

#include "common/strings.h"
#include "plan/data_model.h"
#include "plan/mermaid_text.h"
#include "plan/plan.h"
#include "spec/naming.h"

namespace bf::plan {
namespace {

using spec::AppSpec;

std::string Fmt(double d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", d);
  return buf;
}

std::string Code(std::string_view s) {
  std::string out = "`";  // not "`" + string: GCC 12 -Wrestrict false positive (PR 105329)
  out += s;
  out += '`';
  return out;
}

std::string FeatureText(spec::Feature f) {
  using spec::Feature;
  switch (f) {
    case Feature::kAuth:
      return "user accounts with register, login, token refresh";
    case Feature::kRoles:
      return "role-based access rules";
    case Feature::kRealtime:
      return "live updates over server-sent events (GET /api/events)";
    case Feature::kNotifications:
      return "notifications pushed to their recipients over the event stream";
    case Feature::kFileUploads:
      return "file uploads stored as references (url fields)";
    case Feature::kSearch:
      return "full-text search over text fields";
    case Feature::kPayments:
      return "payments through a provider adapter, with idempotency keys";
    case Feature::kScheduling:
      return "scheduled jobs";
    case Feature::kEmail:
      return "outgoing email through an adapter";
    case Feature::kAuditLog:
      return "an audit log of writes";
    case Feature::kMultiTenancy:
      return "tenant isolation";
    case Feature::kRateLimiting:
      return "per-user and per-IP rate limits";
  }
  return "";
}

void Overview(const Plan& p, std::string& md) {
  const AppSpec& s = p.spec;
  md += "# " + MarkdownInline(s.title.empty() ? s.name : s.title) + ": backend plan\n\n";
  if (!s.description.empty()) md += MarkdownInline(s.description) + "\n\n";
  md += "## Overview\n\n";
  md += "| | |\n|---|---|\n";
  md += "| Project | " + Code(s.name) + " |\n";
  md += "| Stack | " + MarkdownCell(p.stack.chosen.label) + " (" + Code(p.stack.chosen.target) +
        ") |\n";
  md += "| Database | " + MarkdownCell(p.stack.database.label) + " |\n";
  md += "| Entities | " + std::to_string(s.entities.size()) + " |\n";
  md += "| Relations | " + std::to_string(s.relations.size()) + " |\n";
  md += "| Endpoints | " + std::to_string(p.endpoints.size()) + " |\n";
  std::vector<std::string> roles;
  for (const auto& r : s.roles) roles.push_back(Code(r));
  md += "| Roles | " + (roles.empty() ? std::string("none") : Join(roles, ", ")) + " |\n\n";
  md += "### Features\n\n";
  if (s.features.empty()) md += "None beyond CRUD.\n";
  for (auto f : s.features) md += "- " + Code(spec::ToString(f)) + ": " + FeatureText(f) + "\n";
  md += "\n## Assumptions\n\n";
  if (p.assumptions.empty()) md += "None recorded.\n";
  for (const auto& a : p.assumptions) md += "- " + MarkdownInline(a) + "\n";
  md += "\n";
}

void Stack(const Plan& p, std::string& md) {
  const StackRecommendation& r = p.stack;
  md += "## Recommended stack\n\n";
  md += "**" + MarkdownInline(r.chosen.label) + "** (" + Code(r.chosen.target) + ", " +
        (r.chosen.available ? "generated today" : "planned: not generated yet") + ") with **" +
        MarkdownInline(r.database.label) + "**" + (r.userOverride ? " (user choice)" : "") +
        ". Score " + Fmt(r.chosen.score) + ".\n\n";
  for (const auto& why : r.chosen.reasons) md += "- " + MarkdownInline(why) + "\n";
  md += "\nDatabase:\n\n";
  for (const auto& why : r.database.reasons) md += "- " + MarkdownInline(why) + "\n";
  md += "\n### Stack alternatives\n\n";
  md += "| Target | Stack | Score | Status | Why not chosen |\n|---|---|---:|---|---|\n";
  for (const auto& a : r.alternatives) {
    std::vector<std::string> lower;
    for (const auto& why : a.reasons) {
      if (!StartsWith(why, "strength:") && why.find(": +") == std::string::npos)
        lower.push_back(why);
    }
    md += "| " + Code(a.target) + " | " + MarkdownCell(a.label) + " | " + Fmt(a.score) + " | " +
          (a.available ? "generated" : "planned") + " | " + MarkdownCell(Join(lower, "; ")) +
          " |\n";
  }
  md += "\n### Database alternatives\n\n";
  md += "| Database | Score | Status | Why not chosen |\n|---|---:|---|---|\n";
  for (const auto& a : r.databaseAlternatives) {
    std::vector<std::string> lower;
    for (const auto& why : a.reasons) {
      if (!StartsWith(why, "strength:") && why.find(": +") == std::string::npos)
        lower.push_back(why);
    }
    md += "| " + MarkdownCell(a.label) + " | " + Fmt(a.score) + " | " +
          (a.available ? "supported" : "planned") + " | " + MarkdownCell(Join(lower, "; ")) +
          " |\n";
  }
  md +=
      "\nScores are weighted sums (criterion weight x fit from 0 to 1, for the criteria that "
      "apply); "
      "docs/PLAN.md lists every weight.\n\n";
}

std::string AccessCell(const AppSpec& s, const std::vector<std::string>& who) {
  std::vector<std::string> out = who;
  auto has = [&](std::string_view x) { return std::find(out.begin(), out.end(), x) != out.end(); };
  if (s.auth.enabled && !has("public") && !has("authenticated") && !has(s.auth.adminRole)) {
    out.push_back(s.auth.adminRole);
  }
  return MarkdownCell(Join(out, ", "));
}

void Entities(const Plan& p, std::string& md) {
  const AppSpec& s = p.spec;
  md += "## Data model\n\n";
  md +=
      "Every table has a UUID primary key `id`; entities with timestamps get `createdAt` and "
      "`updatedAt`, "
      "set by the server. Foreign keys are named `<accessor>Id`.\n\n";
  std::vector<Table> tables = BuildTables(s);
  for (const auto& t : tables) {
    if (t.isJoin) continue;
    const spec::Entity& e = *t.entity;
    md += "### " + Code(e.name) + "\n\n";
    if (!e.description.empty()) md += MarkdownInline(e.description) + "\n\n";
    md += "Collection " + Code(CollectionPath(e));
    if (e.owner) md += "; owned by the " + Code(s.auth.userEntity) + " in " + Code(*e.owner + "Id");
    if (s.auth.enabled && e.name == s.auth.userEntity) md += "; the accounts that log in";
    md += ".\n\n";
    spec::Access a = spec::EffectiveAccess(s, e);
    md += "| Operation | Who may | Rule source |\n|---|---|---|\n";
    std::string source = e.access ? "spec" : "default";
    md += "| read | " + AccessCell(s, a.read) + " | " + source + " |\n";
    md += "| create | " + AccessCell(s, a.create) + " | " + source + " |\n";
    md += "| update | " + AccessCell(s, a.update) + " | " + source + " |\n";
    md += "| delete | " + AccessCell(s, a.remove) + " | " + source + " |\n\n";
    md += "| Column | Type | Key | Constraints | Description |\n|---|---|---|---|---|\n";
    for (const auto& c : t.columns) {
      std::string key = c.primaryKey   ? "PK"
                        : c.foreignKey ? "FK -> " + c.references
                        : c.unique     ? "UK"
                                       : "";
      std::string desc;
      if (c.origin == ColumnOrigin::kField) {
        if (const spec::Field* f = e.FindField(c.name)) desc = f->description;
      }
      md += "| " + Code(c.name) + " | " + c.type + " | " + key + " | " +
            MarkdownCell(Join(c.constraints, ", ")) + " | " + MarkdownCell(desc) + " |\n";
    }
    md += "\n";
  }
  md += "### Relations\n\n";
  if (s.relations.empty()) md += "None.\n\n";
  if (!s.relations.empty()) {
    md +=
        "| From | Kind | To | Accessor on from | Accessor on to | Stored as | On delete |\n"
        "|---|---|---|---|---|---|---|\n";
    std::vector<JoinTable> joins = JoinTables(s);
    for (size_t i = 0; i < s.relations.size(); ++i) {
      const spec::Relation& r = s.relations[i];
      std::string stored =
          r.kind == spec::RelationKind::kManyToMany
              ? "join table " + Code(joins[i].name) + " (" + Code(joins[i].fromColumn) + ", " +
                    Code(joins[i].toColumn) + ")"
              : Code(r.to + "." + r.inverse + "Id") + (r.required ? " not null" : " nullable") +
                    (r.kind == spec::RelationKind::kOneToOne ? ", unique" : "");
      md += "| " + Code(r.from) + " | " + std::string(spec::ToString(r.kind)) +
            (r.from == r.to ? " (self)" : "") + " | " + Code(r.to) + " | " + Code(r.name) + " | " +
            Code(r.inverse) + " | " + stored + " | " +
            std::string(r.kind == spec::RelationKind::kManyToMany ? "cascade (join rows)"
                                                                  : spec::ToString(r.onDelete)) +
            " |\n";
    }
    md += "\n";
  }
}

void MermaidBlock(const Diagram& d, std::string& md) {
  md += "```mermaid\n" + d.source + "```\n\n";
}

void Diagrams(const Plan& p, std::string& md, DiagramKind kind, std::string_view heading) {
  bool any = false;
  for (const auto& d : p.diagrams) {
    if (d.kind != kind) continue;
    if (!any) md += std::string(heading);
    any = true;
    if (kind != DiagramKind::kEr) md += "### " + MarkdownInline(d.title) + "\n\n";
    MermaidBlock(d, md);
  }
}

void Api(const Plan& p, std::string& md) {
  md += "## API\n\n";
  md += std::string(kUrlConvention) + "\n\n";
  md +=
      "List endpoints answer `{\"data\", \"page\", \"limit\", \"total\"}` and take `page` (from 1), `limit` "
      "(default 20, at most 100), `sort` (`field` or `-field`, default `-createdAt`) and exact-match filters "
      "on scalar fields (`?status=open`). Errors are RFC 9457 `application/problem+json`; validation "
      "errors list every field.\n\n";
  md += "| Method | Path | Who may call | Responses | Summary |\n|---|---|---|---|---|\n";
  for (const auto& ep : p.endpoints) {
    std::vector<std::string> codes;
    for (int c : ep.statuses) codes.push_back(std::to_string(c));
    md += "| " + ep.method + " | " + Code(ep.path) + " | " + MarkdownCell(ep.AccessText()) + " | " +
          Join(codes, ", ") + " | " + MarkdownCell(ep.summary) + " |\n";
  }
  md += "\n";
}

}  // namespace

std::string RenderMarkdown(const Plan& p) {
  std::string md;
  md.reserve(16384);
  Overview(p, md);
  Stack(p, md);
  Entities(p, md);
  Diagrams(p, md, DiagramKind::kEr, "### ER diagram\n\n");
  Api(p, md);
  Diagrams(p, md, DiagramKind::kSequence, "## Flows\n\n");
  Diagrams(p, md, DiagramKind::kFlowchart, "## Architecture\n\n");
  md += "## Security\n\nOWASP API Security Top 10 (2023) items that apply:\n\n";
  for (const auto& n : p.security) {
    // Notes and testing lines are built from identifiers and fixed text: no escaping needed.
    md += "- **" + n.id + " " + n.title + "**: " + n.measure + "\n";
  }
  md += "\n## Testing strategy\n\n";
  for (size_t i = 0; i < p.testing.size(); ++i) {
    md += std::to_string(i + 1) + ". " + p.testing[i] + "\n";
  }
  return md;
}

}  // namespace bf::plan
