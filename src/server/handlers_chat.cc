// POST/GET /api/projects/{pid}/messages: the chat with the analyzer, persisted and searchable.
#include "server/access.h"
#include "server/app.h"
#include "server/chat.h"
#include "server/views.h"

namespace bf::server {

namespace {

constexpr size_t kMaxMessageChars = 20000;

Response PostMessage(App& app, Request& req) {
  auto a = RequireProject(app, req, req.Param("pid"), store::Role::kEditor);
  if (a.error) return *a.error;
  auto body = ParseJsonObject(req);
  if (body.error) return *body.error;
  auto text = body.value.find("text");
  nlohmann::json errors = nlohmann::json::array();
  if (text == body.value.end() || !text->is_string() || text->get<std::string>().find_first_not_of(" \t\r\n") == std::string::npos) {
    errors.push_back({{"path", "text"}, {"message", "required: what you want to build or change"}});
  } else if (text->get<std::string>().size() > kMaxMessageChars) {
    errors.push_back({{"path", "text"}, {"message", "at most 20000 characters"}});
  }
  std::map<std::string, std::string> answers;
  if (auto an = body.value.find("answers"); an != body.value.end()) {
    if (!an->is_object()) {
      errors.push_back({{"path", "answers"}, {"message", "an object: question id -> chosen option"}});
    } else {
      for (auto it = an->begin(); it != an->end(); ++it) {
        if (it->is_string()) {
          answers[it.key()] = it->get<std::string>();
        } else {
          errors.push_back({{"path", "answers." + it.key()}, {"message", "must be a string"}});
        }
      }
    }
  }
  for (auto it = body.value.begin(); it != body.value.end(); ++it) {
    if (it.key() != "text" && it.key() != "answers") errors.push_back({{"path", it.key()}, {"message", "unknown property"}});
  }
  if (!errors.empty()) return Problem(422, "validation.failed", "the message is not valid", errors);
  auto out = RunChatTurn(app, *req.principal, a.view->project.id, text->get<std::string>(), answers);
  if (!out) {
    if (out.error().code == "chat.unavailable") return Problem(503, "chat.unavailable", out.error().message);
    return ErrorResponse(req, out.error());
  }
  nlohmann::ordered_json j = {{"message", out->userMessage},
                              {"reply", out->reply},
                              {"specVersion", out->specVersion},
                              {"specChanged", out->specChanged}};
  if (out->specChanged) j["spec"] = out->spec;
  return Json(200, j);
}

Response ListMessages(App& app, Request& req) {
  auto a = RequireProject(app, req, req.Param("pid"), store::Role::kViewer);
  if (a.error) return *a.error;
  nlohmann::ordered_json data = nlohmann::ordered_json::array();
  if (auto q = req.QueryParam("q"); q && !q->empty()) {
    auto hits = app.store.SearchMessages(a.view->project.id, q->substr(0, 500), 20);
    if (!hits) return ErrorResponse(req, hits.error());
    for (const auto& h : *hits) {
      auto m = MessageView(h.message);
      m["snippet"] = h.snippet;
      data.push_back(m);
    }
    return Json(200, nlohmann::ordered_json{{"data", data}});
  }
  int64_t after = 0;
  int limit = 100;
  try {
    after = std::stoll(req.QueryParam("after").value_or("0"));
    limit = std::clamp(std::stoi(req.QueryParam("limit").value_or("100")), 1, 500);
  } catch (const std::exception&) {
    return Problem(400, "request.invalid", "after and limit must be numbers");
  }
  auto list = app.store.ListMessages(a.view->project.id, after, limit);
  if (!list) return ErrorResponse(req, list.error());
  for (const auto& m : *list) data.push_back(MessageView(m));
  return Json(200, nlohmann::ordered_json{{"data", data}});
}

}  // namespace

void AddChatRoutes(App& app) {
  app.router.Add("POST", "/api/projects/{pid}/messages", [&app](Request& r) { return PostMessage(app, r); },
                 RouteOptions{.rateLimit = "costly"});
  app.router.Add("GET", "/api/projects/{pid}/messages", [&app](Request& r) { return ListMessages(app, r); });
}

}  // namespace bf::server
