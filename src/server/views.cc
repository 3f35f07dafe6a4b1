#include "server/views.h"

#include "server/clock.h"

namespace bf::server {

namespace {
nlohmann::ordered_json Time(store::Millis ms) { return ms == 0 ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(IsoTime(ms)); }
}  // namespace

nlohmann::ordered_json UserView(const store::User& u) {
  return {{"id", u.id}, {"email", u.email}, {"name", u.name}, {"analyticsOptIn", u.analyticsOptIn},
          {"createdAt", Time(u.createdAt)}};
}

nlohmann::ordered_json WorkspaceJson(const store::WorkspaceView& w) {
  return {{"id", w.workspace.id},           {"name", w.workspace.name},
          {"personal", w.workspace.personal}, {"ownerId", w.workspace.ownerId},
          {"role", std::string(store::ToString(w.role))}, {"createdAt", Time(w.workspace.createdAt)}};
}

nlohmann::ordered_json MemberView(const store::Member& m) {
  return {{"userId", m.userId}, {"email", m.email}, {"name", m.name}, {"role", std::string(store::ToString(m.role))},
          {"since", Time(m.createdAt)}};
}

nlohmann::ordered_json ProjectJson(const store::Project& p, store::Role role, bool with_spec) {
  nlohmann::ordered_json j = {{"id", p.id},
                              {"workspaceId", p.workspaceId},
                              {"name", p.name},
                              {"description", p.description},
                              {"status", p.status},
                              {"stack", p.stack},
                              {"database", p.database},
                              {"specVersion", p.specVersion},
                              {"role", std::string(store::ToString(role))},
                              {"createdAt", Time(p.createdAt)},
                              {"updatedAt", Time(p.updatedAt)}};
  if (with_spec) j["spec"] = p.spec;
  return j;
}

nlohmann::ordered_json MessageView(const store::ChatMessage& m) {
  return {{"id", m.id}, {"role", m.role}, {"text", m.text}, {"payload", m.payload}, {"createdAt", Time(m.createdAt)}};
}

nlohmann::ordered_json JobView(const store::Job& j) {
  return {{"id", j.id},
          {"projectId", j.projectId},
          {"kind", j.kind},
          {"status", j.status},
          {"progress", j.progress},
          {"message", j.message},
          {"params", j.params},
          {"result", j.result},
          {"log", j.logTail},
          {"cancelRequested", j.cancelRequested},
          {"createdAt", Time(j.createdAt)},
          {"startedAt", Time(j.startedAt)},
          {"finishedAt", Time(j.finishedAt)}};
}

nlohmann::ordered_json TestRunView(const store::TestRun& r) {
  return {{"id", r.id},         {"jobId", r.jobId},   {"phase", r.phase},       {"status", r.status},
          {"passed", r.passed}, {"failed", r.failed}, {"skipped", r.skipped}, {"durationMs", r.durationMs},
          {"results", r.results}, {"createdAt", Time(r.createdAt)}};
}

nlohmann::ordered_json DocView(const store::DocEntry& d, bool with_content,
                               const std::vector<store::DocSection>* sections) {
  nlohmann::ordered_json j = {
      {"id", d.path}, {"path", d.path}, {"version", d.version}, {"updatedAt", Time(d.updatedAt)}};
  if (with_content) j["content"] = d.content;
  if (sections) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const auto& s : *sections) {
      if (s.path == d.path) list.push_back(DocSectionView(s, with_content));
    }
    j["sections"] = std::move(list);
  }
  return j;
}

nlohmann::ordered_json DocSectionView(const store::DocSection& s, bool with_body) {
  nlohmann::ordered_json j = {{"id", s.id},       {"path", s.path},   {"title", s.title},
                              {"level", s.level}, {"position", s.position}, {"updatedAt", Time(s.updatedAt)}};
  if (with_body) j["body"] = s.body;
  return j;
}

nlohmann::ordered_json DocHitView(const store::DocHit& h) {
  nlohmann::ordered_json j = DocSectionView(h.section, true);
  j["snippet"] = h.snippet;
  j["rank"] = h.rank;
  return j;
}

nlohmann::ordered_json ApiTokenView(const store::ApiToken& t) {
  return {{"id", t.id},
          {"name", t.name},
          {"prefix", t.prefix},
          {"createdAt", Time(t.createdAt)},
          {"lastUsedAt", Time(t.lastUsedAt)},
          {"revoked", t.revokedAt != 0}};
}

nlohmann::ordered_json AuditView(const store::AuditEvent& e) {
  return {{"id", e.id},         {"at", Time(e.at)},   {"actorId", e.actorId}, {"action", e.action},
          {"target", e.target}, {"details", e.details}};
}

}  // namespace bf::server
