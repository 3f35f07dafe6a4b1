#include "generate/generator.h"

#include <algorithm>
#include <future>
#include <map>
#include <memory>
#include <optional>
#include <thread>
#include <vector>

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
  // The core's documents need only the spec: made beside the view model and the rendering.
  auto documents = std::async(std::launch::async, [&spec] {
    return std::pair{BuildOpenApi(spec).dump(2) + "\n", spec::ToJson(spec).dump(2) + "\n"};
  });
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

  // Every file to write, in manifest order; rendered on up to two threads (RenderModel is
  // read-only while rendering), then put into the tree in this order, so the output and the
  // first error reported are the same as one thread's.
  struct Job {
    const FileRule* rule;
    std::shared_ptr<const std::string> text;
    std::string list;
    size_t index;
    std::string path, body;
    std::optional<Error> error;
  };
  std::vector<Job> jobs;
  for (const FileRule& rule : target.manifest.files) {
    if (!ModeIncludes(rule.mode, options.mode) || !FlagHolds(*model, rule.when)) continue;
    auto text = target.source->Read(root + rule.templatePath);
    if (!text) {  // reported after the errors of the files before it, as rendering in order would
      jobs.push_back(Job{&rule, nullptr, "", 0, {}, {}, MakeError("generate.template", "template " + Quote(root + rule.templatePath) +
                                                                                   " is listed in the manifest but missing from " +
                                                                                   target.source->Describe())});
      break;
    }
    auto shared = std::make_shared<const std::string>(std::move(*text));
    if (rule.forEach.empty()) {
      jobs.push_back(Job{&rule, shared, "", 0, {}, {}, {}});
    } else {
      for (size_t i = 0; i < rm.ListSize(rule.forEach); ++i) jobs.push_back(Job{&rule, shared, rule.forEach, i, {}, {}, {}});
    }
  }
  auto render = [&](Job& job) {
    if (job.error) return;
    const FileRule& rule = *job.rule;
    auto out_path = rm.Render(rule.output, rule.templatePath + " (output path)", job.list, job.index);
    if (!out_path) {
      job.error = out_path.error();
      return;
    }
    job.path = std::move(*out_path);
    if (!IsSafeRelativePath(job.path)) {
      job.error = MakeError("generate.path", rule.templatePath + ": output path " + Quote(job.path) + " is not a safe relative path");
      return;
    }
    if (rule.verbatim) return;
    auto body = rm.Render(*job.text, rule.templatePath, job.list, job.index);
    if (!body) {
      job.error = body.error();
      return;
    }
    job.body = std::move(*body);
  };
  // Odd jobs on a second thread, even ones here: neighbours in the manifest tend to cost alike.
  std::future<void> odd;
  if (jobs.size() > 8 && std::thread::hardware_concurrency() > 1) {
    odd = std::async(std::launch::async, [&] {
      for (size_t i = 1; i < jobs.size(); i += 2) render(jobs[i]);
    });
  }
  for (size_t i = 0; i < jobs.size(); i += odd.valid() ? 2 : 1) render(jobs[i]);
  if (odd.valid()) odd.get();

  FileTree tree;
  for (auto& job : jobs) {
    if (job.error) return *job.error;
    tree.Put(job.path, job.rule->verbatim ? *job.text : std::move(job.body), job.rule->executable);
  }
  auto [openapi, spec_json] = documents.get();
  tree.Put(target.manifest.openapiPath, std::move(openapi));
  tree.Put(".backendforge/spec.json", std::move(spec_json));
  return tree;
}

}  // namespace bf::generate
