#include "analyze/guard_model.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <regex>

namespace bf::analyze {
namespace {

bool Has(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

TEST(GuardFeatures, StemmedWordsAndCueListsSortedUnique) {
  auto f = GuardFeatures("She tracks the Tracks; status 42 of 7 addresses!");
  EXPECT_TRUE(Has(f, "w:track"));     // "tracks" and "Tracks" are one feature
  EXPECT_TRUE(Has(f, "w:status"));    // "status" keeps its s
  EXPECT_TRUE(Has(f, "w:addresse"));  // only a final s is removed
  EXPECT_TRUE(Has(f, "w:#"));         // numbers are one token
  EXPECT_FALSE(Has(f, "w:42"));
  EXPECT_TRUE(std::is_sorted(f.begin(), f.end()));
  EXPECT_EQ(std::adjacent_find(f.begin(), f.end()), f.end());
  EXPECT_TRUE(GuardFeatures("  ...  ").empty());
  // Cue lists of the phrase rules, with a second feature when two cues of a list occur.
  auto c = GuardFeatures("It reads her messages secretly, without her knowing.");
  EXPECT_TRUE(Has(c, "c:conceal"));
  EXPECT_TRUE(Has(c, "c:conceal2"));
  EXPECT_TRUE(Has(c, "c:target"));
  EXPECT_FALSE(Has(c, "c:coerce"));
  // The three words after a negation are features of their own; the fourth is not.
  auto n = GuardFeatures("We never sell the data to brokers.");
  EXPECT_TRUE(Has(n, "w:!sell"));
  EXPECT_TRUE(Has(n, "w:!data"));
  EXPECT_FALSE(Has(n, "w:sell"));
  EXPECT_TRUE(Has(n, "w:to"));
  EXPECT_FALSE(Has(n, "w:!to"));
  EXPECT_TRUE(Has(n, "w:never"));
}

std::vector<GuardExample> ToyExamples() {
  return {
      {"h1", "spying", "hidden app reads her messages without her knowing"},
      {"h2", "spying", "secretly read his messages, he must not know, hidden icon"},
      {"h3", "spying", "track her location secretly without her knowing"},
      {"h4", "scam", "fake bank page steals the passwords victims type"},
      {"h5", "scam", "clone of the bank login to steal passwords from victims"},
      {"l1", "legit", "a recipe app where users share recipes and comments"},
      {"l2", "legit", "team members read their messages in a shared inbox"},
      {"l3", "legit", "clinic bookings with doctors, patients and appointments"},
      {"l4", "legit", "users change their passwords on the account page"},
      {"l5", "legit", "a library tracks books, loans and members"},
  };
}

TEST(GuardTraining, SeparatesAToySetAndNamesTheCategory) {
  auto ex = ToyExamples();
  GuardTrainOptions opt;
  opt.minDocFreq = 1;
  GuardModel m = TrainGuard(ex, opt);
  ASSERT_EQ(m.classes.size(), 3u);
  EXPECT_EQ(m.classes[0], "legit");  // legit first, then categories by name
  EXPECT_EQ(m.classes[1], "scam");
  for (const auto& e : ex) {
    auto p = PredictGuard(m, GuardFeatures(e.text));
    EXPECT_EQ(p[0] < opt.threshold, e.label != "legit") << e.id;
    if (e.label != "legit") {
      size_t best = std::max_element(p.begin() + 1, p.end()) - p.begin();
      EXPECT_EQ(m.classes[best], e.label) << e.id;
    }
  }
  // A new wording of a trained intent.
  EXPECT_LT(PredictGuard(m, GuardFeatures(
                                "an app that reads her messages secretly, without her knowing"))[0],
            0.5);
}

TEST(GuardTraining, DeterministicAndPrintsValidLiterals) {
  auto ex = ToyExamples();
  GuardTrainOptions opt;
  opt.minDocFreq = 1;
  std::string a = GuardModelSource(TrainGuard(ex, opt), "refusal");
  EXPECT_EQ(a, GuardModelSource(TrainGuard(ex, opt), "refusal"));
  EXPECT_NE(a.find("kGuardClasses = {\"legit\", \"scam\", \"spying\"}"), std::string::npos)
      << a.substr(0, 400);
  // Every float literal has a point or an exponent ("1f" does not compile).
  EXPECT_FALSE(std::regex_search(a, std::regex("[^0-9.e+-][-]?[0-9]+f[,}]"))) << a;
  // Features seen once are dropped with the default minimum document frequency.
  GuardModel pruned = TrainGuard(ex, GuardTrainOptions{});
  EXPECT_LT(pruned.features.size(), TrainGuard(ex, opt).features.size());
  EXPECT_TRUE(std::binary_search(pruned.features.begin(), pruned.features.end(),
                                 std::string("w:secretly")));
}

TEST(GuardCrossValidation, CountsHeldOutDecisions) {
  auto ex = ToyExamples();
  GuardTrainOptions opt;
  opt.minDocFreq = 1;
  auto cv = CrossValidateGuard(ex, opt, 5);
  EXPECT_EQ(cv.flaggable, 5);
  EXPECT_EQ(cv.legit, 5);
  EXPECT_EQ(static_cast<int>(cv.misses.size()), (cv.flaggable - cv.caught) + cv.legitFlagged);
  EXPECT_EQ(cv.scores.size(), 10u);
}

}  // namespace
}  // namespace bf::analyze
