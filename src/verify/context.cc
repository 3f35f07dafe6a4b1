#include "verify/context.h"

#include <chrono>
#include <functional>

#include "verify/expect.h"
#include "verify/samples.h"

namespace bf::verify {

namespace {

std::string ClockRunId() {
  auto now = std::chrono::system_clock::now().time_since_epoch().count();
  uint64_t h = std::hash<std::string>{}(std::to_string(now));
  static const char* kChars = "abcdefghijklmnopqrstuvwxyz0123456789";
  std::string out;
  for (int i = 0; i < 6; ++i) {
    out += kChars[h % 36];
    h /= 36;
  }
  return out;
}

}  // namespace

Context::Context(const spec::AppSpec& s, HttpClient& client, SuiteOptions o)
    : spec(s), model(BuildModel(s)), http(client), options(std::move(o)) {
  run = options.runId.empty() ? ClockRunId() : options.runId;
}

Exchange Context::SendRaw(const std::string& method, const std::string& target,
                          const std::optional<std::string>& body,
                          const std::vector<HttpHeader>& headers) {
  Exchange ex;
  ex.request.method = method;
  ex.request.target = target;
  ex.request.headers = headers;
  ex.request.headers.push_back({"Accept", "application/json, application/problem+json"});
  if (body) {
    ex.request.headers.push_back({"Content-Type", "application/json"});
    ex.request.body = body;
  }
  auto r = http.Send(ex.request);
  if (r.ok()) {
    ex.response = std::move(r).value();
  } else {
    ex.transportError = r.error().message;
  }
  return ex;
}

Exchange Context::Send(const std::string& method, const std::string& target,
                       const std::optional<nlohmann::json>& body, const std::string& as) {
  std::vector<HttpHeader> headers;
  if (!as.empty() && !Who(as)) {
    // Never test as anonymous by accident: a check that meant a signed-in principal fails.
    Exchange ex;
    ex.request = {
        method, target, {}, body ? std::optional<std::string>(body->dump()) : std::nullopt};
    ex.transportError =
        "not sent: " + Label(as) + " is not signed in (its sign-in check did not pass)";
    return ex;
  }
  if (const Principal* p = Who(as))
    headers.push_back({"Authorization", "Bearer " + p->accessToken});
  std::optional<std::string> text;
  if (body) text = body->dump();
  return SendRaw(method, target, text, headers);
}

const Principal* Context::Who(const std::string& key) const {
  if (key.empty()) return nullptr;
  auto it = principals.find(key);
  return it == principals.end() ? nullptr : &it->second;
}

std::string Context::Label(const std::string& key) const {
  if (key.empty()) return "anonymous";
  if (key == kAdmin) return "admin";
  return key;
}

const std::vector<std::string>& Context::Principals(const EntityModel& e, Op op) {
  switch (op) {
    case Op::kRead:
      return e.access.read;
    case Op::kCreate:
      return e.access.create;
    case Op::kUpdate:
      return e.access.update;
    case Op::kDelete:
      return e.access.remove;
  }
  return e.access.read;
}

std::string Context::ActorFor(const EntityModel& e, Op op) const {
  if (!model.auth) return "";
  if (op == Op::kCreate) return CreatorOf(e);
  bool owner_created = CreatorOf(e) == kOwner;
  return Allows(Principals(e, op), true, spec.auth.defaultRole, owner_created) ? kOwner : kAdmin;
}

std::string Context::SignInCheck(const std::string& principal) {
  if (principal == kOwner) return kRegisterCheck;
  if (principal == kOther) return kRegisterOtherCheck;
  if (principal == kAdmin) return kAdminCheck;
  return "";
}

std::string Context::CreatorOf(const EntityModel& e) const {
  if (!model.auth) return "";
  if (e.isUser) return kOwner;  // the user records are the registered users themselves
  const auto& who = e.access.create;
  if (Allows(who, true, spec.auth.defaultRole, false) ||
      std::find(who.begin(), who.end(), "owner") != who.end()) {
    return kOwner;
  }
  return kAdmin;
}

std::string Context::CreatorNeed(const EntityModel& e) const { return SignInCheck(CreatorOf(e)); }

Result<nlohmann::json> Context::CreateBody(const EntityModel& e, int seq, bool allFields) {
  nlohmann::json body = nlohmann::json::object();
  for (const spec::Field* f : e.writable) {
    if (f->required || allFields) body[f->name] = SampleValue(*f, seq, run);
  }
  for (const auto& r : e.refs) {
    if (r.isOwner) continue;
    std::string id;
    if (r.oneToOne && (r.required || allFields)) {
      auto fresh = OneToOneTarget(r.target, seq);
      if (!fresh.ok()) return fresh.error();
      id = *fresh;
    } else if (model.auth && r.target == model.userEntity) {
      if (const Principal* p = Who(kOwner)) id = p->id;
    } else {
      auto it = records.find(r.target);
      if (it != records.end() && !it->second.empty()) id = StrOf(it->second.front().body, "id");
    }
    if (id.empty()) {
      if (r.required) {
        return MakeError("verify.no_parent",
                         "no " + r.target + " record to reference in " + r.field);
      }
      continue;
    }
    if (r.required || allFields) body[r.field] = id;
  }
  for (const auto& l : e.links) {
    auto it = records.find(l.target);
    if (allFields && it != records.end() && !it->second.empty()) {
      body[l.field] = nlohmann::json::array({StrOf(it->second.front().body, "id")});
    }
  }
  return body;
}

Result<std::string> Context::OneToOneTarget(const std::string& target, int seq) {
  auto it = records.find(target);
  if (seq >= 1 && seq <= 3 && it != records.end() && static_cast<int>(it->second.size()) >= seq) {
    return StrOf(it->second[static_cast<size_t>(seq - 1)].body, "id");
  }
  const EntityModel* t = model.Find(target);
  if (!t) return MakeError("verify.no_parent", "no entity " + target);
  if (t->isUser) {
    Exchange ex = Send("POST", "/auth/register", RegisterBody(seq + 500));
    nlohmann::json body =
        nlohmann::json::parse(ex.response ? ex.response->body : "", nullptr, false);
    std::string id = body.is_object() && body.contains("user") ? StrOf(body["user"], "id") : "";
    if (id.empty())
      return MakeError("verify.no_parent",
                       "could not register a " + target + " to link one-to-one");
    return id;
  }
  std::optional<nlohmann::json> created;
  CreateRecord(*t, seq + 500, false, created);
  if (!created)
    return MakeError("verify.no_parent", "could not create a " + target + " to link one-to-one");
  records[target].pop_back();  // created for the link only
  return StrOf(*created, "id");
}

Exchange Context::CreateRecord(const EntityModel& e, int seq, bool allFields,
                               std::optional<nlohmann::json>& created) {
  created.reset();
  auto body = CreateBody(e, seq, allFields);
  if (!body.ok()) {
    Exchange ex;
    ex.request.method = "POST";
    ex.request.target = e.route;
    ex.transportError = body.error().message;
    return ex;
  }
  std::string as = CreatorOf(e);
  Exchange ex = Send("POST", e.route, *body, as);
  if (ex.response && ex.response->status == 201) {
    nlohmann::json j = nlohmann::json::parse(ex.response->body, nullptr, false);
    if (j.is_object() && j.contains("id") && j["id"].is_string()) {
      created = j;
      records[e.name].push_back(Record{j, as, seq});
    }
  }
  return ex;
}

std::string Context::Identity(int seq) const {
  const spec::Entity* user = spec.FindEntity(spec.auth.userEntity);
  const spec::Field* f = user ? user->FindField(spec.auth.identityField) : nullptr;
  if (f) {
    nlohmann::json v = SampleValue(*f, seq, run);
    if (v.is_string()) return v.get<std::string>();
  }
  return "u" + std::to_string(seq) + "-" + run + "@example.com";
}

std::string Context::Password(int seq) const {
  return "Verify-" + run + "-pw" + std::to_string(seq);
}

nlohmann::json Context::RegisterBody(int seq) const {
  nlohmann::json body = nlohmann::json::object();
  if (const spec::Entity* user = spec.FindEntity(spec.auth.userEntity)) {
    for (const auto& f : user->fields) body[f.name] = SampleValue(f, seq, run);
  }
  body[spec.auth.identityField] = Identity(seq);
  body["password"] = Password(seq);
  return body;
}

}  // namespace bf::verify
