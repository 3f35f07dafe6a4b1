#include "server/postman.h"

#include <algorithm>
#include <cctype>
#include <map>

namespace bf::server {

using oj = nlohmann::ordered_json;

namespace {

const oj* Resolve(const oj& schema, const oj& doc) {
  auto ref = schema.find("$ref");
  if (ref == schema.end() || !ref->is_string()) return &schema;
  std::string r = *ref;
  if (r.rfind("#/", 0) != 0) return nullptr;
  try {
    return &doc.at(oj::json_pointer(r.substr(1)));
  } catch (const std::exception&) {
    return nullptr;
  }
}

std::vector<std::string> PathSegments(const std::string& path) {
  std::vector<std::string> out;
  size_t i = 1;
  while (i <= path.size()) {
    size_t j = path.find('/', i);
    if (j == std::string::npos) j = path.size();
    std::string seg = path.substr(i, j - i);
    if (seg.size() > 2 && seg.front() == '{' && seg.back() == '}') seg = ":" + seg.substr(1, seg.size() - 2);
    if (!seg.empty()) out.push_back(seg);
    i = j + 1;
  }
  return out;
}

}  // namespace

oj ExampleFromSchema(const oj& schema_in, const oj& doc, int depth) {
  if (depth > 6) return nullptr;
  const oj* s = Resolve(schema_in, doc);
  if (!s || !s->is_object()) return nullptr;
  if (s->contains("example")) return (*s)["example"];
  if (s->contains("default")) return (*s)["default"];
  if (s->contains("enum") && (*s)["enum"].is_array() && !(*s)["enum"].empty()) return (*s)["enum"][0];
  for (const char* k : {"allOf", "oneOf", "anyOf"}) {
    if (s->contains(k) && (*s)[k].is_array() && !(*s)[k].empty()) return ExampleFromSchema((*s)[k][0], doc, depth + 1);
  }
  std::string type;
  if (auto t = s->find("type"); t != s->end()) {
    if (t->is_string()) type = *t;
    if (t->is_array()) {
      for (const auto& x : *t) {
        if (x.is_string() && x != "null") {
          type = x;
          break;
        }
      }
    }
  }
  if (type == "object" || (type.empty() && s->contains("properties"))) {
    oj out = oj::object();
    if (auto props = s->find("properties"); props != s->end() && props->is_object()) {
      for (auto it = props->begin(); it != props->end(); ++it) {
        if (it->is_object() && it->value("readOnly", false)) continue;
        out[it.key()] = ExampleFromSchema(*it, doc, depth + 1);
      }
    }
    return out;
  }
  if (type == "array") {
    oj out = oj::array();
    if (s->contains("items")) out.push_back(ExampleFromSchema((*s)["items"], doc, depth + 1));
    return out;
  }
  if (type == "integer") return 0;
  if (type == "number") return 0.0;
  if (type == "boolean") return false;
  if (type == "string") {
    std::string fmt = s->value("format", "");
    if (fmt == "email") return "user@example.com";
    if (fmt == "date-time") return "2024-01-15T10:00:00.000Z";
    if (fmt == "date") return "2024-01-15";
    if (fmt == "uuid") return "00000000-0000-4000-8000-000000000000";
    if (fmt == "uri") return "https://example.com";
    if (fmt == "password") return "change-me-please";
    return "string";
  }
  return nullptr;
}

oj OpenApiToPostman(const oj& openapi) {
  std::string title = openapi.contains("info") ? openapi["info"].value("title", "API") : "API";
  oj collection;
  collection["info"] = {{"name", title},
                        {"description", openapi.contains("info") ? openapi["info"].value("description", "") : ""},
                        {"schema", "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"}};
  std::vector<std::string> tag_order;
  std::map<std::string, oj> folders;
  auto add_tag = [&](const std::string& t) {
    if (!folders.count(t)) {
      folders[t] = oj::array();
      tag_order.push_back(t);
    }
  };
  if (openapi.contains("tags")) {
    for (const auto& t : openapi["tags"]) {
      if (t.contains("name")) add_tag(t["name"].get<std::string>());
    }
  }
  if (openapi.contains("paths")) {
    for (auto p = openapi["paths"].begin(); p != openapi["paths"].end(); ++p) {
      const std::string path = p.key();
      for (auto m = p->begin(); m != p->end(); ++m) {
        static const char* kMethods[] = {"get", "post", "put", "patch", "delete", "head", "options"};
        std::string method = m.key();
        if (std::find(std::begin(kMethods), std::end(kMethods), method) == std::end(kMethods)) continue;
        const oj& op = *m;
        std::string upper = method;
        for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        oj url;
        oj variables = oj::array();
        oj query = oj::array();
        auto params = op.value("parameters", oj::array());
        if (p->contains("parameters")) {
          for (const auto& x : (*p)["parameters"]) params.push_back(x);
        }
        for (const auto& prm_in : params) {
          const oj* prm = Resolve(prm_in, openapi);
          if (!prm) continue;
          std::string in = prm->value("in", "");
          std::string name = prm->value("name", "");
          if (in == "path") variables.push_back({{"key", name}, {"value", ""}});
          if (in == "query") query.push_back({{"key", name}, {"value", ""}, {"disabled", !prm->value("required", false)}});
        }
        std::string raw_url = "{{baseUrl}}";
        for (const auto& seg : PathSegments(path)) raw_url += "/" + seg;
        url["raw"] = raw_url;
        url["host"] = oj::array({"{{baseUrl}}"});
        url["path"] = PathSegments(path);
        if (!variables.empty()) url["variable"] = variables;
        if (!query.empty()) url["query"] = query;
        oj request = {{"method", upper}, {"header", oj::array()}, {"url", url}};
        if (op.contains("requestBody")) {
          const oj* rb = Resolve(op["requestBody"], openapi);
          if (rb && rb->contains("content") && (*rb)["content"].contains("application/json")) {
            oj example = ExampleFromSchema((*rb)["content"]["application/json"].value("schema", oj::object()), openapi);
            request["header"].push_back({{"key", "Content-Type"}, {"value", "application/json"}});
            request["body"] = {{"mode", "raw"}, {"raw", example.dump(2)}, {"options", {{"raw", {{"language", "json"}}}}}};
          }
        }
        if (op.contains("security") && op["security"].is_array() && op["security"].empty()) {
          request["auth"] = {{"type", "noauth"}};
        }
        std::string tag = op.contains("tags") && op["tags"].is_array() && !op["tags"].empty() ? op["tags"][0].get<std::string>()
                                                                                              : std::string("default");
        add_tag(tag);
        folders[tag].push_back({{"name", op.value("summary", upper + " " + path)}, {"request", request}});
      }
    }
  }
  collection["item"] = oj::array();
  for (const auto& t : tag_order) {
    if (!folders[t].empty()) collection["item"].push_back({{"name", t}, {"item", folders[t]}});
  }
  collection["auth"] = {{"type", "bearer"}, {"bearer", oj::array({{{"key", "token"}, {"value", "{{accessToken}}"}, {"type", "string"}}})}};
  collection["variable"] = oj::array({{{"key", "baseUrl"}, {"value", "http://localhost:3000"}}, {{"key", "accessToken"}, {"value", ""}}});
  return collection;
}

}  // namespace bf::server
