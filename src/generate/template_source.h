// Where a target's templates come from: the bundle compiled into the binary, or a folder
// on disk (`--templates DIR`, for template authors).
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace bf::generate {

class TemplateSource {
 public:
  virtual ~TemplateSource() = default;
  // The file at `path` ('/'-separated, relative to the templates root), if present.
  virtual std::optional<std::string> Read(const std::string& path) const = 0;
  // Every file path under `prefix` (e.g. "node-express/"), sorted.
  virtual std::vector<std::string> List(const std::string& prefix) const = 0;
  // For messages: "embedded templates" or the folder.
  virtual std::string Describe() const = 0;
};

std::shared_ptr<TemplateSource> EmbeddedTemplates();
std::shared_ptr<TemplateSource> DirectoryTemplates(const std::filesystem::path& root);

}  // namespace bf::generate
