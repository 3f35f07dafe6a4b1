// Extraction rules from a tenth round. Every description here is written for the test; none is
// taken from an evaluation case.
#include <gtest/gtest.h>

#include "analyze/analyzer.h"
#include "analyze/test_util.h"

namespace bf::analyze {
namespace {

using spec::RelationKind;
using testing::Dump;
using testing::HasDirected;
using testing::Linked;
using testing::PlanOf;

// "each lesson has one teacher and many students": with no verb between them the two are
// coordinated objects of "has". Before, "teacher and many students" read as "a teacher has many
// students" (the rule for "one waiter can handle many orders") and the lesson got no students.
TEST(ExtractRules10, AndManyIsNoVerb) {
  auto r = Analyze(
      "A tutoring app. Each lesson has one teacher and many students. Teachers: name, subject. Students: name, "
      "grade. Lessons: date, room.");
  const auto& s = PlanOf(r);
  EXPECT_FALSE(Linked(s, "Teacher", "Student")) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Lesson", "Student", RelationKind::kOneToMany)) << Dump(r);
  // The verb is still read when there is one.
  auto v = Analyze("A diner. Waiters: name. Orders: total. One waiter can handle many orders.");
  EXPECT_TRUE(HasDirected(PlanOf(v), "Waiter", "Order", RelationKind::kOneToMany)) << Dump(v);
}

// "each lesson has a teacher and students", "each course has many modules and a coordinator":
// after a verb of having, each coordinated object's own count says which side it is. Before, the
// first object's reading was given to all of them (Student 1—n Lesson, Course 1—n Coordinator).
TEST(ExtractRules10, EachCoordinatedObjectKeepsItsOwnCount) {
  auto r = Analyze(
      "A tutoring app. Each lesson has a teacher and students. Teachers: name, subject. Students: name, grade. "
      "Lessons: date, room.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(HasDirected(s, "Teacher", "Lesson", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Lesson", "Student", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_FALSE(HasDirected(s, "Student", "Lesson", RelationKind::kOneToMany)) << Dump(r);

  auto c = Analyze(
      "A course platform. Each course has many modules and a coordinator. Courses: title. Modules: title, "
      "position. Coordinators: name, email.");
  const auto& cs = PlanOf(c);
  EXPECT_TRUE(HasDirected(cs, "Course", "Module", RelationKind::kOneToMany)) << Dump(c);
  EXPECT_TRUE(HasDirected(cs, "Coordinator", "Course", RelationKind::kOneToMany)) << Dump(c);
  EXPECT_FALSE(HasDirected(cs, "Course", "Coordinator", RelationKind::kOneToMany)) << Dump(c);
}

// "reviews are written by customers for a product", "shifts are posted by coordinators for an
// event": a place or an occasion after the agent of a passive belongs to the passive's subject.
// Before, it was read as the agent's (Product 1—n Customer, Event 1—n Coordinator).
TEST(ExtractRules10, APlaceAfterThePassiveAgentIsTheSubjects) {
  auto r = Analyze(
      "A shop. Reviews are written by customers for a product. Products: name, price. Reviews: rating, text. "
      "Customers: name, email.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(HasDirected(s, "Product", "Review", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Customer", "Review", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_FALSE(Linked(s, "Product", "Customer")) << Dump(r);

  auto v = Analyze(
      "A volunteer app. Shifts are posted by coordinators for an event. Coordinators: name, phone. Events: "
      "title, date. Shifts: start time, end time, slots.");
  const auto& vs = PlanOf(v);
  EXPECT_TRUE(HasDirected(vs, "Event", "Shift", RelationKind::kOneToMany)) << Dump(v);
  EXPECT_FALSE(Linked(vs, "Event", "Coordinator")) << Dump(v);
}

// "Campaigns: name, an email template (subject, sender name, body), send date": one thing with its
// own list of columns is a record the owner refers to. Before, its columns were poured into the
// owner (Campaign.senderName, Campaign.body). Attributes with parts ("an address (street, city,
// zip)") and values ("a reason (spam, harassment, hate, other)") stay columns.
TEST(ExtractRules10, OneThingWithItsOwnColumnsIsARecord) {
  auto r = Analyze(
      "An email marketing tool. Campaigns: name, subject, an email template (subject, sender name, body), send "
      "date. Subscribers: email, name, status. Members: name, an address (street, city, zip), phone. Reports: "
      "title, a reason (spam, harassment, hate, other), status.");
  const auto& s = PlanOf(r);
  ASSERT_NE(s.FindEntity("EmailTemplate"), nullptr) << Dump(r);
  EXPECT_TRUE(testing::HasField(s, "EmailTemplate", "senderName")) << Dump(r);
  EXPECT_FALSE(testing::HasField(s, "Campaign", "senderName")) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "EmailTemplate", "Campaign", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_EQ(s.FindEntity("Address"), nullptr) << Dump(r);
  EXPECT_TRUE(testing::HasField(s, "Member", "street")) << Dump(r);
  EXPECT_EQ(s.FindEntity("Reason"), nullptr) << Dump(r);
}

// "Observations: date, an eyepiece (type, brand, focal length), seeing": the one item with its own
// list among columns is a record the head refers to. Before, it made "Observations:" read as a
// label over a list of records, and the observation was lost.
TEST(ExtractRules10, OneListedRecordAmongColumnsIsNoLabel) {
  auto r = Analyze(
      "An astronomy log. Users record what they saw. Observations: date, an eyepiece (type, brand, focal "
      "length), seeing. Talks: title, abstract, track (name, description, colour). Objects: name, magnitude.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(HasDirected(s, "Eyepiece", "Observation", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_TRUE(testing::HasField(s, "Observation", "seeing")) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Track", "Talk", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_EQ(s.FindEntity("Abstract"), nullptr) << Dump(r);
  // A label over records keeps its reading.
  auto l = Analyze(
      "Clinic backend. Tables: Doctor (name, specialty, phone), Patient (name, birth date, email), Appointment "
      "(doctor, patient, starts at, status), Invoice (appointment, amount, paid boolean). Receptionists book "
      "appointments.");
  const auto& ls = PlanOf(l);
  EXPECT_NE(ls.FindEntity("Doctor"), nullptr) << Dump(l);
  EXPECT_NE(ls.FindEntity("Invoice"), nullptr) << Dump(l);
  EXPECT_EQ(ls.FindEntity("Table"), nullptr) << Dump(l);
}

// "users earn badges and teams earn points": a plural phrase followed by a word that is mainly a
// verb opens a clause of its own, so the teams are no object of the users (User 1—n Team before).
TEST(ExtractRules10, APluralBeforeAMainlyVerbWordOpensAClause) {
  auto r = Analyze("A league app. Users earn badges and teams earn points. Badges: name, icon. Teams: name, city.");
  const auto& s = PlanOf(r);
  EXPECT_FALSE(Linked(s, "User", "Team")) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "User", "Badge", RelationKind::kOneToMany)) << Dump(r);
}

// "customers book appointments with a groomer": more words for people a business keeps records
// of (groomers, barbers, cleaners, plumbers, ...), so the one person on the other side of an
// appointment is its "one" side (it was Appointment 1—n Groomer).
TEST(ExtractRules10, MoreServicePeopleAreTheOneSideOfAnAppointment) {
  auto r = Analyze(
      "A grooming app. Groomers: name, phone. Dogs: name, breed. Appointments: date, price. Customers book "
      "appointments with a groomer.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(HasDirected(s, "Groomer", "Appointment", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_FALSE(HasDirected(s, "Appointment", "Groomer", RelationKind::kOneToMany)) << Dump(r);
  // "with one of our groomers", "each appointment is with one groomer" say the same.
  for (const char* text : {"A grooming app. Groomers: name, phone. Appointments: date, price. Customers book "
                           "appointments with one of our groomers.",
                           "A grooming app. Groomers: name, phone. Appointments: date, price. Customers book "
                           "appointments. Each appointment is with one groomer."}) {
    auto o = Analyze(text);
    EXPECT_TRUE(HasDirected(PlanOf(o), "Groomer", "Appointment", RelationKind::kOneToMany)) << Dump(o);
  }
}

// "recipes are tagged (vegan, gluten-free, quick)", "recipes have tags (vegan, quick)": examples of
// what marks things are no columns (they were Recipe.vegan, Recipe.glutenFree, Tag.vegan, ...);
// "tags (name, color)" are.
TEST(ExtractRules10, ExamplesOfTagsAreNoColumns) {
  for (const char* text : {"A recipe app. Recipes: title, servings. Recipes are tagged (vegan, gluten-free, quick).",
                           "A recipe app. Recipes: title, servings. Recipes have tags (vegan, gluten-free, quick)."}) {
    auto r = Analyze(text);
    const auto& s = PlanOf(r);
    EXPECT_FALSE(testing::HasField(s, "Recipe", "vegan")) << Dump(r);
    EXPECT_FALSE(testing::HasField(s, "Tag", "vegan")) << Dump(r);
    EXPECT_NE(s.FindEntity("Tag"), nullptr) << Dump(r);
  }
  auto c = Analyze("A recipe app. Recipes: title, servings. Recipes have tags (name, color).");
  EXPECT_TRUE(testing::HasField(PlanOf(c), "Tag", "color")) << Dump(c);
}

// "users rate recipes and leave comments": the feedback left after acting on something is about
// that thing (the comments belonged to the users only).
TEST(ExtractRules10, FeedbackLeftAfterAnActIsAboutItsObject) {
  auto r = Analyze("A recipe app. Recipes: title, servings. Users can rate recipes from 1 to 5 and leave comments.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(HasDirected(s, "Recipe", "Comment", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "User", "Comment", RelationKind::kOneToMany)) << Dump(r);
}

// "users can save recipes to collections", "add songs to playlists": the plural places things are
// put in are records holding them (the collection was not planned).
TEST(ExtractRules10, ThePlacesThingsAreSavedToAreRecords) {
  auto r = Analyze("A recipe app. Recipes: title, servings. Users can save recipes to collections.");
  const auto& s = PlanOf(r);
  ASSERT_NE(s.FindEntity("Collection"), nullptr) << Dump(r);
  EXPECT_TRUE(testing::HasRelation(s, "Collection", "Recipe", RelationKind::kManyToMany)) << Dump(r);
}

// "members buy monthly plans": how often qualifies the thing bought, not the verb (no relation
// was drawn); and a phrase after "by" is no subject of the verb after "and" ("register their cars
// by number plate and buy ..." made the plate a record).
TEST(ExtractRules10, HowOftenQualifiesTheThing) {
  auto r = Analyze("A coworking app. Plans: name, price. Desks: code. Members buy monthly plans.");
  EXPECT_TRUE(HasDirected(PlanOf(r), "Member", "Plan", RelationKind::kOneToMany)) << Dump(r);
  auto c = Analyze(
      "A car wash. Customers register their cars by number plate and buy weekly wash passes. Cars: make, model. "
      "Wash passes: name, price.");
  EXPECT_EQ(PlanOf(c).FindEntity("NumberPlate"), nullptr) << Dump(c);
}

// "members borrow copies; a loan records the borrow date, due date and return date": when the text
// declares the act's record, it carries the link (User 1—n Loan, Copy 1—n Loan) instead of the
// borrower holding the copies.
TEST(ExtractRules10, AStatedActRecordCarriesTheLink) {
  auto r = Analyze(
      "A library. Books: title, isbn. Copies: barcode, condition. Members borrow copies; a loan records the borrow "
      "date, due date and return date.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(HasDirected(s, "Copy", "Loan", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Member", "Loan", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_FALSE(HasDirected(s, "Member", "Copy", RelationKind::kOneToMany)) << Dump(r);
}

// "memberships: start, end, type monthly or yearly": a lone prefix word borrows the head of the
// next item only when that item is two words ("start, end date"); it made `endMonthlyYearly`.
TEST(ExtractRules10, APrefixWordBorrowsOnlyATwoWordHead) {
  auto r = Analyze(
      "A gym app. Memberships: start, end, type monthly or yearly. Classes: name, min, max attendees, start, end "
      "time.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(testing::HasField(s, "Membership", "end")) << Dump(r);
  EXPECT_FALSE(testing::HasField(s, "Membership", "endMonthlyYearly")) << Dump(r);
  EXPECT_TRUE(testing::HasField(s, "Class", "minAttendees")) << Dump(r);
  EXPECT_TRUE(testing::HasField(s, "Class", "startTime")) << Dump(r);
  // An item of stopwords only before a bound ("the, max players") borrows nothing (the first
  // version of this rule read the first word of an empty item).
  auto e = Analyze("A game night app. Games: name, the, max players, min players. Hosts: name.");
  EXPECT_TRUE(testing::HasField(PlanOf(e), "Game", "maxPlayers")) << Dump(e);
}

// "classes like yoga with max people", "a minimum quantity per medicine": a bound is a column,
// never a record (MaxPerson, MinimumQuantity were planned).
TEST(ExtractRules10, ABoundIsNoRecord) {
  auto r = Analyze(
      "A gym app. Trainers: name. Classes: name, room. Also classes like yoga with max people and a minimum age, "
      "and trainers teach classes.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(testing::NoEntityNamedWith(s, "Max")) << Dump(r);
  EXPECT_TRUE(testing::NoEntityNamedWith(s, "Minimum")) << Dump(r);
}

// "employees ... have a manager who is also an employee": the person named is one of the same
// records, so the record points at itself (it was Employee 1—n User: managers as logins).
TEST(ExtractRules10, APersonWhoIsAlsoOneOfThemIsASelfRelation) {
  for (const char* text : {"An HR system. Employees belong to departments and have a manager who is also an employee. "
                           "Each employee has a job title, salary, hire date and email.",
                           "An HR app. Employees: name, email. Departments: name. Each employee has a manager, who is "
                           "another employee."}) {
    auto r = Analyze(text);
    const auto& s = PlanOf(r);
    EXPECT_TRUE(HasDirected(s, "Employee", "Employee", RelationKind::kOneToMany)) << Dump(r);
    EXPECT_FALSE(Linked(s, "Employee", "User")) << Dump(r);
  }
}

// "each delivery has a date and lines (product, quantity)": line rows with columns of their own are
// a child record that refers to what it names (they were a column `lines`).
TEST(ExtractRules10, LineRowsWithColumnsAreAChildRecord) {
  auto r = Analyze(
      "A warehouse. Products: sku, name. Suppliers: name. Each delivery has a date and lines (product, quantity).");
  const auto& s = PlanOf(r);
  ASSERT_NE(s.FindEntity("DeliveryLine"), nullptr) << Dump(r);
  EXPECT_TRUE(testing::HasField(s, "DeliveryLine", "quantity")) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Delivery", "DeliveryLine", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Product", "DeliveryLine", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_FALSE(testing::HasField(s, "Delivery", "lines")) << Dump(r);
}

// "customers pay fees monthly; each payment records the amount ...": when the text declares the
// record an act makes, the one who acts has them, whatever the act's object is (nothing linked the
// payments to anyone).
TEST(ExtractRules10, WhoActsHasTheDeclaredRecordOfTheAct) {
  auto r = Analyze(
      "A DVD rental shop. Customers: name, email. Films: title, year. Customers pay fees monthly; each payment "
      "records the amount, the date and the method.");
  EXPECT_TRUE(HasDirected(PlanOf(r), "Customer", "Payment", RelationKind::kOneToMany)) << Dump(r);
}

// "users join channels or start direct conversations": a common verb after "and" / "or" opens a
// verb phrase (it planned `StartDirectConversation`); "start and end dates" stay nouns.
TEST(ExtractRules10, ACommonVerbAfterOrOpensAVerbPhrase) {
  auto r = Analyze(
      "Realtime chat app: users join channels or start direct conversations. Messages belong to a channel or a "
      "conversation. Events: name, start and end dates.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(testing::NoEntityNamedWith(s, "Start")) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Conversation", "Message", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_TRUE(testing::HasField(s, "Event", "startDate")) << Dump(r);
}

// "a plan has a number of free hours": a count of things is one attribute (freeHourCount) of the
// record, like "a plan has a price" (nothing was kept).
TEST(ExtractRules10, ALoneCountIsAnAttribute) {
  auto r = Analyze("A coworking app. Plans: name, price. Desks: code. A plan has a number of free hours.");
  EXPECT_TRUE(testing::HasField(PlanOf(r), "Plan", "freeHourCount")) << Dump(r);
}

// "members log training runs with distance, duration and route, and follow other members": a
// common act after ", and" is the subject's next predicate, not one more column of the runs
// (TrainingRun m2m User, and no follower relation).
TEST(ExtractRules10, ACommonActAfterCommaAndEndsAWithList) {
  auto r = Analyze(
      "A running club app. Races: name, date. Members can log training runs with distance, duration and route, and "
      "follow other members to see their runs.");
  const auto& s = PlanOf(r);
  EXPECT_FALSE(Linked(s, "TrainingRun", "Member") &&
               !HasDirected(s, "Member", "TrainingRun", RelationKind::kOneToMany))
      << Dump(r);
  EXPECT_FALSE(testing::HasRelation(s, "TrainingRun", "Member", RelationKind::kManyToMany)) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Member", "Member", RelationKind::kManyToMany)) << Dump(r);
}

// "runs shifts at those locations (date, start time, end time, slots)": things named again with
// "those" are known already, so the list describes the act's object (the locations got the
// shift's columns).
TEST(ExtractRules10, AListAfterThingsNamedAgainDescribesTheObject) {
  auto r = Analyze(
      "A volunteer tool for food banks. Each food bank has locations and runs shifts at those locations (date, "
      "start time, end time, slots). Volunteers sign up for shifts.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(testing::HasField(s, "Shift", "startTime")) << Dump(r);
  EXPECT_FALSE(testing::HasField(s, "Location", "startTime")) << Dump(r);
}

// "need clients, nail techs and appointments": the people a one-line request lists among what it
// keeps are records, not only roles; so are those listed after a dash that follows the kind of
// business. People who are the subject of a later clause ("so volunteers know") or a list of user
// types stay roles (ExtractRules4.UserTypesAreRoles, ExtractRules7.AOneLineRequestNamesWhatItKeeps).
TEST(ExtractRules10, PeopleAOneLineRequestKeepsAreRecords) {
  auto r = Analyze("can u make a backend for my barber shop?? need clients, barbers and appointments");
  const auto& s = PlanOf(r);
  EXPECT_NE(s.FindEntity("Client"), nullptr) << Dump(r);
  EXPECT_NE(s.FindEntity("Appointment"), nullptr) << Dump(r);
  auto r2 = Analyze("Backend for a music lessons marketplace - teachers, pupils, lesson bookings, reviews.");
  const auto& s2 = PlanOf(r2);
  EXPECT_NE(s2.FindEntity("Teacher"), nullptr) << Dump(r2);
  EXPECT_NE(s2.FindEntity("Pupil"), nullptr) << Dump(r2);
  auto r3 = Analyze("Our choir needs to manage concerts and songs so singers know what to rehearse.");
  EXPECT_EQ(PlanOf(r3).FindEntity("Singer"), nullptr) << Dump(r3);
}

// "each facility group follows one protocol", "one booking takes one slot": a record that follows,
// takes or picks one thing shares it with others of its kind (one-to-many from the thing); between
// plurals the same verbs stay many-to-many, and a person who "chooses one service" chooses it for
// an act, so no link to the person.
TEST(ExtractRules10, ARecordThatFollowsOneThingSharesIt) {
  auto r = Analyze(
      "A clinic network. Protocols have a name and steps. Clinic groups have a name. Each clinic group follows one "
      "protocol. Slots have a start time. Bookings have a date. One booking takes one slot.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(HasDirected(s, "Protocol", "ClinicGroup", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Slot", "Booking", RelationKind::kOneToMany)) << Dump(r);
  auto r2 = Analyze("A school. Students take courses. Courses have a title.");
  EXPECT_TRUE(testing::HasRelation(PlanOf(r2), "Student", "Course", RelationKind::kManyToMany)) << Dump(r2);
  auto r3 = Analyze("A grooming salon. The owner makes an appointment for one dog and chooses one service.");
  EXPECT_FALSE(Linked(PlanOf(r3), "Service", "User")) << Dump(r3);
}

// "a user can belong to more than one organisation": a lower bound on the count reads as "many"
// (it made the connector too long to read, and "one" is no determiner to drop).
TEST(ExtractRules10, MoreThanOneIsMany) {
  auto r = Analyze("Organisations have a name. A user can belong to more than one organisation.");
  EXPECT_TRUE(testing::HasRelation(PlanOf(r), "User", "Organisation", RelationKind::kManyToMany)) << Dump(r);
  auto r2 = Analyze("A shop. Orders have a total. A customer can have more than one order.");
  EXPECT_TRUE(HasDirected(PlanOf(r2), "Customer", "Order", RelationKind::kOneToMany)) << Dump(r2);
}

// "a course is split into modules and each module into lessons": the record named again after
// "each" is the subject of the elided verb (Module 1-n Lesson, not Course 1-n Lesson).
TEST(ExtractRules10, AnElidedVerbAfterEachHasItsOwnSubject) {
  auto r = Analyze("A store app. Stores have a name. Each store is divided into aisles and each aisle into shelves.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(HasDirected(s, "Store", "Aisle", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Aisle", "Shelf", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_FALSE(Linked(s, "Store", "Shelf")) << Dump(r);
}

// "each item follows a borrow policy", "a pay rate": a verb's base form between a determiner and a
// noun qualifies the noun ("a login account" stays the login).
TEST(ExtractRules10, AVerbBetweenADeterminerAndANounQualifiesIt) {
  auto r = Analyze(
      "A tool library. Tools have a name and a condition. Each tool follows a borrow policy (name, loan days, fine "
      "per day). Members have a login account.");
  const auto& s = PlanOf(r);
  EXPECT_NE(s.FindEntity("BorrowPolicy"), nullptr) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "BorrowPolicy", "Tool", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_EQ(s.FindEntity("LoginAccount"), nullptr) << Dump(r);
}

// "each org defines its items", "each doc has tags": the short words are the records in full, one
// record with the long word the text also uses, in its spelling ("organisations").
TEST(ExtractRules10, ShortWordsForOrganisationsAndDocumentsAreThoseRecords) {
  auto r = Analyze("A diaper bank network. Organisations have a name. Each org defines its own items (name, value).");
  const auto& s = PlanOf(r);
  EXPECT_NE(s.FindEntity("Organisation"), nullptr) << Dump(r);
  EXPECT_EQ(s.FindEntity("Org"), nullptr) << Dump(r);
  EXPECT_EQ(s.FindEntity("Organization"), nullptr) << Dump(r);
  auto r2 = Analyze("A paperless office. Documents have a title. Each doc has a correspondent and many tags.");
  EXPECT_EQ(PlanOf(r2).FindEntity("Doc"), nullptr) << Dump(r2);
  EXPECT_TRUE(Linked(PlanOf(r2), "Document", "Correspondent")) << Dump(r2);
}

// "each document can have a correspondent and a bunch of tags": a quantity phrase between
// coordinated objects keeps them coordinated (tags are shared: many-to-many).
TEST(ExtractRules10, AQuantityPhraseKeepsObjectsCoordinated) {
  auto r = Analyze(
      "A paperless office. Documents have a title. Each document can have a correspondent and a bunch of tags.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(testing::HasRelation(s, "Document", "Tag", RelationKind::kManyToMany)) << Dump(r);
  EXPECT_TRUE(Linked(s, "Document", "Correspondent")) << Dump(r);
}

// "a member places a hold on an item": a verb's base form after "a" and before a preposition is the
// noun, a record the text keeps.
TEST(ExtractRules10, AVerbAfterABeforeAPrepositionIsANoun) {
  auto r = Analyze(
      "A tool library. Tools have a name and a condition. Members borrow tools. When a tool is out, a member "
      "places a hold on the tool and waits in line by position.");
  const auto& s = PlanOf(r);
  EXPECT_NE(s.FindEntity("Hold"), nullptr) << Dump(r);
  EXPECT_TRUE(Linked(s, "Hold", "Tool")) << Dump(r);
}

// "our language school - teachers, their classes, enrolled students and weekly attendance": a short
// request that names a few records of a known kind of backend gets that kind's records it names in
// passing (Attendance), not the kind's other records, and the text's records stay as the text has them.
TEST(ExtractRules10, AShortRequestGetsTheRecordsOfItsKindItNames) {
  auto r = Analyze(
      "Help us run our Sunday music school - teachers, their classes, enrolled students and weekly attendance.");
  const auto& s = PlanOf(r);
  EXPECT_NE(s.FindEntity("Attendance"), nullptr) << Dump(r);
  EXPECT_NE(s.FindEntity("Teacher"), nullptr) << Dump(r);
  EXPECT_NE(s.FindEntity("Student"), nullptr) << Dump(r);
  EXPECT_EQ(s.FindEntity("Course"), nullptr) << Dump(r);
}

}  // namespace
}  // namespace bf::analyze
