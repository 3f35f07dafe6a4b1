// libFuzzer target for the AppSpec reader: arbitrary bytes -> LoadSpecText (parse, normalise,
// validate). Invariants: no crash; a spec that loads serializes and loads again to an equal spec.
#include <cstdlib>
#include <string_view>

#include "spec/spec_json.h"
#include "spec/validate.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  bf::spec::LoadedSpec loaded = bf::spec::LoadSpecText(text);
  if (!loaded.spec) return 0;
  auto again = bf::spec::LoadSpecText(bf::spec::ToJson(*loaded.spec).dump());
  if (!again.spec || !(*again.spec == *loaded.spec)) std::abort();
  if (!bf::spec::Validate(*again.spec).empty()) std::abort();
  return 0;
}
