// guard_train: trains a learned classifier of guard_model.h on labelled descriptions and writes its
// C++ table. Usage:
//   guard_train [--task refusal|clarify] [--cv FOLDS [--sweep]] [--set NAME=VALUE]...
//               [--out FILE.inc] [--check FILE.inc] [--explain TEXT]... EXAMPLES.json...
// Each file is a JSON array of {"id", "label" ("legit", "clarify" or a harm category), "text"}.
// --task refusal (default) learns harm categories against everything else; --task clarify learns
// "clarify" against everything else. --cv prints k-fold cross-validation (--sweep: at several
// thresholds). --set overrides a training option of the task (see GuardTrainOptions). --check exits
// 1 unless the committed table is what these examples train, and the compiled-in (rounded, pruned)
// model decides every example as the full-precision model does. --explain prints a text's legit
// probability and the features that pull it hardest towards the top class. Examples are sorted by
// id, so the file order does not change the model.
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "analyze/guard_model.h"

namespace {

int Usage() {
  std::cerr
      << "usage: guard_train [--task refusal|clarify] [--cv FOLDS [--sweep]] [--set NAME=VALUE]... "
         "[--out FILE.inc] [--check FILE.inc] EXAMPLES.json...\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  using bf::analyze::GuardExample;
  std::string out_path, check_path;
  int folds = 0;
  std::vector<std::string> files;
  std::vector<std::string> sets, explain;
  bool sweep = false;
  std::string task = "refusal";
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--out" && i + 1 < argc) {
      out_path = argv[++i];
    } else if (a == "--check" && i + 1 < argc) {
      check_path = argv[++i];
    } else if (a == "--cv" && i + 1 < argc) {
      folds = std::atoi(argv[++i]);
      if (folds < 2) return Usage();
    } else if (a == "--task" && i + 1 < argc) {
      task = argv[++i];
      if (task != "refusal" && task != "clarify") return Usage();
    } else if (a == "--explain" && i + 1 < argc) {
      explain.push_back(argv[++i]);
    } else if (a == "--sweep") {
      sweep = true;
    } else if (a == "--set" && i + 1 < argc) {
      sets.push_back(argv[++i]);
    } else if (a.rfind("--", 0) == 0) {
      return Usage();
    } else {
      files.push_back(a);
    }
  }
  if (files.empty()) return Usage();
  // The committed hyperparameters of each task (chosen by cross-validation, see docs/ANALYZER.md):
  // both flag below a legit probability of 0.3 and read texts of every length (the refusal model
  // skipped texts under 20 words until short harmful requests were found to pass the phrase rules and
  // short examples of both kinds were added: see docs/ANALYZER.md).
  bf::analyze::GuardTrainOptions options;
  options.threshold = 0.3;
  options.minWords = 0;
  const std::map<std::string, std::function<void(double)>> setters = {
      {"iterations", [&](double v) { options.iterations = static_cast<int>(v); }},
      {"rate", [&](double v) { options.rate = v; }},
      {"l2", [&](double v) { options.l2 = v; }},
      {"minDocFreq", [&](double v) { options.minDocFreq = static_cast<int>(v); }},
      {"threshold", [&](double v) { options.threshold = v; }},
      {"legitShare", [&](double v) { options.legitShare = v; }},
      {"minWords", [&](double v) { options.minWords = static_cast<int>(v); }},
  };
  for (const auto& kv : sets) {
    auto eq = kv.find('=');
    auto it = setters.find(kv.substr(0, eq));
    if (eq == std::string::npos || it == setters.end()) {
      std::cerr << "guard_train: --set " << kv << ": expected NAME=NUMBER with NAME one of";
      for (const auto& [name, set] : setters) std::cerr << " " << name;
      std::cerr << "\n";
      return 2;
    }
    char* end = nullptr;
    double v = std::strtod(kv.c_str() + eq + 1, &end);
    if (end == kv.c_str() + eq + 1 || *end != '\0') {
      std::cerr << "guard_train: --set " << kv << ": the value is not a number\n";
      return 2;
    }
    it->second(v);
  }
  std::vector<GuardExample> examples;
  for (const auto& f : files) {
    std::ifstream in(f);
    if (!in) {
      std::cerr << "guard_train: cannot read " << f << "\n";
      return 1;
    }
    nlohmann::json j;
    try {
      in >> j;
      for (const auto& e : j) {
        std::string label = e.at("label").get<std::string>();
        if (task == "refusal") {
          // Too vague to plan is not harmful: the refusal model learns it as legitimate.
          if (label == "clarify") label = std::string(bf::analyze::kGuardLegit);
        } else if (label != "clarify") {
          // The clarify model tells vague descriptions from concrete ones, harmful or not.
          label = std::string(bf::analyze::kGuardLegit);
        }
        examples.push_back({e.at("id").get<std::string>(), label, e.at("text").get<std::string>()});
      }
    } catch (const std::exception& ex) {
      std::cerr << "guard_train: " << f << ": " << ex.what()
                << " (expected an array of {id, label, text})\n";
      return 1;
    }
  }
  std::sort(examples.begin(), examples.end(),
            [](const auto& a, const auto& b) { return a.id < b.id; });
  for (size_t i = 1; i < examples.size(); ++i) {
    if (examples[i].id == examples[i - 1].id) {
      std::cerr << "guard_train: duplicate id " << examples[i].id << "\n";
      return 1;
    }
  }
  if (folds) {
    auto cv = bf::analyze::CrossValidateGuard(examples, options, folds);
    std::cout << folds << "-fold cross-validation of the " << task << " model on "
              << examples.size() << " descriptions: flagged " << cv.caught << "/" << cv.flaggable
              << " to flag, " << cv.legitFlagged << "/" << cv.legit << " legitimate\n";
    for (const auto& id : cv.misses) std::cout << "  miss: " << id << "\n";
    if (sweep) {
      for (double t : {0.02, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5}) {
        int caught = 0, wrong = 0;
        for (const auto& [p, flag] : cv.scores) {
          if (p < t) (flag ? caught : wrong) += 1;
        }
        std::cout << "  threshold " << t << ": flagged " << caught << "/" << cv.flaggable
                  << " to flag, " << wrong << "/" << cv.legit << " legitimate\n";
      }
    }
  }
  if (!explain.empty()) {
    // Why a description is flagged: its legit probability and the features that pull hardest.
    auto model = bf::analyze::TrainGuard(examples, options);
    for (const auto& text : explain) {
      auto features = bf::analyze::GuardFeatures(text);
      auto p = bf::analyze::PredictGuard(model, features);
      std::cout << "legit probability " << bf::analyze::LegitProbability(model, text)
                << " (threshold " << model.threshold << ")\n";
      std::vector<std::pair<double, std::string>> pulls;
      for (const auto& f : features) {
        auto it = std::lower_bound(model.features.begin(), model.features.end(), f);
        if (it == model.features.end() || *it != f) continue;
        const auto& w = model.weights[it - model.features.begin()];
        double against = 0;  // the weight of the most probable other class, minus legit's
        size_t best = 1;
        for (size_t k = 2; k < p.size(); ++k)
          if (p[k] > p[best]) best = k;
        against = w[best] - w[0];
        pulls.emplace_back(against, f + " (" + model.classes[best] + ")");
      }
      std::sort(pulls.rbegin(), pulls.rend());
      for (size_t i = 0; i < pulls.size() && i < 12; ++i)
        std::cout << "  " << pulls[i].first << "  " << pulls[i].second << "\n";
    }
  }
  if (!check_path.empty()) {
    auto model = bf::analyze::TrainGuard(examples, options);
    std::ifstream in(check_path, std::ios::binary);
    std::stringstream committed;
    committed << in.rdbuf();
    if (committed.str() != bf::analyze::GuardModelSource(model, task)) {
      std::cerr
          << "guard_train: " << check_path
          << " is not the model these examples train; regenerate it with `make guard-model`\n";
      return 1;
    }
    int differ = 0;
    for (const auto& e : examples) {
      double p = bf::analyze::LegitProbability(model, e.text);
      // Rounded weights may move a probability by a hair; only a clear difference is an error.
      if (std::fabs(p - model.threshold) < 2e-3) continue;
      bool full = p < model.threshold;
      auto compiled = task == "refusal" ? bf::analyze::ClassifyGuard(e.text)
                                        : bf::analyze::ClassifyVagueness(e.text);
      if (full != compiled.flagged) {
        std::cerr << "guard_train: the compiled-in model decides " << e.id << " differently\n";
        ++differ;
      }
    }
    if (differ) return 1;
    std::cout << "guard model up to date: " << examples.size() << " examples decided alike\n";
  }
  if (!out_path.empty()) {
    auto model = bf::analyze::TrainGuard(examples, options);
    std::ofstream out(out_path, std::ios::binary);
    out << bf::analyze::GuardModelSource(model, task);
    if (!out) {
      std::cerr << "guard_train: cannot write " << out_path << "\n";
      return 1;
    }
    std::cout << "wrote " << out_path << " (" << model.features.size() << " features, "
              << model.classes.size() << " classes)\n";
  }
  return 0;
}
