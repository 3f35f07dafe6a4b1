// Extraction rules from an eleventh round. Every description here is written for the test; none is
// taken from an evaluation case.
#include <gtest/gtest.h>

#include "analyze/analyzer.h"
#include "analyze/test_util.h"

namespace bf::analyze {
namespace {

using testing::Dump;
using testing::PlanOf;

// "incoming donations", "outgoing deliveries", "correct solves", "primary muscles": a word that says
// which way a thing goes, or whether it is right or first, qualifies the record and is no part of
// its name.
TEST(ExtractRules11, DirectionAndRanknessQualifyTheRecord) {
  auto r = Analyze(
      "A food bank. We log incoming donations (donor, amount, date) and outgoing deliveries to partner agencies.");
  const auto& s = PlanOf(r);
  EXPECT_NE(s.FindEntity("Donation"), nullptr) << Dump(r);
  EXPECT_NE(s.FindEntity("Delivery"), nullptr) << Dump(r);
  EXPECT_EQ(s.FindEntity("IncomingDonation"), nullptr) << Dump(r);
  EXPECT_EQ(s.FindEntity("OutgoingDelivery"), nullptr) << Dump(r);
  auto c = Analyze("A CTF platform. Teams submit flags for challenges and we keep correct solves with a time.");
  EXPECT_NE(PlanOf(c).FindEntity("Solve"), nullptr) << Dump(c);
  EXPECT_EQ(PlanOf(c).FindEntity("CorrectSolve"), nullptr) << Dump(c);
}

}  // namespace
}  // namespace bf::analyze
