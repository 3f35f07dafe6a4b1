// Creating records and reading them back one by one.
#include "common/strings.h"
#include "verify/checks.h"
#include "verify/record_expect.h"
#include "verify/samples.h"

namespace bf::verify {

namespace {

using Op = Context::Op;

std::string OwnerId(const Context& ctx, const std::string& principal) {
  const Principal* p = ctx.Who(principal);
  return p ? p->id : "";
}

// POST a record of `e` with `seq` and check the answer.
Outcome CreateAndCheck(Context& ctx, const EntityModel& e, int seq, bool allFields) {
  auto body = ctx.CreateBody(e, seq, allFields);
  if (!body.ok()) return Skip(body.error().message);
  std::optional<nlohmann::json> created;
  Exchange ex = ctx.CreateRecord(e, seq, allFields, created);
  nlohmann::json record;
  if (auto f = ExpectCreated(ctx, e, ex, *body, OwnerId(ctx, ctx.CreatorOf(e)), record)) return *f;
  if (!created) return Fail("the record could not be read from the answer", "a JSON record", ex);
  if (allFields) return Pass();
  // Unset optional values are present: null, or the spec's default.
  for (const spec::Field* f : e.writable) {
    if (body->contains(f->name)) continue;
    if (!record.contains(f->name)) {
      return Fail(f->name + " is missing",
                  "optional fields present in every record, null when unset", ex);
    }
    const auto& got = record[f->name];
    if (f->defaultValue && !(f->defaultValue->is_string() && *f->defaultValue == "now")) {
      if (!SameValue(f, *f->defaultValue, got)) {
        return Fail(f->name + " is " + Compact(got, 60) + " when left out",
                    f->name + " = its default " + f->defaultValue->dump(), ex);
      }
    } else if (!f->defaultValue && !got.is_null()) {
      return Fail(f->name + " is " + Compact(got, 60) + " when left out", f->name + " = null", ex);
    }
  }
  for (const auto& r : e.refs) {
    if (body->contains(r.field) || r.isOwner) continue;
    if (!record.contains(r.field) || !record[r.field].is_null()) {
      return Fail(r.field + " is " +
                      (record.contains(r.field) ? Compact(record[r.field], 60) : "missing") +
                      " when left out",
                  r.field + " = null", ex);
    }
  }
  for (const auto& l : e.links) {
    if (body->contains(l.field)) continue;
    if (!record.contains(l.field) || record[l.field] != nlohmann::json::array()) {
      return Fail(l.field + " is not [] when left out", l.field + " = []", ex);
    }
  }
  return Pass();
}

const Record* First(const Context& ctx, const EntityModel& e) {
  auto it = ctx.records.find(e.name);
  return it == ctx.records.end() || it->second.empty() ? nullptr : &it->second.front();
}

}  // namespace

std::string CreateCheckName(const EntityModel& e) {
  return e.isUser ? std::string(kRegisterCheck) : e.name + ": create";
}

std::vector<std::string> CreationNeeds(const Context& ctx, const EntityModel& e) {
  std::vector<std::string> needs;
  std::string creator = ctx.CreatorNeed(e);
  if (!creator.empty()) needs.push_back(creator);
  for (const auto& r : e.refs) {
    if (!r.required || r.isOwner) continue;
    const EntityModel* target = ctx.model.Find(r.target);
    if (target && target->name != e.name) needs.push_back(CreateCheckName(*target));
  }
  return needs;
}

void AddCreateChecks(Context& ctx, const EntityModel& e, std::vector<Check>& out) {
  const EntityModel* em = &e;
  if (e.isUser) {
    out.push_back({e.name + ": record shape", e.name, {kRegisterCheck}, [&ctx, em] {
                     const Record* r = First(ctx, *em);
                     auto problems = ShapeProblems(ctx, *em, r->body);
                     if (problems.empty()) return Pass();
                     return Fail("the registered user (as /auth/register returned it):\n  - " +
                                     Join(problems, "\n  - "),
                                 "exactly the properties of the " + em->name +
                                     " schema, with valid values");
                   }});
    out.push_back({e.name + ": no create route", e.name, {kRegisterCheck}, [&ctx, em] {
                     nlohmann::json body = ctx.RegisterBody(6);
                     Exchange ex = ctx.Send("POST", em->route, body, kOwner);
                     return ExpectMethodNotAllowed(ex, "POST",
                                                   "users are created by /auth/register only");
                   }});
    return;
  }
  std::string create = CreateCheckName(e);
  out.push_back({create, e.name, CreationNeeds(ctx, e),
                 [&ctx, em] { return CreateAndCheck(ctx, *em, 1, true); }});
  out.push_back({e.name + ": create another", e.name, {create}, [&ctx, em] {
                   return CreateAndCheck(ctx, *em, 2, true);
                 }});
  out.push_back({e.name + ": create with required fields only", e.name, {create}, [&ctx, em] {
                   return CreateAndCheck(ctx, *em, 3, false);
                 }});
  out.push_back({e.name + ": record shape", e.name, {create}, [&ctx, em] {
                   auto problems = ShapeProblems(ctx, *em, First(ctx, *em)->body);
                   if (problems.empty()) return Pass();
                   return Fail(
                       "the created record (as POST returned it):\n  - " + Join(problems, "\n  - "),
                       "exactly the properties of the " + em->name + " schema, with valid values");
                 }});
}

std::vector<std::string> ActorNeeds(const EntityModel& e, const std::string& principal) {
  std::vector<std::string> needs = {CreateCheckName(e)};
  std::string sign_in = Context::SignInCheck(principal);
  if (!sign_in.empty() && sign_in != needs.front()) needs.push_back(sign_in);
  return needs;
}

void AddReadChecks(Context& ctx, const EntityModel& e, std::vector<Check>& out) {
  const EntityModel* em = &e;
  std::string reader = ctx.ActorFor(e, Op::kRead);
  std::vector<std::string> needs = ActorNeeds(e, reader);
  out.push_back({e.name + ": get", e.name, needs, [&ctx, em, reader] {
                   const Record* r = First(ctx, *em);
                   std::string id = IdOf(r->body);
                   std::string expected = "200 with the record as created";
                   Exchange ex = ctx.Send("GET", em->route + "/" + id, std::nullopt, reader);
                   if (auto f = ExpectStatus(ex, 200, expected)) return *f;
                   nlohmann::json got;
                   if (auto f = ExpectJson(ex, expected, got)) return *f;
                   auto diff = Changed(*em, r->body, got, {});
                   if (!diff.empty())
                     return Fail("the record differs from the created one: " + Join(diff, "; "),
                                 expected, ex);
                   return Pass();
                 }});
  out.push_back({e.name + ": get an unknown id is 404", e.name, needs, [&ctx, em, reader] {
                   Exchange ex =
                       ctx.Send("GET", em->route + "/00000000-0000-4000-8000-0000000000ff",
                                std::nullopt, reader);
                   if (auto f = ExpectProblem(
                           ex, 404, "404 problem for a well-formed id that names no record"))
                     return *f;
                   return Pass();
                 }});
  out.push_back({e.name + ": get a non-UUID id is 404", e.name, needs, [&ctx, em, reader] {
                   Exchange ex = ctx.Send("GET", em->route + "/not-a-uuid", std::nullopt, reader);
                   if (auto f = ExpectProblem(
                           ex, 404, "404 problem (an id that is not a UUID names no record)"))
                     return *f;
                   return Pass();
                 }});
}

}  // namespace bf::verify
