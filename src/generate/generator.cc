#include "generate/generator.h"

#include <algorithm>
#include <map>

#include "common/strings.h"
#include "generate/openapi.h"
#include "generate/prepare.h"
#include "generate/render.h"
#include "spec/spec_json.h"
#include "spec/validate.h"

namespace bf::generate {

namespace {

const std::map<std::string, PrepareFn>& PrepareSteps() {
  static const std::map<std::string, PrepareFn> steps = {
      {"node-express", &PrepareNodeExpress},
  };
  return steps;
}

// "flag" / "!flag": reads a boolean at the root of the view model.
bool FlagHolds(const nlohmann::json& model, const std::string& when) {
  if (when.empty()) return true;
  bool negate = when[0] == '!';
  std::string name = negate ? when.substr(1) : when;
  auto it = model.find(name);
  bool value = it != model.end() && ((it->is_boolean() && it->get<bool>()) ||
                                     (it->is_array() && !it->empty()) ||
                                     (it->is_string() && !it->get<std::string>().empty()));
  return negate ? !value : value;
}

bool ModeIncludes(FileMode rule, Mode mode) {
  return rule == FileMode::kBoth || (rule == FileMode::kStub && mode == Mode::kStub) ||
         (rule == FileMode::kImpl && mode == Mode::kImpl);
}

}  // namespace

std::vector<std::string> BuiltinPrepareSteps() {
  std::vector<std::string> out;
  for (const auto& [k, v] : PrepareSteps()) out.push_back(k);
  return out;
}

Result<TargetRegistry> TargetRegistry::Load(std::shared_ptr<TemplateSource> source) {
  TargetRegistry reg;
  for (const auto& path : source->List("")) {
    auto parts = Split(path, '/');
    if (parts.size() != 2 || parts[1] != "manifest.json") continue;
    auto text = source->Read(path);
    nlohmann::json j;
    try {
      j = nlohmann::json::parse(*text);
    } catch (const nlohmann::json::exception& e) {
      return MakeError("generate.manifest", path + " in " + source->Describe() + " is not valid JSON: " + e.what());
    }
    auto m = ParseManifest(j, path);
    if (!m) return m.error();
    if (m->id != parts[0]) {
      return MakeError("generate.manifest", path + ": id " + Quote(m->id) + " must match its folder " + Quote(parts[0]));
    }
    std::string prepare = j.value("prepare", m->id);
    auto it = PrepareSteps().find(prepare);
    if (it == PrepareSteps().end()) {
      return MakeError("generate.manifest", path + ": no built-in prepare step " + Quote(prepare) +
                                                " (available: " + Join(BuiltinPrepareSteps(), ", ") +
                                                "); set \"prepare\" to one of them");
    }
    reg.targets_.push_back(Target{std::move(*m), source, it->second});
  }
  return reg;
}

Result<TargetRegistry> TargetRegistry::Default(const std::string& templates_dir) {
  if (templates_dir.empty()) return Load(EmbeddedTemplates());
  std::error_code ec;
  if (!std::filesystem::is_directory(templates_dir, ec)) {
    return MakeError("generate.templates", "--templates " + Quote(templates_dir) + " is not a folder");
  }
  return Load(DirectoryTemplates(templates_dir));
}

Result<const Target*> TargetRegistry::Find(const std::string& id) const {
  std::vector<std::string> ids;
  for (const auto& t : targets_) {
    if (t.manifest.id == id) return &t;
    ids.push_back(t.manifest.id);
  }
  std::string msg = "unknown stack " + Quote(id) + " (available: " + Join(ids, ", ") + ")";
  std::string close = ClosestMatch(id, ids);
  if (!close.empty()) msg += "; did you mean " + Quote(close) + "?";
  return MakeError("generate.target", msg);
}

Result<std::string> ResolveDatabase(const spec::AppSpec& spec, const Target& target, const std::string& requested) {
  const auto& dbs = target.manifest.databases;
  std::string db = !requested.empty() ? requested : spec.stack.database;
  if (db.empty()) return dbs.front();
  if (std::find(dbs.begin(), dbs.end(), db) == dbs.end()) {
    return MakeError("generate.database", "stack " + Quote(target.manifest.id) + " does not support database " +
                                              Quote(db) + " (supported: " + Join(dbs, ", ") + ")");
  }
  return db;
}

Result<FileTree> Generate(const spec::AppSpec& spec, const Target& target, const GenerateOptions& options) {
  if (auto issues = spec::Validate(spec); !issues.empty()) {
    return MakeError("spec.invalid", "the spec is not valid: " + issues.front().ToString() +
                                         (issues.size() > 1 ? " (and " + std::to_string(issues.size() - 1) + " more)" : ""));
  }
  auto db = ResolveDatabase(spec, target, options.database);
  if (!db) return db.error();
  auto model = target.prepare(spec, PrepareOptions{*db});
  if (!model) return model.error();
  (*model)["isStub"] = options.mode == Mode::kStub;
  (*model)["isImpl"] = options.mode == Mode::kImpl;

  const std::string root = target.manifest.id + "/";
  std::map<std::string, std::string> partials;
  for (const auto& path : target.source->List(root + "partials/")) {
    std::string name = path.substr(root.size() + 9);
    if (EndsWith(name, ".mustache")) name.resize(name.size() - 9);
    partials[name] = *target.source->Read(path);
  }
  RenderModel rm(*model, partials);

  FileTree tree;
  for (const FileRule& rule : target.manifest.files) {
    if (!ModeIncludes(rule.mode, options.mode) || !FlagHolds(*model, rule.when)) continue;
    auto text = target.source->Read(root + rule.templatePath);
    if (!text) {
      return MakeError("generate.template", "template " + Quote(root + rule.templatePath) + " is listed in the manifest but missing from " +
                                                target.source->Describe());
    }
    auto emit = [&](const std::string& list, size_t index) -> Status {
      auto out_path = rm.Render(rule.output, rule.templatePath + " (output path)", list, index);
      if (!out_path) return out_path.error();
      if (!IsSafeRelativePath(*out_path)) {
        return MakeError("generate.path", rule.templatePath + ": output path " + Quote(*out_path) + " is not a safe relative path");
      }
      if (rule.verbatim) {
        tree.Put(*out_path, *text, rule.executable);
        return Status::Ok();
      }
      auto body = rm.Render(*text, rule.templatePath, list, index);
      if (!body) return body.error();
      tree.Put(*out_path, std::move(*body), rule.executable);
      return Status::Ok();
    };
    if (rule.forEach.empty()) {
      if (Status s = emit("", 0); !s) return s.error();
    } else {
      for (size_t i = 0; i < rm.ListSize(rule.forEach); ++i) {
        if (Status s = emit(rule.forEach, i); !s) return s.error();
      }
    }
  }
  tree.Put(target.manifest.openapiPath, BuildOpenApi(spec).dump(2) + "\n");
  tree.Put(".backendforge/spec.json", spec::ToJson(spec).dump(2) + "\n");
  return tree;
}

}  // namespace bf::generate
