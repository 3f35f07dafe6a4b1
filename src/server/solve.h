// POST /api/projects/{pid}/solve (handlers_solve.cc): diagnose a failing test run, restore
// generated files that were deleted or changed without a commit, rerun the tests, and commit
// the restoration only when they pass.
#pragma once

namespace bf::server {

class App;
void AddSolveRoutes(App& app);

}  // namespace bf::server
