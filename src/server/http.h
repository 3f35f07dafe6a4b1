// The server's own HTTP request and response types. They do not include Beast: the net layer
// (server/net) converts to and from them, so handlers compile fast and run in unit tests without
// sockets. Plain values; not thread-safe (one request is handled by one thread at a time).
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace bf::server {

// Header fields in arrival order; names compare case-insensitively.
class Headers {
 public:
  // The first value of `name`, or empty.
  std::string Get(std::string_view name) const;
  bool Has(std::string_view name) const;
  void Set(std::string name, std::string value);  // replaces every field of that name
  void Add(std::string name, std::string value);  // appends (e.g. Set-Cookie)
  void Remove(std::string_view name);
  const std::vector<std::pair<std::string, std::string>>& fields() const { return fields_; }

 private:
  std::vector<std::pair<std::string, std::string>> fields_;
};

bool EqualsIgnoreCase(std::string_view a, std::string_view b);

// Who made a request, as established by the auth middleware from a verified credential.
struct Principal {
  std::string userId;
  std::string sessionId;  // empty for personal API tokens
  enum class Via { kBearer, kCookie, kApiToken } via = Via::kBearer;
  std::string csrf;  // the CSRF value bound to the access token (cookie logins)
};

struct RouteInfo;

struct Request {
  std::string method;  // upper case: GET, POST, ...
  std::string target;  // as received: path + "?" + query
  std::string path;    // path without the query, still percent-encoded (the router decodes params)
  std::string query;   // raw query string (no '?')
  Headers headers;
  std::string body;
  std::string remote;  // peer address, for logs and per-IP limits
  bool tls = false;

  // Filled while the request travels through the router and middleware.
  std::map<std::string, std::string> params;  // path parameters, decoded
  const RouteInfo* route = nullptr;           // null when no route matched
  std::string requestId;
  std::optional<Principal> principal;

  // The decoded value of query parameter `name` (first occurrence), if present.
  std::optional<std::string> QueryParam(std::string_view name) const;
  // The value of cookie `name` from the Cookie header, if present.
  std::optional<std::string> Cookie(std::string_view name) const;
  std::string Param(const std::string& name) const;
};

struct Response {
  int status = 200;
  Headers headers;
  std::string body;
  // For WebSocket upgrades and streaming the net layer looks at nothing else: a Response is
  // always a complete message.
};

// Splits a request target into path and query (both still encoded). Fails (nullopt) on a target
// that is not origin-form ("/..."), malformed percent-encoding, or control characters.
struct SplitTarget {
  std::string path;
  std::string query;
};
std::optional<SplitTarget> ParseTarget(std::string_view target);
std::optional<std::string> PercentDecode(std::string_view s, bool plus_is_space);
std::string PercentEncode(std::string_view s);

// Response builders.
Response Json(int status, const nlohmann::json& body);
Response Json(int status, const nlohmann::ordered_json& body);
Response Text(int status, std::string body, std::string content_type = "text/plain; charset=utf-8");
Response NoContent();

// RFC 9457 problem details: {"type","title","status","detail","code","errors"?}. `code` is a
// stable machine-readable identifier (e.g. "auth.invalid_token"); `errors` lists field errors
// as [{"path","message"}].
Response Problem(int status, std::string_view code, std::string_view detail,
                 nlohmann::json errors = nullptr);
std::string_view StatusReason(int status);

// Reads a JSON object body. On failure returns the problem response to send (415 when the
// content type is not JSON, 400 when the body is not a JSON object).
struct JsonBody {
  nlohmann::json value;
  std::optional<Response> error;
};
JsonBody ParseJsonObject(const Request& req);

// A Set-Cookie value. `max_age` < 0: session cookie; 0: delete.
std::string SetCookie(std::string_view name, std::string_view value, std::string_view path, bool http_only,
                      bool secure, long max_age);

}  // namespace bf::server
