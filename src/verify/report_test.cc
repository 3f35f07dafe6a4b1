#include "verify/report.h"

#include <gtest/gtest.h>

namespace bf::verify {
namespace {

CheckResult Failed() {
  Exchange ex;
  ex.request = {"POST",
                "/api/posts",
                {{"Authorization", "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig"}},
                std::string(1000, 'x')};
  ex.response = HttpResponse{
      400, {{"content-type", "application/problem+json"}, {"x-other", "no"}}, R"({"status":400})"};
  return {"Post: create rejects unknown property",
          "Post",
          Fail("got 400 instead of 422\nsecond line", "422 problem", ex),
          {}};
}

TEST(ReportTest, AFailureShowsTheRequestTheResponseAndTheExpectation) {
  std::string text = FormatResult(Failed());
  EXPECT_EQ(text.rfind("FAIL Post: create rejects unknown property\n", 0), 0u) << text;
  EXPECT_NE(text.find("problem:  got 400 instead of 422\n     second line"), std::string::npos)
      << text;
  EXPECT_NE(text.find("expected: 422 problem"), std::string::npos);
  EXPECT_NE(text.find("request:  POST /api/posts"), std::string::npos);
  EXPECT_NE(text.find("authorization: Bearer eyJhbGciOiJIU…"), std::string::npos)
      << "tokens are shortened";
  EXPECT_NE(text.find("… (1000 bytes)"), std::string::npos) << "bodies are trimmed";
  EXPECT_NE(text.find("response: 400  content-type: application/problem+json"), std::string::npos);
  EXPECT_EQ(text.find("x-other"), std::string::npos) << "only headers of interest";
}

TEST(ReportTest, PassesAndSkipsAreOneLine) {
  EXPECT_EQ(FormatResult({"a", "g", Pass(), {}}), "PASS a\n");
  EXPECT_EQ(FormatResult({"a", "g", Pass("3 pages"), {}}), "PASS a (3 pages)\n");
  EXPECT_EQ(FormatResult({"b", "g", Skip("no admin"), {}}), "SKIP b — no admin\n");
}

TEST(ReportTest, SummaryCountsAndSaysWhenAdminChecksWereSkipped) {
  Report r;
  r.passed = 3;
  r.failed = 1;
  r.adminGiven = true;
  EXPECT_EQ(FormatSummary(r), "3 passed, 1 failed\n");
  r.skipped = 2;
  r.adminGiven = false;
  std::string s = FormatSummary(r);
  EXPECT_EQ(s.rfind("3 passed, 1 failed, 2 skipped\n", 0), 0u);
  EXPECT_NE(s.find("admin-only checks were SKIPPED"), std::string::npos);
}

TEST(ReportTest, JsonCarriesVerdictsAndEvidence) {
  Report r;
  r.results = {Failed(), {"ok", "system", Pass(), {}}};
  r.failed = 1;
  r.passed = 1;
  auto j = ReportJson(r, "http://x", "spec.json");
  EXPECT_EQ(j["ok"], false);
  EXPECT_EQ(j["summary"]["failed"], 1);
  EXPECT_EQ(j["checks"][0]["verdict"], "FAIL");
  EXPECT_EQ(j["checks"][0]["exchange"]["response"]["status"], 400);
  EXPECT_EQ(j["checks"][0]["exchange"]["response"]["headers"]["content-type"],
            "application/problem+json");
  EXPECT_FALSE(j["checks"][1].contains("exchange"));
}

}  // namespace
}  // namespace bf::verify
