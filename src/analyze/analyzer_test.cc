#include "analyze/analyzer.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "analyze/test_util.h"

namespace bf::analyze {
namespace {

using spec::FieldType;
using spec::RelationKind;
using testing::HasRelation;
using testing::PlanOf;
using testing::Valid;

TEST(Extract, EntityWithFieldListAfterHas) {
  auto r = Analyze("A contact manager. A contact has a name, email and phone. Each company has many contacts.");
  const auto& s = PlanOf(r);
  ASSERT_TRUE(s.FindEntity("Contact"));
  const auto* c = s.FindEntity("Contact");
  ASSERT_TRUE(c->FindField("email"));
  EXPECT_EQ(c->FindField("email")->type, FieldType::kEmail);
  EXPECT_TRUE(c->FindField("phone"));
  ASSERT_TRUE(s.FindEntity("Company"));
  EXPECT_TRUE(HasRelation(s, "Company", "Contact", RelationKind::kOneToMany));
  EXPECT_TRUE(Valid(s));
}

TEST(Extract, ParenthesisAndColonListsWithTypes) {
  auto r = Analyze(
      "Posts (title, body, status: draft or published, published_at, view count) belong to a category.\n"
      "Category: name, slug (unique), is_active");
  const auto& s = PlanOf(r);
  const auto* post = s.FindEntity("Post");
  ASSERT_TRUE(post);
  ASSERT_TRUE(post->FindField("status"));
  EXPECT_EQ(post->FindField("status")->type, FieldType::kEnum);
  EXPECT_EQ(post->FindField("status")->enumValues, (std::vector<std::string>{"draft", "published"}));
  EXPECT_EQ(post->FindField("publishedAt")->type, FieldType::kDateTime);
  EXPECT_EQ(post->FindField("viewCount")->type, FieldType::kInteger);
  const auto* cat = s.FindEntity("Category");
  ASSERT_TRUE(cat);
  EXPECT_TRUE(cat->FindField("slug")->unique);
  EXPECT_EQ(cat->FindField("isActive")->type, FieldType::kBoolean);
  EXPECT_TRUE(HasRelation(s, "Category", "Post", RelationKind::kOneToMany));
}

TEST(Extract, PossessivesAndBelongsTo) {
  auto r = Analyze(
      "Households: name, address. Each pet belongs to a household and has a name, species and birth date. "
      "A pet's vaccinations (vaccine, date given, next due) are tracked.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(HasRelation(s, "Household", "Pet", RelationKind::kOneToMany));
  ASSERT_TRUE(s.FindEntity("Vaccination"));
  EXPECT_TRUE(HasRelation(s, "Pet", "Vaccination", RelationKind::kOneToMany));
  EXPECT_EQ(s.FindEntity("Pet")->FindField("birthDate")->type, FieldType::kDate);
}

TEST(Extract, SelfManyToManyFromFollow) {
  auto r = Analyze("A social app: users can follow other users and write posts (text, image).");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(HasRelation(s, "User", "User", RelationKind::kManyToMany));
  EXPECT_TRUE(HasRelation(s, "User", "Post", RelationKind::kOneToMany));
}

TEST(Extract, JoinEntityWithPayload) {
  auto r = Analyze("A shop where customers place orders. Orders contain products with quantities. Products have a name and price.");
  const auto& s = PlanOf(r);
  const auto* item = s.FindEntity("OrderItem");
  ASSERT_TRUE(item);
  ASSERT_TRUE(item->FindField("quantity"));
  EXPECT_EQ(item->FindField("quantity")->type, FieldType::kInteger);
  EXPECT_TRUE(HasRelation(s, "Order", "OrderItem", RelationKind::kOneToMany));
  EXPECT_TRUE(HasRelation(s, "Product", "OrderItem", RelationKind::kOneToMany));
}

TEST(Extract, UnseenDomainWithManyToMany) {
  auto r = Analyze(
      "Beekeeping co-op backend. Apiaries: name, location, latitude, longitude. Each hive belongs to an apiary "
      "and has a queen year and a status (strong, weak, dead). Inspections of a hive record the date, mite count and "
      "notes. Beekeepers are assigned to several apiaries.");
  const auto& s = PlanOf(r);
  for (const char* e : {"Apiary", "Hive", "Inspection"}) EXPECT_TRUE(s.FindEntity(e)) << e;
  EXPECT_TRUE(HasRelation(s, "Apiary", "Hive", RelationKind::kOneToMany));
  EXPECT_TRUE(HasRelation(s, "Hive", "Inspection", RelationKind::kOneToMany));
  EXPECT_EQ(s.FindEntity("Apiary")->FindField("latitude")->type, FieldType::kNumber);
  EXPECT_EQ(s.FindEntity("Hive")->FindField("status")->type, FieldType::kEnum);
  EXPECT_TRUE(Valid(s));
}

TEST(Extract, NestedAndLookupEntities) {
  auto r = Analyze("Products: name, price, a category (categories nest). Documents nest under a parent document.");
  const auto& s = PlanOf(r);
  ASSERT_TRUE(s.FindEntity("Category"));
  EXPECT_TRUE(HasRelation(s, "Category", "Product", RelationKind::kOneToMany));
  EXPECT_TRUE(HasRelation(s, "Category", "Category", RelationKind::kOneToMany));
}

TEST(Extract, RolesAndFeatures) {
  auto r = Analyze(
      "A library system for librarians and members. Books (title, isbn, cover image) can be borrowed; members get "
      "email reminders and can search the catalogue. Librarians log in to manage loans.");
  const auto& s = PlanOf(r);
  auto has_role = [&](const std::string& role) {
    return std::find(s.roles.begin(), s.roles.end(), role) != s.roles.end();
  };
  EXPECT_TRUE(has_role("librarian"));
  EXPECT_TRUE(has_role("member"));
  EXPECT_TRUE(has_role("admin"));
  EXPECT_TRUE(s.HasFeature(spec::Feature::kSearch));
  EXPECT_TRUE(s.HasFeature(spec::Feature::kEmail));
  EXPECT_TRUE(s.HasFeature(spec::Feature::kFileUploads));
  EXPECT_TRUE(s.HasFeature(spec::Feature::kRoles));
}

TEST(Archetypes, ShortDescriptionsGetSensibleModels) {
  struct Case { const char* text; std::vector<const char*> entities; };
  std::vector<Case> cases = {
      {"a blog", {"Post", "Comment", "Tag"}},
      {"an e-commerce backend with inventory", {"Product", "Order", "OrderItem", "Inventory"}},
      {"A social media backend with user authentication, posts, and notifications", {"Post", "Comment", "Notification"}},
      {"appointment booking for a hair salon", {"Booking", "Service"}},
      {"a helpdesk for support tickets", {"Ticket", "Comment"}},
  };
  for (const auto& c : cases) {
    auto r = Analyze(c.text);
    const auto& s = PlanOf(r);
    for (const char* e : c.entities) EXPECT_TRUE(s.FindEntity(e)) << c.text << " -> " << e;
    EXPECT_TRUE(Valid(s)) << c.text;
    EXPECT_FALSE(r.assumptions.empty()) << c.text;
  }
}

TEST(Spec, UserEntityOwnersAndRolesAlwaysValid) {
  auto r = Analyze("Users write posts and comments. Users have a password, a role, an email and a createdAt.");
  const auto& s = PlanOf(r);
  const auto* user = s.FindEntity(s.auth.userEntity);
  ASSERT_TRUE(user);
  const auto* email = user->FindField("email");
  ASSERT_TRUE(email);
  EXPECT_TRUE(email->required && email->unique);
  EXPECT_EQ(email->type, FieldType::kEmail);
  EXPECT_FALSE(user->FindField("password"));
  EXPECT_FALSE(user->FindField("role"));
  EXPECT_FALSE(user->FindField("createdAt"));
  const auto* post = s.FindEntity("Post");
  ASSERT_TRUE(post);
  EXPECT_TRUE(post->owner.has_value());
  EXPECT_TRUE(std::find(s.roles.begin(), s.roles.end(), "admin") != s.roles.end());
  EXPECT_TRUE(std::find(s.roles.begin(), s.roles.end(), s.auth.defaultRole) != s.roles.end());
  EXPECT_TRUE(Valid(s));
}

TEST(Spec, EveryArchetypeLabelPlansValidly) {
  for (const char* text : {"a wiki", "a chat app", "a crm", "an iot sensor platform", "a fintech wallet app",
                           "a logistics shipment tracker", "hr software for employees", "a fitness gym app",
                           "an inventory system for warehouses", "an events platform with rsvp", "a restaurant",
                           "real estate listings", "a forum", "a recipe site", "music streaming", "a job board",
                           "travel planning", "a hotel", "ride sharing", "food delivery", "crowdfunding",
                           "a survey tool", "a todo list app", "url shortener", "file sharing", "a podcast host",
                           "a veterinary clinic", "a law firm", "insurance claims", "car rental", "a sports league",
                           "a church", "time tracking", "invoicing", "subscription plans", "uptime monitoring",
                           "a dating app", "photo sharing", "an lms with courses", "a school"}) {
    auto r = Analyze(text);
    ASSERT_EQ(r.status, Status::kPlan) << text << ": " << r.reason;
    EXPECT_TRUE(Valid(*r.spec)) << text;
    EXPECT_GE(r.spec->entities.size(), 3u) << text;
  }
}

TEST(Spec, DeterministicBytes) {
  const char* text = "Projects have tasks (title, status todo/doing/done, due date). Users are assigned to tasks.";
  std::string a = testing::Dump(Analyze(text));
  for (int i = 0; i < 3; ++i) EXPECT_EQ(testing::Dump(Analyze(text)), a);
}

TEST(Spec, StackWords) {
  auto r = Analyze("A todo API in Go with PostgreSQL: tasks have a title and a done flag.");
  const auto& s = PlanOf(r);
  EXPECT_EQ(s.stack.language, "go");
  EXPECT_EQ(s.stack.database, "postgres");
}

TEST(Clarify, VagueDescriptionAsksThenPlansWithDefaults) {
  const char* text = "I want a platform that connects people with other people for stuff. Kind of a marketplace but "
                     "also kind of social, maybe with payments, maybe not.";
  auto r = Analyze(text);
  ASSERT_EQ(r.status, Status::kClarify);
  ASSERT_FALSE(r.questions.empty());
  std::map<std::string, std::string> answers;
  for (const auto& q : r.questions) {
    EXPECT_FALSE(q.options.empty()) << q.id;
    EXPECT_NE(std::find(q.options.begin(), q.options.end(), q.defaultOption), q.options.end()) << q.id;
    answers[q.id] = q.defaultOption;
  }
  auto planned = Analyze(text, {}, answers);
  ASSERT_EQ(planned.status, Status::kPlan);
  EXPECT_TRUE(Valid(*planned.spec));
}

TEST(Clarify, MissingContextAsks) {
  auto r = Analyze("Set up the backend for the portal we talked about on the call, same objects as the old system.");
  EXPECT_EQ(r.status, Status::kClarify);
  auto j = ToJson(r);
  EXPECT_EQ(j["status"], "clarify");
  EXPECT_TRUE(j["questions"][0].contains("default"));
}

// Vague requests in wordings no phrase list of AssessClarity has: the learned clarify model
// (guard_model.h) catches them. None of these texts is in testdata/analyze/guard_train/.
TEST(Clarify, LearnedModelAsksOnCodenamesAndMissingMaterial) {
  const char* vague[] = {
      "Kick off the Bluebird rollout: the backend for module Tern, wired up the way the steering group signed "
      "off in Q3.",
      "Use the requirements from the workshop deck and build it. The board expects a demo by Friday.",
  };
  for (const char* text : vague) {
    auto r = Analyze(text);
    EXPECT_EQ(r.status, Status::kClarify) << text;
    EXPECT_FALSE(r.questions.empty()) << text;
  }
  // Short but concrete: planned.
  for (const char* text : {"Recipes have ingredients and steps.", "Kanban boards with columns and cards."}) {
    EXPECT_EQ(Analyze(text).status, Status::kPlan) << text;
  }
}

// Scope the writer has not settled ("still figuring out the niche", "one backend for the whole
// workflow, departments work a bit differently") is asked about when the text names at most a
// couple of records; idioms and adjectives in such texts make none ("keep track of", "flexible",
// "the office runs on spreadsheets"). Written for the test, not taken from an evaluation case.
TEST(Clarify, UnsettledScopeAsksAndItsIdiomsMakeNoRecords) {
  auto r = Analyze(
      "An app where neighbours keep track of their tools and lend some to each other when they feel like it. Keep "
      "it flexible - we're still figuring out the niche.");
  EXPECT_EQ(r.status, Status::kClarify) << ToJson(r).dump();
  auto r2 = Analyze(
      "Our office runs on spreadsheets and email. I want one backend that handles the whole workflow, from the "
      "moment requests come in until stuff gets done. Each team works a bit differently.");
  EXPECT_EQ(r2.status, Status::kClarify) << ToJson(r2).dump();
  // The same idioms in a concrete text are planned, without records made from them (the code before
  // the rules planned Track and CompanyRun here).
  auto p = Analyze(
      "A repair shop. Jobs have a customer, a device and a status. Customers keep track of their jobs. Right now "
      "everything in the company runs on WhatsApp groups and Excel files.");
  ASSERT_EQ(p.status, Status::kPlan) << ToJson(p).dump();
  for (const char* junk : {"Track", "CompanyRun"}) EXPECT_EQ(p.spec->FindEntity(junk), nullptr) << junk;
  EXPECT_NE(p.spec->FindEntity("Job"), nullptr) << ToJson(p).dump();
}

TEST(Clarify, ContradictoryRequirementsAskWhichToKeep) {
  const char* text =
      "Pharmacy pickup lockers. Customers stay fully anonymous, no accounts and no names, yet every pickup is "
      "billed monthly by card to their verified legal name.";
  auto r = Analyze(text);
  ASSERT_EQ(r.status, Status::kClarify) << r.reason;
  ASSERT_EQ(r.questions.size(), 1u);
  EXPECT_EQ(r.questions[0].id, "contradiction");
  ASSERT_EQ(r.questions[0].options.size(), 2u);
  EXPECT_EQ(r.questions[0].defaultOption, r.questions[0].options[0]);
  // Answering plans, and the choice is an assumption; an answer that is not an option is not echoed.
  auto planned = Analyze(text, {}, {{"contradiction", r.questions[0].options[1]}});
  ASSERT_EQ(planned.status, Status::kPlan) << planned.reason;
  EXPECT_TRUE(std::any_of(planned.assumptions.begin(), planned.assumptions.end(), [&](const std::string& a) {
    return a.find(r.questions[0].options[1]) != std::string::npos;
  }));
  auto odd = Analyze(text, {}, {{"contradiction", "Keep canary-7731 instead"}});
  ASSERT_EQ(odd.status, Status::kPlan);
  for (const auto& a : odd.assumptions) EXPECT_EQ(a.find("canary"), std::string::npos) << a;
  EXPECT_EQ(Analyze("Field survey app that works completely offline, yet teams see each other's answers live.")
                .questions.at(0).id,
            "contradiction");
}

TEST(Clarify, RequirementsThatOnlySoundOppositeArePlanned) {
  for (const char* text : {
           "Anonymous staff surveys: answers are stored without names; HR gets a weekly summary by email and "
           "questions have a type and text.",
           "Shop with guest checkout, no accounts needed; orders keep the email for the receipt and the delivery "
           "address.",
           "Offline-first field notes app: notes are kept on the device and sync to the server when back online.",
       }) {
    auto r = Analyze(text);
    EXPECT_EQ(r.status, Status::kPlan) << text << ": " << r.reason;
  }
}

TEST(Clarify, AnswersInConversationAreRead) {
  const char* text = "a platform for stuff, kind of generic, maybe something like anything";
  ASSERT_EQ(Analyze(text).status, Status::kClarify);
  std::vector<Turn> convo = {{"user", text}, {"assistant", "What is it for?"},
                             {"user", "It is a marketplace where sellers list listings and buyers place orders."}};
  auto r = Analyze(text, convo);
  EXPECT_EQ(r.status, Status::kPlan) << r.reason;
}

TEST(Json, ShapeForCli) {
  auto j = ToJson(Analyze("a blog"));
  EXPECT_EQ(j["status"], "plan");
  EXPECT_TRUE(j["spec"].is_object());
  EXPECT_TRUE(j["questions"].is_array());
  EXPECT_TRUE(j["assumptions"].is_array());
  EXPECT_TRUE(j.contains("reason"));
}

TEST(Engine, OfflineEngineMatchesFreeFunctions) {
  auto engine = MakeOfflineEngine();
  EXPECT_EQ(engine->name(), "offline");
  EXPECT_EQ(testing::Dump(engine->Analyze("a blog", {}, {})), testing::Dump(Analyze("a blog")));
}

}  // namespace
}  // namespace bf::analyze

namespace bf::analyze {
namespace {

TEST(Robustness, OddInputsNeverCrashAndStayValid) {
  std::vector<std::string> inputs = {"", "   ", "!!!???", "a", "<!-- only a comment -->",
                                     "\xC3\xB1" "and\xC3\xBA" " caf\xC3\xA9 \xE2\x80\x94 \xE6\x97\xA5\xE6\x9C\xAC",
                                     std::string(5000, 'x'), "((((( unbalanced [ { : ; , - / +"};
  std::string many;
  for (int i = 0; i < 400; ++i) many += "users have posts. ";
  inputs.push_back(many);
  for (const auto& in : inputs) {
    AnalysisResult r = Analyze(in);
    if (r.status == Status::kPlan) {
      ASSERT_TRUE(r.spec);
      EXPECT_TRUE(testing::Valid(*r.spec));
    } else if (r.status == Status::kClarify) {
      EXPECT_FALSE(r.questions.empty());
    }
    EXPECT_NO_THROW(ToJson(r).dump());
  }
}

}  // namespace
}  // namespace bf::analyze
