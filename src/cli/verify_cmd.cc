#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/commands.h"
#include "common/strings.h"
#include "spec/spec_json.h"
#include "verify/curl_client.h"
#include "verify/report.h"
#include "verify/suite.h"

namespace bf::cli {

namespace {

std::string Env(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

}  // namespace

int Verify(const VerifyOptions& o) {
  if (!StartsWith(o.url, "http://") && !StartsWith(o.url, "https://")) {
    PrintError("--url must start with http:// or https:// (got " + Quote(o.url) + ")");
    return kExitUsage;
  }
  std::ifstream in(o.specFile, std::ios::binary);
  if (!in) {
    PrintError("cannot read the spec " + Quote(o.specFile) + ": no such file or not readable");
    return kExitUsage;
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string text = buffer.str();
  spec::LoadedSpec loaded = spec::LoadSpecText(text);
  if (!loaded.spec) {
    PrintError(o.specFile + " is not a valid AppSpec (" + std::to_string(loaded.issues.size()) +
               " problems; see `backendforge spec validate " + o.specFile + "`)");
    for (const auto& i : loaded.issues) std::cerr << "  " << i.ToString() << "\n";
    return kExitUsage;
  }
  verify::SuiteOptions options;
  options.adminIdentity = o.adminEmail.empty() ? Env("ADMIN_EMAIL") : o.adminEmail;
  options.adminPassword = o.adminPassword.empty() ? Env("ADMIN_PASSWORD") : o.adminPassword;
  options.eventWait = std::chrono::milliseconds(o.eventWaitMs);
  options.only = o.only;

  auto client = verify::MakeCurlClient(o.url, std::chrono::milliseconds(o.timeoutMs));
  auto print = [&](const verify::CheckResult& r) {
    if (o.json) return;
    std::cout << verify::FormatResult(r) << std::flush;
  };
  auto report = verify::RunSuite(*loaded.spec, *client, options, print);
  if (!report.ok()) {
    std::string message = report.error().message;
    if (message.find("connection refused") != std::string::npos)
      message += " — is the backend running?";
    PrintError(message);
    return kExitUsage;
  }
  if (o.json) {
    std::cout << verify::ReportJson(*report, o.url, o.specFile).dump(2) << "\n";
  } else {
    std::cout << "\n" << verify::FormatSummary(*report);
  }
  return report->ok() ? kExitOk : kExitFailed;
}

}  // namespace bf::cli
