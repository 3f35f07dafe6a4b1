// Extraction rules from an eighth round, each from a relation the read evaluation sets missed
// although both of its records were planned. Every description here is written for the test; none
// is taken from an evaluation case.
#include <gtest/gtest.h>

#include "analyze/analyzer.h"
#include "analyze/test_util.h"

namespace bf::analyze {
namespace {

using spec::RelationKind;
using testing::Dump;
using testing::HasField;
using testing::HasDirected;
using testing::HasRelation;
using testing::PlanOf;

// "Payments against an invoice: amount, date, memo": "against" is a preposition like "for" and
// "on"; the list is the payments', and the invoice has many of them.
TEST(ExtractRules8, ThingsAgainstAnotherBelongToIt) {
  auto r = Analyze(
      "A billing tool. Invoices have a number and a total. Payments against an invoice: amount, "
      "date, memo.");
  const auto& s = PlanOf(r);
  EXPECT_EQ(s.FindEntity("Against"), nullptr) << Dump(r);
  EXPECT_TRUE(HasField(s, "Payment", "memo")) << Dump(r);
  EXPECT_FALSE(HasField(s, "Invoice", "memo")) << Dump(r);
  EXPECT_TRUE(HasRelation(s, "Invoice", "Payment", RelationKind::kOneToMany)) << Dump(r);
}

// "Anglers reserve pegs (date, session, fee)": when the text makes the act's own record, both the
// actor and the thing acted on hold it, whoever the actor is; before, an actor the lexicon does not
// know as a person got a plain one-to-many to the pegs.
TEST(ExtractRules8, AnActsRecordJoinsBothSides) {
  auto r = Analyze(
      "A fishing lake. Anglers have a name and a licence number. Pegs have a number. Anglers "
      "reserve pegs (date, "
      "session, fee).");
  const auto& s = PlanOf(r);
  ASSERT_NE(s.FindEntity("Reservation"), nullptr) << Dump(r);
  EXPECT_TRUE(HasRelation(s, "Angler", "Reservation", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_TRUE(HasRelation(s, "Peg", "Reservation", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_FALSE(HasRelation(s, "Angler", "Peg", RelationKind::kOneToMany)) << Dump(r);
}

// "A build has stages: ...": after an article, "build" (like "import", "invite") is a thing.
TEST(ExtractRules8, BuildAfterAnArticleIsAThing) {
  auto r = Analyze(
      "A CI server. Repositories have builds. A build has stages: number, name, status, exit "
      "code.");
  const auto& s = PlanOf(r);
  ASSERT_NE(s.FindEntity("Build"), nullptr) << Dump(r);
  EXPECT_TRUE(HasRelation(s, "Build", "Stage", RelationKind::kOneToMany)) << Dump(r);
  auto r2 = Analyze(
      "A team wiki. Teams have a name. Each invite has an email, a token and an expiry date.");
  EXPECT_NE(PlanOf(r2).FindEntity("Invite"), nullptr) << Dump(r2);
}

// "Programs (owned by an org): name, ...", "Survey (lives in a workspace): ...": an aside saying
// where a thing belongs names its parent.
TEST(ExtractRules8, AnAsideNamesTheParent) {
  auto r = Analyze(
      "A form builder. Workspaces: name, plan. Forms (live in a workspace): title, status. "
      "Questions (belong to a "
      "form): label, kind.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(HasRelation(s, "Workspace", "Form", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_TRUE(HasRelation(s, "Form", "Question", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_TRUE(HasField(s, "Form", "title")) << Dump(r);
}

// "each shipment has a timeline of events", "a history of status changes": the record of them is
// those things, not a Timeline or History record between.
TEST(ExtractRules8, AHistoryOfThingsIsThoseThings) {
  auto r = Analyze(
      "A courier tracker. Shipments have a weight and a destination. Each shipment has a timeline "
      "of events (name, "
      "timestamp, note).");
  const auto& s = PlanOf(r);
  EXPECT_EQ(s.FindEntity("Timeline"), nullptr) << Dump(r);
  EXPECT_TRUE(HasRelation(s, "Shipment", "Event", RelationKind::kOneToMany)) << Dump(r);
  auto r2 = Analyze(
      "A courier tracker. Shipments have a weight. Each shipment has a history of status changes "
      "(status, when).");
  EXPECT_TRUE(HasRelation(PlanOf(r2), "Shipment", "StatusChange", RelationKind::kOneToMany))
      << Dump(r2);
}

// "For each animal we register: name, ear tag, ...": "register", "note", "collect" after a pronoun
// are verbs of keeping too.
TEST(ExtractRules8, WhatWeRegisterForEachThingIsItsList) {
  auto r = Analyze(
      "A herd book. Farms have a name. For each cow we register: name, ear tag, breed, birth "
      "date.");
  ASSERT_NE(PlanOf(r).FindEntity("Cow"), nullptr) << Dump(r);
  EXPECT_TRUE(HasField(PlanOf(r), "Cow", "earTag")) << Dump(r);
  auto r2 = Analyze(
      "A herd book. Farms have a name. For every cow we note the name, the ear tag and the breed.");
  EXPECT_TRUE(HasField(PlanOf(r2), "Cow", "earTag")) << Dump(r2);
}

// "Ships have cabins (...)": a plural that is also a verb opens the sentence as a thing.
TEST(ExtractRules8, PluralNounsThatAreAlsoVerbs) {
  auto r = Analyze(
      "A cruise line. Ships have a name. Ships have cabins (inside, outside, suite) with a number "
      "and a price.");
  const auto& s = PlanOf(r);
  ASSERT_NE(s.FindEntity("Ship"), nullptr) << Dump(r);
  EXPECT_TRUE(HasRelation(s, "Ship", "Cabin", RelationKind::kOneToMany)) << Dump(r);
}

// "Players can report other players (reason, comment)": the list is the report's, even when the
// people reported are a word that also counts something ("players").
TEST(ExtractRules8, ReportingOtherPeopleMakesAReport) {
  auto r = Analyze(
      "A game backend. Matches have a map. Players have a nickname. Players can report other "
      "players (match, reason, "
      "comment).");
  const auto& s = PlanOf(r);
  ASSERT_NE(s.FindEntity("Report"), nullptr) << Dump(r);
  EXPECT_TRUE(HasField(s, "Report", "reason")) << Dump(r);
  EXPECT_FALSE(HasField(s, "Player", "reason")) << Dump(r);
  EXPECT_TRUE(HasRelation(s, "Match", "Report", RelationKind::kOneToMany)) << Dump(r);
}

// "Wine categories have a name. - production plan: code, category, ...": a one-word item names the
// one record of the text whose name ends in it; an attribute word ("amount", "image") does not.
TEST(ExtractRules8, AOneWordItemNamesTheRecordEndingInIt) {
  auto r = Analyze(
      "A winery. Grape varieties have a name. Wine styles have a name and a colour. Batches: code, "
      "style, start date, "
      "volume, status.");
  const auto& s = PlanOf(r);
  ASSERT_NE(s.FindEntity("WineStyle"), nullptr) << Dump(r);
  EXPECT_TRUE(HasRelation(s, "WineStyle", "Batch", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_FALSE(HasField(s, "Batch", "style")) << Dump(r);
  auto r2 = Analyze(
      "A shop. Invoice amounts have a net and a tax. Payments: date, amount, method. Invoices have "
      "a number.");
  EXPECT_FALSE(HasRelation(PlanOf(r2), "InvoiceAmount", "Payment", RelationKind::kOneToMany))
      << Dump(r2);
}

// "reviewer, outcome, which request it duplicates": "which" opening an item asks which thing; the
// noun after it is the thing, not a verb ("tickets, which change status" keeps its verb).
TEST(ExtractRules8, WhichOpeningAnItemNamesAThing) {
  auto r = Analyze(
      "A help desk. Requests have a title and an address. Duplicate checks: checker, outcome, "
      "which request it "
      "duplicates.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(HasRelation(s, "Request", "DuplicateCheck", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_FALSE(HasField(s, "DuplicateCheck", "request")) << Dump(r);
}

// "People comment on cards": people who leave comments or ratings have accounts, even when the text
// names no login; before, the comments were lost with the word "people".
TEST(ExtractRules8, PeopleWhoCommentHaveAccounts) {
  auto r = Analyze(
      "A kanban tool. Boards have lists, lists have cards. People comment on cards and attach "
      "files.");
  const auto& s = PlanOf(r);
  ASSERT_NE(s.FindEntity("Comment"), nullptr) << Dump(r);
  EXPECT_TRUE(HasRelation(s, "Card", "Comment", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_TRUE(HasRelation(s, "User", "Comment", RelationKind::kOneToMany)) << Dump(r);
}

// "Vendors answer with quotes: ...": what people answer or respond with is theirs; "players belong
// to a user login" names the logins.
TEST(ExtractRules8, AnswersAndLogins) {
  auto r = Analyze(
      "A repair service. Jobs have a description. Contractors respond with estimates: cost, "
      "arrival time, notes.");
  const auto& s = PlanOf(r);
  ASSERT_NE(s.FindEntity("Estimate"), nullptr) << Dump(r);
  EXPECT_TRUE(HasRelation(s, "Contractor", "Estimate", RelationKind::kOneToMany)) << Dump(r);
  auto r2 = Analyze(
      "A bowling league. Bowlers have a name and an average and belong to a user login (email and "
      "password). Teams "
      "have bowlers.");
  EXPECT_TRUE(HasRelation(PlanOf(r2), "User", "Bowler", RelationKind::kOneToMany)) << Dump(r2);
  EXPECT_FALSE(HasField(PlanOf(r2), "Bowler", "password")) << Dump(r2);
}

// "Tax rates apply to certain room types and certain extras": a rule that applies to things is
// shared by them (many-to-many), not an application of a person to one of them.
TEST(ExtractRules8, ARuleThatAppliesToThingsIsShared) {
  auto r = Analyze(
      "A hotel back office. Room types have a name and a base price. Extras have a name and a "
      "price. Tax rates have "
      "a percent. Tax rates apply to certain room types and certain extras.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(HasRelation(s, "TaxRate", "RoomType", RelationKind::kManyToMany)) << Dump(r);
  EXPECT_TRUE(HasRelation(s, "TaxRate", "Extra", RelationKind::kManyToMany)) << Dump(r);
  EXPECT_EQ(s.FindEntity("Application"), nullptr) << Dump(r);
}

// "A route has a list of stops, each with an address, ...": the list of things is those things
// in a field list's item too, and "an ordered list of" reads like "a list of".
TEST(ExtractRules8, AListOfThingsEachWithFields) {
  for (const char* text :
       {"A courier tool. A route has a list of stops, each with an address, a time window and a "
        "status.",
        "A courier tool. A route has an ordered list of stops, each with an address, a time window "
        "and a status."}) {
    auto r = Analyze(text);
    const auto& s = PlanOf(r);
    EXPECT_TRUE(HasRelation(s, "Route", "Stop", RelationKind::kOneToMany)) << Dump(r);
    EXPECT_TRUE(HasField(s, "Stop", "address")) << Dump(r);
    EXPECT_FALSE(HasField(s, "Route", "address")) << Dump(r);
  }
}

// "everyone only sees their own plants": "everyone" stands for the logins as "you" does ("everyone
// has an account" links nothing).
TEST(ExtractRules8, EveryoneIsTheLogins) {
  auto r = Analyze(
      "A seed library. It needs accounts (username, email, password), and everyone only sees their own seed packets. "
      "Seed packets have a variety and a harvest year.");
  EXPECT_TRUE(HasRelation(PlanOf(r), "User", "SeedPacket", RelationKind::kOneToMany)) << Dump(r);
  auto r2 = Analyze("A seed library. Everyone has an account. Seed packets have a variety and a harvest year.");
  EXPECT_EQ(PlanOf(r2).FindEntity("Account"), nullptr) << Dump(r2);
}

// "the services offered at each location: ...": what is done at a place belongs to it; "a name
// shown on the board" is no record kept at the board.
TEST(ExtractRules8, WhatIsDoneAtAPlaceBelongsToIt) {
  auto r = Analyze(
      "A community directory. Locations have a name, an address and opening hours. Then the services offered at each "
      "location: name, description, fees, eligibility.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(HasRelation(s, "Location", "Service", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_TRUE(HasField(s, "Service", "eligibility")) << Dump(r);
  auto r2 = Analyze(
      "A ward bed board. Wards have a name. Bed types: name, a short name shown on the board, description. Beds have a "
      "number and a bed type.");
  EXPECT_EQ(PlanOf(r2).FindEntity("Board"), nullptr) << Dump(r2);
}

// "Members" on a line of its own, then "- Member: ...", "- Payments: ...": a section heading that
// names a record whose own line opens the section heads the lines after it.
TEST(ExtractRules8, ASectionHeadedByARecord) {
  auto r = Analyze(
      "A rowing club backend.\n"
      "Boats\n"
      "- Boat: name, class, seats.\n"
      "Members\n"
      "- Member: full name, birth date, status.\n"
      "- Payments: amount, paid on, period.\n"
      "- Certificates: kind, issued on, expires on.\n");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(HasRelation(s, "Member", "Payment", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_TRUE(HasRelation(s, "Member", "Certificate", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_FALSE(HasRelation(s, "Boat", "Member", RelationKind::kOneToMany)) << Dump(r);
}

// "The core thing is a flight. It has the user who took it, the departure airport and the arrival
// airport, the date, ...": "It" opening the sentence stands for the thing the sentence before
// named, and a relative clause in the first item does not end the list.
TEST(ExtractRules8, ItHasListsItsAntecedentsColumns) {
  auto r = Analyze(
      "A ride log. Riders register with a name and an email. The core thing is a ride. It has the rider who did it, "
      "the start station and the end station, the date, distance, duration and a note. Stations have a name and a "
      "code.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(HasField(s, "Ride", "distance")) << Dump(r);
  EXPECT_TRUE(HasRelation(s, "Station", "Ride", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_EQ(s.FindEntity("Distance"), nullptr) << Dump(r);
  EXPECT_EQ(s.FindEntity("Duration"), nullptr) << Dump(r);
}

// "Routines are the training plans coaches build in an editor: a name, a colour and a level": a
// sentence that defines the thing it opens with lists that thing's columns ("The children are our
// patients: ..." names them by the writer's word instead and is left alone).
TEST(ExtractRules8, ADefiningSentenceListsItsSubjectsColumns) {
  auto r = Analyze(
      "A swim club backend. Routines are the training plans coaches build in an editor: a name, a colour and a "
      "level. Swimmers have a name and a birth date.");
  const auto& s = PlanOf(r);
  ASSERT_NE(s.FindEntity("Routine"), nullptr) << Dump(r);
  EXPECT_TRUE(HasField(s, "Routine", "colour")) << Dump(r);
  EXPECT_EQ(s.FindEntity("Editor"), nullptr) << Dump(r);
}

// "the backend for a weather buoy: a float that sits in the bay, measures wave heights, logs the
// water temperature and sends readings every minute": what a thing does is no list of its columns.
TEST(ExtractRules8, WhatAThingDoesIsNoColumnList) {
  auto r = Analyze(
      "I'm building the backend for an open-source weather buoy: a float that sits in the bay, measures wave "
      "heights, logs the water temperature, sends readings every minute and keeps a battery level. Stations have a "
      "name and a location.");
  const auto& s = PlanOf(r);
  for (const auto& e : s.entities) {
    EXPECT_EQ(e.FindField("measuresWaveHeights"), nullptr) << e.name << "\n" << Dump(r);
    EXPECT_EQ(e.FindField("logsWaterTemperature"), nullptr) << e.name << "\n" << Dump(r);
  }
}

// "The garden map: plants placed on the bed, each with a name, a spread radius and a stage": the
// things after the colon, "each with" their columns, are the record; the label is not.
TEST(ExtractRules8, ThingsEachWithColumnsAfterALabel) {
  auto r = Analyze(
      "A vineyard app. Blocks have a name and an area. The planting plan: vines placed in a block, each with a row, "
      "a position, a clone and a planting date.");
  const auto& s = PlanOf(r);
  ASSERT_NE(s.FindEntity("Vine"), nullptr) << Dump(r);
  EXPECT_TRUE(HasField(s, "Vine", "clone")) << Dump(r);
  EXPECT_EQ(s.FindEntity("PlantingPlan"), nullptr) << Dump(r);
}

// "Plants: each one has a nickname, the species it is, and notes": "species" after "the" is one
// species, which has many plants (the relation pointed the other way).
TEST(ExtractRules8, TheSpeciesItIsIsOne) {
  auto r = Analyze(
      "A plant tracker. Species have a name and a light level. Plants: each one has a nickname, the species it is, "
      "and notes.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(HasDirected(s, "Species", "Plant", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_FALSE(HasDirected(s, "Plant", "Species", RelationKind::kOneToMany)) << Dump(r);
}

}  // namespace
}  // namespace bf::analyze
