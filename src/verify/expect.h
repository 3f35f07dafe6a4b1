// Expectations the checks share. Each returns the failure to report (with the exchange as
// evidence) or nullopt when the expectation holds, so a check reads as a list of expectations.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "spec/app_spec.h"
#include "verify/check.h"

namespace bf::verify {

using Failure = std::optional<Outcome>;

// The response has `status`.
Failure ExpectStatus(const Exchange& ex, int status, const std::string& expected);
// The response is an RFC 9457 problem with `status`: that HTTP status, Content-Type
// application/problem+json, a JSON object with `type` and `title` strings and `status` equal to
// the HTTP status, and no stack trace.
Failure ExpectProblem(const Exchange& ex, int status, const std::string& expected);
// The problem's `errors` names `field` (a `path` equal to it or ending in it: "title",
// "/title", "body.title", "tagIds.0" for "tagIds").
Failure ExpectFieldError(const Exchange& ex, const std::string& field, const std::string& expected);
// A JSON body, parsed; a failure when the body is not JSON (or not an object when `object`).
Failure ExpectJson(const Exchange& ex, const std::string& expected, nlohmann::json& out,
                   bool object = true);
// A 200 page {data: [...], page, limit, total} with the given page and limit.
Failure ExpectPage(const Exchange& ex, int page, int limit, const std::string& expected,
                   nlohmann::json& out);

// 405 problem+json whose Allow header lists methods but not `method`.
Failure ExpectMethodNotAllowedFailure(const Exchange& ex, const std::string& method,
                                      const std::string& why);
Outcome ExpectMethodNotAllowed(const Exchange& ex, const std::string& method,
                               const std::string& why);

// For checks that accept "422 or silently ignored": a 400 is refused, but with the wrong status;
// the failure says so (`property` names what was sent). nullopt for any other status.
Failure RefusedWith400(const Exchange& ex, const std::string& property,
                       const std::string& expected);

// Helpers for values.
// j[key] when j is an object holding a string there, else "" (backends may send anything:
// never let a null or a number where a string was expected throw).
std::string StrOf(const nlohmann::json& j, const std::string& key);
bool IsUuid(std::string_view s);
// Milliseconds since the epoch of an ISO 8601 date-time with an offset or Z; nullopt otherwise.
std::optional<int64_t> ParseInstant(std::string_view s);
bool IsUtcInstant(std::string_view s);
bool IsDate(std::string_view s);  // YYYY-MM-DD, a real day
// Whether a backend's value `got` is the value `sent` for `f` (instants compared as instants,
// e-mails case-insensitively, numbers numerically). `f` null: exact JSON equality, except
// arrays of ids compared as sets.
bool SameValue(const spec::Field* f, const nlohmann::json& sent, const nlohmann::json& got);
// The JSON path of a property that looks like a secret (a key containing "password", "hash"
// or "salt", or a value that is an argon2/bcrypt hash); empty when there is none.
std::string LeakedSecret(const nlohmann::json& j, const std::string& path = "");
std::string UrlEncode(std::string_view s);
// A query-string form of a JSON scalar ("true", "3", "draft").
std::string QueryValue(const nlohmann::json& v);
std::string Compact(const nlohmann::json& j, size_t max = 300);
// "a Post", "an Order": the article English wants before a name.
std::string A(const std::string& name);

}  // namespace bf::verify
