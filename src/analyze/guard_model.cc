#include "analyze/guard_model.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include "analyze/guard.h"
#include "analyze/text.h"
#include "common/strings.h"

namespace bf::analyze {
namespace {

namespace refusal {
#include "analyze/guard_model_data.inc"
}  // namespace refusal
namespace vague {
#include "analyze/clarify_model_data.inc"
}  // namespace vague

// "tracks" and "track" are one feature: a few hundred training descriptions cannot teach every
// inflection. Only a plural/3rd-person "s" is removed ("address", "status" and "analysis" keep it).
std::string Stem(std::string_view w) {
  if (w.size() > 3 && w.back() == 's') {
    char p = w[w.size() - 2];
    if (p != 's' && p != 'u' && p != 'i') w.remove_suffix(1);
  }
  return std::string(w);
}

std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> words;
  for (auto& w : Split(NormalizeForPhrases(text), ' ')) {
    if (w.empty()) continue;  // the normalized text starts and ends with a space
    bool digits = std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
    words.push_back(digits ? std::string("#") : Stem(w));
  }
  return words;
}

// Logits for features looked up by `row` (nullptr when the model has no weights for a feature).
// Features are binary and L2-normalized, so long descriptions do not score higher for their length.
template <class RowFn>
std::vector<double> Probabilities(size_t classes, const double* bias,
                                  const std::vector<std::string>& features, RowFn row) {
  std::vector<double> z(bias, bias + classes);
  double scale = features.empty() ? 0.0 : 1.0 / std::sqrt(static_cast<double>(features.size()));
  for (const auto& f : features) {
    if (const auto* w = row(f)) {
      for (size_t k = 0; k < classes; ++k) z[k] += scale * w[k];
    }
  }
  double m = *std::max_element(z.begin(), z.end());
  double sum = 0;
  for (double& v : z) sum += (v = std::exp(v - m));
  for (double& v : z) v /= sum;
  return z;
}

GuardPrediction Decide(const std::vector<double>& p, const std::vector<std::string_view>& classes,
                       double threshold) {
  GuardPrediction out;
  out.legitProbability = p.empty() ? 1.0 : p[0];
  out.flagged = out.legitProbability < threshold;
  out.label = std::string(kGuardLegit);
  if (out.flagged) {
    size_t best = 1;
    for (size_t k = 2; k < p.size(); ++k) {
      if (p[k] > p[best]) best = k;
    }
    out.label = std::string(classes[best]);
  }
  return out;
}

// A description as the models read it: its word count (for the minimum length) and its features.
struct Featurized {
  size_t words = 0;
  std::vector<std::string> features;
};

Featurized Featurize(std::string_view text) {
  // Word pairs were tried and dropped: on the training set's cross-validation they refused more
  // legitimate descriptions at every threshold than words alone (a few hundred descriptions are
  // too few to estimate tens of thousands of pair weights). Dropping function words ("and", "we")
  // was tried too: no better in cross-validation, and worse on both adversarial measurement sets.
  Featurized out;
  // Negation scope: the three words after "no", "not", "never", "without", "don't" are features of
  // their own ("w:!sell" in "we never sell the data"), so a denial does not count as the act.
  std::vector<std::string> words = Words(text);
  out.words = words.size();
  int negated = 0;
  for (const auto& w : words) {
    bool negator =
        w == "no" || w == "not" || w == "never" || w == "without" || w == "t" || w == "nor";
    out.features.push_back((negated > 0 && !negator ? "w:!" : "w:") + w);
    negated = negator ? 3 : negated - 1;
  }
  for (auto& c : EthicsCueFeatures(text)) out.features.push_back(std::move(c));
  std::sort(out.features.begin(), out.features.end());
  out.features.erase(std::unique(out.features.begin(), out.features.end()), out.features.end());
  return out;
}

// Both models read the same sanitized text one right after the other: the last text's
// featurization is kept per thread (a pure function of the text, so results never depend on
// what was asked before).
const Featurized& CachedFeaturize(std::string_view text) {
  thread_local std::string last_text;
  thread_local Featurized last;
  thread_local bool have_last = false;
  if (!have_last || text != last_text) {
    last = Featurize(text);
    last_text.assign(text);
    have_last = true;
  }
  return last;
}

// Classification with one compiled-in table (the namespace of its .inc).
template <class Classes, class Bias, class Rows>
GuardPrediction ClassifyWith(const Classes& classes, const Bias& bias, double threshold,
                             int min_words, const Rows& rows, std::string_view text) {
  const Featurized& text_features = CachedFeaturize(text);
  if (text_features.words < static_cast<size_t>(min_words)) return GuardPrediction{};
  const std::vector<std::string>& features = text_features.features;
  auto row = [&](const std::string& f) -> const float* {
    auto it = std::lower_bound(
        rows.begin(), rows.end(), f,
        [](const auto& r, const std::string& key) { return key.compare(r.feature) > 0; });
    return it != rows.end() && f == it->feature ? it->w : nullptr;
  };
  std::vector<double> p = Probabilities(classes.size(), bias.data(), features, row);
  return Decide(p, std::vector<std::string_view>(classes.begin(), classes.end()), threshold);
}

}  // namespace

std::vector<std::string> GuardFeatures(std::string_view text) { return CachedFeaturize(text).features; }

GuardPrediction ClassifyGuard(std::string_view text) {
  using namespace refusal;
  return ClassifyWith(kGuardClasses, kGuardBias, kGuardThreshold, kGuardMinWords, kGuardRows, text);
}

std::vector<std::string> RefusalModelCategories() {
  std::vector<std::string> out;
  for (std::string_view c : refusal::kGuardClasses) {
    if (c != kGuardLegit) out.emplace_back(c);
  }
  return out;
}

GuardPrediction ClassifyVagueness(std::string_view text) {
  using namespace vague;
  return ClassifyWith(kGuardClasses, kGuardBias, kGuardThreshold, kGuardMinWords, kGuardRows, text);
}

std::vector<double> PredictGuard(const GuardModel& model,
                                 const std::vector<std::string>& features) {
  auto row = [&](const std::string& f) -> const double* {
    auto it = std::lower_bound(model.features.begin(), model.features.end(), f);
    return it != model.features.end() && *it == f
               ? model.weights[it - model.features.begin()].data()
               : nullptr;
  };
  return Probabilities(model.classes.size(), model.bias.data(), features, row);
}

double LegitProbability(const GuardModel& model, std::string_view text) {
  const Featurized& f = CachedFeaturize(text);
  if (f.words < static_cast<size_t>(model.minWords)) return 1.0;
  return PredictGuard(model, f.features)[0];
}

GuardModel TrainGuard(const std::vector<GuardExample>& examples, const GuardTrainOptions& options) {
  GuardModel model;
  model.threshold = options.threshold;
  model.minWords = options.minWords;
  // Classes: "legit" first, then the harmful categories in name order.
  std::set<std::string> harmful;
  for (const auto& e : examples) {
    if (e.label != kGuardLegit) harmful.insert(e.label);
  }
  model.classes.push_back(std::string(kGuardLegit));
  model.classes.insert(model.classes.end(), harmful.begin(), harmful.end());
  const size_t K = model.classes.size();
  std::map<std::string, size_t> class_index;
  for (size_t k = 0; k < K; ++k) class_index[model.classes[k]] = k;

  // Vocabulary: features in at least minDocFreq descriptions.
  std::vector<std::vector<std::string>> doc_features;
  std::map<std::string, int> df;
  for (const auto& e : examples) {
    doc_features.push_back(GuardFeatures(e.text));
    for (const auto& f : doc_features.back()) ++df[f];
  }
  for (const auto& [f, n] : df) {
    if (n >= options.minDocFreq) model.features.push_back(f);
  }
  std::map<std::string, size_t> feature_index;
  for (size_t i = 0; i < model.features.size(); ++i) feature_index[model.features[i]] = i;
  std::vector<std::vector<size_t>> rows(examples.size());
  std::vector<double> scale(examples.size());
  for (size_t d = 0; d < examples.size(); ++d) {
    for (const auto& f : doc_features[d]) {
      auto it = feature_index.find(f);
      if (it != feature_index.end()) rows[d].push_back(it->second);
    }
    // The same normalization as prediction: over all of a description's features, known or not.
    scale[d] = doc_features[d].empty()
                   ? 0.0
                   : 1.0 / std::sqrt(static_cast<double>(doc_features[d].size()));
  }

  // Example weights: legitimate and harmful descriptions weigh the same in total, and each harmful
  // category weighs the same, so a category with many examples does not drown a rare one.
  std::vector<int> per_class(K, 0);
  std::vector<size_t> y(examples.size());
  for (size_t d = 0; d < examples.size(); ++d) ++per_class[y[d] = class_index[examples[d].label]];
  size_t harmful_classes = 0;
  for (size_t k = 1; k < K; ++k) harmful_classes += per_class[k] > 0;
  std::vector<double> example_weight(examples.size());
  double total = 0;
  for (size_t d = 0; d < examples.size(); ++d) {
    size_t k = y[d];
    example_weight[d] =
        k == 0 ? options.legitShare / per_class[0]
               : (1 - options.legitShare) / static_cast<double>(harmful_classes) / per_class[k];
    total += example_weight[d];
  }
  for (double& w : example_weight) w /= total;

  model.bias.assign(K, 0.0);
  // Flat feature-major arrays: w[f * K + k]. Each element sums over the examples in the same
  // order as a nested layout would, so the model is bit-for-bit the same, only faster.
  const size_t F = model.features.size();
  std::vector<double> w(F * K, 0.0), grad(F * K);
  std::vector<double> grad_bias(K), z(K), g(K);
  for (int it = 0; it < options.iterations; ++it) {
    std::fill(grad.begin(), grad.end(), 0.0);
    std::fill(grad_bias.begin(), grad_bias.end(), 0.0);
    for (size_t d = 0; d < examples.size(); ++d) {
      z = model.bias;
      for (size_t f : rows[d]) {
        const double* wf = &w[f * K];
        for (size_t k = 0; k < K; ++k) z[k] += scale[d] * wf[k];
      }
      double m = *std::max_element(z.begin(), z.end());
      double sum = 0;
      for (double& v : z) sum += (v = std::exp(v - m));
      for (size_t k = 0; k < K; ++k) {
        g[k] = example_weight[d] * (z[k] / sum - (k == y[d] ? 1.0 : 0.0));
        grad_bias[k] += g[k];
      }
      for (size_t f : rows[d]) {
        double* gf = &grad[f * K];
        for (size_t k = 0; k < K; ++k) gf[k] += scale[d] * g[k];
      }
    }
    for (size_t k = 0; k < K; ++k) model.bias[k] -= options.rate * grad_bias[k];
    for (size_t i = 0; i < F * K; ++i) w[i] -= options.rate * (grad[i] + options.l2 * w[i]);
  }
  model.weights.assign(F, std::vector<double>(K));
  for (size_t f = 0; f < F; ++f) std::copy(&w[f * K], &w[f * K] + K, model.weights[f].begin());
  return model;
}

GuardCrossValidation CrossValidateGuard(const std::vector<GuardExample>& examples,
                                        const GuardTrainOptions& options, int folds) {
  GuardCrossValidation cv;
  for (int fold = 0; fold < folds; ++fold) {
    std::vector<GuardExample> train;
    std::vector<const GuardExample*> test;
    for (size_t i = 0; i < examples.size(); ++i) {
      if (static_cast<int>(i % folds) == fold) {
        test.push_back(&examples[i]);
      } else {
        train.push_back(examples[i]);
      }
    }
    GuardModel model = TrainGuard(train, options);
    for (const auto* e : test) {
      double legit = LegitProbability(model, e->text);
      bool refused = legit < options.threshold;
      cv.scores.emplace_back(legit, e->label != kGuardLegit);
      if (e->label == kGuardLegit) {
        ++cv.legit;
        cv.legitFlagged += refused;
      } else {
        ++cv.flaggable;
        cv.caught += refused;
      }
      if (refused != (e->label != kGuardLegit)) cv.misses.push_back(e->id);
    }
  }
  return cv;
}

std::string GuardModelSource(const GuardModel& model, std::string_view task) {
  // Weights below this magnitude change no decision; dropping them keeps the table small.
  constexpr double kDrop = 0.005;
  auto num = [](double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.5g", v);
    std::string s(buf);
    if (s.find_first_of(".e") == std::string::npos) s += ".0";  // "1.0f", never the invalid "1f"
    return s;
  };
  auto quote = [](const std::string& s) {
    std::string q = "\"";
    for (char c : s) {
      if (c == '"' || c == '\\') q += '\\';
      q += c;
    }
    return q + "\"";
  };
  std::vector<size_t> kept;
  for (size_t i = 0; i < model.features.size(); ++i) {
    double m = 0;
    for (double w : model.weights[i]) m = std::max(m, std::fabs(w));
    if (m >= kDrop) kept.push_back(i);
  }
  const size_t K = model.classes.size();
  std::string out;
  out += "// Generated by guard_train --task " + std::string(task) +
         " from testdata/analyze/guard_train/*.json (make guard-model). Do not edit.\n";
  out += "// " + std::to_string(model.features.size()) + " features trained, " +
         std::to_string(kept.size()) + " kept (|weight| >= " + num(kDrop) + ").\n";
  out +=
      "inline constexpr std::array<std::string_view, " + std::to_string(K) + "> kGuardClasses = {";
  for (size_t k = 0; k < K; ++k) out += (k ? ", " : "") + quote(model.classes[k]);
  out += "};\n";
  out += "inline constexpr std::array<double, " + std::to_string(K) + "> kGuardBias = {";
  for (size_t k = 0; k < K; ++k) out += (k ? ", " : "") + num(model.bias[k]);
  out += "};\n";
  out += "inline constexpr double kGuardThreshold = " + num(model.threshold) + ";\n";
  out += "inline constexpr int kGuardMinWords = " + std::to_string(model.minWords) + ";\n";
  out += "struct GuardRow {\n  const char* feature;\n  float w[" + std::to_string(K) + "];\n};\n";
  out += "inline constexpr std::array<GuardRow, " + std::to_string(kept.size()) +
         "> kGuardRows = {{\n";
  for (size_t i : kept) {
    out += "    {" + quote(model.features[i]) + ", {";
    for (size_t k = 0; k < K; ++k) out += (k ? ", " : "") + num(model.weights[i][k]) + "f";
    out += "}},\n";
  }
  out += "}};\n";
  return out;
}

}  // namespace bf::analyze
