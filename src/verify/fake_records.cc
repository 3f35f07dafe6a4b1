// The in-memory contract implementation used by the suite's tests: entity routes, validation,
// lists. HTTP routing, auth and events are in fake_backend.cc.
#include <algorithm>
#include <cmath>

#include "common/strings.h"
#include "verify/expect.h"
#include "verify/fake_backend.h"

namespace bf::verify::testing {

namespace {

using nlohmann::json;
using spec::FieldType;

std::string TypeError(const spec::Field& f, const json& v) {
  switch (f.type) {
    case FieldType::kString:
    case FieldType::kText:
      if (!v.is_string()) return "must be a string";
      if (f.required && v.get<std::string>().empty()) return "must not be empty";
      break;
    case FieldType::kEmail:
      if (!v.is_string() || v.get<std::string>().find('@') == std::string::npos)
        return "must be an e-mail address";
      break;
    case FieldType::kUrl:
      if (!v.is_string() || !(StartsWith(v.get<std::string>(), "http://") ||
                              StartsWith(v.get<std::string>(), "https://"))) {
        return "must be a URL";
      }
      break;
    case FieldType::kUuid:
      if (!v.is_string() || !IsUuid(v.get<std::string>())) return "must be a UUID";
      break;
    case FieldType::kInteger:
      if (!v.is_number_integer()) return "must be an integer";
      break;
    case FieldType::kNumber:
      if (!v.is_number()) return "must be a number";
      break;
    case FieldType::kBoolean:
      if (!v.is_boolean()) return "must be a boolean";
      break;
    case FieldType::kDateTime:
      if (!v.is_string() || !ParseInstant(v.get<std::string>()))
        return "must be an ISO 8601 date-time";
      break;
    case FieldType::kDate:
      if (!v.is_string() || !IsDate(v.get<std::string>())) return "must be a YYYY-MM-DD date";
      break;
    case FieldType::kEnum:
      if (!v.is_string() || std::find(f.enumValues.begin(), f.enumValues.end(),
                                      v.get<std::string>()) == f.enumValues.end()) {
        return "must be one of " + Join(f.enumValues, ", ");
      }
      break;
    case FieldType::kJson:
      return "";
  }
  if (f.maxLength && v.is_string() &&
      static_cast<int64_t>(v.get<std::string>().size()) > *f.maxLength) {
    return "longer than " + std::to_string(*f.maxLength);
  }
  if (f.min && v.is_number() && v.get<double>() < *f.min) return "below the minimum";
  if (f.max && v.is_number() && v.get<double>() > *f.max) return "above the maximum";
  return "";
}

bool MatchesQuery(const spec::Field& f, const json& v, const std::string& q) {
  if (v.is_string()) return v.get<std::string>() == q;
  if (v.is_boolean()) return (v.get<bool>() ? "true" : "false") == q;
  if (v.is_number()) {
    char* end = nullptr;
    double d = std::strtod(q.c_str(), &end);
    return end && *end == 0 && !q.empty() && std::fabs(d - v.get<double>()) < 1e-9;
  }
  (void)f;
  return false;
}

bool IntParam(const std::string& s, int64_t& out) {
  if (s.empty() || s.size() > 9) return false;
  size_t i = s[0] == '-' ? 1 : 0;
  if (i == s.size()) return false;
  for (size_t k = i; k < s.size(); ++k) {
    if (!std::isdigit(static_cast<unsigned char>(s[k]))) return false;
  }
  out = std::stoll(s);
  return true;
}

int CompareValues(const json& a, const json& b, bool instant) {
  if (instant && a.is_string() && b.is_string()) {
    auto x = ParseInstant(a.get<std::string>()), y = ParseInstant(b.get<std::string>());
    if (x && y) return *x < *y ? -1 : (*y < *x ? 1 : 0);
  }
  if (a.is_number() && b.is_number())
    return a.get<double>() < b.get<double>() ? -1 : (b.get<double>() < a.get<double>() ? 1 : 0);
  std::string x = a.is_string() ? a.get<std::string>() : a.dump(),
              y = b.is_string() ? b.get<std::string>() : b.dump();
  return x < y ? -1 : (y < x ? 1 : 0);
}

}  // namespace

std::vector<json>* FakeBackend::Table(const std::string& entity) { return &tables_[entity]; }

json* FakeBackend::FindRecord(const std::string& entity, const std::string& id) {
  for (auto& r : tables_[entity]) {
    if (ToLower(StrOf(r, "id")) == ToLower(id)) return &r;
  }
  return nullptr;
}

int FakeBackend::Remove(const std::string& entity, const std::string& id) {
  if (!bugs_.no_cascade) {
    for (const auto& r : spec_.relations) {
      if (r.kind == spec::RelationKind::kManyToMany || r.from != entity ||
          r.onDelete != spec::OnDelete::kRestrict)
        continue;
      for (const auto& child : tables_[r.to]) {
        if (child.value(r.inverse + "Id", json()) == json(id)) return 409;
      }
    }
    for (const auto& r : spec_.relations) {
      if (r.kind == spec::RelationKind::kManyToMany || r.from != entity) continue;
      std::string fk = r.inverse + "Id";
      std::vector<std::string> doomed;
      for (auto& child : tables_[r.to]) {
        if (child.value(fk, json()) != json(id)) continue;
        if (r.onDelete == spec::OnDelete::kSetNull) child[fk] = nullptr;
        if (r.onDelete == spec::OnDelete::kCascade) doomed.push_back(StrOf(child, "id"));
      }
      for (const auto& d : doomed) Remove(r.to, d);
    }
  }
  for (const auto& r : spec_.relations) {  // many-to-many links to the record go with it
    if (r.kind != spec::RelationKind::kManyToMany || r.to != entity) continue;
    for (const auto& l : model_.Find(r.from)->links) {
      if (l.target != entity) continue;
      for (auto& owner : tables_[r.from]) {
        if (!owner.contains(l.field) || !owner[l.field].is_array()) continue;
        json& arr = owner[l.field];
        for (size_t i = arr.size(); i-- > 0;) {
          if (arr[i] == json(id)) arr.erase(i);
        }
      }
    }
  }
  std::erase_if(tables_[entity], [&](const json& rec) { return StrOf(rec, "id") == id; });
  return 0;
}

json FakeBackend::Present(const EntityModel& e, const json& record) const {
  return e.isUser ? PublicUser(record) : record;
}

int FakeBackend::Validate(const EntityModel& e, const json& body, bool creating,
                          const std::string& selfId, json& errors, std::string& detail) {
  if (!body.is_object()) {
    errors.push_back({{"path", ""}, {"message", "the body must be a JSON object"}});
    return 422;
  }
  int status = 0;
  for (const auto& [key, value] : body.items()) {
    bool known = std::any_of(e.writable.begin(), e.writable.end(),
                             [&](const spec::Field* f) { return f->name == key; }) ||
                 std::any_of(e.links.begin(), e.links.end(),
                             [&](const LinkModel& l) { return l.field == key; });
    if (const RefModel* r = e.FindRef(key)) known = !r->isOwner || bugs_.owner_from_body;
    if (!known) {
      errors.push_back({{"path", key}, {"message", "unknown property"}});
      status = bugs_.unknown_property_400 ? 400 : 422;
    }
  }
  for (const spec::Field* f : e.writable) {
    if (!body.contains(f->name)) {
      if (creating && f->required && !f->defaultValue)
        errors.push_back({{"path", f->name}, {"message", "required"}});
      continue;
    }
    const json& v = body[f->name];
    if (v.is_null()) {
      if (f->required) errors.push_back({{"path", f->name}, {"message", "required"}});
      continue;
    }
    std::string problem = TypeError(*f, v);
    if (!problem.empty()) errors.push_back({{"path", f->name}, {"message", problem}});
  }
  for (const auto& r : e.refs) {
    if (r.isOwner && !bugs_.owner_from_body) continue;
    if (!body.contains(r.field)) {
      if (creating && r.required && !r.isOwner)
        errors.push_back({{"path", r.field}, {"message", "required"}});
      continue;
    }
    const json& v = body[r.field];
    if (v.is_null() && !r.required) continue;
    if (!v.is_string() || !FindRecord(r.target, v.get<std::string>())) {
      errors.push_back({{"path", r.field}, {"message", "no such " + r.target}});
    }
  }
  for (const auto& l : e.links) {
    if (!body.contains(l.field)) continue;
    const json& v = body[l.field];
    bool ok = v.is_array() && std::all_of(v.begin(), v.end(), [&](const json& id) {
                return id.is_string() && FindRecord(l.target, id.get<std::string>());
              });
    if (!ok)
      errors.push_back(
          {{"path", l.field}, {"message", "must name existing " + l.target + " records"}});
  }
  if (!errors.empty()) return status ? status : 422;
  for (const auto& r : e.refs) {  // a one-to-one reference is unique
    if (!r.oneToOne || !body.contains(r.field) || body[r.field].is_null()) continue;
    for (const auto& rec : tables_[e.name]) {
      if (StrOf(rec, "id") != selfId && rec.value(r.field, json()) == body[r.field]) {
        detail = r.field + " is linked already";
        return 409;
      }
    }
  }
  for (const spec::Field* f : e.writable) {
    if (!f->unique || !body.contains(f->name) || body[f->name].is_null()) continue;
    for (const auto& r : tables_[e.name]) {
      if (StrOf(r, "id") != selfId && r.contains(f->name) && r[f->name] == body[f->name]) {
        detail = f->name + " is taken";
        return 409;
      }
    }
  }
  return 0;
}

HttpResponse FakeBackend::List(const EntityModel& e, std::vector<json> records,
                               const std::map<std::string, std::string>& query) {
  json errors = json::array();
  int64_t page = 1, limit = 20;
  if (query.count("page") && (!IntParam(query.at("page"), page) || page < 1))
    errors.push_back({{"path", "page"}, {"message", ">= 1"}});
  if (query.count("limit") && (!IntParam(query.at("limit"), limit) || limit < 1 || limit > 100)) {
    errors.push_back({{"path", "limit"}, {"message", "1..100"}});
  }
  std::string sort = query.count("sort") ? query.at("sort") : (e.timestamps ? "-createdAt" : "id");
  bool desc = StartsWith(sort, "-");
  std::string key = desc ? sort.substr(1) : sort;
  if (key != "id" && std::find(e.sortable.begin(), e.sortable.end(), key) == e.sortable.end()) {
    errors.push_back({{"path", "sort"}, {"message", "cannot sort by " + key}});
  }
  if (!errors.empty()) return Problem(400, "invalid query", errors);
  if (!bugs_.ignores_filters) {
    for (const spec::Field* f : e.filterable) {
      auto it = query.find(f->name);
      if (it == query.end()) continue;
      std::erase_if(records, [&](const json& r) {
        return !r.contains(f->name) || !MatchesQuery(*f, r[f->name], it->second);
      });
    }
  }
  if (!bugs_.ignores_filters) {
    for (const auto& ref : e.refs) {
      auto it = query.find(ref.field);
      if (it == query.end()) continue;
      std::erase_if(records, [&](const json& r) { return StrOf(r, ref.field) != it->second; });
    }
  }
  const spec::Field* field = e.entity->FindField(key);
  bool instant =
      key == "createdAt" || key == "updatedAt" || (field && field->type == FieldType::kDateTime);
  std::stable_sort(records.begin(), records.end(), [&](const json& a, const json& b) {
    const json& x = a.contains(key) ? a[key] : json();
    const json& y = b.contains(key) ? b[key] : json();
    if (x.is_null() != y.is_null()) return y.is_null();  // nulls last
    int c = x.is_null() ? 0 : CompareValues(x, y, instant);
    if (c != 0) return desc ? c > 0 : c < 0;
    return StrOf(a, "id") < StrOf(b, "id");
  });
  json data = json::array();
  for (size_t i = 0; i < records.size(); ++i) {
    if (!bugs_.ignores_pagination &&
        (static_cast<int64_t>(i) < (page - 1) * limit || static_cast<int64_t>(i) >= page * limit))
      continue;
    data.push_back(Present(e, records[i]));
  }
  return Json(200, {{"data", data}, {"page", page}, {"limit", limit}, {"total", records.size()}});
}

HttpResponse FakeBackend::Entity(const EntityModel& e, const std::vector<std::string>& rest,
                                 const HttpRequest& request,
                                 const std::map<std::string, std::string>& query) {
  using Op = int;
  enum : Op { kRead, kCreate, kUpdate, kDelete };
  Caller c = Identify(request, query);
  bool check = model_.auth && !bugs_.no_authz;
  if (check && c.invalid) return Problem(401, "invalid token");
  auto principals = [&](Op op) -> const std::vector<std::string>& {
    return op == kRead     ? e.access.read
           : op == kCreate ? e.access.create
           : op == kUpdate ? e.access.update
                           : e.access.remove;
  };
  // 401 before anything else; 403 once the record is known.
  auto anonymous_denied = [&](Op op) {
    return check && !c.authenticated && !IsPublic(principals(op));
  };
  auto denied = [&](Op op, const json* record) {
    if (!check || c.role == spec_.auth.adminRole) return false;
    bool owner = op == kCreate;
    if (record && e.isUser) owner = StrOf(*record, "id") == c.id;
    if (record && e.ownerField) owner = StrOf(*record, *e.ownerField) == c.id;
    return !Allows(principals(op), c.authenticated, c.role, owner);
  };
  const std::string& m = request.method;
  json body = request.body ? json::parse(*request.body, nullptr, false) : json();
  auto& table = *Table(e.name);

  if (rest.empty()) {
    if (m == "GET") {
      if (anonymous_denied(kRead)) return Problem(401, "sign in");
      if (denied(kRead, nullptr)) return Problem(403, "not allowed");
      return List(e, table, query);
    }
    if (m != "POST" || e.isUser) {
      HttpResponse r = Problem(405, "method not allowed");
      r.headers.push_back({"allow", e.isUser ? "GET" : "GET, POST"});
      return r;
    }
    if (anonymous_denied(kCreate)) return Problem(401, "sign in");
    if (denied(kCreate, nullptr)) return Problem(403, "not allowed");
    json errors = json::array();
    std::string detail;
    int status = Validate(e, body, true, "", errors, detail);
    if (status) return Problem(status, detail.empty() ? "invalid body" : detail, errors);
    json rec = {{"id", NewId()}};
    for (const auto& f : e.entity->fields) {
      rec[f.name] = body.contains(f.name) ? body[f.name]
                    : f.defaultValue      ? *f.defaultValue
                                          : json();
    }
    for (const auto& r : e.refs) {
      if (r.isOwner && !(bugs_.owner_from_body && body.contains(r.field))) {
        rec[r.field] = c.authenticated ? json(c.id) : json();
      } else {
        rec[r.field] = body.contains(r.field) ? body[r.field] : json();
      }
    }
    for (const auto& l : e.links)
      rec[l.field] = body.contains(l.field) ? body[l.field] : json::array();
    if (e.timestamps) rec["createdAt"] = rec["updatedAt"] = Now();
    table.push_back(rec);
    Publish(e, "created", rec);
    HttpResponse r = Json(201, Present(e, rec));
    r.headers.push_back({"location", e.route + "/" + rec["id"].get<std::string>()});
    return r;
  }

  Op op = m == "GET" ? kRead : m == "PATCH" ? kUpdate : m == "DELETE" ? kDelete : -1;
  if (op < 0 || (rest.size() > 1 && op != kRead)) {
    HttpResponse r = Problem(405, "method not allowed");
    r.headers.push_back({"allow", rest.size() > 1 ? "GET" : "GET, PATCH, DELETE"});
    return r;
  }
  if (anonymous_denied(op)) return Problem(401, "sign in");
  json* rec = IsUuid(rest[0]) ? FindRecord(e.name, rest[0]) : nullptr;
  if (!rec) return Problem(404, e.name + " not found");
  if (rest.size() > 1) {
    for (const auto& n : e.nested) {
      if (n.segment != rest[1]) continue;
      std::vector<json> related;
      for (const auto& t : tables_[n.target]) {
        bool in = false;
        switch (n.kind) {
          case NestedModel::Kind::kChildren:
          case NestedModel::Kind::kChild:
            in = t.value(n.field, json()) == (*rec)["id"];
            break;
          case NestedModel::Kind::kLinked: {
            const json& ids = (*rec)[n.field];
            in = std::find(ids.begin(), ids.end(), t["id"]) != ids.end();
            break;
          }
          case NestedModel::Kind::kLinkedBy: {
            const json& ids = t.contains(n.field) ? t[n.field] : json::array();
            in = std::find(ids.begin(), ids.end(), (*rec)["id"]) != ids.end();
            break;
          }
        }
        if (in) related.push_back(t);
      }
      const EntityModel* target = model_.Find(n.target);
      if (n.kind == NestedModel::Kind::kChild) {
        if (related.empty()) return Problem(404, "nothing linked");
        return Json(200, Present(*target, related.front()));
      }
      return List(*target, related, query);
    }
    return Problem(404, "no such relation");
  }
  if (denied(op, rec)) return Problem(403, "not allowed");
  if (op == kRead) return Json(200, Present(e, *rec));
  if (op == kDelete) {
    json gone = *rec;
    if (Remove(e.name, StrOf(gone, "id")))
      return Problem(409, "other records still refer to this one");
    Publish(e, "deleted", gone);
    return HttpResponse{204, {}, ""};
  }
  json errors = json::array();
  std::string detail;
  int status = Validate(e, body, false, StrOf(*rec, "id"), errors, detail);
  if (status) return Problem(status, detail.empty() ? "invalid body" : detail, errors);
  if (bugs_.patch_clobbers) {
    for (const spec::Field* f : e.writable)
      (*rec)[f->name] = f->defaultValue ? *f->defaultValue : json();
  }
  for (const auto& [k, v] : body.items()) (*rec)[k] = v;
  if (e.timestamps) (*rec)["updatedAt"] = Now();
  Publish(e, "updated", *rec);
  return Json(200, Present(e, *rec));
}

}  // namespace bf::verify::testing
