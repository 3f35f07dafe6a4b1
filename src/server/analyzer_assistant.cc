// The product's Assistant: the offline analyzer (analyze::Analyze / analyze::Chat) and the planner
// (plan::MakePlan + RenderMarkdown). Deterministic, no network.
#include <algorithm>
#include <sstream>

#include "analyze/analyzer.h"
#include "common/strings.h"
#include "plan/plan.h"
#include "server/assistant.h"
#include "spec/spec_json.h"

namespace bf::server {

namespace {

nlohmann::json Plain(const nlohmann::ordered_json& j) { return nlohmann::json::parse(j.dump()); }

std::vector<analyze::Turn> ToTurns(const std::vector<ChatLine>& lines) {
  std::vector<analyze::Turn> out;
  for (const auto& l : lines) out.push_back(analyze::Turn{l.role, l.text});
  return out;
}

nlohmann::json Questions(const std::vector<analyze::Question>& qs) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& q : qs) out.push_back(Plain(analyze::ToJson(q)));
  return out;
}

std::string PlannedText(const spec::AppSpec& s, const std::vector<std::string>& assumptions) {
  plan::Plan p = plan::MakePlan(s);
  std::vector<std::string> names;
  for (const auto& e : s.entities) names.push_back(e.name);
  std::ostringstream o;
  o << "Planned **" << s.title << "**: " << s.entities.size() << " entities (" << Join(names, ", ") << "), "
    << s.relations.size() << " relations, " << p.endpoints.size() << " endpoints; recommended stack "
    << p.stack.chosen.label << " with " << p.stack.database.label << ".";
  if (!assumptions.empty()) {
    o << "\n\nAssumptions:";
    for (const auto& a : assumptions) o << "\n- " << a;
  }
  o << "\n\nAsk for changes (\"add comments to posts\", \"make email unique\", \"undo\") or generate it.";
  return o.str();
}

class AnalyzerAssistant final : public Assistant {
 public:
  std::string name() const override { return "offline"; }

  AssistantReply Reply(AssistantState& state, const std::string& description, const std::string& message,
                       const std::map<std::string, std::string>& answers) override {
    // Before the first plan, the project's description is the request: it leads the
    // conversation as its first user turn (analyze::Chat reads the first user turn as the
    // description and later ones as answers, "yes" accepting the defaults).
    if (!state.spec && !Trim(description).empty()) state.turns.insert(state.turns.begin(), ChatLine{"user", Trim(description)});
    if (!state.spec && !answers.empty()) return AnalyzeWithAnswers(state, message, answers);
    return Converse(state, message);
  }

  std::string Plan(const spec::AppSpec& spec, const std::vector<std::string>& assumptions,
                   const std::string& request) override {
    plan::PlanOptions o;
    o.assumptions = assumptions;
    o.requestText = request;
    return plan::RenderMarkdown(plan::MakePlan(spec, o));
  }

 private:
  // Answers picked in the UI (question id -> option): analyze the request with them.
  static AssistantReply AnalyzeWithAnswers(AssistantState& state, const std::string& message,
                                           const std::map<std::string, std::string>& answers) {
    auto first = std::find_if(state.turns.begin(), state.turns.end(), [](const ChatLine& t) { return t.role == "user"; });
    std::string request = first != state.turns.end() ? first->text : message;
    analyze::AnalysisResult r = analyze::Analyze(request, {}, answers);
    AssistantReply out;
    switch (r.status) {
      case analyze::Status::kPlan:
        state.spec = *r.spec;
        out.kind = "planned";
        out.assumptions = r.assumptions;
        out.text = PlannedText(*r.spec, r.assumptions);
        break;
      case analyze::Status::kClarify: {
        out.kind = "clarify";
        out.questions = Questions(r.questions);
        std::ostringstream o;
        o << (r.reason.empty() ? "I need a few answers before planning." : r.reason);
        for (const auto& q : r.questions) o << "\n- " << q.text << " (" << Join(q.options, " / ") << ")";
        out.text = o.str();
        break;
      }
      case analyze::Status::kRefuse:
        out.kind = "refused";
        out.text = r.reason.empty() ? "I can't help build that." : r.reason;
        break;
    }
    state.turns.push_back({"user", message});
    state.turns.push_back({"assistant", out.text});
    return out;
  }

  // Everything else: the analyzer's chat (first description, answers, edits, undo).
  static AssistantReply Converse(AssistantState& state, const std::string& message) {
    analyze::ChatState cs;
    cs.turns = ToTurns(state.turns);
    cs.spec = state.spec;
    cs.undo = state.undo;
    analyze::ChatReply reply = analyze::Chat(cs, message);
    AssistantReply out;
    out.kind = std::string(analyze::ToString(reply.kind));
    out.text = reply.text;
    out.questions = Questions(reply.questions);
    for (const auto& e : reply.applied) out.applied.push_back(Plain(spec::ToJson(e)));
    state.spec = cs.spec;
    state.undo = std::move(cs.undo);
    state.turns.clear();
    for (const auto& t : cs.turns) state.turns.push_back(ChatLine{t.role, t.text});
    return out;
  }
};

}  // namespace

std::unique_ptr<Assistant> MakeProductAssistant() { return std::make_unique<AnalyzerAssistant>(); }

}  // namespace bf::server
