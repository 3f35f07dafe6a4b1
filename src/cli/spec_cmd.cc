#include <iostream>

#include "assets/embedded.h"
#include "cli/commands.h"
#include "spec/spec_json.h"

namespace bf::cli {

int SpecValidate(const SpecValidateOptions& o) {
  std::string text;
  if (!ReadInput("", o.file, text)) return kExitUsage;
  spec::LoadedSpec loaded = spec::LoadSpecText(text);
  if (o.json) {
    nlohmann::ordered_json out;
    out["valid"] = loaded.spec.has_value();
    out["errors"] = nlohmann::ordered_json::array();
    for (const auto& i : loaded.issues) out["errors"].push_back({{"path", i.path}, {"message", i.message}});
    std::cout << out.dump(2) << "\n";
    return loaded.spec ? kExitOk : kExitFailed;
  }
  if (loaded.spec) {
    std::cout << o.file << ": valid (" << loaded.spec->entities.size() << " entities, "
              << loaded.spec->relations.size() << " relations)\n";
    return kExitOk;
  }
  std::cerr << o.file << ": " << loaded.issues.size() << (loaded.issues.size() == 1 ? " error" : " errors") << "\n";
  for (const auto& i : loaded.issues) std::cerr << "  " << i.ToString() << "\n";
  return kExitFailed;
}

int SpecSchema() {
  auto schema = assets::Find(assets::SchemaFiles(), "appspec.schema.json");
  if (!schema) {
    PrintError("this binary was built without the AppSpec schema");
    return kExitFailed;
  }
  std::cout << *schema;
  return kExitOk;
}

}  // namespace bf::cli
