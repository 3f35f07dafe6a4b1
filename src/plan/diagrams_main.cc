// plan_diagrams: writes the Mermaid diagrams of the plans of many specs as one JSON array
// [{"id": "<spec>/<diagram>", "source": "..."}], the input of tests/mermaid/check_diagrams.mjs.
//
//   plan_diagrams [--specs-dir DIR]... [--spec FILE]... [--dev-cases FILE] [--out FILE]
//                 [--markdown-dir DIR]
//
// --spec takes a bare AppSpec, an object holding one under "spec" (an analysis result), or an
// array of either. Specs are normalized and validated first; an invalid spec is an error.
// --dev-cases converts every gold model of the analyzer's dev set (cases without gold are
// skipped). --markdown-dir also writes each plan as <id>.md, for reading.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "common/strings.h"
#include "plan/gold_spec.h"
#include "plan/plan.h"
#include "spec/spec_json.h"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using nlohmann::ordered_json;

struct Named {
  std::string id;
  bf::spec::AppSpec spec;
};

bool ReadFile(const fs::path& p, std::string& out) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  out = ss.str();
  return true;
}

// Loads every spec in `path` into `out`; false (with a message on stderr) on any problem.
bool LoadSpecFile(const fs::path& path, std::vector<Named>& out) {
  std::string text;
  if (!ReadFile(path, text)) {
    std::cerr << "plan_diagrams: cannot read " << path << "\n";
    return false;
  }
  json j = json::parse(text, nullptr, false);
  if (j.is_discarded()) {
    std::cerr << "plan_diagrams: " << path << ": not valid JSON\n";
    return false;
  }
  std::vector<json> items = j.is_array() ? j.get<std::vector<json>>() : std::vector<json>{j};
  bool ok = true;
  for (size_t i = 0; i < items.size(); ++i) {
    json item = items[i];
    if (item.is_object() && !item.contains("entities") && item.contains("spec"))
      item = item["spec"];
    bf::spec::LoadedSpec loaded = bf::spec::LoadSpec(item);
    // Built by appending: `"[" + std::to_string(i)` trips GCC 12's -Wrestrict false positive.
    std::string index = std::to_string(i);
    std::string where = path.string();
    std::string id = path.stem().string();
    if (items.size() > 1) {
      where.append("[").append(index).append("]");
      id.append("-").append(index);
    }
    if (!loaded.spec) {
      std::cerr << "plan_diagrams: " << where << " is not a valid spec:\n";
      for (const auto& issue : loaded.issues) std::cerr << "  " << issue.ToString() << "\n";
      ok = false;
      continue;
    }
    out.push_back({id, std::move(*loaded.spec)});
  }
  return ok;
}

bool LoadDevCases(const fs::path& path, std::vector<Named>& out) {
  std::string text;
  if (!ReadFile(path, text)) {
    std::cerr << "plan_diagrams: cannot read " << path << "\n";
    return false;
  }
  json cases = json::parse(text, nullptr, false);
  if (!cases.is_array()) {
    std::cerr << "plan_diagrams: " << path << ": expected a JSON array of cases\n";
    return false;
  }
  bool ok = true;
  for (const auto& c : cases) {
    if (!c.is_object() || !c.contains("gold") || c["gold"].is_null()) continue;
    auto spec = bf::plan::GoldToSpec(c);
    if (!spec) {
      std::cerr << "plan_diagrams: " << spec.error().message << "\n";
      ok = false;
      continue;
    }
    out.push_back({"dev/" + c.value("id", std::string("case")), std::move(*spec)});
  }
  return ok;
}

int Usage() {
  std::cerr << "usage: plan_diagrams [--specs-dir DIR]... [--spec FILE]... [--dev-cases FILE] "
               "[--out FILE] "
               "[--markdown-dir DIR]\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<Named> specs;
  std::string out_path, markdown_dir;
  bool ok = true;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (i + 1 >= argc) return Usage();
    std::string value = argv[++i];
    if (arg == "--spec") {
      ok &= LoadSpecFile(value, specs);
    } else if (arg == "--specs-dir") {
      std::vector<fs::path> files;
      std::error_code ec;
      for (const auto& entry : fs::directory_iterator(value, ec)) {
        if (entry.path().extension() == ".json") files.push_back(entry.path());
      }
      if (ec) {
        std::cerr << "plan_diagrams: cannot list " << value << ": " << ec.message() << "\n";
        return 1;
      }
      std::sort(files.begin(), files.end());
      for (const auto& f : files) ok &= LoadSpecFile(f, specs);
    } else if (arg == "--dev-cases") {
      ok &= LoadDevCases(value, specs);
    } else if (arg == "--out") {
      out_path = value;
    } else if (arg == "--markdown-dir") {
      markdown_dir = value;
    } else {
      return Usage();
    }
  }
  if (specs.empty()) {
    std::cerr << "plan_diagrams: no specs given\n";
    return Usage();
  }
  ordered_json diagrams = ordered_json::array();
  for (const auto& [id, spec] : specs) {
    bf::plan::Plan plan = bf::plan::MakePlan(spec);
    for (const auto& d : plan.diagrams) {
      diagrams.push_back(
          {{"id", id + "/" + d.id}, {"kind", bf::plan::ToString(d.kind)}, {"source", d.source}});
    }
    if (!markdown_dir.empty()) {
      fs::path md = fs::path(markdown_dir) / (bf::ReplaceAll(id, "/", "_") + ".md");
      fs::create_directories(md.parent_path());
      std::ofstream(md, std::ios::binary) << bf::plan::RenderMarkdown(plan);
    }
  }
  std::string text = diagrams.dump(1) + "\n";
  if (out_path.empty() || out_path == "-") {
    std::cout << text;
  } else if (!(std::ofstream(out_path, std::ios::binary) << text)) {
    std::cerr << "plan_diagrams: cannot write " << out_path << "\n";
    return 1;
  }
  std::cerr << "plan_diagrams: " << specs.size() << " specs, " << diagrams.size() << " diagrams\n";
  return ok ? 0 : 1;
}
