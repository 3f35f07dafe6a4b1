// The node-express prepare step: TypeScript types, zod schemas, Kysely column types, row
// conversions, access rules, router wiring and test fixtures on top of the common view model.
// Every decision the templates need is made here; the templates only test flags and loop.
#include <algorithm>
#include <cmath>
#include <set>

#include "common/strings.h"
#include "generate/openapi.h"
#include "generate/prepare.h"
#include "plan/endpoints.h"
#include "plan/plan.h"
#include "spec/naming.h"

namespace bf::generate {

namespace {

using nlohmann::json;
namespace nm = naming;

std::string JsString(const std::string& s) { return json(s).dump(); }

// "post" -> "Post"; accessor names come in camelCase.
std::string Pascal(const std::string& s) { return nm::ToPascalCase(s); }

// Replaces every "$" in `pattern` by `value`.
std::string Subst(const std::string& pattern, const std::string& value) { return ReplaceAll(pattern, "$", value); }

bool Flag(const json& j, const char* key) { return j.contains(key) && j[key].is_boolean() && j[key].get<bool>(); }

// The DTO type of a field (without null).
std::string TsType(const json& f) {
  const std::string type = f["type"];
  if (type == "integer" || type == "number") return "number";
  if (type == "boolean") return "boolean";
  if (type == "json") return "unknown";
  if (type == "enum") {
    std::vector<std::string> vals;
    for (const auto& v : f["enumValues"]) vals.push_back(JsString(v["value"]));
    return Join(vals, " | ");
  }
  return "string";
}

// The base zod schema of a field value (no optional/nullable/default), from the helpers in
// src/http/validation.ts so that the rules match the published OpenAPI schema.
std::string ZodBase(const json& f) {
  const std::string type = f["type"];
  std::string z;
  if (type == "string" || type == "text") {
    // Lengths in code points, as JSON Schema counts them (zod's .max counts UTF-16 units).
    std::vector<std::string> bounds;
    if (f["isRequired"].get<bool>()) bounds.push_back("min: 1");
    if (f["hasMaxLength"].get<bool>()) bounds.push_back("max: " + f["maxLength"].get<std::string>());
    return bounds.empty() ? "v.text()" : "v.text({ " + Join(bounds, ", ") + " })";
  } else if (type == "email") {
    z = "v.email()";
  } else if (type == "url") {
    z = "v.url()";
  } else if (type == "uuid") {
    z = "v.guid()";
  } else if (type == "integer") {
    z = "v.integer()";
  } else if (type == "number") {
    z = "v.number()";
  } else if (type == "boolean") {
    z = "z.boolean()";
  } else if (type == "datetime") {
    z = "v.datetime()";
  } else if (type == "date") {
    z = "v.date()";
  } else if (type == "enum") {
    std::vector<std::string> vals;
    for (const auto& v : f["enumValues"]) vals.push_back(JsString(v["value"]));
    z = "z.enum([" + Join(vals, ", ") + "])";
  } else {
    z = "v.json()";
  }
  if (f["hasMaxLength"].get<bool>()) z += ".max(" + f["maxLength"].get<std::string>() + ")";
  if (f["hasMin"].get<bool>()) z += ".min(" + f["min"].get<std::string>() + ")";
  if (f["hasMax"].get<bool>()) z += ".max(" + f["max"].get<std::string>() + ")";
  return z;
}

// The default of a field as a TypeScript expression ("now" for datetimes: the current time).
std::string DefaultTs(const json& f) {
  if (Flag(f, "isNowDefault")) {
    return f["type"] == "date" ? "() => new Date().toISOString().slice(0, 10)" : "() => new Date().toISOString()";
  }
  return f["defaultJson"].get<std::string>();
}

// A query-string filter: strings are parsed into the field's type, then checked like a body value.
std::string FilterZod(const json& f, const std::string& base) {
  const std::string type = f["type"];
  if (type == "integer" || type == "number") return "filter.number(" + base + ")";
  if (type == "boolean") return "filter.boolean()";
  return base + ".optional()";
}

// Column type expression in the migration (t.* differ between SQLite and PostgreSQL).
std::string ColumnExpr(const std::string& type) {
  if (type == "integer") return "t.integer";
  if (type == "number") return "t.double";
  if (type == "boolean") return "t.boolean";
  if (type == "datetime") return "t.timestamp";
  if (type == "date") return "t.date";
  if (type == "uuid") return "t.uuid";
  return "'text'";
}

// Kysely row type of a field's column.
std::string RowType(const std::string& type, bool optional) {
  std::string base;
  if (type == "integer" || type == "number") base = "number";
  else if (type == "boolean") return optional ? "NullableDbBoolean" : "DbBoolean";
  else if (type == "datetime") return optional ? "NullableTimestamp" : "Timestamp";
  else base = "string";
  return optional ? base + " | null" : base;
}

// Row -> DTO value; "$" is the column access (row.published_at).
std::string FromRow(const json& f, const std::string& dto_type) {
  const std::string type = f["type"];
  bool opt = f["isOptional"].get<bool>();
  if (type == "datetime") return opt ? "toIsoOrNull($)" : "toIso($)";
  if (type == "boolean") return opt ? "toBoolOrNull($)" : "toBool($)";
  if (type == "json") return opt ? "parseJsonOrNull($)" : "parseJson($)";
  if (type == "enum") return "$ as " + (opt ? "(" + dto_type + ")" : dto_type);
  return "$";
}

// DTO value -> row value; "$" is the value.
std::string ToRow(const json& f) {
  const std::string type = f["type"];
  bool opt = f["isOptional"].get<bool>();
  if (type == "boolean") return opt ? "toDbBoolOrNull($)" : "toDbBool($)";
  if (type == "json") return opt ? "toDbJsonOrNull($)" : "toDbJson($)";
  return "$";
}

std::string ClampText(std::string text, const json& f, size_t reserve) {
  if (f["hasMaxLength"].get<bool>()) {
    size_t max = std::stoul(f["maxLength"].get<std::string>());
    size_t keep = max > reserve ? max - reserve : 1;
    if (text.size() > keep) text.resize(keep);
    while (!text.empty() && text.back() == ' ') text.pop_back();
  }
  return text.empty() ? "x" : text;
}

double Lo(const json& f) { return f["hasMin"].get<bool>() ? std::stod(f["min"].get<std::string>()) : 1; }
double Hi(const json& f, double lo) {
  return f["hasMax"].get<bool>() ? std::stod(f["max"].get<std::string>()) : lo + 1000;
}

std::string NumberJs(double v, bool integer) {
  if (integer) return std::to_string(static_cast<int64_t>(v));
  return json(v).dump();
}

// A valid value for tests; `n` is a number in scope that differs per record (unique fields).
std::string FactoryJs(const json& f, const std::string& entity_kebab, bool alternative) {
  const std::string type = f["type"], name = f["name"];
  bool unique = f["isUnique"].get<bool>();
  if (type == "string" || type == "text") {
    std::string base = ClampText(nm::ToLowerWords(name) + (alternative ? " new" : ""), f, 7);
    return "`" + base + " ${n}`";
  }
  if (type == "email") return "`" + entity_kebab + (alternative ? "-new" : "") + "${n}@example.com`";
  if (type == "url") return "`https://example.com/" + entity_kebab + (alternative ? "/new/" : "/") + "${n}`";
  if (type == "uuid") {
    return std::string("`00000000-0000-4000-") + (alternative ? "9" : "8") + "000-${String(n).padStart(12, '0')}`";
  }
  if (type == "integer" || type == "number") {
    bool integer = type == "integer";
    double lo = Lo(f), hi = Hi(f, lo);
    if (integer) {
      lo = std::ceil(lo);
      hi = std::floor(hi);
    }
    if (unique) return "(" + NumberJs(lo, integer) + " + (n % " + NumberJs(std::max(1.0, std::floor(hi - lo)), true) + "))";
    double v = alternative ? hi : std::min(hi, integer ? lo + (hi - lo >= 1 ? 1 : 0) : lo + (hi - lo) / 4);
    return NumberJs(v, integer);
  }
  if (type == "boolean") return alternative ? "false" : "true";
  if (type == "datetime") return alternative ? "'2024-02-20T08:30:00.000Z'" : "'2024-01-15T10:00:00.000Z'";
  if (type == "date") return alternative ? "'2024-02-20'" : "'2024-01-15'";
  if (type == "enum") {
    const auto& vals = f["enumValues"];
    return JsString(vals[alternative && vals.size() > 1 ? 1 : 0]["value"]);
  }
  return alternative ? "{ note: 'changed', tags: ['b'] }" : "{ note: 'sample', tags: ['a'] }";
}

// A value of the wrong type or shape, to test 422 responses ("" when none exists).
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

// A sample for seed data and the admin account: a TypeScript expression over `rng` and `i`.
std::string MockJs(const json& f) {
  const std::string type = f["type"], sem = f["semantic"];
  std::string opts = "{";
  std::vector<std::string> parts;
  if (f["hasMaxLength"].get<bool>()) parts.push_back(" maxLength: " + f["maxLength"].get<std::string>());
  if (f["hasMin"].get<bool>()) parts.push_back(" min: " + f["min"].get<std::string>());
  if (f["hasMax"].get<bool>()) parts.push_back(" max: " + f["max"].get<std::string>());
  if (f["isUnique"].get<bool>()) parts.push_back(" unique: true");
  opts += Join(parts, ",") + (parts.empty() ? "}" : " }");
  if (type == "enum") {
    std::vector<std::string> vals;
    for (const auto& v : f["enumValues"]) vals.push_back(JsString(v["value"]));
    return "rng.pick([" + Join(vals, ", ") + "] as const)";
  }
  if (type == "integer") return "mock.integer(rng, i, " + JsString(sem) + ", " + opts + ")";
  if (type == "number") return "mock.number(rng, i, " + JsString(sem) + ", " + opts + ")";
  if (type == "boolean") return "rng.bool()";
  if (type == "datetime") return "mock.datetime(rng)";
  if (type == "date") return "mock.date(rng, " + JsString(sem) + ")";
  if (type == "uuid") return "rng.uuid()";
  if (type == "json") return "{ note: mock.text(rng, i, 'word', {}) }";
  return "mock.text(rng, i, " + JsString(sem) + ", " + opts + ")";
}

// The access rule of one operation as a TypeScript literal plus flags.
json AccessRule(const json& view, bool owner_allowed) {
  json r;
  std::vector<std::string> roles;
  for (const auto& role : view["roles"]) roles.push_back(JsString(role["name"]));
  bool owner = view["owner"].get<bool>() && owner_allowed;
  r["literal"] = std::string("{ public: ") + (view["public"].get<bool>() ? "true" : "false") +
                 ", authenticated: " + (view["authenticated"].get<bool>() ? "true" : "false") +
                 ", owner: " + (owner ? "true" : "false") + ", roles: [" + Join(roles, ", ") + "] }";
  r["isPublic"] = view["public"].get<bool>();
  r["hasOwner"] = owner;
  return r;
}

// May a signed-in user with `role` do this without owning the record?
bool RoleMay(const json& view, const std::string& role, const std::string& admin_role) {
  if (role == admin_role) return true;
  if (view["public"].get<bool>() || view["authenticated"].get<bool>()) return true;
  for (const auto& r : view["roles"]) {
    if (r["name"] == role) return true;
  }
  return false;
}

// A role (other than admin) allowed by the rule, or "" when only admins (or owners) may.
std::string SomeRole(const json& view, const std::string& default_role, const std::string& admin_role) {
  if (RoleMay(view, default_role, admin_role)) return default_role;
  for (const auto& r : view["roles"]) {
    if (r["name"] != admin_role) return r["name"];
  }
  return "";
}

// The test actor expression for a role: the default user, a user of another role, or an admin.
std::string ActorJs(const std::string& role, const std::string& default_role) {
  if (role.empty()) return "admin()";
  if (role == default_role) return "member()";
  return "withRole(" + JsString(role) + ")";
}

const json* FindEntity(const json& entities, const std::string& name) {
  for (const auto& e : entities) {
    if (e["name"] == name) return &e;
  }
  return nullptr;
}

// "a post", "an order item".
std::string WithArticle(const std::string& words) {
  bool vowel = !words.empty() && std::string("aeiou").find(words[0]) != std::string::npos;
  return (vowel ? "an " : "a ") + words;
}

json EntityNames(const json& e) {
  return {{"aWords", WithArticle(e["words"].get<std::string>())},{"name", e["name"]},        {"camel", e["camel"]},   {"kebab", e["kebab"]},
          {"table", e["table"]},      {"route", e["route"]},   {"plural", e["plural"]},
          {"words", e["words"]},      {"wordsPlural", e["wordsPlural"]}, {"screaming", e["screaming"]}};
}

void MarkEnds(json& list) {
  for (size_t i = 0; i < list.size(); ++i) {
    list[i]["first"] = i == 0;
    list[i]["last"] = i + 1 == list.size();
  }
}

// Adds the node-specific view of one field.
void PrepareField(json& f, const std::string& kebab) {
  const std::string type = f["type"];
  bool opt = f["isOptional"].get<bool>();
  std::string ts = TsType(f);
  f["tsType"] = ts;
  // `unknown` (json) already admits null and undefined; lint rejects unions with it.
  f["dtoType"] = opt && ts != "unknown" ? ts + " | null" : ts;
  f["changeType"] = ts == "unknown" ? ts : f["dtoType"].get<std::string>() + " | undefined";
  std::string base = ZodBase(f);
  f["zodBase"] = base;
  std::string create = base;
  if (opt) create += ".nullable()";
  if (f["hasDefault"].get<bool>()) create += ".default(" + DefaultTs(f) + ")";
  else if (opt) create += ".optional()";
  f["zodCreate"] = create;
  f["zodUpdate"] = base + (opt ? ".nullable()" : "") + ".optional()";
  f["filterZod"] = FilterZod(f, base);
  f["filterDb"] = type == "boolean" ? "(query.$ ? 1 : 0)" : "query.$";
  f["filterDb"] = Subst(f["filterDb"].get<std::string>(), f["name"].get<std::string>());
  f["columnExpr"] = ColumnExpr(type);
  std::string mods;
  if (f["isRequired"].get<bool>()) mods += ".notNull()";
  if (f["isUnique"].get<bool>()) mods += ".unique()";
  f["columnMods"] = mods.empty() ? "" : ", (c) => c" + mods;
  f["rowType"] = RowType(type, opt);
  f["fromRow"] = Subst(FromRow(f, ts), "row." + f["column"].get<std::string>());
  std::string to_row = ToRow(f);
  f["toRowCreate"] = Subst(to_row, "input." + f["name"].get<std::string>());
  f["toRowUpdate"] = Subst(to_row, "changes." + f["name"].get<std::string>());
  f["factoryJs"] = FactoryJs(f, kebab, false);
  f["altJs"] = FactoryJs(f, kebab, true);
  std::string invalid = InvalidJs(f);
  f["invalidJs"] = invalid;
  f["hasInvalid"] = !invalid.empty();
  f["mockJs"] = MockJs(f);
  // Pre-checked unique values (booleans and json are left to the database constraint).
  f["checkUnique"] = f["isUnique"].get<bool>() && type != "boolean" && type != "json";
  f["isRequiredInput"] = f["isRequired"].get<bool>() && !f["hasDefault"].get<bool>();
  f["defaultTs"] = f["hasDefault"].get<bool>() && !Flag(f, "isNowDefault") ? f["defaultJson"].get<std::string>() : "";
  f["hasFixedDefault"] = f["hasDefault"].get<bool>() && !Flag(f, "isNowDefault");
}

}  // namespace

Result<json> PrepareNodeExpress(const spec::AppSpec& spec, const PrepareOptions& options) {
  json m = CommonViewModel(spec, options.database);
  const std::string admin_role = spec.auth.adminRole;
  const std::string default_role = spec.auth.defaultRole;
  const bool has_auth = spec.auth.enabled;
  // Moved out and written back at the end, so that the passes below can read entities while
  // they add keys to `m`.
  json entities = std::move(m["entities"]);

  // Pass 1: fields, references, links, access.
  for (auto& e : entities) {
    const std::string kebab = e["kebab"];
    bool is_user = e["isUser"].get<bool>();
    json body_fields = json::array();
    bool has_invalid = false;
    for (auto& f : e["fields"]) {
      PrepareField(f, kebab);
      has_invalid |= f["hasInvalid"].get<bool>();
      bool writable = !(is_user && f["name"] == spec.auth.identityField);
      f["isWritable"] = writable;
      f["isIdentity"] = is_user && f["name"] == spec.auth.identityField;
      if (writable) body_fields.push_back(f);
    }
    MarkEnds(body_fields);
    e["hasBodyFields"] = !body_fields.empty();
    e["bodyFields"] = std::move(body_fields);
    e["hasInvalidField"] = has_invalid;
    for (const auto& f : e["fields"]) {
      if (f["hasInvalid"].get<bool>()) {
        e["invalidField"] = f;
        break;
      }
    }
    e["aWords"] = WithArticle(e["words"].get<std::string>());
    e["varName"] = nm::SafeIdentifier(e["camel"].get<std::string>(), nm::Language::kTypeScript);

    json body_refs = json::array();
    for (auto& r : e["references"]) {
      bool opt = r["isOptional"].get<bool>();
      r["zodCreate"] = opt ? "v.guid().nullable().optional()" : "v.guid()";
      r["zodUpdate"] = opt ? "v.guid().nullable().optional()" : "v.guid().optional()";
      r["dtoType"] = opt ? "string | null" : "string";
      r["columnMods"] = std::string(", (c) => c") + (opt ? "" : ".notNull()") + (r["isUnique"].get<bool>() ? ".unique()" : "") +
                        ".references('" + r["target"]["table"].get<std::string>() + ".id').onDelete('" +
                        r["onDelete"].get<std::string>() + "')";
      if (!r["isOwner"].get<bool>()) body_refs.push_back(r);
    }
    MarkEnds(body_refs);
    json unique_refs = json::array();
    for (const auto& r : body_refs) {
      if (r["isUnique"].get<bool>()) unique_refs.push_back(r);
    }
    e["hasBodyRefs"] = !body_refs.empty();
    e["bodyRefs"] = std::move(body_refs);
    e["uniqueRefs"] = std::move(unique_refs);

    for (auto& l : e["owningLinks"]) {
      l["idsPascal"] = Pascal(l["idsField"].get<std::string>());
    }
    json via = json::array();
    for (const auto& l : e["links"]) {
      via.push_back({{"key", "via" + Pascal(l["name"].get<std::string>())},
                     {"joinTable", l["joinTable"]},
                     {"selfColumn", l["selfColumn"]},
                     {"otherColumn", l["otherColumn"]}});
    }
    e["viaFilters"] = std::move(via);

    // Sorting and filters (the OpenAPI list parameters: scalar fields, timestamps, foreign keys).
    json sort = json::array(), filters = json::array();
    for (const auto& f : e["fields"]) {
      if (f["isSortable"].get<bool>()) sort.push_back({{"name", f["name"]}, {"column", f["column"]}});
      if (f["isFilterable"].get<bool>()) {
        filters.push_back({{"name", f["name"]}, {"column", f["column"]}, {"zod", f["filterZod"]}, {"db", f["filterDb"]}});
      }
    }
    if (e["timestamps"].get<bool>()) {
      sort.push_back({{"name", "createdAt"}, {"column", "created_at"}});
      sort.push_back({{"name", "updatedAt"}, {"column", "updated_at"}});
    }
    for (const auto& r : e["references"]) {
      filters.push_back({{"name", r["field"]}, {"column", r["column"]}, {"zod", "filter.reference()"},
                         {"db", "query." + r["field"].get<std::string>()}});
    }
    MarkEnds(sort);
    e["hasSort"] = !sort.empty();
    e["sortFields"] = std::move(sort);
    e["defaultSortTs"] = e["timestamps"].get<bool>() ? "[{ field: 'createdAt', direction: 'desc' }]" : "[]";
    e["usesFilter"] = std::any_of(filters.begin(), filters.end(), [](const json& x) {
      return x["zod"].get<std::string>().rfind("filter.", 0) == 0;
    });
    e["filters"] = std::move(filters);
    for (const auto& f : e["fields"]) {
      if (f["isFilterable"].get<bool>() && f["type"] != "boolean") {
        e["filterField"] = f;
        break;
      }
    }
    e["hasFilterField"] = e.contains("filterField");
    for (const auto& f : e["fields"]) {
      if ((f["type"] == "integer" || f["type"] == "number") && f["isSortable"].get<bool>()) {
        e["numericSortField"] = f;
        break;
      }
    }
    e["hasNumericSortField"] = e.contains("numericSortField");

    // Ownership: whose record is it (the owner reference; a user's own record).
    bool owned = e["hasOwner"].get<bool>() || is_user;
    e["ownedForAccess"] = owned;
    e["ownerColumnForAccess"] = is_user ? "id" : e.value("ownerColumn", "");
    e["ownerExpr"] = is_user ? "dto.id" : e["hasOwner"].get<bool>() ? "dto." + e["ownerField"].get<std::string>() : "null";
    json access;
    for (const char* op : {"read", "create", "update", "delete"}) {
      access[op] = AccessRule(e["access"][op], owned);
    }
    // Creating an owned record needs a signed-in owner, whatever the rule says.
    bool create_needs_actor = e["hasOwner"].get<bool>();
    access["create"]["requiresAuth"] = has_auth && (!access["create"]["isPublic"].get<bool>() || create_needs_actor);
    for (const char* op : {"read", "update", "delete"}) access[op]["requiresAuth"] = has_auth && !access[op]["isPublic"].get<bool>();
    for (const char* op : {"read", "create", "update", "delete"}) {
      access[op]["mw"] = access[op]["requiresAuth"].get<bool>() ? "auth, " : "";
    }
    e["rules"] = std::move(access);

    // Restrict deletes: children that keep a parent from being deleted.
    json restricts = json::array();
    for (const auto& rel : spec.relations) {
      if (rel.from != e["name"] || rel.kind == spec::RelationKind::kManyToMany || rel.onDelete != spec::OnDelete::kRestrict) continue;
      const spec::Entity* child = spec.FindEntity(rel.to);
      restricts.push_back({{"table", nm::ToSnakeCase(child->plural)},
                           {"column", nm::ToSnakeCase(rel.inverse) + "_id"},
                           {"words", nm::ToLowerWords(child->plural)},
                           {"childName", child->name},
                           {"fkField", rel.inverse + "Id"},
                           {"relation", rel.name}});
    }
    MarkEnds(restricts);
    e["hasRestricts"] = !restricts.empty();
    e["restricts"] = std::move(restricts);
  }

  // Pass 2: nested routes, router wiring, test plans (need every entity's pass-1 view).
  bool any_auth_router = false;
  for (auto& e : entities) {
    const std::string self = e["name"];
    bool is_user = e["isUser"].get<bool>();
    json nested = json::array();
    std::vector<std::string> services = {self};
    auto add_service = [&](const std::string& n) {
      if (std::find(services.begin(), services.end(), n) == services.end()) services.push_back(n);
    };
    for (const auto& c : e["collections"]) {
      const json* listed = FindEntity(entities, c["target"]["name"]);
      json n;
      n["segment"] = c["kebab"];
      n["relation"] = c["name"];
      n["isOne"] = c["isOne"];
      n["isMany"] = !c["isOne"].get<bool>();
      n["listed"] = EntityNames(*listed);
      n["filterKey"] = c["fkField"];
      n["mw"] = (*listed)["rules"]["read"]["mw"];
      nested.push_back(std::move(n));
      add_service(c["target"]["name"]);
    }
    for (const auto& l : e["links"]) {
      const json* listed = FindEntity(entities, l["target"]["name"]);
      // The same link seen from the listed entity: its accessor there names its via-filter.
      std::string reverse;
      for (const auto& rel : spec.relations) {
        if (rel.kind != spec::RelationKind::kManyToMany) continue;
        bool owning = l["isOwningSide"].get<bool>();
        if ((owning && rel.from == self && rel.name == l["name"]) || (!owning && rel.to == self && rel.inverse == l["name"])) {
          reverse = owning ? rel.inverse : rel.name;
        }
      }
      json n;
      n["segment"] = l["kebab"];
      n["relation"] = l["name"];
      n["isOne"] = false;
      n["isMany"] = true;
      n["listed"] = EntityNames(*listed);
      n["filterKey"] = "via" + Pascal(reverse);
      n["mw"] = (*listed)["rules"]["read"]["mw"];
      nested.push_back(std::move(n));
      add_service(l["target"]["name"]);
    }
    MarkEnds(nested);
    e["nestedRoutes"] = nested;
    json svc = json::array();
    for (const auto& n : services) {
      const json* other = FindEntity(entities, n);
      json s = EntityNames(*other);
      s["isSelf"] = n == self;
      svc.push_back(std::move(s));
    }
    e["routerServices"] = std::move(svc);
    bool uses_auth = false;
    for (const char* op : {"read", "create", "update", "delete"}) {
      if (is_user && std::string(op) == "create") continue;
      uses_auth |= e["rules"][op]["requiresAuth"].get<bool>();
    }
    for (const auto& n : nested) uses_auth |= !n["mw"].get<std::string>().empty();
    e["routerUsesAuth"] = uses_auth;
    any_auth_router |= uses_auth;
    e["allowCollection"] = is_user ? "GET" : "GET, POST";
    e["hasCreate"] = !is_user;

    // Test plan: who creates records, which access rules are exercised.
    const json a = e["access"];
    std::string creator_role = has_auth ? SomeRole(a["create"], default_role, admin_role) : default_role;
    e["creatorJs"] = has_auth ? ActorJs(creator_role, default_role) : "anyone()";
    bool member_may_create = !has_auth || RoleMay(a["create"], default_role, admin_role);
    bool member_may_read = !has_auth || RoleMay(a["read"], default_role, admin_role);
    bool member_may_update = !has_auth || RoleMay(a["update"], default_role, admin_role);
    bool member_may_delete = !has_auth || RoleMay(a["delete"], default_role, admin_role);
    bool owner_update = e["rules"]["update"]["hasOwner"].get<bool>();
    bool owner_delete = e["rules"]["delete"]["hasOwner"].get<bool>();
    json t;
    t["publicRead"] = e["rules"]["read"]["isPublic"];
    t["needsTokenToRead"] = e["rules"]["read"]["requiresAuth"];
    t["memberMayRead"] = member_may_read;
    t["memberForbiddenToRead"] = has_auth && !member_may_read && !e["rules"]["read"]["hasOwner"].get<bool>();
    t["memberForbiddenToCreate"] = has_auth && !is_user && !member_may_create;
    t["ownerOnlyUpdate"] = has_auth && !is_user && e["hasOwner"].get<bool>() && owner_update && !member_may_update && member_may_create;
    t["ownerOnlyDelete"] = has_auth && !is_user && e["hasOwner"].get<bool>() && owner_delete && !member_may_delete && member_may_create;
    t["memberForbiddenToUpdate"] = has_auth && !is_user && !member_may_update && !owner_update;
    t["memberForbiddenToDelete"] = has_auth && !is_user && !member_may_delete && !owner_delete;
    t["userSelfUpdate"] = has_auth && is_user && owner_update && !member_may_update;
    t["userMemberDeleteForbidden"] = has_auth && is_user && !member_may_delete && !owner_delete;
    e["tests"] = std::move(t);
    bool has_required_input = false;
    for (const auto& f : e["bodyFields"]) has_required_input |= f["isRequiredInput"].get<bool>();
    for (const auto& r : e["bodyRefs"]) has_required_input |= r["isRequired"].get<bool>();
    e["hasRequiredInput"] = has_required_input;
    json patch_field;
    for (const auto& f : e["bodyFields"]) {
      if (f["type"] != "json") {
        patch_field = f;
        break;
      }
    }
    e["hasPatchField"] = !patch_field.is_null();
    if (!patch_field.is_null()) e["patchField"] = std::move(patch_field);
    // Required references the factories create first (self references cannot be required
    // in a creatable spec, and are skipped).
    json parents = json::array();
    for (const auto& r : e["bodyRefs"]) {
      if (!r["isRequired"].get<bool>() || r["isSelf"].get<bool>()) continue;
      parents.push_back({{"field", r["field"]}, {"targetName", r["target"]["name"]}});
    }
    e["hasFactoryParents"] = !parents.empty();
    e["factoryParents"] = std::move(parents);
  }

  // Pass 3: relation tests need every entity's creator.
  for (auto& e : entities) {
    // Collections for the relation tests: how to create a child under a given parent.
    for (auto& c : e["collections"]) {
      const json* child = FindEntity(entities, c["target"]["name"]);
      bool via_owner = false;
      for (const auto& r : (*child)["references"]) {
        if (r["field"] == c["fkField"] && r["isOwner"].get<bool>()) via_owner = true;
      }
      c["viaOwner"] = via_owner;
      c["childName"] = (*child)["name"];
      c["childCreatorJs"] = (*child)["creatorJs"];
      c["onDeleteRestrict"] = false;
    }
    for (auto& c : e["collections"]) {
      for (const auto& r : e["restricts"]) {
        if (r["relation"] == c["name"]) c["onDeleteRestrict"] = true;
      }
    }
    for (auto& l : e["links"]) {
      const json* other = FindEntity(entities, l["target"]["name"]);
      l["targetName"] = (*other)["name"];
      // The owning entity of the link and its ids field, for inverse-side tests.
      if (!l["isOwningSide"].get<bool>()) {
        for (const auto& ol : (*other)["owningLinks"]) {
          if (ol["joinTable"] == l["joinTable"]) l["owningIdsField"] = ol["idsField"];
        }
      }
    }
    }
  m["anyRouterUsesAuth"] = any_auth_router;

  // Pass 4: derived lists and import sets (after every entity view is complete).
  bool any_mock_values = false;
  for (auto& e : entities) {
    bool is_user = e["isUser"].get<bool>();
    e["self"] = EntityNames(e);
    e["self"]["creatorJs"] = e["creatorJs"];
    e["self"]["isUser"] = is_user;
    json required_names = json::array(), unique_fields = json::array();
    bool uses_n = false, mock_i = false, mock_rng = false;
    std::set<std::string> db_helpers;
    for (auto& f : e["fields"]) {
      f["expectNull"] = f["isOptional"].get<bool>() && !f["hasDefault"].get<bool>();
      const std::string fj = f["factoryJs"], mj = f["mockJs"];
      uses_n |= fj.find("${n}") != std::string::npos || fj.find("(n ") != std::string::npos ||
                fj.find("String(n)") != std::string::npos;
      mock_i |= mj.find(", i, ") != std::string::npos;
      mock_rng |= mj.find("rng") != std::string::npos;
      any_mock_values |= mj.find("mock.") != std::string::npos;
      for (const char* h : {"toIsoOrNull", "toIso", "toBoolOrNull", "toBool", "parseJsonOrNull", "parseJson"}) {
        std::string call = std::string(h) + "(";
        if (f["fromRow"].get<std::string>().rfind(call, 0) == 0) {
          db_helpers.insert(h);
          break;
        }
      }
      for (const char* h : {"toDbBoolOrNull", "toDbBool", "toDbJsonOrNull", "toDbJson"}) {
        std::string call = std::string(h) + "(";
        if (f["toRowCreate"].get<std::string>().rfind(call, 0) == 0) {
          db_helpers.insert(h);
          break;
        }
      }
      if (f["checkUnique"].get<bool>()) unique_fields.push_back(f);
    }
    for (auto& f : e["bodyFields"]) {
      f["expectNull"] = f["isOptional"].get<bool>() && !f["hasDefault"].get<bool>();
      if (f["isRequiredInput"].get<bool>()) required_names.push_back({{"name", f["name"]}});
    }
    for (const auto& r : e["bodyRefs"]) {
      if (r["isRequired"].get<bool>()) required_names.push_back({{"name", r["field"]}});
    }
    if (e["timestamps"].get<bool>()) db_helpers.insert("toIso");
    MarkEnds(required_names);
    e["requiredInputNames"] = std::move(required_names);
    MarkEnds(unique_fields);
    const bool has_unique_fields = !unique_fields.empty();
    e["uniqueFields"] = std::move(unique_fields);
    e["hasUniqueFields"] = has_unique_fields;
    e["inputUsesN"] = uses_n;
    e["mockI"] = mock_i ? "i" : "_i";
    e["mockRng"] = mock_rng ? "rng" : "_rng";
    json helpers = json::array();
    for (const auto& h : db_helpers) helpers.push_back(h);
    e["importsDb"] = std::move(helpers);
    bool unique_checks = has_unique_fields || !e["uniqueRefs"].empty();
    bool reference_checks = !e["bodyRefs"].empty() || !e["owningLinks"].empty();
    std::vector<std::string> integrity;
    if (unique_checks && !is_user) integrity.push_back("assertUnique");
    if (e["hasRestricts"].get<bool>()) integrity.push_back("assertNotReferenced");
    if (reference_checks) integrity.push_back("assertReferencesExist");
    // The user entity's service only updates: unique checks there are for PATCH.
    if (unique_checks && is_user) integrity.insert(integrity.begin(), "assertUnique");
    e["hasUniqueChecks"] = unique_checks;
    e["hasReferenceChecks"] = reference_checks;
    e["hasIntegrity"] = !integrity.empty();
    e["integrityImports"] = Join(integrity, ", ");
    e["ownerParam"] = e["ownerExpr"] == "null" ? "_dto" : "dto";
    for (const auto& f : e["fields"]) {
      if (f["isIdentity"].get<bool>()) e["identityColumn"] = f["column"];
    }
    bool many_nested = false;
    for (auto& n : e["nestedRoutes"]) {
      n["parentName"] = e["name"];
      many_nested |= n["isMany"].get<bool>();
    }
    e["hasManyNested"] = many_nested;
    for (auto& r : e["references"]) {
      std::string target = r["target"]["name"];
      r["seedRefJs"] = r["isUnique"].get<bool>() ? "ids.nth('" + target + "', i)"
                       : r["isRequired"].get<bool>() ? "ids.pick('" + target + "')"
                                                     : "ids.pickOrNull('" + target + "')";
    }
    json inverse_links = json::array();
    for (const auto& l : e["links"]) {
      if (!l["isOwningSide"].get<bool>()) inverse_links.push_back(l);
    }
    for (auto& l : e["owningLinks"]) l["targetName"] = l["target"]["name"];
    e["hasRelationTests"] = !e["bodyRefs"].empty() || !e["uniqueRefs"].empty() || !e["collections"].empty() ||
                            !e["owningLinks"].empty() || !inverse_links.empty();
    e["inverseLinks"] = std::move(inverse_links);
    if (e["bodyFields"].empty()) e["hasPatchField"] = false;
  }
  m["anyMockUsesValues"] = any_mock_values;
  for (const auto& e : entities) {
    if (!e["isUser"].get<bool>()) {
      m["eventEntity"] = e["self"];
      break;
    }
  }
  if (!m.contains("eventEntity") && !entities.empty()) m["eventEntity"] = entities[0]["self"];

  // App-level names and flags.
  m["appIdJson"] = JsString(spec.name);
  m["titleJson"] = JsString(spec.title.empty() ? spec.name : spec.title);
  m["descriptionJson"] = JsString(spec.description.empty() ? spec.title : spec.description);
  m["hasAuth"] = has_auth;
  m["emailPatternJson"] = JsString(EmailPattern());
  m["noAuth"] = !has_auth;
  std::vector<std::string> quoted;
  for (const auto& r : m["roles"]) quoted.push_back(JsString(r["name"]));
  m["rolesTsArray"] = "[" + Join(quoted, ", ") + "]";
  m["adminRoleJson"] = JsString(admin_role);
  m["defaultRoleJson"] = JsString(default_role);
  m["accessTokenSeconds"] = std::to_string(spec.auth.accessTokenMinutes * 60);
  m["refreshTokenSeconds"] = std::to_string(spec.auth.refreshTokenDays * 86400);
  m["identityField"] = spec.auth.identityField;
  for (auto& j : m["joinTables"]) j["pascal"] = Pascal(j["table"].get<std::string>());
  // Drop order for `seed --reset`: join tables, then entities children first.
  json order = json::array();
  for (const auto& name : m["creationOrder"]) order.push_back(EntityNames(*FindEntity(entities, name)));
  json seed_order = json::array();
  for (const auto& o : order) {
    json s = o;
    const json* e = FindEntity(entities, o["name"]);
    s["isUser"] = (*e)["isUser"];
    seed_order.push_back(std::move(s));
  }
  m["creationOrderEntities"] = std::move(seed_order);
  json reverse_tables = json::array();
  for (const auto& j : m["joinTables"]) reverse_tables.push_back(j["table"]);
  if (has_auth) reverse_tables.push_back("refresh_tokens");
  for (auto it = order.rbegin(); it != order.rend(); ++it) reverse_tables.push_back((*it)["table"]);
  json drop = json::array();
  for (const auto& t : reverse_tables) drop.push_back({{"table", t}});
  MarkEnds(drop);
  m["dropOrder"] = std::move(drop);
  // Tables created in the migration: entities parents first; refresh tokens after the users.
  json create_order = json::array();
  // Only what migrations.ts and seed.ts read: the whole entity again would double the model.
  static const char* const kMigrationKeys[] = {"name", "camel", "table", "isUser", "timestamps", "fields",
                                               "references", "identityField", "seedRefJs"};
  for (const auto& o : order) {
    const json& e = *FindEntity(entities, o["name"]);
    json c = json::object();
    for (const char* k : kMigrationKeys) {
      if (auto it = e.find(k); it != e.end()) c[k] = *it;
    }
    create_order.push_back(std::move(c));
  }
  m["firstTable"] = create_order.empty() ? std::string() : create_order[0]["table"].get<std::string>();
  m["migrationEntities"] = std::move(create_order);
  for (auto& j : m["joinTables"]) {
    for (const auto& e : entities) {
      if (e["table"] == j["leftTable"]) j["leftEntity"] = e["name"];
      if (e["table"] == j["rightTable"]) j["rightEntity"] = e["name"];
    }
  }

  // The plan's diagrams for docs/ARCHITECTURE.md (the same Mermaid sources the plan shows).
  json diagrams = json::array();
  for (const auto& d : plan::MakePlan(spec).diagrams) diagrams.push_back({{"title", d.title}, {"source", d.source}});
  m["diagrams"] = std::move(diagrams);

  // Endpoints table for the README (from the planner, one source with the OpenAPI document).
  json endpoints = json::array();
  for (const auto& ep : plan::BuildEndpoints(spec)) {
    endpoints.push_back({{"method", ep.method}, {"methodLower", ToLower(ep.method)}, {"path", ep.path}, {"summary", ep.summary}, {"access", ep.AccessText()}});
  }
  m["endpoints"] = std::move(endpoints);

  if (has_auth) {
    for (const auto& e : entities) {
      if (e["isUser"].get<bool>()) m["userEntity"] = e;
    }
    const auto& user = m["userEntity"];
    json admin_fields = json::array();
    for (const auto& f : user["fields"]) {
      if (f["isIdentity"].get<bool>()) continue;
      if (!f["isRequired"].get<bool>() || f["hasFixedDefault"].get<bool>()) continue;
      admin_fields.push_back({{"name", f["name"]}, {"mockJs", f["mockJs"]}});
    }
    m["adminNeedsProfile"] = !admin_fields.empty();
    m["adminFields"] = std::move(admin_fields);
    m["identityIsEmail"] = user["fields"].is_array() &&
                           std::any_of(user["fields"].begin(), user["fields"].end(), [&](const json& f) {
                             return f["isIdentity"].get<bool>() && f["type"] == "email";
                           });
  }
  m["entities"] = std::move(entities);
  return m;
}

}  // namespace bf::generate
