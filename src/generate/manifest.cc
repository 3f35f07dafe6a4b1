#include "generate/manifest.h"

#include "common/strings.h"

namespace bf::generate {

namespace {

using nlohmann::json;

Error Bad(const std::string& where, const std::string& msg) {
  return MakeError("generate.manifest", where + ": " + msg);
}

}  // namespace

Result<Manifest> ParseManifest(const json& j, const std::string& where) {
  if (!j.is_object()) return Bad(where, "the manifest must be a JSON object");
  Manifest m;
  try {
    m.id = j.at("id").get<std::string>();
    m.displayName = j.value("displayName", m.id);
    m.language = j.at("language").get<std::string>();
    m.framework = j.at("framework").get<std::string>();
    m.databases = j.at("databases").get<std::vector<std::string>>();
    if (m.databases.empty()) return Bad(where, "\"databases\" lists at least one database");
    for (const auto& t : j.value("toolchain", json::array())) {
      m.toolchain.push_back(Toolchain{t.at("command").get<std::string>(), t.value("versionArg", "--version"),
                                      t.value("minVersion", ""), t.value("installHint", "")});
    }
    for (const auto& [name, c] : j.at("commands").items()) {
      Command cmd;
      cmd.argv = c.at("argv").get<std::vector<std::string>>();
      cmd.timeoutSeconds = c.value("timeoutSeconds", 600);
      if (cmd.argv.empty()) return Bad(where, "commands." + name + ".argv is empty");
      m.commands[name] = cmd;
    }
    for (const char* required : {"install", "build", "test", "run"}) {
      if (!m.commands.count(required)) return Bad(where, std::string("commands.") + required + " is required");
    }
    if (auto r = j.find("testReport"); r != j.end()) {
      m.testReportFormat = r->value("format", "junit");
      m.testReportPath = r->value("path", "");
    }
    m.openapiPath = j.value("openapiPath", m.openapiPath);
    m.healthPath = j.value("healthPath", m.healthPath);
    m.env = j.value("env", std::map<std::string, std::string>{});
    m.stubMayPass = j.value("stubMayPass", std::vector<std::string>{});
    m.generatedByTools = j.value("generatedByTools", std::vector<std::string>{});
    const json& files = j.at("files");
    for (size_t i = 0; i < files.size(); ++i) {
      const json& f = files[i];
      std::string fp = "files[" + std::to_string(i) + "]";
      FileRule r;
      r.templatePath = f.at("template").get<std::string>();
      r.output = f.value("output", "");
      if (r.output.empty()) {
        r.output = r.templatePath;
        if (EndsWith(r.output, ".mustache")) r.output.resize(r.output.size() - 9);
      }
      r.forEach = f.value("forEach", "");
      r.when = f.value("when", "");
      std::string mode = f.value("mode", "both");
      if (mode == "both") r.mode = FileMode::kBoth;
      else if (mode == "stub") r.mode = FileMode::kStub;
      else if (mode == "impl") r.mode = FileMode::kImpl;
      else return Bad(where, fp + ".mode: " + Quote(mode) + " is not one of both, stub, impl");
      std::string ow = f.value("overwrite", "always");
      if (ow == "always") r.overwrite = Overwrite::kAlways;
      else if (ow == "once") r.overwrite = Overwrite::kOnce;
      else return Bad(where, fp + ".overwrite: " + Quote(ow) + " is not one of always, once");
      r.executable = f.value("executable", false);
      r.verbatim = f.value("verbatim", !EndsWith(r.templatePath, ".mustache"));
      m.files.push_back(std::move(r));
    }
  } catch (const json::exception& e) {
    return Bad(where, std::string("malformed manifest: ") + e.what());
  }
  return m;
}

}  // namespace bf::generate
