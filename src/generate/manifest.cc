#include "generate/manifest.h"

#include "common/strings.h"

namespace bf::generate {

namespace {

using nlohmann::json;

Error Bad(const std::string& where, const std::string& msg) {
  return MakeError("generate.manifest", where + ": " + msg);
}

std::string EscapeRegex(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (std::string_view("\\^$.|?*+()[]{}/").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

void Substitute(const std::vector<std::string>& args, const std::string& key, const std::string& value,
                std::vector<std::string>& out) {
  for (std::string a : args) {
    for (size_t at = a.find(key); at != std::string::npos; at = a.find(key, at + value.size())) {
      a.replace(at, key.size(), value);
    }
    out.push_back(std::move(a));
  }
}

}  // namespace

std::vector<std::string> TestFilterArguments(const Manifest& m, std::string_view filter,
                                             const std::function<bool(const std::string&)>& isTestFile) {
  std::vector<std::string> out;
  if (!m.testFilter || filter.empty()) return out;
  const TestFilter& tf = *m.testFilter;
  std::vector<std::string> parts;
  for (size_t from = 0;;) {
    size_t at = filter.find(" > ", from);
    parts.emplace_back(filter.substr(from, at == std::string_view::npos ? std::string_view::npos : at - from));
    if (at == std::string_view::npos) break;
    from = at + 3;
  }
  std::string file;
  if (!tf.fileArgs.empty() && isTestFile && isTestFile(parts.front())) {
    file = parts.front();
    parts.erase(parts.begin());
  }
  std::string name;
  for (const auto& p : parts) name += (name.empty() ? "" : tf.nameSeparator) + p;
  out = tf.prefix;
  if (!file.empty()) Substitute(tf.fileArgs, "{file}", file, out);
  if (!name.empty()) {
    std::string pattern = tf.regex ? EscapeRegex(name) : name;
    // With a file, the name is where a test's name starts: the whole name, or its suites (a
    // describe block's tests), never a test whose name merely contains it.
    if (tf.regex && !file.empty()) pattern = "^" + pattern + "(?: |$)";
    Substitute(tf.nameArgs, "{pattern}", pattern, out);
  }
  return out;
}

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
    m.installCacheEnv = j.value("installCacheEnv", "");
    m.stubMayPass = j.value("stubMayPass", std::vector<std::string>{});
    if (auto b = j.find("buildOutput"); b != j.end()) {
      m.buildOutput = b->at("path").get<std::string>();
      m.buildInputs = b->at("inputs").get<std::vector<std::string>>();
      if (m.buildOutput.empty() || m.buildInputs.empty()) return Bad(where, "buildOutput needs a path and its inputs");
    }
    if (auto f = j.find("testFilter"); f != j.end()) {
      TestFilter tf;
      tf.prefix = f->value("prefix", std::vector<std::string>{});
      tf.fileArgs = f->value("fileArgs", std::vector<std::string>{});
      tf.nameArgs = f->value("nameArgs", std::vector<std::string>{});
      tf.nameSeparator = f->value("nameSeparator", tf.nameSeparator);
      tf.regex = f->value("regex", tf.regex);
      if (tf.nameArgs.empty()) return Bad(where, "testFilter.nameArgs is required (e.g. [\"-t\", \"{pattern}\"])");
      m.testFilter = std::move(tf);
    }
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
