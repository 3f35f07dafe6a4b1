// Extraction rules from a ninth round. Every description here is written for the test; none is
// taken from an evaluation case.
#include <gtest/gtest.h>

#include "analyze/analyzer.h"
#include "analyze/test_util.h"

namespace bf::analyze {
namespace {

using spec::RelationKind;
using testing::Dump;
using testing::HasDirected;
using testing::HasField;
using testing::HasRelation;
using testing::PlanOf;

// "number of pings", "how many seats": a count of things is the owner's integer column. Before,
// the counted word was read as a reference and drew the relation the wrong way round (Ping 1—n
// Check: every check pointing at one ping).
TEST(ExtractRules9, ACountOfThingsIsAColumnNotALink) {
  auto r = Analyze(
      "An uptime monitor. A project has checks: name, slug, status, last ping time, number of pings. "
      "Each check receives pings: timestamp, kind, body. Venues: name, city, how many seats.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(HasDirected(s, "Check", "Ping", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_FALSE(HasDirected(s, "Ping", "Check", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_TRUE(HasField(s, "Check", "pingCount")) << Dump(r);
  EXPECT_TRUE(HasField(s, "Venue", "seatCount")) << Dump(r);
}

// "counters of threads": a count under another name is a column too, and it makes no record of
// its own ("how many images we keep for it" made `DeviceImage`).
TEST(ExtractRules9, CountersMakeNoRecord) {
  auto r = Analyze(
      "A forum. Categories: name, color, counters of threads. Threads sit in a category: title, slug. "
      "A device has a name and how many images we keep for it.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(HasDirected(s, "Category", "Thread", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_FALSE(HasDirected(s, "Thread", "Category", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_TRUE(HasField(s, "Category", "threadCount")) << Dump(r);
  EXPECT_EQ(s.FindEntity("DeviceImage"), nullptr) << Dump(r);
}

// "out-of-scope assets", "a drag-and-drop editor": a hyphenated qualifier is no part of the record's
// name (the name kept its last three words and planned `OfScopeAsset`); lexical compounds such as
// "to-do" stay.
TEST(ExtractRules9, AHyphenatedQualifierIsNoPartOfTheName) {
  auto r = Analyze(
      "A bug bounty platform. Programs list out-of-scope assets (type, identifier). Researchers submit "
      "reports (title, severity). Volunteers keep to-do lists (title, due date) with tasks (name, done).");
  const auto& s = PlanOf(r);
  EXPECT_EQ(s.FindEntity("OfScopeAsset"), nullptr) << Dump(r);
  EXPECT_TRUE(HasRelation(s, "Program", "Asset", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_TRUE(HasField(s, "Asset", "identifier")) << Dump(r);
  EXPECT_NE(s.FindEntity("ToDoList"), nullptr) << Dump(r);
}

// "every one sees only his own wines and his own lists": what people see as their own is theirs,
// every coordinated thing of it, and the second "their own" is the people's again, not the wines'.
TEST(ExtractRules9, WhatPeopleSeeAsTheirOwnIsTheirs) {
  auto r = Analyze(
      "A wine cellar app. Some friends will use it too, but every one see only his own wines and his "
      "own lists. Wines have a name and a vintage. Lists have a title.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(HasDirected(s, "User", "Wine", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "User", "List", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_FALSE(HasRelation(s, "Wine", "List", RelationKind::kOneToMany)) << Dump(r);
  auto r2 = Analyze("A recipe site. Users can edit their own recipes and menus. Recipes have a title. "
                    "Menus have a date.");
  const auto& s2 = PlanOf(r2);
  EXPECT_TRUE(HasDirected(s2, "User", "Recipe", RelationKind::kOneToMany)) << Dump(r2);
  EXPECT_TRUE(HasDirected(s2, "User", "Menu", RelationKind::kOneToMany)) << Dump(r2);
}

// "A guest books one or more beds ... we store the guest's name, email and passport number": a
// customer, guest or parent the text keeps talking about is a record of its own, not the logins
// (the staff log in); a customer who orders online still signs in, and with no users named the
// customers are the login (account_holder_test.cc).
TEST(ExtractRules9, CustomersGuestsAndParentsTheTextTalksAboutAreRecords) {
  auto r = Analyze(
      "A hostel. Rooms have a name and a type. A guest books one or more beds for a check-in and "
      "check-out date, and we store the guest's name, email and passport number. Guests pay a deposit. "
      "Front desk staff log in to check guests in and out.");
  const auto& s = PlanOf(r);
  ASSERT_NE(s.FindEntity("Guest"), nullptr) << Dump(r);
  auto r2 = Analyze(
      "A bakery shop. Customers place orders for cakes; each order has a pickup date and a total. "
      "Customers can cancel an order until the day before.");
  const auto& s2 = PlanOf(r2);
  EXPECT_TRUE(HasRelation(s2, "Customer", "Order", RelationKind::kOneToMany)) << Dump(r2);
  EXPECT_EQ(s2.auth.userEntity, "Customer") << Dump(r2);
  // Named once in passing, a customer is still the logins' word.
  auto r3 = Analyze("A helpdesk. Tickets have a subject and a status; agents answer tickets from a customer.");
  EXPECT_EQ(PlanOf(r3).FindEntity("Customer"), nullptr) << Dump(r3);
}

// "each tour is led by many guides, and hikers book seats": the phrase after ", and" opens a clause
// of its own, so the hikers are no second leader of tours, and the guides, the object of the first
// clause, book no seats.
TEST(ExtractRules9, AnObjectBeforeACommaIsNoCoSubjectOfTheNextClause) {
  auto r = Analyze(
      "A walking tour company. Every tour has a name and a price. The same tour is led by many guides, "
      "and hikers book seats.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(HasRelation(s, "Tour", "Guide", RelationKind::kManyToMany)) << Dump(r);
  EXPECT_FALSE(HasRelation(s, "Tour", "Hiker", RelationKind::kManyToMany)) << Dump(r);
  EXPECT_TRUE(HasRelation(s, "Hiker", "Seat", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_FALSE(HasRelation(s, "Guide", "Seat", RelationKind::kOneToMany)) << Dump(r);
}

// "books that belong to branches": a noun/verb before "that" is the noun a relative clause is about
// ("post a comment" stays a verb); "books" was read as a verb and the relation was lost.
TEST(ExtractRules9, ANounBeforeARelativeThatStaysANoun) {
  auto r = Analyze(
      "A library. Members borrow books that belong to branches. Branches have an address. Books have a "
      "title.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(HasDirected(s, "Branch", "Book", RelationKind::kOneToMany)) << Dump(r);
}

// "doctors who work in departments see patients": the departments, after a preposition, are not
// who sees the patients.
TEST(ExtractRules9, APhraseAfterAPrepositionIsNoSubject) {
  auto r = Analyze(
      "A clinic. Doctors who work in departments see patients. Departments have a name. Patients have a "
      "name and a birth date.");
  EXPECT_FALSE(HasRelation(PlanOf(r), "Department", "Patient", RelationKind::kOneToMany)) << Dump(r);
}

// "each order has a customer": the one thing each of them has is the one side (Customer 1-n Order);
// before, the order pointed the other way, every customer belonging to one order. A thing described
// right after "has a" is still the owner's ("each bike has a lock on it: lock id, ...").
TEST(ExtractRules9, WhatEachHasOneOfIsTheOneSide) {
  auto r = Analyze("A shop. Each order has a customer. Customers have a name. Orders have a total.");
  EXPECT_TRUE(HasDirected(PlanOf(r), "Customer", "Order", RelationKind::kOneToMany)) << Dump(r);
  auto r2 = Analyze("A school. Classes have a room and a teacher. Teachers have a name. Rooms have a number.");
  EXPECT_TRUE(HasDirected(PlanOf(r2), "Room", "Class", RelationKind::kOneToMany)) << Dump(r2);
  EXPECT_TRUE(HasDirected(PlanOf(r2), "Teacher", "Class", RelationKind::kOneToMany)) << Dump(r2);
  auto r3 = Analyze(
      "Bike sharing. Bikes have a number and a status. Each bike has a lock on it: lock id, lock type, unlock code.");
  EXPECT_TRUE(HasDirected(PlanOf(r3), "Bike", "Lock", RelationKind::kOneToMany)) << Dump(r3);
}

// "each order contains several products with quantities": both sides of a line item are records,
// also "order", a word that is a column elsewhere ("sort order"); the order was left out.
TEST(ExtractRules9, BothSidesOfALineItemAreRecords) {
  auto r = Analyze(
      "A shop. Customers have a name and an email. Each order contains several products with quantities. "
      "Products have a price.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(HasDirected(s, "Order", "OrderItem", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Product", "OrderItem", RelationKind::kOneToMany)) << Dump(r);
}

// "Trainers: name, speciality; each trainer runs classes (title, time, capacity)": a clause after
// the semicolon that makes other things, with their own list, is a sentence of its own; the class
// columns went to the trainer and no Class was planned.
TEST(ExtractRules9, AClauseAfterASemicolonThatMakesThingsEndsTheList) {
  auto r = Analyze("A gym. Trainers: name, speciality; each trainer runs classes (title, time, capacity).");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(HasField(s, "Class", "capacity")) << Dump(r);
  EXPECT_FALSE(HasField(s, "Trainer", "capacity")) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Trainer", "Class", RelationKind::kOneToMany)) << Dump(r);
}

// "moved by", "approved by": who did it is a login when the text has logins (the first such column
// becomes the relation, a second one stays a column named `approvedBy`); before, the columns were
// named `moved` and `approved`.
TEST(ExtractRules9, WhoDidItIsALogin) {
  auto r = Analyze("Users have an email. Stock movements: quantity, moved at, moved by, approved by, reason.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(HasDirected(s, "User", "StockMovement", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_TRUE(HasField(s, "StockMovement", "approvedBy")) << Dump(r);
  EXPECT_FALSE(HasField(s, "StockMovement", "moved")) << Dump(r);
  auto r2 = Analyze("Stock movements: quantity, moved at, moved by, reason. Items have a name.");
  EXPECT_TRUE(HasField(PlanOf(r2), "StockMovement", "movedBy")) << Dump(r2);
}

// "dogs have vaccinations with dates, and a log of visits (date, hours, notes)": after ", and" a log
// of things is the subject's next collection; the visit columns went to the vaccinations.
TEST(ExtractRules9, ALogOfThingsAfterAndIsTheNextCollection) {
  auto r = Analyze("Dog daycare. Dogs have vaccinations with dates, and a log of visits (date, hours, notes).");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(HasField(s, "Visit", "hours")) << Dump(r);
  EXPECT_FALSE(HasField(s, "Vaccination", "hours")) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Dog", "Visit", RelationKind::kOneToMany)) << Dump(r);
}

}  // namespace
}  // namespace bf::analyze
