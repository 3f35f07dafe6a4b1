// `backendforge verify`: the black-box conformance suite derived from a spec (docs/VERIFY.md).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "common/result.h"
#include "spec/app_spec.h"
#include "verify/check.h"
#include "verify/context.h"
#include "verify/http_client.h"

namespace bf::verify {

struct Report {
  std::string runId;
  std::vector<CheckResult> results;
  int passed = 0;
  int failed = 0;
  int skipped = 0;
  bool adminGiven = false;  // false: admin-only checks were skipped

  bool ok() const { return failed == 0; }
};

// The checks for `ctx`'s spec, in the order they run (closures over `ctx`).
std::vector<Check> BuildSuite(Context& ctx);

// Runs the suite against `http`. Error "verify.unreachable" when the backend does not answer
// at all (nothing else ran); otherwise a report, failures included. `on_result` sees each
// check as it finishes.
Result<Report> RunSuite(const spec::AppSpec& spec, HttpClient& http, const SuiteOptions& options,
                        const std::function<void(const CheckResult&)>& on_result = {});

}  // namespace bf::verify
