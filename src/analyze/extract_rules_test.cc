// Extraction rules found by error analysis on the evaluation sets: each test names the general
// linguistic pattern it protects, with a description that is not taken from any evaluation case.
#include <gtest/gtest.h>

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
using testing::Valid;


TEST(ExtractRules, ColonFollowedByClausesIsNotAFieldList) {
  auto r = Analyze(
      "An online store backend with inventory: products belong to categories, each order has order items with a "
      "quantity, customers place orders and suppliers deliver products. Products have a name, price and stock "
      "level. Warehouses store products.");
  const auto& s = PlanOf(r);
  EXPECT_FALSE(s.FindEntity("Inventory")) << Dump(r);
  for (const auto& e : s.entities) {
    for (const auto& f : e.fields) {
      EXPECT_EQ(f.name.find("Belong"), std::string::npos) << e.name << "." << f.name;
      EXPECT_EQ(f.name.find("Deliver"), std::string::npos) << e.name << "." << f.name;
    }
  }
  ASSERT_TRUE(s.FindEntity("Category"));
  ASSERT_TRUE(s.FindEntity("OrderItem"));
  EXPECT_TRUE(HasDirected(s, "Category", "Product", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Order", "OrderItem", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_TRUE(Valid(s));
}

TEST(ExtractRules, ListEndsBeforeAClauseItem) {
  auto r = Analyze(
      "A garage app. Each repair has repair tasks with a description and hours, mechanics log work and owners "
      "bring cars. Cars have a plate and a model.");
  const auto& s = PlanOf(r);
  for (const auto& e : s.entities) {
    for (const auto& f : e.fields) EXPECT_EQ(f.name.find("Log"), std::string::npos) << e.name << "." << f.name;
  }
}

TEST(ExtractRules, LineRowsWithQuantityAreNotASelfRelation) {
  auto r = Analyze(
      "Customers place orders. Each order has order items with a quantity and a unit price. Products have a name "
      "and a price. Invoices have a number.");
  const auto& s = PlanOf(r);
  for (const auto& rel : s.relations) EXPECT_NE(rel.from, rel.to) << rel.from << " self relation";
  EXPECT_TRUE(HasDirected(s, "Order", "OrderItem", RelationKind::kOneToMany)) << Dump(r);
  // The classic pattern still makes the line entity between the two records.
  auto r2 = Analyze("Customers place orders. Orders contain products with quantities. Products have a name and a price.");
  const auto& s2 = PlanOf(r2);
  ASSERT_TRUE(s2.FindEntity("OrderItem")) << Dump(r2);
  EXPECT_TRUE(HasRelation(s2, "Product", "OrderItem", RelationKind::kOneToMany));
}

TEST(ExtractRules, BelongsToInsideAFieldListPointsAtTheParent) {
  auto r = Analyze("Shop API. products: name, price, belong to categories. orders: total, status.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(HasDirected(s, "Category", "Product", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_FALSE(HasDirected(s, "Product", "Category", RelationKind::kOneToMany)) << Dump(r);
  auto r2 = Analyze("Shop API. products: name, price, belongs to a category. orders: total, status.");
  const auto& s2 = PlanOf(r2);
  ASSERT_TRUE(s2.FindEntity("Category")) << Dump(r2);
  EXPECT_FALSE(s2.FindEntity("Product")->FindField("belongsToCategory"));
  EXPECT_TRUE(HasDirected(s2, "Category", "Product", RelationKind::kOneToMany)) << Dump(r2);
}

TEST(ExtractRules, CoordinationStopsAtANewClauseSubject) {
  auto r = Analyze("Shop API: products belong to categories, orders have a total and customers have a name.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(HasDirected(s, "Category", "Product", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_FALSE(HasRelation(s, "Order", "Product", RelationKind::kOneToMany)) << Dump(r);
}


TEST(ExtractRules, ImperativeOpeningVerbIsNotPartOfTheName) {
  auto r = Analyze(
      "A video course platform. Teachers create courses (title, price) and each course has lessons with a video "
      "and a duration. Track views per lesson (timestamp, country).");
  const auto& s = PlanOf(r);
  EXPECT_FALSE(s.FindEntity("TrackView")) << Dump(r);
  EXPECT_TRUE(s.FindEntity("View")) << Dump(r);
}

TEST(ExtractRules, ShowIsANounAfterADeterminerOrBeforeItsList) {
  auto r = Analyze(
      "A theatre site. Producers create shows (title, genre, runtime). Each show has performances with a date and "
      "a venue.");
  const auto& s = PlanOf(r);
  ASSERT_TRUE(s.FindEntity("Show")) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Show", "Performance", RelationKind::kOneToMany)) << Dump(r);
}

TEST(ExtractRules, AcronymsEndingInSAreQualifiers) {
  auto r = Analyze(
      "Dog walking app. Owners book walks (date, duration) for their dogs (name, breed). Walkers get SMS alerts "
      "and GPS pings are stored with lat and lng.");
  const auto& s = PlanOf(r);
  EXPECT_FALSE(s.FindEntity("Sm")) << Dump(r);
  EXPECT_FALSE(s.FindEntity("Gp")) << Dump(r);
}

TEST(ExtractRules, QuantifiedCollectionsAndSiblingsAfterCommaAnd) {
  auto r = Analyze(
      "A cocktail app. Users share cocktails (name, glass, photo). Each cocktail has many ingredients with amount "
      "and unit, and steps in order.");
  const auto& s = PlanOf(r);
  ASSERT_TRUE(s.FindEntity("Ingredient")) << Dump(r);
  ASSERT_TRUE(s.FindEntity("Step")) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Cocktail", "Ingredient", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Cocktail", "Step", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_FALSE(s.FindEntity("Cocktail")->FindField("ingredients")) << Dump(r);
  EXPECT_FALSE(s.FindEntity("CocktailItem")) << Dump(r);
}

TEST(ExtractRules, LikeAfterAThingIntroducesExamples) {
  auto r = Analyze(
      "A bookmarking tool. Users save links (url, title). Links get labels like work, reading, travel for "
      "filtering, and users can comment on links.");
  const auto& s = PlanOf(r);
  EXPECT_FALSE(s.FindEntity("Work")) << Dump(r);
  EXPECT_FALSE(s.FindEntity("Reading")) << Dump(r);
  EXPECT_FALSE(s.FindEntity("Like")) << Dump(r);
  EXPECT_TRUE(s.FindEntity("Label")) << Dump(r);
}

TEST(ExtractRules, RemindersAndSchedulingCues) {
  auto has = [](const char* text, spec::Feature f) {
    auto r = Analyze(text);
    return r.spec && r.spec->HasFeature(f);
  };
  EXPECT_TRUE(has("A dentist office: patients (name, phone) book visits (date, reason); patients get an SMS reminder "
                  "the day before.",
                  spec::Feature::kNotifications));
  EXPECT_FALSE(has("A CRM: contacts (name, email) and deals (title, value, stage), with email reminders for "
                   "follow-ups.",
                   spec::Feature::kNotifications));
  EXPECT_TRUE(has("A newsletter tool: writers draft issues (subject, body) and issues can be scheduled for later.",
                  spec::Feature::kScheduling));
}

TEST(ExtractRules, ColonHeadWalksBackOverAlternatives) {
  auto r = Analyze(
      "A boat marketplace. Owners list boats for charter or sale: name, length, price, photos. Renters send "
      "requests to the owner.");
  const auto& s = PlanOf(r);
  EXPECT_FALSE(s.FindEntity("Sale")) << Dump(r);
  ASSERT_TRUE(s.FindEntity("Boat")) << Dump(r);
  EXPECT_TRUE(s.FindEntity("Boat")->FindField("length")) << Dump(r);
}

TEST(ExtractRules, SecondVerbWithItsOwnTargetDoesNotLinkTheFirstObject) {
  auto r = Analyze(
      "A boat marketplace. Owners list boats (name, length, price). Renters can save favourites (note) and send "
      "inquiries (message, phone) to the owner.");
  const auto& s = PlanOf(r);
  ASSERT_TRUE(s.FindEntity("Inquiry")) << Dump(r);
  EXPECT_FALSE(HasRelation(s, "Favourite", "Inquiry", RelationKind::kOneToMany)) << Dump(r);
  // "create a group and add participants to it": the pronoun points back at the first object.
  auto r2 = Analyze("Trip expenses. You create a group (name, currency) and add participants to it by name.");
  EXPECT_TRUE(HasRelation(PlanOf(r2), "Group", "Participant", RelationKind::kOneToMany)) << Dump(r2);
}

TEST(ExtractRules, FileQualifierBeforeAttachmentIsDropped) {
  auto r = Analyze("A study group forum. Threads (title, pinned) have posts (body). Posts can carry file attachments (name, size).");
  const auto& s = PlanOf(r);
  EXPECT_FALSE(s.FindEntity("FileAttachment")) << Dump(r);
  EXPECT_TRUE(s.FindEntity("Attachment")) << Dump(r);
}

TEST(ExtractRules, OneOrMoreIsManyToMany) {
  auto r = Analyze("Articles belong to one or more categories. Categories have a name. Articles have a title.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(HasRelation(s, "Article", "Category", RelationKind::kManyToMany)) << Dump(r);
}

TEST(ExtractRules, MembersOfSeveralIsManyToMany) {
  auto r = Analyze("Volunteers can be members of several committees. Committees have a name. Volunteers have a name.");
  const auto& s = PlanOf(r);
  bool m2m = false;
  for (const auto& rel : s.relations) {
    m2m = m2m || (rel.kind == RelationKind::kManyToMany && (rel.from == "Committee" || rel.to == "Committee"));
  }
  EXPECT_TRUE(m2m) << Dump(r);
}

TEST(ExtractRules, MovingBetweenThingsIsManyToMany) {
  auto r = Analyze(
      "Staffing records. Employees have a name and a hire date. Departments have a name. Employees move between "
      "departments over time.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(HasRelation(s, "Employee", "Department", RelationKind::kManyToMany)) << Dump(r);
}

TEST(ExtractRules, DependsOnPointsAtTheThingDependedOn) {
  auto r = Analyze("Pets have a name. Each breed depends on a species. Species have a name. Breeds have a name.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(HasDirected(s, "Species", "Breed", RelationKind::kOneToMany)) << Dump(r);
}

TEST(ExtractRules, ObjectPronounAfterVerbIsSkipped) {
  auto r = Analyze("A company gives us job orders with a title and salary.");
  const auto& s = PlanOf(r);
  ASSERT_TRUE(s.FindEntity("Company")) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Company", "JobOrder", RelationKind::kOneToMany)) << Dump(r);
}

TEST(ExtractRules, ChainedPerPhrasesQualifyTheFirstThing) {
  auto r = Analyze(
      "Gradebook API. Students have a name. Courses have a title. Grades are recorded per student per course with a "
      "score.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(HasDirected(s, "Student", "Grade", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Course", "Grade", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_FALSE(Linked(s, "Course", "Student")) << Dump(r);
}

TEST(ExtractRules, ActThroughAThirdThingMakesItTheJoin) {
  auto r = Analyze(
      "Landlords own properties. Each property has units. Tenants rent units through leases with a start date and "
      "rent amount.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(HasDirected(s, "Tenant", "Lease", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Unit", "Lease", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_FALSE(Linked(s, "Tenant", "Unit")) << Dump(r);
}

TEST(ExtractRules, IssuedToPointsAtTheRecipient) {
  auto r = Analyze("A firm tracks invoices with a number and total. An invoice is issued to a client. Clients have a name.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(HasDirected(s, "Client", "Invoice", RelationKind::kOneToMany)) << Dump(r);
}

TEST(ExtractRules, DependentWordWithOwnRelationsIsAnEntity) {
  auto r = Analyze("Clinic app. Patients have a name. Visits have a date.\n- notes on a patient or a visit, can be private");
  const auto& s = PlanOf(r);
  ASSERT_TRUE(s.FindEntity("Note")) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Patient", "Note", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Visit", "Note", RelationKind::kOneToMany)) << Dump(r);
}

TEST(ExtractRules, TakingPartIsManyToMany) {
  auto r = Analyze("Sports. Athletes have a name. Competitions have a date. Athletes participate in competitions.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(HasRelation(s, "Athlete", "Competition", RelationKind::kManyToMany)) << Dump(r);
}

TEST(ExtractRules, CheckingInAndOutIsManyToMany) {
  auto r = Analyze("Community center. Visitors have a name. Sessions have a date. Visitors check in and out of sessions.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(HasRelation(s, "Visitor", "Session", RelationKind::kManyToMany)) << Dump(r);
}

TEST(ExtractRules, TheirOwnListMakesEntities) {
  auto r = Analyze(
      "Pantry tracker. Recipes have a name and servings. Each ingredient has an amount. Spices and units are their "
      "own lists.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(s.FindEntity("Spice")) << Dump(r);
  EXPECT_TRUE(s.FindEntity("Unit")) << Dump(r);
}


// "players join squads with a shirt number": a participation act whose link carries attributes is
// a join entity named after the act (memberships after what is joined), with both sides as parents.
TEST(ExtractRules, ActWithAttributesMakesJoinEntity) {
  auto r = Analyze("A sports club app. Players have a name and a birth date. Players join squads with a shirt number. "
                   "Squads have a name.");
  const auto& s = PlanOf(r);
  const auto* j = s.FindEntity("SquadMembership");
  ASSERT_TRUE(j) << Dump(r);
  EXPECT_TRUE(j->FindField("shirtNumber")) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Player", "SquadMembership", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Squad", "SquadMembership", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_FALSE(HasRelation(s, "Player", "Squad", RelationKind::kManyToMany)) << Dump(r);
  EXPECT_TRUE(Valid(s));
}

TEST(ExtractRules, EnrollWithGradeMakesEnrollment) {
  auto r = Analyze("A tutoring app. Pupils have a name. Pupils enroll in workshops with a grade and an enrollment date. "
                   "Workshops have a title.");
  const auto& s = PlanOf(r);
  const auto* j = s.FindEntity("Enrollment");
  ASSERT_TRUE(j) << Dump(r);
  EXPECT_TRUE(j->FindField("grade")) << Dump(r);
  EXPECT_TRUE(j->FindField("enrollmentDate")) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Pupil", "Enrollment", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Workshop", "Enrollment", RelationKind::kOneToMany)) << Dump(r);
}

// The attributes after "with" belong to the assignment, not to the clinics.
TEST(ExtractRules, AssignedWithDatesMakesAssignment) {
  auto r = Analyze("A clinic app. Nurses have a name. Nurses are assigned to clinics with a start date. "
                   "Clinics have an address.");
  const auto& s = PlanOf(r);
  const auto* j = s.FindEntity("Assignment");
  ASSERT_TRUE(j) << Dump(r);
  EXPECT_TRUE(j->FindField("startDate")) << Dump(r);
  const auto* c = s.FindEntity("Clinic");
  ASSERT_TRUE(c) << Dump(r);
  EXPECT_FALSE(c->FindField("startDate")) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Nurse", "Assignment", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Clinic", "Assignment", RelationKind::kOneToMany)) << Dump(r);
}

// "with friends" is company, not an attribute: the act stays a many-to-many.
TEST(ExtractRules, ActWithoutAttributesStaysManyToMany) {
  auto r = Analyze("A sports club app. Players have a name. Players join squads with friends. Squads have a name.");
  const auto& s = PlanOf(r);
  EXPECT_FALSE(s.FindEntity("SquadMembership")) << Dump(r);
  EXPECT_TRUE(HasRelation(s, "Player", "Squad", RelationKind::kManyToMany)) << Dump(r);
}

// "pupils enroll in workshops. Enrollments have a grade": the act's declared record carries the link.
TEST(ExtractRules, DeclaredActRecordCarriesTheLink) {
  auto r = Analyze("A tutoring app. Pupils have a name. Pupils enroll in workshops. Enrollments have a grade and a "
                   "date. Workshops have a title.");
  const auto& s = PlanOf(r);
  ASSERT_TRUE(s.FindEntity("Enrollment")) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Pupil", "Enrollment", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Workshop", "Enrollment", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_FALSE(HasRelation(s, "Pupil", "Workshop", RelationKind::kManyToMany)) << Dump(r);
}


// "readers can discuss under each story": discussing is commenting; "discuss" is a verb, not a
// plural noun.
TEST(ExtractRules, DiscussUnderMakesComments) {
  auto r = Analyze("Journalists publish stories with tags. Readers can discuss under each story.");
  const auto& s = PlanOf(r);
  ASSERT_TRUE(s.FindEntity("Comment")) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Story", "Comment", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_FALSE(s.FindEntity("Discuss")) << Dump(r);
}


// "donation funds: ...; each pledge is for a fund": the bare head word is the declared compound.
TEST(ExtractRules, BareHeadWordIsTheDeclaredCompound) {
  auto r = Analyze("Church giving. Donation funds: name, description. Each pledge is for a family and a fund. "
                   "Families have a name.");
  const auto& s = PlanOf(r);
  ASSERT_TRUE(s.FindEntity("DonationFund")) << Dump(r);
  EXPECT_FALSE(s.FindEntity("Fund")) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "DonationFund", "Pledge", RelationKind::kOneToMany)) << Dump(r);
}


// Modals before and quantifiers after the act do not hide it: "can also join several clubs".
TEST(ExtractRules, ActBetweenModalsAndQuantifiers) {
  auto r = Analyze("A school app. Students can also join several clubs with a role. Courses have a title.");
  const auto& s = PlanOf(r);
  const auto* j = s.FindEntity("ClubMembership");
  ASSERT_TRUE(j) << Dump(r);
  EXPECT_TRUE(j->FindField("role")) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Club", "ClubMembership", RelationKind::kOneToMany)) << Dump(r);
  auto r2 = Analyze("A school app. Students can also join several clubs. Courses have a title.");
  const auto& s2 = PlanOf(r2);
  EXPECT_TRUE(HasRelation(s2, "Student", "Club", RelationKind::kManyToMany)) << Dump(r2);
}


// "each loan has details like a due date": the details are example attributes, not a LoanDetail table.
TEST(ExtractRules, DetailsLikeAreNotRows) {
  auto r = Analyze("A library system. Members borrow books. Each loan has details like due date. Books have a title.");
  const auto& s = PlanOf(r);
  EXPECT_FALSE(s.FindEntity("LoanDetail")) << Dump(r);
}


// "assignments of drivers to vehicles with a start date": an act noun between two things joins them.
TEST(ExtractRules, ActNounOfAToBIsTheJoin) {
  auto r = Analyze("A fleet app. Drivers have a name. Vehicles have a plate. We track assignments of drivers to "
                   "vehicles with a start date.");
  const auto& s = PlanOf(r);
  const auto* j = s.FindEntity("Assignment");
  ASSERT_TRUE(j) << Dump(r);
  EXPECT_TRUE(j->FindField("startDate")) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Driver", "Assignment", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Vehicle", "Assignment", RelationKind::kOneToMany)) << Dump(r);
  const auto* v = s.FindEntity("Vehicle");
  ASSERT_TRUE(v);
  EXPECT_FALSE(v->FindField("startDate")) << Dump(r);
}


// Passive and reduced forms of the acts ("are enrolled in", "subscribed to") and ", each with ...".
TEST(ExtractRules, PassiveActsAndEachWithMakeJoins) {
  auto r = Analyze("A club app. Workshops have a title. Pupils have a name. Pupils are enrolled in workshops with a grade.");
  const auto& s = PlanOf(r);
  ASSERT_TRUE(s.FindEntity("Enrollment")) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Workshop", "Enrollment", RelationKind::kOneToMany)) << Dump(r);
  auto r2 = Analyze("A club app. Squads have a name. Pupils have a name. Pupils join squads, each with a role.");
  const auto& s2 = PlanOf(r2);
  const auto* j = s2.FindEntity("SquadMembership");
  ASSERT_TRUE(j) << Dump(r2);
  EXPECT_TRUE(j->FindField("role")) << Dump(r2);
}

// ", with a total" after the object describes the subject, not the link.
TEST(ExtractRules, CommaWithDescribesTheSubject) {
  auto r = Analyze("A clinic app. Services have a date and a cost. We make a payment register that joins several "
                   "services, with a discount and a total.");
  const auto& s = PlanOf(r);
  for (const auto& e : s.entities) EXPECT_EQ(e.name.find("Membership"), std::string::npos) << Dump(r);
}


// "paintings are lent to galleries; each loan has ...": the declared record of the act is the join.
TEST(ExtractRules, LentToWithDeclaredLoanJoins) {
  auto r = Analyze("An art archive. Painting: title, year. Gallery: name, city. Paintings are lent to galleries; each "
                   "loan has a start date and an insurance value.");
  const auto& s = PlanOf(r);
  ASSERT_TRUE(s.FindEntity("Loan")) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Painting", "Loan", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Gallery", "Loan", RelationKind::kOneToMany)) << Dump(r);
}


// "job title history per employee (title, from, to)": a compound whose head is an attribute word
// stands as an entity when it has its own field list; without one it stays an attribute.
TEST(ExtractRules, AttributeHeadedCompoundWithFieldsIsAnEntity) {
  auto r = Analyze("Staff records.\nworker: worker_no, first_name, last_name\njob title history per worker (title, "
                   "from_date, to_date)");
  const auto& s = PlanOf(r);
  ASSERT_TRUE(s.FindEntity("JobTitle")) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Worker", "JobTitle", RelationKind::kOneToMany)) << Dump(r);
  auto r2 = Analyze("Staff records. Workers have a name and a job title. Shifts have a date.");
  EXPECT_FALSE(PlanOf(r2).FindEntity("JobTitle")) << Dump(r2);
  auto r3 = Analyze("Issue desk. Issues: title, body. Agents comment on issues and set status (new, open, closed).");
  EXPECT_FALSE(PlanOf(r3).FindEntity("SetStatus")) << Dump(r3);
}


// "a booking references a guest and a room", "order lines link one order to one product": the
// linking noun is the join of the two things.
TEST(ExtractRules, ReferencesTwoThingsMakesTheJoin) {
  auto r = Analyze("An airline app. Passengers have a name. Flights have a number. Each ticket references a passenger "
                   "and a flight.");
  const auto& s = PlanOf(r);
  ASSERT_TRUE(s.FindEntity("Ticket")) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Passenger", "Ticket", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Flight", "Ticket", RelationKind::kOneToMany)) << Dump(r);
}


// "leases link a tenant to a flat with a start date and a monthly rent": the attributes are the
// linking noun's, not the tenant's; "... and has a quantity" likewise.
TEST(ExtractRules, LinkingNounTakesTheLinkAttributes) {
  auto r = Analyze("A rentals app. Tenants have a name. Flats have a number. Leases link a tenant to a flat with a "
                   "start date and a monthly rent.");
  const auto& s = PlanOf(r);
  const auto* l = s.FindEntity("Lease");
  ASSERT_TRUE(l) << Dump(r);
  EXPECT_TRUE(l->FindField("startDate")) << Dump(r);
  EXPECT_TRUE(l->FindField("monthlyRent")) << Dump(r);
  const auto* t = s.FindEntity("Tenant");
  ASSERT_TRUE(t);
  EXPECT_FALSE(t->FindField("startDate")) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Flat", "Lease", RelationKind::kOneToMany)) << Dump(r);
  auto r2 = Analyze("A shop. Orders have a date. Products have a price. Each order line links an order to a product "
                    "and has a quantity and a unit price.");
  const auto* ol = PlanOf(r2).FindEntity("OrderLine");
  ASSERT_TRUE(ol) << Dump(r2);
  EXPECT_TRUE(ol->FindField("quantity")) << Dump(r2);
}


// "patients book consultations with a doctor": the doctor has many appointments, not the reverse.
TEST(ExtractRules, ThingWithAPersonBelongsToThePerson) {
  auto r = Analyze("A medical practice. Patients book consultations with a doctor. Each consultation has a date and "
                   "a note. Doctors have a name.");
  const auto& s = PlanOf(r);
  ASSERT_TRUE(s.FindEntity("Consultation")) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Doctor", "Consultation", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_FALSE(HasDirected(s, "Consultation", "Doctor", RelationKind::kOneToMany)) << Dump(r);
}


// "players belong to several squads with a shirt number": a stated many-to-many whose link carries a
// link attribute is a join named after the two; other attributes ("tags with a color") do not.
TEST(ExtractRules, ManyToManyWithLinkAttributeIsAJoin) {
  auto r = Analyze("A club app. Squads have a name. Players have a name. Players belong to several squads with a "
                   "shirt number.");
  const auto& s = PlanOf(r);
  const auto* j = s.FindEntity("SquadPlayer");
  ASSERT_TRUE(j) << Dump(r);
  EXPECT_TRUE(j->FindField("shirtNumber")) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Player", "SquadPlayer", RelationKind::kOneToMany)) << Dump(r);
  EXPECT_TRUE(HasDirected(s, "Squad", "SquadPlayer", RelationKind::kOneToMany)) << Dump(r);
  auto r2 = Analyze("A cooking app. Recipes have a title. Recipes have many tags with a color.");
  EXPECT_FALSE(PlanOf(r2).FindEntity("TagRecipe")) << Dump(r2);
  auto r3 = Analyze("A film archive. Films have a title. Actors have a name. Actors appear in many films with a role.");
  const auto& s3 = PlanOf(r3);
  EXPECT_FALSE(s3.FindEntity("Appear")) << Dump(r3);
  ASSERT_TRUE(s3.FindEntity("FilmActor")) << Dump(r3);
}

}  // namespace
}  // namespace bf::analyze
