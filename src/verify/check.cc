#include "verify/check.h"

#include <exception>
#include <map>
#include <set>

#include "common/strings.h"

namespace bf::verify {

std::string_view ToString(Verdict v) {
  switch (v) {
    case Verdict::kPass:
      return "PASS";
    case Verdict::kFail:
      return "FAIL";
    case Verdict::kSkip:
      return "SKIP";
  }
  return "?";
}

Outcome Pass(std::string note) {
  return Outcome{Verdict::kPass, std::move(note), "", std::nullopt};
}

Outcome Skip(std::string why) { return Outcome{Verdict::kSkip, std::move(why), "", std::nullopt}; }

Outcome Fail(std::string message, std::string expected, std::optional<Exchange> exchange) {
  return Outcome{Verdict::kFail, std::move(message), std::move(expected), std::move(exchange)};
}

std::vector<CheckResult> RunChecks(const std::vector<Check>& checks,
                                   const std::function<void(const CheckResult&)>& on_result) {
  std::vector<CheckResult> results;
  std::map<std::string, Verdict> verdicts;
  for (const auto& check : checks) {
    CheckResult r{check.name, check.group, Pass(), std::chrono::milliseconds(0)};
    std::optional<std::string> blocked;
    for (const auto& need : check.needs) {
      auto it = verdicts.find(need);
      if (it == verdicts.end()) {
        blocked = "needs \"" + need + "\", which did not run before it";
      } else if (it->second == Verdict::kFail) {
        blocked = "needs \"" + need + "\", which failed";
      } else if (it->second == Verdict::kSkip) {
        blocked = "needs \"" + need + "\", which was skipped";
      }
      if (blocked) break;
    }
    if (blocked) {
      r.outcome = Skip(*blocked);
    } else {
      auto start = std::chrono::steady_clock::now();
      try {
        r.outcome = check.run();
      } catch (const std::exception& e) {
        // A response shape the check did not foresee: report it, never count it as a pass.
        r.outcome = Fail(std::string("verify could not evaluate the answer (") + e.what() +
                             "); this is a bug in verify, please report it with the request log",
                         "an evaluable answer");
      }
      r.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
          std::chrono::steady_clock::now() - start);
    }
    verdicts[check.name] = r.outcome.verdict;
    if (on_result) on_result(r);
    results.push_back(std::move(r));
  }
  return results;
}

std::vector<Check> SelectChecks(const std::vector<Check>& checks, const std::string& pattern) {
  if (pattern.empty()) return checks;
  std::string p = ToLower(pattern);
  std::set<std::string> wanted;
  for (const auto& c : checks) {
    if (ToLower(c.name).find(p) != std::string::npos) wanted.insert(c.name);
  }
  // Needs point backwards, so one pass from the end closes the set.
  for (auto it = checks.rbegin(); it != checks.rend(); ++it) {
    if (wanted.count(it->name)) wanted.insert(it->needs.begin(), it->needs.end());
  }
  std::vector<Check> out;
  for (const auto& c : checks) {
    if (wanted.count(c.name)) out.push_back(c);
  }
  return out;
}

}  // namespace bf::verify
