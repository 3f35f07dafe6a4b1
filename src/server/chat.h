// One chat turn of a project: load the conversation state, ask the assistant, persist both
// messages with the resulting spec version and plan atomically, publish the events. Shared by
// POST /api/projects/{pid}/messages and the WebSocket "chat" message.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "common/result.h"
#include "server/app.h"

namespace bf::server {

struct ChatOutcome {
  nlohmann::ordered_json userMessage;
  nlohmann::ordered_json reply;  // the assistant's message (payload: kind, questions, applied, ...)
  int specVersion = 0;
  bool specChanged = false;
  nlohmann::json spec;  // the current spec (null when none)
};

// Errors: "chat.unavailable" (no analyzer in this build), "validation.failed", store errors.
// The caller has checked that `principal` may write the project.
Result<ChatOutcome> RunChatTurn(App& app, const Principal& principal, const std::string& project_id,
                                const std::string& text, const std::map<std::string, std::string>& answers);

// How many recent turns the assistant sees, and how many earlier ones full-text search adds.
inline constexpr int kRecentTurns = 40;
inline constexpr int kRecalledTurns = 6;

}  // namespace bf::server
