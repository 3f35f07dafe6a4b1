// The in-memory contract implementation used by the suite's tests: HTTP routing, auth, events.
// Records and their validation are in fake_records.cc.
#include "verify/fake_backend.h"

#include <cstdio>
#include <functional>
#include <thread>

#include "common/strings.h"
#include "generate/openapi.h"
#include "verify/expect.h"
#include "verify/jwt.h"

namespace bf::verify::testing {

namespace {

using nlohmann::json;

constexpr const char* kSecret = "fake-backend-secret";

std::string UrlDecode(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size()) {
      out += static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += s[i] == '+' ? ' ' : s[i];
    }
  }
  return out;
}

const char* Title(int status) {
  switch (status) {
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 409:
      return "Conflict";
    case 422:
      return "Unprocessable Content";
    default:
      return "Error";
  }
}

class FakeEventStream : public EventStream {
 public:
  FakeEventStream(HttpResponse head, std::shared_ptr<std::string> log, size_t from)
      : head_(std::move(head)), log_(std::move(log)), offset_(from) {}
  const HttpResponse& head() const override { return head_; }
  std::string Read(std::chrono::milliseconds timeout) override {
    if (offset_ >= log_->size()) {
      std::this_thread::sleep_for(std::min(timeout, std::chrono::milliseconds(5)));
      return "";
    }
    std::string out = log_->substr(offset_);
    offset_ = log_->size();
    return out;
  }
  bool ended() const override { return head_.status != 200; }

 private:
  HttpResponse head_;
  std::shared_ptr<std::string> log_;
  size_t offset_;
};

}  // namespace

FakeBackend::FakeBackend(const spec::AppSpec& spec, Bugs bugs, std::string adminEmail,
                         std::string adminPassword)
    : spec_(spec), model_(BuildModel(spec)), bugs_(bugs) {
  if (!model_.auth) return;
  json admin = {{"id", NewId()}, {"role", spec_.auth.adminRole}};
  for (const auto& f : spec_.FindEntity(model_.userEntity)->fields) admin[f.name] = nullptr;
  admin[spec_.auth.identityField] = adminEmail;
  admin["createdAt"] = admin["updatedAt"] = Now();
  passwords_[admin["id"]] = adminPassword;
  tables_[model_.userEntity].push_back(admin);
}

std::string FakeBackend::NewId() {
  char buf[64];
  std::snprintf(buf, sizeof buf, "00000000-0000-4000-8000-%012llx",
                static_cast<unsigned long long>(++ids_));
  return buf;
}

std::string FakeBackend::Now() {
  clock_ms_ += 1000;
  int64_t ms = clock_ms_;
  int64_t days = ms / 86'400'000, rest = ms % 86'400'000;
  // civil_from_days (H. Hinnant)
  int64_t z = days + 719468, era = z / 146097;
  unsigned doe = static_cast<unsigned>(z - era * 146097);
  unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t y = static_cast<int64_t>(yoe) + era * 400;
  unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
  unsigned d = doy - (153 * mp + 2) / 5 + 1, m = mp < 10 ? mp + 3 : mp - 9;
  char buf[96];
  std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02lld:%02lld:%02lld.%03lldZ",
                static_cast<long long>(y + (m <= 2)), m, d,
                static_cast<long long>(rest / 3'600'000),
                static_cast<long long>(rest / 60'000 % 60),
                static_cast<long long>(rest / 1000 % 60), static_cast<long long>(rest % 1000));
  return buf;
}

HttpResponse FakeBackend::Problem(int status, const std::string& detail, const json& errors) const {
  json body = {
      {"type", "about:blank"}, {"title", Title(status)}, {"status", status}, {"detail", detail}};
  if (errors.is_array() && !errors.empty()) body["errors"] = errors;
  HttpResponse r{
      status,
      {{"content-type", bugs_.plain_json_errors ? "application/json" : "application/problem+json"}},
      body.dump()};
  if (status == 401) r.headers.push_back({"www-authenticate", "Bearer"});
  return r;
}

HttpResponse FakeBackend::Json(int status, const json& body) const {
  return HttpResponse{status, {{"content-type", "application/json; charset=utf-8"}}, body.dump()};
}

std::string FakeBackend::Sign(const std::string& user_id, const std::string& role) const {
  int64_t now = clock_ms_ / 1000;
  std::string h = Base64UrlEncode(json{{"alg", "HS256"}, {"typ", "JWT"}}.dump());
  std::string p = Base64UrlEncode(json{
      {"sub", user_id},
      {"role", role},
      {"iat", now},
      {"exp", now + spec_.auth.accessTokenMinutes * 60},
      {"iss", spec_.name},
      {"aud", spec_.name}}.dump());
  std::string sig =
      Base64UrlEncode(std::to_string(std::hash<std::string>{}(std::string(kSecret) + h + "." + p)));
  return h + "." + p + "." + sig;
}

FakeBackend::Caller FakeBackend::Identify(const HttpRequest& request,
                                          const std::map<std::string, std::string>& query) const {
  Caller c;
  std::string header = request.Header("authorization");
  std::string token;
  if (!header.empty()) {
    if (!StartsWith(header, "Bearer ")) {
      c.invalid = true;
      return c;
    }
    token = header.substr(7);
  } else if (query.count("access_token")) {
    token = query.at("access_token");
  } else {
    return c;
  }
  c.invalid = true;
  std::vector<std::string> parts = Split(token, '.');
  auto jwt = DecodeJwt(token);
  if (!jwt || parts.size() != 3) return c;
  std::string alg = StrOf(jwt->header, "alg");
  bool none_ok = bugs_.accepts_alg_none && ToLower(alg) == "none";
  if (!none_ok) {
    if (alg != "HS256") return c;
    std::string want = Base64UrlEncode(
        std::to_string(std::hash<std::string>{}(std::string(kSecret) + parts[0] + "." + parts[1])));
    if (parts[2] != want) return c;
  }
  if (!jwt->payload.contains("exp") || !jwt->payload["exp"].is_number() ||
      jwt->payload["exp"].get<int64_t>() <= clock_ms_ / 1000) {
    return c;
  }
  std::string sub = StrOf(jwt->payload, "sub");
  auto users = tables_.find(model_.userEntity);
  if (users == tables_.end()) return c;
  for (const auto& u : users->second) {
    if (StrOf(u, "id") == sub) {
      c.invalid = false;
      c.authenticated = true;
      c.id = sub;
      c.role = StrOf(u, "role");
    }
  }
  return c;
}

json FakeBackend::PublicUser(const json& user) const {
  json out = user;
  if (bugs_.leaks_password_hash)
    out["passwordHash"] = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA";
  return out;
}

json FakeBackend::Issue(const std::string& user_id, const std::string& family) {
  std::string token = "rt-" + NewId();
  refresh_[token] = Refresh{user_id, family, false};
  const json* user = FindRecord(model_.userEntity, user_id);
  return {{"accessToken", Sign(user_id, StrOf(*user, "role"))},
          {"refreshToken", token},
          {"tokenType", "Bearer"},
          {"expiresIn", spec_.auth.accessTokenMinutes * 60},
          {"user", PublicUser(*user)}};
}

void FakeBackend::Publish(const EntityModel& e, const std::string& action, const json& record) {
  if (!spec_.HasFeature(spec::Feature::kRealtime) &&
      !spec_.HasFeature(spec::Feature::kNotifications))
    return;
  std::string type = e.kebab + "." + action;
  json data = {{"type", type}, {"id", StrOf(record, "id")}, {"data", record}};
  if (!bugs_.no_event_name) *events_ += "event: " + type + "\n";
  *events_ += "data: " + data.dump() + "\n\n";
}

Result<HttpResponse> FakeBackend::Send(const HttpRequest& request) {
  ++requests_;
  HttpResponse r = Route(request);
  std::string id = request.Header("x-request-id");
  if (!id.empty() && !bugs_.no_request_id) r.headers.push_back({"x-request-id", id});
  return r;
}

Result<std::unique_ptr<EventStream>> FakeBackend::Open(const HttpRequest& request) {
  ++requests_;
  std::map<std::string, std::string> query;
  size_t q = request.target.find('?');
  if (q != std::string::npos) {
    for (const auto& kv : Split(request.target.substr(q + 1), '&')) {
      size_t eq = kv.find('=');
      if (eq != std::string::npos) query[kv.substr(0, eq)] = UrlDecode(kv.substr(eq + 1));
    }
  }
  std::string path = request.target.substr(0, q);
  bool realtime =
      spec_.HasFeature(spec::Feature::kRealtime) || spec_.HasFeature(spec::Feature::kNotifications);
  if (path != "/api/events" || !realtime) {
    return std::unique_ptr<EventStream>(
        new FakeEventStream(Problem(404, "no route"), events_, events_->size()));
  }
  Caller c = Identify(request, query);
  if (model_.auth && (!c.authenticated || c.invalid) && !bugs_.no_authz) {
    return std::unique_ptr<EventStream>(
        new FakeEventStream(Problem(401, "sign in"), events_, events_->size()));
  }
  HttpResponse head{200, {{"content-type", "text/event-stream"}}, ""};
  size_t from = events_->size();
  *events_ += ": connected\n\n";
  return std::unique_ptr<EventStream>(new FakeEventStream(head, events_, from));
}

HttpResponse FakeBackend::Route(const HttpRequest& request) {
  std::map<std::string, std::string> query;
  size_t q = request.target.find('?');
  if (q != std::string::npos) {
    for (const auto& kv : Split(request.target.substr(q + 1), '&')) {
      size_t eq = kv.find('=');
      query[UrlDecode(kv.substr(0, eq))] =
          eq == std::string::npos ? "" : UrlDecode(kv.substr(eq + 1));
    }
  }
  std::string path = request.target.substr(0, q);
  const std::string& m = request.method;
  if (m == "GET" && path == "/health") return Json(200, {{"status", "ok"}});
  if (m == "GET" && path == "/ready")
    return Json(200, {{"status", bugs_.ready_says_ok ? "ok" : "ready"}});
  if (m == "GET" && path == "/openapi.json") return Json(200, generate::BuildOpenApi(spec_));
  if (m == "GET" && path == "/docs")
    return HttpResponse{200, {{"content-type", "text/html; charset=utf-8"}}, "<html></html>"};
  json body;
  if (request.body) {
    body = json::parse(*request.body, nullptr, false);
    if (body.is_discarded()) return Problem(400, "Malformed JSON in request body");
  }
  if (model_.auth && StartsWith(path, "/auth/")) return Auth(path.substr(6), request, body);
  if (StartsWith(path, "/api/")) {
    std::vector<std::string> segments = Split(path.substr(1), '/');  // api, plural, id?, relation?
    for (const auto& e : model_.entities) {
      if (e.route == "/" + segments[0] + "/" + (segments.size() > 1 ? segments[1] : "")) {
        return Entity(e, std::vector<std::string>(segments.begin() + 2, segments.end()), request,
                      query);
      }
    }
  }
  return Problem(404, "No route for " + m + " " + path);
}

HttpResponse FakeBackend::Auth(const std::string& action, const HttpRequest& request,
                               const json& body) {
  const std::string& idf = spec_.auth.identityField;
  auto& users = tables_[model_.userEntity];
  auto find_user = [&](const std::string& identity) -> json* {
    for (auto& u : users) {
      if (ToLower(StrOf(u, idf)) == ToLower(identity)) return &u;
    }
    return nullptr;
  };
  if (action == "register" && request.method == "POST") {
    const EntityModel* ue = model_.Find(model_.userEntity);
    json errors = json::array();
    if (!body.is_object()) return Problem(422, "the body must be an object");
    json fields = body;
    fields.erase("password");
    std::string pw =
        body.value("password", json()).is_string() ? body["password"].get<std::string>() : "";
    if (pw.size() < 8 || pw.size() > 128)
      errors.push_back({{"path", "password"}, {"message", "8 to 128 characters"}});
    json identity = fields.contains(idf) ? fields[idf] : json();
    fields.erase(idf);
    const spec::Field* idfield = ue->entity->FindField(idf);
    if (!identity.is_string() || (idfield->type == spec::FieldType::kEmail &&
                                  identity.get<std::string>().find('@') == std::string::npos)) {
      errors.push_back({{"path", idf}, {"message", "required, a valid " + idf}});
    }
    json more = json::array();
    std::string detail;
    int status = Validate(*ue, fields, true, "", more, detail);
    for (const auto& e : more) errors.push_back(e);
    if (!errors.empty())
      return Problem(bugs_.unknown_property_400 && status == 400 ? 400 : 422,
                     "invalid registration", errors);
    if (find_user(identity.get<std::string>()))
      return Problem(409, "this " + idf + " is registered");
    json user = {{"id", NewId()}, {"role", spec_.auth.defaultRole}};
    for (const auto* f : ue->writable) {
      user[f->name] = fields.contains(f->name) ? fields[f->name]
                                               : (f->defaultValue ? *f->defaultValue : json());
    }
    user[idf] = identity;
    user["createdAt"] = user["updatedAt"] = Now();
    users.push_back(user);
    passwords_[user["id"]] = pw;
    Publish(*ue, "created", user);
    return Json(201, Issue(user["id"], NewId()));
  }
  if (action == "login" && request.method == "POST") {
    if (!body.is_object() || !body.contains(idf) || !body[idf].is_string() ||
        !body.contains("password")) {
      return Problem(422, "identity and password are required");
    }
    json* u = find_user(body[idf].get<std::string>());
    std::string pw = body["password"].is_string() ? body["password"].get<std::string>() : "";
    int& failures = failed_logins_[ToLower(body[idf].get<std::string>())];
    if (!bugs_.no_throttle && failures >= 5) {
      HttpResponse r = Problem(429, "too many failed logins");
      r.headers.push_back({"retry-after", "60"});
      return r;
    }
    if (!u || passwords_[StrOf(*u, "id")] != pw) {
      ++failures;
      return Problem(401, "wrong credentials");
    }
    failures = 0;
    return Json(200, Issue(StrOf(*u, "id"), NewId()));
  }
  if (action == "refresh" && request.method == "POST") {
    std::string token = body.is_object() ? StrOf(body, "refreshToken") : "";
    auto it = refresh_.find(token);
    if (it == refresh_.end() || revoked_families_.count(it->second.family))
      return Problem(401, "invalid refresh token");
    if (it->second.used) {
      revoked_families_.insert(it->second.family);
      return Problem(401, "refresh token reused; family revoked");
    }
    if (bugs_.no_refresh_rotation) {
      json out = Issue(it->second.user_id, it->second.family);
      refresh_.erase(out["refreshToken"].get<std::string>());
      out["refreshToken"] = token;
      return Json(200, out);
    }
    it->second.used = true;
    return Json(200, Issue(it->second.user_id, it->second.family));
  }
  if (action == "me" && request.method == "GET") {
    Caller c = Identify(request, {});
    if (!c.authenticated) return Problem(401, "sign in");
    return Json(200, PublicUser(*FindRecord(model_.userEntity, c.id)));
  }
  return Problem(404, "No route for /auth/" + action);
}

}  // namespace bf::verify::testing
