// Files compiled into the binary at build time (tools/embed): templates, schemas, web UI.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace bf::assets {

struct EmbeddedFile {
  std::string_view path;  // relative to the bundle root, '/'-separated
  std::string_view data;
};

// Bundles; files are sorted by path.
std::span<const EmbeddedFile> SchemaFiles();    // schemas/
std::span<const EmbeddedFile> TemplateFiles();  // templates/

// The file at `path` in a bundle, if present.
std::optional<std::string_view> Find(std::span<const EmbeddedFile> bundle, std::string_view path);

}  // namespace bf::assets
