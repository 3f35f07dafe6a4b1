// The documents the store keeps. Plain structs, no behaviour: the store interface (store.h) reads
// and writes them whole, so a document database can hold each as one document later.
// Times are milliseconds since the Unix epoch (UTC); ids are random UUID strings.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bf::store {

using Millis = int64_t;

// A member's role in a workspace; ordered by power (viewer < editor < owner).
enum class Role { kViewer = 0, kEditor = 1, kOwner = 2 };
std::string_view ToString(Role r);
std::optional<Role> ParseRole(std::string_view s);

struct User {
  std::string id;
  std::string email;  // stored lower-cased; unique
  std::string name;
  std::string passwordHash;  // argon2id encoded string; never leaves the server
  bool analyticsOptIn = false;
  Millis createdAt = 0;
};

struct Workspace {
  std::string id;
  std::string name;
  bool personal = false;  // created at registration; one per user
  std::string ownerId;
  Millis createdAt = 0;
};

// A workspace as one user sees it.
struct WorkspaceView {
  Workspace workspace;
  Role role = Role::kViewer;
};

struct Member {
  std::string userId;
  std::string email;
  std::string name;
  Role role = Role::kViewer;
  Millis createdAt = 0;
};

// Project status: "draft" (no spec yet), "clarifying", "planned", "generating", "generated",
// "testing", "tested", "failed".
struct Project {
  std::string id;
  std::string workspaceId;
  std::string name;
  std::string description;
  std::string status = "draft";
  std::string stack;     // target id, e.g. "node-express"; empty = planner's choice
  std::string database;  // e.g. "sqlite"; empty = target default
  int specVersion = 0;   // 0: no spec yet
  nlohmann::json spec;   // the current AppSpec JSON (null when specVersion == 0)
  // The analyzer's conversation state besides the messages: undo stack, pending questions.
  nlohmann::json chatState = nlohmann::json::object();
  std::string createdBy;
  Millis createdAt = 0;
  Millis updatedAt = 0;
};

// A project as one user sees it (the role comes from the workspace membership).
struct ProjectView {
  Project project;
  Role role = Role::kViewer;
};

struct SpecVersion {
  std::string projectId;
  int version = 0;
  nlohmann::json spec;
  std::string source;   // "analysis" | "chat" | "put" | "undo"
  std::string summary;  // what changed, one line
  std::string authorId;
  Millis createdAt = 0;
};

struct ChatMessage {
  int64_t id = 0;  // increasing per store
  std::string projectId;
  std::string role;  // "user" | "assistant"
  std::string text;
  nlohmann::json payload = nlohmann::json::object();  // reply kind, questions, applied edits
  std::string authorId;
  Millis createdAt = 0;
};

struct ChatHit {
  ChatMessage message;
  std::string snippet;  // with [ ] around matches
  double rank = 0;      // bm25: lower is better
};

struct PlanRecord {
  std::string projectId;
  int specVersion = 0;
  std::string markdown;
  Millis createdAt = 0;
};

// Job status: "queued", "running", "succeeded", "failed", "cancelled", "interrupted".
struct Job {
  std::string id;
  std::string projectId;
  std::string workspaceId;
  std::string kind;  // "generate" | "test"
  std::string status = "queued";
  int progress = 0;  // 0..100
  std::string message;
  nlohmann::json params = nlohmann::json::object();
  nlohmann::json result = nlohmann::json::object();
  std::string logTail;  // the last lines of the log (bounded)
  bool cancelRequested = false;
  std::string createdBy;
  Millis createdAt = 0;
  Millis startedAt = 0;
  Millis finishedAt = 0;
};
bool IsFinished(const Job& job);

struct TestRun {
  std::string id;
  std::string projectId;
  std::string jobId;
  std::string phase;   // "red" | "green" | "run"
  std::string status;  // "passed" | "failed" | "error"
  int passed = 0;
  int failed = 0;
  int skipped = 0;
  int64_t durationMs = 0;
  nlohmann::json results = nlohmann::json::array();  // [{name, status, message}]
  Millis createdAt = 0;
};

struct DocEntry {
  std::string projectId;
  std::string path;  // e.g. "history.md"
  std::string content;
  int version = 0;
  std::string authorId;
  Millis updatedAt = 0;
};

// One section of a document's latest version: the text under a Markdown heading up to the next
// heading (the text before the first heading is the section "top"). Indexed for full-text search.
struct DocSection {
  std::string id;  // "<path>#<slug>", stable while the heading keeps its text
  std::string path;
  std::string title;  // the heading's text; the path for "top"
  int level = 0;      // 1..6 for "#".."######"; 0 for "top"
  int position = 0;   // order in the document
  std::string body;
  Millis updatedAt = 0;  // when this section's title or body last changed
};

struct DocHit {
  DocSection section;
  std::string snippet;  // with [ ] around matches
  double rank = 0;      // bm25, title weighted over body: lower is better
};

// A login session: the family of refresh tokens issued from one login.
struct Session {
  std::string id;
  std::string userId;
  Millis createdAt = 0;
  Millis expiresAt = 0;
  Millis revokedAt = 0;  // 0: active
};

struct RefreshToken {
  std::string tokenHash;  // SHA-256 hex of the opaque token; the token itself is never stored
  std::string sessionId;
  std::string userId;
  Millis createdAt = 0;
  Millis expiresAt = 0;
  Millis usedAt = 0;  // set when rotated
};

struct ApiToken {
  std::string id;
  std::string userId;
  std::string name;
  std::string tokenHash;
  std::string prefix;  // the first characters, to recognise a token in a list
  Millis createdAt = 0;
  Millis lastUsedAt = 0;
  Millis revokedAt = 0;
};

struct AuditEvent {
  int64_t id = 0;
  Millis at = 0;
  std::string actorId;
  std::string workspaceId;
  std::string action;  // e.g. "project.create", "auth.login_failed"
  std::string target;
  std::string ip;
  nlohmann::json details = nlohmann::json::object();
};

struct AnalyticsEvent {
  Millis at = 0;
  std::string userId;
  std::string name;
  nlohmann::json props = nlohmann::json::object();
};

}  // namespace bf::store
