#include "server/project_docs.h"

#include <cstdio>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

#include "server/app.h"
#include "server/clock.h"
#include "server/log.h"

namespace bf::server {

namespace {

constexpr int kRunsListed = 100;
constexpr int kJobsLogged = 5;
constexpr size_t kFailuresListed = 20;
constexpr size_t kMessageChars = 200;
constexpr size_t kBodyChars = 2048;           // a body in tests.md is cut after this many characters
constexpr size_t kExamplesShown = 500;        // tests listed in tests.md
constexpr uintmax_t kExamplesFileMax = 8u << 20;  // a bigger reports/examples.json is skipped
const char* const kMask = "***";

void Write(App& app, const std::string& project_id, const std::string& path, const std::string& content,
           const std::string& author_id) {
  auto v = app.store.PutDoc(store::DocEntry{project_id, path, content, 0, author_id, app.clock.NowMillis()});
  if (!v) {
    log::Warn("docs.write_failed", {{"projectId", project_id}, {"path", path}, {"error", v.error().message}});
    return;
  }
  app.hub.Publish(EventHub::ProjectTopic(project_id), "docs.updated",
                  {{"projectId", project_id}, {"path", path}, {"version", *v}});
}

std::string FirstLine(const std::string& s, size_t max) {
  std::string line = s.substr(0, s.find('\n'));
  if (line.size() > max) line = line.substr(0, max) + "...";
  return line;
}

// name -> element of an array of named objects.
std::map<std::string, nlohmann::json> ByName(const nlohmann::json& doc, const char* key) {
  std::map<std::string, nlohmann::json> out;
  auto it = doc.find(key);
  if (it == doc.end() || !it->is_array()) return out;
  for (const auto& e : *it) {
    if (e.is_object() && e.contains("name") && e["name"].is_string()) out[e["name"].get<std::string>()] = e;
  }
  return out;
}

std::string Seconds(int64_t ms) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f s", static_cast<double>(ms) / 1000.0);
  return buf;
}


bool IsSecretKey(const std::string& key) {
  static const std::regex re("passw(or)?d|secret|token$|^authorization$|api[-_]?key|cookie", std::regex::icase);
  return std::regex_search(key, re);
}

bool IsJwt(const std::string& s) {
  static const std::regex re("^eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$");
  return s.size() > 10 && std::regex_match(s, re);
}

// "/x?access_token=abc&page=2" -> "/x?access_token=***&page=2"
std::string MaskTarget(const std::string& target) {
  static const std::regex re("([?&][^=&#]*(passw(or)?d|secret|token|api[-_]?key)[^=&#]*=)[^&#]*", std::regex::icase);
  return std::regex_replace(target, re, std::string("$1") + kMask);
}

std::string OneLine(std::string s) {
  for (char& c : s) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return s;
}

std::string StringOr(const nlohmann::json& j, const char* key, const std::string& fallback) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : fallback;
}

// A fenced block whose content cannot close it early or open a heading: a content line that
// starts a fence is escaped with a backslash.
std::string Fenced(const std::string& lang, const std::string& content) {
  std::string out = "```" + lang + "\n";
  std::istringstream in(content);
  std::string line;
  while (std::getline(in, line)) {
    size_t lead = line.find_first_not_of(" \t");
    if (lead != std::string::npos && (line.compare(lead, 3, "```") == 0 || line.compare(lead, 3, "~~~") == 0)) {
      line.insert(lead, "\\");
    }
    out += line + "\n";
  }
  return out + "```\n";
}

// The head of a message (request line or status line, then the headers) and its body.
std::string RenderMessage(const nlohmann::json& m, bool is_request) {
  if (!m.is_object()) return "_not recorded_\n";
  std::string head;
  if (is_request) {
    head = OneLine(StringOr(m, "method", "GET")) + " " + MaskTarget(OneLine(StringOr(m, "path", "/"))) + "\n";
  } else {
    auto st = m.find("status");
    head = "HTTP/1.1 " + (st != m.end() && st->is_number_integer() && st->get<int>() > 0 ? std::to_string(st->get<int>())
                                                                                          : std::string("(no response)")) +
           "\n";
  }
  if (auto h = m.find("headers"); h != m.end() && h->is_object()) {
    for (const auto& [name, value] : h->items()) {
      std::string v = value.is_string() ? value.get<std::string>() : value.dump();
      if (IsSecretKey(name)) v = v.rfind("Bearer ", 0) == 0 ? std::string("Bearer ") + kMask : kMask;
      std::string pretty = name;
      bool up = true;
      for (char& c : pretty) {
        c = up ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
        up = c == '-';
      }
      head += OneLine(pretty) + ": " + OneLine(v) + "\n";
    }
  }
  std::string md = Fenced("http", head);
  auto b = m.find("body");
  if (b == m.end() || b->is_null()) return md;
  nlohmann::json body = MaskSecrets(*b);
  bool json = !body.is_string();
  std::string text = json ? body.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) : body.get<std::string>();
  auto truncated = m.find("truncated");
  bool cut = truncated != m.end() && truncated->is_boolean() && truncated->get<bool>();
  if (text.size() > kBodyChars) {
    size_t n = kBodyChars;
    while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;  // not inside a UTF-8 sequence
    text.resize(n);
    cut = true;
  }
  if (cut) text += "\n... (cut)";
  return md + "\n" + Fenced(json && !cut ? "json" : "text", text);
}

}  // namespace

std::vector<std::string> SpecChanges(const nlohmann::json& before, const nlohmann::json& after) {
  std::vector<std::string> out;
  if (!before.is_object() || before.empty()) {
    auto entities = ByName(after, "entities");
    std::string names;
    for (const auto& [name, e] : entities) names += (names.empty() ? "" : ", ") + name;
    out.push_back("first spec: " + std::to_string(entities.size()) + " entities" +
                  (names.empty() ? "" : " (" + names + ")"));
    return out;
  }
  auto old_entities = ByName(before, "entities");
  auto new_entities = ByName(after, "entities");
  for (const auto& [name, e] : old_entities) {
    if (!new_entities.count(name)) out.push_back("entity " + name + " removed");
  }
  for (const auto& [name, e] : new_entities) {
    auto old = old_entities.find(name);
    if (old == old_entities.end()) {
      size_t n = e.value("fields", nlohmann::json::array()).size();
      out.push_back("entity " + name + " added (" + std::to_string(n) + (n == 1 ? " field)" : " fields)"));
      continue;
    }
    auto old_fields = ByName(old->second, "fields");
    auto new_fields = ByName(e, "fields");
    for (const auto& [f, def] : old_fields) {
      if (!new_fields.count(f)) out.push_back(name + ": field " + f + " removed");
    }
    for (const auto& [f, def] : new_fields) {
      auto of = old_fields.find(f);
      if (of == old_fields.end()) {
        out.push_back(name + ": field " + f + " added (" + def.value("type", std::string("?")) + ")");
      } else if (of->second != def) {
        out.push_back(name + ": field " + f + " changed");
      }
    }
    nlohmann::json rest_old = old->second, rest_new = e;
    rest_old.erase("fields");
    rest_new.erase("fields");
    if (rest_old != rest_new) out.push_back("entity " + name + " options changed");
  }
  auto old_roles = ByName(before, "roles");
  auto new_roles = ByName(after, "roles");
  for (const auto& [r, def] : old_roles) {
    if (!new_roles.count(r)) out.push_back("role " + r + " removed");
  }
  for (const auto& [r, def] : new_roles) {
    if (!old_roles.count(r)) out.push_back("role " + r + " added");
  }
  for (const char* key : {"relations", "features", "title", "description", "name"}) {
    if (before.value(key, nlohmann::json()) != after.value(key, nlohmann::json())) {
      out.push_back(std::string(key) + " changed");
    }
  }
  return out;
}

std::string AppendChangeMarkdown(std::string history, const ChangeRecord& change, const std::string& author) {
  if (history.empty()) history = "# History\n\nEvery change of the project, oldest first.\n";
  if (history.back() != '\n') history += '\n';
  history += "\n## " + change.title + ", " + IsoTime(change.at) + "\n\n";
  history += "- time: " + IsoTime(change.at) + "\n";
  history += "- author: " + author + "\n";
  history += "- reason: " + FirstLine(change.reason, kMessageChars) + "\n";
  if (change.changes.empty()) {
    history += "- changes: none\n";
  } else {
    history += "- changes:\n";
    for (const auto& c : change.changes) history += "  - " + c + "\n";
  }
  return history;
}

std::string RenderRunsMarkdown(const std::vector<store::TestRun>& runs) {
  std::string md =
      "# Test runs\n\nEvery run of the project's tests, newest first. A red run is against the stubs (the behavioural "
      "tests must fail), a green run against the implementation (they must pass); other runs are later runs of the "
      "suite.\n\n";
  if (runs.empty()) return md + "No test run yet.\n";
  md += "| time | phase | status | passed | failed | skipped | duration |\n|---|---|---|---|---|---|---|\n";
  for (const auto& r : runs) {
    md += "| " + IsoTime(r.createdAt) + " | " + r.phase + " | " + r.status + " | " + std::to_string(r.passed) + " | " +
          std::to_string(r.failed) + " | " + std::to_string(r.skipped) + " | " + Seconds(r.durationMs) + " |\n";
  }
  for (const auto& r : runs) {
    md += "\n## " + (r.phase == "run" ? std::string("test") : r.phase) + " run, " + IsoTime(r.createdAt) + ": " +
          r.status + "\n\n";
    md += std::to_string(r.passed) + " passed, " + std::to_string(r.failed) + " failed, " + std::to_string(r.skipped) +
          " skipped in " + Seconds(r.durationMs) + " (job " + r.jobId + ").\n";
    std::vector<std::string> lines;
    size_t failures = 0;
    for (const auto& t : r.results) {
      if (!t.is_object()) continue;
      std::string status = t.value("status", std::string());
      std::string name = t.value("name", std::string());
      if (status == "failed" && failures++ < kFailuresListed) {
        std::string message = FirstLine(t.value("message", std::string()), kMessageChars);
        lines.push_back("- failed: " + name + (message.empty() ? "" : ": " + message));
      } else if (status != "failed") {
        lines.push_back("- " + status + ": " + name);
      }
    }
    if (failures > kFailuresListed) {
      lines.push_back("- ... and " + std::to_string(failures - kFailuresListed) + " more failures");
    }
    if (!lines.empty()) {
      md += "\n";
      for (const auto& l : lines) md += l + "\n";
    }
  }
  return md;
}

nlohmann::json MaskSecrets(const nlohmann::json& value) {
  if (value.is_string()) return IsJwt(value.get<std::string>()) ? nlohmann::json(kMask) : value;
  if (value.is_array()) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& v : value) out.push_back(MaskSecrets(v));
    return out;
  }
  if (value.is_object()) {
    nlohmann::json out = nlohmann::json::object();
    for (const auto& [k, v] : value.items()) out[k] = IsSecretKey(k) && !v.is_null() ? nlohmann::json(kMask) : MaskSecrets(v);
    return out;
  }
  return value;
}

std::string RenderTestsMarkdown(const nlohmann::json& examples, const std::string& phase, const nlohmann::json& run) {
  std::map<std::string, std::string> status_of;  // "<file> > <test>" -> status
  if (auto r = run.find("results"); r != run.end() && r->is_array()) {
    for (const auto& t : *r) {
      if (t.is_object()) status_of[StringOr(t, "name", "")] = StringOr(t, "status", "");
    }
  }
  // file -> test -> example (the first one of a name wins)
  std::map<std::string, std::map<std::string, const nlohmann::json*>> by_file;
  const nlohmann::json* list = &examples;
  if (examples.is_object()) {
    auto it = examples.find("examples");
    list = it != examples.end() ? &*it : nullptr;
  }
  size_t count = 0, left_out = 0;
  if (list && list->is_array()) {
    for (const auto& e : *list) {
      if (!e.is_object()) continue;
      std::string file = OneLine(StringOr(e, "file", "")), test = OneLine(StringOr(e, "test", ""));
      if (test.empty()) continue;
      if (count >= kExamplesShown) {
        ++left_out;
        continue;
      }
      if (by_file[file].emplace(test, &e).second) ++count;
    }
  }
  std::string md =
      "# Tests\n\nInput/output examples captured from the latest test run (" +
      (phase == "run" ? std::string("test") : phase) + " run: " + StringOr(run, "status", "unknown") + ", " +
      std::to_string(run.value("passed", 0)) + " passed, " + std::to_string(run.value("failed", 0)) + " failed, " +
      std::to_string(run.value("skipped", 0)) +
      " skipped): for each test, one request it sent to the app and the response it got. Secrets are shown as " +
      kMask + "; long bodies are cut.\n";
  if (count == 0) return md + "\nNo example was recorded.\n";
  for (const auto& [file, tests] : by_file) {
    md += "\n## " + (file.empty() ? std::string("(unknown file)") : file) + "\n";
    for (const auto& [test, e] : tests) {
      auto st = status_of.find(file + " > " + test);
      if (st == status_of.end()) st = status_of.find(test);  // reports that do not name the file
      md += "\n### " + test + "\n\n";
      md += "- status: " + (st != status_of.end() && !st->second.empty() ? st->second : std::string("not in the run")) +
            "\n\nRequest:\n\n" + RenderMessage(e->value("request", nlohmann::json()), true) + "\nResponse:\n\n" +
            RenderMessage(e->value("response", nlohmann::json()), false);
    }
  }
  if (left_out > 0) md += "\n" + std::to_string(left_out) + " more examples are not shown.\n";
  return md;
}

void RecordChange(App& app, const std::string& project_id, const ChangeRecord& change) {
  std::string history;
  if (auto d = app.store.GetDoc(project_id, "history.md"); d.ok()) history = d->content;
  std::string author = change.authorId;
  if (auto u = app.store.GetUser(change.authorId); u.ok()) author = u->name + " <" + u->email + ">";
  Write(app, project_id, "history.md", AppendChangeMarkdown(std::move(history), change, author), change.authorId);
}

void RefreshRunsDoc(App& app, const std::string& project_id, const std::string& author_id) {
  auto runs = app.store.ListTestRuns(project_id, kRunsListed);
  if (!runs) {
    log::Warn("docs.runs_failed", {{"projectId", project_id}, {"error", runs.error().message}});
    return;
  }
  Write(app, project_id, "runs.md", RenderRunsMarkdown(*runs), author_id);
}

void RecordTestsDoc(App& app, const std::string& project_id, const std::filesystem::path& project_dir,
                    const std::string& phase, const nlohmann::json& run, const std::string& author_id) {
  const std::filesystem::path file = project_dir / "reports" / "examples.json";
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec)) return;
  uintmax_t size = std::filesystem::file_size(file, ec);
  if (ec || size > kExamplesFileMax) {
    log::Warn("docs.examples_skipped", {{"projectId", project_id}, {"reason", ec ? ec.message() : "too big"},
                                        {"bytes", ec ? 0 : size}});
    return;
  }
  std::ifstream in(file, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  nlohmann::json examples = nlohmann::json::parse(s.str(), nullptr, false);
  if (examples.is_discarded() || !(examples.is_array() || (examples.is_object() && examples.contains("examples") &&
                                                          examples["examples"].is_array()))) {
    log::Warn("docs.examples_skipped", {{"projectId", project_id}, {"reason", "not an examples document"}});
    return;
  }
  std::string md = RenderTestsMarkdown(examples, phase, run);
  if (auto d = app.store.GetDoc(project_id, "tests.md"); d.ok() && d->content == md) return;
  Write(app, project_id, "tests.md", md, author_id);
}

void RecordPlanDoc(App& app, const std::string& project_id, const std::string& markdown, const std::string& author_id) {
  if (markdown.empty()) return;
  if (auto d = app.store.GetDoc(project_id, "plan.md"); d.ok() && d->content == markdown) return;
  Write(app, project_id, "plan.md", markdown, author_id);
}

std::string RenderLogsMarkdown(const std::vector<store::Job>& jobs, size_t lines) {
  std::string md = "# Recent logs\n\nThe last " + std::to_string(lines) +
                   " lines of the project's latest jobs (generation, test runs, Solve), newest first. "
                   "Live preview output is in the Preview terminal.\n";
  int shown = 0;
  for (const auto& j : jobs) {
    if (!store::IsFinished(j)) continue;
    if (++shown > kJobsLogged) break;
    md += "\n## " + j.kind + " " + j.status + ", " + IsoTime(j.finishedAt ? j.finishedAt : j.createdAt) + "\n\n";
    md += "Job `" + j.id + "`" + (j.message.empty() ? std::string() : ": " + FirstLine(j.message, kMessageChars)) + "\n\n";
    std::vector<std::string> tail;  // newest first
    for (size_t end = j.logTail.size(); end > 0 && tail.size() < lines;) {
      size_t nl = j.logTail.rfind('\n', end - 1);
      size_t start = nl == std::string::npos ? 0 : nl + 1;
      std::string line = j.logTail.substr(start, end - start);
      if (!line.empty() || !tail.empty()) tail.push_back(line);
      end = nl == std::string::npos ? 0 : nl;
    }
    if (tail.empty()) {
      md += "(no output)\n";
      continue;
    }
    md += "```text\n";
    for (auto it = tail.rbegin(); it != tail.rend(); ++it) {
      std::string line = *it;
      // A fence inside the output would end the block early.
      for (size_t at = line.find("```"); at != std::string::npos; at = line.find("```", at + 3)) line.replace(at, 3, "'''");
      md += line + "\n";
    }
    md += "```\n";
  }
  if (shown == 0) md += "\nNo job has finished yet.\n";
  return md;
}

void RefreshLogsDoc(App& app, const store::Job& finished) {
  auto jobs = app.store.ListJobs(finished.projectId, kJobsLogged + 5);
  if (!jobs) {
    log::Warn("docs.logs_failed", {{"projectId", finished.projectId}, {"error", jobs.error().message}});
    return;
  }
  for (auto& j : *jobs) {
    if (j.id == finished.id) j = finished;
  }
  Write(app, finished.projectId, "logs.md", RenderLogsMarkdown(*jobs), finished.createdBy);
}

}  // namespace bf::server
