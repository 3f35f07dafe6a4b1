// Extraction rules from an eleventh round. Every description here is written for the test; none is
// taken from an evaluation case.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "analyze/analyzer.h"
#include "analyze/chunker.h"
#include "analyze/test_util.h"
#include "analyze/text.h"

namespace bf::analyze {
namespace {

using spec::RelationKind;
using testing::Dump;
using testing::HasDirected;
using testing::Linked;
using testing::PlanOf;

// "we want to keep our vineyards, the plots in each, soil tests and grape harvests": a short request
// lists its records in the order they nest. A record nothing links hangs one-to-many under the
// best-connected record named before it, the nearest of equals. Before, only Vineyard-Plot was
// linked and the tests and harvests stood alone.
TEST(ExtractRules11, AShortRequestNestsTheRecordsItLeavesUnlinked) {
  auto r = Analyze("We want to keep our vineyards, the plots in each, soil tests and grape harvests.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(HasDirected(s, "Vineyard", "Plot", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Plot", "SoilTest", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Plot", "GrapeHarvest", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_FALSE(Linked(s, "Vineyard", "SoilTest")) << Dump(r);
}

// The login takes part where the text names its holders ("members"), and a longer text keeps just
// what it says: the step is for short requests only (the same list in 45 words stays unlinked).
TEST(ExtractRules11, TheLoginIsListedWhereItsHoldersAreNamedAndLongTextsAreLeftAlone) {
  auto r = Analyze("Our rowing club needs to keep members, boats and outings.");
  const auto& s = PlanOf(r);
  EXPECT_EQ(s.auth.userEntity, "Member") << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Member", "Boat", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Boat", "Outing", RelationKind::kOneToMany)) << Dump(r);
  auto l = Analyze(
      "Our rowing club needs to keep members, boats and outings. We have been running the club for years on paper "
      "and a shared spreadsheet that nobody updates, and the committee would like something simple that volunteers "
      "can use from a phone at the boathouse.");
  const auto& ls = PlanOf(l);
  ASSERT_NE(ls.FindEntity("Outing"), nullptr) << Dump(l);
  EXPECT_FALSE(Linked(ls, "Boat", "Outing")) << Dump(l);
}

// "a backend for concerts, songs, singers and rehearsals": what the product is for lists its
// records. Before, none of the four stood and an events template filled the plan.
TEST(ExtractRules11, WhatABackendIsForListsItsRecords) {
  auto r = Analyze("A choir wants a backend for concerts, songs, singers and rehearsals.");
  const auto& s = PlanOf(r);
  for (const char* e : {"Concert", "Song", "Singer", "Rehearsal"}) EXPECT_NE(s.FindEntity(e), nullptr) << e << Dump(r);
  EXPECT_EQ(s.FindEntity("Venue"), nullptr) << Dump(r);
}

// "the lender of each" in a list after "needs to catalogue": one per listed record is a record of
// the list, and "catalogue" (a noun too) opens the list after "to".
TEST(ExtractRules11, OnePerRecordInAListIsARecord) {
  auto r = Analyze("Our little gallery needs to catalogue paintings in storage, the lender of each, and exhibitions "
                   "at other venues.");
  const auto& s = PlanOf(r);
  EXPECT_NE(s.FindEntity("Lender"), nullptr) << Dump(r);
  EXPECT_TRUE(Linked(s, "Lender", "Painting")) << Dump(r);
}

// "... tiling business? Estimates, invoices, and the addresses of every house I've tiled": in a short
// request a sentence that opens with a list lists records. Before, the request was asked about.
TEST(ExtractRules11, AShortSentenceOpeningWithAListListsRecords) {
  auto r = Analyze("Can you set up something for my one-woman tiling business? Estimates, invoices, and the "
                   "addresses of every house I've tiled.");
  const auto& s = PlanOf(r);
  for (const char* e : {"Estimate", "Invoice", "House"}) EXPECT_NE(s.FindEntity(e), nullptr) << e << Dump(r);
}

// "primary muscles and secondary muscles": rank words qualify nothing in a name, and after "has"
// they leave the relation to the thing. Before, PrimaryMuscle and SecondaryMuscle were two records.
TEST(ExtractRules11, PrimaryAndSecondaryAreNoPartOfAName) {
  auto r = Analyze("Each exercise has primary muscles and secondary muscles. Members log workouts. Coaches keep "
                   "reusable plan templates.");
  const auto& s = PlanOf(r);
  EXPECT_NE(s.FindEntity("Muscle"), nullptr) << Dump(r);
  EXPECT_EQ(s.FindEntity("PrimaryMuscle"), nullptr) << Dump(r);
  EXPECT_TRUE(Linked(s, "Exercise", "Muscle")) << Dump(r);
  EXPECT_NE(s.FindEntity("PlanTemplate"), nullptr) << Dump(r);
}

// "which member spotted it": "which" counts the thing after it, as "each" does.
TEST(ExtractRules11, WhichCountsTheThingAfterIt) {
  const auto sentences = Segment("log sightings and which member spotted each one");
  ASSERT_EQ(sentences.size(), 1u);
  const auto& T = sentences[0].tokens;
  bool found = false;
  for (const auto& c : ChunkTokens(T, 0, T.size())) {
    if (c.name != "Member") continue;
    found = true;
    EXPECT_TRUE(c.single);
  }
  EXPECT_TRUE(found);
}

// "- log swims, routes and personal bests", "for booking courts": a noun-verb that opens a clause and
// a gerund after "for" are verbs whose object is the plural after them. Before, LogSwim and
// BookingCourt were records.
TEST(ExtractRules11, AnOpeningVerbAndAGerundAfterForTakeTheirObject) {
  auto r = Analyze("A backend for open-water swimmers - log swims, routes and personal bests.");
  const auto& s = PlanOf(r);
  EXPECT_NE(s.FindEntity("Swim"), nullptr) << Dump(r);
  EXPECT_EQ(s.FindEntity("LogSwim"), nullptr) << Dump(r);
  const auto sentences = Segment("an app for booking courts at the club, with a shopping list for snacks");
  ASSERT_EQ(sentences.size(), 1u);
  const auto& T = sentences[0].tokens;
  std::vector<std::string> names;
  for (const auto& c : ChunkTokens(T, 0, T.size())) names.push_back(c.name);
  EXPECT_NE(std::find(names.begin(), names.end(), "Court"), names.end());
  EXPECT_EQ(std::find(names.begin(), names.end(), "BookingCourt"), names.end());
  EXPECT_NE(std::find(names.begin(), names.end(), "ShoppingList"), names.end());  // (an activity still qualifies)
}

// "repair logs = item, volunteer, outcome, minutes spent": an '=' after the words that open a
// sentence defines them as a ':' does. Before, the columns went to no record.
TEST(ExtractRules11, AnEqualsSignAfterTheOpeningWordsDefinesThem) {
  auto r = Analyze("A repair cafe backend. Volunteers fix items. repair logs = item, volunteer, outcome, minutes "
                   "spent. Items have a name and an owner phone.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(testing::HasField(s, "RepairLog", "minutesSpent")) << Dump(r);
  EXPECT_TRUE(Linked(s, "Item", "RepairLog")) << Dump(r);
  // (After a longer opening the sign is left as it is: "every order has a total = the sum of its lines".)
  const auto sentences = Segment("every order has a total = the sum of its lines");
  ASSERT_EQ(sentences.size(), 1u);
  ASSERT_GT(sentences[0].tokens.size(), 5u);
  EXPECT_EQ(sentences[0].tokens[5].text, "=");
}

// Story words of a pitch make no records: "Yet" opening a sentence, counts from thirteen to nineteen
// and "zero" ("for thirteen minutes" planned ThirteenMinute), "independent" before a noun.
TEST(ExtractRules11, PitchStoryWordsMakeNoRecords) {
  auto r = Analyze("Boutique fitness is growing. Yet studios still run on spreadsheets, clipboards and a prayer. A "
                   "drill is used for thirteen minutes in its life. Independent builders book tools for a date.");
  const auto& s = PlanOf(r);
  for (const char* junk : {"ThirteenMinute", "YetStudio", "IndependentBuilder"}) {
    EXPECT_EQ(s.FindEntity(junk), nullptr) << junk << Dump(r);
  }
  EXPECT_NE(s.FindEntity("Builder"), nullptr) << Dump(r);
}

// "Clubs register and list tournaments": a noun/verb joined by "and" to the subject's verb is a verb
// too. Before, ListTournament was the record (and a sports-league template filled the plan).
TEST(ExtractRules11, ANounVerbJoinedToTheSubjectsVerbIsAVerb) {
  auto r = Analyze("Clubs register and list tournaments, each with a date and an entry fee. Players enter "
                   "tournaments.");
  const auto& s = PlanOf(r);
  EXPECT_NE(s.FindEntity("Tournament"), nullptr) << Dump(r);
  EXPECT_EQ(s.FindEntity("ListTournament"), nullptr) << Dump(r);
}

// "multiple-choice questions", "open-water swims": an adjective compound says what kind the head is
// and is no part of its name. Before, MultipleChoiceQuestion and OpenWaterSwim were records.
TEST(ExtractRules11, AnAdjectiveCompoundIsNoPartOfAName) {
  auto r = Analyze("Each quiz has multiple-choice questions with a text. Members log open-water swims with a "
                   "distance.");
  const auto& s = PlanOf(r);
  EXPECT_NE(s.FindEntity("Question"), nullptr) << Dump(r);
  EXPECT_NE(s.FindEntity("Swim"), nullptr) << Dump(r);
  EXPECT_EQ(s.FindEntity("MultipleChoiceQuestion"), nullptr) << Dump(r);
}

// "my board game collection": a collection is the things collected, many of them. Before, the request
// was asked about.
TEST(ExtractRules11, ACollectionIsItsThings) {
  auto r = Analyze("Track my board game collection and who borrowed which game.");
  const auto& s = PlanOf(r);
  EXPECT_NE(s.FindEntity("BoardGame"), nullptr) << Dump(r);
  EXPECT_EQ(s.FindEntity("BoardGameCollection"), nullptr) << Dump(r);
}

}  // namespace
}  // namespace bf::analyze
