// The suite's checks, by area. Each Add* appends closures over `ctx` to `out`, in the order
// they must run; suite.cc puts the areas together.
#pragma once

#include <functional>
#include <vector>

#include "verify/check.h"
#include "verify/context.h"
#include "verify/expect.h"

namespace bf::verify {

void AddSystemChecks(Context& ctx, std::vector<Check>& out);
void AddAuthChecks(Context& ctx, std::vector<Check>& out);
// 405 with Allow for methods a path does not document (after auth: it signs in).
void AddRoutingChecks(Context& ctx, std::vector<Check>& out);
// Records and reads: create, shape, get, 404s.
void AddCreateChecks(Context& ctx, const EntityModel& e, std::vector<Check>& out);
void AddReadChecks(Context& ctx, const EntityModel& e, std::vector<Check>& out);
// Lists: contents and total, pagination, bounds, sorting, exact filters.
void AddListChecks(Context& ctx, const EntityModel& e, std::vector<Check>& out);
// Invalid bodies and malformed JSON.
void AddValidationChecks(Context& ctx, const EntityModel& e, std::vector<Check>& out);
// Partial update, null clears, nested reads.
void AddUpdateChecks(Context& ctx, const EntityModel& e, std::vector<Check>& out);
void AddNestedChecks(Context& ctx, const EntityModel& e, std::vector<Check>& out);
// Who may do what, and owner references that cannot be forged.
void AddAccessChecks(Context& ctx, const EntityModel& e, std::vector<Check>& out);
void AddEventChecks(Context& ctx, std::vector<Check>& out);
// Deleting records, and what happens to the records that refer to them (onDelete).
void AddDeleteChecks(Context& ctx, const EntityModel& e, std::vector<Check>& out);
// Last: failed logins are throttled (429). Last because a per-address limit would refuse the
// suite's own sign-ins.
void AddThrottleCheck(Context& ctx, std::vector<Check>& out);

// Names of per-entity checks other checks need.
std::string CreateCheckName(const EntityModel& e);  // "Post: create"
// The needs of any check that creates records of `e`: the creator's sign-in and the create
// checks of the entities it must reference.
std::vector<std::string> CreationNeeds(const Context& ctx, const EntityModel& e);
// The needs of a check acting as `principal` on records of `e`: "create" and the sign-in.
std::vector<std::string> ActorNeeds(const EntityModel& e, const std::string& principal);

// Walking a list page by page.
struct Walk {
  std::vector<nlohmann::json> items;
  int64_t total = -1;
  int pages = 0;
  bool complete = false;  // the last page was reached (not stopped by `stop` or `maxPages`)
};
// GETs `target` (a path with or without a query) with page=1.. and `limit` until `stop` says
// so, a page comes back short, or `maxPages`. A failure when a page is not a valid page.
Failure WalkPages(Context& ctx, const std::string& target, const std::string& as, int limit,
                  int maxPages, Walk& out, const std::function<bool(const Walk&)>& stop = {});
// Ids of the suite's records of `e`.
std::vector<std::string> OwnIds(const Context& ctx, const EntityModel& e);

}  // namespace bf::verify
