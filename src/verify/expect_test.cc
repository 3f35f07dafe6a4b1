#include "verify/expect.h"

#include <gtest/gtest.h>

namespace bf::verify {
namespace {

Exchange Answer(int status, std::string type, std::string body,
                std::vector<HttpHeader> headers = {}) {
  Exchange ex;
  ex.request = {"GET", "/x", {}, std::nullopt};
  headers.push_back({"content-type", std::move(type)});
  ex.response = HttpResponse{status, headers, std::move(body)};
  return ex;
}

TEST(ExpectTest, ProblemNeedsTheMediaTypeAndAMatchingStatus) {
  std::string good = R"({"type":"about:blank","title":"Not Found","status":404})";
  EXPECT_FALSE(
      ExpectProblem(Answer(404, "application/problem+json; charset=utf-8", good), 404, "404"));
  auto plain = ExpectProblem(Answer(404, "application/json", good), 404, "404");
  ASSERT_TRUE(plain);
  EXPECT_NE(plain->message.find("application/problem+json"), std::string::npos);
  EXPECT_TRUE(ExpectProblem(
      Answer(404, "application/problem+json", R"({"type":"x","title":"t","status":400})"), 404,
      ""));
  EXPECT_TRUE(ExpectProblem(
      Answer(404, "application/problem+json", R"({"title":"t","status":404})"), 404, ""));
  EXPECT_TRUE(ExpectProblem(
      Answer(500, "application/problem+json",
             R"j({"type":"x","title":"t","status":500,"detail":"Error\n    at foo (app.js:1)"})j"),
      500, ""))
      << "stack traces are failures";
  EXPECT_TRUE(ExpectProblem(Answer(200, "application/json", "{}"), 404, ""));
  Exchange none;
  none.transportError = "connection refused";
  EXPECT_TRUE(ExpectProblem(none, 404, ""));
}

TEST(ExpectTest, FieldErrorsMatchPathsInEveryCommonForm) {
  for (const char* path :
       {"title", "/title", "body.title", "tagIds.0", "/tagIds/0", "items[2].title"}) {
    std::string body = std::string(R"({"errors":[{"path":")") + path + R"(","message":"bad"}]})";
    std::string field = std::string(path).find("tagIds") != std::string::npos ? "tagIds" : "title";
    EXPECT_FALSE(ExpectFieldError(Answer(422, "application/problem+json", body), field, ""))
        << path;
  }
  auto wrong = ExpectFieldError(
      Answer(422, "application/problem+json", R"({"errors":[{"path":"titles","message":"x"}]})"),
      "title", "");
  ASSERT_TRUE(wrong);
  EXPECT_NE(wrong->message.find("\"titles\""), std::string::npos);
  EXPECT_TRUE(ExpectFieldError(Answer(422, "application/problem+json", R"({"detail":"bad"})"),
                               "title", ""));
}

TEST(ExpectTest, PagesMustEchoPageAndLimit) {
  std::string page = R"({"data":[{"id":"a"}],"page":2,"limit":1,"total":5})";
  nlohmann::json out;
  EXPECT_FALSE(ExpectPage(Answer(200, "application/json", page), 2, 1, "", out));
  EXPECT_TRUE(ExpectPage(Answer(200, "application/json", page), 1, 1, "", out));
  EXPECT_TRUE(ExpectPage(
      Answer(200, "application/json", R"({"data":[{},{}],"page":1,"limit":1,"total":5})"), 1, 1, "",
      out));
}

TEST(ExpectTest, InstantsAndDates) {
  EXPECT_EQ(ParseInstant("1970-01-01T00:00:00Z"), 0);
  EXPECT_EQ(ParseInstant("2024-01-15T10:00:00.000Z"), ParseInstant("2024-01-15T11:00:00+01:00"));
  EXPECT_EQ(ParseInstant("2024-01-15T10:00:00.5Z").value() % 1000, 500);
  EXPECT_FALSE(ParseInstant("2024-02-30T10:00:00Z"));
  EXPECT_FALSE(ParseInstant("2024-01-15 10:00"));
  EXPECT_FALSE(ParseInstant("yesterday"));
  EXPECT_TRUE(IsUtcInstant("2024-01-15T10:00:00.000Z"));
  EXPECT_FALSE(IsUtcInstant("2024-01-15T10:00:00+02:00"));
  EXPECT_TRUE(IsDate("2024-02-29"));
  EXPECT_FALSE(IsDate("2023-02-29"));
}

TEST(ExpectTest, SameValueComparesAsTheFieldTypeSays) {
  spec::Field at{.name = "at", .type = spec::FieldType::kDateTime};
  EXPECT_TRUE(SameValue(&at, "2024-01-15T10:00:00Z", "2024-01-15T10:00:00.000Z"));
  spec::Field mail{.name = "mail", .type = spec::FieldType::kEmail};
  EXPECT_TRUE(SameValue(&mail, "A@x.io", "a@x.io"));
  spec::Field n{.name = "n", .type = spec::FieldType::kNumber};
  EXPECT_TRUE(SameValue(&n, 1, 1.0));
  EXPECT_FALSE(SameValue(&n, 1, "1"));
  EXPECT_TRUE(
      SameValue(nullptr, nlohmann::json::array({"a", "b"}), nlohmann::json::array({"b", "a"})));
  EXPECT_FALSE(SameValue(nullptr, nullptr, "x"));
}

TEST(ExpectTest, SecretsAreFoundAnywhere) {
  EXPECT_EQ(LeakedSecret({{"user", {{"id", "1"}, {"passwordHash", "x"}}}}), "user.passwordHash");
  EXPECT_EQ(
      LeakedSecret({{"list", nlohmann::json::array({{{"id", 1}, {"pw", "$argon2id$v=19$m=1"}}})}}),
      "list[0].pw");
  EXPECT_EQ(LeakedSecret({{"id", "1"}, {"name", "Hashimoto"}}), "");
}

TEST(ExpectTest, Articles) {
  EXPECT_EQ(A("Post"), "a Post");
  EXPECT_EQ(A("OrderItem"), "an OrderItem");
  EXPECT_EQ(A("User"), "a User");
  EXPECT_EQ(A("Appointment"), "an Appointment");
}

TEST(ExpectTest, StrOfNeverThrows) {
  nlohmann::json j = {{"a", "x"}, {"b", nullptr}, {"c", 3}};
  EXPECT_EQ(StrOf(j, "a"), "x");
  EXPECT_EQ(StrOf(j, "b"), "");
  EXPECT_EQ(StrOf(j, "c"), "");
  EXPECT_EQ(StrOf(nlohmann::json::array(), "a"), "");
}

}  // namespace
}  // namespace bf::verify
