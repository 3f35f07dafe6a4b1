// Learned text classifiers beside the phrase rules: multinomial logistic regression over stemmed
// words and the rules' cue lists, trained on labelled descriptions (testdata/analyze/guard_train/)
// by `guard_train` and compiled in as generated tables:
//  - the refusal model (guard_model_data.inc): "legit" against harm categories. The phrase rules of
//    guard.cc catch the wordings they list; the model generalizes to wordings no rule lists ("she
//    must not notice the app", "no prescription check"). CheckEthics refuses when either does.
//  - the clarify model (clarify_model_data.inc): "legit" (concrete enough to plan) against
//    "clarify" (codenames, references to material not given, "you decide"). AssessClarity asks
//    questions when it fires and the extractor found no concrete records.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace bf::analyze {

// The negative class of both models: a description to plan.
inline constexpr std::string_view kGuardLegit = "legit";

// Binary features of a description: stemmed words ("w:track") and the cue lists of the phrase
// rules it touches ("c:conceal", see EthicsCueFeatures), sorted and without duplicates.
std::vector<std::string> GuardFeatures(std::string_view text);

struct GuardPrediction {
  std::string label;            // the most probable non-legit class, or "legit"
  double legitProbability = 1;  // probability of "legit"
  bool flagged = false;         // legitProbability below the model's decision threshold
};

// Classifies with the compiled-in refusal model (label: a harm category).
GuardPrediction ClassifyGuard(std::string_view text);
// Classifies with the compiled-in clarify model (label: "clarify").
GuardPrediction ClassifyVagueness(std::string_view text);
// The harm categories of the compiled-in refusal model (its classes but "legit").
std::vector<std::string> RefusalModelCategories();

// ---- Training (the guard_train tool and its tests) ----

struct GuardExample {
  std::string id;
  std::string label;  // "legit", or the class to flag (a harm category, "clarify")
  std::string text;
};

struct GuardTrainOptions {
  int iterations = 1600;
  double rate = 8.0;        // gradient-descent step on L2-normalized features
  double l2 = 2e-4;         // weight decay
  int minDocFreq = 2;       // features seen in fewer training descriptions are dropped
  double threshold = 0.5;   // refuse below this legit probability
  double legitShare = 0.5;  // share of the total example weight that legitimate examples carry
  // Below this many words the model never flags a description (the phrase rules still apply). Both
  // committed models read every length (guard_train_main.cc).
  int minWords = 20;
};

struct GuardModel {
  std::vector<std::string> classes;  // classes[0] is "legit"
  std::vector<double> bias;
  std::vector<std::string> features;         // sorted
  std::vector<std::vector<double>> weights;  // weights[i][class] for features[i]
  double threshold = 0.5;
  int minWords = 0;
};

// Deterministic: the same examples in the same order give the same model.
GuardModel TrainGuard(const std::vector<GuardExample>& examples, const GuardTrainOptions& options);

// Class probabilities (in model.classes order) for a description's features.
std::vector<double> PredictGuard(const GuardModel& model, const std::vector<std::string>& features);
// The legit probability of a description under `model`: 1 below model.minWords words.
double LegitProbability(const GuardModel& model, std::string_view text);

struct GuardCrossValidation {
  int flaggable = 0, caught = 0;    // non-legit examples, and those the held-out fold flagged
  int legit = 0, legitFlagged = 0;  // legitimate examples, and those wrongly flagged
  std::vector<std::string> misses;  // ids of the examples decided wrongly
  // Held-out legit probability of every example, with whether it is non-legit (for threshold
  // sweeps).
  std::vector<std::pair<double, bool>> scores;
};
// k-fold cross-validation: example i is held out in fold i % folds.
GuardCrossValidation CrossValidateGuard(const std::vector<GuardExample>& examples,
                                        const GuardTrainOptions& options, int folds);

// C++ source of the model for a *_model_data.inc (weights rounded; tiny weights dropped). `task`
// names the guard_train --task that writes it.
std::string GuardModelSource(const GuardModel& model, std::string_view task);

}  // namespace bf::analyze
