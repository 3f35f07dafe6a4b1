#include "run/junit.h"

#include <gtest/gtest.h>

namespace bf::run {
namespace {

// Shaped like vitest's junit reporter output.
constexpr const char* kVitest = R"(<?xml version="1.0" encoding="UTF-8" ?>
<testsuites name="vitest tests" tests="4" failures="1" errors="0" time="1.2">
    <testsuite name="test/post.test.ts" timestamp="2024-01-01T00:00:00" hostname="h" tests="3" failures="1" errors="0" skipped="1" time="0.5">
        <testcase classname="test/post.test.ts" name="Post &gt; creates a post" time="0.012">
        </testcase>
        <testcase classname="test/post.test.ts" name="Post &gt; rejects a missing title" time="0.004">
            <failure message="expected 501 to be 422 // Object.is equality" type="AssertionError">
AssertionError: expected 501 to be 422 // Object.is equality
 ❯ test/post.test.ts:42:23
 ❯ node_modules/vitest/dist/index.js:10:1
            </failure>
        </testcase>
        <testcase classname="test/post.test.ts" name="Post &gt; later" time="0">
            <skipped/>
        </testcase>
    </testsuite>
    <testsuite name="test/system.test.ts" tests="1" failures="0" errors="0" skipped="0" time="0.1">
        <testcase classname="test/system.test.ts" name="health answers" time="0.003"/>
    </testsuite>
</testsuites>
)";

TEST(JUnit, ReadsVitestReports) {
  auto r = ParseJUnit(kVitest);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->passed, 2);
  EXPECT_EQ(r->failed, 1);
  EXPECT_EQ(r->skipped, 1);
  EXPECT_EQ(r->Summary(), "2 passed, 1 failed, 1 skipped");
  const TestCase& f = r->cases[1];
  EXPECT_EQ(f.FullName(), "test/post.test.ts > Post > rejects a missing title");
  EXPECT_EQ(f.status, TestStatus::kFailed);
  EXPECT_EQ(f.message, "expected 501 to be 422 // Object.is equality");
  EXPECT_EQ(f.location, "test/post.test.ts:42");
  EXPECT_EQ(r->cases[3].suite, "test/system.test.ts");
}

TEST(JUnit, SingleSuiteRootAndErrors) {
  auto r = ParseJUnit(R"(<testsuite name="pytest"><testcase classname="tests.test_x" name="t1"><error message="boom">trace at tests/test_x.py:7</error></testcase></testsuite>)");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->failed, 1);
  EXPECT_EQ(r->cases[0].status, TestStatus::kError);
  EXPECT_EQ(r->cases[0].location, "tests/test_x.py:7");
}

TEST(JUnit, BrokenXmlIsAClearError) {
  auto r = ParseJUnit("<testsuites><testsuite>");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("not valid XML"), std::string::npos);
  auto wrong = ParseJUnit("<html/>");
  ASSERT_FALSE(wrong.ok());
  EXPECT_NE(wrong.error().message.find("<html>"), std::string::npos);
}

TEST(JUnit, EmptyReportHasNoCases) {
  auto r = ParseJUnit("<testsuites/>");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->total(), 0);
}

}  // namespace
}  // namespace bf::run
