// The suite against the in-memory backend: the correct one passes every check, and each
// broken variant fails the checks named for its bug.
#include "verify/suite.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

#include "spec/spec_json.h"
#include "spec/testing_specs.h"
#include "verify/fake_backend.h"
#include "verify/report.h"

namespace bf::verify {
namespace {

using testing::Bugs;
using testing::FakeBackend;

SuiteOptions Options(bool admin = true) {
  SuiteOptions o;
  if (admin) {
    o.adminIdentity = "admin@example.com";
    o.adminPassword = "admin-password-1";
  }
  o.runId = "t3st01";
  o.eventWait = std::chrono::milliseconds(300);
  return o;
}

struct SuiteRun {
  Report report;
  std::map<std::string, Outcome> by_name;
  std::string text;  // the printed report, for failure messages
};

SuiteRun RunAgainst(const spec::AppSpec& spec, Bugs bugs, bool admin = true) {
  FakeBackend backend(spec, bugs);
  auto result = RunSuite(spec, backend, Options(admin));
  EXPECT_TRUE(result.ok());
  SuiteRun run;
  run.report = result.value();
  for (const auto& r : run.report.results) {
    run.by_name[r.name] = r.outcome;
    if (r.outcome.verdict != Verdict::kPass) run.text += FormatResult(r);
  }
  run.text += FormatSummary(run.report);
  return run;
}

class SuiteTest : public ::testing::Test {
 protected:
  spec::AppSpec spec_ = spec::testing::BlogSpec();
};

TEST_F(SuiteTest, ACorrectBackendPassesEveryCheck) {
  SuiteRun run = RunAgainst(spec_, {});
  if (std::getenv("VERIFY_PRINT")) {
    for (const auto& r : run.report.results) std::cout << FormatResult(r);
  }
  EXPECT_EQ(run.report.failed, 0) << run.text;
  EXPECT_EQ(run.report.skipped, 0) << run.text;
  EXPECT_GT(run.report.passed, 150) << run.text;
}

spec::AppSpec Golden(const std::string& name) {
  std::ifstream in(std::string(BF_SOURCE_DIR) + "/testdata/golden/specs/" + name + ".json");
  std::stringstream text;
  text << in.rdbuf();
  auto loaded = spec::LoadSpecText(text.str());
  EXPECT_TRUE(loaded.spec) << name << ": "
                           << (loaded.issues.empty() ? "" : loaded.issues[0].ToString());
  return loaded.spec ? *loaded.spec : spec::AppSpec{};
}

// Other shapes: a self relation, restrict and set-null, one-to-one, public reads, roles other
// than the default, json/date/uuid/boolean fields, no auth at all.
TEST_F(SuiteTest, ACorrectBackendPassesEveryCheckOfTheGoldenSpecs) {
  for (const char* name : {"shop", "clinic", "blog"}) {
    spec::AppSpec s = Golden(name);
    SuiteRun run = RunAgainst(s, {});
    if (std::getenv("VERIFY_PRINT")) {
      for (const auto& r : run.report.results) std::cout << name << ": " << FormatResult(r);
    }
    EXPECT_EQ(run.report.failed, 0) << name << "\n" << run.text;
    EXPECT_EQ(run.report.skipped, 0) << name << "\n" << run.text;
  }
}

TEST_F(SuiteTest, ASpecWithoutAuthIsCheckedAnonymously) {
  spec_.auth.enabled = false;
  spec_.entities[1].owner.reset();
  spec_.entities[2].owner.reset();
  SuiteRun run = RunAgainst(spec_, {}, false);
  EXPECT_EQ(run.report.failed, 0) << run.text;
  EXPECT_EQ(run.by_name.count("auth: register"), 0u);
  EXPECT_EQ(run.by_name.at("Post: create").verdict, Verdict::kPass);
  EXPECT_EQ(run.by_name.at("events: creating a User sends user.created").verdict, Verdict::kPass)
      << "no auth: User is a plain entity";
}

TEST_F(SuiteTest, WithoutAdminCredentialsAdminChecksAreSkippedNotPassed) {
  SuiteRun run = RunAgainst(spec_, {}, false);
  EXPECT_EQ(run.report.failed, 0) << run.text;
  EXPECT_EQ(run.by_name.at("auth: admin login").verdict, Verdict::kSkip);
  EXPECT_EQ(run.by_name.at("Tag: create").verdict, Verdict::kSkip)
      << "tags are created by admins only";
  EXPECT_EQ(run.by_name.at("Post: update as admin").verdict, Verdict::kSkip);
  EXPECT_EQ(run.by_name.at("Post: create").verdict, Verdict::kPass);
  EXPECT_GT(run.report.skipped, 10);
  EXPECT_FALSE(run.report.adminGiven);
  EXPECT_NE(FormatSummary(run.report).find("admin-only checks were SKIPPED"), std::string::npos);
}

TEST_F(SuiteTest, ChecksHaveUniqueNamesAndNeedOnlyEarlierChecks) {
  FakeBackend backend(spec_);
  Context ctx(spec_, backend, Options());
  auto checks = BuildSuite(ctx);
  std::set<std::string> seen;
  for (const auto& c : checks) {
    for (const auto& need : c.needs) EXPECT_TRUE(seen.count(need)) << c.name << " needs " << need;
    EXPECT_TRUE(seen.insert(c.name).second) << "duplicate check " << c.name;
  }
  EXPECT_EQ(backend.request_count(), 0u) << "building the suite sends nothing";
}

void ExpectFails(const SuiteRun& run, const std::vector<std::string>& names) {
  for (const auto& name : names) {
    auto it = run.by_name.find(name);
    ASSERT_NE(it, run.by_name.end()) << "no check named " << name;
    EXPECT_EQ(it->second.verdict, Verdict::kFail) << name << "\n" << run.text;
  }
  EXPECT_FALSE(run.report.ok());
}

TEST_F(SuiteTest, NoAuthorizationFailsTheAccessMatrix) {
  SuiteRun run = RunAgainst(spec_, Bugs{.no_authz = true});
  ExpectFails(run, {"Post: list as anonymous", "Post: update as other user",
                    "Post: delete as other user", "Tag: create as other user",
                    "User: update as other user", "Comment: get as anonymous"});
  EXPECT_NE(run.by_name.at("Post: update as other user").message.find("200"), std::string::npos);
}

TEST_F(SuiteTest, IgnoredPaginationFailsThePaginationChecks) {
  SuiteRun run = RunAgainst(spec_, Bugs{.ignores_pagination = true});
  ExpectFails(run, {"Post: pagination returns each record once",
                    "Tag: pagination returns each record once"});
}

TEST_F(SuiteTest, ALeakedPasswordHashFailsRegistrationAndMe) {
  SuiteRun run = RunAgainst(spec_, Bugs{.leaks_password_hash = true});
  ExpectFails(run, {"auth: no password hash in any answer", "User: record shape"});
  EXPECT_NE(run.by_name.at("auth: no password hash in any answer").message.find("passwordHash"),
            std::string::npos);
}

TEST_F(SuiteTest, ErrorsWithoutProblemJsonFail) {
  SuiteRun run = RunAgainst(spec_, Bugs{.plain_json_errors = true});
  ExpectFails(run, {"system: unknown route is a 404 problem", "auth: me without a token is 401",
                    "Post: get an unknown id is 404", "Post: create rejects wrong type"});
  EXPECT_NE(
      run.by_name.at("Post: get an unknown id is 404").message.find("application/problem+json"),
      std::string::npos);
}

TEST_F(SuiteTest, RefreshTokensThatAreNotRotatedFail) {
  SuiteRun run = RunAgainst(spec_, Bugs{.no_refresh_rotation = true});
  ExpectFails(run, {"auth: refresh rotates the token pair"});
  EXPECT_EQ(run.by_name.at("auth: a rotated refresh token is rejected").verdict, Verdict::kSkip);
}

TEST_F(SuiteTest, APatchThatClobbersUntouchedFieldsFails) {
  SuiteRun run = RunAgainst(spec_, Bugs{.patch_clobbers = true});
  ExpectFails(run, {"Post: update changes only the given property"});
  EXPECT_NE(run.by_name.at("Post: update changes only the given property")
                .message.find("not in the PATCH body changed"),
            std::string::npos);
}

TEST_F(SuiteTest, OwnerTakenFromTheBodyFails) {
  SuiteRun run = RunAgainst(spec_, Bugs{.owner_from_body = true});
  ExpectFails(run, {"Post: owner is taken from the token on create",
                    "Post: owner cannot be changed by update",
                    "Comment: owner is taken from the token on create"});
}

TEST_F(SuiteTest, AlgNoneTokensFail) {
  SuiteRun run = RunAgainst(spec_, Bugs{.accepts_alg_none = true});
  ExpectFails(run, {"auth: alg none tokens are rejected", "Post: list with a forged token is 401"});
  EXPECT_EQ(run.by_name.at("auth: tampered tokens are rejected").verdict, Verdict::kPass);
}

TEST_F(SuiteTest, EventsWithoutAnEventLineFail) {
  SuiteRun run = RunAgainst(spec_, Bugs{.no_event_name = true});
  ExpectFails(
      run, {"events: creating a Post sends post.created", "events: updating it sends post.updated",
            "events: deleting it sends post.deleted"});
  EXPECT_NE(
      run.by_name.at("events: creating a Post sends post.created").message.find("without the line"),
      std::string::npos);
}

TEST_F(SuiteTest, SmallerDeviationsFailTheirChecks) {
  ExpectFails(
      RunAgainst(spec_, Bugs{.unknown_property_400 = true}),
      {"Post: create rejects unknown property", "auth: register rejects an unknown property"});
  ExpectFails(RunAgainst(spec_, Bugs{.ignores_filters = true}),
              {"Post: exact-match filters", "Comment: exact-match filters"});
  ExpectFails(RunAgainst(spec_, Bugs{.ready_says_ok = true}), {"system: ready"});
}

TEST_F(SuiteTest, OperationalDeviationsFailTheirChecks) {
  ExpectFails(RunAgainst(spec_, Bugs{.no_request_id = true}), {"system: x-request-id is echoed"});
  ExpectFails(RunAgainst(spec_, Bugs{.no_throttle = true}),
              {"auth: repeated failed logins are throttled"});
  ExpectFails(RunAgainst(spec_, Bugs{.no_cascade = true}),
              {"Post: delete with a Comment referring to it (cascade)",
               "User: delete with a Post referring to it (cascade)"});
}

TEST_F(SuiteTest, RestrictAndSetNullAreChecked) {
  spec_.relations[2].onDelete = spec::OnDelete::kRestrict;  // Post -> Comment
  spec_.relations[2].required = false;
  spec_.relations[1].onDelete = spec::OnDelete::kSetNull;  // User -> Comment (author)
  spec_.relations[1].required = false;
  SuiteRun good = RunAgainst(spec_, {});
  EXPECT_EQ(good.report.failed, 0) << good.text;
  EXPECT_EQ(good.by_name.at("Post: delete with a Comment referring to it (restrict)").verdict,
            Verdict::kPass);
  EXPECT_EQ(good.by_name.at("User: delete with a Comment referring to it (set-null)").verdict,
            Verdict::kPass);
  ExpectFails(RunAgainst(spec_, Bugs{.no_cascade = true}),
              {"Post: delete with a Comment referring to it (restrict)",
               "User: delete with a Comment referring to it (set-null)"});
}

TEST_F(SuiteTest, AnUnreachableBackendIsAnErrorNotAReport) {
  class Down : public HttpClient {
   public:
    Result<HttpResponse> Send(const HttpRequest&) override {
      return MakeError("http.connect", "connection refused");
    }
    Result<std::unique_ptr<EventStream>> Open(const HttpRequest&) override {
      return MakeError("http.connect", "refused");
    }
  } down;
  auto result = RunSuite(spec_, down, Options());
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, "verify.unreachable");
}

TEST_F(SuiteTest, OnlyRunsTheSelectedChecksAndWhatTheyNeed) {
  FakeBackend backend(spec_);
  SuiteOptions o = Options();
  o.only = "Comment: get";
  auto result = RunSuite(spec_, backend, o);
  ASSERT_TRUE(result.ok());
  std::vector<std::string> names;
  for (const auto& r : result->results) names.push_back(r.name);
  EXPECT_EQ(result->failed, 0);
  EXPECT_NE(std::find(names.begin(), names.end(), "Post: create"), names.end());
  EXPECT_NE(std::find(names.begin(), names.end(), "Comment: get"), names.end());
  EXPECT_EQ(std::find(names.begin(), names.end(), "Tag: list"), names.end());
}

}  // namespace
}  // namespace bf::verify
