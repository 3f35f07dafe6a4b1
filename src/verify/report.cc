#include "verify/report.h"

#include "common/strings.h"

namespace bf::verify {

namespace {

constexpr size_t kRequestBodyMax = 400;
constexpr size_t kResponseBodyMax = 800;
const char* const kInteresting[] = {"content-type", "location", "www-authenticate", "retry-after"};

std::string Trimmed(const std::string& s, size_t max) {
  std::string flat;
  for (char c : s) flat += (c == '\n' || c == '\r') ? ' ' : c;
  if (flat.size() <= max) return flat;
  return flat.substr(0, max) + "… (" + std::to_string(s.size()) + " bytes)";
}

std::string Indent(const std::string& text, const std::string& pad) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    out += text[i];
    if (text[i] == '\n' && i + 1 < text.size()) out += pad;
  }
  return out;
}

std::string ShowAuth(const std::string& value) {
  if (value.size() <= 24) return value;
  return value.substr(0, 20) + "…";
}

nlohmann::ordered_json ExchangeJson(const Exchange& ex) {
  nlohmann::ordered_json j;
  j["request"] = {{"method", ex.request.method}, {"target", ex.request.target}};
  std::string auth = ex.request.Header("authorization");
  if (!auth.empty()) j["request"]["authorization"] = ShowAuth(auth);
  if (ex.request.body) j["request"]["body"] = Trimmed(*ex.request.body, 2000);
  if (ex.response) {
    nlohmann::ordered_json headers = nlohmann::ordered_json::object();
    for (const char* h : kInteresting) {
      std::string v = ex.response->Header(h);
      if (!v.empty()) headers[h] = v;
    }
    j["response"] = {{"status", ex.response->status},
                     {"headers", headers},
                     {"body", Trimmed(ex.response->body, 4000)}};
  } else {
    j["response"] = nullptr;
    j["transportError"] = ex.transportError;
  }
  return j;
}

}  // namespace

std::string FormatResult(const CheckResult& r) {
  const Outcome& o = r.outcome;
  std::string line = std::string(ToString(o.verdict)) + " " + r.name;
  if (o.verdict == Verdict::kSkip) return line + " — " + o.message + "\n";
  if (o.verdict == Verdict::kPass)
    return line + (o.message.empty() ? "" : " (" + o.message + ")") + "\n";
  const std::string pad = "               ";
  std::string out = line + "\n";
  out += "     problem:  " + Indent(o.message, "     ") + "\n";
  if (!o.expected.empty()) out += "     expected: " + Indent(o.expected, pad) + "\n";
  if (o.exchange) {
    const Exchange& ex = *o.exchange;
    out += "     request:  " + ex.request.method + " " + ex.request.target + "\n";
    std::string auth = ex.request.Header("authorization");
    if (!auth.empty()) out += pad + "authorization: " + ShowAuth(auth) + "\n";
    if (ex.request.body) out += pad + Trimmed(*ex.request.body, kRequestBodyMax) + "\n";
    if (ex.response) {
      out += "     response: " + std::to_string(ex.response->status);
      for (const char* h : kInteresting) {
        std::string v = ex.response->Header(h);
        if (!v.empty()) out += "  " + std::string(h) + ": " + v;
      }
      out += "\n";
      if (!ex.response->body.empty())
        out += pad + Trimmed(ex.response->body, kResponseBodyMax) + "\n";
    } else if (!ex.transportError.empty()) {
      out += "     response: none (" + ex.transportError + ")\n";
    }
  }
  return out;
}

std::string FormatSummary(const Report& report) {
  std::string out =
      std::to_string(report.passed) + " passed, " + std::to_string(report.failed) + " failed";
  if (report.skipped > 0) out += ", " + std::to_string(report.skipped) + " skipped";
  out += "\n";
  if (!report.adminGiven) {
    out +=
        "admin-only checks were SKIPPED: no admin credentials (give --admin-email and "
        "--admin-password, "
        "or set ADMIN_EMAIL and ADMIN_PASSWORD)\n";
  }
  return out;
}

nlohmann::ordered_json ReportJson(const Report& report, const std::string& url,
                                  const std::string& spec_path) {
  nlohmann::ordered_json j;
  j["url"] = url;
  j["spec"] = spec_path;
  j["runId"] = report.runId;
  j["ok"] = report.ok();
  j["summary"] = {
      {"passed", report.passed}, {"failed", report.failed}, {"skipped", report.skipped}};
  j["adminChecks"] = report.adminGiven ? "run" : "skipped: no admin credentials";
  nlohmann::ordered_json checks = nlohmann::ordered_json::array();
  for (const auto& r : report.results) {
    nlohmann::ordered_json c;
    c["name"] = r.name;
    c["group"] = r.group;
    c["verdict"] = std::string(ToString(r.outcome.verdict));
    if (!r.outcome.message.empty()) c["message"] = r.outcome.message;
    if (!r.outcome.expected.empty()) c["expected"] = r.outcome.expected;
    if (r.outcome.exchange) c["exchange"] = ExchangeJson(*r.outcome.exchange);
    c["ms"] = r.elapsed.count();
    checks.push_back(c);
  }
  j["checks"] = checks;
  return j;
}

}  // namespace bf::verify
