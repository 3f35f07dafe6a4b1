#include "server/project_docs.h"

#include <cstdio>
#include <map>

#include "server/app.h"
#include "server/clock.h"
#include "server/log.h"

namespace bf::server {

namespace {

constexpr int kRunsListed = 100;
constexpr int kJobsLogged = 5;
constexpr size_t kFailuresListed = 20;
constexpr size_t kMessageChars = 200;

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
