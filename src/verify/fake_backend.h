// An in-memory backend that implements the contract (docs/CONTRACT.md) for any spec, with
// switches that break it in specific ways. Test-only: the suite's unit tests run against it.
#pragma once

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "spec/app_spec.h"
#include "verify/http_client.h"
#include "verify/model.h"

namespace bf::verify::testing {

// Each switch breaks one part of the contract.
struct Bugs {
  bool no_authz = false;              // no access checks at all: 200 for unauthorized requests
  bool ignores_pagination = false;    // lists return every record, whatever page and limit say
  bool leaks_password_hash = false;   // user objects carry passwordHash
  bool plain_json_errors = false;     // errors with Content-Type application/json
  bool no_refresh_rotation = false;   // refresh answers the same refresh token, which keeps working
  bool patch_clobbers = false;        // PATCH resets the properties it was not given
  bool owner_from_body = false;       // the owner reference is taken from the body
  bool accepts_alg_none = false;      // tokens with alg "none" are accepted unsigned
  bool no_event_name = false;         // SSE events without the `event:` line
  bool unknown_property_400 = false;  // unknown properties answered 400 instead of 422
  bool ignores_filters = false;       // query filters are ignored
  bool ready_says_ok = false;         // /ready answers {"status": "ok"}
  bool no_request_id = false;         // x-request-id is not echoed
  bool no_throttle = false;           // failed logins are never answered 429
  bool no_cascade = false;  // deleting a parent leaves its children (and ignores restrict)
};

class FakeBackend : public HttpClient {
 public:
  FakeBackend(const spec::AppSpec& spec, Bugs bugs = {},
              std::string adminEmail = "admin@example.com",
              std::string adminPassword = "admin-password-1");

  Result<HttpResponse> Send(const HttpRequest& request) override;
  Result<std::unique_ptr<EventStream>> Open(const HttpRequest& request) override;

  size_t request_count() const { return requests_; }

 private:
  struct Caller {
    bool authenticated = false;
    bool invalid = false;  // a token was given but is not valid
    std::string id;
    std::string role;
  };
  struct Refresh {
    std::string user_id;
    std::string family;
    bool used = false;
  };

  HttpResponse Route(const HttpRequest& request);
  HttpResponse Auth(const std::string& action, const HttpRequest& request,
                    const nlohmann::json& body);
  HttpResponse Entity(const EntityModel& e, const std::vector<std::string>& rest,
                      const HttpRequest& request, const std::map<std::string, std::string>& query);
  HttpResponse List(const EntityModel& e, std::vector<nlohmann::json> records,
                    const std::map<std::string, std::string>& query);
  // Validates a create (`creating`) or update body; fills `errors` (path, message) or the
  // conflict message. Returns the 4xx status or 0.
  int Validate(const EntityModel& e, const nlohmann::json& body, bool creating,
               const std::string& selfId, nlohmann::json& errors, std::string& detail);

  HttpResponse Problem(int status, const std::string& detail,
                       const nlohmann::json& errors = nullptr) const;
  HttpResponse Json(int status, const nlohmann::json& body) const;
  Caller Identify(const HttpRequest& request,
                  const std::map<std::string, std::string>& query) const;
  nlohmann::json Issue(const std::string& user_id, const std::string& family);
  std::string Sign(const std::string& user_id, const std::string& role) const;
  nlohmann::json PublicUser(const nlohmann::json& user) const;
  nlohmann::json Present(const EntityModel& e, const nlohmann::json& record) const;
  std::string NewId();
  std::string Now();
  void Publish(const EntityModel& e, const std::string& action, const nlohmann::json& record);
  std::vector<nlohmann::json>* Table(const std::string& entity);
  nlohmann::json* FindRecord(const std::string& entity, const std::string& id);
  // Applies the onDelete rules of the relations `entity` is the parent of, then removes the
  // record. 409 (and nothing removed) when a restrict reference remains, else 0.
  int Remove(const std::string& entity, const std::string& id);

  const spec::AppSpec& spec_;
  SuiteModel model_;
  Bugs bugs_;
  std::map<std::string, std::vector<nlohmann::json>> tables_;
  std::map<std::string, std::string> passwords_;  // user id -> password
  std::map<std::string, Refresh> refresh_;
  std::set<std::string> revoked_families_;
  std::map<std::string, int> failed_logins_;  // by identity
  std::shared_ptr<std::string> events_ = std::make_shared<std::string>();
  int64_t clock_ms_ = 1'700'000'000'000;
  uint64_t ids_ = 0;
  size_t requests_ = 0;
};

}  // namespace bf::verify::testing
