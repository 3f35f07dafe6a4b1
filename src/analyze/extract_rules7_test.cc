// Extraction rules from an audit of where the rules' relations come from (a seventh round): each
// relation of a draft records the line of the rule that drew it, and the rules whose relations
// were mostly wrong on the read evaluation sets were narrowed. Every description here is written
// for the test; none is taken from an evaluation case.
#include <gtest/gtest.h>

#include "analyze/analyzer.h"
#include "analyze/test_util.h"

namespace bf::analyze {
namespace {

using spec::RelationKind;
using testing::Dump;
using testing::HasRelation;
using testing::PlanOf;

// "Sites: number, type, kids, pets": a plural item of a field list is a column of the record, not
// a child record of its own (this was right for 6 of 61 relations on the read sets). Categories
// and genres are the lookups a list names this way.
TEST(ExtractRules7, PluralItemsOfAFieldListAreColumns) {
  auto r = Analyze(
      "A campground booking backend. Sites: number, type, kids, pets, nightly rate. Campers book sites for a range "
      "of dates.");
  const auto& s = PlanOf(r);
  EXPECT_EQ(s.FindEntity("Kid"), nullptr) << Dump(r);
  EXPECT_EQ(s.FindEntity("Pet"), nullptr) << Dump(r);
  ASSERT_NE(s.FindEntity("Site"), nullptr) << Dump(r);
  EXPECT_NE(s.FindEntity("Site")->FindField("pets"), nullptr) << Dump(r);
  auto r2 = Analyze("A fuel log. Vehicles: name, plate, gallons, tags. Fill-ups have a date, odometer and cost.");
  EXPECT_EQ(PlanOf(r2).FindEntity("Gallon"), nullptr) << Dump(r2);
  EXPECT_EQ(PlanOf(r2).FindEntity("Tag"), nullptr) << Dump(r2);
  auto r3 = Analyze("A podcast host. Podcasts: title, description, language, categories. Episodes have a title.");
  EXPECT_TRUE(HasRelation(PlanOf(r3), "Podcast", "Category", RelationKind::kOneToMany)) << Dump(r3);
}

}  // namespace
}  // namespace bf::analyze
