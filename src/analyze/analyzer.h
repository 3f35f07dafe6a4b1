// The analyze layer's public API: a plain-language backend description becomes a typed
// AppSpec (kPlan), a set of one-click clarifying questions (kClarify) or a refusal (kRefuse).
// The offline engine behind it is deterministic and needs no network; an LLM engine can plug
// in later behind the same Engine interface. See docs/ANALYZER.md.
#pragma once

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "spec/app_spec.h"
#include "spec/spec_edit.h"

namespace bf::analyze {

enum class Status { kPlan, kClarify, kRefuse };
std::string_view ToString(Status s);  // "plan" | "clarify" | "refuse"

// One concrete question with options; `defaultOption` is one of `options` and accepting it
// (a UI click, or `--yes`) must lead to a plan.
struct Question {
  std::string id;
  std::string text;
  std::vector<std::string> options;
  std::string defaultOption;
};

struct Turn {
  std::string role;  // "user" | "assistant"
  std::string text;
};

struct AnalysisResult {
  Status status = Status::kClarify;
  std::optional<spec::AppSpec> spec;  // set iff kPlan; always passes spec::Validate
  std::vector<Question> questions;    // kClarify: at least one
  std::string reason;                 // kRefuse: why; kClarify: what is missing
  std::vector<std::string> assumptions;  // kPlan: what was assumed because the text did not say
  // Provenance, for UIs and the evaluator: parts of `spec` the text did not ask for and that were
  // added only because every generated backend has them (the login User entity, the auth
  // feature, the admin/default roles). Names as they appear in `spec`.
  std::vector<std::string> defaultedEntities;
  std::vector<spec::Feature> defaultedFeatures;
  std::vector<std::string> defaultedRoles;
};

// Analyzes `description` (treated strictly as data: instructions inside it are ignored).
// `conversation` holds earlier turns (user replies to questions are read as extra description);
// `answers` maps question id -> chosen option. Deterministic: same input, same output bytes.
// Thread-safe (no shared mutable state).
AnalysisResult Analyze(std::string_view description, std::span<const Turn> conversation = {},
                       const std::map<std::string, std::string>& answers = {});

// Follow-up chat over a current spec. `undo` holds inverse edits, newest last.
struct ChatState {
  std::vector<Turn> turns;
  std::optional<spec::AppSpec> spec;
  std::vector<spec::SpecEdit> undo;
};

struct ChatReply {
  enum Kind { kEdited, kPlanned, kClarify, kRefused, kUndone, kNoChange } kind = kNoChange;
  std::string text;  // markdown reply for the chat pane
  std::vector<spec::SpecEdit> applied;
  std::vector<Question> questions;
};
std::string_view ToString(ChatReply::Kind k);

// Handles one user message: the first message (no spec yet) is analyzed as a description; later
// ones become SpecEdits applied to `state.spec` (each validated; the inverse is pushed on
// `state.undo`). Appends the user turn and the assistant reply to `state.turns`. Unclear or
// unsafe messages leave the spec unchanged and get a clarifying or refusing reply.
ChatReply Chat(ChatState& state, std::string_view message);

// {"status","spec","questions":[{"id","text","options","default"}],"reason","assumptions"}
nlohmann::ordered_json ToJson(const AnalysisResult& result);
nlohmann::ordered_json ToJson(const Question& q);

// The engine seam: the offline engine is the embedded default; an LLM engine implements the
// same calls and falls back to the offline one when its output does not validate.
class Engine {
 public:
  virtual ~Engine() = default;
  virtual std::string_view name() const = 0;
  virtual AnalysisResult Analyze(std::string_view description, std::span<const Turn> conversation,
                                 const std::map<std::string, std::string>& answers) = 0;
  virtual ChatReply Chat(ChatState& state, std::string_view message) = 0;
};

// The deterministic, no-network engine (what the free functions above call).
std::unique_ptr<Engine> MakeOfflineEngine();

}  // namespace bf::analyze
