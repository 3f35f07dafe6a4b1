// The seam between the chat endpoint and the analyze + plan layers. The product implementation
// (analyzer_assistant.cc) calls analyze::Analyze / analyze::Chat and plan::MakePlan; handler unit
// tests use a deterministic fake (test_support.h), never linked into the product.
#pragma once

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "spec/app_spec.h"
#include "spec/spec_edit.h"

namespace bf::server {

struct ChatLine {
  std::string role;  // "user" | "assistant"
  std::string text;
};

// What the assistant knows about a project's conversation. Persisted by the server between
// messages (turns in the messages table, the rest in the project's chat state).
struct AssistantState {
  std::vector<ChatLine> turns;  // oldest first (recent turns plus earlier ones found by search)
  std::optional<spec::AppSpec> spec;
  std::vector<spec::SpecEdit> undo;  // inverse edits, newest last
};

struct AssistantReply {
  // "planned" (a new spec), "clarify" (questions), "refused", "edited", "undone", "no_change"
  std::string kind = "no_change";
  std::string text;  // Markdown for the chat pane
  nlohmann::json questions = nlohmann::json::array();  // [{"id","text","options","default"}]
  nlohmann::json applied = nlohmann::json::array();    // SpecEdit JSON of the applied edits
  std::vector<std::string> assumptions;
};

class Assistant {
 public:
  virtual ~Assistant() = default;
  virtual std::string name() const = 0;
  // Handles one user message. Without a spec, `description` (the project's) plus `message` and
  // `answers` (question id -> option) are analyzed; with one, the message becomes edits of
  // state.spec (pushing inverses on state.undo). Appends the turns to state.turns.
  // Deterministic for the offline engine; thread-safe.
  virtual AssistantReply Reply(AssistantState& state, const std::string& description, const std::string& message,
                               const std::map<std::string, std::string>& answers) = 0;
  // The Markdown plan of a spec (stack recommendation, diagrams, endpoints).
  virtual std::string Plan(const spec::AppSpec& spec, const std::vector<std::string>& assumptions,
                           const std::string& request) = 0;
};

// The analyzer + planner of this build (the offline engine).
std::unique_ptr<Assistant> MakeProductAssistant();

}  // namespace bf::server
