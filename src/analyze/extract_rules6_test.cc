// Extraction rules from everyday requests tried by hand (a sixth round): short and medium
// descriptions of small businesses, in several styles. Every description here is written for the
// test; none is taken from an evaluation case.
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
using testing::NoEntityNamedWith;
using testing::PlanOf;

// "plants belong to species, are kept in greenhouses": every verb phrase of a coordinated
// predicate shares the subject, verbs of place and belonging too, after "," and after "and".
TEST(ExtractRules6, CoordinatedVerbsOfPlaceShareTheSubject) {
  auto r = Analyze("A plant nursery: plants belong to species, are kept in greenhouses, and each plant has a price.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(HasDirected(s, "Species", "Plant", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Greenhouse", "Plant", RelationKind::kOneToMany)) << Dump(r);
  // (The inventory archetype does not take over a text that names its own records.)
  auto r2 = Analyze("A plant nursery inventory: plants belong to species, are kept in greenhouses.");
  EXPECT_EQ(PlanOf(r2).FindEntity("Warehouse"), nullptr) << Dump(r2);
  EXPECT_NE(PlanOf(r2).FindEntity("Greenhouse"), nullptr) << Dump(r2);
  auto r3 = Analyze("A small zoo: animals belong to families and live in enclosures. Keepers feed animals.");
  EXPECT_TRUE(HasDirected(PlanOf(r3), "Enclosure", "Animal", RelationKind::kOneToMany)) << Dump(r3);
  // ("and in each post" is a phrase about the object, not a verb of the subject.)
  auto r4 = Analyze("A blog: authors write posts and comments, and tags appear in each post.");
  EXPECT_FALSE(HasRelation(PlanOf(r4), "Author", "Tag", RelationKind::kOneToMany)) << Dump(r4);
}

// "species" and "series" have one form for both numbers: after a verb or preposition they are
// the plural, so "animals belong to species" plans a Species table; in a column list ("title,
// series, year") they stay a column.
TEST(ExtractRules6, InvariantPluralsAfterAVerb) {
  auto r = Analyze("A zoo: animals belong to species and are kept in enclosures.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(HasDirected(s, "Species", "Animal", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Enclosure", "Animal", RelationKind::kOneToMany)) << Dump(r);
  auto r2 = Analyze("A book catalog. Books: title, series, year, publisher. Members borrow books.");
  EXPECT_EQ(PlanOf(r2).FindEntity("Series"), nullptr) << Dump(r2);
}

// "each parcel goes to one family and contains several products": the subject of a verb of place
// is the subject of the verbs coordinated with it, and a count after a verb of holding ("contain
// several") reads as the verb alone ("Orders contain several products" planned no Order).
TEST(ExtractRules6, CountsAfterVerbsOfHolding) {
  auto r = Analyze("A food bank: each parcel goes to one family and contains several products.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(HasDirected(s, "Family", "Parcel", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Parcel", "Product", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_FALSE(HasRelation(s, "Family", "Product", RelationKind::kOneToMany)) << Dump(r);
  auto r2 = Analyze("Orders contain several products. Products have a name and a price.");
  EXPECT_NE(PlanOf(r2).FindEntity("Order"), nullptr) << Dump(r2);
  // ("customers can save many addresses": a count after another verb keeps that verb's reading.)
  auto r3 = Analyze("Customers can save many addresses: street, city, zip. Customers place orders.");
  EXPECT_FALSE(HasRelation(PlanOf(r3), "User", "Address", RelationKind::kManyToMany)) << Dump(r3);
}

// "we are an NGO in Kenya and we organise many events": a pronoun after "and" opens a clause of
// its own, so the place is no parent of the events; "a flight of course carries many tickets"
// names no Course.
TEST(ExtractRules6, PronounClausesAndIdiomsNameNoParent) {
  auto r = Analyze("Hello, we are an NGO in Kenya and we organise many events. Volunteers sign up for events.");
  EXPECT_EQ(PlanOf(r).FindEntity("Kenya"), nullptr) << Dump(r);
  auto r2 = Analyze("Airline booking: a ticket can include several flight segments and a flight of course carries "
                    "many tickets.");
  EXPECT_EQ(PlanOf(r2).FindEntity("Course"), nullptr) << Dump(r2);
  EXPECT_NE(PlanOf(r2).FindEntity("Flight"), nullptr) << Dump(r2);
}

// "each food bank posts shifts": a verb after a two-word singular subject is the verb, as after a
// one-word one; "students hand in submissions" is a verb of submitting, not a Hand.
TEST(ExtractRules6, TwoWordSubjectsAndPhrasalVerbs) {
  auto r = Analyze("Volunteers sign up for shifts. Each food bank posts shifts with a start time and an end time.");
  EXPECT_TRUE(HasDirected(PlanOf(r), "FoodBank", "Shift", RelationKind::kOneToMany)) << Dump(r);
  auto r2 = Analyze("Teachers create assignments, students hand in submissions and teachers grade submissions.");
  const auto& s2 = PlanOf(r2);
  EXPECT_EQ(s2.FindEntity("Hand"), nullptr) << Dump(r2);
  EXPECT_TRUE(HasDirected(s2, "Student", "Submission", RelationKind::kOneToMany)) << Dump(r2);
}

// "players, coaches, training sessions and attendance of players at each session": the bare head
// word of a compound the text names as often is that compound, not a second table.
TEST(ExtractRules6, BareHeadIsTheCompoundNamedBefore) {
  auto r = Analyze("An app for a football club: players, coaches, training sessions and attendance of players at "
                   "each session.");
  const auto& s = PlanOf(r);
  EXPECT_NE(s.FindEntity("TrainingSession"), nullptr) << Dump(r);
  EXPECT_EQ(s.FindEntity("Session"), nullptr) << Dump(r);
  // (Two tables when the bare word has a field list of its own.)
  auto r2 = Analyze("A gym: training sessions (date, coach) and sessions (room, start time, end time).");
  EXPECT_NE(PlanOf(r2).FindEntity("Session"), nullptr) << Dump(r2);
}

// "members can join groups and register for events": a noun/verb in its base form after "and" and
// before a preposition continues the subject's verbs (it planned a Register table).
TEST(ExtractRules6, BaseFormAfterAndBeforeAPrepositionIsAVerb) {
  auto r = Analyze("Our church wants to manage members, small groups that meet weekly, donations and events. "
                   "Members can join groups and register for events.");
  const auto& s = PlanOf(r);
  EXPECT_EQ(s.FindEntity("Register"), nullptr) << Dump(r);
  EXPECT_TRUE(HasRelation(s, "Member", "Event", RelationKind::kManyToMany)) << Dump(r);
  // (A plural stays a noun: "users write posts and comments on posts".)
  auto r2 = Analyze("A blog where users write posts and comments on posts. Posts have a title.");
  EXPECT_NE(PlanOf(r2).FindEntity("Comment"), nullptr) << Dump(r2);
}

// "Clients book shoots. We send invoices to clients.": a well-known kind of record that a verb
// pattern links is a record even when no record of the text has a field list.
TEST(ExtractRules6, KnownRecordsLinkedInAPlainText) {
  auto r = Analyze("Clients book shoots. We send invoices to clients.");
  EXPECT_TRUE(HasDirected(PlanOf(r), "Client", "Invoice", RelationKind::kOneToMany)) << Dump(r);
}

// "tenants open maintenance requests ...; a worker closes the request with notes and cost": a word
// only ever named as "the X" refers back to the compound named before it, fields and all.
TEST(ExtractRules6, DefiniteBareWordRefersBackToTheCompound) {
  auto r = Analyze("Property management: buildings have units. Tenants can open maintenance requests for their unit "
                   "with a description and photos; a maintenance worker is assigned and closes the request with "
                   "notes and cost.");
  const auto& s = PlanOf(r);
  EXPECT_EQ(s.FindEntity("Request"), nullptr) << Dump(r);
  ASSERT_NE(s.FindEntity("MaintenanceRequest"), nullptr) << Dump(r);
  EXPECT_TRUE(HasField(s, "MaintenanceRequest", "cost")) << Dump(r);
  // (A heading declares its own table even when a compound of it follows.)
  auto r2 = Analyze("Room booking. booking: room, start time, end time, status. repeating bookings: the same fields "
                    "plus a repeat type.");
  EXPECT_NE(PlanOf(r2).FindEntity("Booking"), nullptr) << Dump(r2);
}

// "slots have start and end times": one start time and one end time (it gave `startTimes`).
TEST(ExtractRules6, StartAndEndTimesAreOneOfEach) {
  auto r = Analyze("Conference. Slots have start and end times. Speakers give talks in slots.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(HasField(s, "Slot", "startTime")) << Dump(r);
  EXPECT_TRUE(HasField(s, "Slot", "endTime")) << Dump(r);
}

// "members sign up with a name; a membership lasts a year and has a start date ...": the list
// after "and has" belongs to the subject of its own clause, not the sentence's first phrase.
TEST(ExtractRules6, AndHasListAfterASemicolon) {
  auto r = Analyze("Members sign up with name, email and phone; a membership lasts a year and has a start date, an "
                   "end date and a fee paid.");
  EXPECT_TRUE(HasField(PlanOf(r), "Membership", "endDate")) << Dump(r);
}

// "tenants sign leases for a unit (start date, end date, monthly rent)": after an act's plural
// object and a preposition, a list of dates and amounts describes the object (or the act:
// "members borrow books from a branch (due date, returned)" is a Loan), not the thing behind the
// preposition, which stays a record.
TEST(ExtractRules6, DatesAndAmountsAfterAnActsObjectAreTheObjects) {
  auto r = Analyze("Apartments. Tenants sign leases for a unit (start date, end date, monthly rent, deposit). Units "
                   "have a number.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(HasField(s, "Lease", "monthlyRent")) << Dump(r);
  EXPECT_FALSE(HasField(s, "Unit", "monthlyRent")) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Unit", "Lease", RelationKind::kOneToMany)) << Dump(r);
  auto r2 = Analyze("A library. Members borrow books from a branch (due date, returned). Branches have an address.");
  EXPECT_TRUE(HasField(PlanOf(r2), "Loan", "dueDate")) << Dump(r2);
  auto r3 = Analyze("A shop. Customers place orders for a product (quantity, delivery date).");
  EXPECT_TRUE(HasField(PlanOf(r3), "Order", "quantity")) << Dump(r3);
  EXPECT_NE(PlanOf(r3).FindEntity("Product"), nullptr) << Dump(r3);
  // (A list without dates or amounts stays with the thing it follows.)
  auto r4 = Analyze("Apartments. Tenants sign leases for a unit (floor, number, size). Leases have a rent.");
  EXPECT_TRUE(HasField(PlanOf(r4), "Unit", "floor")) << Dump(r4);
}

// "attendees buy tickets of different types (early bird, regular, student)": the kinds are the
// values of the ticket's type (nothing was planned from them).
TEST(ExtractRules6, KindsInParenthesesAreTheTypesValues) {
  for (const char* text : {"A conference backend. Speakers give talks. Attendees buy tickets of different types "
                           "(early bird, regular, student).",
                           "A conference backend. Speakers give talks. Attendees buy tickets. Tickets come in "
                           "different types (early bird, regular, student)."}) {
    auto r = Analyze(text);
    const auto* ticket = PlanOf(r).FindEntity("Ticket");
    ASSERT_NE(ticket, nullptr) << Dump(r);
    const auto* type = ticket->FindField("type");
    ASSERT_NE(type, nullptr) << Dump(r);
    EXPECT_EQ(type->enumValues, (std::vector<std::string>{"early_bird", "regular", "student"})) << Dump(r);
  }
}

// "vaccinations are tracked per pet with the vaccine name, date given and next due date": the list
// after "with" belongs to the subject of "tracked per", not to the pet.
TEST(ExtractRules6, ParticipleBeforePerWalksBackToTheSubject) {
  auto r = Analyze("A vet clinic. Owners add their pets (name, species). Vaccinations are tracked per pet with the "
                   "vaccine name, date given and next due date.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(HasField(s, "Vaccination", "nextDueDate")) << Dump(r);
  EXPECT_FALSE(HasField(s, "Pet", "nextDueDate")) << Dump(r);
}

// "project managers split a document into jobs": the thing split holds the parts (no Job was
// planned, or Job owned the document).
TEST(ExtractRules6, SplitIntoPartsIsHasMany) {
  auto r = Analyze("Clients send documents. Project managers split a document into jobs, one per target language, "
                   "and assign each job to a translator.");
  EXPECT_TRUE(HasDirected(PlanOf(r), "Document", "Job", RelationKind::kOneToMany)) << Dump(r);
}

// "shelves > books > chapters > pages": a chain with '>' is a hierarchy as one with '->' is, and
// "pages" is a level of it, not a page count.
TEST(ExtractRules6, GreaterThanChainIsAHierarchy) {
  for (const char* text : {"A wiki. Content hierarchy: shelves > books > chapters > pages. Pages have a title and a body.",
                           "A wiki. Our content is organised as shelves -> books -> chapters -> pages. Pages have a "
                           "title and a body."}) {
    auto r = Analyze(text);
    const auto& s = PlanOf(r);
    EXPECT_TRUE(HasDirected(s, "Shelf", "Book", RelationKind::kOneToMany)) << Dump(r);
    EXPECT_TRUE(HasDirected(s, "Chapter", "Page", RelationKind::kOneToMany)) << Dump(r);
  }
}

// "each card has a (little) checklist of tasks", "keeps a list of contacts": after a verb of
// having, a list of things is those things.
TEST(ExtractRules6, AListOfThingsIsThoseThings) {
  for (const char* text : {"A kanban tool: boards have cards (title, position). Each card has a list of tasks; a task "
                           "has a name and a done flag.",
                           "A kanban tool: boards have cards (title, position). Each card also has a little checklist "
                           "of tasks; a task has a name and a done flag."}) {
    auto r = Analyze(text);
    EXPECT_TRUE(HasDirected(PlanOf(r), "Card", "Task", RelationKind::kOneToMany)) << text << "\n" << Dump(r);
  }
  // (A list the users make is still a record: "users create lists; each list has tasks".)
  auto r = Analyze("A todo app. Users create lists; each list has tasks.");
  EXPECT_TRUE(HasDirected(PlanOf(r), "List", "Task", RelationKind::kOneToMany)) << Dump(r);
}

// "a link belongs to a user and optionally to one of the custom domains": the second object of a
// coordinated "belongs to" may be picked out of a set ("one of the ...").
TEST(ExtractRules6, BelongsToOneOfTheThings) {
  auto r = Analyze("A URL shortener. Users create links (url, slug). A link belongs to a user and optionally to one "
                   "of the custom domains. Domains have a hostname and a verified flag.");
  EXPECT_TRUE(HasDirected(PlanOf(r), "Domain", "Link", RelationKind::kOneToMany)) << Dump(r);
}

// "a user can be a member of many teams; in the membership we keep the role and ...": a fronted
// "in the X" before "we keep" names the record the list describes (the fields went to nothing, or
// to Team).
TEST(ExtractRules6, FrontedInTheRecordWeKeep) {
  for (const char* text : {"A scheduling tool. A user can be a member of many teams; in the membership we keep the "
                           "role and whether the invitation was accepted.",
                           "A scheduling tool. A user can be a member of many teams, in the membership we keep the "
                           "role and whether the invitation was accepted."}) {
    auto r = Analyze(text);
    const auto& s = PlanOf(r);
    EXPECT_TRUE(HasField(s, "Membership", "role")) << Dump(r);
    EXPECT_FALSE(HasField(s, "Team", "role")) << Dump(r);
  }
}

// "buyers can save listings, message dealers and book test drives": in a series of verbs, a
// noun/verb before a plural of people ("message dealers") is a verb, and so is "book" after "and"
// (they planned MessageDealer and BookTestDrive tables).
TEST(ExtractRules6, VerbSeriesWithPeopleObjects) {
  auto r = Analyze("Marketplace for used cars. Dealers post listings with make, model, year, mileage, price and photos. "
                   "Buyers can save listings, message dealers and book test drives at a dealership.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(NoEntityNamedWith(s, "Message")) << Dump(r);
  EXPECT_TRUE(NoEntityNamedWith(s, "BookTest")) << Dump(r);
  EXPECT_NE(s.FindEntity("Listing"), nullptr) << Dump(r);
  // (Only in a sentence with a verb before: "A CRM with companies, contact people and deals".)
}

// "students buy courses (we keep the price paid and the date)": the clause in the parenthesis
// names what the purchase keeps (the course got `pricePaid`, `date` and `keepPricePaid`).
TEST(ExtractRules6, WhatWeKeepInAParenthesisAboutAPurchase) {
  auto r = Analyze("An online school. Students buy courses (we keep the price paid and the date). Courses have a title.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(HasField(s, "Purchase", "pricePaid")) << Dump(r);
  EXPECT_FALSE(HasField(s, "Course", "pricePaid")) << Dump(r);
  EXPECT_FALSE(HasField(s, "Course", "keepPricePaid")) << Dump(r);
  // (What people buy is still described by its name and price.)
  auto r2 = Analyze("A shop. Customers buy products (name, price). Products have a sku.");
  EXPECT_TRUE(HasField(PlanOf(r2), "Product", "price")) << Dump(r2);
}

// "firefighters have a rank, certifications (each with an expiry date) and a phone": a plural item
// whose parenthesis gives each of them attributes is a child record (it was a `certifications`
// column).
TEST(ExtractRules6, EachWithInAParenthesisMakesAChildRecord) {
  auto r = Analyze("A fire department. Firefighters have a rank, certifications (each with a name and an expiry date) "
                   "and a phone.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(HasField(s, "Certification", "expiryDate")) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Firefighter", "Certification", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_FALSE(HasField(s, "Firefighter", "certifications")) << Dump(r);
}

// A pitch says what the product should achieve but names no records ("the Airbnb of everything,
// think scale, investors are waiting"): the analyzer asks instead of planning an archetype. A pitch
// that names its records is planned.
TEST(ExtractRules6, PitchesWithoutRecordsAreQuestioned) {
  for (const char* text :
       {"We're building the Airbnb of everything. Think disruption, think scale. Users will love it. We need the "
        "backend yesterday, investors are waiting.",
        "I have a startup idea that will change how people connect. It's social but not like Facebook, more "
        "meaningful. Can you build the backend? We want it to be fast and secure and scale to millions.",
        "My cofounder and I are launching a platform for the creator economy. It will empower creators and their "
        "communities with tools they need. Build us the API.",
        "Our vision: a marketplace that connects people. Need a robust backend with best practices, clean "
        "architecture, and great performance."}) {
    auto r = Analyze(text);
    EXPECT_EQ(r.status, Status::kClarify) << text << "\n" << Dump(r);
  }
  auto r = Analyze("Our vision is to empower local bakers. Bakers list products (name, price, photo), customers place "
                   "orders for pickup. Investors love it.");
  EXPECT_EQ(r.status, Status::kPlan) << Dump(r);
}

// "participants register, form teams of up to 4 people and submit one project per team": "form"
// after a comma in a series of verbs is a verb (it planned FormTeam).
TEST(ExtractRules6, FormTeamsIsAVerb) {
  auto r = Analyze("We organise hackathons. Participants register, form teams of up to 4 people and submit one project "
                   "per team with a repo link and a demo video.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(NoEntityNamedWith(s, "Form")) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Team", "Project", RelationKind::kOneToMany)) << Dump(r);
}

// "we have several rooms, each with a theme, difficulty and max players": the list after ", each
// with" is the rooms' (they had no fields).
TEST(ExtractRules6, CommaEachWithListsTheFieldsOfEach) {
  auto r = Analyze("Escape room business: we have several rooms, each with a theme, difficulty and max players. Groups "
                   "book rooms.");
  EXPECT_TRUE(HasField(PlanOf(r), "Room", "theme")) << Dump(r);
  EXPECT_TRUE(HasField(PlanOf(r), "Room", "maxPlayers")) << Dump(r);
}

// "I want upload photos of the label": learner English leaves out the "to" of an infinitive (it
// planned UploadPhoto).
TEST(ExtractRules6, WantWithoutToIsAVerb) {
  auto r = Analyze("A wine cellar app. Bottles have a vintage and a producer. I want upload photos of the label, each "
                   "with a thumbnail.");
  EXPECT_TRUE(NoEntityNamedWith(PlanOf(r), "Upload")) << Dump(r);
}

// "a game master runs each session and records the finish time": what a person records after
// acting on a thing is that thing's (the game master got `finishTime`); what a thing records is
// its own ("each batch uses a recipe and records the start date").
TEST(ExtractRules6, WhatAPersonRecordsIsTheThingsData) {
  auto r = Analyze("Escape rooms. Groups book rooms. A game master runs each session and records the finish time and "
                   "whether the group escaped.");
  EXPECT_TRUE(HasField(PlanOf(r), "Session", "finishTime")) << Dump(r);
  EXPECT_FALSE(HasField(PlanOf(r), "GameMaster", "finishTime")) << Dump(r);
  auto r2 = Analyze("Beekeeping. Each batch uses a recipe and records the start date and the volume.");
  EXPECT_TRUE(HasField(PlanOf(r2), "Batch", "startDate")) << Dump(r2);
}

// "singers belong to voice parts (soprano, alto, tenor, bass)": a compound on "part" the text
// relates in the plural is a record (it was dropped as "part of something").
TEST(ExtractRules6, VoicePartsAreRecords) {
  auto r = Analyze("Choir management: singers belong to voice parts (soprano, alto, tenor, bass). We hold rehearsals "
                   "and concerts.");
  EXPECT_TRUE(HasDirected(PlanOf(r), "VoicePart", "Singer", RelationKind::kOneToMany)) << Dump(r);
}

// "a group belongs to a course and meets twice a week": "meets" before a word of how often is a verb
// and "twice" names nothing (they planned Meet and Twice tables).
TEST(ExtractRules6, HowOftenWordsNameNothing) {
  auto r = Analyze("Backend for a language school: courses have a level and a language. Teachers teach groups; a group "
                   "belongs to a course and meets twice a week in a classroom.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(NoEntityNamedWith(s, "Meet")) << Dump(r);
  EXPECT_TRUE(NoEntityNamedWith(s, "Twice")) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Course", "Group", RelationKind::kOneToMany)) << Dump(r);
}

// "min/max players", "min and max players": two counts (the slash form lost `maxPlayers` to a
// reference to the players, the "and" form gave a text `minPlayer`).
TEST(ExtractRules6, MinAndMaxCounts) {
  for (const char* text : {"A board game cafe. Games: title, min/max players, play time. Guests borrow games.",
                           "A board game cafe. Games have a title, min and max players and a play time. Guests borrow "
                           "games."}) {
    auto r = Analyze(text);
    const auto* game = PlanOf(r).FindEntity("Game");
    ASSERT_NE(game, nullptr) << Dump(r);
    for (const char* f : {"minPlayers", "maxPlayers"}) {
      const auto* field = game->FindField(f);
      ASSERT_NE(field, nullptr) << f << "\n" << Dump(r);
      EXPECT_EQ(field->type, spec::FieldType::kInteger) << Dump(r);
    }
  }
}

// "members each rent one plot": "each" between a plural and its verb, and one thing rented by
// each, still make a rental of a record (the garden was questioned as naming no data).
TEST(ExtractRules6, EachRentOneThing) {
  auto r = Analyze("Need a simple backend for our garden club: members each rent one plot, and we want to log which "
                   "members show up to the monthly work days.");
  ASSERT_EQ(r.status, Status::kPlan) << Dump(r);
  EXPECT_NE(PlanOf(r).FindEntity("Plot"), nullptr) << Dump(r);
}

// "we want to keep track of our washers and dryers ... and every maintenance visit": what the
// business keeps track of is a record (the request was questioned, or planned only the technician).
TEST(ExtractRules6, WhatWeKeepTrackOfIsARecord) {
  auto r = Analyze("We want to keep track of machines and maintenance visits.");
  ASSERT_EQ(r.status, Status::kPlan) << Dump(r);
  EXPECT_NE(PlanOf(r).FindEntity("Machine"), nullptr) << Dump(r);
  EXPECT_NE(PlanOf(r).FindEntity("MaintenanceVisit"), nullptr) << Dump(r);
}

// "customers call in and we note their name, phone number and address": what we note of them is
// the fields of the sentence's subject (the customers were folded into the logins with nothing).
TEST(ExtractRules6, WhatWeNoteOfThemIsTheirs) {
  auto r = Analyze("A plumbing business. Customers call in and we note their name, phone number and address. Every "
                   "call becomes a job with a description and a status.");
  EXPECT_TRUE(HasField(PlanOf(r), "Customer", "phoneNumber")) << Dump(r);
}

// "pick a collection slot", "a scheduled date and time": slots and scheduled dates are scheduling.
TEST(ExtractRules6, SlotsAreScheduling) {
  auto r = Analyze("A farm shop. Customers order online and pick a collection slot (Friday or Saturday, hourly). "
                   "Orders have a total.");
  const auto& f = PlanOf(r).features;
  EXPECT_NE(std::find(f.begin(), f.end(), spec::Feature::kScheduling), f.end()) << Dump(r);
}

// "we have tools like a laser cutter ...; each tool has a name, a location, a status": tools the
// text gives fields are records, while "an internal tool" is still the product.
TEST(ExtractRules6, ToolsWithFieldsAreRecords) {
  auto r = Analyze("A makerspace. We have tools like a laser cutter, 3D printers and a CNC router; each tool has a "
                   "name, a location, a status (working, broken, in maintenance) and whether it needs an induction. "
                   "Members book tools.");
  EXPECT_TRUE(HasField(PlanOf(r), "Tool", "location")) << Dump(r);
  auto r2 = Analyze("We need an internal tool for our sales team. Leads have a name and a status.");
  EXPECT_EQ(PlanOf(r2).FindEntity("Tool"), nullptr) << Dump(r2);
}

// "we also keep a library of sheet music: title, composer, ...": the list describes the sheet
// music, not the library, and a library of anything but books is no lending library of books.
TEST(ExtractRules6, ALibraryOfThingsHoldsThoseThings) {
  auto r = Analyze("Our community choir has about sixty singers. Each singer has a name, email, phone and a voice part. "
                   "We rehearse weekly and perform a few concerts a year. We also keep a library of sheet music: title, "
                   "composer, arranger and a PDF scan.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(HasField(s, "SheetMusic", "composer")) << Dump(r);
  EXPECT_EQ(s.FindEntity("Library"), nullptr) << Dump(r);
  EXPECT_EQ(s.FindEntity("Book"), nullptr) << Dump(r);
}

// "wich", "teh", "adn": short function words mistyped are read as meant ("repair event wich have
// date" planned RepairEventWich), and a repair cafe is no restaurant.
TEST(ExtractRules6, ShortTyposAndRepairCafes) {
  auto r = Analyze("A repair cafe. Visitors bring items. Every item belong to one repair event wich have date and place.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(NoEntityNamedWith(s, "Wich")) << Dump(r);
  EXPECT_EQ(s.FindEntity("MenuItem"), nullptr) << Dump(r);
}

// "we own a few hundred games; for each one we store the title, publisher, ...": "each one" stands
// for the plural before it (the games had no fields).
TEST(ExtractRules6, ForEachOneWeStore) {
  auto r = Analyze("We're opening a board game cafe. We own a few hundred games; for each one we store the title, "
                   "publisher, minimum and maximum players and which shelf it sits on. Customers reserve tables.");
  EXPECT_TRUE(HasField(PlanOf(r), "Game", "publisher")) << Dump(r);
}

// "donors register with blood type and contact info": what people sign up with is theirs, and
// "people register with a username" are the logins (no Person table).
TEST(ExtractRules6, WhatPeopleRegisterWithIsTheirs) {
  auto r = Analyze("Build a backend for a blood donation drive. Donors register with blood type and contact info. Donors "
                   "book a slot in a session.");
  EXPECT_TRUE(HasField(PlanOf(r), "Donor", "bloodType")) << Dump(r);
  auto r2 = Analyze("A book club. People register with a username, email and password. Members vote on books.");
  EXPECT_EQ(PlanOf(r2).FindEntity("Person"), nullptr) << Dump(r2);
  EXPECT_TRUE(HasField(PlanOf(r2), "Member", "username")) << Dump(r2);
}

// "the cleaner ticks off a checklist of tasks": after a singular subject, a word in -s before a
// particle and an object is the verb (it planned CleanerTick).
TEST(ExtractRules6, PhrasalVerbAfterASingularSubject) {
  auto r = Analyze("A cleaning company. Cleaners are assigned to visits, and the cleaner ticks off a checklist of tasks "
                   "at each visit.");
  EXPECT_TRUE(NoEntityNamedWith(PlanOf(r), "Tick")) << Dump(r);
}

// "every cat gets vet visits with notes": the object of a verb of getting is a compound ("vet
// visits"), not a person and a verb (the visits were lost and Cat related to the logins).
TEST(ExtractRules6, CompoundObjectOfGets) {
  auto r = Analyze("Our cat shelter needs software. Cats have a name, age, sex and intake date. Every cat gets vet "
                   "visits with notes and vaccinations.");
  EXPECT_TRUE(HasDirected(PlanOf(r), "Cat", "VetVisit", RelationKind::kOneToMany)) << Dump(r);
}

// "owners book stays for their dogs. Each stay has a check-in date ...": "stay" is a noun as well
// as a verb (the request was questioned as naming nothing); "guests stay in rooms" keeps the verb.
TEST(ExtractRules6, StaysAreRecords) {
  auto r = Analyze("A kennel. Owners book stays for their dogs. Each stay has a check-in date, a check-out date and a "
                   "special diet.");
  ASSERT_EQ(r.status, Status::kPlan) << Dump(r);
  EXPECT_TRUE(HasField(PlanOf(r), "Stay", "checkInDate")) << Dump(r);
  auto r2 = Analyze("A hostel. Guests stay in rooms. Rooms have a number and a floor.");
  EXPECT_EQ(PlanOf(r2).FindEntity("Stay"), nullptr) << Dump(r2);
}

// "I invoice clients per project and track whether invoices are paid": a noun/verb before a
// question word is a verb (it planned a music Track).
TEST(ExtractRules6, VerbBeforeAQuestionWord) {
  auto r = Analyze("I'm a freelance translator: clients send me projects, each project has a source text, a word count "
                   "and a deadline. I invoice clients per project and track whether invoices are paid.");
  EXPECT_EQ(PlanOf(r).FindEntity("Track"), nullptr) << Dump(r);
}

// "Tenancies: which tenant rents which plot, start date, end date": the verb between two "which"
// phrases is a verb, so the tenancy refers to a tenant and a plot (it had a `tenantRents` field).
TEST(ExtractRules6, WhichXVerbsWhichY) {
  auto r = Analyze("Allotments. Plots: number, size. Tenants: name, address, phone. Tenancies: which tenant rents which "
                   "plot, start date, end date.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(HasDirected(s, "Tenant", "Tenancy", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_FALSE(HasField(s, "Tenancy", "tenantRents")) << Dump(r);
}

// "(email and password, nothing fancy)": a remark in a list is no field (it gave the user `fancy`).
TEST(ExtractRules6, RemarksInListsAreNoFields) {
  auto r = Analyze("A yoga studio. Teachers sign up with an account (email and password, nothing fancy). Classes have a "
                   "title and a start time.");
  for (const auto& e : PlanOf(r).entities) EXPECT_EQ(e.FindField("fancy"), nullptr) << e.name << "\n" << Dump(r);
}

// "passengers reserve a seat on a trip": the reservation is of the trip; a seat or a spot is only
// its unit (it planned Seat / Spot tables between them).
TEST(ExtractRules6, ASeatOnATripIsTheTrip) {
  auto r = Analyze("A bus company. Passengers reserve a seat on a trip. Trips have a date and a route.");
  const auto& s = PlanOf(r);
  EXPECT_EQ(s.FindEntity("Seat"), nullptr) << Dump(r);
  EXPECT_NE(s.FindEntity("Trip"), nullptr) << Dump(r);
}

// "a contract is created: contract number, title, ...": a passive of making before a colon gives the
// list to its subject; "hit" is a noun as well as a verb ("a screening hit stores the list name").
TEST(ExtractRules6, PassiveBeforeAColonAndHits) {
  auto r = Analyze("A procurement app. Tenders get awards. From an active award a contract is created: contract number, "
                   "title, value, status, date signed.");
  EXPECT_TRUE(HasField(PlanOf(r), "Contract", "contractNumber")) << Dump(r);
  auto r2 = Analyze("A compliance tool. Customers are screened against lists. A screening hit stores the list name, the "
                    "matched name, a match score and a disposition.");
  ASSERT_EQ(r2.status, Status::kPlan) << Dump(r2);
  EXPECT_TRUE(HasField(PlanOf(r2), "ScreeningHit", "matchScore")) << Dump(r2);
}

// "sending profiles have a name, an SMTP host ...", "a screening hit": a gerund naming an activity
// qualifies the noun after it (they planned Profile and Hit).
TEST(ExtractRules6, ActivityGerundsQualifyTheirNoun) {
  auto r = Analyze("A phishing training tool. Sending profiles have a name, an SMTP host, a username and a from address. "
                   "Campaigns use a sending profile.");
  EXPECT_TRUE(HasField(PlanOf(r), "SendingProfile", "username")) << Dump(r);
}

// "each project has one or more workflows. Workflows have a name and a version": workflows the text
// gives fields are records ("the workflow is draft, review, published" is not).
TEST(ExtractRules6, WorkflowsWithFieldsAreRecords) {
  auto r = Analyze("A research platform. Each project has one or more workflows. Workflows have a name and a version.");
  EXPECT_TRUE(HasDirected(PlanOf(r), "Project", "Workflow", RelationKind::kOneToMany)) << Dump(r);
  auto r2 = Analyze("A newsroom. Articles: title, body. The workflow is draft, review, published.");
  EXPECT_EQ(PlanOf(r2).FindEntity("Workflow"), nullptr) << Dump(r2);
}

// "... which policy rule was broken (policies have code, title, text, version)": a parenthesis that
// says what another thing has lists that thing's fields (it planned a Broken table).
TEST(ExtractRules6, ParenthesisSayingWhatAnotherThingHas) {
  auto r = Analyze("A moderation tool. Every decision must store which policy rule was broken (policies have code, "
                   "title, text, version) and a statement of reasons.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(HasField(s, "Policy", "version")) << Dump(r);
  EXPECT_EQ(s.FindEntity("Broken"), nullptr) << Dump(r);
}

}  // namespace
}  // namespace bf::analyze
