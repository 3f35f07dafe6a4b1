// The login record named after the account holders a text speaks of. Every description here is
// written for the test; none is taken from an evaluation case.
#include <gtest/gtest.h>

#include <algorithm>

#include "analyze/analyzer.h"
#include "analyze/test_util.h"
#include "spec/spec_edit.h"
#include "spec/validate.h"

namespace bf::analyze {
namespace {

using spec::RelationKind;
using testing::Dump;
using testing::Linked;
using testing::PlanOf;

// "Members book boats": a text that never says users, logins or accounts names its login record
// after the one kind of account holder it speaks of, and the auth section follows.
TEST(AccountHolder, OneKindOfHolderNamesTheLogin) {
  auto r = Analyze("We rent boats to our club members. Members book a boat for a day.");
  const auto& s = PlanOf(r);
  EXPECT_EQ(s.auth.userEntity, "Member") << Dump(r);
  EXPECT_EQ(s.FindEntity("User"), nullptr) << Dump(r);
  ASSERT_NE(s.FindEntity("Member"), nullptr) << Dump(r);
  EXPECT_EQ(s.FindEntity("Member")->plural, "Members");
  EXPECT_TRUE(Linked(s, "Member", "Booking")) << Dump(r);
  EXPECT_TRUE(spec::Validate(s).empty()) << Dump(r);
  bool said = false;
  for (const auto& a : r.assumptions) said = said || a.find("log in (Member)") != std::string::npos;
  EXPECT_TRUE(said) << Dump(r);

  auto g = Analyze("A gym app. Members book classes and track their workouts.");
  EXPECT_EQ(PlanOf(g).auth.userEntity, "Member") << Dump(g);
  EXPECT_TRUE(Linked(PlanOf(g), "Member", "Workout")) << Dump(g);
}

// "track customers, their gardens": with no login mentioned the customers are still in the text, so
// the login named after them is no default (the auth feature is); a login nobody names stays one.
TEST(AccountHolder, NamedHoldersAreNoDefaultedEntity) {
  auto r = Analyze(
      "Lawn-mowing round: track customers, their gardens, the visit rota, and send a text reminder the day "
      "before each visit.");
  EXPECT_EQ(PlanOf(r).auth.userEntity, "Customer") << Dump(r);
  EXPECT_TRUE(r.defaultedEntities.empty()) << Dump(r);
  auto d = Analyze("A recipe site. Recipes have a title and steps; ingredients have a name and a unit.");
  ASSERT_EQ(d.defaultedEntities.size(), 1u) << Dump(d);
  EXPECT_EQ(d.defaultedEntities.front(), "User") << Dump(d);
}

// The rename is an ordinary spec edit: renaming back restores a User that still logs in.
TEST(AccountHolder, RenamingBackRestoresUser) {
  auto r = Analyze("A reading club. Members log the books they read with a rating.");
  spec::AppSpec s = PlanOf(r);
  ASSERT_EQ(s.auth.userEntity, "Member") << Dump(r);
  ASSERT_TRUE(spec::Apply(s, spec::SpecEdit{spec::edit::RenameEntity{"Member", "User", ""}}));
  EXPECT_EQ(s.auth.userEntity, "User");
  EXPECT_NE(s.FindEntity("User"), nullptr);
  EXPECT_TRUE(spec::Validate(s).empty());
}

// "Customers sign up ... Customers: name, phone, address": the holders are a record of the text and
// the ones who log in, so that record is the login: it takes the email and the login's relations.
TEST(AccountHolder, HoldersKeptAsARecordWhoLogInAreTheLogin) {
  auto r = Analyze(
      "A cake shop. Customers sign up and order cakes for pickup. Customers: name, phone, address. Orders: pickup "
      "date, total.");
  const auto& s = PlanOf(r);
  EXPECT_EQ(s.auth.userEntity, "Customer") << Dump(r);
  EXPECT_EQ(s.FindEntity("User"), nullptr) << Dump(r);
  const auto* c = s.FindEntity("Customer");
  ASSERT_NE(c, nullptr) << Dump(r);
  const auto* email = c->FindField("email");
  ASSERT_NE(email, nullptr) << Dump(r);
  EXPECT_TRUE(email->required && email->unique) << Dump(r);
  EXPECT_NE(c->FindField("phone"), nullptr) << Dump(r);
  EXPECT_TRUE(Linked(s, "Customer", "Order")) << Dump(r);
  EXPECT_TRUE(spec::Validate(s).empty()) << Dump(r);
}

// Where the text speaks of users, of two kinds of holders, of other people with roles of their own,
// or keeps the holders as a record and never mentions logging in, the login stays User.
TEST(AccountHolder, OtherwiseTheLoginStaysUser) {
  for (const char* text : {
           // users are named
           "A boat club. Users sign up, and members book a boat for a day.",
           // two kinds of holders: roles of one login
           "A marketplace where sellers list handmade items and buyers order them.",
           // other people sign in with a role of their own
           "A helpdesk. Tickets have a subject and a status; agents answer tickets from a customer.",
           // the holders are a record of their own and nobody mentions logging in: the staff's login
           "A bakery. Customers: name, phone, address. Orders: pickup date, total. Customers place orders.",
           // a word that is as often a role in a record or a customer organisation
           "A SaaS for property managers: each tenant has its own buildings and units.",
           // one passing mention of a single holder
           "An esports league. Players create teams and join teams; for every member we keep the date they "
           "joined. Tournaments have a name and a prize.",
       }) {
    auto r = Analyze(text);
    EXPECT_EQ(PlanOf(r).auth.userEntity, "User") << text << "\n" << Dump(r);
  }
}

// "Members log in and borrow books; librarians manage the catalogue": the one kind of account holder
// among the roles is who registers, so new accounts get "member", not a generic "user". Two kinds of
// holder, or a text that speaks of users, keep "user".
TEST(AccountHolder, TheHoldersRoleIsTheDefault) {
  auto r =
      Analyze("A library backend. Members log in, borrow books and place holds. Librarians manage the catalogue.");
  const auto& s = PlanOf(r);
  EXPECT_EQ(s.auth.defaultRole, "member") << Dump(r);
  EXPECT_EQ(std::count(s.roles.begin(), s.roles.end(), "user"), 0) << Dump(r);
  EXPECT_EQ(std::count(s.roles.begin(), s.roles.end(), "librarian"), 1) << Dump(r);
  EXPECT_TRUE(spec::Validate(s).empty()) << Dump(r);
  auto g = Analyze("A gym app. Members book classes and track their workouts.");
  EXPECT_EQ(PlanOf(g).auth.userEntity, "Member") << Dump(g);
  EXPECT_EQ(PlanOf(g).auth.defaultRole, "member") << Dump(g);
  auto m = Analyze("A marketplace where buyers and sellers trade used bikes. Sellers list bikes, buyers make offers.");
  EXPECT_EQ(PlanOf(m).auth.defaultRole, "user") << Dump(m);
  auto u = Analyze("A library backend. Users log in as members or librarians; members borrow books.");
  EXPECT_EQ(PlanOf(u).auth.defaultRole, "user") << Dump(u);
}

}  // namespace
}  // namespace bf::analyze
