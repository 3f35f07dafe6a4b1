// Partial updates, null clearing, and deletes.
#include "common/strings.h"
#include "verify/checks.h"
#include "verify/record_expect.h"
#include "verify/samples.h"

namespace bf::verify {

namespace {

using Op = Context::Op;
using nlohmann::json;

// The field a PATCH changes: a writable, non-unique field (json last), or nullptr.
const spec::Field* PatchField(const EntityModel& e) {
  for (const spec::Field* f : e.writable) {
    if (!f->unique && f->type != spec::FieldType::kJson) return f;
  }
  for (const spec::Field* f : e.writable) {
    if (f->type != spec::FieldType::kJson) return f;
  }
  return e.writable.empty() ? nullptr : e.writable.front();
}

const spec::Field* ClearableField(const EntityModel& e) {
  for (const spec::Field* f : e.writable) {
    if (!f->required) return f;
  }
  return nullptr;
}

Record* Nth(Context& ctx, const EntityModel& e, size_t i) {
  auto it = ctx.records.find(e.name);
  return it == ctx.records.end() || it->second.size() <= i ? nullptr : &it->second[i];
}

// PATCH `patch` onto `record`, expecting only the patched properties to change, and the change
// to persist. Updates the remembered record.
Outcome PatchAndCheck(Context& ctx, const EntityModel& e, Record& record, const json& patch,
                      const std::string& as) {
  std::string url = e.route + "/" + IdOf(record.body);
  std::string expected =
      "200 with " + Compact(patch, 120) + " applied and every other property unchanged";
  Exchange before_ex = ctx.Send("GET", url, std::nullopt, as);
  json before;
  if (auto f = ExpectStatus(before_ex, 200, "200 (reading the record before the update)"))
    return *f;
  if (auto f = ExpectJson(before_ex, "the record", before)) return *f;
  Exchange ex = ctx.Send("PATCH", url, patch, as);
  if (auto f = ExpectStatus(ex, 200, expected)) return *f;
  json got;
  if (auto f = ExpectJson(ex, expected, got)) return *f;
  std::set<std::string> changed_keys;
  for (const auto& [k, v] : patch.items()) {
    changed_keys.insert(k);
    if (!got.contains(k) || !SameValue(FieldOf(e, k), v, got[k])) {
      return Fail(
          k + " is " + (got.contains(k) ? Compact(got[k], 60) : "missing") + " after the update",
          expected, ex);
    }
  }
  auto clobbered = Changed(e, before, got, changed_keys);
  if (!clobbered.empty()) {
    return Fail("properties that were not in the PATCH body changed: " + Join(clobbered, "; "),
                expected, ex);
  }
  if (e.timestamps) {
    auto b = ParseInstant(StrOf(before, "updatedAt")), a = ParseInstant(StrOf(got, "updatedAt"));
    if (!a || !b || *a < *b)
      return Fail(
          "updatedAt went from " + StrOf(before, "updatedAt") + " to " + StrOf(got, "updatedAt"),
          expected, ex);
  }
  Exchange after_ex = ctx.Send("GET", url, std::nullopt, as);
  json after;
  if (auto f = ExpectStatus(after_ex, 200, "200 (reading the record after the update)")) return *f;
  if (auto f = ExpectJson(after_ex, "the record", after)) return *f;
  auto lost = Changed(e, got, after, {});
  if (!lost.empty())
    return Fail("the update did not persist: " + Join(lost, "; "),
                "GET returns what PATCH answered", after_ex);
  record.body = after;
  return Pass();
}

}  // namespace

void AddUpdateChecks(Context& ctx, const EntityModel& e, std::vector<Check>& out) {
  const EntityModel* em = &e;
  std::string updater = ctx.ActorFor(e, Op::kUpdate);
  std::vector<std::string> needs = ActorNeeds(e, updater);
  if (const spec::Field* f = PatchField(e)) {
    std::string name = f->name;
    out.push_back({e.name + ": update changes only the given property", e.name, needs,
                   [&ctx, em, f, updater] {
                     Record* r = Nth(ctx, *em, 0);
                     json current = r->body.contains(f->name) ? r->body[f->name] : json();
                     json patch = {{f->name, OtherValue(*f, current, r->seq, ctx.run)}};
                     return PatchAndCheck(ctx, *em, *r, patch, updater);
                   }});
  }
  if (const spec::Field* f = PatchField(e)) {
    out.push_back({e.name + ": update an unknown id is 404", e.name, needs, [&ctx, em, f, updater] {
                     json patch = {{f->name, SampleValue(*f, 45, ctx.run)}};
                     Exchange ex =
                         ctx.Send("PATCH", em->route + "/00000000-0000-4000-8000-0000000000fd",
                                  patch, updater);
                     if (auto fail = ExpectProblem(ex, 404, "404 problem: no such record"))
                       return *fail;
                     return Pass();
                   }});
  }
  if (const spec::Field* f = ClearableField(e)) {
    out.push_back(
        {e.name + ": update with null clears " + f->name, e.name, needs, [&ctx, em, f, updater] {
           Record* r = Nth(ctx, *em, em->isUser ? 0 : 1);
           if (!r)
             return Skip("no second record (\"" + em->name + ": create another\" did not run)");
           if (!r->body.contains(f->name) || r->body[f->name].is_null()) {
             return Skip(f->name + " is already null in record " + IdOf(r->body));
           }
           return PatchAndCheck(ctx, *em, *r, json{{f->name, nullptr}}, updater);
         }});
  }
  if (e.isUser) {
    std::string idf = ctx.spec.auth.identityField;
    out.push_back(
        {e.name + ": " + idf + " cannot be changed by update", e.name, needs,
         [&ctx, em, idf, updater] {
           Record* r = Nth(ctx, *em, 0);
           std::string url = em->route + "/" + IdOf(r->body);
           std::string expected =
               "422 (" + idf + " is not writable through PATCH) or 200 with " + idf + " unchanged";
           Exchange ex = ctx.Send("PATCH", url, json{{idf, ctx.Identity(77)}}, updater);
           if (auto f = RefusedWith400(ex, idf, expected)) return *f;
           if (ex.response && ex.response->status == 422) {
             if (auto f = ExpectProblem(ex, 422, expected)) return *f;
           } else if (auto f = ExpectStatus(ex, 200, expected)) {
             return *f;
           }
           Exchange get = ctx.Send("GET", url, std::nullopt, updater);
           json now = json::parse(get.response ? get.response->body : "", nullptr, false);
           if (!now.is_object() ||
               !SameValue(FieldOf(*em, idf), r->body[idf], now.value(idf, json()))) {
             if (now.is_object()) r->body = now;  // later checks compare against what is stored
             return Fail(idf + " was changed by PATCH: it is now " +
                             (now.is_object() ? now.value(idf, json()).dump() : "unreadable"),
                         expected, ex);
           }
           return Pass();
         }});
  }
}

}  // namespace bf::verify
