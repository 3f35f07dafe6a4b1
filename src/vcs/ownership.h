// Whether repositories owned by another user may be opened (libgit2's owner validation, like
// git's safe.directory). On by default. The server turns it off once at start: it hands its own
// project folders to the unprivileged sandbox user for test runs and previews, and opens only
// folders under its data directory, never paths a client names.
#pragma once

namespace bf::vcs {

// Process-wide; call before any repository is opened.
void SetOwnerValidation(bool enabled);

}  // namespace bf::vcs
