// How a verify run is shown: one line per check, failures with the request, the response and
// what was expected, a summary; or one JSON document.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "verify/suite.h"

namespace bf::verify {

// "PASS name", "SKIP name — reason", or "FAIL name" followed by indented details. Ends with '\n'.
std::string FormatResult(const CheckResult& r);
// "N passed, N failed" (", N skipped" when any) and, when admin checks could not run, a line
// saying they were SKIPPED. Ends with '\n'.
std::string FormatSummary(const Report& report);
// The machine-readable report (--json).
nlohmann::ordered_json ReportJson(const Report& report, const std::string& url,
                                  const std::string& spec_path);

}  // namespace bf::verify
