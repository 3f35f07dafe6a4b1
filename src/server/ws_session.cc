#include "server/ws_session.h"

#include "server/app.h"
#include "server/chat.h"
#include "server/log.h"

namespace bf::server {

WsSession::WsSession(App& app, Principal principal, std::weak_ptr<WsConnection> conn)
    : app_(app), principal_(std::move(principal)), conn_(std::move(conn)) {
  app_.metrics.WebSocketOpened();
}

WsSession::~WsSession() {
  OnClose();
  app_.metrics.WebSocketClosed();
}

void WsSession::OnClose() {
  std::set<std::string> topics;
  {
    std::lock_guard lock(mu_);
    topics.swap(topics_);
  }
  for (const auto& t : topics) app_.hub.Unsubscribe(t, this);
}

bool WsSession::Deliver(const std::shared_ptr<const std::string>& frame) {
  auto c = conn_.lock();
  return c && c->Send(frame);
}

void WsSession::Reply(const nlohmann::json& j) {
  if (auto c = conn_.lock()) {
    c->Send(std::make_shared<const std::string>(j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)));
  }
}

void WsSession::Fail(const std::string& code, const std::string& message) {
  Reply({{"type", "error"}, {"code", code}, {"message", message}});
}

bool WsSession::SessionStillValid() {
  if (principal_.sessionId.empty()) return true;  // API token: checked at upgrade
  auto s = app_.store.GetSession(principal_.sessionId);
  if (s.ok() && s->revokedAt == 0 && s->expiresAt > app_.clock.NowMillis()) return true;
  if (auto c = conn_.lock()) c->Close(1008, "session ended");
  return false;
}

void WsSession::OnMessage(const std::string& text) {
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_object() || !j.contains("type") || !j["type"].is_string()) {
    Fail("ws.bad_message", "send a JSON object with a \"type\"");
    return;
  }
  std::string type = j["type"];
  if (type == "ping") {
    Reply({{"type", "pong"}});
    return;
  }
  std::string pid = j.value("projectId", nlohmann::json()).is_string() ? j["projectId"].get<std::string>() : "";
  if (type != "subscribe" && type != "unsubscribe" && type != "chat") {
    Fail("ws.bad_message", "unknown message type " + j["type"].dump());
    return;
  }
  if (pid.empty()) {
    Fail("ws.bad_message", "projectId is required");
    return;
  }
  if (!SessionStillValid()) return;
  std::string topic = EventHub::ProjectTopic(pid);
  if (type == "unsubscribe") {
    {
      std::lock_guard lock(mu_);
      topics_.erase(topic);
    }
    app_.hub.Unsubscribe(topic, this);
    Reply({{"type", "unsubscribed"}, {"projectId", pid}});
    return;
  }
  // Same tenancy rule as HTTP: a project of another tenant does not exist for this user.
  auto view = app_.store.GetProject(principal_.userId, pid);
  if (!view) {
    Fail(view.error().code == "store.not_found" ? "not_found" : "server.internal",
         view.error().code == "store.not_found" ? "project not found" : "the server could not look up the project");
    return;
  }
  if (type == "subscribe") {
    {
      std::lock_guard lock(mu_);
      if (topics_.size() >= 64 && !topics_.count(topic)) {
        Fail("ws.too_many_subscriptions", "at most 64 projects per connection");
        return;
      }
      topics_.insert(topic);
    }
    app_.hub.Subscribe(topic, shared_from_this());
    Reply({{"type", "subscribed"}, {"projectId", pid}});
    return;
  }
  // chat
  if (view->role < store::Role::kEditor) {
    Fail("access.forbidden", "viewers cannot chat to change a project");
    return;
  }
  auto text_it = j.find("text");
  if (text_it == j.end() || !text_it->is_string() || text_it->get<std::string>().empty()) {
    Fail("validation.failed", "text is required");
    return;
  }
  auto limit = app_.costlyLimiter.Take(principal_.userId);
  if (!limit.allowed) {
    Fail("rate_limited", "too many requests; retry in " + std::to_string(limit.retryAfterSeconds) + " s");
    return;
  }
  std::map<std::string, std::string> answers;
  if (auto an = j.find("answers"); an != j.end() && an->is_object()) {
    for (auto it = an->begin(); it != an->end(); ++it) {
      if (it->is_string()) answers[it.key()] = it->get<std::string>();
    }
  }
  auto out = RunChatTurn(app_, principal_, pid, text_it->get<std::string>(), answers);
  if (!out) {
    Fail(out.error().code, out.error().code == "chat.unavailable" || out.error().code == "store.conflict"
                               ? out.error().message
                               : "the message could not be processed");
    if (out.error().code != "chat.unavailable") log::Warn("ws.chat_failed", {{"error", out.error().message}});
    return;
  }
  Reply({{"type", "chat.done"}, {"projectId", pid}, {"specVersion", out->specVersion}, {"specChanged", out->specChanged}});
}

App::WsDecision App::CheckWebSocket(Request& req) {
  WsDecision d;
  std::string origin = req.headers.Get("Origin");
  if (!origin.empty()) {
    bool ok = false;
    if (!config.allowedOrigins.empty()) {
      ok = std::find(config.allowedOrigins.begin(), config.allowedOrigins.end(), origin) != config.allowedOrigins.end();
    } else {
      std::string host = req.headers.Get("Host");
      ok = origin == (config.tls() ? "https://" : "http://") + host;
    }
    if (!ok) {
      log::Warn("ws.origin_refused", {{"origin", origin}, {"ip", req.remote}});
      d.reject = Problem(403, "ws.origin", "this Origin may not open a WebSocket here");
      return d;
    }
  }
  auto p = auth.Authenticate(req);
  if (!p && p.error().code == "auth.required") {
    // Non-browser clients that cannot set headers may pass the token in the query.
    if (auto t = req.QueryParam("access_token"); t && !t->empty()) p = auth.AuthenticateToken(*t, Principal::Via::kBearer);
  }
  if (!p) {
    d.reject = ErrorResponse(req, p.error());
    return d;
  }
  if (metrics.webSocketsOpen() >= config.maxWsConnections) {
    d.reject = Problem(503, "ws.too_many", "too many WebSocket connections; retry later");
    d.reject->headers.Set("Retry-After", "10");
    return d;
  }
  d.principal = std::move(*p);
  return d;
}

std::shared_ptr<WsSession> App::OpenWebSocket(const Principal& principal, std::weak_ptr<WsConnection> conn) {
  return std::make_shared<WsSession>(*this, principal, std::move(conn));
}

}  // namespace bf::server
