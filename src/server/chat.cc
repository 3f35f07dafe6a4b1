#include "server/chat.h"

#include <algorithm>
#include <map>

#include "server/log.h"
#include "server/project_docs.h"
#include "server/views.h"
#include "spec/spec_json.h"

namespace bf::server {

namespace {

template <class J>
nlohmann::json Plain(const J& j) {
  return nlohmann::json::parse(j.dump());
}

// The conversation the assistant sees: the last kRecentTurns messages plus the earlier ones
// most relevant to the new text (FTS5), oldest first. Bounded work however long the chat is.
Result<std::vector<ChatLine>> LoadTurns(App& app, const std::string& project_id, const std::string& text) {
  auto recent = app.store.RecentMessages(project_id, kRecentTurns);
  if (!recent) return recent.error();
  std::map<int64_t, ChatLine> turns;
  for (const auto& m : *recent) turns[m.id] = ChatLine{m.role, m.text};
  if (static_cast<int>(recent->size()) == kRecentTurns) {
    int64_t oldest = recent->front().id;
    auto hits = app.store.SearchMessages(project_id, text, kRecalledTurns * 2);
    if (hits) {
      int added = 0;
      for (const auto& h : *hits) {
        if (added >= kRecalledTurns) break;
        if (h.message.id < oldest && turns.emplace(h.message.id, ChatLine{h.message.role, h.message.text}).second) ++added;
      }
    }
  }
  std::vector<ChatLine> out;
  for (auto& [id, line] : turns) out.push_back(std::move(line));
  return out;
}

}  // namespace

Result<ChatOutcome> RunChatTurn(App& app, const Principal& principal, const std::string& project_id,
                                const std::string& text, const std::map<std::string, std::string>& answers) {
  if (!app.assistant) {
    return MakeError("chat.unavailable", "this server was built without the analyzer; chat is unavailable");
  }
  // The store refuses a turn computed from a stale spec version: reload and try again.
  for (int attempt = 0; attempt < 3; ++attempt) {
    auto view = app.store.GetProject(principal.userId, project_id);
    if (!view) return view.error();
    const store::Project& p = view->project;

    AssistantState state;
    if (p.specVersion > 0) {
      spec::LoadedSpec loaded = spec::LoadSpec(p.spec);
      if (loaded.spec) state.spec = std::move(*loaded.spec);
    }
    // Undo entries are only valid for the spec version they were recorded against.
    if (p.chatState.value("specVersion", -1) == p.specVersion) {
      for (const auto& e : p.chatState.value("undo", nlohmann::json::array())) {
        auto edit = spec::EditFromJson(e);
        if (edit) state.undo.push_back(std::move(*edit));
      }
    }
    auto turns = LoadTurns(app, project_id, text);
    if (!turns) return turns.error();
    state.turns = std::move(*turns);
    std::optional<spec::AppSpec> before = state.spec;

    AssistantReply reply = app.assistant->Reply(state, p.description, text, answers);

    bool changed = state.spec.has_value() && (!before || !(*before == *state.spec));
    int64_t now = app.clock.NowMillis();
    store::ChatTurn turn;
    turn.projectId = project_id;
    turn.expectedSpecVersion = p.specVersion;
    turn.at = now;
    turn.user = store::ChatMessage{0, project_id, "user", text, {{"answers", answers}}, principal.userId, now};
    nlohmann::json payload = {{"kind", reply.kind},
                              {"questions", reply.questions},
                              {"applied", reply.applied},
                              {"assumptions", reply.assumptions}};
    turn.assistant = store::ChatMessage{0, project_id, "assistant", reply.text, payload, "", now};
    if (changed) {
      store::SpecVersion sv;
      sv.projectId = project_id;
      sv.spec = Plain(spec::ToJson(*state.spec));
      sv.source = reply.kind == "planned" ? "analysis" : (reply.kind == "undone" ? "undo" : "chat");
      sv.summary = reply.text.substr(0, 200);
      sv.authorId = principal.userId;
      sv.createdAt = now;
      turn.newSpec = sv;
      turn.planMarkdown = app.assistant->Plan(*state.spec, reply.assumptions, p.description + "\n" + text);
    }
    nlohmann::json undo = nlohmann::json::array();
    for (const auto& e : state.undo) undo.push_back(Plain(spec::ToJson(e)));
    turn.chatState = {{"undo", undo}, {"specVersion", changed ? p.specVersion + 1 : p.specVersion}};
    if (reply.kind == "planned") turn.status = "planned";
    if (reply.kind == "clarify" && p.specVersion == 0) turn.status = "clarifying";

    auto ids = app.store.CommitChatTurn(turn);
    if (!ids) {
      if (ids.error().code == "store.conflict") continue;
      return ids.error();
    }
    turn.user.id = ids->userMessageId;
    turn.assistant.id = ids->assistantMessageId;
    turn.assistant.payload["specVersion"] = ids->specVersion;

    ChatOutcome out;
    out.userMessage = MessageView(turn.user);
    out.reply = MessageView(turn.assistant);
    out.specVersion = ids->specVersion;
    out.specChanged = changed;
    out.spec = changed ? turn.newSpec->spec : p.spec;

    std::string topic = EventHub::ProjectTopic(project_id);
    app.hub.Publish(topic, "chat.message", {{"projectId", project_id}, {"message", Plain(out.userMessage)}});
    app.hub.Publish(topic, "chat.message", {{"projectId", project_id}, {"message", Plain(out.reply)}});
    if (changed) {
      app.hub.Publish(topic, "spec.updated", {{"projectId", project_id}, {"version", ids->specVersion}, {"source", turn.newSpec->source}});
      // The project's history gains one section per spec version; the plan doc follows the spec.
      RecordChange(app, project_id,
                   ChangeRecord{now, principal.userId,
                                "Spec v" + std::to_string(ids->specVersion) + " (" + turn.newSpec->source + ")",
                                "chat: " + text, SpecChanges(p.spec, turn.newSpec->spec)});
      if (turn.planMarkdown) RecordPlanDoc(app, project_id, *turn.planMarkdown, principal.userId);
    }
    return out;
  }
  return MakeError("store.conflict", "the project changed too often while this message was processed; send it again");
}

}  // namespace bf::server
