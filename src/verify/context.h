// The state a suite run shares between its checks: the spec and its model, the HTTP client,
// the signed-in principals, and the records the suite created. Checks are closures over one
// Context; they run one at a time, in order.
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "spec/app_spec.h"
#include "verify/check.h"
#include "verify/http_client.h"
#include "verify/model.h"
#include "verify/sse.h"

namespace bf::verify {

struct SuiteOptions {
  std::string adminIdentity;  // both empty: admin-only checks are skipped
  std::string adminPassword;
  std::string runId;  // goes into unique values; empty: derived from the clock
  std::chrono::milliseconds eventWait{5000};  // how long to wait for an SSE event
  std::string only;  // run only checks whose name contains this (and their needs)
};

// Names of checks other checks need.
inline constexpr const char* kRegisterCheck = "auth: register";
inline constexpr const char* kRegisterOtherCheck = "auth: register a second user";
inline constexpr const char* kAdminCheck = "auth: admin login";

// Principal keys. "" is anonymous.
inline constexpr const char* kOwner = "alice";
inline constexpr const char* kOther = "bob";
inline constexpr const char* kAdmin = "admin";

struct Principal {
  std::string id;
  std::string identity;  // the login value (e-mail)
  std::string password;
  std::string accessToken;
  std::string refreshToken;
  std::string role;
  nlohmann::json user;
  nlohmann::json answer;  // the whole AuthResponse that signed this principal in
};

struct Record {
  nlohmann::json body;  // as the backend last returned it
  std::string owner;    // principal key that created it
  int seq = 0;
};

class Context {
 public:
  Context(const spec::AppSpec& spec, HttpClient& http, SuiteOptions options);
  Context(const Context&) = delete;
  Context& operator=(const Context&) = delete;

  // One request; `as` names a principal whose access token goes in Authorization ("" = none).
  Exchange Send(const std::string& method, const std::string& target,
                const std::optional<nlohmann::json>& body, const std::string& as = "");
  // A request with exactly these headers (plus Content-Type when there is a body).
  Exchange SendRaw(const std::string& method, const std::string& target,
                   const std::optional<std::string>& body, const std::vector<HttpHeader>& headers);

  const Principal* Who(const std::string& key) const;
  std::string Label(const std::string& key) const;  // "anonymous", "owner (alice)", ...

  enum class Op { kRead, kCreate, kUpdate, kDelete };
  static const std::vector<std::string>& Principals(const EntityModel& e, Op op);
  // Who performs `op` on the suite's records of `e`: the owner user (who created them) when the
  // access rules let them, else the admin; "" without auth.
  std::string ActorFor(const EntityModel& e, Op op) const;
  // The check that signs `principal` in ("" for anonymous).
  static std::string SignInCheck(const std::string& principal);

  // Who creates the suite's records of `e`: the owner user when a default-role user may,
  // else the admin; "" without auth. `CreatorNeed` is the check that signs that principal in.
  std::string CreatorOf(const EntityModel& e) const;
  std::string CreatorNeed(const EntityModel& e) const;
  // A valid create body: fields from SampleValue(seq) (optional ones only when `allFields`),
  // references to the first record of each target, many-to-many links to it when there is
  // one. A one-to-one reference needs a target nobody else points at: records 1-3 use the
  // target's records 1-3, other bodies get a fresh target record (created here). An Error
  // when a required reference has no record to point at.
  Result<nlohmann::json> CreateBody(const EntityModel& e, int seq, bool allFields);
  // The id of a `target` record for a one-to-one reference of record `seq` (see CreateBody).
  Result<std::string> OneToOneTarget(const std::string& target, int seq);
  // POSTs a record of `e` as its creator and remembers it; the exchange and the record body.
  Exchange CreateRecord(const EntityModel& e, int seq, bool allFields,
                        std::optional<nlohmann::json>& created);

  nlohmann::json RegisterBody(int seq) const;
  std::string Identity(int seq) const;
  std::string Password(int seq) const;

  const spec::AppSpec& spec;
  SuiteModel model;
  HttpClient& http;
  SuiteOptions options;
  std::string run;  // short id of this run

  std::map<std::string, Principal> principals;
  std::map<std::string, std::vector<Record>> records;  // per entity, creation order

  nlohmann::json openapi;  // the document the backend serves

  // The open event stream, what it delivered so far, and the record the event checks follow.
  std::unique_ptr<EventStream> events;
  SseParser sse;
  std::vector<SseEvent> received;
  std::string eventEntity;
  std::string eventRecordId;
};

}  // namespace bf::verify
