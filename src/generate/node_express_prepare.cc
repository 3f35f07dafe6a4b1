// The node-express prepare step: TypeScript types, zod schemas and sample values on top of
// the common view model.
#include <cmath>

#include "common/strings.h"
#include "generate/prepare.h"
#include "spec/naming.h"

namespace bf::generate {

namespace {

using nlohmann::json;
using nlohmann::ordered_json;

std::string TsType(const std::string& type) {
  if (type == "integer" || type == "number") return "number";
  if (type == "boolean") return "boolean";
  if (type == "json") return "unknown";
  return "string";
}

std::string JsString(const std::string& s) { return json(s).dump(); }

// The zod schema of a field as a request body property (create: required as declared).
std::string ZodSchema(const json& f) {
  const std::string type = f["type"];
  std::string z;
  if (type == "string" || type == "text") {
    z = "z.string()";
    if (f["isRequired"].get<bool>()) z += ".min(1)";
  } else if (type == "email") {
    z = "z.string().email()";
  } else if (type == "url") {
    z = "z.string().url()";
  } else if (type == "uuid") {
    z = "z.string().uuid()";
  } else if (type == "integer") {
    z = "z.number().int()";
  } else if (type == "number") {
    z = "z.number()";
  } else if (type == "boolean") {
    z = "z.boolean()";
  } else if (type == "datetime") {
    z = "z.string().datetime({ offset: true })";
  } else if (type == "date") {
    z = "z.string().date()";
  } else if (type == "enum") {
    std::vector<std::string> vals;
    for (const auto& v : f["enumValues"]) vals.push_back(JsString(v["value"]));
    z = "z.enum([" + Join(vals, ", ") + "])";
  } else {
    z = "z.unknown()";
  }
  if (f["hasMaxLength"].get<bool>()) z += ".max(" + f["maxLength"].get<std::string>() + ")";
  if (f["hasMin"].get<bool>()) z += ".min(" + f["min"].get<std::string>() + ")";
  if (f["hasMax"].get<bool>()) z += ".max(" + f["max"].get<std::string>() + ")";
  return z;
}

// A valid value for tests; `n` is a variable in scope that varies per record (unique fields).
std::string FactoryJs(const json& f, const std::string& entity_kebab) {
  const std::string type = f["type"], name = f["name"];
  bool unique = f["isUnique"].get<bool>();
  auto clamp_text = [&](std::string text) {
    if (f["hasMaxLength"].get<bool>()) {
      size_t max = std::stoul(f["maxLength"].get<std::string>());
      if (text.size() > max) text.resize(max);
    }
    return text;
  };
  if (type == "string" || type == "text") {
    std::string base = clamp_text(naming::ToLowerWords(name));
    if (base.empty()) base = "x";
    return "`" + base + " ${n}`";
  }
  if (type == "email") return "`" + entity_kebab + "${n}@example.com`";
  if (type == "url") return "`https://example.com/" + entity_kebab + "/${n}`";
  if (type == "uuid") return "`00000000-0000-4000-8000-${String(n).padStart(12, '0')}`";
  if (type == "integer" || type == "number") {
    double lo = f["hasMin"].get<bool>() ? std::stod(f["min"].get<std::string>()) : 1;
    double hi = f["hasMax"].get<bool>() ? std::stod(f["max"].get<std::string>()) : lo + 1000;
    if (unique) return "(" + json(std::ceil(lo)).dump() + " + n)";
    double v = std::max(lo, std::min(hi, type == "integer" ? std::ceil(lo) : lo + 0.5));
    if (type == "integer") return std::to_string(static_cast<int64_t>(v));
    return json(v).dump();
  }
  if (type == "boolean") return "true";
  if (type == "datetime") return "'2024-01-15T10:00:00.000Z'";
  if (type == "date") return "'2024-01-15'";
  if (type == "enum") return JsString(f["enumValues"][0]["value"]);
  return "{ note: 'sample' }";
}

// A value of the wrong type for the field, to test 422 responses.
std::string InvalidJs(const json& f) {
  const std::string type = f["type"];
  if (type == "integer" || type == "number") return "'not-a-number'";
  if (type == "boolean") return "'not-a-boolean'";
  if (type == "email") return "'not-an-email'";
  if (type == "url") return "'not a url'";
  if (type == "datetime" || type == "date") return "'not-a-date'";
  if (type == "enum") return "'not-a-valid-option'";
  if (type == "uuid") return "'not-a-uuid'";
  if (type == "json") return "";
  return "12345";
}

}  // namespace

Result<json> PrepareNodeExpress(const spec::AppSpec& spec, const PrepareOptions& options) {
  ordered_json m = CommonViewModel(spec, options.database);
  for (auto& e : m["entities"]) {
    const std::string kebab = e["kebab"];
    bool has_invalid = false;
    for (auto& f : e["fields"]) {
      f["tsType"] = TsType(f["type"]);
      f["zod"] = ZodSchema(f);
      f["factoryJs"] = FactoryJs(f, kebab);
      std::string invalid = InvalidJs(f);
      f["invalidJs"] = invalid;
      f["hasInvalid"] = !invalid.empty();
      has_invalid |= !invalid.empty();
    }
    e["hasInvalidField"] = has_invalid;
    e["varName"] = naming::SafeIdentifier(e["camel"].get<std::string>(), naming::Language::kTypeScript);
  }
  if (m.contains("userEntity")) {
    for (const auto& e : m["entities"]) {
      if (e["isUser"].get<bool>()) m["userEntity"] = e;
    }
  }
  ordered_json roles = ordered_json::array();
  std::vector<std::string> quoted;
  for (const auto& r : m["roles"]) quoted.push_back(JsString(r["name"]));
  m["rolesTsUnion"] = Join(quoted, " | ");
  m["rolesTsArray"] = "[" + Join(quoted, ", ") + "]";
  return json(m);
}

}  // namespace bf::generate
