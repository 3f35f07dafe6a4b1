#include "generate/prepare.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "common/strings.h"
#include "plan/data_model.h"
#include "spec/naming.h"

namespace bf::generate {

namespace {

using nlohmann::json;
using spec::FieldType;
using spec::RelationKind;
namespace nm = naming;

// Marks first/last on the items of a list so templates can place separators.
void MarkEnds(json& list) {
  for (size_t i = 0; i < list.size(); ++i) {
    list[i]["first"] = i == 0;
    list[i]["last"] = i + 1 == list.size();
    list[i]["index"] = i;
  }
}

json Names(const std::string& name, const std::string& plural) {
  json n;
  n["name"] = name;
  n["plural"] = plural;
  n["camel"] = nm::ToCamelCase(name);
  n["camelPlural"] = nm::ToCamelCase(plural);
  n["snake"] = nm::ToSnakeCase(name);
  n["snakePlural"] = nm::ToSnakeCase(plural);
  n["kebab"] = nm::ToKebabCase(name);
  n["kebabPlural"] = nm::ToKebabCase(plural);
  n["screaming"] = nm::ToScreamingSnake(name);
  n["title"] = nm::ToTitleWords(name);
  n["titlePlural"] = nm::ToTitleWords(plural);
  n["words"] = nm::ToLowerWords(name);
  n["wordsPlural"] = nm::ToLowerWords(plural);
  return n;
}

// A short reference to another entity (used inside relations, without recursion).
json EntityRef(const spec::Entity& e) {
  json r = Names(e.name, e.plural);
  r["table"] = nm::ToSnakeCase(e.plural);
  r["route"] = EntityRoute(e);
  return r;
}

std::string OnDeleteSql(spec::OnDelete d) {
  switch (d) {
    case spec::OnDelete::kCascade: return "cascade";
    case spec::OnDelete::kSetNull: return "set null";
    case spec::OnDelete::kRestrict: return "restrict";
  }
  return "cascade";
}

// What a field holds, from its type and name: drives realistic seed data in every target.
std::string Semantic(const spec::Field& f, const spec::Entity& e, bool is_user) {
  std::string n = ToLower(f.name);
  auto has = [&](std::string_view s) { return n.find(s) != std::string::npos; };
  switch (f.type) {
    case FieldType::kEmail: return "email";
    case FieldType::kUrl: return has("image") || has("photo") || has("avatar") || has("logo") || has("picture") ? "imageUrl" : "url";
    case FieldType::kBoolean: return "flag";
    case FieldType::kDate: return has("birth") ? "birthDate" : "date";
    case FieldType::kDateTime: return "datetime";
    case FieldType::kEnum: return "enum";
    case FieldType::kUuid: return "uuid";
    case FieldType::kJson: return "json";
    case FieldType::kInteger:
      if (has("year")) return "year";
      if (has("age")) return "age";
      if (has("rating") || has("stars") || has("score")) return "rating";
      return "count";
    case FieldType::kNumber:
      if (has("price") || has("amount") || has("cost") || has("total") || has("fee") || has("balance") ||
          has("salary") || has("budget")) {
        return "money";
      }
      if (has("lat")) return "latitude";
      if (has("lng") || has("lon")) return "longitude";
      if (has("rating") || has("score")) return "rating";
      return "decimal";
    case FieldType::kText:
      return "paragraph";
    default:
      break;
  }
  if (n == "firstname" || n == "givenname") return "firstName";
  if (n == "lastname" || n == "surname" || n == "familyname") return "lastName";
  if (n == "name" || n == "fullname" || n == "displayname") return is_user ? "personName" : "title";
  if (has("username") || n == "handle" || n == "login" || n == "nickname") return "username";
  if (has("phone") || has("mobile")) return "phone";
  if (has("city")) return "city";
  if (has("country")) return "country";
  if (has("street") || has("address")) return "street";
  if (has("zip") || has("postal") || has("postcode")) return "postalCode";
  if (has("company") || has("organization") || has("organisation")) return "company";
  if (has("color") || has("colour")) return "color";
  if (has("slug")) return "slug";
  if (has("code") || has("sku") || has("isbn") || has("number") || has("reference")) return "code";
  if (has("title") || has("subject") || has("headline") || has("label")) return "title";
  if (has("description") || has("body") || has("content") || has("bio") || has("note") || has("comment") ||
      has("message") || has("summary")) {
    return "sentence";
  }
  (void)e;
  return "word";
}

json FieldView(const spec::Field& f, const spec::Entity& e, bool is_user) {
  json v;
  v["name"] = f.name;
  v["column"] = nm::ToSnakeCase(f.name);
  v["title"] = nm::ToTitleWords(f.name);
  v["pascal"] = nm::ToPascalCase(f.name);
  v["type"] = std::string(spec::ToString(f.type));
  v["isRequired"] = f.required;
  v["isOptional"] = !f.required;
  v["isUnique"] = f.unique;
  v["hasDefault"] = f.defaultValue.has_value();
  v["defaultJson"] = f.defaultValue ? f.defaultValue->dump() : "";
  v["isNowDefault"] = f.defaultValue && f.defaultValue->is_string() && f.defaultValue->get<std::string>() == "now";
  static const std::vector<std::pair<FieldType, const char*>> kFlags = {
      {FieldType::kString, "isString"},     {FieldType::kText, "isText"},   {FieldType::kInteger, "isInteger"},
      {FieldType::kNumber, "isNumber"},     {FieldType::kBoolean, "isBoolean"},
      {FieldType::kDateTime, "isDateTime"}, {FieldType::kDate, "isDate"},   {FieldType::kEmail, "isEmail"},
      {FieldType::kUrl, "isUrl"},           {FieldType::kEnum, "isEnum"},   {FieldType::kUuid, "isUuid"},
      {FieldType::kJson, "isJson"}};
  for (const auto& [t, flag] : kFlags) v[flag] = f.type == t;
  v["isTextual"] = spec::IsTextual(f.type);
  v["isNumeric"] = spec::IsNumeric(f.type);
  json values = json::array();
  for (const auto& ev : f.enumValues) values.push_back({{"value", ev}});
  MarkEnds(values);
  v["enumValues"] = std::move(values);
  v["hasMaxLength"] = f.maxLength.has_value();
  v["maxLength"] = f.maxLength ? std::to_string(*f.maxLength) : "";
  auto num = [](double d) { return nlohmann::json(d).dump(); };
  auto num_text = [&](double d) {
    return std::floor(d) == d && std::fabs(d) < 1e15 ? std::to_string(static_cast<int64_t>(d)) : num(d);
  };
  v["hasMin"] = f.min.has_value();
  v["min"] = f.min ? num_text(*f.min) : "";
  v["hasMax"] = f.max.has_value();
  v["max"] = f.max ? num_text(*f.max) : "";
  v["description"] = f.description;
  v["hasDescription"] = !f.description.empty();
  v["semantic"] = Semantic(f, e, is_user);
  // Filters by exact match make sense on short scalar values, not on text or json.
  bool scalar = f.type != FieldType::kText && f.type != FieldType::kJson;
  v["isFilterable"] = scalar;
  v["isSortable"] = scalar && f.type != FieldType::kBoolean;
  return v;
}

json AccessView(const std::vector<std::string>& principals) {
  json a;
  auto has = [&](const char* p) { return std::find(principals.begin(), principals.end(), p) != principals.end(); };
  a["public"] = has("public");
  a["authenticated"] = has("authenticated");
  a["owner"] = has("owner");
  json roles = json::array();
  for (const auto& p : principals) {
    if (p != "public" && p != "authenticated" && p != "owner") roles.push_back({{"name", p}});
  }
  MarkEnds(roles);
  a["hasRoles"] = !roles.empty();
  a["roles"] = std::move(roles);
  a["principals"] = Join(principals, ", ");
  return a;
}

// Parents before children (required references first), ties by declaration order.
std::vector<const spec::Entity*> CreationOrder(const spec::AppSpec& s) {
  std::vector<const spec::Entity*> out;
  std::set<std::string> done;
  size_t guard = 0;
  while (out.size() < s.entities.size() && guard++ <= s.entities.size()) {
    for (const auto& e : s.entities) {
      if (done.count(e.name)) continue;
      bool ready = true;
      for (const auto& r : s.relations) {
        if (r.kind == RelationKind::kManyToMany || r.to != e.name || r.from == e.name) continue;
        if (!done.count(r.from)) ready = false;
      }
      if (ready) {
        out.push_back(&e);
        done.insert(e.name);
      }
    }
  }
  for (const auto& e : s.entities) {  // cycles: append the rest in declaration order
    if (!done.count(e.name)) out.push_back(&e);
  }
  return out;
}

}  // namespace

std::string EntityRoute(const spec::Entity& e) { return "/api/" + nm::ToKebabCase(e.plural); }

json CommonViewModel(const spec::AppSpec& s, const std::string& database) {
  json m;
  json app = Names(nm::ToPascalCase(s.name), nm::ToPascalCase(s.name));
  app["id"] = s.name;
  app["title"] = s.title;
  app["description"] = s.description;
  m["app"] = std::move(app);
  m["database"] = database;
  m["isSqlite"] = database == "sqlite";
  m["isPostgres"] = database == "postgres";
  m["isMongo"] = database == "mongodb";
  json features = json::object();
  for (const auto& f : spec::FeatureNames()) features[f] = false;
  for (auto f : s.features) features[std::string(spec::ToString(f))] = true;
  m["features"] = std::move(features);
  m["hasRealtime"] = s.HasFeature(spec::Feature::kRealtime) || s.HasFeature(spec::Feature::kNotifications);
  m["hasAuth"] = s.auth.enabled;
  json roles = json::array();
  for (const auto& r : s.roles) {
    roles.push_back({{"name", r}, {"isAdmin", r == s.auth.adminRole}, {"isDefault", r == s.auth.defaultRole},
                     {"title", nm::ToTitleWords(r)}});
  }
  MarkEnds(roles);
  m["roles"] = std::move(roles);
  m["auth"] = {{"userEntity", s.auth.userEntity},
               {"identityField", s.auth.identityField},
               {"defaultRole", s.auth.defaultRole},
               {"adminRole", s.auth.adminRole},
               {"accessTokenMinutes", std::to_string(s.auth.accessTokenMinutes)},
               {"refreshTokenDays", std::to_string(s.auth.refreshTokenDays)}};

  const std::vector<plan::JoinTable> join_tables = plan::JoinTables(s);
  json entities = json::array();
  for (const auto& e : s.entities) {
    bool is_user = s.auth.enabled && e.name == s.auth.userEntity;
    json v = Names(e.name, e.plural);
    v["table"] = nm::ToSnakeCase(e.plural);
    v["route"] = EntityRoute(e);
    v["description"] = e.description;
    v["isUser"] = is_user;
    v["timestamps"] = e.timestamps;
    json fields = json::array();
    for (const auto& f : e.fields) fields.push_back(FieldView(f, e, is_user));
    MarkEnds(fields);
    v["hasFields"] = !fields.empty();
    v["fields"] = std::move(fields);

    json refs = json::array(), collections = json::array(), links = json::array();
    for (size_t ri = 0; ri < s.relations.size(); ++ri) {
      const spec::Relation& r = s.relations[ri];
      const spec::Entity* from = s.FindEntity(r.from);
      const spec::Entity* to = s.FindEntity(r.to);
      if (r.kind != RelationKind::kManyToMany) {
        if (r.to == e.name) {
          json ref;
          ref["name"] = r.inverse;
          ref["field"] = r.inverse + "Id";
          ref["column"] = nm::ToSnakeCase(r.inverse) + "_id";
          ref["title"] = nm::ToTitleWords(r.inverse);
          ref["target"] = EntityRef(*from);
          ref["isRequired"] = r.required;
          ref["isOptional"] = !r.required;
          ref["isUnique"] = r.kind == RelationKind::kOneToOne;
          ref["isSelf"] = r.from == r.to;
          ref["isOwner"] = e.owner && *e.owner == r.inverse && r.from == s.auth.userEntity;
          ref["onDelete"] = OnDeleteSql(r.onDelete);
          refs.push_back(std::move(ref));
        }
        if (r.from == e.name) {
          json c;
          c["name"] = r.name;
          c["kebab"] = nm::ToKebabCase(r.name);
          c["title"] = nm::ToTitleWords(r.name);
          c["isOne"] = r.kind == RelationKind::kOneToOne;
          c["target"] = EntityRef(*to);
          c["fkField"] = r.inverse + "Id";
          c["fkColumn"] = nm::ToSnakeCase(r.inverse) + "_id";
          collections.push_back(std::move(c));
        }
      } else {
        // Names come from the planner's data model, so the ER diagram and the code agree.
        const plan::JoinTable& jt = join_tables[ri];
        std::string join = nm::ToSnakeCase(jt.name);
        std::string from_col = nm::ToSnakeCase(jt.fromColumn);
        std::string to_col = nm::ToSnakeCase(jt.toColumn);
        auto link = [&](bool owning) {
          json l;
          l["name"] = owning ? r.name : r.inverse;
          l["kebab"] = nm::ToKebabCase(owning ? r.name : r.inverse);
          l["title"] = nm::ToTitleWords(owning ? r.name : r.inverse);
          l["idsField"] = nm::ToCamelCase(nm::SingularizeName(owning ? r.name : r.inverse)) + "Ids";
          l["target"] = EntityRef(owning ? *to : *from);
          l["joinTable"] = join;
          l["selfColumn"] = owning ? from_col : to_col;
          l["otherColumn"] = owning ? to_col : from_col;
          l["isOwningSide"] = owning;
          return l;
        };
        if (r.from == e.name) links.push_back(link(true));
        if (r.to == e.name) links.push_back(link(false));
      }
    }
    MarkEnds(refs);
    MarkEnds(collections);
    MarkEnds(links);
    json owning_links = json::array();
    for (const auto& l : links) {
      if (l["isOwningSide"].get<bool>()) owning_links.push_back(l);
    }
    MarkEnds(owning_links);
    v["hasReferences"] = !refs.empty();
    v["references"] = std::move(refs);
    v["hasCollections"] = !collections.empty();
    v["collections"] = std::move(collections);
    v["hasLinks"] = !links.empty();
    v["links"] = std::move(links);
    v["hasOwningLinks"] = !owning_links.empty();
    v["owningLinks"] = std::move(owning_links);

    v["hasOwner"] = e.owner.has_value();
    if (e.owner) {
      v["ownerName"] = *e.owner;
      v["ownerField"] = *e.owner + "Id";
      v["ownerColumn"] = nm::ToSnakeCase(*e.owner) + "_id";
    }
    spec::Access access = spec::EffectiveAccess(s, e);
    v["access"] = {{"read", AccessView(access.read)},
                   {"create", AccessView(access.create)},
                   {"update", AccessView(access.update)},
                   {"delete", AccessView(access.remove)}};
    entities.push_back(std::move(v));
  }
  MarkEnds(entities);
  json order = json::array();
  for (const auto* e : CreationOrder(s)) order.push_back(e->name);
  m["creationOrder"] = std::move(order);
  for (const auto& e : entities) {
    if (e["isUser"].get<bool>()) m["userEntity"] = e;
  }
  std::set<std::string> seen_joins;
  json joins = json::array();
  for (const auto& e : entities) {
    for (const auto& l : e["links"]) {
      if (!l["isOwningSide"].get<bool>()) continue;
      if (!seen_joins.insert(l["joinTable"].get<std::string>()).second) continue;
      joins.push_back({{"table", l["joinTable"]},
                       {"leftColumn", l["selfColumn"]},
                       {"leftTable", e["table"]},
                       {"rightColumn", l["otherColumn"]},
                       {"rightTable", l["target"]["table"]}});
    }
  }
  MarkEnds(joins);
  m["hasJoinTables"] = !joins.empty();
  m["joinTables"] = std::move(joins);
  m["entities"] = std::move(entities);
  return m;
}

}  // namespace bf::generate
