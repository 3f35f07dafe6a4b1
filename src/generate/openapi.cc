#include "generate/openapi.h"

#include <algorithm>
#include <cmath>

#include "common/strings.h"
#include "generate/prepare.h"
#include "plan/endpoints.h"
#include "spec/naming.h"

namespace bf::generate {

namespace {

using nlohmann::ordered_json;
using spec::FieldType;
using spec::RelationKind;
namespace nm = naming;

ordered_json Ref(const std::string& name) { return {{"$ref", "#/components/schemas/" + name}}; }

ordered_json JsonBody(const ordered_json& schema) {
  return {{"content", {{"application/json", {{"schema", schema}}}}}};
}

ordered_json Problem(const std::string& description, const std::string& schema = "Problem") {
  return {{"description", description}, {"content", {{"application/problem+json", {{"schema", Ref(schema)}}}}}};
}

ordered_json Ok(const std::string& description, const ordered_json& schema) {
  ordered_json r = JsonBody(schema);
  r["description"] = description;
  return r;
}

ordered_json Nullable(ordered_json schema) {
  if (schema.contains("type") && schema["type"].is_string()) {
    schema["type"] = ordered_json::array({schema["type"], "null"});
  }
  if (schema.contains("enum")) schema["enum"].push_back(nullptr);
  return schema;  // an empty schema (json) already admits null
}

double Num(double d) { return d; }

ordered_json IdSchema() { return {{"type", "string"}, {"format", "uuid"}}; }

ordered_json Security() { return ordered_json::array({{{"bearerAuth", ordered_json::array()}}}); }


}  // namespace

const std::string& EmailPattern() {
  static const std::string pattern =
      R"(^(?:[A-Za-z0-9_'+\-]+\.)*[A-Za-z0-9_'+\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\-]*\.)+[A-Za-z]{2,}$)";
  return pattern;
}

ordered_json FieldSchema(const spec::Field& f, bool nullable) {
  ordered_json s;
  switch (f.type) {
    case FieldType::kString:
    case FieldType::kText:
      // No NUL characters: PostgreSQL cannot store them, so no target accepts them.
      s = {{"type", "string"}, {"pattern", "^[^\\u0000]*$"}};
      break;
    case FieldType::kEmail:
      s = {{"type", "string"}, {"format", "email"}, {"pattern", EmailPattern()}};
      break;
    case FieldType::kUrl:
      s = {{"type", "string"}, {"format", "uri"}};
      break;
    case FieldType::kUuid:
      s = {{"type", "string"}, {"format", "uuid"}};
      break;
    case FieldType::kInteger:
      s["type"] = "integer";
      break;
    case FieldType::kNumber:
      s["type"] = "number";
      break;
    case FieldType::kBoolean:
      s["type"] = "boolean";
      break;
    case FieldType::kDateTime:
      s = {{"type", "string"}, {"format", "date-time"}};
      break;
    case FieldType::kDate:
      s = {{"type", "string"}, {"format", "date"}};
      break;
    case FieldType::kEnum:
      s = {{"type", "string"}, {"enum", f.enumValues}};
      break;
    case FieldType::kJson:
      s = ordered_json::object();  // any JSON value
      break;
  }
  if (f.maxLength) s["maxLength"] = *f.maxLength;
  if ((f.type == FieldType::kString || f.type == FieldType::kText) && f.required) s["minLength"] = 1;
  auto num = [&](double d) -> ordered_json {
    if (f.type == FieldType::kInteger) return static_cast<int64_t>(f.type == FieldType::kInteger ? std::ceil(d) : d);
    return Num(d);
  };
  if (f.min) s["minimum"] = num(*f.min);
  if (f.max) s["maximum"] = f.type == FieldType::kInteger ? ordered_json(static_cast<int64_t>(std::floor(*f.max))) : ordered_json(*f.max);
  // Integers are exact in JSON only within +-(2^53 - 1) (I-JSON, RFC 7493); say so where the spec
  // gives no bound, so clients and fuzzers stay within what every target can represent.
  constexpr int64_t kSafeInteger = 9007199254740991;
  if (f.type == FieldType::kInteger && !f.min) s["minimum"] = -kSafeInteger;
  if (f.type == FieldType::kInteger && !f.max) s["maximum"] = kSafeInteger;
  if (!f.description.empty()) s["description"] = f.description;
  if (f.defaultValue && !(f.defaultValue->is_string() && f.defaultValue->get<std::string>() == "now")) {
    s["default"] = *f.defaultValue;
  }
  return nullable ? Nullable(s) : s;
}

namespace {

// page and limit: the parameters every list takes (nested lists take only these).
ordered_json PagingParameters() {
  ordered_json params = ordered_json::array();
  params.push_back({{"name", "page"}, {"in", "query"},
                    {"schema", {{"type", "integer"}, {"minimum", 1}, {"maximum", 100000}, {"default", 1}}}});
  params.push_back({{"name", "limit"}, {"in", "query"},
                    {"schema", {{"type", "integer"}, {"minimum", 1}, {"maximum", 100}, {"default", 20}}}});
  return params;
}

ordered_json ListParameters(const spec::AppSpec& spec, const spec::Entity& e) {
  ordered_json params = PagingParameters();
  ordered_json sortable = ordered_json::array();
  auto add_sort = [&](const std::string& name) {
    sortable.push_back(name);
    sortable.push_back("-" + name);
  };
  for (const auto& f : e.fields) {
    if (f.type != FieldType::kText && f.type != FieldType::kJson && f.type != FieldType::kBoolean) add_sort(f.name);
  }
  if (e.timestamps) {
    add_sort("createdAt");
    add_sort("updatedAt");
  }
  if (!sortable.empty()) {
    params.push_back({{"name", "sort"}, {"in", "query"}, {"description", "field to sort by; prefix with - for descending"},
                      {"schema", {{"type", "string"}, {"enum", sortable}}}});
  }
  for (const auto& f : e.fields) {
    if (f.type == FieldType::kText || f.type == FieldType::kJson) continue;
    ordered_json fs = FieldSchema(f, false);
    fs.erase("default");
    fs.erase("description");
    params.push_back({{"name", f.name}, {"in", "query"}, {"description", "exact match"}, {"schema", fs}});
  }
  for (const auto& r : spec.relations) {  // foreign keys: the inverse of one-to-many nested reads
    if (r.to != e.name || r.kind == RelationKind::kManyToMany) continue;
    params.push_back({{"name", r.inverse + "Id"}, {"in", "query"}, {"description", "records referring to this " + nm::ToLowerWords(r.from)},
                      {"schema", {{"type", "string"}}}});
  }
  return params;
}

// The response object for one documented status of an endpoint.
ordered_json Response(const plan::Endpoint& ep, int status, const spec::AppSpec& spec) {
  const std::string words = ep.entity.empty() ? "" : nm::ToLowerWords(ep.entity);
  const spec::Entity* e = ep.entity.empty() ? nullptr : spec.FindEntity(ep.entity);
  switch (status) {
    case 200:
    case 201: {
      switch (ep.kind) {
        case plan::EndpointKind::kList:
        case plan::EndpointKind::kNestedList:
          return Ok("A page of " + nm::ToLowerWords(e->plural), Ref(e->plural + "Page"));
        case plan::EndpointKind::kCreate: {
          ordered_json r = Ok("Created", Ref(e->name));
          r["headers"] = {{"Location", {{"description", "URL of the new record"}, {"schema", {{"type", "string"}}}}}};
          return r;
        }
        case plan::EndpointKind::kRead:
        case plan::EndpointKind::kNestedRead:
          return Ok("The " + words, Ref(e->name));
        case plan::EndpointKind::kUpdate:
          return Ok("Updated", Ref(e->name));
        case plan::EndpointKind::kAuth:
          if (ep.path == "/auth/me") return Ok("The signed-in user", Ref(spec.auth.userEntity));
          return Ok(status == 201 ? "Registered and signed in" : "Signed in", Ref("AuthResponse"));
        case plan::EndpointKind::kEvents:
          return {{"description", "Server-sent events: `event: <entity>.<action>` and one `data:` line of JSON {type, id, data} per change"},
                  {"content", {{"text/event-stream", {{"schema", {{"type", "string"}}}}}}}};
        default:
          break;
      }
      if (ep.path == "/openapi.json") {
        return {{"description", "This document"}, {"content", {{"application/json", {{"schema", {{"type", "object"}}}}}}}};
      }
      if (ep.path == "/docs") {
        return {{"description", "Swagger UI"}, {"content", {{"text/html", {{"schema", {{"type", "string"}}}}}}}};
      }
      return Ok(ep.path == "/ready" ? "Ready" : "Alive",
                ordered_json{{"type", "object"},
                             {"required", {"status"}},
                             {"properties", {{"status", {{"type", "string"}}}}}});
    }
    case 204:
      return {{"description", "Deleted"}};
    case 400:
      return Problem(ep.kind == plan::EndpointKind::kList || ep.kind == plan::EndpointKind::kNestedList
                         ? "Malformed query parameters (page, limit, sort, filters)"
                         : "Malformed JSON body");
    case 401:
      return Problem(ep.kind == plan::EndpointKind::kAuth && ep.method == "POST"
                         ? (ep.path == "/auth/login" ? "Wrong credentials" : "Refresh token invalid, expired or reused")
                         : "Missing, invalid or expired access token");
    case 403:
      return Problem("Signed in but not allowed");
    case 404:
      return Problem("No such record");
    case 409:
      if (ep.kind == plan::EndpointKind::kDelete) return Problem("Other records still refer to this one");
      if (ep.path == "/auth/register") return Problem("An account with this " + spec.auth.identityField + " exists");
      return Problem("A unique field already has this value");
    case 415:
      return Problem("The request body is not application/json");
    case 422:
      return Problem("Validation failed; `errors` lists each field", "ValidationProblem");
    case 429: {
      ordered_json r = Problem("Too many attempts; retry later");
      r["headers"] = {{"Retry-After", {{"description", "seconds to wait"}, {"schema", {{"type", "integer"}}}}}};
      return r;
    }
    case 503:
      return Problem("Not ready (the database does not answer)");
    default:
      return Problem("Error");
  }
}

ordered_json RequestBody(const std::string& schema) {
  return {{"required", true}, {"content", {{"application/json", {{"schema", Ref(schema)}}}}}};
}

// Every path of the contract, driven by the planner's endpoint list (one source of truth for
// routes, access and status codes); this adds parameters, bodies and response schemas.
void BuildPaths(const spec::AppSpec& spec, ordered_json& paths) {
  const std::vector<plan::Endpoint> endpoints = plan::BuildEndpoints(spec);
  // ordered_json objects are vectors of pairs with const keys: growing one copies every value
  // already in it (deeply), so the big ones are reserved up front.
  if (!paths.is_object()) paths = ordered_json::object();
  paths.get_ref<ordered_json::object_t&>().reserve(endpoints.size());
  for (const plan::Endpoint& ep : endpoints) {
    ordered_json op;
    const spec::Entity* e = ep.entity.empty() ? nullptr : spec.FindEntity(ep.entity);
    std::string method = bf::ToLower(ep.method);
    std::string tag = ep.kind == plan::EndpointKind::kSystem || ep.kind == plan::EndpointKind::kEvents ? "System"
                      : ep.kind == plan::EndpointKind::kAuth                                            ? "Auth"
                      : !ep.parent.empty()                                                              ? ep.parent
                                                                                                        : ep.entity;
    std::string op_id;
    switch (ep.kind) {
      case plan::EndpointKind::kList: op_id = "list" + e->plural; break;
      case plan::EndpointKind::kCreate: op_id = "create" + e->name; break;
      case plan::EndpointKind::kRead: op_id = "get" + e->name; break;
      case plan::EndpointKind::kUpdate: op_id = "update" + e->name; break;
      case plan::EndpointKind::kDelete: op_id = "delete" + e->name; break;
      case plan::EndpointKind::kNestedList:
      case plan::EndpointKind::kNestedRead: op_id = "get" + ep.parent + nm::ToPascalCase(ep.relation); break;
      case plan::EndpointKind::kEvents: op_id = "events"; break;
      default: op_id = nm::ToCamelCase(ep.path.substr(ep.path.rfind('/') + 1)); break;
    }
    if (op_id == "openapiJson") op_id = "openapi";
    op["operationId"] = op_id;
    op["tags"] = {tag};
    op["summary"] = ep.summary;
    op["description"] = "Allowed: " + ep.AccessText() + ".";
    ordered_json params = ordered_json::array();
    if (ep.path.find("{id}") != std::string::npos) {
      std::string owner_words = nm::ToLowerWords(ep.parent.empty() ? ep.entity : ep.parent);
      params.push_back({{"name", "id"}, {"in", "path"}, {"required", true}, {"description", "id of the " + owner_words},
                        {"schema", {{"type", "string"}}}});
    }
    if (ep.kind == plan::EndpointKind::kList) {
      for (auto& p : ListParameters(spec, *e)) params.push_back(std::move(p));
    } else if (ep.kind == plan::EndpointKind::kNestedList) {
      for (auto& p : PagingParameters()) params.push_back(std::move(p));
    }
    if (!params.empty()) op["parameters"] = std::move(params);
    if (ep.kind == plan::EndpointKind::kCreate) op["requestBody"] = RequestBody(e->name + "Create");
    if (ep.kind == plan::EndpointKind::kUpdate) op["requestBody"] = RequestBody(e->name + "Update");
    if (ep.path == "/auth/register") op["requestBody"] = RequestBody("RegisterRequest");
    if (ep.path == "/auth/login") op["requestBody"] = RequestBody("LoginRequest");
    if (ep.path == "/auth/refresh") op["requestBody"] = RequestBody("RefreshRequest");
    if (ep.requiresAuth) op["security"] = Security();
    // Operations with a JSON body also answer 415 to a body of another media type.
    std::vector<int> statuses = ep.statuses;
    if (op.contains("requestBody")) {
      statuses.push_back(415);
      std::sort(statuses.begin(), statuses.end());
    }
    ordered_json responses = ordered_json::object();
    responses.get_ref<ordered_json::object_t&>().reserve(statuses.size());
    for (int status : statuses) responses[std::to_string(status)] = Response(ep, status, spec);
    op["responses"] = std::move(responses);
    paths[ep.path][method] = std::move(op);
  }
}

}  // namespace

ordered_json BuildOpenApi(const spec::AppSpec& spec) {
  ordered_json doc;
  doc["openapi"] = "3.1.0";
  doc["info"] = {{"title", spec.title.empty() ? spec.name : spec.title},
                 {"version", "1.0.0"},
                 {"description", spec.description.empty() ? "Generated by BackendForge." : spec.description}};
  doc["servers"] = ordered_json::array({{{"url", "/"}}});
  ordered_json tags = ordered_json::array({{{"name", "System"}}, {{"name", "Auth"}}});
  for (const auto& e : spec.entities) tags.push_back({{"name", e.name}});
  doc["tags"] = tags;

  ordered_json schemas = ordered_json::object();
  schemas.get_ref<ordered_json::object_t&>().reserve(4 * spec.entities.size() + 6);
  schemas["Problem"] = {{"type", "object"},
                        {"description", "RFC 9457 problem details"},
                        {"required", {"type", "title", "status"}},
                        {"properties",
                         {{"type", {{"type", "string"}}},
                          {"title", {{"type", "string"}}},
                          {"status", {{"type", "integer"}}},
                          {"detail", {{"type", "string"}}},
                          {"instance", {{"type", "string"}}}}}};
  schemas["ValidationProblem"] = schemas["Problem"];
  schemas["ValidationProblem"]["properties"]["errors"] = {
      {"type", "array"},
      {"items",
       {{"type", "object"},
        {"required", {"path", "message"}},
        {"properties", {{"path", {{"type", "string"}}}, {"message", {{"type", "string"}}}}}}}};

  ordered_json paths;
  const spec::Entity* user = spec.auth.enabled ? spec.FindEntity(spec.auth.userEntity) : nullptr;

  // Entity schemas: response, create, update, list.
  for (const auto& e : spec.entities) {
    bool is_user = user && e.name == user->name;
    ordered_json props, required = ordered_json::array({"id"});
    props["id"] = IdSchema();
    for (const auto& f : e.fields) {
      props[f.name] = FieldSchema(f, !f.required);
      if (f.required) required.push_back(f.name);
    }
    if (is_user) {
      ordered_json roles = ordered_json::array();
      for (const auto& r : spec.roles) roles.push_back(r);
      props["role"] = {{"type", "string"}, {"enum", roles}};
      required.push_back("role");
    }
    ordered_json create_props, create_required = ordered_json::array();
    for (const auto& f : e.fields) {
      if (is_user && f.name == spec.auth.identityField) continue;  // changed through auth only
      create_props[f.name] = FieldSchema(f, !f.required);
      if (f.required && !f.defaultValue) create_required.push_back(f.name);
    }
    for (const auto& r : spec.relations) {
      if (r.kind == RelationKind::kManyToMany) {
        if (r.from == e.name) {
          std::string ids = nm::ToCamelCase(nm::SingularizeName(r.name)) + "Ids";
          ordered_json arr = {{"type", "array"}, {"items", IdSchema()}, {"uniqueItems", true}};
          props[ids] = arr;
          create_props[ids] = arr;
        }
        continue;
      }
      if (r.to != e.name) continue;
      std::string fk = r.inverse + "Id";
      props[fk] = r.required ? IdSchema() : Nullable(IdSchema());
      required.push_back(fk);
      bool is_owner = e.owner && *e.owner == r.inverse && user && r.from == user->name;
      if (is_owner) continue;  // set from the access token, never from the body
      create_props[fk] = r.required ? IdSchema() : Nullable(IdSchema());
      if (r.required) create_required.push_back(fk);
    }
    if (e.timestamps) {
      props["createdAt"] = {{"type", "string"}, {"format", "date-time"}};
      props["updatedAt"] = {{"type", "string"}, {"format", "date-time"}};
      required.push_back("createdAt");
      required.push_back("updatedAt");
    }
    ordered_json& response = schemas[e.name] = {{"type", "object"}};
    response["required"] = std::move(required);
    response["properties"] = std::move(props);
    ordered_json update = {{"type", "object"}, {"additionalProperties", false}, {"properties", create_props}};
    if (!is_user) {
      ordered_json& create = schemas[e.name + "Create"] = {{"type", "object"}, {"additionalProperties", false}};
      create["properties"] = std::move(create_props);
      if (!create_required.empty()) create["required"] = std::move(create_required);
    }
    schemas[e.name + "Update"] = std::move(update);
    schemas[e.plural + "Page"] = {{"type", "object"},
                                  {"required", {"data", "page", "limit", "total"}},
                                  {"properties",
                                   {{"data", {{"type", "array"}, {"items", Ref(e.name)}}},
                                    {"page", {{"type", "integer"}, {"minimum", 1}}},
                                    {"limit", {{"type", "integer"}, {"minimum", 1}, {"maximum", 100}}},
                                    {"total", {{"type", "integer"}, {"minimum", 0}}}}}};
  }

  if (user) {
    ordered_json reg_props, reg_required = ordered_json::array();
    for (const auto& f : user->fields) {
      reg_props[f.name] = FieldSchema(f, !f.required);
      if (f.required && !f.defaultValue) reg_required.push_back(f.name);
    }
    reg_props["password"] = {{"type", "string"}, {"minLength", 8}, {"maxLength", 128}};
    reg_required.push_back("password");
    schemas["RegisterRequest"] = {{"type", "object"}, {"additionalProperties", false},
                                  {"required", reg_required}, {"properties", reg_props}};
    schemas["LoginRequest"] = {{"type", "object"},
                               {"additionalProperties", false},
                               {"required", {spec.auth.identityField, "password"}},
                               {"properties",
                                {{spec.auth.identityField, FieldSchema(*user->FindField(spec.auth.identityField), false)},
                                 {"password", {{"type", "string"}, {"minLength", 1}, {"maxLength", 128}}}}}};
    schemas["RefreshRequest"] = {{"type", "object"},
                                 {"additionalProperties", false},
                                 {"required", {"refreshToken"}},
                                 {"properties", {{"refreshToken", {{"type", "string"}, {"minLength", 1}}}}}};
    schemas["AuthResponse"] = {{"type", "object"},
                               {"required", {"accessToken", "refreshToken", "user"}},
                               {"properties",
                                {{"accessToken", {{"type", "string"}}},
                                 {"refreshToken", {{"type", "string"}}},
                                 {"tokenType", {{"type", "string"}}},
                                 {"expiresIn", {{"type", "integer"}}},
                                 {"user", Ref(user->name)}}}};
  }

  BuildPaths(spec, paths);
  doc["paths"] = std::move(paths);
  doc["components"]["schemas"] = std::move(schemas);
  if (spec.auth.enabled) {
    doc["components"]["securitySchemes"] = {{"bearerAuth", {{"type", "http"}, {"scheme", "bearer"}, {"bearerFormat", "JWT"}}}};
  }
  return doc;
}

namespace {

bool NeedsQuotes(const std::string& s) {
  if (s.empty()) return true;
  static const char* kSpecial = ":#{}[],&*!|>'\"%@`?-";
  if (std::string_view(kSpecial).find(s[0]) != std::string_view::npos) return true;
  if (s.find(": ") != std::string::npos || s.find(" #") != std::string::npos || s.back() == ' ' || s.front() == ' ') return true;
  if (s.find('\n') != std::string::npos) return true;
  std::string l = ToLower(s);
  if (l == "true" || l == "false" || l == "null" || l == "yes" || l == "no" || l == "on" || l == "off" || l == "~") return true;
  bool numeric = std::any_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }) &&
                 std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E'; });
  return numeric;
}

std::string Scalar(const ordered_json& v) {
  if (v.is_string()) {
    std::string s = v.get<std::string>();
    return NeedsQuotes(s) ? v.dump() : s;
  }
  return v.dump();
}

void Emit(const ordered_json& v, int indent, std::string& out) {
  std::string pad(static_cast<size_t>(indent), ' ');
  if (v.is_object()) {
    for (const auto& [k, child] : v.items()) {
      std::string key = NeedsQuotes(k) ? ordered_json(k).dump() : k;
      if ((child.is_object() || child.is_array()) && !child.empty()) {
        out += pad + key + ":\n";
        Emit(child, indent + 2, out);
      } else {
        out += pad + key + ": " + (child.is_object() ? "{}" : child.is_array() ? "[]" : Scalar(child)) + "\n";
      }
    }
  } else if (v.is_array()) {
    for (const auto& child : v) {
      if (child.is_object() && !child.empty()) {
        std::string nested;
        Emit(child, indent + 2, nested);
        nested.replace(static_cast<size_t>(indent), 2, "- ");
        out += nested;
      } else if (child.is_array() && !child.empty()) {
        out += pad + "-\n";
        Emit(child, indent + 2, out);
      } else {
        out += pad + "- " + (child.is_object() ? "{}" : child.is_array() ? "[]" : Scalar(child)) + "\n";
      }
    }
  }
}

}  // namespace

std::string ToYaml(const ordered_json& doc) {
  std::string out;
  Emit(doc, 0, out);
  return out;
}

}  // namespace bf::generate
