// Extraction rules from an audit of where the rules' relations come from (a seventh round): each
// relation of a draft records the line of the rule that drew it, and the rules whose relations
// were mostly wrong on the read evaluation sets were narrowed. Every description here is written
// for the test; none is taken from an evaluation case.
#include <gtest/gtest.h>

#include "analyze/analyzer.h"
#include "analyze/test_util.h"

namespace bf::analyze {
namespace {

using spec::RelationKind;
using testing::Dump;
using testing::HasField;
using testing::HasRelation;
using testing::PlanOf;

// "Sites: number, type, kids, pets": a plural item of a field list is a column of the record, not
// a child record of its own (this was right for 6 of 61 relations on the read sets). Categories
// and genres are the lookups a list names this way.
TEST(ExtractRules7, PluralItemsOfAFieldListAreColumns) {
  auto r = Analyze(
      "A campground booking backend. Sites: number, type, kids, pets, nightly rate. Campers book sites for a range "
      "of dates.");
  const auto& s = PlanOf(r);
  EXPECT_EQ(s.FindEntity("Kid"), nullptr) << Dump(r);
  EXPECT_EQ(s.FindEntity("Pet"), nullptr) << Dump(r);
  ASSERT_NE(s.FindEntity("Site"), nullptr) << Dump(r);
  EXPECT_TRUE(HasField(s, "Site", "pets")) << Dump(r);
  auto r2 = Analyze("A fuel log. Vehicles: name, plate, gallons, tags. Fill-ups have a date, odometer and cost.");
  EXPECT_EQ(PlanOf(r2).FindEntity("Gallon"), nullptr) << Dump(r2);
  EXPECT_EQ(PlanOf(r2).FindEntity("Tag"), nullptr) << Dump(r2);
  auto r3 = Analyze("A podcast host. Podcasts: title, description, language, categories. Episodes have a title.");
  EXPECT_TRUE(HasRelation(PlanOf(r3), "Podcast", "Category", RelationKind::kOneToMany)) << Dump(r3);
}

// "We run a small pottery studio and want to track kilns, firings and glaze recipes": in a one- or
// two-line request, what follows a verb of record keeping (track, manage, keep, log, record, store,
// handle, organise, catalogue, need, want) after a subject or "to" is what the backend keeps, each
// named once. In a longer text one such mention is not enough.
TEST(ExtractRules7, AOneLineRequestNamesWhatItKeeps) {
  auto r = Analyze("We run a small pottery studio and want to track kilns, firings and glaze recipes.");
  const auto& s = PlanOf(r);
  EXPECT_NE(s.FindEntity("Kiln"), nullptr) << Dump(r);
  EXPECT_NE(s.FindEntity("Firing"), nullptr) << Dump(r);
  EXPECT_NE(s.FindEntity("GlazeRecipe"), nullptr) << Dump(r);
  auto r2 = Analyze("I'm a mobile locksmith and need to log call-outs, the customers they're for and the locks fitted.");
  EXPECT_NE(PlanOf(r2).FindEntity("CallOut"), nullptr) << Dump(r2);
  EXPECT_NE(PlanOf(r2).FindEntity("Lock"), nullptr) << Dump(r2);
  // (Up to the next clause: "so volunteers know" names no record.)
  auto r3 = Analyze("Our allotment society needs to manage plots and tenants so volunteers know who pays what.");
  EXPECT_NE(PlanOf(r3).FindEntity("Plot"), nullptr) << Dump(r3);
  EXPECT_EQ(PlanOf(r3).FindEntity("Volunteer"), nullptr) << Dump(r3);
}

// "track patients, their exercise plans and sessions", "our apiaries, the hives in each": in the list
// after a verb of record keeping, a thing named as the previous one's belongs to it.
TEST(ExtractRules7, TheirThingsInAListBelongToThePreviousOne) {
  auto r = Analyze("Small physio clinic: we want to track patients, their exercise plans and weekly sessions.");
  EXPECT_TRUE(HasRelation(PlanOf(r), "Patient", "ExercisePlan", RelationKind::kOneToMany)) << Dump(r);
  auto r2 = Analyze("We keep bees and want to log our apiaries, the hives in each, and inspections.");
  EXPECT_TRUE(HasRelation(PlanOf(r2), "Apiary", "Hive", RelationKind::kOneToMany)) << Dump(r2);
  // (Only the previous thing: sessions are not the patients' exercise plans'.)
  EXPECT_FALSE(HasRelation(PlanOf(r), "ExercisePlan", "WeeklySession", RelationKind::kOneToMany)) << Dump(r);
}

// "We're a small brewery and need kegs and fermenters": a short request that no archetype or brand
// fits names each record once, so when no record passes, the plural things it names stand (it
// was questioned: "names no data objects"). "need" after "and" is the verb, not part of "NeedKeg".
// Scraps of words are no records, and a request a brand fits keeps the brand's model.
TEST(ExtractRules7, AShortRequestNoArchetypeFitsKeepsWhatItNames) {
  auto r = Analyze("We're a small brewery and need kegs and fermenters.");
  ASSERT_EQ(r.status, Status::kPlan) << Dump(r);
  EXPECT_NE(PlanOf(r).FindEntity("Keg"), nullptr) << Dump(r);
  EXPECT_NE(PlanOf(r).FindEntity("Fermenter"), nullptr) << Dump(r);
  EXPECT_EQ(PlanOf(r).FindEntity("NeedKeg"), nullptr) << Dump(r);
  auto r2 = Analyze("bee hives and honey harvests for our co-op");
  ASSERT_EQ(r2.status, Status::kPlan) << Dump(r2);
  EXPECT_NE(PlanOf(r2).FindEntity("BeeHive"), nullptr) << Dump(r2);
  EXPECT_NE(PlanOf(r2).FindEntity("HoneyHarvest"), nullptr) << Dump(r2);
  EXPECT_EQ(Analyze("tient pe te ditors").status, Status::kClarify);
  EXPECT_EQ(Analyze("s omes, igns and ongs").status, Status::kClarify);
  auto r3 = Analyze("A marketplace for canoe rentals, like Airbnb");
  EXPECT_EQ(PlanOf(r3).FindEntity("CanoeRental"), nullptr) << Dump(r3);
}

// "Sailing club: record each member's dinghies", "Tattoo parlour: track artists, ...": in a short
// request, a singular name before a dash or colon that opens a sentence is
// the business, not a record whose fields follow.
TEST(ExtractRules7, TheBusinessBeforeASentenceIsNoRecord) {
  auto r = Analyze("Sailing club: record each member's dinghies and the races they enter.");
  EXPECT_EQ(PlanOf(r).FindEntity("Club"), nullptr) << Dump(r);
  EXPECT_NE(PlanOf(r).FindEntity("Dinghy"), nullptr) << Dump(r);
  auto r2 = Analyze("Tattoo parlour: track artists, their bookings and the designs they draw.");
  EXPECT_EQ(PlanOf(r2).FindEntity("TrackArtist"), nullptr) << Dump(r2);
  EXPECT_NE(PlanOf(r2).FindEntity("Artist"), nullptr) << Dump(r2);
  // (A record with its field list keeps it.)
  auto r3 = Analyze("Kiln: name, max temperature, location. Firings have a date and a kiln.");
  EXPECT_TRUE(HasField(PlanOf(r3), "Kiln", "maxTemperature")) << Dump(r3);
}

// A pitch that names its market but no records ("the operating system for independent
// musicians") is questioned, though an archetype fits the market; the same pitch with its records
// is planned. (The learned clarify model, trained with pitches in guard_train/clarify_b.json,
// reads the pitch; the extractor finds no record with a list or fields.)
TEST(ExtractRules7, PitchesThatNameOnlyAMarketAreQuestioned) {
  for (const char* text :
       {"We're building the operating system for independent musicians. Think Shopify meets Spotify, but owned by "
        "the artists. Huge TAM, strong early traction, and we need a backend that scales from day one.",
        "Our mission is to make healthcare human again. An AI-first platform that connects patients and providers "
        "in a seamless, delightful way. Please build the backend.",
        "We are disrupting the fitness industry with a holistic, data-driven wellness ecosystem for busy "
        "professionals. Investors are excited. Can you generate the backend?",
        "Education is broken and we are going to fix it with an AI-native learning platform that empowers every "
        "student to reach their potential. Build the backend please."}) {
    auto r = Analyze(text);
    EXPECT_EQ(r.status, Status::kClarify) << text << "\n" << Dump(r);
  }
  auto r = Analyze(
      "We're building the operating system for independent musicians. Huge TAM. For v1: artists upload tracks "
      "(title, duration, price), fans buy tracks and follow artists, and artists see their sales per month.");
  EXPECT_EQ(r.status, Status::kPlan) << Dump(r);
  EXPECT_NE(PlanOf(r).FindEntity("Track"), nullptr) << Dump(r);
  // (Short requests and small concrete ones are planned as before.)
  EXPECT_EQ(Analyze("Uber for dog walking").status, Status::kPlan);
  EXPECT_EQ(Analyze("Counselling bookings. Clients book sessions with counsellors and get a reminder before each "
                    "session.")
                .status,
            Status::kPlan);
}

}  // namespace
}  // namespace bf::analyze
