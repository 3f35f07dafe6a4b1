// Checks as data: a named piece of the suite, what it needs to have passed before it, and the
// code that runs it. The runner goes through the list in order (deterministic) and skips a
// check whose needs did not pass, saying which one.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "verify/http_client.h"

namespace bf::verify {

enum class Verdict { kPass, kFail, kSkip };
std::string_view ToString(Verdict v);  // "PASS", "FAIL", "SKIP"

// One request and what came back: the evidence printed with a failure.
struct Exchange {
  HttpRequest request;
  std::optional<HttpResponse> response;  // absent when the transport failed
  std::string transportError;
};

struct Outcome {
  Verdict verdict = Verdict::kPass;
  std::string message;               // FAIL: what was wrong; SKIP: why; PASS: an optional note
  std::string expected;              // FAIL: what the contract asks for
  std::optional<Exchange> exchange;  // FAIL: the exchange that showed it, when there is one
};

Outcome Pass(std::string note = "");
Outcome Skip(std::string why);
Outcome Fail(std::string message, std::string expected,
             std::optional<Exchange> exchange = std::nullopt);

struct Check {
  std::string name;                // unique, stable: "Post: create"
  std::string group;               // "system", "auth", "events", or an entity name
  std::vector<std::string> needs;  // names of earlier checks that must have passed
  std::function<Outcome()> run;
};

struct CheckResult {
  std::string name;
  std::string group;
  Outcome outcome;
  std::chrono::milliseconds elapsed{0};
};

// Runs `checks` in order, calling `on_result` after each. A check whose need failed, was
// skipped, or has not run earlier is skipped with a reason naming it.
std::vector<CheckResult> RunChecks(const std::vector<Check>& checks,
                                   const std::function<void(const CheckResult&)>& on_result = {});

// The checks whose name contains `pattern` (case-insensitive), plus everything they need,
// in their original order. An empty pattern selects all.
std::vector<Check> SelectChecks(const std::vector<Check>& checks, const std::string& pattern);

}  // namespace bf::verify
