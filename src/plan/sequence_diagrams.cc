// Sequence diagrams: the auth flow (register, login, me, refresh rotation), creating the main
// entity with the ownership check on update, and the SSE event stream.
#include <algorithm>

#include "common/strings.h"
#include "plan/data_model.h"
#include "plan/diagrams.h"
#include "plan/mermaid_text.h"
#include "spec/naming.h"

namespace bf::plan {
namespace {

using spec::AppSpec;
using spec::Entity;

// Appends one line of a sequence diagram; `text` is escaped as a mermaid label.
class Seq {
 public:
  Seq() : s_("sequenceDiagram\n  autonumber\n") {}
  void Participant(std::string_view id, std::string_view label) {
    s_ += "  participant " + std::string(id) + " as " + MermaidLabel(label) + "\n";
  }
  void Msg(std::string_view from, std::string_view arrow, std::string_view to,
           std::string_view text) {
    s_ += Indent() + std::string(from) + std::string(arrow) + std::string(to) + ": " +
          MermaidLabel(text) + "\n";
  }
  void Note(std::string_view over, std::string_view text) {
    s_ += Indent() + "Note over " + std::string(over) + ": " + MermaidLabel(text) + "\n";
  }
  void Open(std::string_view keyword, std::string_view text) {
    s_ += Indent() + std::string(keyword) + " " + MermaidLabel(text) + "\n";
    ++depth_;
  }
  void Else(std::string_view text) {
    --depth_;
    s_ += Indent() + "else " + MermaidLabel(text) + "\n";
    ++depth_;
  }
  void Close() {
    --depth_;
    s_ += Indent() + "end\n";
  }
  std::string Take() { return std::move(s_); }

 private:
  std::string Indent() const { return std::string(2 + 2 * static_cast<size_t>(depth_), ' '); }
  std::string s_;
  int depth_ = 0;
};

// A short example request body: the first few required fields, else the first fields.
std::string BodyFields(const Entity& e) {
  std::vector<std::string> names;
  for (const auto& f : e.fields) {
    if (f.required && names.size() < 3) names.push_back(f.name);
  }
  for (const auto& f : e.fields) {
    if (names.size() >= 3) break;
    if (std::find(names.begin(), names.end(), f.name) == names.end()) names.push_back(f.name);
  }
  if (names.empty()) return "{}";
  std::string out = "{";  // appended, not "{" + string: GCC 12 -Wrestrict false positive
  out += Join(names, ", ");
  out += e.fields.size() > names.size() ? ", ...}" : "}";
  return out;
}

bool Has(const std::vector<std::string>& v, std::string_view s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

std::string Service(const Entity& e) { return e.name + "Service"; }

std::string Principals(const AppSpec& spec, const std::vector<std::string>& who) {
  std::vector<std::string> out = who;
  if (spec.auth.enabled && !Has(out, "public") && !Has(out, "authenticated") &&
      !Has(out, spec.auth.adminRole)) {
    out.push_back(spec.auth.adminRole);
  }
  return Join(out, " or ");
}

}  // namespace

std::string_view ToString(DiagramKind k) {
  switch (k) {
    case DiagramKind::kEr:
      return "er";
    case DiagramKind::kSequence:
      return "sequence";
    case DiagramKind::kFlowchart:
      return "flowchart";
  }
  return "?";
}

const Entity* MainEntity(const AppSpec& spec) {
  auto relations_of = [&](const Entity& e) {
    return std::count_if(
        spec.relations.begin(), spec.relations.end(),
        [&](const spec::Relation& r) { return r.from == e.name || r.to == e.name; });
  };
  auto is_user = [&](const Entity& e) {
    return spec.auth.enabled && e.name == spec.auth.userEntity;
  };
  // The best connected entity among those passing `eligible` (ties: more fields, then spec order).
  auto best_of = [&](auto eligible) {
    const Entity* best = nullptr;
    for (const auto& e : spec.entities) {
      if (!eligible(e)) continue;
      auto rel = relations_of(e);
      if (!best || rel > relations_of(*best) ||
          (rel == relations_of(*best) && e.fields.size() > best->fields.size())) {
        best = &e;
      }
    }
    return best;
  };
  if (const Entity* owned = best_of([&](const Entity& e) { return e.owner && !is_user(e); }))
    return owned;
  if (const Entity* other = best_of([&](const Entity& e) { return !is_user(e); })) return other;
  return spec.entities.empty() ? nullptr : &spec.entities.front();
}

Diagram AuthSequence(const AppSpec& spec) {
  const spec::Auth& a = spec.auth;
  Seq q;
  q.Participant("C", "Client");
  q.Participant("A", "API");
  q.Participant("S", "AuthService");
  q.Participant("D", "Database");
  q.Msg("C", "->>", "A", "POST /auth/register {" + a.identityField + ", password, ...}");
  q.Msg("A", "->>", "S", "validate against the strict schema (unknown fields rejected)");
  q.Msg("S", "->>", "D",
        "INSERT " + a.userEntity + " (passwordHash = argon2id(password), role = " + a.defaultRole +
            ")");
  q.Msg("A", "-->>", "C",
        "201 " + a.userEntity + " (no password hash), or 409 when the " + a.identityField +
            " is taken");
  q.Msg("C", "->>", "A", "POST /auth/login {" + a.identityField + ", password}");
  q.Msg("A", "->>", "S", "login (rate limited per IP and account)");
  q.Msg("S", "->>", "D", "SELECT " + a.userEntity + " by " + a.identityField);
  q.Msg("S", "->>", "S", "argon2id verify (constant time, dummy hash when unknown)");
  q.Open("alt", "valid credentials");
  q.Msg("S", "->>", "D", "store hash of a new refresh token (new token family)");
  q.Msg("A", "-->>", "C",
        "200 {accessToken (" + std::to_string(a.accessTokenMinutes) + " min), refreshToken (" +
            std::to_string(a.refreshTokenDays) + " days)}");
  q.Else("wrong " + a.identityField + " or password");
  q.Msg("A", "-->>", "C", "401 problem+json (same answer for both cases)");
  q.Close();
  q.Msg("C", "->>", "A", "GET /auth/me with Authorization: Bearer accessToken");
  q.Msg("A", "->>", "A", "verify JWT signature, exp and issuer");
  q.Msg("A", "-->>", "C", "200 the signed-in " + a.userEntity);
  q.Note("C,A",
         "the access token expires after " + std::to_string(a.accessTokenMinutes) + " minutes");
  q.Msg("C", "->>", "A", "POST /auth/refresh {refreshToken}");
  q.Msg("A", "->>", "S", "rotate");
  q.Msg("S", "->>", "D", "find the token hash; check not expired or revoked");
  q.Open("alt", "valid and never used");
  q.Msg("S", "->>", "D", "revoke the old token, store the new one (same family)");
  q.Msg("A", "-->>", "C", "200 {new accessToken, new refreshToken}");
  q.Else("reused, revoked or expired");
  q.Msg("S", "->>", "D", "revoke the whole token family (stolen-token defence)");
  q.Msg("A", "-->>", "C", "401 problem+json");
  q.Close();
  return {DiagramKind::kSequence, "sequence-auth", "Register, login and token refresh", q.Take()};
}

Diagram CreateSequence(const AppSpec& spec, const Entity& e) {
  spec::Access access = spec::EffectiveAccess(spec, e);
  const spec::Relation* owner = OwnerRelation(spec, e);
  std::string coll = CollectionPath(e);
  bool auth = spec.auth.enabled;
  Seq q;
  q.Participant("C", "Client");
  q.Participant("A", "API");
  q.Participant("S", Service(e));
  q.Participant("D", "Database");
  q.Msg("C", "->>", "A", "POST " + coll + " " + BodyFields(e) + (auth ? " + Bearer token" : ""));
  if (auth) {
    q.Msg("A", "->>", "A", "verify the access token (401 when missing or invalid)");
    if (!Has(access.create, "authenticated") && !Has(access.create, "public")) {
      q.Msg("A", "->>", "A", "check role: " + Principals(spec, access.create) + " (403 otherwise)");
    }
  }
  q.Msg("A", "->>", "A",
        "validate the body (strict schema: id, timestamps" +
            std::string(owner ? ", " + owner->inverse + "Id" : "") +
            " and unknown fields rejected, 422 with field errors)");
  q.Msg("A", "->>", "S", "create(input" + std::string(auth ? ", caller" : "") + ")");
  if (owner) {
    q.Msg("S", "->>", "D", "INSERT " + e.name + " (" + owner->inverse + "Id = caller.id)");
  } else {
    q.Msg("S", "->>", "D", "INSERT " + e.name);
  }
  q.Msg("D", "-->>", "S", "new row");
  q.Msg("A", "-->>", "C", "201 " + e.name + " with Location: " + coll + "/{id}");
  q.Msg("C", "->>", "A", "PATCH " + coll + "/{id} {changes}");
  q.Msg("A", "->>", "S", "update(id, changes" + std::string(auth ? ", caller" : "") + ")");
  q.Msg("S", "->>", "D", "SELECT " + e.name + " by id");
  q.Open("alt", "no such " + e.name);
  q.Msg("A", "-->>", "C", "404 problem+json");
  if (auth && owner && Has(access.update, "owner")) {
    q.Else("caller is not the owner (" + owner->inverse + "Id != caller.id) and not " +
           spec.auth.adminRole);
    q.Msg("A", "-->>", "C", "403 problem+json (ownership check, OWASP API1)");
    q.Else("owner or " + spec.auth.adminRole);
  } else if (auth && !Has(access.update, "public") && !Has(access.update, "authenticated")) {
    q.Else("caller is not " + Principals(spec, access.update));
    q.Msg("A", "-->>", "C", "403 problem+json");
    q.Else("caller is " + Principals(spec, access.update));
  } else {
    q.Else("found");
  }
  q.Msg("S", "->>", "D", "UPDATE " + e.name + " SET changes, updatedAt");
  q.Msg("A", "-->>", "C", "200 updated " + e.name);
  q.Close();
  return {DiagramKind::kSequence, "sequence-create-" + PathSegment(e.name),
          "Create and update: " + e.name +
              (owner  ? " (ownership check)"
               : auth ? " (access check)"
                      : " (no auth)"),
          q.Take()};
}

Diagram EventsSequence(const AppSpec& spec, const Entity& e) {
  bool auth = spec.auth.enabled;
  std::string event = naming::ToCamelCase(e.name) + ".created";
  Seq q;
  q.Participant("C", "Subscriber");
  q.Participant("A", "API");
  q.Participant("H", "SSE hub");
  q.Participant("S", Service(e));
  q.Participant("W", "Writer");
  q.Msg(
      "C", "->>", "A",
      std::string("GET /api/events (Accept: text/event-stream") + (auth ? ", Bearer token)" : ")"));
  if (auth) {
    q.Note("C,A",
           "browsers' EventSource cannot set headers: use a fetch-based SSE client that sends "
           "Authorization, never a token in the URL");
    q.Msg("A", "->>", "A", "verify the access token (401 otherwise)");
  }
  q.Msg("A", "->>", "H", "subscribe(connection" + std::string(auth ? ", caller" : "") + ")");
  q.Msg("A", "-->>", "C", "200 text/event-stream, retry: 3000");
  q.Msg("W", "->>", "A", "POST " + CollectionPath(e) + " " + BodyFields(e));
  q.Msg("A", "->>", "S", "create(...)");
  q.Msg("S", "->>", "H", "publish " + event + " {id, ...} after the commit");
  if (auth) q.Msg("H", "->>", "H", "deliver only to subscribers who may read this " + e.name);
  q.Msg("H", "-->>", "C", "id: 42, event: " + event + ", data: {...}");
  if (spec.HasFeature(spec::Feature::kNotifications)) {
    q.Msg("H", "-->>", "C", "event: notification.created (to the recipient only)");
  }
  q.Open("loop", "every 25 seconds");
  q.Msg("H", "-->>", "C", "comment line (heartbeat keeps proxies from closing the stream)");
  q.Close();
  q.Note("C,H",
         "after a drop the client reconnects with Last-Event-ID; the hub replays missed events");
  q.Msg("C", "->>", "A", "GET /api/events (Last-Event-ID: 42)");
  q.Msg("H", "-->>", "C", "events after 42, then live events");
  return {DiagramKind::kSequence, "sequence-events", "Real-time events over SSE", q.Take()};
}

}  // namespace bf::plan
