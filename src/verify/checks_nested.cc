// Nested reads: GET {route}/{id}/{relation}.
#include <algorithm>
#include <set>

#include "common/strings.h"
#include "verify/checks.h"
#include "verify/record_expect.h"

namespace bf::verify {

namespace {

using Op = Context::Op;
using Kind = NestedModel::Kind;
using nlohmann::json;

bool Holds(const json& record, const std::string& field, const std::string& id) {
  if (!record.is_object() || !record.contains(field)) return false;
  const json& v = record[field];
  if (v.is_string()) return ToLower(v.get<std::string>()) == ToLower(id);
  if (v.is_array()) {
    return std::any_of(v.begin(), v.end(), [&](const json& x) {
      return x.is_string() && ToLower(x.get<std::string>()) == ToLower(id);
    });
  }
  return false;
}

// Ids of the suite's target records the parent's relation should return.
std::set<std::string> ExpectedIds(const Context& ctx, const NestedModel& n, const json& parent) {
  std::set<std::string> out;
  std::string pid = IdOf(parent);
  if (n.kind == Kind::kLinked) {
    if (parent.contains(n.field) && parent[n.field].is_array()) {
      for (const auto& id : parent[n.field]) {
        if (id.is_string()) out.insert(id.get<std::string>());
      }
    }
    return out;
  }
  auto it = ctx.records.find(n.target);
  if (it == ctx.records.end()) return out;
  for (const auto& r : it->second) {
    if (Holds(r.body, n.field, pid)) out.insert(IdOf(r.body));
  }
  return out;
}

}  // namespace

void AddNestedChecks(Context& ctx, const EntityModel& e, std::vector<Check>& out) {
  if (e.nested.empty()) return;
  const EntityModel* em = &e;
  std::string reader = ctx.ActorFor(e, Op::kRead);
  std::vector<std::string> needs = ActorNeeds(e, reader);
  for (const NestedModel& nested : e.nested) {
    const NestedModel* n = &nested;
    out.push_back(
        {e.name + ": nested " + n->segment, e.name, needs, [&ctx, em, n, reader] {
           const json& parent = ctx.records[em->name].front().body;
           std::string pid = IdOf(parent);
           std::string url = em->route + "/" + pid + "/" + n->segment;
           std::set<std::string> want = ExpectedIds(ctx, *n, parent);
           if (n->kind == Kind::kChild) {
             Exchange ex = ctx.Send("GET", url, std::nullopt, reader);
             if (want.empty()) {
               if (auto f = ExpectProblem(ex, 404, "404 problem: no " + n->target + " is linked"))
                 return *f;
               return Pass();
             }
             std::string expected = "200 with the " + n->target + " " + *want.begin();
             if (auto f = ExpectStatus(ex, 200, expected)) return *f;
             json got;
             if (auto f = ExpectJson(ex, expected, got)) return *f;
             if (IdOf(got) != *want.begin()) return Fail("got record " + IdOf(got), expected, ex);
             return Pass();
           }
           std::string expected =
               "a page of the " + n->target + " records of " + em->name + " " + pid +
               (want.empty()
                    ? ""
                    : " (including " +
                          Join(std::vector<std::string>(want.begin(), want.end()), ", ") + ")");
           Walk w;
           if (auto f = WalkPages(ctx, url, reader, 100, 100, w)) {
             f->expected = expected;
             return *f;
           }
           Exchange ex;
           ex.request.method = "GET";
           ex.request.target = url + "?page=1&limit=100";
           std::set<std::string> got;
           for (const auto& item : w.items) {
             got.insert(IdOf(item));
             bool belongs = n->kind == Kind::kLinked
                                ? want.count(IdOf(item)) > 0
                                : !item.contains(n->field) || Holds(item, n->field, pid);
             if (!belongs)
               return Fail("record " + IdOf(item) + " does not belong to " + pid, expected, ex);
           }
           for (const auto& id : want) {
             if (!got.count(id)) return Fail("record " + id + " is missing", expected, ex);
           }
           if (w.total != static_cast<int64_t>(w.items.size())) {
             return Fail("total is " + std::to_string(w.total) + " for " +
                             std::to_string(w.items.size()) + " records",
                         expected, ex);
           }
           return Pass(std::to_string(got.size()) + " records");
         }});
  }
  const NestedModel* n = &e.nested.front();
  out.push_back({e.name + ": nested reads of a missing " + e.name + " are 404", e.name, needs,
                 [&ctx, em, n, reader] {
                   Exchange ex = ctx.Send(
                       "GET", em->route + "/00000000-0000-4000-8000-0000000000fe/" + n->segment,
                       std::nullopt, reader);
                   if (auto f = ExpectProblem(ex, 404, "404 problem: the parent does not exist"))
                     return *f;
                   return Pass();
                 }});
}

}  // namespace bf::verify
