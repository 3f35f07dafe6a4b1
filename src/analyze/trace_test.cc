#include "analyze/trace.h"

#include <gtest/gtest.h>

#include "analyze/analyzer.h"

namespace bf::analyze {
namespace {

constexpr const char* kText =
    "A campground backend. Sites: number, type, nightly rate. Campers book sites for a range of dates; each "
    "booking belongs to one camper. Sites can have parent sites.";

// While a capture is set, each record and relation of the draft names the rule lines behind it,
// and the analysis itself is the same as without the capture.
TEST(RuleTrace, NamesTheRuleLinesWithoutChangingTheAnalysis) {
  const std::string plain = ToJson(Analyze(kText)).dump();
  RuleTrace trace;
  CaptureRuleTrace(&trace);
  EXPECT_TRUE(TracingRules());
  const std::string traced = ToJson(Analyze(kText)).dump();
  CaptureRuleTrace(nullptr);
  EXPECT_FALSE(TracingRules());
  EXPECT_EQ(plain, traced);

  bool site = false, booking = false;
  for (const auto& r : trace.records) {
    EXPECT_NE(r.origin.find(".cc:"), std::string::npos) << r.name << " " << r.origin;
    site = site || r.name == "Site";
    booking = booking || r.name == "Booking";
  }
  EXPECT_TRUE(site);
  EXPECT_TRUE(booking);
  bool camper_booking = false, self = false;
  for (const auto& r : trace.relations) {
    EXPECT_NE(r.origin.find(".cc:"), std::string::npos) << r.from << "-" << r.to << " " << r.origin;
    if ((r.from == "Camper" && r.to == "Booking") || (r.from == "Booking" && r.to == "Camper")) {
      camper_booking = true;
      // The pattern that found it is named with its type and connective ("campers book sites"
      // or "each booking belongs to one camper").
      EXPECT_TRUE(r.origin.find("|join:Booking| book ") != std::string::npos ||
                  r.origin.find("belongs to") != std::string::npos)
          << r.origin;
    }
    self = self || (r.from == "Site" && r.to == "Site");
  }
  EXPECT_TRUE(camper_booking);
  EXPECT_TRUE(self);
}

// A candidate the extractor turns down is traced with the line of the filter that did it and the
// evidence it had.
TEST(RuleTrace, NamesTheFilterThatTurnsACandidateDown) {
  RuleTrace trace;
  CaptureRuleTrace(&trace);
  Analyze("A shop backend. Orders have a total and a status. Customers get email notifications when orders ship.");
  CaptureRuleTrace(nullptr);
  bool found = false;
  for (const auto& r : trace.rejected) {
    if (r.name != "EmailNotification") continue;
    found = true;
    EXPECT_EQ(r.origin.find("extract.cc:"), 0u) << r.origin;
    EXPECT_NE(r.origin.find(" score="), std::string::npos) << r.origin;
  }
  EXPECT_TRUE(found);
  for (const auto& r : trace.records) EXPECT_NE(r.name, "EmailNotification");
}

// A released capture is left alone: later analyses record nothing into it.
TEST(RuleTrace, AReleasedCaptureKeepsItsTrace) {
  RuleTrace trace;
  CaptureRuleTrace(&trace);
  Analyze("A blog: posts have a title and a body.");
  CaptureRuleTrace(nullptr);
  ASSERT_FALSE(trace.records.empty());
  const std::string first = trace.records.front().name;
  const size_t n = trace.records.size();
  Analyze(kText);
  EXPECT_EQ(trace.records.size(), n);
  EXPECT_EQ(trace.records.front().name, first);
  EXPECT_EQ(Here().find("trace_test.cc:"), 0u);
}

}  // namespace
}  // namespace bf::analyze
