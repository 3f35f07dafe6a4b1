#include "verify/suite.h"

#include "verify/checks.h"

namespace bf::verify {

std::vector<Check> BuildSuite(Context& ctx) {
  std::vector<Check> out;
  AddSystemChecks(ctx, out);
  AddAuthChecks(ctx, out);
  AddRoutingChecks(ctx, out);
  const auto& entities = ctx.model.entities;
  for (const auto& e : entities) AddCreateChecks(ctx, e, out);
  for (const auto& e : entities) {
    AddReadChecks(ctx, e, out);
    AddListChecks(ctx, e, out);
  }
  for (const auto& e : entities) AddValidationChecks(ctx, e, out);
  for (const auto& e : entities) AddUpdateChecks(ctx, e, out);
  for (const auto& e : entities) AddNestedChecks(ctx, e, out);
  for (const auto& e : entities) AddAccessChecks(ctx, e, out);
  AddEventChecks(ctx, out);
  for (auto it = entities.rbegin(); it != entities.rend(); ++it) AddDeleteChecks(ctx, *it, out);
  AddThrottleCheck(ctx, out);
  return out;
}

Result<Report> RunSuite(const spec::AppSpec& spec, HttpClient& http, const SuiteOptions& options,
                        const std::function<void(const CheckResult&)>& on_result) {
  HttpRequest probe{"GET", "/health", {}, std::nullopt};
  auto first = http.Send(probe);
  if (!first.ok()) return MakeError("verify.unreachable", first.error().message);

  Context ctx(spec, http, options);
  std::vector<Check> checks = SelectChecks(BuildSuite(ctx), options.only);
  Report report;
  report.runId = ctx.run;
  report.adminGiven = !options.adminIdentity.empty() && !options.adminPassword.empty();
  report.results = RunChecks(checks, on_result);
  for (const auto& r : report.results) {
    switch (r.outcome.verdict) {
      case Verdict::kPass:
        ++report.passed;
        break;
      case Verdict::kFail:
        ++report.failed;
        break;
      case Verdict::kSkip:
        ++report.skipped;
        break;
    }
  }
  ctx.events.reset();
  return report;
}

}  // namespace bf::verify
