// Extraction rules from a fifth round of error analysis: patterns that recur across many read
// evaluation sets, checked on everyday wording. Every description here is written for the test;
// none is taken from an evaluation case.
#include <gtest/gtest.h>

#include "analyze/analyzer.h"
#include "analyze/test_util.h"

namespace bf::analyze {
namespace {

using spec::RelationKind;
using testing::Dump;
using testing::HasDirected;
using testing::HasField;
using testing::PlanOf;

// "Comments belong to a post", "every city belongs to a country": both sides of a verb of
// belonging are records, even words that are usually a feature ("comments") or a column ("city").
TEST(ExtractRules5, BothSidesOfBelongingAreRecords) {
  for (const char* text : {"Comments belong to a post. Posts have a title.",
                           "Every comment belongs to a post. Posts have a title and a body."}) {
    auto r = Analyze(text);
    const auto& s = PlanOf(r);
    EXPECT_TRUE(HasDirected(s, "Post", "Comment", RelationKind::kOneToMany)) << text << "\n" << Dump(r);
  }
  auto r = Analyze("A store locator. Stores have a name and opening hours. Every city belongs to a country.");
  const auto& s = PlanOf(r);
  EXPECT_TRUE(HasDirected(s, "Country", "City", RelationKind::kOneToMany)) << Dump(r);
  // ("every record belongs to the logged-in person" is about all data, not a Record table.)
  auto r2 = Analyze("A habit tracker. Habits have a name; check-ins have a date. Every record belongs to the logged-in person.");
  EXPECT_EQ(PlanOf(r2).FindEntity("Record"), nullptr) << Dump(r2);
}

}  // namespace
}  // namespace bf::analyze
