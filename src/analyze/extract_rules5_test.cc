// Extraction rules from a fifth round of error analysis: patterns that recur across many read
// evaluation sets, checked on everyday wording. Every description here is written for the test;
// none is taken from an evaluation case.
#include <gtest/gtest.h>

#include "analyze/analyzer.h"
#include "analyze/test_util.h"

namespace bf::analyze {
namespace {

using spec::RelationKind;
using testing::Dump;
using testing::HasDirected;
using testing::HasField;
using testing::NoEntityNamedWith;
using testing::PlanOf;

// "Comments belong to a post", "every city belongs to a country": both sides of a verb of
// belonging are records, even words that are usually a feature ("comments") or a column ("city").
TEST(ExtractRules5, BothSidesOfBelongingAreRecords) {
  for (const char* text : {"Comments belong to a post. Posts have a title.",
                           "Every comment belongs to a post. Posts have a title and a body."}) {
    auto r = Analyze(text);
    const auto& s = PlanOf(r);
    EXPECT_TRUE(HasDirected(s, "Post", "Comment", RelationKind::kOneToMany)) << text << "\n" << Dump(r);
  }
  auto r = Analyze("A store locator. Stores have a name and opening hours. Every city belongs to a country.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(HasDirected(s, "Country", "City", RelationKind::kOneToMany)) << Dump(r);
  // ("every record belongs to the logged-in person" is about all data, not a Record table.)
  auto r2 = Analyze("A habit tracker. Habits have a name; check-ins have a date. Every record belongs to the logged-in person.");
  EXPECT_EQ(PlanOf(r2).FindEntity("Record"), nullptr) << Dump(r2);
}

// A detailed text that lists records without saying how they relate gets the pairings the
// archetypes know ("customers" and "invoices", "drivers" and "vehicles").
TEST(ExtractRules5, UnrelatedRecordsTakeKnownPairings) {
  auto r = Analyze(
      "Our transport company has grown and the spreadsheets are not enough anymore, so we want a proper "
      "backend for the office. Drivers: name, license number, phone. Vehicles: plate, model, year, mileage. "
      "Customers: company name, contact email. Invoices: number, amount, due date, paid flag.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(HasDirected(s, "Customer", "Invoice", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_TRUE(testing::HasRelation(s, "Driver", "Vehicle", RelationKind::kManyToMany)) << Dump(r);
  // A relation the text states is kept as stated.
  auto r2 = Analyze(
      "Our transport company has grown and the spreadsheets are not enough anymore, so we want a proper "
      "backend for the office. Drivers: name, license number, phone. Vehicles: plate, model, year, mileage. "
      "Each vehicle belongs to one driver.");
  EXPECT_FALSE(testing::HasRelation(PlanOf(r2), "Driver", "Vehicle", RelationKind::kManyToMany)) << Dump(r2);
}

// Counts are no part of a name ("grown to forty people", "a dozen shelters"), and a word after a
// negation is a verb ("Don't overthink it - you've seen a thousand of these").
TEST(ExtractRules5, CountWordsAndNegatedVerbsNameNoRecord) {
  auto r = Analyze(
      "Our animal rescue has grown to forty people and a dozen shelters. Volunteers: name, phone. "
      "Volunteers sign up for shifts at a shelter. Don't overthink it - you've seen a thousand of these, "
      "keep it simple.");
  const auto& s = PlanOf(r);
  for (const char* part : {"Forty", "Dozen", "Overthink"}) EXPECT_TRUE(NoEntityNamedWith(s, part)) << Dump(r);
  EXPECT_NE(s.FindEntity("Shelter"), nullptr) << Dump(r);
}

// "A bakery with products, orders, customers and deliveries": the business a description opens
// with is the setting, and the list after "with" is its records (it kept only Bakery and Product).
TEST(ExtractRules5, OpeningBusinessWithARecordList) {
  auto r = Analyze("A bakery with products, orders, customers and deliveries.");
  const auto& s = PlanOf(r);
  for (const char* e : {"Product", "Order", "Customer", "Delivery"}) {
    EXPECT_NE(s.FindEntity(e), nullptr) << e << "\n" << Dump(r);
  }
  EXPECT_EQ(s.FindEntity("Bakery"), nullptr) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Customer", "Order", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Order", "Delivery", RelationKind::kOneToMany)) << Dump(r);
  auto r2 = Analyze("We are a small dental clinic with patients, appointments, dentists, treatments and invoices.");
  const auto& s2 = PlanOf(r2);
  for (const char* e : {"Patient", "Appointment", "Dentist", "Treatment", "Invoice"}) {
    EXPECT_NE(s2.FindEntity(e), nullptr) << e << "\n" << Dump(r2);
  }
  EXPECT_TRUE(HasDirected(s2, "Dentist", "Appointment", RelationKind::kOneToMany)) << Dump(r2);
  EXPECT_TRUE(HasDirected(s2, "Patient", "Invoice", RelationKind::kOneToMany)) << Dump(r2);
  // (A record later in the text keeps its list: "Each event has ticket types, sessions and
  // speakers" still gives Event its ticket types.)
  auto r3 = Analyze("A conference tool. Each event has ticket types with a price and a quota, sessions and speakers.");
  EXPECT_TRUE(HasDirected(PlanOf(r3), "Event", "TicketType", RelationKind::kOneToMany)) << Dump(r3);
}

// Everyday wording that named records wrongly or lost them.
TEST(ExtractRules5, EverydayNamesAndQuantifiedRecords) {
  // "a return branch" is a Branch in the role of return, like "a pickup branch".
  auto r = Analyze("A car rental company: cars, branches, customers and rentals. A rental has a pickup branch and a return branch.");
  const auto& s = PlanOf(r);
  EXPECT_EQ(s.FindEntity("ReturnBranch"), nullptr) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Customer", "Rental", RelationKind::kOneToMany)) << Dump(r);
  // "for each subject": a preposition before "each" quantifies over records.
  auto r2 = Analyze("I need an API for a school where teachers give grades to students for each subject.");
  EXPECT_NE(PlanOf(r2).FindEntity("Subject"), nullptr) << Dump(r2);
  // "a todo app with lists and items": the product names no items ("TodoAppItem").
  auto r3 = Analyze("A todo app with lists and items, shared between family members.");
  EXPECT_TRUE(NoEntityNamedWith(PlanOf(r3), "App")) << Dump(r3);
  // "Real estate listings": the listings are the properties, not an "EstateListing".
  auto r4 = Analyze("Real estate listings with agents, properties, photos and viewing requests.");
  EXPECT_EQ(PlanOf(r4).FindEntity("EstateListing"), nullptr) << Dump(r4);
  EXPECT_NE(PlanOf(r4).FindEntity("Property"), nullptr) << Dump(r4);
  // "a fleet of delivery vans", "a wide range of products": collections, not records of their own.
  auto r5 = Analyze("We run a fleet of delivery vans and sell a wide range of products. Drivers do trips with a van.");
  const auto& s5 = PlanOf(r5);
  for (const char* part : {"Fleet", "Range"}) EXPECT_TRUE(NoEntityNamedWith(s5, part)) << Dump(r5);
}

// "Each concert is at a venue" places concerts at venues; with people applying, "applications" are
// records, not software.
TEST(ExtractRules5, PlacedAtAndAppliedFor) {
  auto r = Analyze("We sell concert tickets. Venues have sections and seats. Each concert is at a venue. "
                   "Customers buy tickets for specific seats.");
  EXPECT_TRUE(HasDirected(PlanOf(r), "Venue", "Concert", RelationKind::kOneToMany)) << Dump(r);
  auto r2 = Analyze("A platform where landlords list apartments, tenants apply, and landlords accept or reject "
                    "applications. Accepted tenants sign a lease and pay rent monthly.");
  const auto& s2 = PlanOf(r2);
  EXPECT_TRUE(HasDirected(s2, "Tenant", "Application", RelationKind::kOneToMany)) << Dump(r2);
  EXPECT_TRUE(HasDirected(s2, "Apartment", "Application", RelationKind::kOneToMany)) << Dump(r2);
  auto r3 = Analyze("Our studio builds web applications for clients. Clients: name, email. Projects: name, budget, deadline. "
                    "Each project has milestones with a due date.");
  EXPECT_EQ(PlanOf(r3).FindEntity("Application"), nullptr) << Dump(r3);
}

// Learner English: "is registering for", "is containing"; and "each course has many lessons" makes
// a Course even though "course" is often a column.
TEST(ExtractRules5, LearnerProgressivesAndStatedOwners) {
  auto r = Analyze("Volunteers is registering for events. Every event have a place and a date.");
  EXPECT_TRUE(testing::HasRelation(PlanOf(r), "Volunteer", "Event", RelationKind::kManyToMany)) << Dump(r);
  auto r2 = Analyze("The customer can to make many orders and each order is containing products.");
  EXPECT_TRUE(HasDirected(PlanOf(r2), "Order", "Product", RelationKind::kOneToMany)) << Dump(r2);
  for (const char* text : {"Each course has many lessons and each lesson has many exercises.",
                           "Each course has many lesson and each lesson has many exercise."}) {
    auto r3 = Analyze(text);
    EXPECT_TRUE(HasDirected(PlanOf(r3), "Course", "Lesson", RelationKind::kOneToMany)) << text << "\n" << Dump(r3);
  }
}

// "activities like calls and meetings" gives examples of activities, not a Meeting table;
// "listeners ... leave ratings" makes ratings; "users own devices and set alert thresholds":
// "set" is the users' verb, not part of a name.
TEST(ExtractRules5, ExamplesMadeThingsAndCoordinatedVerbs) {
  auto r = Analyze("A CRM with deals and activities like calls and meetings.");
  EXPECT_EQ(PlanOf(r).FindEntity("Meeting"), nullptr) << Dump(r);
  EXPECT_NE(PlanOf(r).FindEntity("Activity"), nullptr) << Dump(r);
  auto r2 = Analyze("A podcast platform: creators upload episodes to their shows, listeners subscribe to shows and "
                    "leave ratings.");
  EXPECT_NE(PlanOf(r2).FindEntity("Rating"), nullptr) << Dump(r2);
  auto r4 = Analyze("A feedback tool: companies create surveys with questions; respondents submit answers anonymously.");
  EXPECT_NE(PlanOf(r4).FindEntity("Answer"), nullptr) << Dump(r4);
  auto r3 = Analyze("An IoT backend where devices send temperature readings every minute; users own devices and "
                    "set alert thresholds.");
  for (const auto& e : PlanOf(r3).entities) EXPECT_NE(e.name.rfind("Set", 0), 0u) << Dump(r3);
}

// "each parcel goes to one family", "donors and their donations", "Every week volunteers pack
// parcels" (a time phrase, not a WeekVolunteer).
TEST(ExtractRules5, GoesToOneTheirThingsAndTimePhrases) {
  auto r = Analyze(
      "We are a small NGO distributing food parcels. Families register with an address and number of members. "
      "Every week volunteers pack parcels; each parcel goes to one family and contains several products from our "
      "stock. We also track donors and their donations (money or goods).");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(HasDirected(s, "Family", "Parcel", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Donor", "Donation", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_TRUE(NoEntityNamedWith(s, "Week")) << Dump(r);
}

// "Matches are played between two teams": each match links two teams.
TEST(ExtractRules5, BetweenLinksBothSides) {
  auto r = Analyze("Our football club needs a backend. Teams have players. Matches are played between two teams with "
                   "a score.");
  EXPECT_TRUE(HasDirected(PlanOf(r), "Team", "Match", RelationKind::kOneToMany)) << Dump(r);
}

// "routes with stops in order" names no Order; "staff log each day's activities": "log" is the
// staff's verb ("each day's" is an object, not "every day").
TEST(ExtractRules5, IdiomsAndPossessiveTimeObjects) {
  auto r = Analyze("A school bus system: buses, routes with stops in order, students assigned to a stop.");
  EXPECT_EQ(PlanOf(r).FindEntity("Order"), nullptr) << Dump(r);
  EXPECT_NE(PlanOf(r).FindEntity("Stop"), nullptr) << Dump(r);
  auto r2 = Analyze("The app is for a dog daycare. Owners register their dogs (name, breed, birth date, vaccinations). "
                    "Dogs attend days; staff log each day's activities and incidents.");
  EXPECT_EQ(PlanOf(r2).FindEntity("StaffLog"), nullptr) << Dump(r2);
  EXPECT_NE(PlanOf(r2).FindEntity("Incident"), nullptr) << Dump(r2);
}

// "each batch uses a recipe": what one thing uses is shared by many; "empty kegs" are kegs.
TEST(ExtractRules5, UsesAndEmptyThings) {
  auto r = Analyze("A brewery. Batches have a code and a volume. Each batch uses a recipe. Recipes have a name and a "
                   "style.");
  EXPECT_TRUE(HasDirected(PlanOf(r), "Recipe", "Batch", RelationKind::kOneToMany)) << Dump(r);
  auto r2 = Analyze("Our brewery wants to track batches: each batch uses a recipe (ingredients with amounts), goes "
                    "through fermentation in a tank, and ends up in kegs or bottles. Kegs go to bars, we track "
                    "deliveries and returns of empty kegs.");
  EXPECT_EQ(PlanOf(r2).FindEntity("EmptyKeg"), nullptr) << Dump(r2);
}

// "Nurses cover wards": a verb the patterns do not list still relates two records the text gives
// fields; it makes no record of its own.
TEST(ExtractRules5, UnknownVerbRelatesKnownRecords) {
  auto r = Analyze("Nurses: name, phone. Wards: floor, beds. Nurses cover wards.");
  EXPECT_TRUE(HasDirected(PlanOf(r), "Nurse", "Ward", RelationKind::kOneToMany)) << Dump(r);
  auto r2 = Analyze("Nurses: name, phone. Wards: floor, beds. Nurses cover night shifts.");
  EXPECT_EQ(PlanOf(r2).FindEntity("NightShift"), nullptr) << Dump(r2);
}

// "max players", "minimum guests": a bound on a count is a number, not a link to people.
TEST(ExtractRules5, BoundsAreNumbers) {
  auto r = Analyze("I'm building a backend for an escape room business. Rooms have a name, difficulty "
                   "(easy/medium/hard), max players and a duration. Customers book a slot for a room.");
  const auto& s = PlanOf(r);
  const spec::Entity* room = s.FindEntity("Room");
  ASSERT_NE(room, nullptr) << Dump(r);
  ASSERT_NE(room->FindField("maxPlayers"), nullptr) << Dump(r);
  EXPECT_EQ(room->FindField("maxPlayers")->type, spec::FieldType::kInteger) << Dump(r);
  EXPECT_FALSE(testing::HasRelation(s, "Room", "User", RelationKind::kOneToMany)) << Dump(r);
}

// "gardeners can borrow tools": what is borrowed is kept on record, though "tools" usually names
// software.
TEST(ExtractRules5, BorrowedThingsAreRecords) {
  auto r = Analyze("Gardens have plots. Gardeners can borrow tools.");
  EXPECT_NE(PlanOf(r).FindEntity("Tool"), nullptr) << Dump(r);
  auto r2 = Analyze("A team wiki. Pages have a title and a body. We use many tools.");
  EXPECT_EQ(PlanOf(r2).FindEntity("Tool"), nullptr) << Dump(r2);
}

// "one gardener per season (season has a year and start/end dates)": the parenthesis says what the
// phrase before it has.
TEST(ExtractRules5, ParenthesisNamingThePhraseBeforeIt) {
  auto r = Analyze("Gardens have plots. A plot is rented by one gardener per season (season has a year and start/end "
                   "dates).");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(HasField(s, "Season", "year")) << Dump(r);
  EXPECT_FALSE(HasField(s, "Gardener", "year")) << Dump(r);
}

// "every wash is logged with location, program, time and licence plate": a passive before "with"
// says how the subject is kept.
TEST(ExtractRules5, PassiveBeforeWithListsFields) {
  auto r = Analyze("Locations have a name. Programs have a price. Every wash is logged with location, program, time "
                   "and licence plate.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(HasField(s, "Wash", "licencePlate")) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Program", "Wash", RelationKind::kOneToMany)) << Dump(r);
}

// "a next due date" keeps its "next" (it was "dueDate").
TEST(ExtractRules5, NextKeepsItsWordInFieldNames) {
  auto r = Analyze("Vaccinations have a vaccine name, a date, a next due date and a last reminder date. Pets have a name.");
  EXPECT_TRUE(HasField(PlanOf(r), "Vaccination", "nextDueDate")) << Dump(r);
}

// "sellers post listings with photos, buyers send offers": the archetype's Listing is the listings,
// not the offers it also calls listings.
TEST(ExtractRules5, ArchetypeRecordPrefersItsOwnName) {
  auto r = Analyze("Marketplace for used bikes: sellers post listings with photos, buyers send offers; a seller accepts "
                   "one offer and the bike is marked sold.");
  const auto& s = PlanOf(r);
  const spec::Entity* offer = s.FindEntity("Offer");
  ASSERT_NE(offer, nullptr) << Dump(r);
  EXPECT_EQ(offer->FindField("title"), nullptr) << Dump(r);  // not the listing's template
  EXPECT_TRUE(testing::HasRelation(s, "Category", "Listing", RelationKind::kOneToMany)) << Dump(r);
}

// "summer camps for kids ... register their children": one record; "groups led by a counselor":
// "led" is a participle, not a record.
TEST(ExtractRules5, EverydaySynonymsAndIrregularParticiples) {
  auto r = Analyze("Our charity runs summer camps for kids. Parents register their children for one or more camp "
                   "weeks. Kids are split into groups led by a counselor.");
  const auto& s = PlanOf(r);
  EXPECT_NE(s.FindEntity("Child"), nullptr) << Dump(r);
  EXPECT_EQ(s.FindEntity("Kid"), nullptr) << Dump(r);
  EXPECT_EQ(s.FindEntity("Led"), nullptr) << Dump(r);
  EXPECT_NE(s.FindEntity("Counselor"), nullptr) << Dump(r);
}

// A job board's Job and Application templates (salary range, cover letter) shape only job boards:
// a translation agency's jobs and a landlord's applications get no salary or CV fields.
TEST(ExtractRules5, JobBoardTemplatesStayInJobBoards) {
  auto r = Analyze("We are a translation agency. Clients send documents to translate from a source language into one "
                   "or more target languages. A project manager assigns each job to a translator and a reviewer. "
                   "Translators are paid per word; clients get a quote before the job starts.");
  const spec::Entity* job = PlanOf(r).FindEntity("Job");
  ASSERT_NE(job, nullptr) << Dump(r);
  EXPECT_EQ(job->FindField("salaryMin"), nullptr) << Dump(r);
  auto r2 = Analyze("A job board: companies post jobs, candidates apply with a CV.");
  EXPECT_TRUE(HasField(PlanOf(r2), "Job", "salaryMin")) << Dump(r2);
  auto r3 = Analyze("A platform where landlords list apartments, tenants apply, and landlords accept or reject "
                    "applications. Accepted tenants sign a lease and pay rent monthly.");
  const spec::Entity* application = PlanOf(r3).FindEntity("Application");
  ASSERT_NE(application, nullptr) << Dump(r3);
  EXPECT_EQ(application->FindField("coverLetter"), nullptr) << Dump(r3);
}

// "from a source language into target languages": two records named only by the roles one thing
// plays are that thing, and the roles do not relate it to itself.
TEST(ExtractRules5, RolesOfOneThingAreThatThing) {
  auto r = Analyze("We are a translation agency. Clients send documents to translate from a source language into one "
                   "or more target languages.");
  const auto& s = PlanOf(r);
  EXPECT_NE(s.FindEntity("Language"), nullptr) << Dump(r);
  EXPECT_EQ(s.FindEntity("SourceLanguage"), nullptr) << Dump(r);
  EXPECT_FALSE(testing::HasRelation(s, "Language", "Language", RelationKind::kManyToMany)) << Dump(r);
}

// "For our hotel: rooms (...), guests (...), reservations ..., and invoices": the business the
// backend is for is the setting of its records' list, not a Hotel with those columns.
TEST(ExtractRules5, BusinessHeadingItsRecordList) {
  auto r = Analyze("For our hotel: rooms (number, type, price per night), guests (name, passport, phone), reservations "
                   "of a room by a guest for dates, and invoices per reservation.");
  const auto& s = PlanOf(r);
  EXPECT_EQ(s.FindEntity("Hotel"), nullptr) << Dump(r);
  for (const char* e : {"Room", "Guest", "Reservation", "Invoice"}) EXPECT_NE(s.FindEntity(e), nullptr) << e << Dump(r);
  auto r2 = Analyze("We need an API for a small airline: airports, flights between two airports, aircraft with seat "
                    "maps, passengers booking seats on flights, and crew assigned to flights.");
  EXPECT_EQ(PlanOf(r2).FindEntity("Airline"), nullptr) << Dump(r2);
  EXPECT_NE(PlanOf(r2).FindEntity("Aircraft"), nullptr) << Dump(r2);
  auto r3 = Analyze("An app to manage our apartment building: units, residents, parking spots assigned to units, "
                    "maintenance requests submitted by residents, and announcements from the building manager.");
  EXPECT_EQ(PlanOf(r3).FindEntity("ApartmentBuilding"), nullptr) << Dump(r3);
  EXPECT_NE(PlanOf(r3).FindEntity("MaintenanceRequest"), nullptr) << Dump(r3);
  // ("Our hockey league needs: ...": "needs" before a colon is a verb, and half the items being
  // things is enough under a setting the writer named.)
  auto r4 = Analyze("Our hockey league needs: teams, players with jersey numbers, seasons, games between a home team "
                    "and an away team, and goals with the scorer and up to two assists.");
  EXPECT_TRUE(NoEntityNamedWith(PlanOf(r4), "League")) << Dump(r4);
  EXPECT_NE(PlanOf(r4).FindEntity("Season"), nullptr) << Dump(r4);
}

// "jobs at a customer's address with date, description and price": the list is the jobs', walked
// back over the possessive; "the customer's address with street and city" stays the address's.
TEST(ExtractRules5, WalkBackOverAPossessive) {
  auto r = Analyze("Customers have an address and a phone. Jobs at a customer's address with date, description and price.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(HasField(s, "Job", "price")) << Dump(r);
  EXPECT_FALSE(HasField(s, "Customer", "price")) << Dump(r);
}

}  // namespace
}  // namespace bf::analyze
