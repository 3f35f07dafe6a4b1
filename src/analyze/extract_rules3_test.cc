// Extraction rules from a third round of error analysis (general patterns; every description here
// is written for the test, none is taken from an evaluation case).
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

// "leagues are split into divisions": the whole holds its parts; "split" after a copula is the
// verb, not a record.
TEST(ExtractRules3, AWholeSplitIntoPartsHoldsThem) {
  auto r = Analyze(
      "A sailing club backend. Members sign up with an email. Regattas have a name and a venue. Each regatta is "
      "split into races (number, start time, wind). Races have results.");
  const auto& s = PlanOf(r);
  EXPECT_FALSE(s.FindEntity("Split")) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Regatta", "Race", RelationKind::kOneToMany)) << Dump(r);
  auto r2 = Analyze("A course catalogue. Courses have a title. Courses are divided into modules (title, position).");
  EXPECT_TRUE(HasDirected(PlanOf(r2), "Course", "Module", RelationKind::kOneToMany)) << Dump(r2);
}

// "teams take part in a season": the idiom's "part" is no record, and taking part is many-to-many.
TEST(ExtractRules3, TakingPartInIsParticipation) {
  auto r = Analyze(
      "A quiz league. Teams have a name and a captain. Teams take part in a tournament. Tournaments have a start "
      "date and a city.");
  const auto& s = PlanOf(r);
  EXPECT_FALSE(s.FindEntity("Part")) << Dump(r);
  EXPECT_TRUE(HasRelation(s, "Team", "Tournament", RelationKind::kManyToMany)) << Dump(r);
}

// "members sign up to shifts": "to shifts" is no infinitive ("to shift"), and signing up is
// many-to-many like "sign up for".
TEST(ExtractRules3, SigningUpToThingsIsManyToMany) {
  auto r = Analyze(
      "A shelter rota. Helpers have a name and a phone. Slots have a date, a start and an end. Helpers sign up to "
      "slots.");
  EXPECT_TRUE(HasRelation(PlanOf(r), "Helper", "Slot", RelationKind::kManyToMany)) << Dump(r);
}

// "a login account", "a user account": the account is the login, one per person.
TEST(ExtractRules3, AUserAccountIsTheUserOncePerPerson) {
  auto r = Analyze(
      "A clinic rota. Nurses and doctors both have a login account (username and password). Nurses have a name and "
      "a ward.");
  const auto& s = PlanOf(r);
  EXPECT_FALSE(s.FindEntity("UserAccount")) << Dump(r);
  EXPECT_TRUE(HasRelation(s, "Nurse", "User", RelationKind::kOneToOne)) << Dump(r);
  auto r2 = Analyze("A league. Players have a shirt number. Every player has a user account. Teams have a name.");
  EXPECT_FALSE(PlanOf(r2).FindEntity("Account")) << Dump(r2);
  EXPECT_TRUE(HasRelation(PlanOf(r2), "Player", "User", RelationKind::kOneToOne)) << Dump(r2);
}

// "time records: date, duration": "records" is dropped after most words ("patient records" ->
// Patient), but a time alone is no record.
TEST(ExtractRules3, TimeRecordsKeepTheirHead) {
  auto r = Analyze(
      "A consultancy tracker. Users log in. Projects: name, client. Time records: date, duration, project, "
      "comment.");
  const auto& s = PlanOf(r);
  EXPECT_FALSE(s.FindEntity("Time")) << Dump(r);
  ASSERT_TRUE(s.FindEntity("TimeRecord")) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Project", "TimeRecord", RelationKind::kOneToMany)) << Dump(r);
}

// "File attachments on tickets.": a sentence that only names a dependent record makes it one.
TEST(ExtractRules3, ASentenceNamingAttachmentsMakesThem) {
  auto r = Analyze(
      "A bike repair shop. Repairs have a title and a status. File attachments on repairs. Mechanics log in.");
  const auto& s = PlanOf(r);
  ASSERT_TRUE(s.FindEntity("Attachment")) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Repair", "Attachment", RelationKind::kOneToMany)) << Dump(r);
}

// "a goal can have up to two assists": a bound on the count still says "has many".
TEST(ExtractRules3, UpToNIsStillHasMany) {
  auto r = Analyze(
      "A hockey scoresheet. Goals have a time and a scorer. A goal can have up to two assists. Assists have a "
      "player.");
  EXPECT_TRUE(HasDirected(PlanOf(r), "Goal", "Assist", RelationKind::kOneToMany)) << Dump(r);
}

// "projects can define coloured labels": the participle before the object does not hide the verb,
// and a space that defines its own labels owns them (the things labelled share them).
TEST(ExtractRules3, ASpaceDefiningQualifiedLabelsOwnsThem) {
  auto r = Analyze(
      "A translation tool. Projects have a name. Projects can define coloured labels. Labels have a value and a "
      "color. Keys have a name.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(HasDirected(s, "Project", "Label", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_FALSE(HasRelation(s, "Project", "Label", RelationKind::kManyToMany)) << Dump(r);
  // A preposition keeps its meaning: "on the configured days" is no verb's object.
  auto r2 = Analyze(
      "A vaccination service. Sessions have a date. Reminders have a text and go out on configured days. Schools "
      "have a name.");
  EXPECT_FALSE(PlanOf(r2).FindEntity("Day")) << Dump(r2);
}

// "a coworking day", "a mailing list": a gerund naming an activity keeps its noun (CoworkingDay,
// not Day); a participle such as "existing" does not.
TEST(ExtractRules3, AnActivityGerundQualifiesItsNoun) {
  auto r = Analyze(
      "A coworking space. Members log in. Every day someone shows up, the front desk logs a coworking day: the "
      "date, whether it is billable, a short note. Rooms have a name and a capacity.");
  const auto& s = PlanOf(r);
  EXPECT_FALSE(s.FindEntity("Day")) << Dump(r);
  EXPECT_TRUE(HasField(s, "CoworkingDay", "billable")) << Dump(r);
  auto r2 = Analyze("A newsletter tool. An existing user can create a mailing list (name, sender). Users have a name.");
  EXPECT_TRUE(PlanOf(r2).FindEntity("MailingList")) << Dump(r2);
  EXPECT_FALSE(PlanOf(r2).FindEntity("ExistingUser")) << Dump(r2);
  // When the noun turns out a verb ("the shopping list the packers follow"), the gerund alone
  // names nothing.
  auto r3 = Analyze("A pantry. Parcels have a date.\n- the shopping list the packers follow: one row per item name");
  EXPECT_FALSE(PlanOf(r3).FindEntity("Shopping")) << Dump(r3);
}

// "keys like checkout.pay, unique inside a project", "shirt number (unique within the team)":
// what is unique inside a scope belongs to it.
TEST(ExtractRules3, WhatIsUniqueInsideAScopeBelongsToIt) {
  auto r = Analyze(
      "A localization tool. Projects have a name. The strings to translate are keys like checkout.pay_button, "
      "unique inside a project. Keys have a description.");
  EXPECT_TRUE(HasDirected(PlanOf(r), "Project", "Key", RelationKind::kOneToMany)) << Dump(r);
  auto r2 = Analyze(
      "A football league. Clubs have a name and a city. Footballers: name, shirt number (unique within the club), "
      "position.");
  EXPECT_TRUE(HasDirected(PlanOf(r2), "Club", "Footballer", RelationKind::kOneToMany)) << Dump(r2);
}

// "anglers ask to join a club": the wish before a participation act is the act, and the
// membership it leaves links both.
TEST(ExtractRules3, AskingToJoinIsJoining) {
  auto r = Analyze(
      "A fishing federation. Clubs have a name and a lake. Anglers sign up with an email. Anglers ask to join a "
      "club and the membership has a status (pending, approved).");
  const auto& s = PlanOf(r);
  ASSERT_TRUE(s.FindEntity("Membership")) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Club", "Membership", RelationKind::kOneToMany)) << Dump(r);
  // A plain wish is no act: "we want to run our own cloud" links nothing to the cloud.
  auto r2 = Analyze("We make sensors for smart homes and want to run our own cloud. Sensors have a serial number.");
  EXPECT_FALSE(PlanOf(r2).FindEntity("Cloud")) << Dump(r2);
}

// "every record belongs to the logged-in person": each record without an owner gets the user;
// "all data belongs to a household" names a tenant.
TEST(ExtractRules3, WhatTheTextSaysOwnsEveryRecordOwnsThem) {
  auto r = Analyze(
      "A sleep diary. Dreams: date, mood, description. Naps: start, end, place. Every record belongs to "
      "the logged-in person.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(HasDirected(s, "User", "Dream", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "User", "Nap", RelationKind::kOneToMany)) << Dump(r);
  auto r2 = Analyze(
      "A chores app. Chores: title, due date, points. Rewards: title, cost in points. All data belongs to a "
      "household.");
  ASSERT_TRUE(PlanOf(r2).FindEntity("Household")) << Dump(r2);
  EXPECT_TRUE(HasDirected(PlanOf(r2), "Household", "Chore", RelationKind::kOneToMany)) << Dump(r2);
  // "every record we keep has a timestamp" says nothing about owners.
  auto r3 = Analyze("A sleep diary. Dreams: date, mood, description. Every record we keep has a timestamp.");
  EXPECT_FALSE(HasDirected(PlanOf(r3), "User", "Dream", RelationKind::kOneToMany)) << Dump(r3);
}

// "a loan is one item to one member", "sailings are one ship on one line": the record pairs one
// of each and belongs to both.
TEST(ExtractRules3, ARecordOfOneThingToOneOtherBelongsToBoth) {
  auto r = Analyze(
      "A wine competition. Wines have a name and a vintage. Judges have a name. A tasting is one wine for one "
      "judge, with a score.");
  const auto& s = PlanOf(r);
  ASSERT_TRUE(s.FindEntity("Tasting")) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Wine", "Tasting", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Judge", "Tasting", RelationKind::kOneToMany)) << Dump(r);
}

// "you can create several albums": the reader addressed is the user; "...; each belongs to one
// team": "each" alone is one of the things just named.
TEST(ExtractRules3, YouIsTheUserAndEachIsOneOfTheThingsNamed) {
  auto r = Analyze(
      "A photo site. You sign up with an email, then you can create albums. Albums have a title and a cover.");
  EXPECT_TRUE(HasDirected(PlanOf(r), "User", "Album", RelationKind::kOneToMany)) << Dump(r);
  auto r2 = Analyze(
      "A planning tool. Teams have a name. We keep several roadmaps; each belongs to one team. Roadmaps have a "
      "title and a quarter.");
  EXPECT_TRUE(HasDirected(PlanOf(r2), "Team", "Roadmap", RelationKind::kOneToMany)) << Dump(r2);
}

// "records per hive:" heads the lines after it: each line's lead record belongs to the hive, until
// a line that leads with people.
TEST(ExtractRules3, LinesUnderAPerHeaderBelongToIt) {
  auto r = Analyze(
      "A beekeeping log. Each hive has a name and a location. Then records per hive:\n"
      "inspections (date, queen seen, temper, notes)\n"
      "harvests: date, kilos, moisture\n"
      "users: one admin invites the others.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(HasDirected(s, "Hive", "Inspection", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Hive", "Harvest", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_FALSE(HasRelation(s, "Hive", "User", RelationKind::kOneToMany)) << Dump(r);
}

// "Notes: staff write notes on a member or on a household": a sentence headed by the dependent
// word as its label makes it a record.
TEST(ExtractRules3, ASentenceHeadedByNotesMakesThem) {
  auto r = Analyze(
      "A parish register. Households have a name and an address. Parishioners have a name and a birth date. "
      "Notes: staff can write private notes on a parishioner or on a household.");
  const auto& s = PlanOf(r);
  ASSERT_TRUE(s.FindEntity("Note")) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Household", "Note", RelationKind::kOneToMany)) << Dump(r);
}

// "all data is isolated per workspace": a stated tenant.
TEST(ExtractRules3, DataIsolatedPerSomethingNamesTheTenant) {
  auto r = Analyze(
      "A wiki for companies. Each company gets a workspace (name, slug) and all data is isolated per workspace. "
      "Pages have a title and a body. Spaces have a name.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(HasDirected(s, "Workspace", "Page", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Workspace", "Space", RelationKind::kOneToMany)) << Dump(r);
}

// "building a splitwise alternative", "search posts by title": what the product is like and what
// it lets users do name no records.
TEST(ExtractRules3, AlternativesAndImperativeSearchesAreNoRecords) {
  auto r = Analyze(
      "building a splitwise alternative but with no accounts at all - you create a group and share a link. a "
      "group has a name and a currency. expenses have a title and an amount.");
  EXPECT_FALSE(PlanOf(r).FindEntity("SplitwiseAlternative")) << Dump(r);
  EXPECT_TRUE(PlanOf(r).FindEntity("Expense")) << Dump(r);
  auto r2 = Analyze(
      "A book club. Members rate books and comment on them. Search books by title and author, sort by rating.");
  EXPECT_FALSE(PlanOf(r2).FindEntity("SearchBook")) << Dump(r2);
  EXPECT_TRUE(PlanOf(r2).FindEntity("Book")) << Dump(r2);
}

// "a food bank" is no bank of money; a hotel's Room, a help desk's Ticket and a bank's Account
// shape only rooms, tickets and accounts of their own domain.
TEST(ExtractRules3, ArchetypesOfOtherDomainsShapeNothing) {
  auto r = Analyze(
      "A food bank for our town. Volunteers pack parcels for clients; each parcel has a date and a status. "
      "Clients have a name and an address.");
  const auto& s = PlanOf(r);
  EXPECT_FALSE(s.FindEntity("Account")) << Dump(r);
  EXPECT_FALSE(s.FindEntity("Transaction")) << Dump(r);
  EXPECT_EQ(s.title.find("Banking"), std::string::npos) << Dump(r);
  auto r2 = Analyze("A pantry app for families. Shelves have a name and sit in a room. Items: name, quantity.");
  ASSERT_TRUE(PlanOf(r2).FindEntity("Room")) << Dump(r2);
  EXPECT_FALSE(PlanOf(r2).FindEntity("Room")->FindField("pricePerNight")) << Dump(r2);
  auto r3 = Analyze("A small hotel. Guests book rooms. Rooms are on a floor.");
  EXPECT_TRUE(HasField(PlanOf(r3), "Room", "pricePerNight")) << Dump(r3);
}

// "Performances have a date.": one attribute ending the clause is a field list of one (it was
// dropped, and "Keys have a description." lost the keys); one record ("a profile") is not.
TEST(ExtractRules3, OneAttributeIsAFieldListOfOne) {
  auto r = Analyze("A theatre. Performances have a date. Keys have a description. Users have a profile.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(HasField(s, "Performance", "date")) << Dump(r);
  EXPECT_TRUE(HasField(s, "Key", "description")) << Dump(r);
  EXPECT_TRUE(s.FindEntity("Profile")) << Dump(r);
  ASSERT_TRUE(s.FindEntity("User")) << Dump(r);
  EXPECT_FALSE(s.FindEntity("User")->FindField("profile")) << Dump(r);
}

// "users have lists, lists have tasks with a title, ...": the "with" list belongs to the tasks
// of the second clause, not to the lists of the first.
TEST(ExtractRules3, AWithListBelongsToItsOwnClause) {
  auto r = Analyze("A todo app. Users have lists, lists have tasks with a title, a due date and a done flag.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(HasField(s, "Task", "done")) << Dump(r);
  ASSERT_TRUE(s.FindEntity("List")) << Dump(r);
  EXPECT_FALSE(s.FindEntity("List")->FindField("done")) << Dump(r);
}

// "Garden site: members post plantings with ...": the opening label of a text whose list opens
// with a clause is the product, not a record with those columns.
TEST(ExtractRules3, AnOpeningLabelBeforeAClauseIsTheProduct) {
  auto r = Analyze("Garden site: members post plantings with a crop and a date; others comment on plantings.");
  const auto& s = PlanOf(r);
  EXPECT_FALSE(s.FindEntity("GardenSite")) << Dump(r);
  EXPECT_TRUE(s.FindEntity("Planting")) << Dump(r);
}

// "organizers create events with a venue and a date; ...; each ticket has a price and a seat":
// a clause after a ';' keeps its own field list.
TEST(ExtractRules3, AClauseAfterASemicolonKeepsItsOwnList) {
  auto r = Analyze(
      "Concert ticketing: organizers create concerts with a venue and a date; fans buy tickets; each ticket has a "
      "price and a seat.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(HasField(s, "Ticket", "price")) << Dump(r);
  EXPECT_TRUE(HasField(s, "Concert", "venue")) << Dump(r);
}

// "deals with an amount, a stage and notes on deals": notes on a record in a field list are
// records of their own ("notes for patrons" stays a column).
TEST(ExtractRules3, NotesOnARecordInAFieldListAreRecords) {
  auto r = Analyze("A sales tracker. Leads have a name, a source, a score and notes on leads.");
  const auto& s = PlanOf(r);
  ASSERT_TRUE(s.FindEntity("Lead")) << Dump(r);
  EXPECT_FALSE(s.FindEntity("Lead")->FindField("notesLeads")) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Lead", "Note", RelationKind::kOneToMany)) << Dump(r);
  auto r2 = Analyze("A theatre. Shows have a name, a description and notes for patrons.");
  EXPECT_FALSE(PlanOf(r2).FindEntity("Note")) << Dump(r2);
}

// "players have profiles with a nickname and a rank, they challenge each other": a pronoun subject
// after a comma opens a clause, so the field list ends before it.
TEST(ExtractRules3, APronounSubjectEndsAFieldList) {
  auto r = Analyze(
      "A chess club app: players have profiles with a nickname and a rank, they challenge each other and results "
      "are recorded.");
  const auto& s = PlanOf(r);
  ASSERT_TRUE(s.FindEntity("Profile")) << Dump(r);
  EXPECT_TRUE(s.FindEntity("Profile")->FindField("rank")) << Dump(r);
  for (const auto& f : s.FindEntity("Profile")->fields) {
    EXPECT_EQ(f.name.find("challenge"), std::string::npos) << Dump(r);
  }
  EXPECT_FALSE(s.FindEntity("Profile")->FindField("results")) << Dump(r);
}

// "teachers teach courses, students enroll in courses": the object before the comma is no
// co-subject of the next clause, so no Course-Course relation.
TEST(ExtractRules3, AnObjectBeforeACommaIsNoCoSubject) {
  auto r = Analyze("A school: teachers teach courses, students enroll in courses, and each enrollment has a grade.");
  const auto& s = PlanOf(r);
  for (const auto& rel : s.relations) EXPECT_FALSE(rel.from == "Course" && rel.to == "Course") << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Course", "Enrollment", RelationKind::kOneToMany)) << Dump(r);
}

// "A podcast host: shows have episodes ...": the archetype's Podcast is the text's show, not a
// second entity beside it.
TEST(ExtractRules3, AnArchetypeRecordNamedOtherwiseIsNotDuplicated) {
  auto r = Analyze(
      "A podcast host: shows have episodes with an audio file and a duration; listeners subscribe to shows.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(s.FindEntity("Show")) << Dump(r);
  EXPECT_FALSE(s.FindEntity("Podcast")) << Dump(r);
}

// "Clicks have a referrer and a country": a UI word with its own fields is a record (a URL
// shortener's clicks); "students submit essays with a deadline": one attribute after "with" is
// the essays' column.
TEST(ExtractRules3, ClicksWithFieldsAndALoneWithAttribute) {
  auto r = Analyze("A shortener. Links have an alias. Clicks have a referrer and a country.");
  EXPECT_TRUE(HasField(PlanOf(r), "Click", "country")) << Dump(r);
  auto r2 = Analyze("A writing class. Students submit essays with a deadline. Teachers grade essays.");
  EXPECT_TRUE(HasField(PlanOf(r2), "Essay", "deadline")) << Dump(r2);
  auto r3 = Analyze("A rating app. Buyers rate sellers, 1 to 5 stars with a comment.");
  EXPECT_FALSE(PlanOf(r3).FindEntity("Star")) << Dump(r3);
}

// "each shift has a date, a start and an end and needs a number of people": a verb of need after
// "and" opens the next predicate; the list ends before it.
TEST(ExtractRules3, AVerbOfNeedEndsAFieldList) {
  auto r = Analyze(
      "A soup kitchen rota: volunteers sign up for shifts; each shift has a date, a start and an end and needs a "
      "number of people.");
  const auto& s = PlanOf(r);
  ASSERT_TRUE(s.FindEntity("Shift")) << Dump(r);
  for (const auto& f : s.FindEntity("Shift")->fields) {
    EXPECT_EQ(f.name.find("Number"), std::string::npos) << Dump(r);
  }
  EXPECT_TRUE(s.FindEntity("Shift")->FindField("end")) << Dump(r);
}

// "boards have columns, columns have cards, cards have a title, ...": each clause of a chain has
// its own list, and a kanban's columns are records.
TEST(ExtractRules3, AChainOfHasClausesKeepsEachList) {
  auto r = Analyze(
      "A kanban board: boards have columns, columns have cards, cards have a title, a description, an assignee and "
      "labels.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(HasDirected(s, "Board", "Column", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Column", "Card", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_TRUE(HasField(s, "Card", "title")) << Dump(r);
}

// "each ride has a start station and an end station": a record named by its role is a reference
// to the record the text names (Station 1-n Ride), not an entity StartStation; and a passing
// "rooms" in a conference text gives the rooms no hotel template.
TEST(ExtractRules3, ARecordNamedByItsRoleIsAReference) {
  auto r = Analyze(
      "A bike sharing service: stations have docks, riders rent bikes and each ride has a start station, an end "
      "station and a price.");
  const auto& s = PlanOf(r);
  EXPECT_FALSE(s.FindEntity("StartStation")) << Dump(r);
  EXPECT_FALSE(s.FindEntity("EndStation")) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Station", "Ride", RelationKind::kOneToMany)) << Dump(r);
  auto r2 = Analyze(
      "Conference app: talks have a title and a speaker; attendees can bookmark talks; rooms host talks at a time "
      "slot.");
  ASSERT_TRUE(PlanOf(r2).FindEntity("Room")) << Dump(r2);
  EXPECT_FALSE(PlanOf(r2).FindEntity("Room")->FindField("pricePerNight")) << Dump(r2);
}

// "vets have specialties", "tutors have languages": specialties and languages are shared by the
// people who have them (many-to-many), like skills.
TEST(ExtractRules3, SpecialtiesAndLanguagesAreShared) {
  auto r = Analyze("A pet clinic: owners have pets; pets have visits with a vet, a date and a diagnosis; vets have "
                   "specialties.");
  EXPECT_TRUE(HasRelation(PlanOf(r), "Vet", "Specialty", RelationKind::kManyToMany)) << Dump(r);
}

// "students enroll in courses, track progress per lesson and leave reviews": after a comma, a verb
// of keeping or writing continues the subject's verbs (no TrackProgress).
TEST(ExtractRules3, AVerbAfterACommaContinuesTheSubjectsVerbs) {
  auto r = Analyze(
      "A music school: teachers publish courses made of lessons; pupils enroll in courses, track progress per "
      "lesson and leave reviews on courses.");
  const auto& s = PlanOf(r);
  EXPECT_FALSE(s.FindEntity("TrackProgress")) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Lesson", "Progress", RelationKind::kOneToMany)) << Dump(r);
}

// "Time tracking: employees clock in and out; each shift records start, end and breaks": "clock
// in" is a verb, and an opening label before a clause is the product, so the shifts stand.
TEST(ExtractRules3, ClockingInOpensAClauseAfterALabel) {
  auto r = Analyze("Time tracking: employees clock in and out; each shift records start, end and breaks.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(HasField(s, "Shift", "start")) << Dump(r);
  EXPECT_FALSE(s.FindEntity("Clock")) << Dump(r);
}

}  // namespace
}  // namespace bf::analyze
