#include "verify/check.h"

#include <gtest/gtest.h>

namespace bf::verify {
namespace {

Check Make(std::string name, std::vector<std::string> needs, Outcome outcome,
           int* calls = nullptr) {
  return Check{std::move(name), "g", std::move(needs), [outcome, calls] {
                 if (calls) ++*calls;
                 return outcome;
               }};
}

TEST(RunChecksTest, RunsInOrderAndSkipsDependentsOfFailures) {
  int calls = 0;
  std::vector<Check> checks = {Make("a", {}, Pass()),
                               Make("b", {"a"}, Fail("broken", "ok")),
                               Make("c", {"b"}, Pass(), &calls),
                               Make("d", {"c"}, Pass(), &calls),
                               Make("e", {"a"}, Skip("no admin")),
                               Make("f", {"e"}, Pass(), &calls),
                               Make("g", {"later"}, Pass(), &calls),
                               Make("later", {}, Pass())};
  std::vector<std::string> seen;
  auto results = RunChecks(checks, [&](const CheckResult& r) { seen.push_back(r.name); });
  ASSERT_EQ(results.size(), checks.size());
  EXPECT_EQ(seen, (std::vector<std::string>{"a", "b", "c", "d", "e", "f", "g", "later"}));
  EXPECT_EQ(calls, 0) << "no dependent of a failed or skipped check runs";
  EXPECT_EQ(results[2].outcome.verdict, Verdict::kSkip);
  EXPECT_EQ(results[2].outcome.message, "needs \"b\", which failed");
  EXPECT_EQ(results[3].outcome.message, "needs \"c\", which was skipped");
  EXPECT_EQ(results[5].outcome.message, "needs \"e\", which was skipped");
  EXPECT_EQ(results[6].outcome.message, "needs \"later\", which did not run before it");
}

TEST(SelectChecksTest, KeepsWhatTheSelectedNeedTransitively) {
  std::vector<Check> checks = {
      Make("auth: register", {}, Pass()), Make("Post: create", {"auth: register"}, Pass()),
      Make("Post: get", {"Post: create"}, Pass()), Make("Tag: create", {}, Pass())};
  auto picked = SelectChecks(checks, "post: GET");
  ASSERT_EQ(picked.size(), 3u);
  EXPECT_EQ(picked[0].name, "auth: register");
  EXPECT_EQ(picked[2].name, "Post: get");
  EXPECT_EQ(SelectChecks(checks, "").size(), 4u);
}

}  // namespace
}  // namespace bf::verify
