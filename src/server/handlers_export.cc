// GET /api/export?projectId=&format=openapi-json|openapi-yaml|postman|zip
#include "generate/openapi.h"
#include "server/access.h"
#include "server/app.h"
#include "server/postman.h"
#include "server/project_files.h"
#include "server/zip.h"
#include "spec/spec_json.h"

namespace bf::server {

namespace {

Response Export(App& app, Request& req) {
  std::string pid = req.QueryParam("projectId").value_or("");
  std::string format = req.QueryParam("format").value_or("openapi-json");
  if (pid.empty()) return Problem(422, "validation.failed", "projectId is required",
                                  nlohmann::json::array({{{"path", "projectId"}, {"message", "required"}}}));
  static const char* kFormats[] = {"openapi-json", "openapi-yaml", "postman", "zip"};
  if (std::find(std::begin(kFormats), std::end(kFormats), format) == std::end(kFormats)) {
    return Problem(422, "validation.failed", "format must be openapi-json, openapi-yaml, postman or zip",
                   nlohmann::json::array({{{"path", "format"}, {"message", "unknown format"}}}));
  }
  auto a = RequireProject(app, req, pid, store::Role::kViewer);
  if (a.error) return *a.error;
  const store::Project& p = a.view->project;
  std::string base = p.name.empty() ? "project" : p.name;
  for (auto& c : base) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') c = '-';
  }
  auto attach = [&](Response r, const std::string& filename) {
    r.headers.Set("Content-Disposition", "attachment; filename=\"" + filename + "\"");
    return r;
  };
  if (format == "zip") {
    ProjectFiles files(app.ProjectDir(p.id));
    auto list = files.List();
    if (!list) return ErrorResponse(req, list.error());
    if (list->empty()) return Problem(409, "project.not_generated", "the project has no files yet: POST /api/generate first");
    std::vector<std::pair<std::string, std::string>> entries;
    size_t total = 0;
    for (const auto& f : *list) {
      auto content = files.Read(f.path, 64u << 20);
      if (!content) continue;
      total += content->size();
      if (total > (512u << 20)) return Problem(413, "export.too_large", "the project is too large to export as a zip");
      entries.emplace_back(base + "/" + f.path, std::move(*content));
    }
    auto zip = MakeZip(entries);
    if (!zip) return ErrorResponse(req, zip.error());
    return attach(Text(200, std::move(*zip), "application/zip"), base + ".zip");
  }
  if (p.specVersion == 0) return Problem(409, "spec.missing", "the project has no spec yet: describe it in the chat first");
  spec::LoadedSpec loaded = spec::LoadSpec(p.spec);
  if (!loaded.spec) return Problem(422, "spec.invalid", "the project's spec is not valid; fix it first");
  auto doc = generate::BuildOpenApi(*loaded.spec);
  if (format == "openapi-json") return attach(Text(200, doc.dump(2) + "\n", "application/json"), base + ".openapi.json");
  if (format == "openapi-yaml") return attach(Text(200, generate::ToYaml(doc), "application/yaml"), base + ".openapi.yaml");
  return attach(Text(200, OpenApiToPostman(doc).dump(2) + "\n", "application/json"), base + ".postman_collection.json");
}

}  // namespace

void AddExportRoutes(App& app) {
  app.router.Add("GET", "/api/export", [&app](Request& r) { return Export(app, r); });
}

}  // namespace bf::server
