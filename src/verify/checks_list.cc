// Lists: contents, totals, pagination and its bounds, sorting, exact-match filters.
#include <algorithm>
#include <map>

#include "common/strings.h"
#include "verify/checks.h"
#include "verify/record_expect.h"

namespace bf::verify {

namespace {

using Op = Context::Op;
using nlohmann::json;

std::string WithQuery(const std::string& target, const std::string& query) {
  return target + (target.find('?') == std::string::npos ? "?" : "&") + query;
}

std::string Pq(int page, int limit) {
  return "page=" + std::to_string(page) + "&limit=" + std::to_string(limit);
}

bool IsTimestamp(const std::string& name) { return name == "createdAt" || name == "updatedAt"; }

// Order of two non-null values of a sortable property; nullopt when they cannot be compared.
// `declared` orders enums by declaration instead of by text.
std::optional<int> Compare(const spec::Field* f, const std::string& name, const json& a,
                           const json& b, bool declared) {
  auto sign = [](auto x, auto y) { return x < y ? -1 : (y < x ? 1 : 0); };
  if (IsTimestamp(name) || (f && f->type == spec::FieldType::kDateTime)) {
    if (!a.is_string() || !b.is_string()) return std::nullopt;
    auto x = ParseInstant(a.get<std::string>()), y = ParseInstant(b.get<std::string>());
    if (!x || !y) return std::nullopt;
    return sign(*x, *y);
  }
  if (a.is_number() && b.is_number()) return sign(a.get<double>(), b.get<double>());
  if (!a.is_string() || !b.is_string()) return std::nullopt;
  if (declared && f && f->type == spec::FieldType::kEnum) {
    auto ia = std::find(f->enumValues.begin(), f->enumValues.end(), a.get<std::string>());
    auto ib = std::find(f->enumValues.begin(), f->enumValues.end(), b.get<std::string>());
    return sign(ia - f->enumValues.begin(), ib - f->enumValues.begin());
  }
  return sign(a.get<std::string>(), b.get<std::string>());
}

// Whether values of this property sort the same way in every database collation (numbers and
// instants do; text depends on the collation, so only the suite's own values are compared).
bool CollationFree(const spec::Field* f, const std::string& name) {
  if (IsTimestamp(name)) return true;
  if (!f) return false;
  using spec::FieldType;
  return f->type == FieldType::kInteger || f->type == FieldType::kNumber ||
         f->type == FieldType::kDateTime || f->type == FieldType::kDate;
}

// Checks one sort order over walked items; an empty string when it holds.
std::string OrderProblem(const EntityModel& e, const std::string& name, bool desc,
                         const std::vector<json>& items, const std::vector<std::string>& own,
                         bool declared) {
  const spec::Field* f = FieldOf(e, name);
  std::map<std::string, size_t> pos;
  for (size_t i = 0; i < items.size(); ++i) pos[IdOf(items[i])] = i;
  std::vector<std::pair<json, size_t>> ours;
  for (const auto& id : own) {
    auto it = pos.find(id);
    if (it == pos.end()) return "record " + id + " is missing from the sorted list";
    const json& v = items[it->second].contains(name) ? items[it->second][name] : json();
    if (!v.is_null()) ours.push_back({v, it->second});
  }
  for (size_t i = 0; i < ours.size(); ++i) {
    for (size_t j = 0; j < ours.size(); ++j) {
      auto c = Compare(f, name, ours[i].first, ours[j].first, declared);
      if (!c || *c >= 0) continue;  // only pairs with i's value before j's
      bool ok = desc ? ours[i].second > ours[j].second : ours[i].second < ours[j].second;
      if (!ok) {
        return name + " " + Compact(ours[i].first, 40) + " is listed " +
               (desc ? "before" : "after") + " " + Compact(ours[j].first, 40);
      }
    }
  }
  if (CollationFree(f, name)) {
    const json* prev = nullptr;
    for (const auto& item : items) {
      if (!item.contains(name) || item[name].is_null()) continue;
      if (prev) {
        auto c = Compare(f, name, *prev, item[name], declared);
        if (c && (desc ? *c < 0 : *c > 0)) {
          return name + " " + Compact(*prev, 40) + " comes before " + Compact(item[name], 40);
        }
      }
      prev = &item[name];
    }
  }
  return "";
}

bool AllSeen(const Walk& w, const std::vector<std::string>& ids) {
  for (const auto& id : ids) {
    if (std::none_of(w.items.begin(), w.items.end(), [&](const json& j) { return IdOf(j) == id; }))
      return false;
  }
  return true;
}

// Records whose references point elsewhere than record #1's, so that a foreign-key filter that
// is ignored shows: one per reference, pointing at the target's second record (or, for the
// owner reference, created by the other user). Returns how many were created.
int MakeDecoys(Context& ctx, const EntityModel& e) {
  int made = 0, seq = 50;
  for (const auto& r : e.refs) {
    auto body = ctx.CreateBody(e, ++seq, false);
    if (!body.ok()) continue;
    std::string as = ctx.CreatorOf(e);
    if (r.isOwner) {
      if (as != kOwner || !ctx.Who(kOther)) continue;
      as = kOther;
    } else if (ctx.model.auth && r.target == ctx.model.userEntity) {
      if (!ctx.Who(kOther)) continue;
      (*body)[r.field] = ctx.Who(kOther)->id;
    } else {
      auto it = ctx.records.find(r.target);
      if (it == ctx.records.end() || it->second.size() < 2) continue;
      (*body)[r.field] = IdOf(it->second[1].body);
    }
    Exchange ex = ctx.Send("POST", e.route, *body, as);
    if (ex.response && ex.response->status == 201) ++made;
  }
  return made;
}

}  // namespace

std::vector<std::string> OwnIds(const Context& ctx, const EntityModel& e) {
  std::vector<std::string> out;
  auto it = ctx.records.find(e.name);
  if (it == ctx.records.end()) return out;
  for (const auto& r : it->second) out.push_back(IdOf(r.body));
  return out;
}

Failure WalkPages(Context& ctx, const std::string& target, const std::string& as, int limit,
                  int maxPages, Walk& out, const std::function<bool(const Walk&)>& stop) {
  for (int page = 1; page <= maxPages; ++page) {
    Exchange ex = ctx.Send("GET", WithQuery(target, Pq(page, limit)), std::nullopt, as);
    json body;
    if (auto f = ExpectPage(ex, page, limit, "200 with a page {data, page, limit, total}", body))
      return f;
    out.total = body["total"].get<int64_t>();
    out.pages = page;
    for (const auto& item : body["data"]) out.items.push_back(item);
    if (static_cast<int>(body["data"].size()) < limit) {
      out.complete = true;
      break;
    }
    if (stop && stop(out)) break;
  }
  return std::nullopt;
}

void AddListChecks(Context& ctx, const EntityModel& e, std::vector<Check>& out) {
  const EntityModel* em = &e;
  std::string reader = ctx.ActorFor(e, Op::kRead);
  std::vector<std::string> needs = ActorNeeds(e, reader);
  std::string list = e.name + ": list";
  out.push_back({list, e.name, needs, [&ctx, em, reader] {
                   auto own = OwnIds(ctx, *em);
                   std::string expected =
                       "200 {data, page: 1, limit: 100, total} holding the suite's records";
                   Exchange ex =
                       ctx.Send("GET", em->route + "?" + Pq(1, 100), std::nullopt, reader);
                   json body;
                   if (auto f = ExpectPage(ex, 1, 100, expected, body)) return *f;
                   int64_t total = body["total"].get<int64_t>();
                   size_t n = body["data"].size();
                   if (total < static_cast<int64_t>(own.size())) {
                     return Fail("total is " + std::to_string(total) + " but the suite created " +
                                     std::to_string(own.size()),
                                 expected, ex);
                   }
                   if (static_cast<int64_t>(n) != std::min<int64_t>(total, 100)) {
                     return Fail(std::to_string(n) + " records on the first page but total is " +
                                     std::to_string(total),
                                 expected, ex);
                   }
                   if (total <= 100) {
                     for (const auto& id : own) {
                       if (std::none_of(body["data"].begin(), body["data"].end(),
                                        [&](const json& j) { return IdOf(j) == id; })) {
                         return Fail("record " + id + " is not in the list", expected, ex);
                       }
                     }
                   }
                   return Pass();
                 }});
  out.push_back({e.name + ": list defaults to page 1, limit 20, newest first",
                 e.name,
                 {list},
                 [&ctx, em, reader] {
                   std::string expected = "200 with page 1, limit 20, sorted by -createdAt";
                   Exchange ex = ctx.Send("GET", em->route, std::nullopt, reader);
                   json body;
                   if (auto f = ExpectPage(ex, 1, 20, expected, body)) return *f;
                   if (!em->timestamps) return Pass();
                   std::string problem = OrderProblem(
                       *em, "createdAt", true, body["data"].get<std::vector<json>>(), {}, false);
                   if (!problem.empty()) return Fail("not newest first: " + problem, expected, ex);
                   return Pass();
                 }});
  out.push_back(
      {e.name + ": pagination returns each record once", e.name, {list}, [&ctx, em, reader] {
         Exchange first = ctx.Send("GET", em->route + "?" + Pq(1, 1), std::nullopt, reader);
         json head;
         if (auto f = ExpectPage(first, 1, 1, "200 page", head)) return *f;
         int64_t total = head["total"].get<int64_t>();
         int limit = total <= 40 ? 2 : static_cast<int>(std::min<int64_t>(100, (total + 19) / 20));
         int pages = static_cast<int>((total + limit - 1) / limit);
         std::map<std::string, int> seen;
         for (int page = 1; page <= pages + 1; ++page) {
           std::string expected = "page " + std::to_string(page) + " of " + std::to_string(pages) +
                                  " (limit " + std::to_string(limit) + ", total " +
                                  std::to_string(total) + ")";
           Exchange ex = ctx.Send("GET", em->route + "?" + Pq(page, limit), std::nullopt, reader);
           json body;
           if (auto f = ExpectPage(ex, page, limit, expected, body)) return *f;
           if (body["total"].get<int64_t>() != total) {
             return Fail(
                 "total changed from " + std::to_string(total) + " to " + body["total"].dump(),
                 expected, ex);
           }
           int64_t want =
               std::clamp<int64_t>(total - static_cast<int64_t>(page - 1) * limit, 0, limit);
           if (static_cast<int64_t>(body["data"].size()) != want) {
             return Fail(
                 std::to_string(body["data"].size()) + " records, expected " + std::to_string(want),
                 expected, ex);
           }
           for (const auto& item : body["data"]) {
             if (++seen[IdOf(item)] > 1)
               return Fail("record " + IdOf(item) + " appears on two pages", expected, ex);
           }
         }
         if (static_cast<int64_t>(seen.size()) != total) {
           return Fail("the pages held " + std::to_string(seen.size()) + " records, total says " +
                           std::to_string(total),
                       "every record exactly once");
         }
         for (const auto& id : OwnIds(ctx, *em)) {
           if (!seen.count(id))
             return Fail("record " + id + " is on no page", "every record exactly once");
         }
         return Pass(std::to_string(pages) + " pages of " + std::to_string(limit));
       }});
  out.push_back(
      {e.name + ": out-of-range page and limit are 400", e.name, {list}, [&ctx, em, reader] {
         const std::pair<const char*, const char*> cases[] = {{"limit=101", "limit"},
                                                              {"limit=0", "limit"},
                                                              {"page=0", "page"},
                                                              {"page=-1", "page"},
                                                              {"limit=abc", "limit"}};
         for (const auto& [query, param] : cases) {
           std::string expected =
               std::string("400 problem whose errors name ") + param + " for ?" + query;
           Exchange ex = ctx.Send("GET", em->route + "?" + query, std::nullopt, reader);
           if (auto f = ExpectProblem(ex, 400, expected)) return *f;
           if (auto f = ExpectFieldError(ex, param, expected)) return *f;
         }
         return Pass();
       }});
  out.push_back(
      {e.name + ": sort orders ascending and descending", e.name, {list}, [&ctx, em, reader] {
         auto own = OwnIds(ctx, *em);
         std::vector<std::string> checked;
         for (const auto& name : em->sortable) {
           for (bool desc : {false, true}) {
             std::string sort = (desc ? "-" : "") + name;
             Walk w;
             std::string target = em->route + "?sort=" + UrlEncode(sort);
             if (auto f = WalkPages(ctx, target, reader, 100, 100, w,
                                    [&](const Walk& x) { return AllSeen(x, own); })) {
               f->message = "sort=" + sort + ": " + f->message;
               return *f;
             }
             const spec::Field* f = FieldOf(*em, name);
             if (!AllSeen(w, own) && !w.complete) {
               return Skip(
                   "more than 10000 records: the suite's own were not all reached sorting by " +
                   sort);
             }
             std::string problem = OrderProblem(*em, name, desc, w.items, own, false);
             if (!problem.empty() && f && f->type == spec::FieldType::kEnum) {
               problem = OrderProblem(*em, name, desc, w.items, own,
                                      true);  // declaration order is fine too
             }
             if (!problem.empty()) {
               Exchange ex;
               ex.request.method = "GET";
               ex.request.target = WithQuery(target, Pq(1, 100));
               return Fail("sort=" + sort + ": " + problem,
                           (desc ? "descending" : "ascending") + std::string(" order of ") + name,
                           ex);
             }
           }
           checked.push_back(name);
         }
         return Pass("sorted by " + Join(checked, ", "));
       }});
  out.push_back({e.name + ": sort by an unknown field is 400", e.name, {list}, [&ctx, em, reader] {
                   std::string expected = "400 problem whose errors name sort";
                   Exchange ex =
                       ctx.Send("GET", em->route + "?sort=verifyNoSuchField", std::nullopt, reader);
                   if (auto f = ExpectProblem(ex, 400, expected)) return *f;
                   if (auto f = ExpectFieldError(ex, "sort", expected)) return *f;
                   return Pass();
                 }});
  if (e.filterable.empty() && e.refs.empty()) return;
  out.push_back(
      {e.name + ": exact-match filters", e.name, {list}, [&ctx, em, reader] {
         const auto& recs = ctx.records[em->name];
         const json& first = recs.front().body;
         std::vector<std::string> checked;
         // Scalar fields, then foreign keys (the inverse of one-to-many nested reads).
         std::vector<std::pair<std::string, const spec::Field*>> filters;
         for (const spec::Field* f : em->filterable) filters.push_back({f->name, f});
         for (const auto& r : em->refs) filters.push_back({r.field, nullptr});
         int decoys = MakeDecoys(ctx, *em);
         for (const auto& [name, f] : filters) {
           if (!first.contains(name) || first[name].is_null()) continue;
           const json& value = first[name];
           std::string target = em->route + "?" + name + "=" + QueryValue(value);
           std::string expected = "only records whose " + name + " is " + Compact(value, 60) +
                                  ", including " + IdOf(first);
           Walk w;
           if (auto fail = WalkPages(ctx, target, reader, 100, 100, w)) {
             fail->message = "?" + name + "=…: " + fail->message;
             fail->expected = expected;
             return *fail;
           }
           Exchange ex;
           ex.request.method = "GET";
           ex.request.target = WithQuery(target, Pq(1, 100));
           for (const auto& item : w.items) {
             if (!item.contains(name) || !SameValue(f, value, item[name])) {
               return Fail("record " + IdOf(item) + " has " + name + " = " +
                               (item.contains(name) ? Compact(item[name], 60) : "missing"),
                           expected, ex);
             }
           }
           if (!w.complete) continue;  // over 10000 matches: only the values were checked
           if (std::none_of(w.items.begin(), w.items.end(),
                            [&](const json& j) { return IdOf(j) == IdOf(first); })) {
             return Fail("record " + IdOf(first) + " is not in the filtered list", expected, ex);
           }
           if (w.total != static_cast<int64_t>(w.items.size())) {
             return Fail("total is " + std::to_string(w.total) + " but " +
                             std::to_string(w.items.size()) + " records matched",
                         expected, ex);
           }
           checked.push_back(name);
         }
         return Pass(
             "filtered by " + Join(checked, ", ") +
             (decoys ? "; " + std::to_string(decoys) + " records referring elsewhere were left out"
                     : ""));
       }});
}

}  // namespace bf::verify
