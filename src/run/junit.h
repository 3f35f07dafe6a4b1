// Test reports in JUnit XML, the format every target's test runner writes (vitest, pytest,
// go-junit-report, cargo2junit, surefire, ctest). Read from the file, never scraped from text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"

namespace bf::run {

enum class TestStatus { kPassed, kFailed, kError, kSkipped };
std::string_view ToString(TestStatus s);

struct TestCase {
  std::string suite;      // <testsuite name>, usually the test file
  std::string classname;  // <testcase classname>
  std::string name;       // <testcase name>
  TestStatus status = TestStatus::kPassed;
  double seconds = 0;
  std::string message;    // failure/error message attribute
  std::string details;    // failure/error text (stack, diff), capped
  std::string location;   // "file:line" of the first test-file frame in details, if found

  std::string FullName() const;  // "suite > name"
};

struct TestReport {
  std::vector<TestCase> cases;
  int passed = 0, failed = 0, skipped = 0;  // failed includes errors
  int total() const { return passed + failed + skipped; }
  // "12 passed, 0 failed" (+ ", N skipped" when any)
  std::string Summary() const;
};

Result<TestReport> ParseJUnit(std::string_view xml);

}  // namespace bf::run
