// Extraction rules from a fourth round of error analysis (general patterns; every description here
// is written for the test, none is taken from an evaluation case).
#include <gtest/gtest.h>

#include <algorithm>

#include "analyze/analyzer.h"
#include "analyze/test_util.h"

namespace bf::analyze {
namespace {

using spec::RelationKind;
using testing::Dump;
using testing::HasDirected;
using testing::HasField;
using testing::PlanOf;

// "- suppliers and customers: name, email, phone": both records take the list.
TEST(ExtractRules4, TwoRecordsOpeningAListShareIt) {
  auto r = Analyze(
      "A wholesale ledger.\n"
      "- suppliers and customers: name, email, phone, tax number\n"
      "- products: name, price\n"
      "Orders have a date and a total.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(HasField(s, "Supplier", "taxNumber")) << Dump(r);
  EXPECT_TRUE(HasField(s, "Customer", "taxNumber")) << Dump(r);
  EXPECT_TRUE(HasField(s, "Customer", "phone")) << Dump(r);
}

// "everything is scoped per company": the company is the tenant of every record.
TEST(ExtractRules4, EverythingScopedPerGroupIsTenancy) {
  auto r = Analyze(
      "A stock keeping app for small shops. One login may manage several shops, and everything is scoped per shop.\n"
      "- products: name, sku, price\n"
      "- suppliers: name, email\n"
      "Deliveries have a date and a quantity.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(HasDirected(s, "Shop", "Product", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Shop", "Supplier", RelationKind::kOneToMany)) << Dump(r);
  // A single record scoped to another is a relation, not tenancy.
  auto r2 = Analyze(
      "A wiki. Spaces have a name. Each page is scoped to a space and has a title and a body. Comments have a body.");
  const auto& s2 = PlanOf(r2);
  EXPECT_TRUE(HasDirected(s2, "Space", "Page", RelationKind::kOneToMany)) << Dump(r2);
  EXPECT_FALSE(HasDirected(s2, "Space", "Comment", RelationKind::kOneToMany)) << Dump(r2);
}

// "cash acounts ... two accounts": a misspelling of a word the text also spells right.
TEST(ExtractRules4, AMisspellingOfAWordTheTextUsesIsThatWord) {
  auto r = Analyze(
      "A budget tracker. Acounts: name, currency, opening balance. Transactions have an amount and a date; each "
      "transaction moves money between two accounts. Categories have a name.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(HasField(s, "Account", "openingBalance")) << Dump(r);
  EXPECT_FALSE(s.FindEntity("Acount")) << Dump(r);
}

// "bills from suppliers": "bills" is a noun here, not the verb of "vendors bill customers".
TEST(ExtractRules4, BillsFromSuppliersAreRecords) {
  auto r = Analyze(
      "Bills from suppliers have a number, a due date and an amount. Suppliers have a name and an email. Payments "
      "have an amount.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(HasField(s, "Bill", "dueDate")) << Dump(r);
  EXPECT_FALSE(HasField(s, "Supplier", "dueDate")) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Supplier", "Bill", RelationKind::kOneToMany)) << Dump(r);
}

// "invoices to clients: ..." and "researchers submit findings to a programme": the recipient has
// them. "coaches teach drills to squads" is no ownership.
TEST(ExtractRules4, ThingsHandedToARecipientBelongToIt) {
  auto r = Analyze(
      "quotes to clients: number, status, amount. clients have a name and an email. venues have a name and a city. "
      "trainers have a name.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(HasDirected(s, "Client", "Quote", RelationKind::kOneToMany)) << Dump(r);
  auto r2 = Analyze(
      "A research platform. Researchers have a name. Programmes have a title and a budget. Researchers submit "
      "findings to a programme; findings have a title and a severity.");
  EXPECT_TRUE(HasDirected(PlanOf(r2), "Programme", "Finding", RelationKind::kOneToMany)) << Dump(r2);
  auto r3 = Analyze(
      "A sports club. Coaches have a name. Squads have a name and an age group. Drills have a title and a "
      "duration. Coaches teach drills to squads.");
  EXPECT_FALSE(HasDirected(PlanOf(r3), "Squad", "Drill", RelationKind::kOneToMany)) << Dump(r3);
}

// "Inspections - one per lift: ...", "Pickup book - saved locations we reuse: ...": a dash after
// the opening name starts a gloss; the list belongs to the plural the gloss opens with, else to
// the opening name, whose "one per lift" is its parent.
TEST(ExtractRules4, ADashGlossKeepsTheListWithItsRecord) {
  auto r = Analyze(
      "Lift maintenance.\n"
      "Inspections - one per lift and year: date, result, inspector name.\n"
      "Lifts have a serial number and a location. Buildings have a name.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(HasField(s, "Inspection", "result")) << Dump(r);
  EXPECT_FALSE(HasField(s, "Lift", "result")) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Lift", "Inspection", RelationKind::kOneToMany)) << Dump(r);
  auto r2 = Analyze(
      "A delivery planner.\n"
      "Pickup book - saved locations we reuse: label, street, city, postal code.\n"
      "Drops have a time window. Vans have a plate.");
  const auto& s2 = PlanOf(r2);
  EXPECT_TRUE(HasField(s2, "Location", "postalCode")) << Dump(r2);
  EXPECT_FALSE(s2.FindEntity("PickupBook")) << Dump(r2);
}

// "annual leave", "leave types", "users leave reviews": a noun as often as a verb.
TEST(ExtractRules4, LeaveIsANounBeforeANoun) {
  auto r = Analyze(
      "An absence planner. Leave types per team (name, colour, yearly limit). Teams have a name. Staff have a "
      "name and an email.");
  EXPECT_TRUE(HasField(PlanOf(r), "LeaveType", "yearlyLimit")) << Dump(r);
  auto r2 = Analyze("Guests leave reviews (rating, comment) on venues. Venues have a name and a city.");
  const auto& s2 = PlanOf(r2);
  EXPECT_TRUE(HasField(s2, "Review", "rating")) << Dump(r2);
  EXPECT_FALSE(s2.FindEntity("Leave")) << Dump(r2);
  // (After "and", "leave" is still the verb.)
  auto r3 = Analyze(
      "A photography portfolio: photographers upload photos into albums; clients can favourite photos and leave "
      "comments.");
  EXPECT_FALSE(PlanOf(r3).FindEntity("LeaveComment")) << Dump(r3);
}

// "company-wide", "overridable": adjectives name no record; "trackable tags" keep theirs.
TEST(ExtractRules4, AdjectivesNameNoRecord) {
  auto r = Analyze(
      "A rota app. Working-hours plan (mon-fri) company-wide, overridable per employee. Employees have a name.");
  const auto& s = PlanOf(r);
  EXPECT_FALSE(s.FindEntity("CompanyWide")) << Dump(r);
  EXPECT_FALSE(s.FindEntity("Overridable")) << Dump(r);
  EXPECT_TRUE(s.FindEntity("Employee")) << Dump(r);
  auto r2 = Analyze("A hackathon tool. Trackable tags have a name and a colour. Teams have a name.");
  EXPECT_TRUE(PlanOf(r2).FindEntity("TrackableTag")) << Dump(r2);
}

// "members have a training plan with a goal and a start date": one thing with its own attributes
// is a record, not a column of the subject.
TEST(ExtractRules4, OneThingWithItsOwnAttributesIsARecord) {
  auto r = Analyze(
      "A gym app. Some members have a training plan with a level, a start date and an end date. Each plan has "
      "sessions (date, duration). Members have a name.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(HasField(s, "TrainingPlan", "level")) << Dump(r);
  EXPECT_FALSE(HasField(s, "Member", "level")) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Member", "TrainingPlan", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "TrainingPlan", "Session", RelationKind::kOneToMany)) << Dump(r);
  // An attribute with parts stays a column.
  auto r2 = Analyze("Members have an address with a street and a city. Classes have a name and a time.");
  EXPECT_FALSE(PlanOf(r2).FindEntity("Address")) << Dump(r2);
}

// "Physio: some patients have a rehab plan with ...": a topic label before a clause in which
// something has a thing with a list is no record.
TEST(ExtractRules4, ATopicLabelBeforeAHasClauseIsNoRecord) {
  auto r = Analyze(
      "Patients have a name and a phone. Physiotherapy: some patients have a rehab plan with a goal, a "
      "frequency and a review date. Each plan has sessions (date, exercises, pain score).");
  const auto& s = PlanOf(r);
  EXPECT_FALSE(s.FindEntity("Physiotherapy")) << Dump(r);
  EXPECT_TRUE(HasField(s, "RehabPlan", "frequency")) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "RehabPlan", "Session", RelationKind::kOneToMany)) << Dump(r);
}

// "an auction is divided in lots; every lot has ...": a lot is a record ("a lot of" and "lots of"
// still count things), and "divided in" is "divided into".
TEST(ExtractRules4, LotsAreRecords) {
  auto r = Analyze(
      "Timber sales. Sales have a title and a closing date. A sale can be divided in lots; every lot has a "
      "volume, a species and a reserve price. Bidders have a name. Bids have an amount.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(HasField(s, "Lot", "reservePrice")) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Sale", "Lot", RelationKind::kOneToMany)) << Dump(r);
  auto r2 = Analyze(
      "A photo site with a lot of users. Lots of members post photos with a caption. Albums have a title.");
  const auto& s2 = PlanOf(r2);
  EXPECT_FALSE(s2.FindEntity("Lot")) << Dump(r2);
  EXPECT_TRUE(HasField(s2, "Photo", "caption")) << Dump(r2);
}

// "work orders ...; each WO has tasks": an acronym of one declared compound is that compound.
TEST(ExtractRules4, AnAcronymIsItsCompound) {
  auto r = Analyze(
      "Maintenance. Work orders have a title, a priority and a due date. Each WO has tasks (description, done). "
      "Technicians have a name. Assets have a serial number.");
  const auto& s = PlanOf(r);
  EXPECT_FALSE(s.FindEntity("Wo")) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "WorkOrder", "Task", RelationKind::kOneToMany)) << Dump(r);
}

// "We're a family-run bakery: ...": who is writing is no record.
TEST(ExtractRules4, TheWriterIsNoRecord) {
  auto r = Analyze(
      "We're a family-run flower wholesaler: a few greenhouses supplying our own kiosks. Greenhouses have a "
      "name and a size. Kiosks have a name and an address. Orders have a date.");
  const auto& s = PlanOf(r);
  for (const auto& e : s.entities) EXPECT_EQ(e.name.find("Wholesaler"), std::string::npos) << Dump(r);
  EXPECT_TRUE(s.FindEntity("Greenhouse")) << Dump(r);
}

// "anyone can report a listing (reason, details)": the list after an act's object is the act's.
// "customers order products (name, price)" still describes the products.
TEST(ExtractRules4, AListAfterAnActsObjectIsTheActs) {
  auto r = Analyze(
      "A second-hand market. Sellers post listings with a title and a price. Buyers can report a listing (reason, "
      "details). Sellers have a name.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(HasField(s, "Report", "reason")) << Dump(r);
  EXPECT_FALSE(HasField(s, "Listing", "reason")) << Dump(r);
  auto r2 = Analyze(
      "Fleet tracking. Trackers report positions (lat, lon, speed). Trackers have an imei. Vans have a plate.");
  EXPECT_FALSE(PlanOf(r2).FindEntity("Report")) << Dump(r2);
}

// "Projects can be tagged.": a many-to-many to shared tags; "tagged with contact types" names them.
TEST(ExtractRules4, ThingsThatCanBeTaggedHaveTags) {
  auto r = Analyze("A portfolio site. Designers publish projects with a title and a cover. Projects can be tagged.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(testing::HasRelation(s, "Project", "Tag", RelationKind::kManyToMany)) << Dump(r);
  auto r2 = Analyze(
      "A CRM. Contacts have a name and a phone. A contact is tagged with one or more segments (name, active). "
      "Deals have an amount.");
  EXPECT_FALSE(PlanOf(r2).FindEntity("Tag")) << Dump(r2);
}

// "refunds and credits have a date and an amount": both subjects have the list; "... each go to a
// wallet" files each under the wallet, while "alerts go to them by email" routes them.
TEST(ExtractRules4, CoordinatedSubjectsShareTheirListAndOwner) {
  auto r = Analyze(
      "A wallet service. Wallets have a name and a currency. Refunds and credits have a date and an amount. "
      "Merchants have a name.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(HasField(s, "Refund", "amount")) << Dump(r);
  EXPECT_TRUE(HasField(s, "Credit", "amount")) << Dump(r);
  auto r2 = Analyze(
      "A wallet service. Wallets have a name and a currency. Refunds and credits each go to a wallet and have "
      "a date and an amount. Merchants have a name.");
  const auto& s2 = PlanOf(r2);
  EXPECT_TRUE(HasDirected(s2, "Wallet", "Refund", RelationKind::kOneToMany)) << Dump(r2);
  EXPECT_TRUE(HasDirected(s2, "Wallet", "Credit", RelationKind::kOneToMany)) << Dump(r2);
}

// "This waitlist entry must save: ...", "For each shipment we store: ...": a verb of keeping before
// the colon; the list is its subject's.
TEST(ExtractRules4, AVerbOfKeepingBeforeTheColonListsItsSubject) {
  auto r = Analyze(
      "A restaurant waitlist. Tables have a number and seats. This waitlist entry must save: the guest name, the "
      "party size, a phone, the status, the time added. Guests have a name.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(HasField(s, "WaitlistEntry", "partySize")) << Dump(r);
  auto r2 = Analyze(
      "A courier desk. Parcels have a weight. For each delivery run we store: driver, van, started at, finished "
      "at. Drivers have a name.");
  const auto& s2 = PlanOf(r2);
  EXPECT_TRUE(HasField(s2, "DeliveryRun", "van")) << Dump(r2);
  // ("started at", "finished at": a participle's closing preposition names a moment.)
  ASSERT_TRUE(HasField(s2, "DeliveryRun", "startedAt")) << Dump(r2);
  EXPECT_TRUE(HasField(s2, "DeliveryRun", "finishedAt")) << Dump(r2);
  EXPECT_EQ(s2.FindEntity("DeliveryRun")->FindField("finishedAt")->type, spec::FieldType::kDateTime) << Dump(r2);
}

// "User types: admin (us), volunteers, donors" lists roles, not records.
TEST(ExtractRules4, UserTypesAreRoles) {
  auto r = Analyze(
      "A food rescue network. Pickups have a time window and a weight. Shelters have a name and an address. "
      "Donors have a name and a phone. User types: admin (us), volunteers (drivers), donors.");
  const auto& s = PlanOf(r);
  EXPECT_FALSE(s.FindEntity("UserType")) << Dump(r);
  EXPECT_FALSE(s.FindEntity("Volunteer")) << Dump(r);
  EXPECT_NE(std::find(s.roles.begin(), s.roles.end(), "volunteer"), s.roles.end()) << Dump(r);
  // "account types (asset, expense, ...)" in a finance text are kinds of accounts, not roles.
  auto r2 = Analyze(
      "A budget app. Accounts have a name and account types (asset, expense, revenue). Transactions have an "
      "amount and a date.");
  const auto& s2 = PlanOf(r2);
  EXPECT_EQ(std::find(s2.roles.begin(), s2.roles.end(), "asset"), s2.roles.end()) << Dump(r2);
}

// "A wedding planning app with guests, RSVPs, tables, seating assignments, gifts and vendors":
// a product's list of plural things is its records (people among them too), after "with" or a
// label's colon, even when one of them could be a column.
TEST(ExtractRules4, AProductsListOfThingsIsItsRecords) {
  auto r = Analyze("A wedding planning app with guests, RSVPs, tables, seating assignments, gifts and vendors.");
  ASSERT_EQ(r.status, Status::kPlan) << Dump(r);
  const auto& s = PlanOf(r);
  for (const char* name : {"Guest", "Table", "SeatingAssignment", "Gift", "Vendor"}) {
    EXPECT_TRUE(s.FindEntity(name)) << name << " " << Dump(r);
  }
  auto r2 = Analyze("A CRM for a letting agency: leads, contacts, properties, viewings and offers.");
  const auto& s2 = PlanOf(r2);
  EXPECT_TRUE(s2.FindEntity("Property")) << Dump(r2);
  EXPECT_TRUE(s2.FindEntity("Viewing")) << Dump(r2);
  EXPECT_FALSE(s2.FindEntity("LettingAgency")) << Dump(r2);
  // The product's own accounts stay roles.
  auto r3 = Analyze("A conference tool with organizers, reviewers, talks, rooms and slots.");
  EXPECT_FALSE(PlanOf(r3).FindEntity("Organizer")) << Dump(r3);
}

// "Event ticketing: ... attendees buy tickets" gets event tickets (a code, a price), not a help
// desk's (subject, priority); "Restaurant reservations with tables, ..." are the restaurant's
// Reservations, not a RestaurantReservation next to them.
TEST(ExtractRules4, DomainWordsPickTheirArchetypesRecords) {
  auto r = Analyze(
      "Event ticketing: organizers create events with ticket types; attendees buy tickets; check-in at the door "
      "with QR codes.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(HasField(s, "Ticket", "code")) << Dump(r);
  EXPECT_FALSE(HasField(s, "Ticket", "priority")) << Dump(r);
  auto r2 = Analyze("Restaurant reservations with tables, time slots, and a waitlist.");
  const auto& s2 = PlanOf(r2);
  EXPECT_FALSE(s2.FindEntity("RestaurantReservation")) << Dump(r2);
  EXPECT_TRUE(HasField(s2, "Reservation", "partySize")) << Dump(r2);
}

// "A small library: books, authors, members, loans with due dates and fines": a short list of a
// known kind of backend's records gets that kind's relations between them, authors are records,
// and "due dates" is one dueDate per loan.
TEST(ExtractRules4, AShortListOfKnownRecordsIsRelatedLikeItsKind) {
  auto r = Analyze("I need an API for a small library: books, authors, members, loans with due dates and fines.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(s.FindEntity("Author")) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Book", "Loan", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_TRUE(HasField(s, "Loan", "dueDate")) << Dump(r);
  EXPECT_FALSE(HasField(s, "Loan", "dueDates")) << Dump(r);
}

// "tenants sign leases": what people sign is theirs ("sign up for shifts" stays joining).
TEST(ExtractRules4, WhatPeopleSignIsTheirs) {
  auto r = Analyze(
      "A property manager. Tenants sign leases with a start date and a monthly rent. Units have a number. "
      "Buildings have a name.");
  EXPECT_TRUE(HasDirected(PlanOf(r), "Tenant", "Lease", RelationKind::kOneToMany)) << Dump(r);
  auto r2 = Analyze("Volunteers sign up for shifts. Shifts have a date and a place. Volunteers have a name.");
  EXPECT_TRUE(testing::HasRelation(PlanOf(r2), "Volunteer", "Shift", RelationKind::kManyToMany)) << Dump(r2);
}

// "customers earn points and redeem rewards": "redeem" is the verb, rewards the record.
TEST(ExtractRules4, RedeemIsAVerb) {
  auto r = Analyze("Backend for a coffee shop loyalty program: customers earn points per purchase and redeem rewards.");
  EXPECT_FALSE(PlanOf(r).FindEntity("RedeemReward")) << Dump(r);
  auto r2 = Analyze(
      "A loyalty program: members earn points on purchases and redeem rewards from a catalogue. Rewards have a "
      "name and a points cost.");
  EXPECT_TRUE(PlanOf(r2).FindEntity("Reward")) << Dump(r2);
}

// Shared expenses are a kind of backend of their own (groups, expenses, splits, settlements).
TEST(ExtractRules4, SharedExpensesAreAKindOfBackend) {
  auto r = Analyze("A shared expenses app for roommates: groups, expenses, splits and settlements.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(HasDirected(s, "Group", "Expense", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Expense", "Split", RelationKind::kOneToMany)) << Dump(r);
  auto r2 = Analyze("A Splitwise clone.");
  EXPECT_TRUE(PlanOf(r2).FindEntity("Settlement")) << Dump(r2);
}

// "An app for a rowing club to manage members, crews, outings and boat repairs": the opening
// sentence's list of plural things after a verb of keeping is the product's records.
TEST(ExtractRules4, AListOfThingsToManageIsTheRecords) {
  auto r = Analyze("An app for a rowing club to manage members, crews, outings and boat repairs.");
  ASSERT_EQ(r.status, Status::kPlan) << Dump(r);
  const auto& s = PlanOf(r);
  EXPECT_TRUE(s.FindEntity("Crew")) << Dump(r);
  EXPECT_TRUE(s.FindEntity("Outing")) << Dump(r);
  EXPECT_TRUE(s.FindEntity("BoatRepair")) << Dump(r);
}

// "- products (name, price, stock)": one record with three fields is concrete, however short.
TEST(ExtractRules4, OneRecordWithItsFieldsIsPlanned) {
  auto r = Analyze("- products (name, price, stock)");
  ASSERT_EQ(r.status, Status::kPlan) << Dump(r);
  EXPECT_TRUE(HasField(PlanOf(r), "Product", "stock")) << Dump(r);
}

// "sellers list books with a condition and a price": what people list carries its own price; it is
// no order line ("orders contain products with quantities" still is).
TEST(ExtractRules4, WhatPeopleListCarriesItsOwnPrice) {
  auto r = Analyze("A second-hand bookshop. Sellers list books with a condition and a price. Buyers have an email.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(HasField(s, "Book", "price")) << Dump(r);
  EXPECT_FALSE(s.FindEntity("UserItem")) << Dump(r);
  EXPECT_FALSE(s.FindEntity("SellerItem")) << Dump(r);
}

// "Bikes, customers, rentals." lists records; so do "items, ..." after a label ("files: photos,
// manuals" are kinds of files). A newsletter's campaigns have a subject, not a fundraising goal.
TEST(ExtractRules4, BareListsAndLabelListsNameRecords) {
  auto r = Analyze(
      "We need a system for our canoe rental shop. Canoes, customers, rentals. A rental has a start and an end "
      "time and a price.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(s.FindEntity("Canoe")) << Dump(r);
  EXPECT_TRUE(s.FindEntity("Customer")) << Dump(r);
  auto r2 = Analyze("Build an inventory system for a warehouse: items, locations, stock movements and suppliers.");
  EXPECT_TRUE(PlanOf(r2).FindEntity("Item")) << Dump(r2);
  auto r3 = Analyze("A newsletter platform: subscribers, lists, campaigns, and open/click tracking.");
  const auto& s3 = PlanOf(r3);
  EXPECT_TRUE(HasField(s3, "Campaign", "subject")) << Dump(r3);
  EXPECT_FALSE(HasField(s3, "Campaign", "goalAmount")) << Dump(r3);
}

// "subscribers" is no sub-thing ("projects can have subprojects" still is).
TEST(ExtractRules4, SubscribersAreNoSubThings) {
  auto r = Analyze("Podcast hosting: shows, episodes with audio files, subscribers and download stats.");
  const auto& s = PlanOf(r);
  EXPECT_FALSE(testing::HasRelation(s, "Show", "Show", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_FALSE(testing::HasRelation(s, "Episode", "Episode", RelationKind::kOneToMany)) << Dump(r);
  auto r2 = Analyze("Projects can have subprojects. Projects have a name and a deadline.");
  EXPECT_TRUE(testing::HasRelation(PlanOf(r2), "Project", "Project", RelationKind::kOneToMany)) << Dump(r2);
  // ("tasks have subtasks and a title": the subtasks are tasks, not a Subtask table beside them.)
  auto r3 = Analyze("A chores app. Tasks have subtasks and a title. Users have tasks. Rooms have a name.");
  const auto& s3 = PlanOf(r3);
  EXPECT_FALSE(s3.FindEntity("Subtask")) << Dump(r3);
  EXPECT_TRUE(testing::HasRelation(s3, "Task", "Task", RelationKind::kOneToMany)) << Dump(r3);
}

// "A kids' soccer league", "a women's choir": after "a", a plural possessor says who the thing is
// for ("each customer's orders" still belong to the customer).
TEST(ExtractRules4, ADescriptivePossessiveNamesNoRecord) {
  auto r = Analyze("A kids' hockey league: teams, players, coaches and games.");
  EXPECT_FALSE(PlanOf(r).FindEntity("Kid")) << Dump(r);
  auto r2 = Analyze("A women's choir: singers, rehearsals, concerts and songs.");
  EXPECT_FALSE(PlanOf(r2).FindEntity("Woman")) << Dump(r2);
  auto r3 = Analyze("Each customer's orders have a total. Customers have a name.");
  EXPECT_TRUE(HasDirected(PlanOf(r3), "Customer", "Order", RelationKind::kOneToMany)) << Dump(r3);
}

}  // namespace
}  // namespace bf::analyze
