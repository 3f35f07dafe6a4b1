// Extraction rules from a twelfth round. Every description here is written for the test; none is
// taken from an evaluation case.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "analyze/analyzer.h"
#include "analyze/test_util.h"

namespace bf::analyze {
namespace {

using spec::RelationKind;
using testing::Dump;
using testing::HasDirected;
using testing::HasRelation;
using testing::Linked;
using testing::PlanOf;

// The values of entity.field when it is an enum column; empty when the record or the field is
// missing, or the field is no enum.
std::vector<std::string> EnumValues(const spec::AppSpec& s, const std::string& entity, const std::string& field) {
  const spec::Entity* e = s.FindEntity(entity);
  const spec::Field* f = e ? e->FindField(field) : nullptr;
  return f && f->type == spec::FieldType::kEnum ? f->enumValues : std::vector<std::string>{};
}

// Collections, contributions, shares and subscriptions are things people own: in a text with
// logins they hang under the user. Tasks are assigned, not owned: a garden's tasks stay the
// garden's, with no owner link the text never gave.
TEST(ExtractRules12, CollectionsAreOwnedAndTasksAreNot) {
  auto r = Analyze("Users log in. Collections have a name and a cover image. Recipes have a title.");
  EXPECT_TRUE(HasDirected(PlanOf(r), "User", "Collection", RelationKind::kOneToMany)) << Dump(r);
  auto r2 = Analyze("Users log in. Gardens have a name. Each garden has tasks with a title and due date.");
  const auto& s2 = PlanOf(r2);
  EXPECT_TRUE(HasDirected(s2, "Garden", "Task", RelationKind::kOneToMany)) << Dump(r2);
  EXPECT_FALSE(Linked(s2, "User", "Task")) << Dump(r2);
}

// "each child speaks one or more languages": an -s word the lexicon does not know, after a singular
// subject and before a quantity, is the verb. It was read as a record "Speak", linked to itself.
TEST(ExtractRules12, AnUnknownVerbAfterASingularSubjectIsAVerb) {
  auto r = Analyze("Children have a first name and birth date. Each child speaks one or more languages. "
                   "Languages have a name.");
  const auto& s = PlanOf(r);
  EXPECT_FALSE(s.FindEntity("Speak")) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Child", "Language", RelationKind::kManyToMany)) << Dump(r);
  // (After "each", before a preposition too.)
  auto r2 = Analyze("Each trail passes through several regions. Trails have a name and length. Regions have a name.");
  EXPECT_TRUE(Linked(PlanOf(r2), "Trail", "Region")) << Dump(r2);
}

// "each vineyard grows several grape varieties": an unknown -s verb before a count of plural things
// holds them, which is evidence for both sides (the varieties were dropped, the vineyard stood alone).
TEST(ExtractRules12, AnUnknownVerbBeforeACountHoldsTheThings) {
  auto r = Analyze("Each vineyard grows several grape varieties. Vineyards have a name and region.");
  EXPECT_TRUE(HasDirected(PlanOf(r), "Vineyard", "GrapeVariety", RelationKind::kOneToMany)) << Dump(r);
}

// "custom questions: question text, variant (...), target, required or not; the answers are stored
// with the question and the talk": a ';' that opens a clause about another thing ends the colon list.
// The clause's plural subject made the head a label of records before, so Question was lost and
// the variant and the target became records.
TEST(ExtractRules12, AClauseAfterASemicolonEndsTheColonList) {
  auto r = Analyze("Talks have a title. Custom questions: question text, variant (text, number), target, required "
                   "or not; the answers are stored with the question and the talk.");
  const auto& s = PlanOf(r);
  ASSERT_TRUE(s.FindEntity("Question")) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Question", "Answer", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_FALSE(s.FindEntity("Variant")) << Dump(r);
  EXPECT_FALSE(s.FindEntity("Target")) << Dump(r);
  // ("items: ...; an item can belong to a lot": a clause about the head itself stays in its list.)
  auto r2 = Analyze("Lots have a title and value. A tender has items: description, quantity, unit; an item can belong "
                    "to a lot.");
  EXPECT_TRUE(HasDirected(PlanOf(r2), "Lot", "TenderItem", RelationKind::kOneToMany)) << Dump(r2);
}

// "a visit records the visitor": a record that keeps one person refers to that person, who has many
// of it (the visit was made the visitor's parent, so the key sat on the wrong side).
TEST(ExtractRules12, ARecordThatKeepsAPersonRefersToThem) {
  auto r = Analyze("Visitors sign in at reception. A visit records the visitor, the host employee, arrival and "
                   "departure times.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(HasDirected(s, "Visitor", "Visit", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_FALSE(HasDirected(s, "Visit", "Visitor", RelationKind::kOneToMany)) << Dump(r);
}

// "songs have a title, a tempo and roughly how long they are": among columns, a plain singular word
// that names no known record or person, and a "how long / how often" item, are columns too; the
// question names the column (duration). The list was not read at all, and the song got a template's
// columns instead.
TEST(ExtractRules12, PlainWordsAndHowLongItemsAreColumnsOfAHaveList) {
  auto r = Analyze("Songs have a title, a tempo and roughly how long they are. Gigs have a date and a venue.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(testing::HasField(s, "Song", "tempo")) << Dump(r);
  EXPECT_TRUE(testing::HasField(s, "Song", "duration")) << Dump(r);
  // (Words after "so" are no item: "a school has a name, and ..., so School A never sees ...".)
  auto r2 = Analyze("A school has a name, and everything belongs to a school, so School A never sees School B's "
                    "pupils. Pupils have a name and a birth date.");
  EXPECT_FALSE(testing::HasField(PlanOf(r2), "School", "seesSchoolBPupils")) << Dump(r2);
}

// "a long description", "a serial number": a type word that is also an adjective names no type before
// a noun (the description was an integer, the serial number an integer field "number").
TEST(ExtractRules12, AnAdjectiveBeforeANounIsNoTypeHint) {
  auto r = Analyze("Posts have a title and a long description. Drones have a model and a serial number.");
  const auto& s = PlanOf(r);
  ASSERT_TRUE(s.FindEntity("Drone")) << Dump(r);
  EXPECT_TRUE(testing::HasField(s, "Drone", "serialNumber")) << Dump(r);
  ASSERT_TRUE(s.FindEntity("Post")) << Dump(r);
  for (const auto& f : s.FindEntity("Post")->fields) EXPECT_NE(f.type, spec::FieldType::kInteger) << Dump(r);
  // (After the name it is still the type: "code serial".)
  auto r2 = Analyze("Items: code serial, name, price.");
  ASSERT_TRUE(PlanOf(r2).FindEntity("Item")) << Dump(r2);
  const auto* code = PlanOf(r2).FindEntity("Item")->FindField("code");
  ASSERT_TRUE(code) << Dump(r2);
  EXPECT_EQ(code->type, spec::FieldType::kInteger) << Dump(r2);
}

// "costs are logged against a job: labour hours, materials": the colon list walks back over a
// participle and "against" to the subject (the job got the cost's columns).
TEST(ExtractRules12, AColonListWalksBackOverLoggedAgainst) {
  auto r = Analyze("Jobs have a client and an address. Costs are logged against a job: labour hours, materials, "
                   "subcontractors.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(testing::HasField(s, "Cost", "labourHours")) << Dump(r);
  EXPECT_FALSE(testing::HasField(s, "Job", "labourHours")) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Job", "Cost", RelationKind::kOneToMany)) << Dump(r);
}

// "..., and members register for them": a plural subject, its verb and a pronoun is a clause that
// ends the field list before it (the members were a column reference of the workshop), and a
// counted phrase ("a max number of attendees") is no antecedent of the pronoun. ", and pay a yearly
// fee" ends a "with" list too (it was a column "payYearlyFee").
TEST(ExtractRules12, ClausesAfterAndEndFieldLists) {
  auto r = Analyze("Members sign up with name, email, phone and address, and pay a yearly fee. Tools have a name. "
                   "Each workshop has a date, a topic and a max number of attendees, and members register for them.");
  const auto& s = PlanOf(r);
  EXPECT_FALSE(testing::HasField(s, "Member", "payYearlyFee")) << Dump(r);
  EXPECT_TRUE(HasRelation(s, "Member", "Workshop", RelationKind::kManyToMany)) << Dump(r);
  EXPECT_FALSE(HasDirected(s, "Workshop", "Member", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_FALSE(Linked(s, "Member", "User")) << Dump(r);
}

// "each flight is logged by a pilot with one drone: date, location, ...": the colon list walks back
// over "with one" and "logged by" to the flight (the drone got the flight's columns).
TEST(ExtractRules12, AColonListWalksBackOverLoggedByAndWithOne) {
  auto r = Analyze("Drones have a make and model. Each flight is logged by a pilot with one drone: date, location, "
                   "duration, max altitude and notes.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(testing::HasField(s, "Flight", "maxAltitude")) << Dump(r);
  EXPECT_FALSE(testing::HasField(s, "Drone", "maxAltitude")) << Dump(r);
  EXPECT_FALSE(testing::HasField(s, "Pilot", "maxAltitude")) << Dump(r);
  // ("a user can be in many projects with a role per project: admin | editor": "with a" stays.)
  auto r2 = Analyze("Projects have a name. A user can be in many projects with a role per project: admin | editor | "
                    "viewer.");
  EXPECT_FALSE(HasDirected(PlanOf(r2), "User", "Project", RelationKind::kOneToMany)) << Dump(r2);
}

// "batteries are tracked separately with a label and cycle count": an adverb between the passive and
// "with" still gives the subject the list (the batteries were dropped).
TEST(ExtractRules12, APassiveWithAnAdverbBeforeWithOwnsTheList) {
  auto r = Analyze("Batteries are tracked separately with a label and cycle count. Flights have a date.");
  const auto& s = PlanOf(r);
  ASSERT_TRUE(s.FindEntity("Battery")) << Dump(r);
  EXPECT_TRUE(testing::HasField(s, "Battery", "cycleCount")) << Dump(r);
}

// "for every piece we track the clay body, the glaze used, who made it and which kiln load it was
// fired in": what the text keeps per thing is that thing's list whatever its words (a "piece" is a
// record then); "who made it" is the login that did it, or a "madeBy" column without logins; the
// stages a thing goes through are values, no table.
TEST(ExtractRules12, WhatIsKeptPerThingIsItsList) {
  auto r = Analyze("Users log in. Pieces go through stages: thrown, trimmed, bisque fired, glazed, glaze fired. For "
                   "every piece we track the clay body, the glaze used, who made it and which kiln load it was fired "
                   "in. Kiln loads have a date and a status.");
  const auto& s = PlanOf(r);
  ASSERT_TRUE(s.FindEntity("Piece")) << Dump(r);
  EXPECT_TRUE(testing::HasField(s, "Piece", "clayBody")) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "KilnLoad", "Piece", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "User", "Piece", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_FALSE(s.FindEntity("Stage")) << Dump(r);
  auto r2 = Analyze("For every piece we track the clay body, the glaze used and who made it. Kiln loads have a date.");
  EXPECT_TRUE(testing::HasField(PlanOf(r2), "Piece", "madeBy")) << Dump(r2);
}

// "every location keeps a link to its source dataset": a link or reference to a thing is the
// relation to it (it was a rejected "Link" record, and the two were not related).
TEST(ExtractRules12, ALinkToAThingIsTheRelation) {
  auto r = Analyze("Datasets have a name and url. Every imported location keeps a link to its source dataset. "
                   "Locations have a lat and lng.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(HasDirected(s, "Dataset", "Location", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_FALSE(s.FindEntity("Link")) << Dump(r);
}

// "we organise quiz nights in pubs. Teams register for a night ...": a bare word that is no record on
// its own ("night"), never named in the plural after the one compound ending in it was, is that
// compound (the nights were lost, and the teams hung under the pubs).
TEST(ExtractRules12, ABareNightIsTheQuizNightNamedBefore) {
  auto r = Analyze("We organise quiz nights in pubs. Teams register for a night with a team name and number of "
                   "players.");
  const auto& s = PlanOf(r);
  ASSERT_TRUE(s.FindEntity("QuizNight")) << Dump(r);
  EXPECT_FALSE(s.FindEntity("Night")) << Dump(r);
  EXPECT_TRUE(Linked(s, "QuizNight", "Registration") || Linked(s, "QuizNight", "Team")) << Dump(r);
}

// "songs (title, artist, language, duration)" in a text with no logins: a person named once, only as
// a column, is the column (the artist was a link from the login to the song). A text that declares
// roles keeps the person a login ("Decisions: moderator, ... Roles: moderator, admin").
TEST(ExtractRules12, APersonNamedOnceAsAColumnIsTheColumn) {
  auto r = Analyze("Singers pick a song from our catalogue of songs (title, artist, language, duration). Singers "
                   "have a name.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(testing::HasField(s, "Song", "artist")) << Dump(r);
  EXPECT_FALSE(Linked(s, "User", "Song")) << Dump(r);
  auto r2 = Analyze("Cases: title, status. Decisions: moderator, action (warn, ban), rationale, decided at. Roles: "
                    "moderator, admin.");
  EXPECT_TRUE(HasDirected(PlanOf(r2), "User", "Decision", RelationKind::kOneToMany)) << Dump(r2);
}

// "we keep the genomic start and end position and the file size": a compound ending in a column word,
// never named in the plural nor given fields, is a column, not a record (all three were records).
// Kinds and levels stay lookups: "each analysis follows one test type" keeps the record.
TEST(ExtractRules12, ACompoundEndingInAColumnWordIsAColumn) {
  auto r = Analyze("Variants have a chromosome and a gene. For each flagged variant we keep the genomic start and end "
                   "position and the file size of the report.");
  const auto& s = PlanOf(r);
  EXPECT_FALSE(s.FindEntity("GenomicStart")) << Dump(r);
  EXPECT_FALSE(s.FindEntity("EndPosition")) << Dump(r);
  EXPECT_FALSE(s.FindEntity("FileSize")) << Dump(r);
  auto r2 = Analyze("Samples are analysed by the lab. Each analysis follows one test type and records a result.");
  EXPECT_TRUE(PlanOf(r2).FindEntity("TestType")) << Dump(r2);
}

// "artefacts come out of a context: find number, ...", "samples are taken from a context: ...": the
// colon list walks back over "come out of" and an irregular participle before "from", and the thing
// comes from its parent (the context got both lists, and neither was related).
TEST(ExtractRules12, WhatComesOutOfAThingBelongsToIt) {
  auto r = Analyze("Contexts have a number and a description. Artefacts come out of a context: find number, material "
                   "(pottery, bone, metal), weight and photo. Samples are taken from a context: sample type, lab "
                   "result.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(testing::HasField(s, "Artefact", "findNumber")) << Dump(r);
  EXPECT_TRUE(testing::HasField(s, "Sample", "labResult")) << Dump(r);
  EXPECT_FALSE(testing::HasField(s, "Context", "findNumber")) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Context", "Artefact", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Context", "Sample", RelationKind::kOneToMany)) << Dump(r);
}

// "Inspections happen monthly: the inspector, the date, ...": a plural subject opening the sentence,
// then only its verb and how often, owns the colon list; "a work order is opened with a priority, ...":
// so does a subject opened (raised, issued, placed) with a list; "Keepers are staff with a name, ...":
// what the subject is, with a list, describes the subject. None of the three was a record before.
TEST(ExtractRules12, ListsOfThingsThatHappenAreOpenedOrAreSomething) {
  auto r = Analyze("Lighthouses have a name and a keeper. Keepers are staff with a name, phone and certification "
                   "level. Inspections happen monthly: the inspector, the date, a checklist of items, and free notes. "
                   "When an item is faulty a work order is opened with a priority, an estimated cost and the "
                   "contractor who will fix it. Contractors have a company name and contact email.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(testing::HasField(s, "Keeper", "certificationLevel")) << Dump(r);
  EXPECT_FALSE(s.FindEntity("Staff")) << Dump(r);
  EXPECT_TRUE(testing::HasField(s, "Inspection", "date")) << Dump(r);
  EXPECT_TRUE(testing::HasField(s, "WorkOrder", "priority")) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Contractor", "WorkOrder", RelationKind::kOneToMany)) << Dump(r);
}

// "rehearsals are scheduled before each concert with a date, start time and location": the list walks
// back over a participle before "before" to the rehearsals (the concert got their columns), and what
// is scheduled before each concert belongs to it.
TEST(ExtractRules12, WhatIsScheduledBeforeEachThingIsItsAndOwnsTheList) {
  auto r = Analyze("Musicians have a name and an instrument. Concerts have a date and a venue. Rehearsals are "
                   "scheduled before each concert with a date, start time and location. Pieces have a title.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(testing::HasField(s, "Rehearsal", "startTime")) << Dump(r);
  EXPECT_FALSE(testing::HasField(s, "Concert", "startTime")) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Concert", "Rehearsal", RelationKind::kOneToMany)) << Dump(r);
}

// "each concert has a date, a venue and a programme of pieces": a set of records named through its
// collection word is many of them, shared with other owners (it was a column "programmePieces" and a
// concert hung under one piece).
TEST(ExtractRules12, AProgrammeOfPiecesIsManyPieces) {
  auto r = Analyze("Pieces have a title and a composer. Each concert has a date, a venue and a programme of pieces.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(HasRelation(s, "Concert", "Piece", RelationKind::kManyToMany)) << Dump(r);
  EXPECT_FALSE(testing::HasField(s, "Concert", "programmePieces")) << Dump(r);
}

// "each file has an owner user": the user who owns it, who has many files ("every employee has a user
// account" stays one login each). The file was the user's one-to-one.
TEST(ExtractRules12, AnOwnerUserOwnsMany) {
  auto r = Analyze("Users log in. Files have a name and a size, and each file has an owner user.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(HasDirected(s, "User", "File", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_FALSE(HasRelation(s, "File", "User", RelationKind::kOneToOne)) << Dump(r);
  auto r2 = Analyze("Every employee has a user account. Employees have a name.");
  EXPECT_TRUE(HasRelation(PlanOf(r2), "Employee", "User", RelationKind::kOneToOne)) << Dump(r2);
}

// "rides have a pickup and dropoff": the places a thing starts and ends at are its columns (Pickup
// was a record).
TEST(ExtractRules12, PickupAndDropoffAreColumns) {
  auto r = Analyze("Drivers have a name. Rides have a pickup and dropoff.");
  const auto& s = PlanOf(r);
  EXPECT_FALSE(s.FindEntity("Pickup")) << Dump(r);
  EXPECT_TRUE(testing::HasField(s, "Ride", "dropoff")) << Dump(r);
}

// "each ticket has a priority: low, medium or high": a column word the subject has, followed by short
// values, is the subject's enum column (it was a Priority record with columns "low" and "medium");
// so is "a total and a status: pending, paid, ...", and "double" among values is a value, no type.
TEST(ExtractRules12, AColumnWithValuesAfterAColonIsAnEnum) {
  auto r = Analyze("Each ticket has a priority: low, medium or high. Tickets have a title. Orders have a total and a "
                   "status: pending, paid, shipped or cancelled. Each room has a type: single, double or suite.");
  const auto& s = PlanOf(r);
  EXPECT_FALSE(s.FindEntity("Priority")) << Dump(r);
  EXPECT_EQ(EnumValues(s, "Ticket", "priority"), (std::vector<std::string>{"low", "medium", "high"})) << Dump(r);
  EXPECT_EQ(EnumValues(s, "Order", "status"), (std::vector<std::string>{"pending", "paid", "shipped", "cancelled"}))
      << Dump(r);
  EXPECT_EQ(EnumValues(s, "Room", "type"), (std::vector<std::string>{"single", "double", "suite"})) << Dump(r);
}

// "the status of an order is pending, paid, shipped or cancelled", "a ticket's priority can be low,
// medium or high": values stated in a sentence are the owner's enum column (they were lost).
TEST(ExtractRules12, ValuesStatedInASentenceAreAnEnum) {
  auto r = Analyze("Orders have a total. The status of an order is pending, paid, shipped or cancelled. Tickets have "
                   "a title. A ticket's priority can be low, medium or high.");
  const auto& s = PlanOf(r);
  EXPECT_EQ(EnumValues(s, "Order", "status"), (std::vector<std::string>{"pending", "paid", "shipped", "cancelled"}))
      << Dump(r);
  EXPECT_FALSE(EnumValues(s, "Ticket", "priority").empty()) << Dump(r);
  // (A sentence that states no values adds nothing.)
  auto r2 = Analyze("Tickets have a title. The status of a ticket is important for us.");
  ASSERT_TRUE(PlanOf(r2).FindEntity("Ticket")) << Dump(r2);
  EXPECT_FALSE(testing::HasField(PlanOf(r2), "Ticket", "status")) << Dump(r2);
}

// "packets are made from a batch: batch date, germination rate, ...": a list whose first item opens
// with the word next to the colon is that thing's (the packets got the batch's columns), and what a
// thing is made from is its source, shared when it is made from several ("a wine is made from grapes").
TEST(ExtractRules12, WhatAThingIsMadeFromIsItsSource) {
  auto r = Analyze("Seed varieties have a name. Packets are made from a batch: batch date, germination rate, "
                   "quantity. Wines have a name. A wine is made from grapes. Grapes have a name.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(testing::HasField(s, "Batch", "germinationRate")) << Dump(r);
  EXPECT_FALSE(testing::HasField(s, "Packet", "germinationRate")) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Batch", "Packet", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_TRUE(HasRelation(s, "Wine", "Grape", RelationKind::kManyToMany)) << Dump(r);
}

// "after each inspection the inspector logs the temperature and the pressure": what someone logs
// after or during a thing is that thing's (the temperature and the pressure were records); "each
// fridge has an address, a host business and a set of opening hours": the set holds its things, so
// the list is the fridge's (it had no columns).
TEST(ExtractRules12, WhatIsLoggedAfterAThingAndASetOfHoursAreColumns) {
  auto r = Analyze("After each inspection the inspector logs the temperature and the pressure. Inspections have a "
                   "date. Each fridge has an address, a host business and a set of opening hours.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(testing::HasField(s, "Inspection", "temperature")) << Dump(r);
  EXPECT_FALSE(s.FindEntity("Temperature")) << Dump(r);
  EXPECT_TRUE(testing::HasField(s, "Fridge", "openingHours")) << Dump(r);
  EXPECT_TRUE(testing::HasField(s, "Fridge", "address")) << Dump(r);
}

// "events (workshops, open nights) have a host member and a date": plural kinds of a plural thing are
// examples of it, not its columns (the event had columns "workshops" and "openNights").
TEST(ExtractRules12, PluralKindsInParenthesesAreExamples) {
  auto r = Analyze("Events (workshops, open nights) have a host member and a date. Members have a name.");
  const auto& s = PlanOf(r);
  EXPECT_FALSE(testing::HasField(s, "Event", "workshops")) << Dump(r);
  EXPECT_TRUE(testing::HasField(s, "Event", "date")) << Dump(r);
}

// "we keep a log of reminders sent with the date and the channel": an irregular participle before
// "with" ("sent", "given") keeps the list the subject's, as "logged with" did (the list was lost).
TEST(ExtractRules12, AListAfterSentWithIsTheSubjects) {
  auto r = Analyze("Vaccinations have a date. Reminders are sent by SMS when a vaccination is due; we keep a log of "
                   "reminders sent with the date and the channel.");
  EXPECT_TRUE(testing::HasField(PlanOf(r), "Reminder", "channel")) << Dump(r);
}

}  // namespace
}  // namespace bf::analyze
