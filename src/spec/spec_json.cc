#include "spec/spec_json.h"

#include <set>

#include "common/strings.h"
#include "spec/validate.h"

namespace bf::spec {
namespace {

using nlohmann::json;
using nlohmann::ordered_json;

std::string TypeName(const json& j) {
  if (j.is_boolean()) return "a boolean";
  if (j.is_number()) return "a number";
  if (j.is_string()) return "a string";
  if (j.is_array()) return "an array";
  if (j.is_object()) return "an object";
  return "null";
}

// Reads one JSON object, recording issues under `path` and flagging keys it was not asked for.
class ObjectReader {
 public:
  ObjectReader(const json& j, std::string path, std::vector<SpecIssue>& issues)
      : j_(j), path_(std::move(path)), issues_(issues) {
    if (!j_.is_object()) {
      Issue(path_, "expected an object, got " + TypeName(j_));
    }
  }

  bool valid() const { return j_.is_object(); }
  std::string Path(std::string_view key) const {
    return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
  }

  const json* Get(std::string_view key) {
    seen_.insert(std::string(key));
    if (!j_.is_object()) return nullptr;
    auto it = j_.find(key);
    if (it == j_.end() || it->is_null()) return nullptr;
    return &*it;
  }

  void String(std::string_view key, std::string& out, bool required = false) {
    const json* v = Get(key);
    if (!v) {
      if (required && valid()) Issue(Path(key), "is required");
      return;
    }
    if (!v->is_string()) return Issue(Path(key), "expected a string, got " + TypeName(*v));
    out = v->get<std::string>();
  }

  void Bool(std::string_view key, bool& out) {
    const json* v = Get(key);
    if (!v) return;
    if (!v->is_boolean()) return Issue(Path(key), "expected true or false, got " + TypeName(*v));
    out = v->get<bool>();
  }

  void Int(std::string_view key, int& out) {
    const json* v = Get(key);
    if (!v) return;
    if (!v->is_number_integer()) return Issue(Path(key), "expected an integer, got " + TypeName(*v));
    out = v->get<int>();
  }

  void OptInt64(std::string_view key, std::optional<int64_t>& out) {
    const json* v = Get(key);
    if (!v) return;
    if (!v->is_number_integer()) return Issue(Path(key), "expected an integer, got " + TypeName(*v));
    out = v->get<int64_t>();
  }

  void OptDouble(std::string_view key, std::optional<double>& out) {
    const json* v = Get(key);
    if (!v) return;
    if (!v->is_number()) return Issue(Path(key), "expected a number, got " + TypeName(*v));
    out = v->get<double>();
  }

  void OptString(std::string_view key, std::optional<std::string>& out) {
    const json* v = Get(key);
    if (!v) return;
    if (!v->is_string()) return Issue(Path(key), "expected a string, got " + TypeName(*v));
    out = v->get<std::string>();
  }

  void Strings(std::string_view key, std::vector<std::string>& out) {
    const json* v = Get(key);
    if (!v) return;
    if (!v->is_array()) return Issue(Path(key), "expected an array of strings, got " + TypeName(*v));
    out.clear();
    for (size_t i = 0; i < v->size(); ++i) {
      const json& e = (*v)[i];
      if (!e.is_string()) {
        Issue(Path(key) + "[" + std::to_string(i) + "]", "expected a string, got " + TypeName(e));
        continue;
      }
      out.push_back(e.get<std::string>());
    }
  }

  template <class F>
  void Array(std::string_view key, F&& each) {
    const json* v = Get(key);
    if (!v) return;
    if (!v->is_array()) return Issue(Path(key), "expected an array, got " + TypeName(*v));
    for (size_t i = 0; i < v->size(); ++i) {
      each((*v)[i], Path(key) + "[" + std::to_string(i) + "]");
    }
  }

  template <class E>
  void Enum(std::string_view key, E& out, std::optional<E> (*parse)(std::string_view),
            const std::vector<std::string>& names, std::string_view what, bool required = false) {
    std::string s;
    String(key, s, required);
    if (s.empty()) return;
    if (auto e = parse(s)) {
      out = *e;
      return;
    }
    std::string msg = "unknown " + std::string(what) + " " + Quote(s) + " (expected one of " +
                      Join(names, ", ") + ")";
    std::string close = ClosestMatch(s, names);
    if (!close.empty()) msg += "; did you mean " + Quote(close) + "?";
    Issue(Path(key), msg);
  }

  // Report keys that no reader asked for: usually a typo of a real key.
  void RejectUnknownKeys() {
    if (!j_.is_object()) return;
    std::vector<std::string> known(seen_.begin(), seen_.end());
    for (const auto& [k, v] : j_.items()) {
      if (seen_.count(k)) continue;
      std::string msg = "unknown key " + Quote(k);
      std::string close = ClosestMatch(k, known);
      if (!close.empty()) msg += "; did you mean " + Quote(close) + "?";
      Issue(Path(k), msg);
    }
  }

  void Issue(std::string path, std::string message) {
    issues_.push_back({std::move(path), std::move(message)});
  }

 private:
  const json& j_;
  std::string path_;
  std::vector<SpecIssue>& issues_;
  std::set<std::string> seen_;
};

ordered_json AccessToJson(const Access& a) {
  ordered_json j;
  j["read"] = a.read;
  j["create"] = a.create;
  j["update"] = a.update;
  j["delete"] = a.remove;
  return j;
}

}  // namespace

ordered_json ToJson(const Field& f) {
  ordered_json j;
  j["name"] = f.name;
  j["type"] = ToString(f.type);
  j["required"] = f.required;
  j["unique"] = f.unique;
  if (f.defaultValue) j["default"] = *f.defaultValue;
  if (!f.enumValues.empty()) j["enumValues"] = f.enumValues;
  if (f.maxLength) j["maxLength"] = *f.maxLength;
  if (f.min) j["min"] = *f.min;
  if (f.max) j["max"] = *f.max;
  if (!f.description.empty()) j["description"] = f.description;
  return j;
}

ordered_json ToJson(const Entity& e) {
  ordered_json j;
  j["name"] = e.name;
  j["plural"] = e.plural;
  if (!e.description.empty()) j["description"] = e.description;
  j["fields"] = ordered_json::array();
  for (const auto& f : e.fields) j["fields"].push_back(ToJson(f));
  if (e.owner) j["owner"] = *e.owner;
  if (e.access) j["access"] = AccessToJson(*e.access);
  j["timestamps"] = e.timestamps;
  return j;
}

ordered_json ToJson(const Relation& r) {
  ordered_json j;
  j["from"] = r.from;
  j["to"] = r.to;
  j["kind"] = ToString(r.kind);
  j["name"] = r.name;
  j["inverse"] = r.inverse;
  j["required"] = r.required;
  j["onDelete"] = ToString(r.onDelete);
  if (!r.through.empty()) j["through"] = r.through;
  return j;
}

ordered_json ToJson(const AppSpec& s) {
  ordered_json j;
  j["specVersion"] = s.specVersion;
  j["name"] = s.name;
  j["title"] = s.title;
  j["description"] = s.description;
  j["stack"] = {{"language", s.stack.language},
                {"framework", s.stack.framework},
                {"database", s.stack.database}};
  j["features"] = ordered_json::array();
  for (Feature f : s.features) j["features"].push_back(ToString(f));
  j["roles"] = s.roles;
  j["auth"] = {{"enabled", s.auth.enabled},
               {"userEntity", s.auth.userEntity},
               {"identityField", s.auth.identityField},
               {"defaultRole", s.auth.defaultRole},
               {"adminRole", s.auth.adminRole},
               {"accessTokenMinutes", s.auth.accessTokenMinutes},
               {"refreshTokenDays", s.auth.refreshTokenDays}};
  j["entities"] = ordered_json::array();
  for (const auto& e : s.entities) j["entities"].push_back(ToJson(e));
  j["relations"] = ordered_json::array();
  for (const auto& r : s.relations) j["relations"].push_back(ToJson(r));
  return j;
}

Field ParseField(const json& j, const std::string& path, std::vector<SpecIssue>& issues) {
  Field f;
  ObjectReader r(j, path, issues);
  r.String("name", f.name, true);
  r.Enum("type", f.type, &ParseFieldType, FieldTypeNames(), "type", true);
  r.Bool("required", f.required);
  r.Bool("unique", f.unique);
  if (const json* d = r.Get("default")) {
    if (d->is_structured() && f.type != FieldType::kJson) {
      r.Issue(r.Path("default"), "expected a scalar default value, got " + TypeName(*d));
    } else {
      f.defaultValue = *d;
    }
  }
  r.Strings("enumValues", f.enumValues);
  r.OptInt64("maxLength", f.maxLength);
  r.OptDouble("min", f.min);
  r.OptDouble("max", f.max);
  r.String("description", f.description);
  r.RejectUnknownKeys();
  return f;
}

Entity ParseEntity(const json& j, const std::string& path, std::vector<SpecIssue>& issues) {
  Entity e;
  ObjectReader r(j, path, issues);
  r.String("name", e.name, true);
  r.String("plural", e.plural);
  r.String("description", e.description);
  r.Array("fields", [&](const json& fj, const std::string& p) {
    e.fields.push_back(ParseField(fj, p, issues));
  });
  r.OptString("owner", e.owner);
  if (const json* a = r.Get("access")) {
    ObjectReader ar(*a, r.Path("access"), issues);
    Access access;
    ar.Strings("read", access.read);
    ar.Strings("create", access.create);
    ar.Strings("update", access.update);
    ar.Strings("delete", access.remove);
    ar.RejectUnknownKeys();
    if (ar.valid()) e.access = access;
  }
  r.Bool("timestamps", e.timestamps);
  r.RejectUnknownKeys();
  return e;
}

Relation ParseRelation(const json& j, const std::string& path, std::vector<SpecIssue>& issues) {
  Relation rel;
  ObjectReader r(j, path, issues);
  r.String("from", rel.from, true);
  r.String("to", rel.to, true);
  r.Enum("kind", rel.kind, &ParseRelationKind, RelationKindNames(), "relation kind", true);
  r.String("name", rel.name);
  r.String("inverse", rel.inverse);
  r.Bool("required", rel.required);
  r.Enum("onDelete", rel.onDelete, &ParseOnDelete, OnDeleteNames(), "onDelete action");
  if (!r.Get("onDelete") && !rel.required) rel.onDelete = OnDelete::kSetNull;
  r.String("through", rel.through);
  r.RejectUnknownKeys();
  return rel;
}

ParsedSpec ParseSpec(const json& j) {
  ParsedSpec out;
  AppSpec& s = out.spec;
  auto& issues = out.issues;
  ObjectReader r(j, "", issues);
  if (!r.valid()) return out;
  r.Int("specVersion", s.specVersion);
  r.String("name", s.name, true);
  r.String("title", s.title);
  r.String("description", s.description);
  if (const json* st = r.Get("stack")) {
    ObjectReader sr(*st, "stack", issues);
    sr.String("language", s.stack.language);
    sr.String("framework", s.stack.framework);
    sr.String("database", s.stack.database);
    sr.RejectUnknownKeys();
  }
  if (const json* fs = r.Get("features")) {
    if (!fs->is_array()) {
      r.Issue("features", "expected an array of strings, got " + TypeName(*fs));
    } else {
      for (size_t i = 0; i < fs->size(); ++i) {
        std::string p = "features[" + std::to_string(i) + "]";
        const json& fj = (*fs)[i];
        if (!fj.is_string()) {
          r.Issue(p, "expected a string, got " + TypeName(fj));
          continue;
        }
        std::string name = fj.get<std::string>();
        if (auto f = ParseFeature(name)) {
          s.features.push_back(*f);
        } else {
          std::string msg = "unknown feature " + Quote(name) + " (expected one of " +
                            Join(FeatureNames(), ", ") + ")";
          std::string close = ClosestMatch(name, FeatureNames());
          if (!close.empty()) msg += "; did you mean " + Quote(close) + "?";
          r.Issue(p, msg);
        }
      }
    }
  }
  r.Strings("roles", s.roles);
  if (const json* a = r.Get("auth")) {
    ObjectReader ar(*a, "auth", issues);
    ar.Bool("enabled", s.auth.enabled);
    ar.String("userEntity", s.auth.userEntity);
    ar.String("identityField", s.auth.identityField);
    ar.String("defaultRole", s.auth.defaultRole);
    ar.String("adminRole", s.auth.adminRole);
    ar.Int("accessTokenMinutes", s.auth.accessTokenMinutes);
    ar.Int("refreshTokenDays", s.auth.refreshTokenDays);
    ar.RejectUnknownKeys();
  }
  r.Array("entities", [&](const json& ej, const std::string& p) {
    s.entities.push_back(ParseEntity(ej, p, issues));
  });
  r.Array("relations", [&](const json& rj, const std::string& p) {
    s.relations.push_back(ParseRelation(rj, p, issues));
  });
  r.RejectUnknownKeys();
  return out;
}

LoadedSpec LoadSpec(const json& j) {
  ParsedSpec parsed = ParseSpec(j);
  Normalize(parsed.spec);
  LoadedSpec out;
  out.issues = std::move(parsed.issues);
  for (auto& issue : Validate(parsed.spec)) out.issues.push_back(std::move(issue));
  if (out.issues.empty()) out.spec = std::move(parsed.spec);
  return out;
}

LoadedSpec LoadSpecText(std::string_view text) {
  json j;
  try {
    j = json::parse(text);
  } catch (const json::parse_error& e) {
    return {std::nullopt, {{"", std::string("not valid JSON: ") + e.what()}}};
  }
  return LoadSpec(j);
}

}  // namespace bf::spec
