// The authorization matrix (anonymous, owner, other user, admin x list, get, create, update,
// delete) from spec::EffectiveAccess, and owner references that cannot be forged.
#include <algorithm>

#include "common/strings.h"
#include "verify/checks.h"
#include "verify/jwt.h"
#include "verify/record_expect.h"
#include "verify/samples.h"

namespace bf::verify {

namespace {

using Op = Context::Op;
using nlohmann::json;

enum class Action { kList, kGet, kCreate, kUpdate, kDelete };

const char* ActionName(Action a) {
  switch (a) {
    case Action::kList:
      return "list";
    case Action::kGet:
      return "get";
    case Action::kCreate:
      return "create";
    case Action::kUpdate:
      return "update";
    case Action::kDelete:
      return "delete";
  }
  return "?";
}

Op OpOf(Action a) {
  switch (a) {
    case Action::kList:
    case Action::kGet:
      return Op::kRead;
    case Action::kCreate:
      return Op::kCreate;
    case Action::kUpdate:
      return Op::kUpdate;
    case Action::kDelete:
      return Op::kDelete;
  }
  return Op::kRead;
}

int SuccessStatus(Action a) {
  switch (a) {
    case Action::kCreate:
      return 201;
    case Action::kDelete:
      return 204;
    default:
      return 200;
  }
}

const spec::Field* UpdateField(const EntityModel& e) {
  for (const spec::Field* f : e.writable) {
    if (!f->unique && f->type != spec::FieldType::kJson) return f;
  }
  return e.writable.empty() ? nullptr : e.writable.front();
}

Record* First(Context& ctx, const EntityModel& e) {
  auto it = ctx.records.find(e.name);
  return it == ctx.records.end() || it->second.empty() ? nullptr : &it->second.front();
}

// A fresh record of `e` to delete, created by its usual creator (a fresh account for users,
// signed in under the key "throwaway"). Its id, or a failure.
Result<std::string> Throwaway(Context& ctx, const EntityModel& e, int seq, Exchange& ex) {
  if (e.isUser) {
    ex = ctx.Send("POST", "/auth/register", ctx.RegisterBody(seq));
    json body = json::parse(ex.response ? ex.response->body : "", nullptr, false);
    if (!ex.response || ex.response->status != 201 || !body.is_object() || !body.contains("user")) {
      return MakeError("setup", "could not register a user to delete");
    }
    Principal p;
    p.id = IdOf(body["user"]);
    p.accessToken = StrOf(body, "accessToken");
    ctx.principals["throwaway"] = p;
    return p.id;
  }
  std::optional<json> created;
  ex = ctx.CreateRecord(e, seq, false, created);
  if (!created) return MakeError("setup", "could not create a record to delete");
  ctx.records[e.name].pop_back();
  return IdOf(*created);
}

Outcome RunCell(Context& ctx, const EntityModel& e, Action action, const std::string& who,
                bool allowed, int seq) {
  std::string as = who;
  Record* rec = First(ctx, e);
  std::string url = e.route + "/" + IdOf(rec->body);
  int deny = who.empty() ? 401 : 403;
  std::string expected = allowed ? std::to_string(SuccessStatus(action)) + ": " + ctx.Label(who) +
                                       " may " + ActionName(action)
                                 : std::to_string(deny) + " problem: " + ctx.Label(who) +
                                       " may not " + ActionName(action);
  // A refusal must also mean nothing happened: compare the record before and after.
  std::string reader = ctx.ActorFor(e, Op::kRead);
  json before;
  if (!allowed && (action == Action::kUpdate || action == Action::kDelete)) {
    Exchange get = ctx.Send("GET", url, std::nullopt, reader);
    if (auto f = ExpectStatus(get, 200, "200 (reading the record before the refused request)"))
      return *f;
    before = json::parse(get.response->body, nullptr, false);
  }
  Exchange ex;
  switch (action) {
    case Action::kList:
      ex = ctx.Send("GET", e.route + "?page=1&limit=1", std::nullopt, as);
      break;
    case Action::kGet:
      ex = ctx.Send("GET", url, std::nullopt, as);
      break;
    case Action::kCreate: {
      auto body = ctx.CreateBody(e, seq, true);
      if (!body.ok()) return Skip(body.error().message);
      ex = ctx.Send("POST", e.route, *body, as);
      break;
    }
    case Action::kUpdate: {
      const spec::Field* f = UpdateField(e);
      json current = rec->body.contains(f->name) ? rec->body[f->name] : json();
      ex = ctx.Send("PATCH", url, json{{f->name, OtherValue(*f, current, seq, ctx.run)}}, as);
      break;
    }
    case Action::kDelete:
      if (allowed) {
        Exchange setup;
        auto id = Throwaway(ctx, e, seq, setup);
        if (!id.ok()) return Fail(id.error().message, "a record to delete", setup);
        url = e.route + "/" + *id;
        if (e.isUser && who != kAdmin && who != "") as = "throwaway";  // a user deletes themselves
      }
      ex = ctx.Send("DELETE", url, std::nullopt, as);
      break;
  }
  if (allowed) {
    if (auto f = ExpectStatus(ex, SuccessStatus(action), expected)) return *f;
    if (action == Action::kUpdate) {
      json got = json::parse(ex.response->body, nullptr, false);
      if (got.is_object()) rec->body = got;
    }
    return Pass();
  }
  if (auto f = ExpectProblem(ex, deny, expected)) return *f;
  if (action == Action::kUpdate || action == Action::kDelete) {
    Exchange get = ctx.Send("GET", url, std::nullopt, reader);
    if (!get.response || get.response->status != 200) {
      return Fail("the record is gone after the refused " + std::string(ActionName(action)),
                  "the record left untouched", get);
    }
    json now = json::parse(get.response->body, nullptr, false);
    auto changed = Changed(e, before, now, {});
    if (!changed.empty()) {
      return Fail("the refused update was applied: " + Join(changed, "; "),
                  "the record left untouched", get);
    }
  }
  return Pass();
}

}  // namespace

void AddAccessChecks(Context& ctx, const EntityModel& e, std::vector<Check>& out) {
  if (!ctx.model.auth) return;
  const EntityModel* em = &e;
  std::string creator = ctx.CreatorOf(e);
  std::string other = creator == kOwner ? kOther : kOwner;
  const std::string& role = ctx.spec.auth.defaultRole;
  struct Row {
    std::string who;
    std::string label;
  };
  std::vector<Row> rows = {{"", "anonymous"}};
  if (creator != kAdmin) rows.push_back({creator, "owner"});
  rows.push_back({other, "other user"});
  rows.push_back({kAdmin, "admin"});
  int seq = 60;
  for (Action action :
       {Action::kList, Action::kGet, Action::kCreate, Action::kUpdate, Action::kDelete}) {
    if (e.isUser && action == Action::kCreate) continue;
    if (action == Action::kUpdate && !UpdateField(e)) continue;
    const auto& principals = Context::Principals(e, OpOf(action));
    for (const Row& row : rows) {
      bool is_admin = row.who == kAdmin;
      bool isOwner = action == Action::kCreate ? !row.who.empty() : row.who == creator;
      bool allowed = is_admin || Allows(principals, !row.who.empty(), role, isOwner);
      std::string name = e.name + ": " + ActionName(action) + " as " + row.label;
      if (action == Action::kList && !row.who.empty() && !allowed &&
          std::find(principals.begin(), principals.end(), "owner") != principals.end()) {
        continue;  // what an owner-only list shows others is not defined by the contract
      }
      std::vector<std::string> needs = {CreateCheckName(e)};
      std::string sign_in = Context::SignInCheck(row.who);
      if (!sign_in.empty() && sign_in != needs.front()) needs.push_back(sign_in);
      if (action == Action::kCreate || action == Action::kDelete) {
        for (const auto& n : CreationNeeds(ctx, e)) needs.push_back(n);
      }
      if (action == Action::kUpdate ||
          action == Action::kDelete) {  // the record is read before and after
        std::string reader_sign_in = Context::SignInCheck(ctx.ActorFor(e, Op::kRead));
        if (!reader_sign_in.empty()) needs.push_back(reader_sign_in);
      }
      std::string who = row.who;
      int s = ++seq;
      out.push_back({name, e.name, needs, [&ctx, em, action, who, allowed, s] {
                       return RunCell(ctx, *em, action, who, allowed, s);
                     }});
    }
  }
  if (!IsPublic(e.access.read)) {
    out.push_back(
        {e.name + ": list with a forged token is 401", e.name, {CreateCheckName(e)}, [&ctx, em] {
           auto forged = ForgeInvalidTokens(ctx.Who(kOwner) ? ctx.Who(kOwner)->accessToken : "",
                                            ctx.spec.auth.adminRole);
           if (forged.empty()) return Skip("the access token is not a JWT");
           for (const auto& t : forged) {
             Exchange ex = ctx.SendRaw("GET", em->route, std::nullopt,
                                       {{"Authorization", "Bearer " + t.token}});
             if (auto f = ExpectProblem(ex, 401, "401 problem for a token with " + t.name)) {
               f->message = t.name + ": " + f->message;
               return *f;
             }
           }
           return Pass();
         }});
  }
  if (e.ownerField && !e.isUser) {
    std::string field = *e.ownerField;
    out.push_back({e.name + ": owner is taken from the token on create", e.name,
                   CreationNeeds(ctx, e), [&ctx, em, field, creator, other] {
                     auto body = ctx.CreateBody(*em, 75, true);
                     if (!body.ok()) return Skip(body.error().message);
                     const Principal* victim = ctx.Who(other);
                     if (!victim) return Skip("needs a second user");
                     (*body)[field] = victim->id;
                     std::string me = ctx.Who(creator)->id;
                     std::string expected = "201 with " + field + " = the caller " + me +
                                            ", or 422 (" + field + " is not writable)";
                     Exchange ex = ctx.Send("POST", em->route, *body, creator);
                     if (ex.response && ex.response->status == 422) {
                       if (auto f = ExpectProblem(ex, 422, expected)) return *f;
                       return Pass("rejected with 422");
                     }
                     if (auto f = RefusedWith400(ex, field, expected)) return *f;
                     if (auto f = ExpectStatus(ex, 201, expected)) return *f;
                     json got = json::parse(ex.response->body, nullptr, false);
                     std::string owner = got.is_object() ? StrOf(got, field) : "";
                     if (owner != me) {
                       return Fail("the record belongs to " + owner +
                                       (owner == victim->id ? ", the user named in the body" : ""),
                                   expected, ex);
                     }
                     return Pass("owner set from the token");
                   }});
    std::string updater = ctx.ActorFor(e, Op::kUpdate);
    std::vector<std::string> needs = ActorNeeds(e, updater);
    needs.push_back(kRegisterOtherCheck);
    out.push_back(
        {e.name + ": owner cannot be changed by update", e.name, needs,
         [&ctx, em, field, updater, other] {
           Record* rec = First(ctx, *em);
           std::string url = em->route + "/" + IdOf(rec->body);
           std::string owner = StrOf(rec->body, field);
           std::string expected =
               "422 (" + field + " is not writable) or 200 with " + field + " unchanged";
           Exchange ex = ctx.Send("PATCH", url, json{{field, ctx.Who(other)->id}}, updater);
           if (auto f = RefusedWith400(ex, field, expected)) return *f;
           if (ex.response && ex.response->status == 422) {
             if (auto f = ExpectProblem(ex, 422, expected)) return *f;
           } else if (auto f = ExpectStatus(ex, 200, expected)) {
             return *f;
           }
           Exchange get = ctx.Send("GET", url, std::nullopt, updater);
           json now = json::parse(get.response ? get.response->body : "", nullptr, false);
           std::string after = now.is_object() ? StrOf(now, field) : "";
           if (after != owner)
             return Fail(field + " changed from " + owner + " to " + after, expected, get);
           return Pass();
         }});
  }
}

}  // namespace bf::verify
