// `backendforge test`: a generated project's tests, all or one, on this machine.
#include <unistd.h>

#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "cli/pipeline_output.h"
#include "common/strings.h"
#include "generate/generator.h"
#include "run/test_run.h"

namespace bf::cli {

int Test(const TestOptions& o) {
  std::error_code ec;
  if (!std::filesystem::is_directory(o.project, ec)) {
    PrintError(o.project + " is not a folder; give the folder of a project made by `backendforge generate`");
    return kExitUsage;
  }
  std::string stack = o.stack.empty() ? RecordedTarget(o.project).first : o.stack;
  if (stack.empty()) {
    PrintError(o.project + " has no record of how it was generated (.backendforge/pipeline.json or git trailers); name its stack with --stack");
    return kExitUsage;
  }
  auto registry = generate::TargetRegistry::Default(o.templatesDir);
  if (!registry) {
    PrintError(registry.error().message);
    return kExitUsage;
  }
  auto target = registry->Find(stack);
  if (!target) {
    PrintError(target.error().message);
    return kExitUsage;
  }
  auto runner = run::MakeLocalRunner();
  const bool tty = ::isatty(STDERR_FILENO) != 0;
  run::TestRunOptions opt{.filter = o.filter, .log = [&](const std::string& line) {
                            if (tty || !o.json) std::cerr << line << "\n";
                          }};
  auto r = run::RunProjectTests((*target)->manifest, *runner, o.project, opt);
  if (!r) {
    PrintError(r.error().message);
    return r.error().code == "pipeline.not_generated" ? kExitUsage : kExitFailed;
  }
  if (o.json) {
    nlohmann::ordered_json j;
    j["status"] = r->status;
    j["passed"] = r->report.passed;
    j["failed"] = r->report.failed;
    j["skipped"] = r->report.skipped;
    j["summary"] = r->summary;
    j["durationMs"] = r->process.duration.count();
    j["results"] = nlohmann::ordered_json::array();
    for (const auto& c : r->report.cases) {
      j["results"].push_back({{"name", c.FullName()}, {"status", std::string(run::ToString(c.status))}, {"message", c.message}});
    }
    std::cout << j.dump(2) << "\n";
  } else {
    for (const auto& c : r->report.cases) {
      std::cout << run::ToString(c.status) << "  " << c.FullName() << (c.message.empty() ? "" : ": " + c.message) << "\n";
    }
    std::cout << r->summary << "\n";
  }
  return r->status == "passed" ? kExitOk : kExitFailed;
}

}  // namespace bf::cli
