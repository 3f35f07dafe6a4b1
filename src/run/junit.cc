#include "run/junit.h"

#include <pugixml.hpp>
#include <regex>

#include "common/strings.h"

namespace bf::run {

std::string_view ToString(TestStatus s) {
  switch (s) {
    case TestStatus::kPassed: return "passed";
    case TestStatus::kFailed: return "failed";
    case TestStatus::kError: return "error";
    case TestStatus::kSkipped: return "skipped";
  }
  return "unknown";
}

std::string TestCase::FullName() const {
  std::string prefix = !suite.empty() ? suite : classname;
  return prefix.empty() ? name : prefix + " > " + name;
}

std::string TestReport::Summary() const {
  std::string s = std::to_string(passed) + " passed, " + std::to_string(failed) + " failed";
  if (skipped) s += ", " + std::to_string(skipped) + " skipped";
  return s;
}

namespace {

constexpr size_t kMaxDetails = 8 * 1024;

// First "path/to/test-file.ext:LINE" in a stack trace that is not inside node_modules.
std::string FindLocation(const std::string& text) {
  static const std::regex kFrame(R"(([A-Za-z0-9_./\\-]+\.(?:ts|js|py|go|rs|java|cc|cpp)):(\d+))");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), kFrame); it != std::sregex_iterator(); ++it) {
    std::string file = (*it)[1];
    if (file.find("node_modules") != std::string::npos) continue;
    return file + ":" + (*it)[2].str();
  }
  return "";
}

void ReadCase(const pugi::xml_node& tc, const std::string& suite, TestReport& report) {
  TestCase c;
  c.suite = suite;
  c.classname = tc.attribute("classname").as_string();
  c.name = tc.attribute("name").as_string();
  c.seconds = tc.attribute("time").as_double();
  pugi::xml_node problem;
  if ((problem = tc.child("failure"))) {
    c.status = TestStatus::kFailed;
  } else if ((problem = tc.child("error"))) {
    c.status = TestStatus::kError;
  } else if (tc.child("skipped")) {
    c.status = TestStatus::kSkipped;
  }
  if (problem) {
    c.message = problem.attribute("message").as_string();
    c.details = problem.text().as_string();
    if (c.details.size() > kMaxDetails) c.details.resize(kMaxDetails);
    c.location = FindLocation(c.details);
    if (c.message.empty()) c.message = Trim(c.details.substr(0, c.details.find('\n')));
  }
  switch (c.status) {
    case TestStatus::kPassed: ++report.passed; break;
    case TestStatus::kSkipped: ++report.skipped; break;
    default: ++report.failed; break;
  }
  report.cases.push_back(std::move(c));
}

void ReadSuite(const pugi::xml_node& suite, TestReport& report) {
  std::string name = suite.attribute("name").as_string();
  for (const auto& child : suite.children()) {
    std::string tag = child.name();
    if (tag == "testcase") ReadCase(child, name, report);
    else if (tag == "testsuite") ReadSuite(child, report);  // nested suites (some runners)
  }
}

}  // namespace

Result<TestReport> ParseJUnit(std::string_view xml) {
  pugi::xml_document doc;
  pugi::xml_parse_result parsed = doc.load_buffer(xml.data(), xml.size());
  if (!parsed) {
    return MakeError("junit.parse", std::string("the test report is not valid XML: ") + parsed.description() +
                                        " at offset " + std::to_string(parsed.offset));
  }
  TestReport report;
  pugi::xml_node root = doc.document_element();
  std::string tag = root.name();
  if (tag == "testsuites") {
    for (const auto& s : root.children("testsuite")) ReadSuite(s, report);
  } else if (tag == "testsuite") {
    ReadSuite(root, report);
  } else {
    return MakeError("junit.parse", "the test report's root element is <" + tag + ">, expected <testsuites> or <testsuite>");
  }
  return report;
}

}  // namespace bf::run
