#include "generate/template_source.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "assets/embedded.h"
#include "generate/file_tree.h"

namespace bf::generate {
namespace {

class Embedded final : public TemplateSource {
 public:
  std::optional<std::string> Read(const std::string& path) const override {
    auto data = assets::Find(assets::TemplateFiles(), path);
    if (!data) return std::nullopt;
    return std::string(*data);
  }
  std::vector<std::string> List(const std::string& prefix) const override {
    std::vector<std::string> out;
    for (const auto& f : assets::TemplateFiles()) {
      if (f.path.starts_with(prefix)) out.emplace_back(f.path);
    }
    return out;
  }
  std::string Describe() const override { return "the embedded templates"; }
};

class Directory final : public TemplateSource {
 public:
  explicit Directory(std::filesystem::path root) : root_(std::move(root)) {}
  std::optional<std::string> Read(const std::string& path) const override {
    if (!IsSafeRelativePath(path)) return std::nullopt;
    std::ifstream in(root_ / path, std::ios::binary);
    if (!in) return std::nullopt;
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }
  std::vector<std::string> List(const std::string& prefix) const override {
    std::vector<std::string> out;
    std::error_code ec;
    for (std::filesystem::recursive_directory_iterator it(root_, ec), end; !ec && it != end; it.increment(ec)) {
      if (!it->is_regular_file()) continue;
      std::string rel = std::filesystem::relative(it->path(), root_).generic_string();
      if (rel.starts_with(prefix)) out.push_back(rel);
    }
    std::sort(out.begin(), out.end());
    return out;
  }
  std::string Describe() const override { return "the templates in " + root_.string(); }

 private:
  std::filesystem::path root_;
};

}  // namespace

std::shared_ptr<TemplateSource> EmbeddedTemplates() { return std::make_shared<Embedded>(); }
std::shared_ptr<TemplateSource> DirectoryTemplates(const std::filesystem::path& root) {
  return std::make_shared<Directory>(root);
}

}  // namespace bf::generate
