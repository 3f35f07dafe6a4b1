// Random identifiers for stored documents.
#pragma once

#include <string>

namespace bf::store {

// A random (version 4) UUID in canonical lower-case form, from the kernel's CSPRNG.
std::string NewId();

// `n` random bytes from the kernel's CSPRNG (getrandom); aborts if the kernel cannot supply them.
std::string RandomBytes(size_t n);

}  // namespace bf::store
