#include "verify/openapi_diff.h"

#include <algorithm>
#include <map>
#include <set>

#include "common/strings.h"
#include "verify/expect.h"

namespace bf::verify {

namespace {

using nlohmann::json;

const char* const kMethods[] = {"get",     "put",  "post",  "delete",
                                "options", "head", "patch", "trace"};

std::string NormalizePath(const std::string& path) {
  std::string out;
  bool in_param = false;
  for (char c : path) {
    if (c == '{') {
      in_param = true;
      out += "{}";
    } else if (c == '}') {
      in_param = false;
    } else if (!in_param) {
      out += c;
    }
  }
  return out;
}

// Operations by "METHOD /normalized/path", keeping the document's own path for messages.
struct Op {
  std::string display;
  const json* node;
};
std::map<std::string, Op> Operations(const json& doc) {
  std::map<std::string, Op> out;
  if (!doc.contains("paths") || !doc["paths"].is_object()) return out;
  for (const auto& [path, item] : doc["paths"].items()) {
    if (!item.is_object()) continue;
    for (const char* m : kMethods) {
      if (!item.contains(m)) continue;
      std::string method = m;
      std::transform(method.begin(), method.end(), method.begin(), ::toupper);
      out[method + " " + NormalizePath(path)] = {method + " " + path, &item[m]};
    }
  }
  return out;
}

// Follows local "$ref"s (bounded, so a cycle cannot hang).
const json* Resolve(const json& doc, const json* node) {
  for (int i = 0; i < 16 && node && node->is_object() && node->contains("$ref"); ++i) {
    const json& ref = (*node)["$ref"];
    if (!ref.is_string() || !StartsWith(ref.get<std::string>(), "#/")) return nullptr;
    json::json_pointer ptr(ref.get<std::string>().substr(1));
    if (!doc.contains(ptr)) return nullptr;
    node = &doc.at(ptr);
  }
  return node;
}

const json* Child(const json& doc, const json* node, std::initializer_list<const char*> keys) {
  for (const char* k : keys) {
    node = Resolve(doc, node);
    if (!node || !node->is_object() || !node->contains(k)) return nullptr;
    node = &(*node)[k];
  }
  return Resolve(doc, node);
}

std::set<std::string> TypeSet(const json& schema) {
  std::set<std::string> out;
  if (!schema.contains("type")) return out;
  const json& t = schema["type"];
  if (t.is_string()) out.insert(t.get<std::string>());
  if (t.is_array()) {
    for (const auto& x : t) {
      if (x.is_string()) out.insert(x.get<std::string>());
    }
  }
  if (schema.contains("nullable") && schema["nullable"] == true)
    out.insert("null");  // OpenAPI 3.0 style
  return out;
}

std::string Show(const std::set<std::string>& s) {
  std::vector<std::string> v(s.begin(), s.end());
  return v.empty() ? "(any)" : Join(v, "|");
}

std::set<std::string> EnumSet(const json& schema) {
  std::set<std::string> out;
  if (schema.contains("enum") && schema["enum"].is_array()) {
    for (const auto& v : schema["enum"]) {
      if (!v.is_null()) out.insert(v.dump());
    }
  }
  return out;
}

std::set<std::string> Names(const json* obj) {
  std::set<std::string> out;
  if (obj && obj->is_object()) {
    for (const auto& [k, v] : obj->items()) out.insert(k);
  }
  return out;
}

std::set<std::string> Strings(const json* arr) {
  std::set<std::string> out;
  if (arr && arr->is_array()) {
    for (const auto& v : *arr) {
      if (v.is_string()) out.insert(v.get<std::string>());
    }
  }
  return out;
}

// `request`: a body the client sends, where an extra required property breaks clients; in a
// response, listing more properties as required only promises what the contract promises anyway
// (every property is present), so only missing ones are reported.
void CompareSchemas(const std::string& where, const json& edoc, const json* e, const json& adoc,
                    const json* a, bool request, std::vector<std::string>& out) {
  if (!e) return;
  if (!a) {
    out.push_back(where + ": no schema documented");
    return;
  }
  const json* eprops = Child(edoc, e, {"properties"});
  const json* aprops = Child(adoc, a, {"properties"});
  std::set<std::string> en = Names(eprops), an = Names(aprops);
  for (const auto& p : en) {
    if (!an.count(p)) out.push_back(where + ": property " + p + " missing");
  }
  for (const auto& p : an) {
    if (!en.count(p)) out.push_back(where + ": property " + p + " not in the spec");
  }
  for (const auto& p : en) {
    if (!an.count(p)) continue;
    const json* ep = Resolve(edoc, &(*eprops)[p]);
    const json* ap = Resolve(adoc, &(*aprops)[p]);
    if (!ep || !ap) continue;
    auto et = TypeSet(*ep), at = TypeSet(*ap);
    if (et != at)
      out.push_back(where + ": " + p + " has type " + Show(at) + ", expected " + Show(et));
    std::string ef = StrOf(*ep, "format"), af = StrOf(*ap, "format");
    if (ef != af)
      out.push_back(where + ": " + p + " has format \"" + af + "\", expected \"" + ef + "\"");
    auto ee = EnumSet(*ep), ae = EnumSet(*ap);
    if (ee != ae)
      out.push_back(where + ": " + p + " has enum " + Show(ae) + ", expected " + Show(ee));
  }
  auto er = Strings(Child(edoc, e, {"required"})), ar = Strings(Child(adoc, a, {"required"}));
  for (const auto& r : er) {
    if (!ar.count(r)) out.push_back(where + ": " + r + " should be required");
  }
  for (const auto& r : ar) {
    if (request && !er.count(r) && en.count(r))
      out.push_back(where + ": " + r + " should not be required");
  }
}

// The schema node of a response or request body as written (a $ref is not followed, so its
// component name can label messages); `content` is the resolved content map.
const json* MediaSchema(const json& doc, const json* content) {
  if (!content || !content->is_object() || content->empty()) return nullptr;
  const json& media = content->contains("application/json") ? (*content)["application/json"]
                                                            : content->begin().value();
  const json* m = Resolve(doc, &media);
  if (!m || !m->is_object() || !m->contains("schema")) return nullptr;
  return &(*m)["schema"];
}

const json* ResponseSchema(const json& doc, const json* op, const char* code) {
  return MediaSchema(doc, Child(doc, op, {"responses", code, "content"}));
}

const json* RequestSchema(const json& doc, const json* op) {
  return MediaSchema(doc, Child(doc, op, {"requestBody", "content"}));
}

std::string Label(const json* schema) {
  if (schema && schema->is_object() && schema->contains("$ref") && (*schema)["$ref"].is_string()) {
    std::string r = (*schema)["$ref"].get<std::string>();
    return r.substr(r.rfind('/') + 1);
  }
  return "";
}

}  // namespace

OpenApiDiff DiffOpenApi(const json& expected, const json& actual) {
  OpenApiDiff d;
  auto eops = Operations(expected), aops = Operations(actual);
  for (const auto& [key, op] : eops) {
    if (!aops.count(key)) d.missing_operations.push_back(op.display);
  }
  for (const auto& [key, op] : aops) {
    // The document and the docs page are contract routes the core does not list in the document.
    if (key == "GET /openapi.json" || key == "GET /docs") continue;
    if (!eops.count(key)) d.extra_operations.push_back(op.display);
  }
  for (const auto& [key, eop] : eops) {
    auto it = aops.find(key);
    if (it == aops.end()) continue;
    const json* aop = it->second.node;
    // Status codes.
    std::set<std::string> ec = Names(Child(expected, eop.node, {"responses"}));
    std::set<std::string> ac = Names(Child(actual, aop, {"responses"}));
    std::vector<std::string> missing, extra;
    for (const auto& c : ec) {
      if (!ac.count(c)) missing.push_back(c);
    }
    for (const auto& c : ac) {
      if (!ec.count(c)) extra.push_back(c);
    }
    if (!missing.empty() || !extra.empty()) {
      std::string msg = eop.display + ":";
      if (!missing.empty()) msg += " missing " + Join(missing, ", ") + (extra.empty() ? "" : ";");
      if (!extra.empty()) msg += " not in the contract " + Join(extra, ", ");
      d.status_problems.push_back(msg);
    }
    // Schemas of entity operations: the record, the create body and the update body.
    std::string method = key.substr(0, key.find(' '));
    const std::string& path = eop.display;
    if (!StartsWith(path, method + " /api/")) continue;
    auto compare = [&](const json* es, const json* as, const std::string& what, bool request) {
      std::string name = Label(es);
      std::string where = eop.display + " " + what + (name.empty() ? "" : " (" + name + ")");
      CompareSchemas(where, expected, Resolve(expected, es), actual, Resolve(actual, as), request,
                     d.schema_problems);
    };
    if (method == "GET" && EndsWith(path, "/{id}")) {
      compare(ResponseSchema(expected, eop.node, "200"), ResponseSchema(actual, aop, "200"), "200",
              false);
    }
    if (method == "POST" || method == "PATCH") {
      compare(RequestSchema(expected, eop.node), RequestSchema(actual, aop), "request body", true);
    }
  }
  return d;
}

}  // namespace bf::verify
