// Invalid request bodies: each must be refused with 422 and an `errors` entry naming the field
// (400 for JSON that does not parse, 409 for a duplicate unique value).
#include "common/strings.h"
#include "verify/checks.h"
#include "verify/record_expect.h"
#include "verify/samples.h"

namespace bf::verify {

namespace {

using Op = Context::Op;
using nlohmann::json;

constexpr const char* kMissingId = "00000000-0000-4000-8000-00000000abcd";

// Every property a create body may hold, with placeholder values: decides at build time which
// invalid variants apply to the entity.
json Skeleton(const Context& ctx, const EntityModel& e) {
  json body = json::object();
  for (const auto* f : e.writable) body[f->name] = SampleValue(*f, 90, ctx.run);
  for (const auto& r : e.refs) {
    if (!r.isOwner) body[r.field] = kMissingId;
  }
  return body;
}

Outcome Rejected(const Exchange& ex, int status, const std::string& field, const std::string& why) {
  std::string expected = std::to_string(status) + " problem" +
                         (field.empty() ? "" : " whose errors name " + field) + " (" + why + ")";
  if (auto f = ExpectProblem(ex, status, expected)) return *f;
  if (!field.empty()) {
    if (auto f = ExpectFieldError(ex, field, expected)) return *f;
  }
  return Pass();
}

const Record* First(const Context& ctx, const EntityModel& e) {
  auto it = ctx.records.find(e.name);
  return it == ctx.records.end() || it->second.empty() ? nullptr : &it->second.front();
}

}  // namespace

void AddValidationChecks(Context& ctx, const EntityModel& e, std::vector<Check>& out) {
  const EntityModel* em = &e;
  std::string creator = ctx.CreatorOf(e);
  std::vector<std::string> needs = {CreateCheckName(e)};
  if (!e.isUser) {
    json skeleton = Skeleton(ctx, e);
    int seq = 90;
    for (InvalidKind kind :
         {InvalidKind::kMissingRequired, InvalidKind::kWrongType, InvalidKind::kEnum,
          InvalidKind::kUnknownProperty, InvalidKind::kTooLong, InvalidKind::kBelowMin,
          InvalidKind::kAboveMax, InvalidKind::kBadFormat}) {
      if (!MakeInvalid(kind, e, skeleton)) continue;
      ++seq;
      out.push_back({e.name + ": create rejects " + std::string(KindName(kind)), e.name, needs,
                     [&ctx, em, kind, seq, creator] {
                       auto valid = ctx.CreateBody(*em, seq, true);
                       if (!valid.ok()) return Skip(valid.error().message);
                       auto bad = MakeInvalid(kind, *em, *valid);
                       if (!bad) return Skip("no field to make invalid");
                       Exchange ex = ctx.Send("POST", em->route, bad->body, creator);
                       return Rejected(ex, 422, bad->field, bad->description);
                     }});
    }
    out.push_back({e.name + ": create rejects malformed JSON", e.name, needs, [&ctx, em, creator] {
                     std::vector<HttpHeader> headers;
                     if (const Principal* p = ctx.Who(creator))
                       headers.push_back({"Authorization", "Bearer " + p->accessToken});
                     Exchange ex =
                         ctx.SendRaw("POST", em->route, std::string("{\"verify\": "), headers);
                     return Rejected(ex, 400, "", "the body is not valid JSON");
                   }});
    for (const auto& r : e.refs) {
      if (r.isOwner) continue;
      std::string field = r.field;
      out.push_back(
          {e.name + ": create rejects a reference to a missing " + r.target + " (" + field + ")",
           e.name, needs, [&ctx, em, field, creator] {
             auto body = ctx.CreateBody(*em, 98, true);
             if (!body.ok()) return Skip(body.error().message);
             (*body)[field] = kMissingId;
             Exchange ex = ctx.Send("POST", em->route, *body, creator);
             return Rejected(ex, 422, field, field + " names no record");
           }});
    }
    for (const auto& l : e.links) {
      std::string field = l.field;
      out.push_back(
          {e.name + ": create rejects a link to a missing " + l.target + " (" + field + ")", e.name,
           needs, [&ctx, em, field, creator] {
             auto body = ctx.CreateBody(*em, 97, true);
             if (!body.ok()) return Skip(body.error().message);
             (*body)[field] = json::array({kMissingId});
             Exchange ex = ctx.Send("POST", em->route, *body, creator);
             return Rejected(ex, 422, field, field + " names no record");
           }});
    }
    for (const spec::Field* f : e.writable) {
      if (!f->unique) continue;
      std::string name = f->name;
      out.push_back({e.name + ": create rejects a duplicate " + name, e.name, needs,
                     [&ctx, em, name, creator] {
                       auto body = ctx.CreateBody(*em, 96, true);
                       if (!body.ok()) return Skip(body.error().message);
                       (*body)[name] = First(ctx, *em)->body[name];
                       Exchange ex = ctx.Send("POST", em->route, *body, creator);
                       std::string expected = "409 problem: " + name + " is unique and record " +
                                              IdOf(First(ctx, *em)->body) + " has it";
                       if (auto fail = ExpectProblem(ex, 409, expected)) return *fail;
                       return Pass();
                     }});
    }
  }
  // Updates validate too.
  std::string updater = ctx.ActorFor(e, Op::kUpdate);
  std::vector<std::string> update_needs = ActorNeeds(e, updater);
  json skeleton = Skeleton(ctx, e);
  if (MakeInvalid(InvalidKind::kWrongType, e, skeleton)) {
    out.push_back(
        {e.name + ": update rejects a wrong type", e.name, update_needs, [&ctx, em, updater] {
           const Record* r = First(ctx, *em);
           auto bad = MakeInvalid(InvalidKind::kWrongType, *em, Skeleton(ctx, *em));
           json patch = {{bad->field, bad->body[bad->field]}};
           Exchange ex = ctx.Send("PATCH", em->route + "/" + IdOf(r->body), patch, updater);
           return Rejected(ex, 422, bad->field, bad->description);
         }});
  }
  out.push_back(
      {e.name + ": update rejects an unknown property", e.name, update_needs, [&ctx, em, updater] {
         const Record* r = First(ctx, *em);
         Exchange ex = ctx.Send("PATCH", em->route + "/" + IdOf(r->body),
                                json{{"verifyUnknownProperty", true}}, updater);
         return Rejected(ex, 422, "verifyUnknownProperty",
                         "the body has a property the entity does not define");
       }});
}

}  // namespace bf::verify
