// Deletes: 204 then 404, and the onDelete rule of every relation the entity is the parent of
// (cascade removes the children, set-null clears their reference, restrict answers 409).
#include "common/strings.h"
#include "verify/checks.h"
#include "verify/record_expect.h"

namespace bf::verify {

namespace {

using Op = Context::Op;
using nlohmann::json;

constexpr const char* kParentUser = "parent-user";

// A record of `e` nobody else follows; for the user entity a fresh account signed in as
// kParentUser. Its id, or the failure.
Result<std::string> Fresh(Context& ctx, const EntityModel& e, int seq, Exchange& ex) {
  if (e.isUser) {
    ex = ctx.Send("POST", "/auth/register", ctx.RegisterBody(seq));
    json body = json::parse(ex.response ? ex.response->body : "", nullptr, false);
    if (!ex.response || ex.response->status != 201 || !body.is_object() || !body.contains("user")) {
      return MakeError("setup", "could not register a user");
    }
    Principal p;
    p.id = IdOf(body["user"]);
    p.accessToken = StrOf(body, "accessToken");
    ctx.principals[kParentUser] = p;
    return p.id;
  }
  std::optional<json> created;
  ex = ctx.CreateRecord(e, seq, false, created);
  if (!created) return MakeError("setup", "could not create " + A(e.name));
  ctx.records[e.name].pop_back();  // not one of the records other checks follow
  return IdOf(*created);
}

}  // namespace

void AddDeleteChecks(Context& ctx, const EntityModel& e, std::vector<Check>& out) {
  const EntityModel* em = &e;
  std::string deleter = ctx.ActorFor(e, Op::kDelete);
  std::string reader = ctx.ActorFor(e, Op::kRead);
  std::vector<std::string> needs = ActorNeeds(e, deleter);
  if (deleter != reader && !Context::SignInCheck(reader).empty())
    needs.push_back(Context::SignInCheck(reader));
  out.push_back({e.name + ": delete", e.name, needs, [&ctx, em, deleter, reader] {
                   Exchange setup;
                   auto id = Fresh(ctx, *em, 86, setup);
                   if (!id.ok()) return Fail(id.error().message, "a record to delete", setup);
                   std::string url = em->route + "/" + *id;
                   Exchange del = ctx.Send("DELETE", url, std::nullopt, deleter);
                   if (auto f = ExpectStatus(del, 204, "204 No Content")) return *f;
                   if (!del.response->body.empty())
                     return Fail("a 204 answer with a body", "204 with no body", del);
                   Exchange get = ctx.Send("GET", url, std::nullopt, reader);
                   if (auto f = ExpectProblem(get, 404, "404 problem: the record is gone"))
                     return *f;
                   Exchange again = ctx.Send("DELETE", url, std::nullopt, deleter);
                   if (auto f = ExpectProblem(again, 404, "404 problem when deleting it again"))
                     return *f;
                   return Pass();
                 }});

  out.push_back({e.name + ": delete an unknown id is 404", e.name, needs, [&ctx, em, deleter] {
                   Exchange ex =
                       ctx.Send("DELETE", em->route + "/00000000-0000-4000-8000-0000000000fc",
                                std::nullopt, deleter);
                   if (auto f = ExpectProblem(ex, 404, "404 problem: no such record")) return *f;
                   return Pass();
                 }});
  for (const auto& r : ctx.spec.relations) {
    if (r.kind == spec::RelationKind::kManyToMany || r.from != e.name || r.to == e.name) continue;
    const EntityModel* child = ctx.model.Find(r.to);
    if (!child) continue;
    const RefModel* ref = child->FindRef(r.inverse + "Id");
    if (!ref) continue;
    std::string rule(spec::ToString(r.onDelete));
    std::string name =
        e.name + ": delete with " + A(child->name) + " referring to it (" + rule + ")";
    std::vector<std::string> rneeds = needs;
    for (const auto& n : CreationNeeds(ctx, *child)) rneeds.push_back(n);
    std::string child_reader = ctx.ActorFor(*child, Op::kRead);
    std::string child_deleter = ctx.ActorFor(*child, Op::kDelete);
    for (const std::string& p : {child_reader, child_deleter}) {
      if (!Context::SignInCheck(p).empty()) rneeds.push_back(Context::SignInCheck(p));
    }
    spec::OnDelete on_delete = r.onDelete;
    std::string field = ref->field;
    bool via_owner = ref->isOwner;
    out.push_back(
        {name, e.name, rneeds,
         [&ctx, em, child, field, via_owner, on_delete, deleter, child_reader, child_deleter] {
           Exchange setup;
           auto parent = Fresh(ctx, *em, 87, setup);
           if (!parent.ok()) return Fail(parent.error().message, "a parent record", setup);
           auto body = ctx.CreateBody(*child, 87, false);
           if (!body.ok()) return Skip(body.error().message);
           std::string as = ctx.CreatorOf(*child);
           if (via_owner) {
             as = kParentUser;  // the owner reference comes from the token
           } else {
             (*body)[field] = *parent;
           }
           Exchange made = ctx.Send("POST", child->route, *body, as);
           json kid;
           if (auto f = ExpectStatus(made, 201,
                                     "201 (creating " + A(child->name) + " that refers to it)"))
             return *f;
           kid = json::parse(made.response->body, nullptr, false);
           std::string kid_url = child->route + "/" + IdOf(kid);
           Exchange del = ctx.Send("DELETE", em->route + "/" + *parent, std::nullopt, deleter);
           if (on_delete == spec::OnDelete::kRestrict) {
             if (auto f = ExpectProblem(
                     del, 409, "409 problem: " + A(child->name) + " still refers to it (restrict)"))
               return *f;
             Exchange get = ctx.Send("GET", kid_url, std::nullopt, child_reader);
             if (auto f = ExpectStatus(get, 200, "the " + child->name + " is still there"))
               return *f;
             ctx.Send("DELETE", kid_url, std::nullopt, child_deleter);
             ctx.Send("DELETE", em->route + "/" + *parent, std::nullopt, deleter);
             return Pass();
           }
           if (auto f = ExpectStatus(del, 204, "204: deleting the parent")) return *f;
           Exchange get = ctx.Send("GET", kid_url, std::nullopt, child_reader);
           if (on_delete == spec::OnDelete::kCascade) {
             if (auto f = ExpectProblem(
                     get, 404,
                     "404 problem: the " + child->name + " was deleted with it (cascade)"))
               return *f;
             return Pass();
           }
           std::string expected = "200 with " + field + " = null (set-null)";
           if (auto f = ExpectStatus(get, 200, expected)) return *f;
           json now = json::parse(get.response->body, nullptr, false);
           if (!now.is_object() || !now.contains(field) || !now[field].is_null()) {
             return Fail(
                 field + " is " +
                     (now.is_object() && now.contains(field) ? Compact(now[field], 60) : "missing"),
                 expected, get);
           }
           return Pass();
         }});
  }
}

}  // namespace bf::verify
