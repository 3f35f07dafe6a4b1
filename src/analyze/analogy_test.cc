#include "analyze/analogy.h"

#include <gtest/gtest.h>

#include <map>

#include "analyze/test_util.h"

namespace bf::analyze {
namespace {

using spec::RelationKind;
using testing::HasDirected;
using testing::HasField;
using testing::PlanOf;
using testing::Valid;

std::optional<Analogy> Find(std::string_view text) { return FindAnalogy(Segment(text)); }

// A copy: PlanOf returns a reference into its (here temporary) result.
spec::AppSpec Plan(std::string_view text) { return PlanOf(Analyze(text)); }

std::vector<std::string> Words(std::initializer_list<const char*> w) { return {w.begin(), w.end()}; }

TEST(Analogy, BrandForATargetGivesTheTargetWords) {
  auto a = Find("An Uber-like app for house cleaning in Berlin.");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->brand, "uber");
  EXPECT_EQ(a->shape, AnalogyShape::kService);
  EXPECT_EQ(a->target, Words({"house", "cleaning"}));
  EXPECT_FALSE(a->placeholder);

  a = Find("We want to build the Airbnb of boats.");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->brand, "airbnb");
  EXPECT_EQ(a->target, Words({"boats"}));

  a = Find("I need a platform, like Uber, for tow trucks");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->target, Words({"tow", "trucks"}));

  a = Find("an eBay for sneakers");  // a camel-case brand is one word
  ASSERT_TRUE(a);
  EXPECT_EQ(a->brand, "ebay");
  EXPECT_EQ(a->target, Words({"sneakers"}));
}

TEST(Analogy, ATargetThatNamesNoDomainIsAPlaceholder) {
  for (const char* text : {"Uber for our industry", "Build me an Uber for our industry.", "the Airbnb of our sector",
                           "Something like Uber but for small businesses", "Tinder for X"}) {
    auto a = Find(text);
    ASSERT_TRUE(a) << text;
    EXPECT_TRUE(a->placeholder) << text;
  }
  auto a = Find("Build me an Uber for our industry.");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->text, "Uber for our industry");
}

TEST(Analogy, IntegrationsFieldsAndContrastsAreNoAnalogy) {
  EXPECT_FALSE(Find("Send alerts to Slack for incidents."));
  EXPECT_FALSE(Find("Users can log in with Facebook for convenience."));
  EXPECT_FALSE(Find("Profiles have a Twitter handle and a LinkedIn URL."));
  EXPECT_FALSE(Find("The notion of ownership matters for documents."));
  EXPECT_FALSE(Find("We keep some slack for delays."));  // an everyday word needs its capital
  EXPECT_FALSE(Find("Like Airbnb, but different. You know what I mean."));
  // A brand named as the model, with no target.
  auto a = Find("An Airbnb clone.");
  ASSERT_TRUE(a);
  EXPECT_TRUE(a->target.empty());
  EXPECT_FALSE(a->placeholder);
}

TEST(Analogy, NoDomainAsksWhatTheBusinessOffers) {
  auto r = Analyze("Build me an Uber for our industry.");
  ASSERT_EQ(r.status, Status::kClarify) << testing::Dump(r);
  EXPECT_NE(r.reason.find("Uber for our industry"), std::string::npos) << r.reason;
  ASSERT_FALSE(r.questions.empty());
  EXPECT_EQ(r.questions[0].id, "domain");
  EXPECT_EQ(r.questions[0].defaultOption, "Ride sharing [rides]");
  EXPECT_NE(std::find(r.questions[0].options.begin(), r.questions[0].options.end(), "On-demand services [gig]"),
            r.questions[0].options.end());
  // Choosing an option plans it.
  auto planned = Analyze("Build me an Uber for our industry.", {}, {{"domain", "On-demand services [gig]"}});
  const auto& s = PlanOf(planned);
  EXPECT_TRUE(s.FindEntity("Provider"));
  EXPECT_TRUE(s.FindEntity("Booking"));
  EXPECT_TRUE(Valid(s));
}

// Talk about the product around the analogy ("a slick admin area", "huge traffic", "you decide")
// says nothing about the business either.
TEST(Analogy, ProductTalkAroundTheAnalogyStillAsks) {
  auto r = Analyze(
      "hi, I'd like an app for my company, kind of like Airbnb but for our sector, with a slick admin area and smart "
      "recommendations. Needs to handle huge traffic and be super secure. Just design the backend for me, you "
      "decide the details.");
  ASSERT_EQ(r.status, Status::kClarify) << testing::Dump(r);
  EXPECT_NE(r.reason.find("Airbnb but for our sector"), std::string::npos) << r.reason;
}

// Saying what the business does (in the same text or in a reply to the question) plans the brand's
// shape instead of asking again.
TEST(Analogy, TheAnswerToTheQuestionPlansTheBrandsShape) {
  std::vector<Turn> conversation = {{"user", "Build me an Uber for our industry."},
                                    {"assistant", "What is the backend mainly for?"},
                                    {"user", "We deliver flowers to offices every morning."}};
  auto r = Analyze("Build me an Uber for our industry.", conversation);
  const auto& s = PlanOf(r);
  EXPECT_TRUE(s.FindEntity("Provider")) << testing::Dump(r);
  EXPECT_TRUE(s.FindEntity("Booking")) << testing::Dump(r);
  EXPECT_FALSE(s.FindEntity("Ride")) << testing::Dump(r);
  auto r2 = Analyze("An Airbnb for our niche. Hosts list garden sheds by the hour, guests rate them.");
  EXPECT_EQ(r2.status, Status::kPlan) << testing::Dump(r2);
}

TEST(Analogy, AServiceBrandCarriesOverToTheActivity) {
  auto r = Analyze("Uber for dog walking");
  const auto& s = PlanOf(r);
  ASSERT_TRUE(s.FindEntity("Walker")) << testing::Dump(r);
  EXPECT_FALSE(s.FindEntity("Ride"));
  EXPECT_FALSE(s.FindEntity("Vehicle"));
  EXPECT_TRUE(HasField(s, "Booking", "scheduledAt"));
  EXPECT_TRUE(HasField(s, "Dog", "breed"));
  EXPECT_TRUE(HasDirected(s, "Walker", "Booking", RelationKind::kOneToMany));
  EXPECT_TRUE(HasDirected(s, "Dog", "Booking", RelationKind::kOneToMany));
  EXPECT_TRUE(HasDirected(s, "User", "Dog", RelationKind::kOneToMany));
  EXPECT_TRUE(HasDirected(s, "Booking", "Review", RelationKind::kOneToMany));
  EXPECT_EQ(s.title, "On-demand dog walking API");
  bool read = false;
  for (const auto& a : r.assumptions) read = read || a.find("Uber for dog walking") != std::string::npos;
  EXPECT_TRUE(read) << testing::Dump(r);
  EXPECT_TRUE(Valid(s));

  EXPECT_TRUE(Plan("Uber for grocery shopping").FindEntity("Shopper"));
  EXPECT_TRUE(Plan("Uber for tutoring").FindEntity("Tutor"));
  EXPECT_TRUE(Plan("Uber for babysitting").FindEntity("Babysitter"));
  EXPECT_TRUE(Plan("Uber for plumbers").FindEntity("Plumber"));
  const spec::AppSpec trucks = Plan("Uber for tow trucks");
  EXPECT_TRUE(HasDirected(trucks, "Provider", "TowTruck", RelationKind::kOneToMany));
}

TEST(Analogy, ATargetThatIsADomainItselfPlansThatDomain) {
  const spec::AppSpec s = Plan("Uber for food delivery");
  EXPECT_TRUE(s.FindEntity("Restaurant"));
  EXPECT_TRUE(s.FindEntity("Courier"));
  EXPECT_FALSE(s.FindEntity("Ride"));
}

TEST(Analogy, ListingsMatchesAndMarketsTakeTheTargetsName) {
  const spec::AppSpec boats = Plan("An Airbnb for boats");
  EXPECT_TRUE(HasField(boats, "Boat", "pricePerDay"));
  EXPECT_FALSE(HasField(boats, "Boat", "maxGuests"));  // boats are not slept in by the night
  EXPECT_TRUE(HasDirected(boats, "Boat", "Booking", RelationKind::kOneToMany));
  EXPECT_TRUE(HasDirected(boats, "User", "Boat", RelationKind::kOneToMany));

  const spec::AppSpec cabins = Plan("Airbnb for cabins");
  EXPECT_TRUE(HasField(cabins, "Cabin", "pricePerNight"));
  EXPECT_TRUE(HasField(cabins, "Cabin", "maxGuests"));

  const spec::AppSpec dogs = Plan("Tinder for dogs");
  EXPECT_TRUE(dogs.FindEntity("Dog"));
  EXPECT_FALSE(dogs.FindEntity("Profile"));
  EXPECT_TRUE(HasDirected(dogs, "Dog", "Like", RelationKind::kOneToMany));

  // Every relation of the renamed entity follows the rename.
  const spec::AppSpec furniture = Plan("Etsy for vintage furniture");
  EXPECT_TRUE(HasDirected(furniture, "Category", "VintageFurniture", RelationKind::kOneToMany));
  EXPECT_TRUE(HasDirected(furniture, "VintageFurniture", "Review", RelationKind::kOneToMany));
  EXPECT_TRUE(Valid(furniture));
}

// The target may come first ("a dog walking app like Uber") or after a kind of product
// ("Tinder-style matching for roommates"); a brand of one kind of backend needs no domain
// ("Slack-style chat for our team" is a chat).
// "Airbnb for renting camper vans", "Tinder for adopting rescue dogs": the act in the target is the
// brand's, the listed record is what it acts on; more than two words of target name it by the
// last two ("lakeside fishing cabins" -> FishingCabin).
TEST(Analogy, TheListedRecordIsWhatTheActIsOn) {
  EXPECT_TRUE(Plan("Airbnb for renting camper vans").FindEntity("CamperVan"));
  EXPECT_TRUE(Plan("Tinder for adopting rescue dogs.").FindEntity("RescueDog"));
  EXPECT_TRUE(Plan("Etsy for selling handmade candles").FindEntity("HandmadeCandle"));
  EXPECT_TRUE(Plan("Airbnb for lakeside fishing cabins.").FindEntity("FishingCabin"));
  EXPECT_FALSE(Plan("Airbnb for renting camper vans").FindEntity("RentingCamperVan"));
}

TEST(Analogy, OtherWordOrders) {
  EXPECT_TRUE(Plan("A dog walking app like Uber").FindEntity("Walker"));
  EXPECT_TRUE(Plan("Tinder-style matching for roommates").FindEntity("Roommate"));
  const spec::AppSpec boats = Plan("A marketplace for boat rentals, like Airbnb");
  EXPECT_TRUE(boats.FindEntity("Boat"));
  EXPECT_FALSE(boats.FindEntity("BoatRental"));
  auto r = Analyze("Slack-style chat for our team");
  EXPECT_EQ(r.status, Status::kPlan) << testing::Dump(r);
}

TEST(Analogy, ABrandAsTheModelPicksItsKindOfBackend) {
  const spec::AppSpec s = Plan("An Airbnb clone.");
  EXPECT_TRUE(s.FindEntity("Listing"));
  EXPECT_TRUE(s.FindEntity("Booking"));
  EXPECT_EQ(Analyze("Like Airbnb, but different. You know what I mean.").status, Status::kClarify);
}

}  // namespace
}  // namespace bf::analyze
