#include "verify/record_expect.h"

#include <algorithm>
#include <cmath>

#include "common/strings.h"

namespace bf::verify {

namespace {

using spec::FieldType;

std::string TypeProblem(const spec::Field& f, const nlohmann::json& v) {
  switch (f.type) {
    case FieldType::kString:
    case FieldType::kText:
    case FieldType::kUrl:
      return v.is_string() ? "" : "a string";
    case FieldType::kEmail:
      return v.is_string() && v.get<std::string>().find('@') != std::string::npos
                 ? ""
                 : "an e-mail string";
    case FieldType::kUuid:
      return v.is_string() && IsUuid(v.get<std::string>()) ? "" : "a UUID string";
    case FieldType::kInteger:
      if (v.is_number_integer()) return "";
      return v.is_number_float() && std::floor(v.get<double>()) == v.get<double>() ? ""
                                                                                   : "an integer";
    case FieldType::kNumber:
      return v.is_number() ? "" : "a number";
    case FieldType::kBoolean:
      return v.is_boolean() ? "" : "a boolean";
    case FieldType::kDateTime:
      return v.is_string() && ParseInstant(v.get<std::string>()) ? ""
                                                                 : "an ISO 8601 date-time string";
    case FieldType::kDate:
      return v.is_string() && IsDate(v.get<std::string>()) ? "" : "a YYYY-MM-DD date string";
    case FieldType::kEnum:
      return v.is_string() && std::find(f.enumValues.begin(), f.enumValues.end(),
                                        v.get<std::string>()) != f.enumValues.end()
                 ? ""
                 : "one of " + Join(f.enumValues, ", ");
    case FieldType::kJson:
      return "";
  }
  return "";
}

std::string StripOrigin(const std::string& location) {
  size_t scheme = location.find("://");
  if (scheme == std::string::npos) return location;
  size_t path = location.find('/', scheme + 3);
  return path == std::string::npos ? "/" : location.substr(path);
}

}  // namespace

std::string IdOf(const nlohmann::json& record) {
  return record.is_object() && record.contains("id") && record["id"].is_string()
             ? record["id"].get<std::string>()
             : "";
}

const spec::Field* FieldOf(const EntityModel& e, const std::string& property) {
  return e.entity->FindField(property);
}

std::vector<std::string> ShapeProblems(const Context& ctx, const EntityModel& e,
                                       const nlohmann::json& record) {
  std::vector<std::string> problems;
  if (!record.is_object()) return {"the record is not a JSON object"};
  std::set<std::string> expected = {"id"};
  if (!IsUuid(IdOf(record)))
    problems.push_back("id is " + record.value("id", nlohmann::json()).dump() + ", not a UUID");
  for (const auto& f : e.entity->fields) {
    expected.insert(f.name);
    if (!record.contains(f.name)) {
      problems.push_back(f.name + " is missing (optional fields are present, null when unset)");
      continue;
    }
    const auto& v = record[f.name];
    if (v.is_null()) {
      if (f.required) problems.push_back(f.name + " is null but required");
      continue;
    }
    std::string want = TypeProblem(f, v);
    if (!want.empty()) problems.push_back(f.name + " is " + Compact(v, 60) + ", expected " + want);
  }
  for (const auto& r : e.refs) {
    expected.insert(r.field);
    if (!record.contains(r.field)) {
      problems.push_back(r.field + " (reference) is missing");
    } else if (record[r.field].is_null()) {
      if (r.required) problems.push_back(r.field + " is null but the reference is required");
    } else if (!record[r.field].is_string() || !IsUuid(record[r.field].get<std::string>())) {
      problems.push_back(r.field + " is " + Compact(record[r.field], 60) + ", expected a UUID");
    }
  }
  for (const auto& l : e.links) {
    expected.insert(l.field);
    if (!record.contains(l.field) || !record[l.field].is_array()) {
      problems.push_back(l.field + " (many-to-many link) is not an array of ids");
      continue;
    }
    for (const auto& id : record[l.field]) {
      if (!id.is_string() || !IsUuid(id.get<std::string>()))
        problems.push_back(l.field + " holds " + Compact(id, 60) + ", not a UUID");
    }
  }
  if (e.timestamps) {
    for (const char* t : {"createdAt", "updatedAt"}) {
      expected.insert(t);
      if (!record.contains(t) || !record[t].is_string() ||
          !IsUtcInstant(record[t].get<std::string>())) {
        problems.push_back(std::string(t) + " is " +
                           (record.contains(t) ? Compact(record[t], 60) : "missing") +
                           ", expected an ISO 8601 UTC date-time");
      }
    }
  }
  if (e.isUser) {
    expected.insert("role");
    std::string role = StrOf(record, "role");
    if (std::find(ctx.spec.roles.begin(), ctx.spec.roles.end(), role) == ctx.spec.roles.end()) {
      problems.push_back("role is " + record.value("role", nlohmann::json()).dump() +
                         ", not one of the spec's roles");
    }
    std::string leak = LeakedSecret(record);
    if (!leak.empty()) problems.push_back("exposes a secret at " + leak);
  }
  for (const auto& [k, v] : record.items()) {
    if (!expected.count(k)) problems.push_back("unexpected property " + k);
  }
  return problems;
}

Failure ExpectCreated(const Context& ctx, const EntityModel& e, const Exchange& ex,
                      const nlohmann::json& sent, const std::string& owner_id,
                      nlohmann::json& created) {
  std::string expected =
      "201, Location: " + e.route + "/{id}, the record with a UUID id and the sent values";
  if (auto f = ExpectStatus(ex, 201, expected)) return f;
  if (auto f = ExpectJson(ex, expected, created)) return f;
  std::string id = IdOf(created);
  if (!IsUuid(id))
    return Fail(
        "the record's id is " + created.value("id", nlohmann::json()).dump() + ", not a UUID",
        expected, ex);
  std::string location = ex.response->Header("location");
  if (location.empty()) return Fail("no Location header", expected, ex);
  if (StripOrigin(location) != e.route + "/" + id) {
    return Fail("Location is \"" + location + "\", not " + e.route + "/" + id, expected, ex);
  }
  for (const auto& [k, v] : sent.items()) {
    if (!created.contains(k)) return Fail(k + " is missing from the answer", expected, ex);
    if (!SameValue(FieldOf(e, k), v, created[k])) {
      return Fail(k + " is " + Compact(created[k], 80) + ", sent " + Compact(v, 80), expected, ex);
    }
  }
  if (e.ownerField && !owner_id.empty() &&
      created.value(*e.ownerField, nlohmann::json()) != owner_id) {
    return Fail(*e.ownerField + " is " + created.value(*e.ownerField, nlohmann::json()).dump() +
                    ", not the caller " + owner_id,
                expected + ", " + *e.ownerField + " set from the access token", ex);
  }
  if (e.timestamps) {
    for (const char* t : {"createdAt", "updatedAt"}) {
      if (!created.contains(t) || !created[t].is_string() ||
          !IsUtcInstant(created[t].get<std::string>())) {
        return Fail(std::string(t) + " is not an ISO 8601 UTC date-time", expected, ex);
      }
    }
  }
  (void)ctx;
  return std::nullopt;
}

std::vector<std::string> Changed(const EntityModel& e, const nlohmann::json& before,
                                 const nlohmann::json& after, const std::set<std::string>& except) {
  std::vector<std::string> out;
  for (const auto& [k, v] : before.items()) {
    if (except.count(k) || k == "updatedAt") continue;
    nlohmann::json now = after.contains(k) ? after[k] : nlohmann::json("<missing>");
    if (!SameValue(FieldOf(e, k), v, now))
      out.push_back(k + ": " + Compact(v, 60) + " -> " + Compact(now, 60));
  }
  return out;
}

}  // namespace bf::verify
